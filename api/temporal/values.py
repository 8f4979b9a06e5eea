"""TIMEX3 value strings: build them from dates, and turn them back into day intervals.

The interval of a DATE/TIME is derived from its value (one place to get calendars right),
then narrowed by its mod (START/MID/END take a third of the period).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from api.temporal.types import Interval

# Value shapes the engine itself emits; not rule data.
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by `n` units (D, W, M, Q, Y, E, C); clamps month ends like relativedelta."""
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    return d + relativedelta(months=n * months[unit])


def value_at(d: date, unit: str) -> str:
    """The value naming the `unit`-sized period that contains day `d`."""
    if unit == "D":
        return day_value(d)
    if unit == "W":
        return week_value(d)
    if unit == "WE":
        return week_value(d) + "-WE"
    if unit == "M":
        return month_value(d.year, d.month)
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "E":
        return f"{d.year // 10:03d}"
    if unit == "C":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def _month_span(year: int, month: int, n: int) -> Interval:
    start = date(year, month, 1)
    return Interval(start, start + relativedelta(months=n) - timedelta(days=1))


def _parse(value: str) -> tuple[Interval, str] | None:
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return Interval(d, d), "day"
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return Interval(monday + timedelta(days=5), monday + timedelta(days=6)), "week"
        return Interval(monday, monday + timedelta(days=6)), "week"
    if m := _MONTH.match(value):
        return _month_span(int(m[1]), int(m[2]), 1), "month"
    if m := _QUARTER.match(value):
        return _month_span(int(m[1]), 3 * int(m[2]) - 2, 3), "quarter"
    if m := _HALF.match(value):
        return _month_span(int(m[1]), 6 * int(m[2]) - 5, 6), "half"
    if m := _SEASON.match(value):
        return _month_span(int(m[1]), _SEASON_START[m[2]], 3), "season"
    if m := _YEAR.match(value):
        return _month_span(int(m[1]), 1, 12), "year"
    if m := _DECADE.match(value):
        return _month_span(int(m[1]) * 10, 1, 120), "decade"
    if m := _CENTURY.match(value):
        return _month_span(int(m[1]) * 100, 1, 1200), "century"
    return None


def narrow(iv: Interval, mod: str | None) -> Interval:
    """The START/MID/END third of an interval (unchanged for other mods or one day)."""
    days = (iv.end - iv.start).days + 1
    if mod not in {"START", "MID", "END"} or days < 3:
        return iv
    third = days // 3
    if mod == "START":
        return Interval(iv.start, iv.start + timedelta(days=third - 1))
    if mod == "END":
        return Interval(iv.end - timedelta(days=third - 1), iv.end)
    return Interval(iv.start + timedelta(days=third), iv.end - timedelta(days=third))


def interval_of(value: str, mod: str | None = None) -> tuple[Interval | None, str | None]:
    """Interval and granularity a DATE/TIME value denotes; (None, None) for vague values."""
    try:
        parsed = _parse(value)
    except ValueError:  # e.g. Feb 30 or week 53 of a 52-week year
        return None, None
    if parsed is None:
        return None, None
    iv, gran = parsed
    return narrow(iv, mod), gran
