"""Ingestion: the real extraction path into the database, idempotency, limits, races."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.services.errors import UserError
from api.services.ingest import MAX_TEXT_CHARS, ArticleInput, ingest_article
from db.models import Article, Claim, Speaker
from db.repositories.speakers import SpeakerRepository
from seeds.load import seed_inputs

PUTIN_SAYS = "Russian President Vladimir Putin said on {day} that his army would take {city}."


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


class TestIngestArticle:
    async def test_seed_article_items_are_stored_with_times_and_speakers(
        self, session: AsyncSession
    ) -> None:
        (seed,) = seed_inputs()
        result = await ingest_article(session, seed)
        await session.commit()
        assert result.created
        assert result.article.published_at == date(2022, 7, 28)
        by_value = {c.time_value: c for c in result.claims}
        deadline = by_value["2022-09"]
        assert (deadline.kind, deadline.time_role) == ("PREDICTION", "deadline")
        assert deadline.time_end == date(2022, 9, 30)
        assert by_value["2022-03"].kind == "CLAIM"
        for claim in result.claims:
            assert seed.text[claim.start_offset : claim.end_offset] == claim.text
            assert claim.sort_date == (claim.time_start or date(2022, 7, 28))
        names = set(await session.scalars(select(Speaker.name)))
        assert {"Vladimir Putin", "a Ukrainian official", "a senior defense official"} <= names

    async def test_same_url_or_same_text_returns_the_stored_article(
        self, session: AsyncSession
    ) -> None:
        (seed,) = seed_inputs()
        first = await ingest_article(session, seed)
        again = await ingest_article(session, seed)
        assert not again.created
        assert again.article.id == first.article.id
        assert len(again.claims) == len(first.claims)
        text_only = ArticleInput(
            title="No URL", text="Prices rose 5% in March.", published_at="2022-07-28"
        )
        assert (await ingest_article(session, text_only)).created
        assert not (await ingest_article(session, text_only)).created
        assert await _count(session, Article) == 2

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"text": "x" * (MAX_TEXT_CHARS + 1)}, "text"),
            ({"published_at": "2022-02-30"}, "publishedAt"),
            ({"title": "  "}, "title"),
            ({"url": "file:///etc/passwd"}, "url"),
        ],
    )
    async def test_bad_input_writes_nothing(
        self, session: AsyncSession, change: dict[str, str], field: str
    ) -> None:
        data = {"title": "T", "text": "Prices rose.", "published_at": "2022-07-28", **change}
        with pytest.raises(UserError) as error:
            await ingest_article(session, ArticleInput(**data))  # type: ignore[arg-type]
        assert error.value.field == field
        await session.rollback()
        assert await _count(session, Article) == await _count(session, Claim) == 0

    async def test_concurrent_articles_share_a_new_speaker(
        self, session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession]
    ) -> None:
        async def ingest(n: int) -> None:
            text = PUTIN_SAYS.format(day=["Monday", "Tuesday", "Wednesday"][n], city=f"City {n}")
            async with sessionmaker() as own, own.begin():
                await ingest_article(
                    own, ArticleInput(title=f"A{n}", text=text, published_at="2022-07-28")
                )

        await asyncio.gather(*(ingest(n) for n in range(3)))
        assert await _count(session, Article) == 3
        putin = select(func.count()).select_from(Speaker).where(Speaker.name == "Vladimir Putin")
        assert await session.scalar(putin) == 1


async def test_concurrent_alias_merges_keep_every_alias(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    async with sessionmaker() as setup, setup.begin():
        await SpeakerRepository(setup).upsert("Anna Adams", [])

    async def merge_later() -> None:
        async with sessionmaker() as two, two.begin():
            await SpeakerRepository(two).upsert("Anna Adams", ["Adams"])

    async with sessionmaker() as one:
        await SpeakerRepository(one).upsert("Anna Adams", ["Ms. Adams"])  # not committed yet
        second = asyncio.create_task(merge_later())
        await asyncio.sleep(0.3)  # the second merge starts meanwhile and must wait for us
        assert not second.done()
        await one.commit()
        await second
    aliases = await session.scalar(select(Speaker.aliases).where(Speaker.name == "Anna Adams"))
    assert aliases == ["Adams", "Ms. Adams"]
