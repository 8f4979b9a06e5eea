"""CORS: HINDSIGHT_CORS_ORIGINS lists the origins a browser may call the API from."""

from __future__ import annotations

import pytest

from api.settings import Settings
from tests.limits.conftest import MakeClient

ALLOWED = "https://newsroom.example"
FOREIGN = "https://elsewhere.example"
PREFLIGHT = {
    "access-control-request-method": "POST",
    "access-control-request-headers": "authorization, content-type",
}


def test_origins_come_from_the_environment() -> None:
    settings = Settings.from_env({"HINDSIGHT_CORS_ORIGINS": f"{ALLOWED}, http://localhost:5173"})
    assert settings.cors_origins == (ALLOWED, "http://localhost:5173")


class TestCors:
    @pytest.mark.parametrize("path", ["/graphql", "/api/v1/health"])
    async def test_an_allowed_origin_passes_the_preflight(
        self, make_client: MakeClient, path: str
    ) -> None:
        async with make_client(cors_origins=(ALLOWED,)) as client:
            response = await client.options(path, headers={"origin": ALLOWED, **PREFLIGHT})
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == ALLOWED
        assert "POST" in response.headers["access-control-allow-methods"]
        allowed_headers = response.headers["access-control-allow-headers"].lower()
        assert "authorization" in allowed_headers

    async def test_a_foreign_origin_gets_no_cors_headers(self, make_client: MakeClient) -> None:
        async with make_client(cors_origins=(ALLOWED,)) as client:
            preflight = await client.options("/graphql", headers={"origin": FOREIGN, **PREFLIGHT})
            simple = await client.post(
                "/graphql", json={"query": "{ __typename }"}, headers={"origin": FOREIGN}
            )
        assert preflight.status_code == 400
        assert "access-control-allow-origin" not in preflight.headers
        assert simple.status_code == 200  # the server answers; the browser hides it
        assert "access-control-allow-origin" not in simple.headers

    async def test_an_allowed_origin_can_read_answers_and_refusals(
        self, make_client: MakeClient
    ) -> None:
        async with make_client(cors_origins=(ALLOWED,), max_body_bytes=100) as client:
            ok = await client.post(
                "/graphql", json={"query": "{ __typename }"}, headers={"origin": ALLOWED}
            )
            too_big = await client.post("/graphql", content=b" " * 200, headers={"origin": ALLOWED})
        assert ok.headers["access-control-allow-origin"] == ALLOWED
        assert too_big.status_code == 413
        assert too_big.headers["access-control-allow-origin"] == ALLOWED

    async def test_without_origins_cors_is_off(self, make_client: MakeClient) -> None:
        async with make_client() as client:
            response = await client.options("/graphql", headers={"origin": ALLOWED, **PREFLIGHT})
        assert "access-control-allow-origin" not in response.headers
