"""Normalizers for durations, sets, clock times and holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import MO, SU, TH, relativedelta

from api.temporal import dateparse, tense
from api.temporal.anchors import anchor_day, sentence_start
from api.temporal.lexical import (
    Ctx,
    Norm,
    key,
    mod_of,
    month_num,
    number,
    registry,
    resolve_month,
    resolve_weekday,
    year_num,
)
from api.temporal.types import Interval
from api.temporal.values import day_value, shift

NORMALIZERS, normalizer = registry()

# How many units a vague quantity stands for when an interval must be drawn ("the last
# several months" ends at the DCT and starts about three months earlier).
_VAGUE_COUNT = 3
_PAST_ANCHORS = {"past", "last", "previous", "recent", "latest", "preceding"}
_FUTURE_ANCHORS = {"next", "coming", "following", "upcoming"}


def _unit_code(word: str, ctx: Ctx) -> tuple[str, bool]:
    """(TIMEX3 unit letter, is a time unit) for 'years', 'hour', 'centuries', ..."""
    w = key(word)
    units = ctx.lex["units"]
    base = w if w in units else w.removesuffix("s")
    return units[base], base in ctx.lex["time_units"]


def duration_value(n: float | str, unit: str, is_time: bool) -> str:
    """P5M, PT48H, PXY, P2Y6M ...; decades and centuries become years, quarters months.

    Hours stay hours ("48 hours" PT48H, not P2D): TIMEX3 values keep the unit of the text.
    """
    if n == "X":
        return f"PT X{unit}".replace(" ", "") if is_time else f"PX{unit}"
    n = float(n)
    scale = {"E": (10, "Y"), "C": (100, "Y"), "Q": (3, "M"), "2W": (2, "W"), "WE": (2, "D")}
    if unit in scale:
        k, unit = scale[unit]
        n *= k
    whole, frac = int(n), n - int(n)
    pre = "PT" if is_time else "P"
    if not frac:
        return f"{pre}{whole}{unit}"
    sub = {"Y": (12, "M", False), "D": (24, "H", True), "H": (60, "M", True)}
    sub |= {"M": (60, "S", True) if is_time else (30, "D", False)}
    if unit not in sub:  # no smaller unit to carry the fraction: "45.44 seconds" PT45.44S
        return f"{pre}{round(n, 3):g}{unit}"
    k, sub_unit, sub_time = sub[unit]
    tail = f"{int(frac * k)}{sub_unit}"
    if not whole:  # "half an hour" PT30M, "half a year" P6M
        return f"{'PT' if is_time or sub_time else 'P'}{tail}"
    if sub_time and not is_time:
        return f"P{whole}{unit}T{tail}"
    return f"{pre}{whole}{unit}{tail}"


def _anchored(n: float | str, unit: str, is_time: bool, anchor: str, ctx: Ctx) -> Interval | None:
    """Interval of "the past three years" (ending at the DCT) or "the next two weeks"."""
    if is_time or unit not in {"D", "W", "M", "Q", "Y", "E", "C"}:
        return None
    count = _VAGUE_COUNT if n == "X" else float(n)
    if count != int(count):
        return None
    try:
        if anchor in _PAST_ANCHORS:
            return Interval(shift(ctx.dct, unit, -int(count)) + timedelta(days=1), ctx.dct)
        if anchor in _FUTURE_ANCHORS:
            return Interval(ctx.dct, shift(ctx.dct, unit, int(count)) - timedelta(days=1))
    except (ValueError, OverflowError):
        return None  # "the past 2,000 years" from a DCT in 1700: before year 1, no interval
    return None


def _ahead(n: float | str, unit: str, is_time: bool, ctx: Ctx) -> Interval | None:
    """ "(will ...) in three days", "within two weeks": from the DCT to the day it lands on."""
    if is_time or ctx.signal not in {"in", "within"} or n == "X" or float(n) != int(float(n)):
        return None
    if ctx.direction() != "future":
        return None
    end = dateparse.offset(ctx.dct, unit, int(float(n)))
    return Interval(ctx.dct, end) if end else None


@normalizer
def n_duration(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "five months", "the past three years", "nearly forty years", "48-hour"."""
    g = m.groupdict()
    n = number(g["num"], ctx.lex)
    if n is None and key(g["num"]) in {"another", "a single"}:
        n = 1  # "at least another week", "a single day"
    if n is None and g.get("half") and not g["num"]:
        n = 1  # "the past year and a half"
    if n is None:
        return None
    if g.get("half") and isinstance(n, float | int):
        n += 0.5  # "a year and a half"
    unit, is_time = _unit_code(g["unit"], ctx)
    mod = mod_of(g.get("mod"), ctx.lex)
    if mod is None and "couple" in key(g["num"]):
        mod = "APPROX"
    if mod is None and g.get("orso"):  # "two years or so" APPROX, "five years or more"
        mod = {"or more": "EQUAL_OR_MORE", "or longer": "EQUAL_OR_MORE"}.get(
            key(g["orso"]), "APPROX"
        )
    anchor = key(g.get("anchor"))
    if unit == "M" and n in (6, 9) and (anchor or key(m.group(0)).startswith("the")):
        ctx.memory["period"] = "months"  # earnings reported "for the nine months"
    iv = _anchored(n, unit, is_time, anchor, ctx) if anchor else _ahead(n, unit, is_time, ctx)
    gran = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}.get(unit)
    return Norm(
        duration_value(n, unit, is_time), mod=mod, interval=iv, granularity=gran and iv and gran
    )


@normalizer
def n_duration_vague(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "for years", "for months": an unspecified number of units."""
    unit, is_time = _unit_code(m["unit"], ctx)
    return Norm(duration_value("X", unit, is_time))


@normalizer
def n_duration_vague_span(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "over the past weeks", "in recent months", "the weeks ahead", "years to come": an
    unspecified number of units, drawn as a few units before (after) the DCT."""
    g = m.groupdict()
    unit, is_time = _unit_code(g.get("unit") or g["unit2"], ctx)
    iv = _anchored("X", unit, is_time, "past" if g.get("past") else "next", ctx)
    gran = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}.get(unit)
    value = "PXM" if unit == "Q" else duration_value("X", unit, is_time)  # TBAQ: quarters PXM
    return Norm(value, interval=iv, granularity=gran and iv and gran)


# Units of a compound duration, largest first; weeks fold into days next to a smaller unit.
_COMPOUND_UNITS = ("year", "month", "week", "day", "hour", "minute", "second")


@normalizer
def n_duration_compound(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "four hours and 57 minutes" PT4H57M, "two years and three months" P2Y3M."""
    units = [key(m[g]).removesuffix("s") for g in ("unit", "unit2")]
    nums = [number(m[g], ctx.lex) for g in ("num", "num2")]
    if _COMPOUND_UNITS.index(units[0]) >= _COMPOUND_UNITS.index(units[1]):
        return None
    if not all(isinstance(n, float | int) and n == int(n) for n in nums):
        return None
    counts = {u: int(n) for u, n in zip(units, nums, strict=True)}
    if "week" in counts and units[1] != "week":  # "two weeks and three days": P17D
        counts["day"] = counts.get("day", 0) + 7 * counts.pop("week")
    date_part = "".join(f"{counts[u]}{u[0].upper()}" for u in _COMPOUND_UNITS[:4] if u in counts)
    time_part = "".join(f"{counts[u]}{u[0].upper()}" for u in _COMPOUND_UNITS[4:] if u in counts)
    value = "P" + date_part + (f"T{time_part}" if time_part else "")
    return Norm(value, mod=mod_of(m["mod"], ctx.lex))


@normalizer
def n_duration_unknown(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "for some time", "for a while": neither the unit nor the count is known."""
    return Norm("PXX")


@normalizer
def n_duration_one(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "year-long", "monthlong": one unit."""
    unit, is_time = _unit_code(m["unit"], ctx)
    return Norm(duration_value(1, unit, is_time))


_ADVERB_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W"}
_ADVERB_SETS |= {"monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y"}
_ADVERB_SETS |= {"hourly": "PT1H", "semiannually": "P6M", "everyday": "P1D"}


@normalizer
def n_set_adverb(m: re.Match[str], ctx: Ctx) -> Norm | None:
    return Norm(_ADVERB_SETS[key(m["adv"])])


@normalizer
def n_set_every(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "every year" P1Y, "each Thursday" XXXX-WXX-4, "each July" XXXX-07, "every two weeks",
    "every weekend" XXXX-WXX-WE; "roughly every three weeks" keeps APPROX."""
    return Norm(_every_value(m, ctx), mod=mod_of(m.groupdict().get("mod"), ctx.lex))


def _every_value(m: re.Match[str], ctx: Ctx) -> str:
    word = key(m["unit"])
    lex = ctx.lex
    if word in lex["weekdays"]:  # "every Friday night": that part of each Friday
        dp = f"T{lex['dayparts'][key(m['dp'])]}" if m.groupdict().get("dp") else ""
        return f"XXXX-WXX-{lex['weekdays'][word]}{dp}"
    if word in lex["months"]:
        return f"XXXX-{lex['months'][word]:02d}"
    if word in lex["seasons"]:
        return f"XXXX-{lex['seasons'][word]}"
    if word in lex["dayparts"]:  # "every morning": each day's morning
        return f"XXXX-XX-XXT{lex['dayparts'][word]}"
    num = key(m["num"])
    if word == "weekend" and not num:
        return "XXXX-WXX-WE"
    unit, is_time = _unit_code(word, ctx)
    n = 2 if num == "other" else "X" if num in {"few", "several", "couple of"} else number(num, lex)
    return duration_value(n or 1, unit, is_time)


@normalizer
def n_set_weekends(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "works weekends", "on weekends": each weekend."""
    return Norm("XXXX-WXX-WE")


# A morning clock time after one at least this late in the same sentence is the next day's.
_EVENING_HOUR = 18


def _clock_day(word: str | None, ctx: Ctx, hour: int, rel: str | None = None) -> date:
    w = key(word)
    if not w:  # "at 10 p.m.": on the day the text last named (the event's), else the DCT
        d, rec = anchor_day(ctx)
        # "went down at 10 p.m. and stayed until 6 in the morning": the next day's morning
        prev = rec and rec["hour"]
        if (
            prev
            and prev >= _EVENING_HOUR
            and hour < 12
            and rec["sent"] == sentence_start(ctx.text, ctx.start, ctx.memory)
        ):
            return d + timedelta(days=1)
        return d
    if w == "today" or w == "tonight":
        return ctx.dct
    if w in {"yesterday", "tomorrow"}:
        return ctx.dct + timedelta(days=-1 if w == "yesterday" else 1)
    return resolve_weekday(ctx.lex["weekdays"][w], ctx, rel)  # "next Monday at noon"


def _midnight_day(g: dict[str, str | None], ctx: Ctx) -> date:
    """The day a midnight ends (TimeBank: "midnight Friday" is Friday T24). Bare in a past
    sentence about the report day ("failed to agree before the midnight deadline", "went on
    strike at midnight"): the midnight just past, which ended the day before."""
    if g.get("wd"):
        return _clock_day(g["wd"], ctx, 24, g.get("rel"))
    d, rec = anchor_day(ctx)
    direction = ctx.direction()
    if direction is None and rec:  # no cue of its own: the tense of the day it hangs on
        direction = tense.direction(ctx.text, rec["start"], rec["end"], ctx.lex)
    if d == ctx.dct and direction == "past":
        return d - timedelta(days=1)
    return d


def _is_pm(ap: str, hour: int) -> bool:
    """ "p.m.", "in the afternoon/evening", "at night" (but "2 at night" is small hours)."""
    if ap.endswith("night"):
        return 6 <= hour < 12
    return ap.startswith("p") or ap.endswith(("afternoon", "evening"))


@normalizer
def n_clock(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "10 p.m. Wednesday", "7:15 a.m.", "noon Thursday" -> YYYY-MM-DDTHH:MM."""
    g = m.groupdict()
    if g.get("noon"):
        hour, minute = (24, 0) if key(g["noon"]) == "midnight" else (12, 0)
    elif g.get("h24"):  # "December 15, 2018 21:51"
        hour, minute = int(g["h24"]), int(g["m24"])
    else:
        hour, minute = int(g["h"]), int(g["m"] or 0)
        if g["ap"]:  # a 12-hour clock; without a.m./p.m. the hour is read as written
            hour = hour % 12 + (12 if _is_pm(key(g["ap"]), hour) else 0)
        elif key(g.get("wd")) == "tonight" and hour < 12:  # "at 8:30 tonight"
            hour += 12
    if g.get("month"):
        month = month_num(g["month"], ctx.lex)
        year = year_num(g["year"], ctx.lex) if g.get("year") else resolve_month(month, ctx)
        try:
            d = date(year, month, int(re.sub(r"\D", "", g["day"])))
        except ValueError:
            return None
    elif hour == 24:
        d = _midnight_day(g, ctx)
    elif gloss := _glossed_day(g, ctx):  # "4 p.m. EDT (2000 GMT) Sunday"
        d = _clock_day(gloss[1], ctx, hour)
        ctx.memory["glossed_day"] = (gloss.start(1), d)
    else:
        d = _converted_day(g, ctx) or _clock_day(g.get("wd"), ctx, hour, g.get("rel"))
    return Norm(f"{day_value(d)}T{hour:02d}:{minute:02d}", mod=mod_of(g.get("mod"), ctx.lex))


@normalizer
def n_clock_range_first(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "7:38-7:39pm", "from 7:30 to 9 p.m. Tuesday": the first end takes the second's
    a.m./p.m. and day; a p.m. range starting at a later clock hour starts in the morning
    ("11-1 p.m." is 11:00)."""
    h, h2 = int(m["h"]) % 12, int(m["h2"]) % 12
    hour = h + 12 * (_is_pm(key(m["ap"]), h2) and h <= h2)
    d = _clock_day(m["wd"], ctx, hour)
    return Norm(f"{day_value(d)}T{hour:02d}:{int(m['m'] or 0):02d}")


# A bracketed conversion between a clock time and its day: "10:35 a.m. (0735 GMT) Friday"
# (TBAQ tags the time and the weekday apart, the time on that weekday, the gloss untagged).
_GLOSS_DAY = re.compile(
    r"\s*\((?:[01]\d|2[0-3])[0-5]\d\s+(?-i:GMT|UTC)\)\s+(?:on\s+)?"
    r"([A-Z][a-z]+day|today|yesterday|tomorrow)\b"
)


def _glossed_day(g: dict[str, str | None], ctx: Ctx) -> re.Match[str] | None:
    """The weekday after a bracketed GMT gloss that follows a clock time with no day."""
    if g.get("wd") or g.get("noon"):
        return None
    m = _GLOSS_DAY.match(ctx.text, ctx.end)
    w = key(m[1]) if m else ""
    return m if w in ctx.lex["weekdays"] or w in {"today", "yesterday", "tomorrow"} else None


def _converted_day(g: dict[str, str | None], ctx: Ctx) -> date | None:
    """ "9 p.m. EDT (0100 GMT Wednesday)": a bracketed conversion of the clock time just
    before it names a day at most one off that time's day."""
    if not g.get("wd") or key(g["wd"]) not in ctx.lex["weekdays"]:
        return None
    if not ctx.text[max(0, ctx.start - 2) : ctx.start].strip().endswith("("):
        return None
    d, rec = anchor_day(ctx)
    if rec is None or rec["hour"] is None:
        return None
    wd = ctx.lex["weekdays"][key(g["wd"])]
    near = (d + timedelta(days=k) for k in (0, 1, -1))
    return next((day for day in near if day.isoweekday() == wd), None)


_THANKSGIVING_OFFSETS = {"black_friday": 1, "cyber_monday": 4}
# (month, nth, weekday): Election Day is the Tuesday after the first Monday of November.
_NTH_WEEKDAY = {
    "election_day": (11, 1, MO),
    "mothers_day": (5, 2, SU),
    "fathers_day": (6, 3, SU),
    "presidents_day": (2, 3, MO),
}


def _holiday_date(rule: str, year: int) -> date:
    if rule == "easter":
        return easter(year)
    if rule == "good_friday":
        return easter(year) - timedelta(days=2)
    if rule == "thanksgiving":
        return date(year, 11, 1) + relativedelta(weekday=TH(4))
    if rule == "labor_day":
        return date(year, 9, 1) + relativedelta(weekday=MO(1))
    if rule == "memorial_day":
        return date(year, 5, 31) + relativedelta(weekday=MO(-1))
    if rule in _THANKSGIVING_OFFSETS:  # the shopping days around Thanksgiving
        return _holiday_date("thanksgiving", year) + timedelta(days=_THANKSGIVING_OFFSETS[rule])
    if rule in _NTH_WEEKDAY:
        month, nth, weekday = _NTH_WEEKDAY[rule]
        day = date(year, month, 1) + relativedelta(weekday=weekday(nth))
        return day + timedelta(days=1) if rule == "election_day" else day
    month, day = rule.split("-")
    return date(year, int(month), int(day))


@normalizer
def n_holiday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """Christmas, New Year's Eve, Thanksgiving, Easter ... in the year the context points to."""
    rule = ctx.lex["holidays"][key(m["hol"])]
    if m["year"]:
        return Norm(day_value(_holiday_date(rule, year_num(m["year"], ctx.lex))))
    rel, dct = key(m["rel"]), ctx.dct
    this_year = _holiday_date(rule, dct.year)
    prev = this_year if this_year <= dct else _holiday_date(rule, dct.year - 1)
    nxt = this_year if this_year >= dct else _holiday_date(rule, dct.year + 1)
    if rel in {"last", "next"}:
        return Norm(day_value(prev if rel == "last" else nxt))
    if (offset := _offset_before(ctx)) is not None:
        # "four months before Election Day": the occurrence that puts the event nearest the DCT.
        return Norm(day_value(min((prev, nxt), key=lambda d: abs((d + offset - dct).days))))
    direction = ctx.direction()
    # A holiday a few weeks off is the one meant, whatever a stray tense cue says
    # ("fireworks lit up the sky on New Year's Eve" two days into January).
    near = [d for d in (prev, nxt) if abs((d - dct).days) <= _NEAR_HOLIDAY_DAYS]
    if direction == "past":
        pick = prev if (dct - prev).days <= _FAR_HOLIDAY_DAYS or not near else near[0]
    elif direction == "future":
        pick = nxt if (nxt - dct).days <= _FAR_HOLIDAY_DAYS or not near else near[0]
    else:
        pick = near[0] if len(near) == 1 else this_year
    return Norm(day_value(pick))


_OFFSET = re.compile(
    r"(?:(?:about|nearly|almost|just|only|less|more)\s+(?:than\s+)?)?(\w+)\s+"
    r"(days?|weeks?|months?)\s+(before|after|ahead\s+of)\s*$",
    re.I,
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


def _offset_before(ctx: Ctx) -> timedelta | None:
    """The event's offset from the holiday when "<n> <unit> before/after" precedes it."""
    m = _OFFSET.search(ctx.text, max(0, ctx.start - 60), ctx.start)
    n = number(m[1], ctx.lex) if m else None
    if m is None or not isinstance(n, (int, float)):
        return None
    days = n * _UNIT_DAYS[m[2].lower().rstrip("s")]
    return timedelta(days=days if m[3].lower() == "after" else -days)


# A holiday this close to the DCT (days) is the one meant when the tense is silent; one
# further than _FAR_HOLIDAY_DAYS only when no occurrence is near.
_NEAR_HOLIDAY_DAYS = 60
_FAR_HOLIDAY_DAYS = 300
