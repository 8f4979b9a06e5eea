"""`hindsight extract [IN.jsonl] [-o OUT.jsonl]`: claims and predictions of articles as JSONL.

Reads `{"doc", "published", "text"}` lines (stdin without a file) and writes one
`{"doc", "items": [...]}` line per article. A bad line stops the run with a one-line
error naming it; the output file is written to a temp file and renamed only on success.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import IO, Any

from api.extract import extract
from api.extract.types import Item, TimeAnchor


class InputError(ValueError):
    """A line of the input that is not a valid article."""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "extract", help="Extract claims and predictions from articles (JSONL in, JSONL out)."
    )
    parser.add_argument("input", nargs="?", help="input JSONL file (stdin when omitted)")
    parser.add_argument("-o", "--output", help="output JSONL file (stdout when omitted)")
    parser.set_defaults(func=handle)


def anchor_json(anchor: TimeAnchor) -> dict[str, Any]:
    return {
        "text": anchor.text,
        "value": anchor.value,
        "start": anchor.start.isoformat() if anchor.start else None,
        "end": anchor.end.isoformat() if anchor.end else None,
        "granularity": anchor.granularity,
        "role": anchor.role,
    }


def item_json(item: Item) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "speaker": item.speaker,
        "quote": item.quote,
        "confidence": item.confidence,
        "time": anchor_json(item.time) if item.time else None,
        "times": [anchor_json(t) for t in item.times],
    }


def parse_line(line: str, number: int) -> tuple[str, date, str]:
    """(doc, published, text) of one input line; raises InputError naming the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {number}: invalid JSON: {exc.msg}") from exc
    if not isinstance(record, dict):
        raise InputError(f"line {number}: expected a JSON object")
    for key in ("doc", "published", "text"):
        if not isinstance(record.get(key), str):
            raise InputError(f"line {number}: missing or non-string field {key!r}")
    try:
        published = date.fromisoformat(record["published"])
    except ValueError as exc:
        raise InputError(
            f"line {number}: published is not YYYY-MM-DD: {record['published']!r}"
        ) from exc
    return record["doc"], published, record["text"]


def run(source: IO[str], sink: IO[str]) -> int:
    """Extract every article of `source` into `sink`; returns the number of articles."""
    count = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        doc, published, text = parse_line(line, number)
        items = [item_json(item) for item in extract(text, published)]
        sink.write(json.dumps({"doc": doc, "items": items}, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_atomically(path: Path, source: IO[str]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as sink:
            run(source, sink)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def handle(args: argparse.Namespace) -> int:
    try:
        source = open(args.input, encoding="utf-8") if args.input else sys.stdin
    except OSError as exc:
        print(f"hindsight extract: cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        if args.output:
            _write_atomically(Path(args.output), source)
        else:
            run(source, sys.stdout)
    except InputError as exc:
        where = args.input or "<stdin>"
        print(f"hindsight extract: {where}: {exc}", file=sys.stderr)
        return 1
    finally:
        if source is not sys.stdin:
            source.close()
    return 0
