"""Match extracted items against the corpus and score them: precision and recall.

Run `python tests/extract/scoring.py [FILE-PATTERN]` for the figures on
tests/corpus/extract/*.jsonl (e.g. `heldout` for the cases written before tuning).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "extract"


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


@dataclass
class Score:
    expected: int = 0
    produced: int = 0
    detected: int = 0  # the item is there
    correct: int = 0  # and its kind and speaker are right

    def add(self, case: dict[str, Any], items: list[Any]) -> None:
        self.expected += len(case["expect"])
        self.produced += len(items)
        for exp in case["expect"]:
            item = find(exp, items)
            if item is None:
                continue
            self.detected += 1
            if item.kind == exp["kind"] and same_speaker(exp["speaker"], item.speaker):
                self.correct += 1

    @staticmethod
    def _ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def report(self) -> dict[str, float]:
        return {
            "detection_precision": self._ratio(self.detected, self.produced),
            "detection_recall": self._ratio(self.detected, self.expected),
            "precision": self._ratio(self.correct, self.produced),
            "recall": self._ratio(self.correct, self.expected),
        }


def score_corpus(pattern: str = "*") -> Score:
    from api.extract import extract

    score = Score()
    for case in load_cases(pattern):
        score.add(case, extract(case["text"], date.fromisoformat(case["published"])))
    return score


if __name__ == "__main__":
    score = score_corpus(sys.argv[1] if len(sys.argv) > 1 else "*")
    print(f"cases: expected items {score.expected}, produced {score.produced}")
    for name, value in score.report().items():
        print(f"{name}: {value:.3f}")
    sys.exit(0)
