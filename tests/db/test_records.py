"""Read-only page records (db.records, db.repositories.related_page): what the ORM loads."""

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


def test_record_reads_given_attributes_only() -> None:
    names = [name for name, _ in columns(Article, exclude={"text"})]
    values = [f"v{i}" for i in range(len(names))]
    article = read_only(Article, names, values)
    assert type(article).__name__ == "ArticleRecord"
    assert article.title == values[names.index("title")]
    with pytest.raises(AttributeError):
        _ = article.text  # not selected, and no session to load it from


async def test_record_cannot_join_a_session(session: AsyncSession) -> None:
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


def snapshot(claim: Claim, page: list[Any]) -> dict[str, Any]:
    """`claim` as the attributes the related page carries (those of `page`'s records)."""
    sample = page[0]
    shown = {
        "claim": set(vars(sample)) - {"article", "speaker", "verifications"},
        "article": set(vars(sample.article)),
        "speaker": set(vars(next(c.speaker for c in page if c.speaker))),
        "verification": set(vars(next(v for c in page for v in c.verifications))),
    }

    def plain(model: Any, kind: str) -> dict[str, Any]:
        return {name: getattr(model, name) for name in shown[kind]}

    return {
        **plain(claim, "claim"),
        "article": plain(claim.article, "article"),
        "speaker": plain(claim.speaker, "speaker") if claim.speaker else None,
        "verifications": [plain(v, "verification") for v in claim.verifications],
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
        .limit(4)
    )
    async with sessionmaker() as session:
        page = await ClaimRepository(session).page(
            ClaimQuery(), descending=descending, after=None, limit=4, related=True
        )
        actual = [snapshot(c, page) for c in page]
    async with sessionmaker() as session:
        expected = [snapshot(c, page) for c in await session.scalars(query)]
    assert actual == expected
    # Everything a GraphQL page reads is there: the columns minus bookkeeping.
    assert {"text", "times", "sort_date", "status", "time_end"} <= set(actual[0])
    assert {"title", "published_at"} <= set(actual[0]["article"])
