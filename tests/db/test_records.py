"""Read-only page records: the related timeline page reads exactly what the ORM loads."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import UnmappedInstanceError

from db.models import Article, Claim, Verification
from db.records import columns, read_only
from db.repositories.claims import ClaimQuery, ClaimRepository
from tests.builders.claims import make_article, make_claim, make_speaker


def test_read_only_instance_reads_given_attributes_only() -> None:
    names = [name for name, _ in columns(Article, exclude={"text"})]
    values = [f"v{i}" for i in range(len(names))]
    article = read_only(Article, names, values)
    assert isinstance(article, Article)
    assert article.title == values[names.index("title")]
    with pytest.raises(UnmappedInstanceError):
        _ = article.text  # not selected, and no session to load it from


async def test_read_only_instance_cannot_join_a_session(session: AsyncSession) -> None:
    article = read_only(Article, ["id", "title"], [1, "t"])
    with pytest.raises((UnmappedInstanceError, InvalidRequestError)):
        session.add(article)


async def seed(session: AsyncSession) -> None:
    """Two articles, a shared speaker, claims with zero, one and two verdicts."""
    first, second = await make_article(session), await make_article(session)
    anna = await make_speaker(session, "Anna Adams", aliases=["Adams"])
    for day, article, speaker, verdicts in [
        (3, first, anna, 2),
        (1, second, None, 0),
        (2, first, anna, 1),
        (2, second, anna, 0),
    ]:
        claim = await make_claim(
            session,
            article,
            speaker_id=speaker.id if speaker else None,
            time_start=date(2022, 5, day),
            time_end=date(2022, 5, day),
            times=[{"text": f"May {day}", "value": f"2022-05-0{day}"}],
        )
        for revision in range(1, verdicts + 1):
            session.add(Verification(claim_id=claim.id, revision=revision, status="CONFIRMED"))
    await session.commit()


def snapshot(claim: Claim) -> dict[str, Any]:
    def plain(model: Any, exclude: set[str] = set()) -> dict[str, Any]:  # noqa: B006
        return {name: getattr(model, name) for name, _ in columns(type(model), exclude=exclude)}

    return {
        **plain(claim),
        "article": plain(claim.article, {"text"}),
        "speaker": plain(claim.speaker) if claim.speaker else None,
        "verifications": [plain(v) for v in claim.verifications],
    }


@pytest.mark.parametrize("descending", [False, True])
async def test_related_page_matches_the_orm(sessionmaker: Any, descending: bool) -> None:
    async with sessionmaker() as session:
        await seed(session)
    order = (Claim.sort_date, Claim.id)
    query = (
        select(Claim)
        .options(
            selectinload(Claim.article),
            selectinload(Claim.speaker),
            selectinload(Claim.verifications),
        )
        .order_by(*(c.desc() for c in order) if descending else order)
        .limit(3)
    )
    async with sessionmaker() as session:
        expected = [snapshot(c) for c in await session.scalars(query)]
    async with sessionmaker() as session:
        page = await ClaimRepository(session).page(
            ClaimQuery(), descending=descending, after=None, limit=3, related=True
        )
        actual = [snapshot(c) for c in page]
    assert actual == expected
    assert any(c["verifications"] for c in actual)  # the page does hold verdicts
