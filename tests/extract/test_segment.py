"""Segmentation: sentences, clauses, quotes, headlines and the trailing bio."""

from __future__ import annotations

import pytest

from api.extract.rules import load
from api.extract.segment import segment


def pieces(text: str) -> list[tuple[str, str]]:
    return [(c.kind, text[c.start : c.end]) for c in segment(text, load())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith met Sen. Jones in Sept. last year. They agreed.",
            ["Dr. Smith met Sen. Jones in Sept. last year.", "They agreed."],
        ),
        (
            "HIMARS were sent by the U.S. Department of Defense. More will come.",
            ["HIMARS were sent by the U.S. Department of Defense.", "More will come."],
        ),
        (
            "Aid came from the U.S. The package is large.",
            ["Aid came from the U.S.", "The package is large."],
        ),
        (
            "“Leave now. Or else,” he said. Then he left.",
            ["“Leave now.", "Or else,” he said.", "Then he left."],
        ),
        ("It rose 3.5% in June. Prices fell.", ["It rose 3.5% in June.", "Prices fell."]),
    ],
    ids=["titles-and-months", "initialism-inside", "initialism-final", "quote", "decimal"],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [t for _, t in pieces(text)] == expected


def test_quote_spanning_sentences_shares_a_block() -> None:
    text = "“Retreat now. The choice is theirs,” the tweet continues. Kyiv agreed."
    blocks = [c.block for c in segment(text, load())]
    assert blocks[0] == blocks[1] != blocks[2]


def test_title_joined_by_dash_and_subhead() -> None:
    text = (
        "Ukraine Threatens Kremlin: Retreat Or Be Annihilated – Kyiv warned Moscow.\n"
        "More HIMARS On Their Way\nThe Pentagon sent more."
    )
    assert pieces(text) == [
        ("headline", "Ukraine Threatens Kremlin: Retreat Or Be Annihilated"),
        ("body", "Kyiv warned Moscow."),
        ("headline", "More HIMARS On Their Way"),
        ("body", "The Pentagon sent more."),
    ]


def test_dash_splits_only_before_a_connective() -> None:
    text = "Kherson – the southern city – fell in March – however, it may be retaken."
    assert [t for _, t in pieces(text)] == [
        "Kherson – the southern city – fell in March",
        "however, it may be retaken.",
    ]


def test_bio_at_the_end_is_boilerplate() -> None:
    text = "Prices rose.\nJack Buckby is a British author and journalist in New York. He writes."
    kinds = [k for k, _ in pieces(text)]
    assert kinds == ["body", "boilerplate", "boilerplate"]


def test_bio_like_sentence_in_the_body_stays() -> None:
    text = "Jane Roe is a British journalist held in Iran.\nShe was seized.\nTalks go on.\nNo."
    assert pieces(text)[0][0] == "body"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("LONDON, March 14 (Reuters) - Retail sales fell 2.1%.", "Retail sales fell 2.1%."),
        ("WASHINGTON (AP) — The House will vote.", "The House will vote."),
    ],
    ids=["reuters-dated", "ap-undated"],
)
def test_dateline_is_not_part_of_the_sentence(text: str, first: str) -> None:
    assert pieces(text)[0] == ("body", first)


def test_calls_to_action_anywhere_are_boilerplate() -> None:
    text = (
        "Shell will cut 200 jobs.\nClick here to read more.\nEditor's note: This story was "
        "updated.\nOil rose 2%.\nRelated: Why oil prices rose"
    )
    assert [k for k, _ in pieces(text)] == [
        "body",
        "boilerplate",
        "boilerplate",
        "body",
        "boilerplate",
    ]
