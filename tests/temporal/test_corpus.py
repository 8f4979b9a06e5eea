"""Corpus-driven tests: every line of tests/corpus/temporal/*.jsonl is one case."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from api.temporal import Timex, tag

CORPUS = Path(__file__).parent.parent / "corpus" / "temporal"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            marks = (
                [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            )
            params.append(pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks))
    return params


def _check(found: Timex, want: dict[str, Any]) -> None:
    assert (found.type, found.value) == (want["type"], want["value"])
    if "mod" in want:
        assert found.mod == want["mod"]
    if "signal" in want:
        assert found.signal == want["signal"]
    if "granularity" in want:
        assert found.granularity == want["granularity"]
    if "interval" in want:
        iv = want["interval"]
        got = found.interval
        if iv is None:
            assert got is None
        else:
            assert got is not None
            assert (got.start.isoformat(), got.end.isoformat()) == (iv["start"], iv["end"])
    if "interval_end" in want:
        assert found.interval is not None
        assert found.interval.end.isoformat() == want["interval_end"]
        assert found.interval.start <= found.interval.end


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    found = tag(case["text"], date.fromisoformat(case["dct"]))
    assert [t.text for t in found] == [w["text"] for w in case["expect"]]
    for t, want in zip(found, case["expect"], strict=True):
        _check(t, want)
