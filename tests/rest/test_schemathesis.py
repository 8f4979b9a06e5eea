"""Schemathesis against the live server: no 5xx and no response outside the OpenAPI document.

Every check schemathesis runs by default applies (status codes, content types, headers, response
schemas, negative data rejected, missing required headers, unsupported methods, ignored auth),
with the two adjustments in CONFIG.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.core.result import Ok

from api.rest.openapi import PATHS
from tests.e2e.server import Server, running_server

EXAMPLES = 25
CONFIG = {
    "checks": {
        # A random cursor or ID fits `type: string` yet names nothing: 400/404 is right for it.
        "positive_data_acceptance": {"enabled": False},
        # PUT without If-Match is 428 Precondition Required (RFC 6585), the status made for it.
        "missing_required_header": {"expected-statuses": [400, 401, 403, 415, 422, 428]},
    }
}
calls: Counter[str] = Counter()
statuses: Counter[str] = Counter()


def documented() -> set[str]:
    return {f"{method.upper()} {path}" for path, item in PATHS.items() for method in item}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real server on a fresh SQLite file, seeded so that reads return real items."""
    path: Path = tmp_path_factory.mktemp("schemathesis") / "hindsight.db"
    with running_server(f"sqlite+aiosqlite:///{path}") as server:
        yield server


@pytest.fixture(scope="module")
def real_ids(live: Server) -> dict[str, list[str]]:
    """IDs of the seed's rows: every other case of an {id} read or PUT uses one."""
    api = f"{live.base_url}/api/v1"
    found = {}
    for collection in ("claims", "articles", "speakers"):
        items = httpx.get(f"{api}/{collection}?limit=100", timeout=10).json()["items"]
        found[collection] = [item["id"] for item in items]
    assert all(found.values()), found
    return found


@pytest.fixture(scope="module")
def api_schema(live: Server) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(
        f"{live.base_url}/api/v1/openapi.json", config=schemathesis.Config.from_dict(CONFIG)
    )


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api(case: schemathesis.Case[Any], live: Server, real_ids: dict[str, list[str]]) -> None:
    label = f"{case.method} {case.path}"
    calls[label] += 1
    collection = case.path.split("/")[1]
    # Keep the seed article: DELETE only ever sees generated IDs (404).
    if "{id}" in case.path and case.method != "DELETE" and calls[label] % 2:
        ids = real_ids[collection]
        case.path_parameters = {"id": ids[calls[label] % len(ids)]}
    response = case.call_and_validate(
        base_url=f"{live.base_url}/api/v1",
        headers={"Authorization": f"Bearer {live.admin_token}"},
        timeout=15,
    )
    statuses[f"{label} {response.status_code}"] += 1


def test_every_operation_was_exercised(api_schema: schemathesis.BaseSchema) -> None:
    """Runs after test_api (file order): the figures, and no operation left out."""
    operations = set()
    for result in api_schema.get_all_operations():
        assert isinstance(result, Ok), result  # the document loaded without errors
        operations.add(f"{result.ok().method.upper()} {result.ok().path}")
    print(f"\nschemathesis: {len(operations)} operations, {sum(calls.values())} calls")
    for label in sorted(statuses):
        print(f"  {label}: {statuses[label]}")
    assert operations - set(calls) == set()
    # Schemathesis leaves out the operation serving the document it loaded.
    assert operations | {"GET /openapi.json"} == documented()
