"""Hand-computed cases for the TE3 timex scorer in bench/timex_score.py."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

# bench/ holds scripts, not a package: put it on the path the way `python bench/x.py` does.
BENCH = str(Path(__file__).resolve().parents[2] / "bench")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)
timex_score = importlib.import_module("timex_score")

TEXT = "Meet on Friday morning and next week, or in 2013."


def tx(phrase: str, type_: str = "DATE", value: str = "X", text: str = TEXT) -> dict[str, Any]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "type": type_, "value": value}


def doc(name: str, timexes: list[dict[str, Any]], text: str = TEXT) -> dict[str, Any]:
    return {"doc": name, "text": text, "timexes": timexes}


GOLD_A = doc(
    "a",
    [
        tx("Friday morning", "TIME", "2013-03-22TMO"),
        tx("next week", "DATE", "2013-W13"),
        tx("2013", "DATE", "2013"),
    ],
)
# "Friday" overlaps gold (relaxed only, wrong type and value), "next week" is exact and
# right, "Meet" is a false positive, "2013" is missed.
PRED_A = doc(
    "a",
    [
        tx("Friday", "DATE", "2013-03-22"),
        tx("next week", "DATE", "2013-W13"),
        tx("Meet", "DATE", "PRESENT_REF"),
    ],
)


def test_mixed_document_all_metrics() -> None:
    r = timex_score.score([GOLD_A], [PRED_A])
    assert r["counts"] == {
        "gold": 3,
        "system": 3,
        "strict": 1,
        "relaxed": 2,
        "type": 1,
        "value": 1,
    }
    assert r["strict"] == pytest.approx({"p": 1 / 3, "r": 1 / 3, "f1": 1 / 3})
    assert r["relaxed"] == pytest.approx({"p": 2 / 3, "r": 2 / 3, "f1": 2 / 3})
    assert r["type"] == pytest.approx({"p": 1 / 3, "r": 1 / 3, "f1": 1 / 3})
    assert r["value_accuracy"] == pytest.approx(1 / 2)


def test_attribute_f1_divides_by_system_and_gold_counts() -> None:
    # 2 gold, 4 system, 2 relaxed pairs; value right on 1 pair, type right on both.
    gold = doc("v", [tx("Friday", value="F"), tx("2013", value="2013")])
    pred = doc(
        "v",
        [tx("Friday", value="F"), tx("2013", value="2014"), tx("Meet"), tx("week")],
    )
    r = timex_score.score([gold], [pred])
    assert r["value"] == pytest.approx({"p": 1 / 4, "r": 1 / 2, "f1": 1 / 3})
    assert r["type"] == pytest.approx({"p": 2 / 4, "r": 2 / 2, "f1": 2 / 3})
    assert r["value_accuracy"] == pytest.approx(1 / 2)


def test_one_system_span_matches_one_gold_only() -> None:
    # "Friday morning" overlaps both gold timexes but may pair with just one.
    gold = doc("o", [tx("Friday"), tx("morning")])
    pred = doc("o", [tx("Friday morning")])
    r = timex_score.score([gold], [pred])
    assert r["relaxed"] == pytest.approx({"p": 1.0, "r": 0.5, "f1": 2 / 3})
    assert r["strict"] == pytest.approx({"p": 0.0, "r": 0.0, "f1": 0.0})


def test_one_gold_span_matches_one_system_only() -> None:
    gold = doc("o", [tx("Friday morning")])
    pred = doc("o", [tx("Friday"), tx("morning")])
    r = timex_score.score([gold], [pred])
    assert r["relaxed"] == pytest.approx({"p": 0.5, "r": 1.0, "f1": 2 / 3})


def test_matching_is_maximal_not_first_come() -> None:
    # Pairing the wide span with "Friday" first would strand "morning"; exact spans go first.
    gold = doc("m", [tx("Friday"), tx("morning")])
    pred = doc("m", [tx("Friday morning"), tx("Friday")])
    r = timex_score.score([gold], [pred])
    assert r["counts"]["relaxed"] == 2
    assert r["counts"]["strict"] == 1


def test_adjacent_spans_do_not_overlap() -> None:
    gold = doc("j", [tx("Friday")])
    pred = doc("j", [{"start": gold["timexes"][0]["end"], "end": 22, "type": "DATE", "value": "X"}])
    r = timex_score.score([gold], [pred])
    assert r["counts"]["relaxed"] == 0


def test_micro_average_over_documents_and_missing_prediction() -> None:
    # Doc "b" has no prediction at all: its 1 gold timex only adds to recall's denominator.
    gold_b = doc("b", [tx("2013", value="2013")])
    r = timex_score.score([GOLD_A, gold_b], [PRED_A])
    assert r["docs"] == 2
    assert r["relaxed"] == pytest.approx({"p": 2 / 3, "r": 2 / 4, "f1": 4 / 7})
    assert r["strict"]["r"] == pytest.approx(1 / 4)


def test_empty_prediction_scores_zero() -> None:
    r = timex_score.score([GOLD_A], [doc("a", [])])
    assert r["relaxed"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert r["value_accuracy"] == 0.0


def test_unknown_predicted_document_is_an_error() -> None:
    with pytest.raises(ValueError, match="not in gold"):
        timex_score.score([GOLD_A], [PRED_A, doc("zzz", [])])


def test_differing_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="text differs"):
        timex_score.score([GOLD_A], [doc("a", [], text=TEXT + " ")])


def test_cli_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text(json.dumps(GOLD_A) + "\n", encoding="utf-8")
    pred_path.write_text(json.dumps(PRED_A) + "\n", encoding="utf-8")
    assert timex_score.main([str(gold_path), str(pred_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["relaxed"]["f1"] == pytest.approx(2 / 3)


def test_cli_reports_bad_input(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(GOLD_A) + "\n", encoding="utf-8")
    assert timex_score.main([str(gold_path), str(tmp_path / "missing.jsonl")]) == 2
