"""`hindsight migrate` and `hindsight seed` on each backend.

main() runs its own event loop, so the async tests call it in a thread.
"""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.cli.main import main
from db.models import Article, Claim


async def _counts(session: AsyncSession) -> tuple[int, int]:
    articles = await session.scalar(select(func.count()).select_from(Article))
    claims = await session.scalar(select(func.count()).select_from(Claim))
    return int(articles or 0), int(claims or 0)


class TestSeed:
    async def test_seeding_twice_does_not_duplicate(
        self,
        db_url: str,
        session: AsyncSession,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        monkeypatch.setenv("DATABASE_URL", db_url)
        assert await asyncio.to_thread(main, ["seed"]) == 0
        first = await _counts(session)
        assert await asyncio.to_thread(main, ["seed"]) == 0
        assert await _counts(session) == first
        assert first[0] == 1
        assert first[1] > 5
        out = capsys.readouterr().out
        assert "loaded: Ukraine Threatens Kremlin" in out
        assert "already loaded: Ukraine Threatens Kremlin" in out


class TestMigrate:
    async def test_migrate_reports_the_database(
        self, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("DATABASE_URL", db_url)
        assert await asyncio.to_thread(main, ["migrate"]) == 0
        assert "is at head" in capsys.readouterr().out

    def test_unreachable_database_fails_cleanly(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/x")
        assert main(["migrate"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("hindsight: error: cannot use database")
