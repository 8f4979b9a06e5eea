"""JSONL in, JSONL out: what `hindsight tag` and `hindsight extract` share.

Each input line is a JSON object with a string `doc`, a YYYY-MM-DD date field and a string
`text`. A bad line stops the run with one message naming it, and no partial output is left:
a file is written beside its target and renamed on success; stdout gets nothing until every
line has been read and checked.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from api.cli.common import fail


class InputError(ValueError):
    """A bad input line; the message names it."""


@dataclass(frozen=True)
class Document:
    doc: str | None
    day: date
    text: str


def parse_day(raw: object, where: str, field: str) -> date:
    try:
        return date.fromisoformat(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{where}: bad date in '{field}': {raw!r} (expected YYYY-MM-DD)") from None


def read_documents(lines: Iterable[str], date_field: str) -> Iterator[Document]:
    """The documents of JSONL `lines`, blank lines skipped; raises InputError on a bad one."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: malformed JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object")
        for field in ("doc", date_field, "text"):
            if not isinstance(record.get(field), str):
                raise InputError(f"{where}: missing or non-string field '{field}'")
        yield Document(
            record["doc"], parse_day(record[date_field], where, date_field), record["text"]
        )


Convert = Callable[[Document], dict[str, Any]]


def write(documents: Iterable[Document], convert: Convert, sink: IO[str]) -> None:
    for document in documents:
        sink.write(json.dumps(convert(document), ensure_ascii=False) + "\n")


def write_file(documents: Iterable[Document], convert: Convert, path: str) -> None:
    """Write to a temp file beside `path`; rename on success, delete on any failure."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as sink:
            write(documents, convert, sink)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def run(
    command: str, source: str | None, output: str | None, date_field: str, convert: Convert
) -> int:
    """Convert every document of `source` (stdin when None) into `output` (stdout when None)."""
    where = source or "<stdin>"
    try:
        stream = open(source, encoding="utf-8") if source else sys.stdin
    except OSError as exc:
        return fail(f"{command}: cannot read {where}: {exc.strerror}")
    try:
        with stream:
            documents = read_documents(stream, date_field)
            if output:
                write_file(documents, convert, output)
            else:
                write(list(documents), convert, sys.stdout)  # check every line before printing
    except InputError as exc:
        return fail(f"{command}: {where}: {exc}")
    except OSError as exc:
        return fail(f"{command}: cannot write {output}: {exc.strerror}")
    return 0
