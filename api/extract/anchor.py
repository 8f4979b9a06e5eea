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

# Up to three words (an object: "told Reuters on Tuesday") between a verb and its time, but
# no verb of their own ("project rates will end the year").
_ON_VERB = re.compile(
    r"^\s*(?:(?!(?:that|will|would|could|may|might|can|is|are|was|were)\b)[\w’'.]+\s+){0,3}?"
    r"(?:on|in|at|during|earlier|late|last|over)?\s*$",
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
    if attribution is None or _compound(text, timex):  # "forecast second-quarter revenue"
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


def is_modifier(text: str, timex: Timex, kind: str, rules: Rules) -> bool:
    """A phrase that dates a noun or a point of comparison, not the statement.

    "Monday's earthquake"; "a 10-month high" (a measure, never a date); a prediction's
    "fourth-quarter results" (its date is the verb's); "up 16% from a year earlier".
    """
    if text.startswith(("'s", "’s"), timex.end):
        return True
    if _FREQUENCY.match(timex.text) and timex.type in ("DURATION", "SET") and not timex.signal:
        return True  # "two games a year": how often, not when
    if _compound(text, timex) and (timex.type in ("DURATION", "SET") or kind == "prediction"):
        return True
    lead = rules.comparison_lead.search(text, max(0, timex.start - 40), timex.start)
    relative = _RELATIVE.search(text, timex.start, min(len(text), timex.end + 10))
    return bool(lead and relative) and not _SPAN_AFTER.match(text, timex.end)


def _compound(text: str, timex: Timex) -> bool:
    """An adjective before a noun: "a 10-month high", "second-quarter sales", "nightly talks"."""
    word = timex.text
    adjective = "-" in word or (word.endswith("ly") and word.islower() and " " not in word)
    return adjective and bool(_NOUN_AFTER.match(text, timex.end))


def dated_noun(text: str, timex: Timex) -> bool:
    """A period adjective ("second-quarter revenue"): a prediction's date when it has no other."""
    return _compound(text, timex) and timex.type == "DATE"


_FREQUENCY = re.compile(r"^(?:a|an|per|each|every)\s+\w+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
# A point of comparison is relative: "from a year ago", "from the week before", not "from 2025".
_RELATIVE = re.compile(r"\b(?:ago|earlier|before|previous|prior|last)\b", re.IGNORECASE)
_SPAN_AFTER = re.compile(r"\s+(?:to|until|through|and)\b")


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
    if timex.value == "PRESENT_REF":
        return "reported"  # "markets now see": the time of the forecast, not of its outcome
    if is_deadline(text, timex, published, rules):
        return "deadline"
    past = timex.interval is not None and timex.interval.end < published
    if timex.type == "DURATION" and timex.interval is None:
        return "event"  # "ending days of turmoil": a span in the statement, not its due date
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
    """The anchor that dates the item: by role preference, then text order.

    A prediction's expected time that begins on the day of publication is the day of the
    report ("approved on Thursday ..., in stores early next year"): a later one wins.
    """
    for role in _PREFERENCE[kind]:
        fitting = [a for a in anchors if a.role == role]
        later = [a for a in fitting if a.start != published]
        if fitting:
            return later[0] if kind == "prediction" and later else fitting[0]
    return reported(published)
