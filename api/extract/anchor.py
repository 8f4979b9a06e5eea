"""Time anchoring: the tagger's time phrases of an item, each with a role, and a primary one.

Roles: `event` (when the claimed thing happened), `deadline` (a prediction's "by
September"), `expected` (a prediction's "in January"), `reported` (the date of the
speech act: a phrase on the reporting verb, or the publication date when there is none).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from api.extract.attribute import Attribution
from api.extract.rules import Rules
from api.extract.types import TimeAnchor
from api.temporal.types import Timex

# Up to three words (an object: "told Reuters on Tuesday") between a verb and its time.
_ON_VERB = re.compile(
    r"^\s*(?:(?!that\b)[\w’'.]+\s+){0,3}?(?:on|in|at|during|earlier|late|last|over)?\s*$",
    re.IGNORECASE,
)
_FRONTED = re.compile(r"^\s*,\s*$")
_PAST_SPAN = re.compile(r"\b(?:last|past|previous|recent)\b", re.IGNORECASE)


def keep(timex: Timex, rules: Rules) -> bool:
    """Drop lower-case homographs the tagger may read as times ("may", "we", "march")."""
    text = timex.text.strip()
    return not (text.lower() in rules.timex_homographs and text[:1].islower())


def on_verb(text: str, timex: Timex, attribution: Attribution | None, clause_start: int) -> bool:
    """Whether the phrase dates the reporting verb: "said this week", "This week, X said"."""
    if attribution is None:
        return False
    if timex.start >= attribution.verb_end:
        return bool(_ON_VERB.match(text[attribution.verb_end : timex.start]))
    subject_start = min(attribution.start, attribution.verb_start)
    fronted = timex.end <= subject_start and timex.start <= clause_start + 1
    return fronted and bool(_FRONTED.match(text[timex.end : subject_start]))


def is_future(timex: Timex, published: date) -> bool:
    return timex.interval is not None and timex.interval.start > published


def is_deadline(text: str, timex: Timex, published: date, rules: Rules) -> bool:
    """A phrase governed by "by", "until", "within", ... that ends after publication."""
    signalled = (timex.signal or "").lower() in rules.deadline_signals
    lead = rules.deadline_lead.search(text, max(0, timex.start - 40), timex.start)
    if not (signalled or lead):
        return False
    return timex.interval is None or timex.interval.end >= published


def is_modifier(text: str, timex: Timex) -> bool:
    """A possessive phrase dates a noun, not the statement: "Monday's earthquake"."""
    return text.startswith(("'s", "’s"), timex.end)


def role_of(
    text: str,
    timex: Timex,
    kind: str,
    verb_time: bool,
    verb_kind: str,
    published: date,
    rules: Rules,
) -> str:
    """The role of one phrase inside an item."""
    if verb_time:
        return "event" if kind == "claim" and verb_kind == "act" else "reported"
    if kind == "claim":
        return "event"
    if is_deadline(text, timex, published, rules):
        return "deadline"
    past = timex.interval is not None and timex.interval.end < published
    return "event" if past else "expected"


def to_anchor(timex: Timex, role: str, published: date) -> TimeAnchor:
    """The anchor of a phrase; a deadline runs from publication to the last day allowed."""
    start = timex.interval.start if timex.interval else None
    end = timex.interval.end if timex.interval else None
    if role == "deadline" and end is not None:
        if (timex.signal or "").lower() == "before" and timex.interval is not None:
            end = timex.interval.start - timedelta(days=1)
        start = min(published, end)
    if role == "deadline" and end is None and (span := _duration_end(timex.value, published)):
        start, end = published, span  # "within two weeks": counted from publication
    if timex.value == "PRESENT_REF" and end is None:
        start = end = published  # "now": the time of writing
    if timex.type == "DURATION" and end is None and _PAST_SPAN.search(timex.text):
        end = published  # "for the last several months": a span ending now
    return TimeAnchor(timex.text, timex.value, start, end, timex.granularity, role)


_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_DAYS = {"D": 1, "W": 7}


def _duration_end(value: str, published: date) -> date | None:
    """The day a TIMEX3 duration ("P2W", "P3M") counted from publication ends."""
    match = _DURATION.match(value)
    if not match:
        return None
    count, unit = int(match.group(1)), match.group(2)
    if unit in _DAYS:
        return published + timedelta(days=count * _DAYS[unit])
    months = published.month - 1 + count * (12 if unit == "Y" else 1)
    year, month = published.year + months // 12, months % 12 + 1
    return _clamped_day(year, month, published.day)


def _clamped_day(year: int, month: int, day: int) -> date:
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def reported(published: date) -> TimeAnchor:
    """The anchor of an item without a time phrase: the publication date."""
    return TimeAnchor("", published.isoformat(), published, published, "day", "reported")


_PREFERENCE = {
    "prediction": ("deadline", "expected", "reported", "event"),
    "claim": ("event", "reported"),
}


def primary(kind: str, anchors: list[TimeAnchor], published: date) -> TimeAnchor:
    """The anchor that dates the item: by role preference, then text order."""
    for role in _PREFERENCE[kind]:
        for anchor in anchors:
            if anchor.role == role:
                return anchor
    return reported(published)
