"""Pure helpers of bench/timex_eval.py: HeidelTime output parsing and offset mapping."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

BENCH = str(Path(__file__).resolve().parents[2] / "bench")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)
timex_eval = importlib.import_module("timex_eval")

HEAD = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
ORIGINAL = '\n\nTom & Jerry <b> met on Monday, "next week" at 5 p.m.'


def timeml(body: str) -> str:
    return HEAD + body + "\n</TimeML>\n"


def test_parse_timeml_recovers_plain_text_and_attributes() -> None:
    out = timeml(
        '\n\nTom & Jerry <b> met on <TIMEX3 tid="t2" type="DATE" value="2013-03-18">Monday'
        '</TIMEX3>, "<TIMEX3 tid="t1" type="DATE" value="2013-W13" mod="APPROX">next week'
        '</TIMEX3>" at <TIMEX3 tid="t3" type="TIME" value="2013-03-18T17:00">5 p.m.</TIMEX3>'
    )
    plain, spans = timex_eval.parse_timeml(out)
    assert plain == ORIGINAL
    assert [plain[s["start"] : s["end"]] for s in spans] == ["Monday", "next week", "5 p.m."]
    assert spans[1] == {
        "start": ORIGINAL.index("next"),
        "end": ORIGINAL.index("next") + 9,
        "type": "DATE",
        "value": "2013-W13",
        "mod": "APPROX",
    }
    assert "mod" not in spans[0]


def test_map_spans_is_identity_when_text_is_unchanged() -> None:
    span = {"start": 3, "end": 6, "type": "DATE", "value": "X"}
    assert timex_eval.map_spans("abcdefgh", "abcdefgh", [span]) == [span]


def test_map_spans_follows_altered_whitespace() -> None:
    original = "Up  to\t\tMonday and\r\nnext week."
    plain = "Up to Monday and\nnext week."
    spans = [
        {"start": plain.index("Monday"), "end": plain.index("Monday") + 6},
        {"start": plain.index("next"), "end": plain.index("next") + 9},
    ]
    mapped = timex_eval.map_spans(plain, original, spans)
    assert [original[s["start"] : s["end"]] for s in mapped] == ["Monday", "next week"]


def test_map_spans_trims_whitespace_at_the_edges() -> None:
    original = "on  Monday ."
    plain = "on Monday ."
    mapped = timex_eval.map_spans(plain, original, [{"start": 2, "end": 10}])
    assert original[mapped[0]["start"] : mapped[0]["end"]] == "Monday"


@pytest.mark.parametrize(
    ("phrases", "expected"),
    [
        pytest.param(["Monday", "Monday"], [(0, 6), (11, 17)], id="repeats-in-order"),
        pytest.param(["May", "Monday"], [(21, 24), (0, 6)], id="out-of-order-falls-back"),
        pytest.param(["Friday"], [None], id="missing"),
    ],
)
def test_locate_in_order(phrases: list[str], expected: list[tuple[int, int] | None]) -> None:
    assert timex_eval.locate_in_order("Monday and Monday in May", phrases) == expected


def test_dateparser_baseline_gives_day_values_and_offsets() -> None:
    from datetime import date

    text = "He left on Monday."
    spans = timex_eval.load_dateparser()(text, date(2013, 3, 22))
    assert [s["type"] for s in spans] == ["DATE"]
    assert spans[0]["value"] == "2013-03-18"
    assert "Monday" in text[spans[0]["start"] : spans[0]["end"]]


def _unavailable() -> None:
    raise timex_eval.Unavailable("no java here")


def _broken() -> None:
    raise RuntimeError("boom")


def test_unavailable_system_is_skipped_and_broken_one_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(timex_eval.LOADERS, "heideltime", _unavailable)
    monkeypatch.setitem(timex_eval.LOADERS, "tagger", _broken)
    taggers, notes = timex_eval.load_systems(["heideltime", "tagger", "dateparser"])
    assert list(taggers) == ["dateparser"]
    assert notes["heideltime"] == {"skipped": "no java here"}
    assert notes["tagger"] == {"error": "RuntimeError: boom"}


def test_main_scores_each_corpus_and_writes_json(tmp_path: Path) -> None:
    text = "It rained on 5 March 2013."
    start = text.index("5 March 2013")
    gold = {
        "doc": "d1",
        "dct": "2013-03-22",
        "text": text,
        "timexes": [{"start": start, "end": start + 12, "type": "DATE", "value": "2013-03-05"}],
    }
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    argv = ["--train", str(corpus), "--test", str(corpus), "--systems", "dateparser"]
    assert timex_eval.main([*argv, "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    result = report["corpora"]["te3-platinum-test"]["results"]["dateparser"]
    assert result["counts"]["gold"] == 1
    assert result["relaxed"]["r"] == 1.0
    assert result["value"]["f1"] == 1.0
