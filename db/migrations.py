"""Run Alembic programmatically over our async engine (used by the CLI, the server and tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from alembic import command
from db.base import Base
from db.session import create_engine, normalize_url

ALEMBIC_DIR = Path(__file__).resolve().parent.parent / "alembic"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    config.set_main_option("sqlalchemy.url", normalize_url(url).replace("%", "%%"))
    return config


async def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision` on the database at `url`."""
    await _run(url, lambda config: command.upgrade(config, revision))


async def downgrade(url: str, revision: str) -> None:
    """Revert migrations down to `revision` ("base" empties the schema)."""
    await _run(url, lambda config: command.downgrade(config, revision))


async def _run(url: str, action: Callable[[Config], None]) -> None:
    config = alembic_config(url)
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_with_connection, config, action)
    finally:
        await engine.dispose()


async def diff(url: str) -> list[object]:
    """Differences between the models and the migrated database (empty when they agree)."""
    import db.models  # noqa: F401  (registers every table on Base.metadata)

    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(
                lambda c: compare_metadata(MigrationContext.configure(c), Base.metadata)
            )
    finally:
        await engine.dispose()


def _with_connection(
    connection: Connection, config: Config, action: Callable[[Config], None]
) -> None:
    config.attributes["connection"] = connection
    action(config)
