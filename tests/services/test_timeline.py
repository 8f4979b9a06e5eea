"""The timeline service: order, keyset pagination both ways, and every filter."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from api.services import ids
from api.services.errors import UserError
from api.services.timeline import TimelineFilter, timeline_page
from db.repositories.speakers import SpeakerRepository
from tests.builders.claims import make_article, make_claim, make_speaker

TODAY = date(2022, 12, 1)
EVERYTHING = TimelineFilter()


async def _texts(session: AsyncSession, f: TimelineFilter = EVERYTHING, **kw: object) -> list[str]:
    page = await timeline_page(session, f, today=TODAY, **kw)  # type: ignore[arg-type]
    return [c.text for c in page.items]


@pytest.fixture
async def days(session: AsyncSession) -> AsyncSession:
    """Five claims dated 2022-07-01..05 and one undated claim (sorted by its article's date)."""
    article = await make_article(session, published_at=date(2022, 7, 3))
    for day in (5, 1, 4, 2):
        await make_claim(session, article, text=f"day {day}", time_start=date(2022, 7, day))
    await make_claim(session, article, text="undated")
    await session.commit()
    return session


class TestOrderAndPages:
    async def test_orders_by_time_then_undated_by_publication(self, days: AsyncSession) -> None:
        assert await _texts(days) == ["day 1", "day 2", "undated", "day 4", "day 5"]
        assert await _texts(days, descending=True) == [
            "day 5",
            "day 4",
            "undated",
            "day 2",
            "day 1",
        ]

    async def test_forward_pages_chain_through_cursors(self, days: AsyncSession) -> None:
        first = await timeline_page(days, TimelineFilter(), today=TODAY, first=2)
        assert [c.text for c in first.items] == ["day 1", "day 2"]
        assert (first.has_next, first.has_previous, first.total) == (True, False, 5)
        second = await timeline_page(
            days, TimelineFilter(), today=TODAY, first=2, after=first.cursors[-1]
        )
        assert [c.text for c in second.items] == ["undated", "day 4"]
        third = await timeline_page(
            days, TimelineFilter(), today=TODAY, first=2, after=second.cursors[-1]
        )
        assert [c.text for c in third.items] == ["day 5"]
        assert (third.has_next, third.has_previous) == (False, True)

    async def test_backward_pages_with_last_and_before(self, days: AsyncSession) -> None:
        tail = await timeline_page(days, TimelineFilter(), today=TODAY, last=2)
        assert [c.text for c in tail.items] == ["day 4", "day 5"]
        assert tail.has_previous
        before = await timeline_page(
            days, TimelineFilter(), today=TODAY, last=2, before=tail.cursors[0]
        )
        assert [c.text for c in before.items] == ["day 2", "undated"]

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"first": 101}, "first"),
            ({"last": -1}, "last"),
            ({"after": "nope"}, "after"),
            ({"first": 1, "last": 1}, "last"),
        ],
    )
    async def test_bad_paging_is_a_user_error(
        self, days: AsyncSession, kwargs: dict[str, object], field: str
    ) -> None:
        with pytest.raises(UserError) as error:
            await timeline_page(days, TimelineFilter(), today=TODAY, **kwargs)  # type: ignore[arg-type]
        assert error.value.field == field


class TestFilters:
    async def test_interval_overlap_kind_status_search(self, session: AsyncSession) -> None:
        article = await make_article(session)
        await make_claim(
            session,
            article,
            text="March claim",
            time_start=date(2022, 3, 1),
            time_end=date(2022, 3, 31),
        )
        await make_claim(
            session,
            article,
            text="September 100% forecast",
            kind="PREDICTION",
            time_start=date(2022, 9, 1),
            time_end=date(2022, 9, 30),
            status="IN_REVIEW",
        )
        await session.commit()
        march_end = TimelineFilter(from_date=date(2022, 3, 31), to_date=date(2022, 4, 10))
        assert await _texts(session, march_end) == ["March claim"]
        assert await _texts(session, TimelineFilter(kinds=["PREDICTION"])) == [
            "September 100% forecast"
        ]
        assert await _texts(session, TimelineFilter(statuses=["UNVERIFIED"])) == ["March claim"]
        assert await _texts(session, TimelineFilter(search="100%")) == ["September 100% forecast"]
        assert await _texts(session, TimelineFilter(search="march")) == ["March claim"]

    async def test_speaker_by_name_alias_or_id_and_article(self, session: AsyncSession) -> None:
        putin = await make_speaker(session, "Vladimir Putin", aliases=["Putin"])
        article, other = await make_article(session), await make_article(session)
        await make_claim(session, article, text="his", speaker_id=putin.id)
        await make_claim(session, other, text="narration")
        await session.commit()
        for name in ("vladimir putin", "Putin", ids.encode("Speaker", putin.id)):
            assert await _texts(session, TimelineFilter(speaker=name)) == ["his"]
        assert await _texts(session, TimelineFilter(speaker="Nobody")) == []
        by_article = TimelineFilter(article_id=ids.encode("Article", other.id))
        assert await _texts(session, by_article) == ["narration"]

    async def test_due_predictions(self, session: AsyncSession) -> None:
        article = await make_article(session)
        past = {
            "kind": "PREDICTION",
            "time_start": date(2022, 9, 1),
            "time_end": date(2022, 9, 30),
            "time_role": "deadline",
        }
        await make_claim(session, article, text="due", **past)
        await make_claim(session, article, text="settled", status="CONFIRMED", **past)
        await make_claim(
            session,
            article,
            text="future",
            kind="PREDICTION",
            time_start=date(2023, 1, 1),
            time_end=date(2023, 1, 31),
            time_role="expected",
        )
        await session.commit()
        assert await _texts(session, TimelineFilter(due=True)) == ["due"]
        assert set(await _texts(session, TimelineFilter(due=False))) == {"settled", "future"}

    @pytest.mark.parametrize(
        ("f", "field"),
        [
            (TimelineFilter(kinds=["OPINION"]), "kinds"),
            (TimelineFilter(statuses=["TRUE"]), "statuses"),
            (TimelineFilter(from_date=date(2022, 2, 1), to_date=date(2022, 1, 1)), "from"),
            (TimelineFilter(article_id="bad"), "articleId"),
        ],
    )
    async def test_bad_filters_are_user_errors(
        self, session: AsyncSession, f: TimelineFilter, field: str
    ) -> None:
        with pytest.raises(UserError) as error:
            await timeline_page(session, f, today=TODAY)
        assert error.value.field == field


@pytest.mark.parametrize(
    ("alias", "asked"),
    [
        ("President Zelensky", "president zelensky"),
        ('Sen. "Chuck" Grassley', 'SEN. "CHUCK" GRASSLEY'),
        ("Percent_Man 50%", "percent_man 50%"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdoğan"),
        ("ÖZTÜRK", "öztürk"),
    ],
)
async def test_speaker_filter_finds_aliases_in_any_case(
    session: AsyncSession, alias: str, asked: str
) -> None:
    wanted = await make_speaker(session, "Wanted Speaker", aliases=[alias])
    await make_speaker(session, "Other Speaker", aliases=["Percent Man 50", "Chuck"])
    await session.commit()
    assert await SpeakerRepository(session).ids_matching(asked) == [wanted.id]
    assert await SpeakerRepository(session).ids_matching("Chuck") != [wanted.id]
