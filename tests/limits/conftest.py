"""An app whose requests are refused before any database access: no migrated database needed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from api.app import create_app
from api.settings import Settings

MakeClient = Callable[..., httpx.AsyncClient]


@pytest.fixture
def make_client(tmp_path: Path) -> MakeClient:
    """Clients over apps built with the given Settings overrides (SQLite file, never opened)."""
    apps: list[Starlette] = []

    def make(**overrides: object) -> httpx.AsyncClient:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/x.db", **overrides)  # type: ignore[arg-type]
        app = create_app(settings)
        apps.append(app)
        transport = httpx.ASGITransport(app=app)
        return httpx.AsyncClient(transport=transport, base_url="http://testserver")

    return make
