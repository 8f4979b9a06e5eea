"""The development corpus we annotated is well-formed: the scorer trusts its offsets."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "corpora" / "modern-dev.jsonl"
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {"START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}
MODS |= {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}
# What a TIMEX3 value can look like: dates, weeks, parts of years, times, durations, *_REF.
VALUE = re.compile(
    r"^(?:[0-9X]{2,4}(?:-[0-9A-Z]{1,3}){0,3}(?:T[0-9A-Z:]+)?|P[0-9XT.A-Z]+|\w+_REF)$"
)

DOCS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def test_corpus_size() -> None:
    assert len(DOCS) == 90
    assert len({d["doc"] for d in DOCS}) == len(DOCS)


@pytest.mark.parametrize("doc", DOCS, ids=[d["doc"] for d in DOCS])
def test_timexes_are_sorted_non_overlapping_and_match_the_text(doc: dict) -> None:
    date.fromisoformat(doc["dct"])
    end = 0
    for t in doc["timexes"]:
        assert end <= t["start"] < t["end"], t
        assert doc["text"][t["start"] : t["end"]] == t["text"]
        assert t["type"] in TYPES, t
        assert VALUE.match(t["value"]), t
        assert t.get("mod") in MODS | {None}, t
        end = t["end"]
