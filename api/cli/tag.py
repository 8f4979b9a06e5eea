"""`hindsight tag`: tag time expressions in JSONL documents (or one --text) with api.temporal.

Input lines: {"doc": str, "dct": "YYYY-MM-DD", "text": str}. Output lines:
{"doc": str, "timexes": [{start, end, text, type, value, mod, interval, granularity}]}.
Bad input fails with a one-line message naming the line; no partial output file is left.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from api.cli import jsonl
from api.cli.common import fail
from api.cli.jsonl import Document
from api.temporal import Timex, tag


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


def convert(document: Document) -> dict[str, Any]:
    return {
        "doc": document.doc,
        "timexes": [timex_json(t) for t in tag(document.text, document.day)],
    }


def handler(args: argparse.Namespace) -> int:
    """Run `hindsight tag`; returns the exit code."""
    if args.text is None:
        return jsonl.run("tag", args.input, args.output, "dct", convert)
    if args.dct is None:
        return fail("tag: --text needs --dct YYYY-MM-DD")
    try:
        document = Document(None, jsonl.parse_day(args.dct, "--dct", "dct"), args.text)
    except jsonl.InputError as exc:
        return fail(f"tag: {exc}")
    if args.output:
        jsonl.write_file([document], convert, args.output)
    else:
        jsonl.write([document], convert, sys.stdout)
    return 0


def register(subparsers: Any) -> None:
    """Add the `tag` subcommand."""
    p = subparsers.add_parser("tag", help="tag and normalize time expressions (TIMEX3)")
    p.add_argument("input", nargs="?", help="JSONL input with doc, dct, text (default: stdin)")
    p.add_argument("-o", "--output", help="JSONL output file (default: stdout)")
    p.add_argument("--text", help="tag this text instead of reading JSONL")
    p.add_argument("--dct", help="document creation time for --text, YYYY-MM-DD")
    p.set_defaults(func=handler)
