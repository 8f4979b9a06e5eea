"""Property tests: any text, any DCT -> no exception, valid offsets, no overlaps."""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from api.temporal import tag

WORDS = [
    "March",
    "May",
    "last",
    "next",
    "week",
    "year",
    "2019",
    "the",
    "past",
    "three",
    "months",
    "ago",
    "Friday",
    "by",
    "until",
    "in",
    "summer",
    "of",
    "1990s",
    "a",
    "quarter",
    "second",
    "now",
    "Christmas",
    "early",
    "mid-",
    "5",
    "p.m.",
    "every",
    "$",
    "175",
    "million",
    ",",
    ".",
    "nineteen",
    "ninety-six",
    "Q3",
    "half",
    "fiscal",
    "year-ago",
    "-",
    "Sept.",
    "30",
    "will",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
)
dcts = st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 12, 31))


@settings(max_examples=300, deadline=None)
@given(texts, dcts)
def test_tag_is_total_and_well_formed(text: str, dct: date) -> None:
    found = tag(text, dct)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        assert t.value
        if t.interval is not None:
            assert t.interval.start <= t.interval.end
            assert t.granularity is not None
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
