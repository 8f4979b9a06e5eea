"""Real databases for the tests: a SQLite file and a fresh PostgreSQL database per run.

Every database test runs once per backend (the `db_url` fixture is parametrized). Tests commit
for real, as the application does; the `engine` fixture empties the tables afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette

import db.models  # noqa: F401  (registers every table on Base.metadata)
from api.app import create_app
from api.settings import Settings
from db.base import Base
from db.migrations import upgrade
from db.session import create_engine, create_sessionmaker

DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
BACKENDS = ("sqlite", "postgresql")


def postgres_admin_url() -> str:
    return os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG)


async def _create_pg_database() -> str:
    admin = create_engine(postgres_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"hindsight_test_{uuid.uuid4().hex[:12]}"
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # any failure to reach or use the server
        message = f"PostgreSQL at {postgres_admin_url()} is not usable: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must never silently skip PostgreSQL
        pytest.skip(message)
    finally:
        await admin.dispose()
    return str(admin.url.set(database=name).render_as_string(hide_password=False))


async def _drop_pg_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = create_engine(postgres_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


@pytest_asyncio.fixture(scope="session", params=BACKENDS)
async def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """A migrated, empty database of each backend, shared by the run."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("sqlite") / "hindsight.db"
        url = f"sqlite+aiosqlite:///{path}"
        await upgrade(url)
        yield url
        return
    url = await _create_pg_database()
    try:
        await upgrade(url)
        yield url
    finally:
        await _drop_pg_database(url)


@pytest_asyncio.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(db_url)
    try:
        yield engine
    finally:
        async with engine.begin() as conn:
            for table in reversed(Base.metadata.sorted_tables):
                await conn.execute(table.delete())
        await engine.dispose()


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(engine)


@pytest_asyncio.fixture
async def session(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    async with sessionmaker() as session:
        yield session


@pytest.fixture
def app(db_url: str, engine: AsyncEngine) -> Starlette:
    """The application on the test database (`engine` empties it afterwards)."""
    return create_app(Settings(database_url=db_url, load_seeds=False))


@pytest_asyncio.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await app.state.engine.dispose()
