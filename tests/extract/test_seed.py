"""The seed article end to end: the items a fact-checker needs, nothing from the bio."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from api.extract import Item, extract

SEED = Path(__file__).resolve().parents[2] / "seeds" / "ukraine-retreat-or-be-annihilated.txt"
PUBLISHED = date(2022, 7, 28)


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def items(text: str) -> list[Item]:
    return extract(text, PUBLISHED)


def only(items: list[Item], phrase: str) -> Item:
    """The shortest item holding `phrase` (a nested item beats the sentence around it)."""
    hits = [item for item in items if phrase in item.text]
    assert hits, phrase
    return min(hits, key=lambda item: len(item.text))


class TestSeedArticle:
    def test_spans_and_order(self, text: str, items: list[Item]) -> None:
        assert items
        for item in items:
            assert text[item.start : item.end] == item.text
            assert item.kind in ("claim", "prediction")
            assert 0 < item.confidence <= 1
        assert [i.start for i in items] == sorted(i.start for i in items)

    def test_recaptured_by_september(self, items: list[Item]) -> None:
        item = only(items, "would be recaptured by September")
        assert (item.kind, item.speaker) == ("prediction", "a Ukrainian official")
        assert item.time is not None
        assert (item.time.value, item.time.role) == ("2022-09", "deadline")
        assert item.time.end == date(2022, 9, 30)

    def test_kherson_captured_in_march(self, items: list[Item]) -> None:
        item = only(items, "captured by the Russians in March")
        assert (item.kind, item.speaker) == ("claim", None)
        assert item.time is not None
        assert (item.time.value, item.time.role) == ("2022-03", "event")

    def test_ministry_warning(self, items: list[Item]) -> None:
        item = only(items, "or face annihilation")
        assert (item.kind, item.speaker) == ("prediction", "Ukraine’s Ministry of Defense")
        assert "the Ukrainian Defense Ministry" in item.speaker_aliases
        assert all(t.value != "2022-03" for t in item.times)  # March belongs to the aside

    def test_putin_threatened_this_week(self, items: list[Item]) -> None:
        item = only(items, "Putin threatened fresh strikes")
        assert item.speaker == "Vladimir Putin"
        assert item.time is not None
        assert item.time.value == "2022-W30"

    def test_putin_conditional_strike(self, items: list[Item]) -> None:
        item = only(items, "strike at those targets")
        assert (item.kind, item.speaker, item.quote) == ("prediction", "Vladimir Putin", True)
        assert "if" in item.cue
        assert {"Putin", "Russian President Vladimir Putin", "the Russian leader"} <= set(
            item.speaker_aliases
        )

    def test_last_several_months(self, items: list[Item]) -> None:
        item = only(items, "For the last several months")
        assert item.kind == "claim"
        assert item.time is not None
        assert item.time.end == PUBLISHED
        assert item.time.value.startswith("P")

    def test_defense_department_package(self, items: list[Item]) -> None:
        item = only(items, "announced a new security assistance package")
        assert item.kind == "claim"
        assert item.speaker == "United States Department of Defense"
        assert item.time is not None
        assert item.time.value == "2022-W30"
        revealed = only(items, "$175 million")
        assert revealed.speaker == item.speaker  # "the Defense Department" is the same speaker

    def test_rounds_on_their_way(self, items: list[Item]) -> None:
        item = only(items, "36,000 rounds")
        assert (item.kind, item.cue) == ("prediction", "on their way")

    def test_senior_defense_official(self, items: list[Item]) -> None:
        item = only(items, "a senior defense official said this week")
        assert item.speaker == "a senior defense official"
        assert item.quote is True
        assert item.time is not None
        assert (item.time.value, item.time.role) == ("2022-W30", "reported")

    def test_nothing_from_bio_title_or_subhead(self, text: str, items: list[Item]) -> None:
        bio = text.index("Jack Buckby")
        assert all(item.end <= bio for item in items)
        assert not any("More HIMARS On Their Way" in item.text for item in items)
        assert not any(item.text.startswith("Ukraine Threatens Kremlin") for item in items)

    def test_no_time_from_may_or_we(self, items: list[Item]) -> None:
        texts = {t.text.lower() for item in items for t in item.times}
        assert not texts & {"may", "we"}

    def test_speculation_is_no_item(self, items: list[Item]) -> None:
        assert not any(item.text.startswith("It’s also possible") for item in items)
        assert not any("it’s likely that" in item.text for item in items)
