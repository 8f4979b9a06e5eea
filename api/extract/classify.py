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
_BE = frozenset("is are was were be been being am".split())
_AUXILIARIES = _BE | {"has", "have", "had"}
MIN_WORDS = 3  # "Dr." or "Kyiv agreed" carry no checkable statement


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the clause offers besides its words: times, a deadline, a speaker."""

    deadline: str | None = None  # text of a future time phrase governed by "by", "until", ...
    future_time: str | None = None  # text of any other future time phrase
    has_time: bool = False
    untimed: str = ""  # the clause without its time phrases: "pledged on Monday to" -> "pledged to"
    reported: bool = False  # someone is said to say it: reported speech needs no other core
    quoted: bool = False  # direct speech: it needs a subject of its own ("That is a promise")
    act: bool = False  # "X called it “vile” and vowed a response": the act is the news
    time_text: str = ""  # the first time phrase, shown in the cue of a claim dated by it


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


def _modals(cues: tuple[Cue, ...], fragment: str) -> list[tuple[Cue, re.Match[str]]]:
    """Weak modals, but not a capitalised "May" inside the clause: that is the month."""
    found = []
    for cue in cues:
        for match in cue.pattern.finditer(fragment):
            if match.start() == 0 or not match.group(0)[0].isupper():
                found.append((cue, match))
                break
    return found


def _past_before(fragment: str, pos: int, rules: Rules) -> bool:
    words = [w.lower() for w in _WORD.findall(fragment[:pos])]
    words = [w for w in words if w not in rules.report_verbs]  # "said it may": the content counts
    return any(w in rules.irregular_past or (len(w) > 4 and w.endswith("ed")) for w in words)


def _past_before_phrase(fragment: str, phrase: str, rules: Rules) -> bool:
    """ "cut its forecast for 2024": a future date after a past verb dates a noun, not a plan.

    A passive participle does not count ("are scheduled for October"); a perfect does
    ("has kept rates high since July").
    """
    pos = fragment.find(phrase)
    words = [w.lower() for w in _WORD.findall(fragment[: max(pos, 0)])]
    for prev, word in zip(["", *words], words, strict=False):
        if word in _AUXILIARIES or prev in _BE or word in rules.report_verbs:
            continue
        if word in rules.irregular_past or (len(word) > 4 and word.endswith("ed")):
            return True
    return False


# "to comply", "to leave": an infinitive that a deadline sets a time for (not "to the end").
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|its|their|his|her|our)\b)[a-z]+")


def _past_act_with_end(fragment: str, deadline: str, rules: Rules) -> bool:
    """ "extended their supply cuts until December": a past act that merely has an end date
    is a claim; "gave Apple until March 7 to comply" still sets a deadline for an act."""
    return _past_before_phrase(fragment, deadline, rules) and not _INFINITIVE.search(fragment)


def _prediction(fragment: str, ev: Evidence, rules: Rules) -> tuple[float, str] | None:
    """(weight, cue) of the strongest future cue, or None."""
    strong = {c.name: c.weight for c, _ in _first(rules.cues["prediction"], fragment)}
    if ev.untimed:
        strong |= {c.name: c.weight for c, _ in _first(rules.cues["prediction"], ev.untimed)}
    found = [(weight, name) for name, weight in strong.items()]
    for cue, match in _modals(rules.cues["weak_modal"], fragment):
        if not _past_before(fragment, match.start(), rules):
            found.append((cue.weight, match.group(0).lower()))
    if ev.deadline and not _past_act_with_end(fragment, ev.deadline, rules):
        found.append((DEADLINE_WEIGHT, f"deadline: {ev.deadline}"))
    if ev.future_time and not found and not _past_before_phrase(fragment, ev.future_time, rules):
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
    return sum(c.weight for c, _ in _modals(rules.cues["hedges"], fragment) if c.name != skip)


def _core(fragment: str, rules: Rules, ev: Evidence) -> str | None:
    """The checkable core of a claim, as "kind: words": a number, a time, or a name."""
    plain = ev.untimed or fragment  # "December 31" is a time, not a number
    if number := _NUMBER.search(plain):
        return f"number: {_word_at(plain, number.start())}"
    if ev.has_time:
        return f"time: {ev.time_text}" if ev.time_text else "time"
    words = _WORD.findall(fragment)
    for i, word in enumerate(words):
        name = word[0].isupper() and word not in ("I", "I’m", "I'm")
        if name and (
            i > 0 or (word not in rules.sentence_starters and word.lower() not in rules.not_names)
        ):
            return f"named entity: {word.rstrip('.’')}"
    return None


def _word_at(fragment: str, pos: int) -> str:
    """The whitespace-delimited word around pos, with the unit after a bare figure."""
    start = fragment.rfind(" ", 0, pos) + 1
    end = fragment.find(" ", pos)
    end = len(fragment) if end < 0 else end
    unit = _UNIT.match(fragment, end)
    return (fragment[start:end] + (unit.group(0) if unit else "")).strip("“”\"'(),.;:")


_UNIT = re.compile(r" (?:million|billion|trillion|percent|per cent|points?|people|cases)\b")


def _referential(body: str, rules: Rules) -> bool:
    """A quote that opens on a noun ("The economy is slowing"), not on "that" or "it"."""
    word = _WORD.match(body)
    return bool(word) and word.group(0).lower() not in _DEICTIC


# "We have no plans to close it" is checkable; "That is a promise" and "It is ours" are not.
_DEICTIC = frozenset("this that these those it it's there here what you he she they".split())


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
    if _first(rules.cues["opinion"], body) and not (_NUMBER.search(body) or ev.act):
        return Decision(None, 0.0, "opinion")
    core = _core(body, rules, ev)
    if core is None and ev.reported and (not ev.quoted or _referential(body, rules)):
        return Decision("claim", _clamp(0.5 - _hedge(body, rules)), "reported speech")
    if core is None:
        return Decision(None, 0.0, "no checkable core")
    bonus = 0.1 * sum(bool(x) for x in (_NUMBER.search(body), ev.has_time))
    return Decision("claim", _clamp(0.6 + bonus - _hedge(body, rules)), core)


def _clamp(value: float) -> float:
    return round(min(max(value, 0.1), 0.95), 2)
