"""What a fact-checker reads off an item: its clause, a readable cue, a meaningful confidence."""

from __future__ import annotations

from datetime import date

import pytest

from api.extract import Item, extract

DAY = date(2024, 3, 14)


def one(text: str) -> Item:
    (item,) = extract(text, DAY)
    return item


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The Defense Department sent $175 million in aid.", "number: $175 million"),
        ("Last year, the company sold cars in China.", "time: Last year"),
        ("The Kremlin is not backing down.", "named entity: Kremlin"),
        ("Inflation is expected to peak in June.", "expected to"),
        ("Parliament must pass the budget by June 30.", "deadline: June 30"),
    ],
    ids=["number", "time", "name", "explicit-cue", "deadline"],
)
def test_cue_names_the_checkable_core(text: str, cue: str) -> None:
    assert one(text).cue == cue


def test_confidence_follows_the_strength_of_the_cue() -> None:
    will = one("The bridge will open to traffic.").confidence
    may = one("The bridge may open to traffic.").confidence
    future_only = one("Elections in Brazil are scheduled for October.").confidence
    assert will > future_only > may


def test_subordinate_attribution_is_its_own_item() -> None:
    text = "Oil rose 2% on Thursday after the agency said supply would fall short."
    items = extract(text, DAY)
    assert [(i.kind, i.speaker) for i in items] == [("claim", None), ("prediction", "the agency")]
    assert items[0].text == "Oil rose 2% on Thursday"


@pytest.mark.parametrize(
    "text",
    [
        "“This is not a reason to panic,” Mandy Cohen said.",
        "“I have never been more excited about the future,” he wrote.",
        "Labour leader Keir Starmer called the decision “a betrayal of the north”.",
        "“The choice is theirs,” the tweet continues.",
        "It was not clear whether either man could win the 217 votes needed.",
    ],
    ids=["no-reason", "feeling", "characterised", "bare-copula", "not-clear"],
)
def test_quoted_opinions_yield_nothing(text: str) -> None:
    assert extract(text, DAY) == []
