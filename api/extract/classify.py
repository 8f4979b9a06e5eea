"""Classification of a clause: claim, prediction, or nothing worth checking."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extract.rules import Cue, Rules

_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|percent|dozens?|half)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
_LEAD = re.compile(r"^[\s\"“”‘’'(\[–—-]+")
_QUESTION = re.compile(r"\?[\"”’')\]]*(?:\s*$|\s)")
DEADLINE_WEIGHT = 0.85
FUTURE_TIME_WEIGHT = 0.6
MIN_WORDS = 3  # "Dr." or "Kyiv agreed" carry no checkable statement


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the clause offers besides its words: times, a deadline, a speaker."""

    deadline: str | None = None  # text of a future time phrase governed by "by", "until", ...
    future_time: str | None = None  # text of any other future time phrase
    has_time: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """The verdict on one clause; kind None means "not an item" and `cue` says why."""

    kind: str | None
    confidence: float
    cue: str


def _strip_connective(fragment: str, rules: Rules) -> str:
    fragment = _LEAD.sub("", fragment)
    word = _WORD.match(fragment)
    if word and word.group(0).lower() in rules.connectives:
        fragment = fragment[word.end() :].lstrip(" ,")
    return fragment


def _first(cues: tuple[Cue, ...], fragment: str) -> list[tuple[Cue, re.Match[str]]]:
    return [(cue, m) for cue in cues if (m := cue.pattern.search(fragment))]


def _past_before(fragment: str, pos: int, rules: Rules) -> bool:
    words = [w.lower() for w in _WORD.findall(fragment[:pos])]
    words = [w for w in words if w not in rules.report_verbs]  # "said it may": the content counts
    return any(w in rules.irregular_past or (len(w) > 4 and w.endswith("ed")) for w in words)


def _prediction(fragment: str, ev: Evidence, rules: Rules) -> tuple[float, str] | None:
    """(weight, cue) of the strongest future cue, or None."""
    found = [(c.weight, c.name) for c, _ in _first(rules.cues["prediction"], fragment)]
    for cue, match in _first(rules.cues["weak_modal"], fragment):
        if not _past_before(fragment, match.start(), rules):
            found.append((cue.weight, match.group(0).lower()))
    if ev.deadline:
        found.append((DEADLINE_WEIGHT, f"deadline: {ev.deadline}"))
    if ev.future_time and not found:
        found.append((FUTURE_TIME_WEIGHT, f"future time: {ev.future_time}"))
    conditional = _first(rules.cues["conditional"], fragment)
    for cue, _ in conditional:
        if cue.name != "if":  # "or face": the threat is the cue on its own
            found.append((cue.weight, cue.name))
    if not found:
        return None
    weight, name = max(found, key=lambda f: f[0])
    if conditional and not name.startswith(conditional[0][0].name):
        return min(weight + 0.05, 0.95), f"{name} + {conditional[0][0].name}"
    return weight, name


def _hedge(fragment: str, rules: Rules, skip: str = "") -> float:
    return sum(c.weight for c, _ in _first(rules.cues["hedges"], fragment) if c.name != skip)


def _core(fragment: str, rules: Rules, ev: Evidence) -> str | None:
    """The checkable core of a claim: a number, a time, or a named entity."""
    if _NUMBER.search(fragment):
        return "number"
    if ev.has_time:
        return "time"
    words = _WORD.findall(fragment)
    for i, word in enumerate(words):
        name = word[0].isupper() and word not in ("I", "I’m", "I'm")
        if name and (
            i > 0 or (word not in rules.sentence_starters and word.lower() not in rules.not_names)
        ):
            return "named entity"
    return None


def classify(fragment: str, ev: Evidence, rules: Rules) -> Decision:
    """Decide whether a clause is a prediction, a claim, or not an item.

    `fragment` is the clause with nested items and the speaker phrase blanked out.
    """
    body = _strip_connective(fragment, rules)
    if len(_WORD.findall(body)) < MIN_WORDS:
        return Decision(None, 0.0, "too short")
    if _QUESTION.search(fragment):
        return Decision(None, 0.0, "question")
    if _first(rules.cues["speculation"], body):
        return Decision(None, 0.0, "speculation")
    predicted = _prediction(body, ev, rules)
    if predicted:
        weight, cue = predicted
        skip = "may" if cue in ("may", "might", "could") else ""
        return Decision("prediction", _clamp(weight - _hedge(body, rules, skip)), cue)
    if _first(rules.cues["opinion"], body) and not _NUMBER.search(body):
        return Decision(None, 0.0, "opinion")
    core = _core(body, rules, ev)
    if core is None:
        return Decision(None, 0.0, "no checkable core")
    bonus = 0.1 * sum(bool(x) for x in (_NUMBER.search(body), ev.has_time))
    return Decision("claim", _clamp(0.6 + bonus - _hedge(body, rules)), core)


def _clamp(value: float) -> float:
    return round(min(max(value, 0.1), 0.95), 2)
