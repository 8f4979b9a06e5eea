"""Date arithmetic and explicit-date parsing through dateparser, cached.

The detector and the rules decide WHAT a phrase is and at which granularity it is read;
dateparser only computes the calendar date. Callers pass a canonical phrase ("5 March
2022", "2 weeks ago", "in 3 days") so that one cache entry serves every spelling of it.
`RELATIVE_BASE` is always the document date (never the clock) and `PREFER_DATES_FROM`
comes from the sentence's tense.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

Prefer = Literal["past", "future", "current_period"]

# Base for phrases that carry their own year: the result cannot depend on it, and one
# fixed base lets every document share the cache entry.
_ABSOLUTE_BASE = date(2000, 1, 1)


@lru_cache(maxsize=64)
def _parser(base: date, prefer: Prefer) -> DateDataParser:
    """One parser per (base date, preference); a document uses one or two of them."""
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "current",
        "DATE_ORDER": "MDY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=8192)
def parse(
    phrase: str, base: date | None, prefer: Prefer = "current_period", fmt: str | None = None
) -> date | None:
    """The day `phrase` names, read against `base` (None: the phrase is absolute).

    With `fmt` dateparser takes its strptime path, some 30x faster than free parsing; it
    is only safe for phrases that hold a year (without one it would read the clock).
    """
    parser = _parser(base or _ABSOLUTE_BASE, prefer)
    found = parser.get_date_data(phrase, [fmt] if fmt else None).date_obj
    return found.date() if found is not None else None


def absolute(year: int, month: int, day: int) -> date | None:
    """An explicit calendar date ("5 March 2022"); None when it does not exist."""
    if not 1 <= day <= 31:
        return None
    return parse(f"{day} {_MONTHS[month - 1]} {year:04d}", None, fmt="%d %B %Y")


# A Monday. Weekday names and day/week counts move a date the same way from any base with
# the same weekday, so dateparser reads them once against a fixed base of that weekday and
# every document shares the cache entry (months and years clamp at month ends: not these).
_WEEK_BASE = date(2001, 1, 1)


def _from_week_base(phrase: str, dct: date, prefer: Prefer = "current_period") -> date | None:
    base = _WEEK_BASE + timedelta(days=dct.weekday())
    found = parse(phrase, base, prefer)
    return dct + (found - base) if found is not None else None


def weekday(wd: int, dct: date, prefer: Prefer) -> date:
    """The nearest ISO weekday `wd` before (past) or after (future) `dct`, never `dct`."""
    found = _from_week_base(_WEEKDAYS[wd - 1], dct, prefer)
    assert found is not None, wd  # dateparser always reads a bare weekday name
    return found


_UNIT_WORDS = {"D": "day", "W": "week", "M": "month", "Y": "year", "E": "decade"}


def offset(dct: date, unit: str, n: int) -> date | None:
    """`dct` moved by `n` units (D, W, M, Y, E): "2 weeks ago", "in 3 days"."""
    word = _UNIT_WORDS.get(unit)
    if word is None or n == 0:
        return dct if word else None
    count = abs(n)
    phrase = f"{count} {word}{'s' if count != 1 else ''}"
    phrase = f"{phrase} ago" if n < 0 else f"in {phrase}"
    return _from_week_base(phrase, dct) if unit in {"D", "W"} else parse(phrase, dct)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
