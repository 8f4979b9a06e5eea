"""Match extracted items against the corpus and score them: precision and recall.

Run `python tests/extract/scoring.py [FILE-PATTERN]` for the figures on
tests/corpus/extract/*.jsonl (e.g. `heldout_a`; see tests/corpus/extract/HELDOUT.md).
Each field is scored on its own (an item counts for `speaker` when it is found and its
speaker is right); `precision`/`recall` keep the historic kind + speaker measure and
`full` needs kind, speaker, time value and role together.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "extract"
FIELDS = ("detection", "kind", "speaker", "time", "role", "kind+speaker", "full")


def load_cases(pattern: str = "*") -> list[dict[str, Any]]:
    """The cases of the corpus files matching `pattern`, in file order, located in `file`."""
    cases = []
    for path in sorted(CORPUS.glob(f"{pattern}.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                case["file"] = f"{path.name}:{number}"
                cases.append(case)
    return cases


def same_speaker(expected: str | None, actual: str | None) -> bool:
    """Speakers compare without case and without a leading "the"."""
    if expected is None or actual is None:
        return expected is actual

    def norm(name: str) -> str:
        name = name.lower().replace("’", "'")
        return name[4:] if name.startswith("the ") else name

    return norm(expected) == norm(actual)


def find(expected: dict[str, Any], items: list[Any]) -> Any | None:
    """The item whose text holds the expected `contains` phrase (the shortest one)."""
    hits = [item for item in items if expected["contains"] in item.text]
    return min(hits, key=lambda item: len(item.text)) if hits else None


def checks(exp: dict[str, Any], item: Any) -> dict[str, bool]:
    """Which fields of one found item are right."""
    time = item.time
    ok = {
        "detection": True,
        "kind": item.kind == exp["kind"],
        "speaker": same_speaker(exp["speaker"], item.speaker),
        "time": time is not None and time.value == exp["time"],
        "role": time is not None and time.role == exp["role"],
    }
    ok["kind+speaker"] = ok["kind"] and ok["speaker"]
    ok["full"] = all(ok.values())
    return ok


@dataclass
class Score:
    expected: int = 0
    produced: int = 0
    correct: Counter[str] = field(default_factory=Counter)

    @property
    def detected(self) -> int:
        return self.correct["detection"]

    def add(self, case: dict[str, Any], items: list[Any]) -> None:
        self.expected += len(case["expect"])
        self.produced += len(items)
        for exp in case["expect"]:
            item = find(exp, items)
            if item is not None:
                self.correct.update(k for k, v in checks(exp, item).items() if v)

    @staticmethod
    def _ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def report(self) -> dict[str, float]:
        out = {
            "detection_precision": self._ratio(self.detected, self.produced),
            "detection_recall": self._ratio(self.detected, self.expected),
            "precision": self._ratio(self.correct["kind+speaker"], self.produced),
            "recall": self._ratio(self.correct["kind+speaker"], self.expected),
        }
        for name in FIELDS:
            out[f"{name}_p"] = self._ratio(self.correct[name], self.produced)
            out[f"{name}_r"] = self._ratio(self.correct[name], self.expected)
        return out


def score_corpus(pattern: str = "*") -> Score:
    from api.extract import extract

    score = Score()
    for case in load_cases(pattern):
        score.add(case, extract(case["text"], date.fromisoformat(case["published"])))
    return score


if __name__ == "__main__":
    score = score_corpus(sys.argv[1] if len(sys.argv) > 1 else "*")
    report = score.report()
    print(f"cases: expected items {score.expected}, produced {score.produced}")
    for name in FIELDS:
        print(f"{name:>13}: P {report[f'{name}_p']:.3f}  R {report[f'{name}_r']:.3f}")
    sys.exit(0)
