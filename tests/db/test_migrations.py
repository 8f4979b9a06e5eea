"""Alembic owns the schema: the migrations and the models must agree on every backend."""

from __future__ import annotations

from sqlalchemy import inspect

from db.migrations import diff, downgrade, upgrade
from db.session import create_engine


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


class TestMigrations:
    async def test_models_match_migrations(self, db_url: str) -> None:
        assert await diff(db_url) == []

    async def test_downgrade_then_upgrade_round_trips(self, db_url: str) -> None:
        await downgrade(db_url, "base")
        assert await _tables(db_url) <= {"alembic_version"}
        await upgrade(db_url, "head")
        assert {"articles", "claims", "speakers", "verifications", "api_tokens"} <= await _tables(
            db_url
        )
        assert await diff(db_url) == []
