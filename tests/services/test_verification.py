"""Verdicts: history, revisions, optimistic concurrency, and input checks."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.services.errors import Conflict, NotFound, UserError
from api.services.verification import VerificationInput, set_verification
from db.models import Claim, Verification
from tests.builders.claims import make_article, make_claim


async def _claim(session: AsyncSession) -> Claim:
    claim = await make_claim(session, await make_article(session))
    await session.commit()
    return claim


async def _history(session: AsyncSession, claim_id: int) -> list[tuple[int, str]]:
    rows = await session.execute(
        select(Verification.revision, Verification.status)
        .where(Verification.claim_id == claim_id)
        .order_by(Verification.revision)
    )
    return [(r, s) for r, s in rows]


class TestSetVerification:
    async def test_appends_history_and_bumps_revision(self, session: AsyncSession) -> None:
        claim = await _claim(session)
        for revision, status in enumerate(["IN_REVIEW", "REFUTED"]):
            data = VerificationInput(
                claim.id, status, revision, "why", ["https://example.org/source"]
            )
            updated, verification = await set_verification(session, data, "desk")
            await session.commit()
            assert (updated.status, updated.revision) == (status, revision + 1)
            assert verification.verified_by == "desk"
        assert await _history(session, claim.id) == [(1, "IN_REVIEW"), (2, "REFUTED")]

    async def test_stale_revision_conflicts_and_writes_nothing(self, session: AsyncSession) -> None:
        claim_id = (await _claim(session)).id
        await set_verification(session, VerificationInput(claim_id, "IN_REVIEW", 0), None)
        await session.commit()
        with pytest.raises(Conflict):
            await set_verification(session, VerificationInput(claim_id, "CONFIRMED", 0), None)
        await session.rollback()
        assert await _history(session, claim_id) == [(1, "IN_REVIEW")]

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"status": "TRUE"}, "status"),
            ({"expected_revision": -1}, "expectedRevision"),
            ({"evidence_urls": ["javascript:alert(1)"]}, "evidenceUrls"),
            ({"evidence_urls": ["ftp://example.org/x"]}, "evidenceUrls"),
            ({"note": "x" * 10_001}, "note"),
        ],
    )
    async def test_bad_input_is_rejected_before_any_write(
        self, session: AsyncSession, change: dict[str, object], field: str
    ) -> None:
        claim = await _claim(session)
        data = {"claim_id": claim.id, "status": "CONFIRMED", "expected_revision": 0, **change}
        with pytest.raises(UserError) as error:
            await set_verification(session, VerificationInput(**data), None)  # type: ignore[arg-type]
        assert error.value.field == field
        await session.rollback()
        assert await _history(session, claim.id) == []

    async def test_unknown_claim_is_not_found(self, session: AsyncSession) -> None:
        with pytest.raises(NotFound):
            await set_verification(session, VerificationInput(999_999, "CONFIRMED", 0), None)

    async def test_twenty_concurrent_writers_one_wins(
        self, session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession]
    ) -> None:
        claim = await _claim(session)

        async def attempt(n: int) -> str:
            async with sessionmaker() as own:
                try:
                    await set_verification(
                        own, VerificationInput(claim.id, "CONFIRMED", 0, f"writer {n}"), f"w{n}"
                    )
                    await own.commit()
                    return "ok"
                except Conflict:
                    await own.rollback()
                    return "conflict"

        outcomes = await asyncio.gather(*(attempt(n) for n in range(20)))
        assert sorted(outcomes) == ["conflict"] * 19 + ["ok"]
        count = await session.scalar(
            select(func.count()).select_from(Verification).where(Verification.claim_id == claim.id)
        )
        assert count == 1
