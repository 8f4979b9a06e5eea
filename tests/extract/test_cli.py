"""`hindsight extract`: JSONL in, JSONL out, one-line errors and no partial output."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from api.cli import extract as cli

ARTICLE = {
    "doc": "a1",
    "published": "2022-07-28",
    "text": "A Ukrainian official predicted that Kherson would be recaptured by September.",
    "source": "ignored",
}


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="hindsight")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["extract", *argv])
    return args.func(args)


def write_jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class TestExtractCommand:
    def test_file_in_file_out(self, tmp_path: Path) -> None:
        source = write_jsonl(tmp_path / "in.jsonl", ARTICLE, {**ARTICLE, "doc": "a2"})
        out = tmp_path / "out.jsonl"
        assert run([str(source), "-o", str(out)]) == 0
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [r["doc"] for r in rows] == ["a1", "a2"]
        (item,) = rows[0]["items"]
        assert ARTICLE["text"][item["start"] : item["end"]] == item["text"]
        assert (item["kind"], item["speaker"], item["quote"]) == (
            "prediction",
            "a Ukrainian official",
            False,
        )
        assert item["time"] == {
            "text": "September",
            "value": "2022-09",
            "start": "2022-07-28",
            "end": "2022-09-30",
            "granularity": "month",
            "role": "deadline",
        }
        assert item["times"] == [item["time"]]
        assert set(item) == {
            "kind", "text", "start", "end", "speaker", "quote", "confidence", "time", "times"
        }  # fmt: skip

    def test_stdin_to_stdout(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(ARTICLE) + "\n\n"))
        assert run([]) == 0
        (line,) = capsys.readouterr().out.splitlines()
        assert json.loads(line)["items"][0]["kind"] == "prediction"

    @pytest.mark.parametrize(
        ("bad", "message"),
        [
            ("{not json", "line 2: malformed JSON"),
            (json.dumps({"doc": "x", "text": "y"}), "line 2: missing or non-string field"),
            (json.dumps({**ARTICLE, "published": "28/07/2022"}), "line 2: bad date in 'published'"),
            (json.dumps(["a list"]), "line 2: expected a JSON object"),
        ],
        ids=["json", "missing-field", "bad-date", "not-object"],
    )
    def test_bad_line_fails_without_output(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str, message: str
    ) -> None:
        source = write_jsonl(tmp_path / "in.jsonl", ARTICLE, bad)
        out = tmp_path / "out.jsonl"
        assert run([str(source), "-o", str(out)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1
        assert message in err
        assert str(source) in err
        assert not out.exists()
        assert list(tmp_path.iterdir()) == [source]  # the temp file is gone too

    def test_bad_line_keeps_existing_output(self, tmp_path: Path) -> None:
        source = write_jsonl(tmp_path / "in.jsonl", "{oops")
        out = tmp_path / "out.jsonl"
        out.write_text("previous\n", encoding="utf-8")
        assert run([str(source), "-o", str(out)]) == 2
        assert out.read_text(encoding="utf-8") == "previous\n"

    def test_missing_input_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert run([str(tmp_path / "nope.jsonl")]) == 2
        assert "cannot read" in capsys.readouterr().err

    def test_registered_in_main(self) -> None:
        from api.cli.main import SUBCOMMAND_MODULES

        assert "api.cli.extract" in SUBCOMMAND_MODULES
