"""Every 4xx of the REST API is RFC 9457 problem+json with a stable code: never a 500."""

from __future__ import annotations

import httpx
import pytest

from tests.rest.conftest import Tokens

API = "/api/v1"
JSON = {"content-type": "application/json"}

CASES = [
    # id, method, path, headers, body, status, code
    ("unknown-route", "GET", "/nope", {}, None, 404, "NOT_FOUND"),
    ("unknown-nested", "GET", "/claims/a/b/c", {}, None, 404, "NOT_FOUND"),
    ("method", "PATCH", "/claims", {}, None, 405, "METHOD_NOT_ALLOWED"),
    ("malformed-json", "POST", "/articles", JSON, b'{"title": ', 400, "MALFORMED_JSON"),
    ("not-utf8", "POST", "/articles", JSON, b"\xff\xfe", 400, "MALFORMED_JSON"),
    ("not-an-object", "POST", "/articles", JSON, b"[1, 2]", 422, "INVALID"),
    (
        "form",
        "POST",
        "/articles",
        {"content-type": "text/plain"},
        b"x",
        415,
        "UNSUPPORTED_MEDIA_TYPE",
    ),
    (
        "no-content-type",
        "PUT",
        "/claims/x/verification",
        {"If-Match": "0"},
        b"{}",
        404,
        "NOT_FOUND",
    ),
    ("no-content-type", "POST", "/articles", {}, b"{}", 415, "UNSUPPORTED_MEDIA_TYPE"),
    ("bad-query", "GET", "/claims?due=maybe", {}, None, 400, "INVALID"),
    ("bad-format", "GET", "/timeline.json?format=rss", {}, None, 400, "INVALID"),
    ("bad-csv-filter", "GET", "/claims.csv?kind=X", {}, None, 400, "INVALID"),
    ("bad-cursor", "GET", "/speakers?cursor=zzz", {}, None, 400, "INVALID_CURSOR"),
]


@pytest.mark.parametrize(
    ("method", "path", "headers", "body", "status", "code"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
async def test_bad_requests_are_problems(
    client: httpx.AsyncClient,
    tokens: Tokens,
    method: str,
    path: str,
    headers: dict[str, str],
    body: bytes | None,
    status: int,
    code: str,
) -> None:
    response = await client.request(
        method, API + path, content=body, headers={**tokens.admin, **headers}
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert problem["code"] == code
    assert problem["type"] == "about:blank"
    assert problem["title"]
    assert problem["detail"]


async def test_405_lists_the_allowed_methods(client: httpx.AsyncClient) -> None:
    response = await client.put(f"{API}/articles")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}


async def test_an_unknown_token_is_a_401_problem(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{API}/claims", headers={"Authorization": "Bearer hs_nope"})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
