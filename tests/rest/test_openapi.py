"""The OpenAPI document describes exactly the routes, and is a valid OpenAPI 3.1 document."""

from __future__ import annotations

import httpx
from openapi_spec_validator import validate
from starlette.routing import Route

from api.rest.openapi import PATHS, document
from api.rest.routes import routes
from api.services.exports import CSV_COLUMNS


def _routed() -> set[tuple[str, str]]:
    pairs = set()
    for route in routes:
        assert isinstance(route, Route)
        pairs |= {(route.path, m.lower()) for m in route.methods or () if m != "HEAD"}
    return pairs


def _documented() -> set[tuple[str, str]]:
    return {(path, method) for path, item in PATHS.items() for method in item}


def test_every_route_is_documented_and_every_operation_routed() -> None:
    assert _routed() == _documented()


def test_the_document_is_valid_openapi_3_1() -> None:
    spec = document()
    validate(spec)
    assert spec["openapi"].startswith("3.1")
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def test_operation_ids_are_unique_and_path_parameters_declared() -> None:
    operations = [op for item in PATHS.values() for op in item.values()]
    assert len({op["operationId"] for op in operations}) == len(operations)
    for path, item in PATHS.items():
        for op in item.values():
            declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert declared == ({"id"} if "{id}" in path else set()), path


def test_writes_require_the_bearer_scheme_and_document_auth_failures() -> None:
    for item in PATHS.values():
        for method, op in item.items():
            if method in ("post", "put", "delete"):
                assert op["security"] == [{"bearer": []}]
                assert {"401", "403"} <= set(op["responses"])


def test_the_csv_columns_are_documented_in_order() -> None:
    description = PATHS["/claims.csv"]["get"]["responses"]["200"]["description"]
    assert ", ".join(CSV_COLUMNS) in description


async def test_served_document_names_the_mount_as_server(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    body = response.json()
    assert body["servers"] == [{"url": "/api/v1"}]
    assert body["paths"].keys() == PATHS.keys()
