"""`hindsight tag`: JSONL in/out, stdin, --text, and failure on bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from api.cli.main import main

DOC = {"doc": "d1", "dct": "2022-07-28", "text": "Talks resumed this week, after March 2020."}


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_file_in_file_out(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({**DOC, "extra": 1}) + "\n" + json.dumps({**DOC, "doc": "d2"}) + "\n")
    assert main(["tag", str(src), "-o", str(out)]) == 0
    records = _lines(out.read_text())
    assert [r["doc"] for r in records] == ["d1", "d2"]
    timexes = records[0]["timexes"]
    assert [t["text"] for t in timexes] == ["this week", "March 2020"]
    first = timexes[0]
    assert DOC["text"][first["start"] : first["end"]] == first["text"]
    assert first == {
        "start": 14, "end": 23, "text": "this week", "type": "DATE", "value": "2022-W30",
        "mod": None, "interval": {"start": "2022-07-25", "end": "2022-07-31"},
        "granularity": "week",
    }  # fmt: skip


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(DOC) + "\n"))
    assert main(["tag"]) == 0
    (record,) = _lines(capsys.readouterr().out)
    assert record["doc"] == "d1"
    assert record["timexes"][1]["value"] == "2020-03"


def test_text_option(capsys: pytest.CaptureFixture) -> None:
    assert main(["tag", "--dct", "2022-07-28", "--text", "It fell by September."]) == 0
    (record,) = _lines(capsys.readouterr().out)
    assert record["doc"] is None
    assert record["timexes"][0]["value"] == "2022-09"


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "line 2: malformed JSON"),
        (json.dumps({"doc": "x", "text": "t"}), "line 2: missing or non-string field 'dct'"),
        (json.dumps({"doc": "x", "dct": "2022-13-01", "text": "t"}), "line 2: bad date in 'dct'"),
    ],
)
def test_bad_input_fails_without_output(
    tmp_path: Path, capsys: pytest.CaptureFixture, bad_line: str, message: str
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(DOC) + "\n" + bad_line + "\n")
    assert main(["tag", str(src), "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]  # no temp file left behind


def test_bad_input_on_stdout_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(DOC) + "\n{oops\n"))
    assert main(["tag"]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "line 2" in captured.err
