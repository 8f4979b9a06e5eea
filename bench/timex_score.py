"""TempEval-3 timex scorer over the shared TimeML JSONL format.

Reimplements the timex metrics of the official TE3 toolkit
(`tools/evaluation-entities/evaluate_entities.py` in jspotter/TempEval-3), micro-averaged
over all documents, on character offsets instead of the toolkit's tokens:

- strict span: a system timex counts when a gold timex has identical `start` and `end`.
  P = strict / system, R = strict / gold.
- relaxed span: gold and system timexes are paired one-to-one when their spans overlap
  (identical spans first, then largest overlap, then document order).
  P = pairs / system, R = pairs / gold.
- type and value (attribute F1, as TE3 reports them): over the relaxed pairs,
  `correct` = pairs whose attribute is equal; P = correct / system, R = correct / gold.
- value accuracy = value-correct pairs / relaxed pairs (the toolkit's "value accuracy").

F1 = 2PR / (P + R), 0 when P + R = 0. A gold document with no prediction counts as an
empty prediction; a predicted document with no gold is an error, as is a differing text.

CLI: `python bench/timex_score.py GOLD.jsonl PRED.jsonl [--json]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

Doc = Mapping[str, Any]
Span = Mapping[str, Any]

ATTRIBUTES = ("type", "value")


def prf(correct: int, system: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where a denominator is 0)."""
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f}


def _overlap(a: Span, b: Span) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def match_relaxed(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Pair gold and system timexes one-to-one by span overlap; returns (gold_i, pred_i)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov > 0:
                exact = g["start"] == p["start"] and g["end"] == p["end"]
                candidates.append((not exact, -ov, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def count_doc(gold: Sequence[Span], pred: Sequence[Span]) -> dict[str, int]:
    """Raw counts for one document."""
    pairs = match_relaxed(gold, pred)
    counts = {"gold": len(gold), "system": len(pred), "relaxed": len(pairs), "strict": 0}
    for attr in ATTRIBUTES:
        counts[attr] = 0
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        counts["strict"] += g["start"] == p["start"] and g["end"] == p["end"]
        for attr in ATTRIBUTES:
            counts[attr] += g.get(attr) == p.get(attr)
    return counts


def _align(gold_docs: Iterable[Doc], pred_docs: Iterable[Doc]) -> list[tuple[Doc, Doc | None]]:
    preds = {d["doc"]: d for d in pred_docs}
    golds = list(gold_docs)
    unknown = set(preds) - {d["doc"] for d in golds}
    if unknown:
        raise ValueError(f"predicted documents not in gold: {sorted(unknown)}")
    for g in golds:
        p = preds.get(g["doc"])
        if p is not None and "text" in p and "text" in g and p["text"] != g["text"]:
            raise ValueError(f"text differs from gold in document {g['doc']!r}")
    return [(g, preds.get(g["doc"])) for g in golds]


def score(gold_docs: Iterable[Doc], pred_docs: Iterable[Doc]) -> dict[str, Any]:
    """Micro-averaged TE3 timex scores of `pred_docs` against `gold_docs`.

    Returns {"docs", "counts", "strict", "relaxed", "type", "value", "value_accuracy"}; the
    four metric entries are {"p", "r", "f1"} dicts.
    """
    totals = {k: 0 for k in ("gold", "system", "strict", "relaxed", *ATTRIBUTES)}
    pairs = _align(gold_docs, pred_docs)
    for g, p in pairs:
        counts = count_doc(g["timexes"], p["timexes"] if p else [])
        for k, v in counts.items():
            totals[k] += v
    result: dict[str, Any] = {"docs": len(pairs), "counts": totals}
    for key in ("strict", "relaxed", *ATTRIBUTES):
        result[key] = prf(totals[key], totals["system"], totals["gold"])
    result["value_accuracy"] = totals["value"] / totals["relaxed"] if totals["relaxed"] else 0.0
    return result


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def format_report(result: Mapping[str, Any]) -> str:
    c = result["counts"]
    lines = [
        f"docs {result['docs']}  gold {c['gold']}  system {c['system']}  "
        f"strict {c['strict']}  relaxed {c['relaxed']}  type {c['type']}  value {c['value']}",
        f"{'metric':<10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for key in ("strict", "relaxed", *ATTRIBUTES):
        m = result[key]
        lines.append(f"{key:<10}{m['p']:>8.3f}{m['r']:>8.3f}{m['f1']:>8.3f}")
    lines.append(f"value accuracy {result['value_accuracy']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="TempEval-3 timex scores of PRED against GOLD.")
    parser.add_argument("gold", help="gold JSONL (one document per line)")
    parser.add_argument("pred", help="system JSONL, same shape; matched to gold by `doc`")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    try:
        result = score(read_jsonl(args.gold), read_jsonl(args.pred))
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
