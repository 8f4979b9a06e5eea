"""Request bodies over settings.max_body_bytes get 413 problem+json, declared or streamed."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from api.services.ingest import MAX_TEXT_CHARS
from api.settings import Settings
from tests.limits.conftest import MakeClient

LIMIT = 1_000


def graphql_body(padding: int) -> bytes:
    return json.dumps({"query": "{ __typename }" + " " * padding}).encode()


class TestBodyLimit:
    @pytest.mark.parametrize("path", ["/graphql", "/api/v1/articles"])
    async def test_a_declared_length_over_the_limit_is_refused(
        self, make_client: MakeClient, path: str
    ) -> None:
        async with make_client(max_body_bytes=LIMIT) as client:
            response = await client.post(
                path, content=graphql_body(LIMIT), headers={"content-type": "application/json"}
            )
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 413
        assert problem["code"] == "BODY_TOO_LARGE"
        assert f"limit of {LIMIT} bytes" in problem["detail"]

    async def test_a_streamed_body_is_cut_off_at_the_limit(self, make_client: MakeClient) -> None:
        sent: list[int] = []

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: chunked
            for _ in range(10):
                sent.append(300)
                yield b" " * 300

        async with make_client(max_body_bytes=LIMIT) as client:
            response = await client.post(
                "/graphql", content=chunks(), headers={"content-type": "application/json"}
            )
        assert "content-length" not in response.request.headers
        assert response.status_code == 413
        assert response.json()["code"] == "BODY_TOO_LARGE"
        assert sum(sent) <= LIMIT + 300  # reading stopped at the first chunk past the limit

    async def test_a_body_under_the_limit_goes_through(self, make_client: MakeClient) -> None:
        body = graphql_body(LIMIT - 100)
        assert len(body) < LIMIT
        async with make_client(max_body_bytes=LIMIT) as client:
            response = await client.post(
                "/graphql", content=body, headers={"content-type": "application/json"}
            )
        assert response.status_code == 200
        assert response.json() == {"data": {"__typename": "Query"}}

    async def test_the_default_admits_the_largest_article(self, make_client: MakeClient) -> None:
        # The ingest limit is in characters; a full-size ASCII article plus JSON must fit.
        text = "All quiet on the front. " * (MAX_TEXT_CHARS // 24)
        body = json.dumps({"query": "{ __typename }", "variables": {"text": text}}).encode()
        assert len(body) < Settings().max_body_bytes
        async with make_client() as client:
            response = await client.post(
                "/graphql", content=body, headers={"content-type": "application/json"}
            )
        assert response.status_code == 200
