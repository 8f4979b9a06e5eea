"""`hindsight extract [IN.jsonl] [-o OUT.jsonl]`: claims and predictions of articles as JSONL.

Reads `{"doc", "published", "text"}` lines (stdin without a file) and writes one
`{"doc", "items": [...]}` line per article. A bad line stops the run with a one-line
error naming it; the output file is written to a temp file and renamed only on success.
"""

from __future__ import annotations

import argparse
from typing import Any

from api.cli import jsonl
from api.cli.jsonl import Document
from api.extract import extract
from api.extract.types import Item


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "extract", help="Extract claims and predictions from articles (JSONL in, JSONL out)."
    )
    parser.add_argument("input", nargs="?", help="input JSONL file (stdin when omitted)")
    parser.add_argument("-o", "--output", help="output JSONL file (stdout when omitted)")
    parser.set_defaults(func=handle)


def item_json(item: Item) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "speaker": item.speaker,
        "quote": item.quote,
        "confidence": item.confidence,
        "time": item.time.as_json() if item.time else None,
        "times": [t.as_json() for t in item.times],
    }


def convert(document: Document) -> dict[str, Any]:
    items = extract(document.text, document.day)
    return {"doc": document.doc, "items": [item_json(item) for item in items]}


def handle(args: argparse.Namespace) -> int:
    return jsonl.run("extract", args.input, args.output, "published", convert)
