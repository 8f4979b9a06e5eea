"""Rule-based English temporal tagger: time phrases normalized against the document date.

`tag(text, dct)` finds TIMEX3-style time expressions (DATE, TIME, DURATION, SET) and
resolves them against the document creation time. It is pure: the rules load once per
process from `rules/en/*.yaml`, and the DCT is always a parameter.
"""

from __future__ import annotations

from datetime import date

from api.temporal.anchors import remember_day
from api.temporal.detect import detect
from api.temporal.lexical import Ctx
from api.temporal.normalize import NORMALIZERS
from api.temporal.patterns import load
from api.temporal.types import Interval, Timex
from api.temporal.values import interval_of

__all__ = ["Interval", "Timex", "tag"]

# Grains of a date that "that year" / "the following month" may point back to.
_ANCHOR_GRAINS = frozenset({"day", "week", "month", "quarter", "season", "half", "year"})


def _signal(text: str, start: int, signals: frozenset[str]) -> str | None:
    """The temporal preposition right before `start` (up to three words), lower-cased."""
    words = text[max(0, start - 40) : start].lower().split()
    for n in (3, 2, 1):
        if len(words) >= n and (cand := " ".join(words[-n:]).strip(",;:(\"'")) in signals:
            return cand
    return None


def tag(text: str, dct: date) -> list[Timex]:
    """Time expressions of `text`, sorted by start and non-overlapping, resolved against `dct`."""
    ruleset = load("en")
    lex = ruleset.lexicon
    signals = frozenset(lex["signals"])
    out: list[Timex] = []
    memory: dict[str, object] = {}
    for mention in detect(text, ruleset):
        signal = _signal(text, mention.start, signals)
        ctx = Ctx(text, mention.start, mention.end, dct, lex, memory, signal)
        try:
            norm = NORMALIZERS[mention.rule.normalizer](mention.match, ctx)
        except (ValueError, OverflowError):
            continue  # "2000 years ago" from a DCT in 1700: no calendar date before year 1
        if norm is None:
            continue
        type_ = norm.type or mention.rule.type
        interval, gran = norm.interval, norm.granularity
        if interval is None and type_ in {"DATE", "TIME"}:
            interval, gran = interval_of(norm.value, norm.mod)
        if gran == "day" and interval is not None:  # what "that day" / "at 10 p.m." refer to
            remember_day(memory, text, mention.start, mention.end, interval.start, norm.value)
        hold = memory.pop("_hold_anchor", False)  # a side reference ("over the weekend")
        if type_ == "DATE" and gran in _ANCHOR_GRAINS and interval is not None and not hold:
            memory["anchor"] = (interval.start, gran)  # what "that year" refers to
            memory["anchor_at"] = mention.start
            memory["anchor_value"] = norm.value  # "later that week" is narrowed: not its start
        out.append(
            Timex(
                start=mention.start,
                end=mention.end,
                text=text[mention.start : mention.end],
                type=type_,
                value=norm.value,
                mod=norm.mod,
                interval=interval,
                granularity=gran if interval else None,
                signal=signal,
            )
        )
    return out
