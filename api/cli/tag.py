"""`hindsight tag`: tag time expressions in JSONL documents (or one --text) with api.temporal.

Input lines: {"doc": str, "dct": "YYYY-MM-DD", "text": str}. Output lines:
{"doc": str, "timexes": [{start, end, text, type, value, mod, interval, granularity}]}.
Bad input fails with a one-line message naming the line; no partial output file is left.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from api.temporal import Timex, tag


class InputError(ValueError):
    """A bad input line; the message names it."""


def timex_json(t: Timex) -> dict[str, Any]:
    """The CLI's JSON shape of one timex."""
    iv = t.interval
    return {
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
        "interval": {"start": iv.start.isoformat(), "end": iv.end.isoformat()} if iv else None,
        "granularity": t.granularity,
    }


def _parse_dct(raw: object, where: str) -> date:
    if not isinstance(raw, str):
        raise InputError(f"{where}: 'dct' must be a YYYY-MM-DD string")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{where}: bad date {raw!r} (expected YYYY-MM-DD)") from None


def _documents(lines: Iterable[str]) -> Iterator[tuple[Any, str, date]]:
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"line {no}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: malformed JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object")
        for field in ("doc", "dct", "text"):
            if field not in obj:
                raise InputError(f"{where}: missing field '{field}'")
        if not isinstance(obj["text"], str):
            raise InputError(f"{where}: 'text' must be a string")
        yield obj["doc"], obj["text"], _parse_dct(obj["dct"], where)


def _write(docs: Iterable[tuple[Any, str, date]], out: IO[str]) -> None:
    for doc, text, dct in docs:
        record = {"doc": doc, "timexes": [timex_json(t) for t in tag(text, dct)]}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _run_to_file(lines: Iterable[str], path: str) -> None:
    """Write to a temp file beside `path`, rename on success, delete on failure."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tag-", suffix=".jsonl", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            _write(_documents(lines), out)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def handler(args: argparse.Namespace) -> int:
    """Run `hindsight tag`; returns the exit code."""
    try:
        if args.text is not None:
            if args.dct is None:
                raise InputError("--text needs --dct YYYY-MM-DD")
            docs = [(None, args.text, _parse_dct(args.dct, "--dct"))]
            if args.output:
                _run_to_file(
                    [json.dumps({"doc": None, "dct": args.dct, "text": args.text})], args.output
                )
            else:
                _write(docs, sys.stdout)
            return 0
        src = open(args.input, encoding="utf-8") if args.input else sys.stdin
        with src:
            if args.output:
                _run_to_file(src, args.output)
            else:
                # Validate everything before printing so bad input prints nothing.
                docs = list(_documents(src))
                _write(docs, sys.stdout)
    except (InputError, OSError) as exc:
        print(f"hindsight tag: {exc}", file=sys.stderr)
        return 2
    return 0


def register(subparsers: Any) -> None:
    """Add the `tag` subcommand."""
    p = subparsers.add_parser("tag", help="tag and normalize time expressions (TIMEX3)")
    p.add_argument("input", nargs="?", help="JSONL input with doc, dct, text (default: stdin)")
    p.add_argument("-o", "--output", help="JSONL output file (default: stdout)")
    p.add_argument("--text", help="tag this text instead of reading JSONL")
    p.add_argument("--dct", help="document creation time for --text, YYYY-MM-DD")
    p.set_defaults(func=handler)
