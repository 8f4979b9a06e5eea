"""The extraction corpus: each case's items, kinds, speakers and times."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from api.extract import extract
from tests.extract.scoring import find, load_cases, same_speaker, score_corpus

CASES = [
    pytest.param(
        c, id=c["id"], marks=[pytest.mark.xfail(reason=c["xfail"])] if "xfail" in c else []
    )
    for c in load_cases()
]


@pytest.mark.parametrize("case", CASES)
def test_case(case: dict[str, Any]) -> None:
    items = extract(case["text"], date.fromisoformat(case["published"]))
    for item in items:
        assert case["text"][item.start : item.end] == item.text
    got = [(i.kind, i.speaker, i.text) for i in items]
    assert len(items) == len(case["expect"]), got
    for exp in case["expect"]:
        item = find(exp, items)
        assert item is not None, (exp["contains"], got)
        assert item.kind == exp["kind"], item
        assert same_speaker(exp["speaker"], item.speaker), item
        assert item.time is not None
        assert (item.time.value, item.time.role) == (exp["time"], exp["role"]), item.time
        if "end" in exp:
            assert item.time.end == date.fromisoformat(exp["end"]), item.time
        if "quote" in exp:
            assert item.quote is exp["quote"]


def test_corpus_scores() -> None:
    report = score_corpus().report()
    assert report["precision"] >= 0.85, report
    assert report["recall"] >= 0.85, report
