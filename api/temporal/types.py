"""Value types of the temporal tagger: what a time phrase is and what it means."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Interval:
    """An inclusive range of calendar days."""

    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression found in a text, normalized against the document creation time.

    `start`/`end` are code-point offsets (end exclusive) with `text == source[start:end]`.
    `type` is DATE, TIME, DURATION or SET; `value` and `mod` follow TIMEX3 (TempEval-3).
    `interval` is the span of days the phrase denotes (None for SETs and vague references
    that have no extent); `granularity` is day, week, month, quarter, season, half, year,
    decade or century (None when there is no interval).
    `signal` is the lower-cased temporal preposition that governs the phrase
    ("by", "until", "before", "in", "since", ...) or None; extraction uses it for roles.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    interval: Interval | None = None
    granularity: str | None = None
    signal: str | None = None
