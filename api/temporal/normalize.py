"""Normalizers: a rule's match + the DCT + the sentence -> TIMEX3 value, type and mod.

Each rule names one normalizer from `NORMALIZERS`. A normalizer reads the rule's named
groups (month, day, year, rel, unit, num, pm, ...) and returns a `Norm`, or None to drop
the match (e.g. "February 30"). Intervals of DATE/TIME values are derived from the value
afterwards (`values.interval_of`); durations anchored at the DCT set their own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from api.temporal import anchors, dateparse, extents
from api.temporal.lexical import (
    Ctx,
    Norm,
    Normalizer,
    key,
    mod_of,
    month_num,
    number,
    part_mod,
    registry,
    rel_offset,
    resolve_month,
    resolve_weekday,
    year_num,
)
from api.temporal.types import Interval
from api.temporal.values import (
    day_value,
    interval_of,
    month_value,
    quarter_of,
    shift,
    value_at,
    week_value,
)

NORMALIZERS, normalizer = registry()


def move(d: date, unit: str, n: int) -> date:
    """`d` moved by `n` units: dateparser's arithmetic ("2 weeks ago"), else ours (Q, C)."""
    return dateparse.offset(d, unit, n) or shift(d, unit, n)


@normalizer
def n_month_day(m: re.Match[str], ctx: Ctx) -> Norm | None:
    month = month_num(m["month"], ctx.lex)
    if dayword := m.groupdict().get("dayword"):  # "March eighth"
        day = ctx.lex["ordinals"][key(dayword)]
    else:
        day = int(re.sub(r"\D", "", m["day"]))
    year_word = m.groupdict().get("year")
    rel = m.groupdict().get("rel")
    if year_word:
        d = dateparse.absolute(year_num(year_word, ctx.lex), month, day)
    elif rel2 := m.groupdict().get("rel2"):  # "April 27 this year", "March 3 next year"
        d = dateparse.absolute(ctx.dct.year + rel_offset(rel2), month, day)
    elif rel:  # "last Oct. 23"
        d = dateparse.absolute(resolve_month(month, ctx, rel), month, day)
    elif (month, day) == (9, 11) and _names_the_attacks(m, ctx):
        d = _NINE_ELEVEN  # "the Sept. 11 attacks", "since Sept. 11" in a story on terror
    elif month == ctx.dct.month and ctx.direction() != "future":
        d = dateparse.absolute(ctx.dct.year, month, day)  # this month's, even if ahead
    elif _TIMELINE_ENTRY.match(ctx.text, ctx.end) and _line_start(ctx.text, ctx.start):
        d = _nearest(ctx.dct, month, day)
    else:
        d = dateparse.absolute(resolve_month(month, ctx), month, day)
    return Norm(day_value(d), mod=_approx(m)) if d else None


_NINE_ELEVEN = date(2001, 9, 11)
# "Sept. 11" naming the 2001 attacks: before a noun of the attacks ("the Sept. 11 terrorist
# attacks", "the Sept. 11 commission"), after "post-" or a noun of them ("the perpetrators
# of Sept. 11"), or after "since/after/of" (or a death "on Sept. 11") in a story on terror.
_ATTACKS_AFTER = re.compile(
    r"\s+(?:terror(?:ist)?\s+|terror-related\s+)?(?:attacks?|hijack\w*|commission|terrorists?"
    r"|terrorism|plot(?:s|ters)?|era|victims?|families|memorial|museum|generation|aftermath)\b",
    re.I,
)
_ATTACKS_BEFORE = re.compile(
    r"(?:\b(?:post|pre)-|\b(?:events|attacks|victims|perpetrators|aftermath|wake|lessons"
    r"|memories|heroes|horrors?|legacy|anniversary|survivors|hijackers|terror)\s+of\s+)$",
    re.I,
)
_ATTACKS_SIGNAL = re.compile(
    r"\b(?:since|after|of|before|(?:loss|lost|died|killed|perished|murdered|death)\b.{0,40}?\bon)\s+$",
    re.I,
)
_TERROR_NEAR = re.compile(
    r"\b(?:terror\w*|attacks?|hijack\w*|al[- ]?Qa[e’']?ida|Qaeda|bin\s+Laden|World\s+Trade"
    r"|trade\s+center|Twin\s+Towers|ground\s+zero|Pentagon|Flight\s+93)\b",
    re.I,
)
_TERROR_WINDOW = 600


def _names_the_attacks(m: re.Match[str], ctx: Ctx) -> bool:
    """Whether a bare "Sept. 11" (no year, no weekday) names the 2001 attacks."""
    if ctx.dct <= _NINE_ELEVEN or re.match(r"\w+day\b", m.group(0), re.I):
        return False
    if _ATTACKS_AFTER.match(ctx.text, ctx.end):
        return True
    before = ctx.text[max(0, ctx.start - 60) : ctx.start]
    if _ATTACKS_BEFORE.search(before):
        return True
    if not _ATTACKS_SIGNAL.search(before) or ctx.direction() == "future":
        return False
    lo, hi = max(0, ctx.start - _TERROR_WINDOW), ctx.end + _TERROR_WINDOW
    return bool(_TERROR_NEAR.search(ctx.text, lo, hi))


@normalizer
def n_nine_eleven(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "9/11": the 2001 attacks, in text written after them (not a shooting record, "went
    9/11 from the field")."""
    if ctx.dct <= _NINE_ELEVEN or _SCORE_VERB.search(ctx.text, max(0, ctx.start - 20), ctx.start):
        return None
    return Norm(day_value(_NINE_ELEVEN))


_SCORE_VERB = re.compile(r"\b(?:went|shot|shooting|made|hit|hitting|completed)\s+$", re.I)


# A timeline entry, "Sep. 15 - Lehman collapses, credit crisis begins": its headline present
# tense tells no direction (past events and schedules alike), so the nearest such day is meant.
_TIMELINE_ENTRY = re.compile(r"[ \t]*[-–—:][ \t]")


def _line_start(text: str, pos: int) -> bool:
    return not text[text.rfind("\n", 0, pos) + 1 : pos].strip()


def _nearest(dct: date, month: int, day: int) -> date | None:
    days = [dateparse.absolute(dct.year + k, month, day) for k in (-1, 0, 1)]
    days = [d for d in days if d]
    return min(days, key=lambda d: abs((d - dct).days)) if days else None


def _approx(m: re.Match[str]) -> str | None:
    """APPROX for "around Nov. 1" (the `approx` group of the {Around} part)."""
    return "APPROX" if m.groupdict().get("approx") else None


@normalizer
def n_ordinal_day(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "to the 15th": that day of the month last named (of the DCT's month otherwise)."""
    anchor = ctx.memory.get("anchor")
    base = anchor[0] if anchor and anchor[1] in {"day", "month"} else ctx.dct
    d = dateparse.absolute(base.year, base.month, int(m["day"]))
    return Norm(day_value(d)) if d else None


@normalizer
def n_ordinal_of_month(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the 12th of this month", "the 5th of next month", "the 20th of that month"."""
    day = int(m["day"]) if m["day"] else ctx.lex["ordinals"][key(m["word"])]
    rel = key(m["rel"])
    base = _anaphora_base(rel, "M", ctx)
    d = move(base, "M", rel_offset(rel))
    d = dateparse.absolute(d.year, d.month, day)
    return Norm(day_value(d)) if d else None


# The month-day that must come right before a coordinated day ("April 24 and 25").
_COORD_HEAD = re.compile(r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:and|or|through)\s+$")


@normalizer
def n_coordinated_day(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "April 24 and 25": the second day, in the month of the date just before it."""
    if not _COORD_HEAD.search(ctx.text, max(0, ctx.start - 30), ctx.start):
        return None
    anchor = ctx.memory.get("anchor")
    if not anchor or anchor[1] != "day":
        return None
    d = dateparse.absolute(anchor[0].year, anchor[0].month, int(m["day"]))
    return Norm(day_value(d)) if d and d > anchor[0] else None


@normalizer
def n_quarter_month(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the June quarter": the calendar quarter ending in that month."""
    month = month_num(m["month"], ctx.lex)
    year = year_num(m["year"], ctx.lex) if m["year"] else resolve_month(month, ctx)
    return Norm(f"{year:04d}-Q{(month - 1) // 3 + 1}")


@normalizer
def n_sports_season(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "this season" (the DCT's year), "last season" (one year back), "next season"."""
    return Norm(f"{ctx.dct.year + rel_offset(m['rel']):04d}")


@normalizer
def n_quarter_range(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the April-June quarter" 2018-Q2, "the holiday quarter" Q4: a year like "the second
    quarter"'s, and the quarter being reported ("... from a year earlier" is that one)."""
    q = next(n for n in (1, 2, 3, 4) if m[f"q{n}"]) if not m["hol"] else 4
    year = _quarter_year(m.groupdict(), q, ctx)
    if not m["year"]:
        ctx.memory["quarter"] = (year, q)
        ctx.memory["period"] = "quarter"
    return Norm(f"{year:04d}-Q{q}")


@normalizer
def n_week_of(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the week of March 6": the (ISO) week holding that day."""
    day = n_month_day(m, ctx)
    return Norm(week_value(date.fromisoformat(day.value))) if day else None


@normalizer
def n_unit_ended(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the week ended Oct. 20": the week (or month) holding that day."""
    day = n_month_day(m, ctx)
    if not day:
        return None
    d = date.fromisoformat(day.value)
    return Norm(week_value(d) if key(m["unit"]) == "week" else month_value(d.year, d.month))


@normalizer
def n_month(m: re.Match[str], ctx: Ctx) -> Norm | None:
    month = month_num(m["month"], ctx.lex)
    groups = m.groupdict()
    if groups.get("year"):
        year = year_num(m["year"], ctx.lex)
    elif groups.get("rel2"):
        year = ctx.dct.year + rel_offset(m["rel2"])
    elif not groups.get("rel") and _habitual(ctx):  # "typically peaks in December"
        return Norm(f"XXXX-{month:02d}", type="SET", mod=part_mod(groups.get("pm"), ctx.lex))
    else:
        year = resolve_month(month, ctx, groups.get("rel"))
    return Norm(month_value(year, month), mod=part_mod(groups.get("pm"), ctx.lex))


_MONTH_PREPS = frozenset({"in", "since", "until", "till", "by", "during", "from", "through"})
_MONTH_PREPS |= {"before", "after", "of", "early", "late", "mid"}
# Text with fewer capitals than this share of its letters is lower-case text (captions).
_LOWER_TEXT_CAPS = 0.01


@normalizer
def n_month_lower(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """A lower-case month ("june last year", "last june"); a bare one ("died in june.") only
    after a preposition in text written all in lower case, where names are too."""
    g = m.groupdict()
    if not (g.get("pm") or g.get("rel") or g.get("rel2")):
        words = ctx.text[max(0, ctx.start - 20) : ctx.start].split()
        if not words or words[-1] not in _MONTH_PREPS:
            return None
        if "_lower" not in ctx.memory:
            letters = sum(c.isalpha() for c in ctx.text) or 1
            caps = sum(c.isupper() for c in ctx.text)
            ctx.memory["_lower"] = caps / letters < _LOWER_TEXT_CAPS
        if not ctx.memory["_lower"]:
            return None
    return n_month(m, ctx)


# A month in a habitual clause is any year's: "Flu season typically peaks between December
# and February", "the festival is held every year in July" (TBAQ: "usually conducted in the
# second and fourth quarters" is SET XXXX-Q2 / XXXX-Q4). Not "generally expected" (a past
# verb right after the adverb reports one event).
_HABITUAL_CUE = re.compile(
    r"\b(?:typically|usually|normally|traditionally|customarily|generally|every\s+year|"
    r"each\s+year)\b(?P<next>\s+\w+)?",
    re.I,
)
_HABITUAL_AFTER = re.compile(r"\s+(?:every|each)\s+year\b", re.I)
_CLAUSE_BREAK = re.compile(r"[.;!?]\s|,\s+(?:but|while|although|though|whereas|yet)\s", re.I)
_SPECIFIC_YEAR = re.compile(r"\b(?:(?:this|last|next)\s+year|(?:19|20)\d\d)\b", re.I)


def _habitual(ctx: Ctx) -> bool:
    if _HABITUAL_AFTER.match(ctx.text, ctx.end):
        return True
    left = ctx.text[max(0, ctx.start - 60) : ctx.start]
    left = _CLAUSE_BREAK.split(left)[-1]
    if _SPECIFIC_YEAR.search(left):  # "but this year it met in January"
        return False
    for cue in _HABITUAL_CUE.finditer(left):
        after = key(cue["next"])
        before = key(" ".join(left[: cue.start()].split()[-1:]))
        if before in {"the", "a", "an", "its", "their", "his", "her"}:
            continue  # "the usually seven-member board": inside a noun phrase
        if after.endswith("ed") and before not in {"is", "are", "be", "was", "were"}:
            continue
        return True
    return False


@normalizer
def n_year(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "1996", "mid-1996", "around 2010" (APPROX), "1994 or later" (ON_OR_AFTER)."""
    mod = part_mod(m["pm"], ctx.lex) or _approx(m)
    if opening := key(m.groupdict().get("open")):
        mod = "ON_OR_BEFORE" if opening == "or earlier" else "ON_OR_AFTER"
    return Norm(f"{year_num(m['year'], ctx.lex):04d}", mod=mod)


@normalizer
def n_year_span(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the 2007-08 school year", "fiscal 2017-18": the year the span starts in."""
    start, end = int(m["year"]), m["y2"]
    end = int(end) if len(end) == 4 else start // 100 * 100 + int(end) + 100 * (int(end) == 0)
    return Norm(f"{start:04d}") if end == start + 1 else None


@normalizer
def n_year_period(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the 1988 period": that year's part of the period being reported (a quarter)."""
    year = year_num(m["year"], ctx.lex)
    if ctx.memory.get("period") == "quarter":
        return Norm(f"{year:04d}-Q{ctx.memory['quarter'][1]}")
    return Norm(f"{year:04d}")


# A two-digit "the mid-70s" with no apostrophe is a reading, not a decade, near these words.
_NOT_DECADE = re.compile(
    r"\b(?:degrees?|temperatures?|temps|highs?|lows?|fahrenheit|celsius|forecast|weather"
    r"|warm\w*|cool\w*|heat|percent|polls?|polling|approval|ratings?|scored?|mph|aged?|ages"
    r"|years?\s+old)\b|[%°]",
    re.I,
)
_DECADE_HALF_MOD = {"first": "START", "second": "END", "last": "END"}


@normalizer
def n_decade(m: re.Match[str], ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    if g.get("dec2") and not re.search("['’]", m.group(0)):
        near = ctx.text[max(0, ctx.start - 80) : ctx.end + 40]
        if _NOT_DECADE.search(near):
            return None
    mod = part_mod(g.get("pm"), ctx.lex)
    if g.get("half"):  # "the last half of the '80s": the decade, mod END (TBAQ)
        mod = _DECADE_HALF_MOD[key(g["half"])]
    if g.get("cent") and g["dec"] == "0" and g["cent"] != "20":
        return Norm(g["cent"], mod=mod)  # "the 1800s": a century
    if g.get("cent"):
        value = f"{g['cent']}{g['dec']}"
    elif g.get("dec2"):
        value = f"19{g['dec2']}"
    else:
        value = f"19{ctx.lex['decade_words'][key(g['word'])]}"
    return Norm(value, mod=mod)


@normalizer
def n_century(m: re.Match[str], ctx: Ctx) -> Norm | None:
    o = key(m["ord"])
    n = int(re.sub(r"\D", "", o)) if o[:1].isdigit() else ctx.lex["ordinals"][o]
    return Norm(f"{n - 1:02d}", mod=part_mod(m["pm"], ctx.lex))


@normalizer
def n_season(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "this summer", "last fall", "the winter of 1994"; "last" is the latest finished one."""
    code = ctx.lex["seasons"][key(m["season"])]
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    dct, rel = ctx.dct, key(m["rel"])
    if m["year"]:
        year = year_num(m["year"], ctx.lex)
    elif rel in {"last", "this past", "past"}:
        year = dct.year if start + 2 < dct.month else dct.year - 1
    elif rel in {"next", "this coming", "coming"}:
        year = dct.year if start > dct.month else dct.year + 1
    elif rel != "this" and ctx.direction() == "past" and start > dct.month:
        year = dct.year - 1
    elif rel != "this" and ctx.direction() == "future" and start + 2 < dct.month:
        year = dct.year + 1  # "not to return until the spring" said in October
    else:
        year = dct.year
    return Norm(f"{year:04d}-{code}", mod=part_mod(m["pm"], ctx.lex))


def _quarter_year(g: dict[str, str | None], q: int, ctx: Ctx) -> int:
    dct = ctx.dct
    year_word = g.get("year") or g.get("year2") or g.get("pyear")
    relyear = g.get("relyear") or g.get("relyear2")
    rel = key(g.get("rel"))
    if year_word:
        return year_num(year_word, ctx.lex)
    if relyear:
        return dct.year + rel_offset(relyear)
    if rel in {"last", "previous"}:
        return dct.year - 1
    if rel == "next":
        return dct.year + 1
    if (ended := _ended_year(ctx)) is not None:
        return ended
    fiscal = "fiscal" in ctx.text[ctx.start : ctx.end].lower()
    if q > quarter_of(dct) and ctx.direction() != "future" and not fiscal:
        return dct.year - 1
    return dct.year


# "its fourth quarter ended June 30": a fiscal quarter carries the year of its last day
# (TBAQ: "the fiscal-first quarter ended Sept. 30" is 1989-Q1), whatever its number.
_ENDED = re.compile(
    r"\s*,?\s*(?:which\s+|that\s+)?(?P<verb>ended|ending|ends)\s+(?:on\s+)?"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)


def _ended_year(ctx: Ctx) -> int | None:
    """The year of the "ended <Month> <day>" that follows a quarter, if any."""
    m = _ENDED.match(ctx.text, ctx.end)
    if not m or key(m["month"]) not in ctx.lex["months"] | ctx.lex["month_abbrevs"]:
        return None
    if m["year"]:
        return int(m["year"])
    month, day, dct = month_num(m["month"], ctx.lex), int(m["day"]), ctx.dct
    if key(m["verb"]) == "ended":  # the latest such day up to the DCT
        return dct.year if (month, day) <= (dct.month, dct.day) else dct.year - 1
    return dct.year if (month, day) >= (dct.month, dct.day) else dct.year + 1


_LATEST = frozenset({"latest", "most recent", "just-ended"})


# "the fourth quarter" of a game, "the first quarter" of a tennis draw, a season looked at
# "in quarters": no calendar quarter (TBAQ's quarters are all financial). A sports cue near
# it and no business cue; "of the game/draw/season/match" after it settles it.
_QUARTER_SPORT = re.compile(
    r"\b(?:scored|scoring|touchdowns?|goals?|points|coach|draw|seeds?|seeded|innings?|halftime"
    r"|quarterback|rebounds?|the\s+(?:game|match|team)|in\s+quarters|(?:\d+-\d+))\b",
    re.I,
)
_QUARTER_BUSINESS = re.compile(
    r"\b(?:fiscal|quarterly|profits?|earnings|revenues?|sales|growth|econom\w*|analysts?|gdp"
    r"|inflation|investors?|stocks?|shares|results|guidance|outlook|loss|income|percent|%)"
    r"|[$£€]",
    re.I,
)


def _game_quarter(ctx: Ctx) -> bool:
    """Whether a quarter with no year is a quarter of a game, season or draw."""
    if re.match(
        r"\s+of\s+(?:the|a|this|that|his|her|its|their)\s+(?:draw|season|game|match|bracket|contest)\b",
        ctx.text[ctx.end :],
        re.I,
    ):
        return True
    near = ctx.text[max(0, ctx.start - _HALF_WINDOW) : ctx.end + _HALF_WINDOW]
    return bool(_QUARTER_SPORT.search(near)) and not _QUARTER_BUSINESS.search(near)


@normalizer
def n_quarter(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the third quarter", "the latest quarter" (the one just reported), "year-ago quarter"."""
    g, dct = m.groupdict(), ctx.dct
    dated = g.get("year") or g.get("pyear") or g.get("year2") or g.get("relyear")
    if not (dated or g.get("relyear2")) and _game_quarter(ctx):
        return None
    rel = key(g.get("rel") or g.get("rel2"))
    ago = int(rel in {"year-ago", "year-earlier", "comparable year-ago", "comparable"})
    ago |= int(rel in {"corresponding", "year-before"})
    ago |= int(bool(g.get("ago")))  # "the quarter a year ago"
    if g.get("ord"):  # "the final quarter of the year": the fourth
        q = 4 if key(g["ord"]) == "final" else ctx.lex["ordinals"][key(g["ord"])]
        year = _quarter_year(g, q, ctx) - ago
    elif rel == "current":
        year, q = dct.year, quarter_of(dct)
    elif key(m[0]).startswith("this ") and not g.get("year") and not rel:
        return Norm(_this_quarter(ctx))
    else:  # "the quarter": the one being reported, i.e. the last one unless named before
        prev = shift(dct, "Q", -1)
        year, q = prev.year, quarter_of(prev)
        if key(g.get("rel")) not in _LATEST:  # "the latest quarter": the last finished one
            year, q = ctx.memory.get("quarter", (year, q))
        if g.get("year"):
            year = year_num(g["year"], ctx.lex)
        year -= ago
        return Norm(f"{year:04d}-Q{q}")
    if not ago and not g.get("year") and not g.get("pyear"):
        ctx.memory["quarter"] = (year, q)
        ctx.memory["period"] = "quarter"
    return Norm(f"{year:04d}-Q{q}")


def _this_quarter(ctx: Ctx) -> str:
    """ "this quarter": the DCT's quarter ahead of a future or modal verb ("growth this
    quarter could hit 3%"); else the quarter named in the same sentence, or the one an
    earnings report is about (TBAQ: "This quarter's loss includes ..." after Q3 figures)."""
    if ctx.direction() != "future":
        anchor, at = ctx.memory.get("anchor"), ctx.memory.get("anchor_at", -1)
        if anchor and anchor[1] == "quarter":
            if at >= anchors.sentence_start(ctx.text, ctx.start, ctx.memory):
                return value_at(anchor[0], "Q")
        if "quarter" in ctx.memory:
            year, q = ctx.memory["quarter"]
            return f"{year:04d}-Q{q}"
    return value_at(ctx.dct, "Q")


_PERIOD_GRAINS = {"period": {"quarter", "month", "half"}}
_PERIOD_GRAINS |= {"quarter": {"quarter"}, "month": {"month"}}
_GRAIN_CODE = {"quarter": "Q", "month": "M"}


@normalizer
def n_same_period(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the same period last year", "the same quarter a year earlier": the period named in
    the sentence (else the quarter being reported) one year back; with no such period, the
    previous year (a quarter or month: the last finished one, a year back)."""
    unit = key(m["unit"])
    anchor, at = ctx.memory.get("anchor"), ctx.memory.get("anchor_at", -1)
    here = anchors.sentence_start(ctx.text, ctx.start, ctx.memory)
    if anchor and anchor[1] in _PERIOD_GRAINS[unit] and at >= here:
        start, grain = anchor
    elif unit != "month" and "quarter" in ctx.memory:
        year, q = ctx.memory["quarter"]
        start, grain = date(year, 3 * q - 2, 1), "quarter"
    elif unit == "period":
        start, grain = ctx.dct, "year"
    else:
        start, grain = shift(ctx.dct, unit[0].upper(), -1), unit
    back = date(year_num(m["year"], ctx.lex), start.month, 1) if m["year"] else None
    d = back or shift(start, "Y", -1)
    if grain == "half":
        return Norm(f"{d.year:04d}-H{1 + (d.month > 6)}")
    return Norm(value_at(d, _GRAIN_CODE.get(grain, "Y")))


@normalizer
def n_quarter_code(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "Q3 2023"; a bare "Q2" takes its year as "the second quarter" does (tense-aware)."""
    if m["year"]:
        return Norm(f"{year_num(m['year'], ctx.lex):04d}-Q{m['q']}")
    q = int(m["q"])
    year = _quarter_year({}, q, ctx)
    ctx.memory["quarter"] = (year, q)
    ctx.memory["period"] = "quarter"
    return Norm(f"{year:04d}-Q{q}")


# A bare "the first half" is a half-year only in business or economic news ("profits in the
# first half"); in a game report it is half of the match. TBAQ's one bare case (a profit
# figure) is unmarked, so the bare form needs a business cue near it and no game cue.
_HALF_WINDOW = 300
_HALF_BUSINESS = re.compile(
    r"\b(?:years?|fiscal|quarters?|quarterly|profits?|earnings|revenues?|sales|growth|econom\w*"
    r"|analysts?|forecasts?|gdp|inflation|tariffs?|investors?|stocks?|shares|prices|demand"
    r"|output|exports?|imports?|interest\s+rates|results|guidance|outlook)\b",
    re.I,
)
_HALF_GAME = re.compile(
    r"\b(?:overtime|halftime|half-time|intermission|at\s+the\s+break|three-pointers?"
    r"|touchdowns?|innings?|rebounds?|quarterback|kickoff|kick-off|buzzer|free\s+throws?"
    r"|field\s+goals?|scored|scoreless|\d+-point\s+(?:lead|deficit)|the\s+(?:game|match)"
    r"|(?-i:OT))\b",
    re.I,
)


def _bare_half_ok(m: re.Match[str], ctx: Ctx) -> bool:
    """Whether a bare "the first/second half" (no year) is a half-year, not a game's half."""
    if re.match(r"\s+(?:of|hour|century|inning|period)\b", ctx.text[ctx.end :], re.I):
        return False  # "the first half of the game", "the first half hour"
    near = ctx.text[max(0, ctx.start - _HALF_WINDOW) : ctx.end + _HALF_WINDOW]
    return bool(_HALF_BUSINESS.search(near)) and not _HALF_GAME.search(near)


@normalizer
def n_half(m: re.Match[str], ctx: Ctx) -> Norm | None:
    h = 2 if key(m["ord"]) == "last" else ctx.lex["ordinals"][key(m["ord"])]
    if " of " not in key(m.group(0)) and not _bare_half_ok(m, ctx):
        return None
    if m["month"]:  # "the second half of May": the month, mod END (TimeML, as TBAQ's decade)
        month = month_num(m["month"], ctx.lex)
        year = year_num(m["myear"], ctx.lex) if m["myear"] else resolve_month(month, ctx)
        return Norm(month_value(year, month), mod="START" if h == 1 else "END")
    if m["year"]:
        year = year_num(m["year"], ctx.lex)
    elif m["rel"]:
        year = ctx.dct.year + rel_offset(m["rel"])
    else:
        year = ctx.dct.year
    return Norm(f"{year:04d}-H{h}")


@normalizer
def n_half_code(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "H1 2013" -> 2013-H1."""
    return Norm(f"{year_num(m['year'], ctx.lex):04d}-H{m['h']}")


# From this month on, "the new year" is the one about to start, not the one under way.
_NEW_YEAR_FROM_MONTH = 10


@normalizer
def n_new_year(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "in the new year": the coming year late in the year, else the current one."""
    year = ctx.dct.year + (ctx.dct.month >= _NEW_YEAR_FROM_MONTH)
    return Norm(f"{year:04d}", mod=part_mod(m["pm"], ctx.lex))


@normalizer
def n_deictic_day(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = key(m["word"])
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    offsets |= {"the day before yesterday": -2, "the day after tomorrow": 2}
    d = ctx.dct + timedelta(days=offsets[word])
    mod = part_mod(m["pm"], ctx.lex)
    if word == "tonight":
        return Norm(day_value(d) + "TNI", type="TIME", mod=mod)
    return Norm(day_value(d), mod=mod)


@normalizer
def n_daypart(m: re.Match[str], ctx: Ctx) -> Norm | None:
    rel, dp = key(m["rel"] or m["rel2"]), key(m["dp"] or m["dp2"])
    offsets = {"this": 0, "tonight": 0, "today": 0, "last": -1, "yesterday": -1, "tomorrow": 1}
    d = ctx.dct + timedelta(days=offsets[rel])
    if rel == "last" and dp != "night":
        return None
    code = ctx.lex["dayparts"][dp]
    return Norm(f"{day_value(d)}T{code}", mod=part_mod(m["pm"], ctx.lex))


@normalizer
def n_weekday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    wd = ctx.lex["weekdays"][key(m["wd"])]
    rel = key(m["rel"])
    if rel.startswith("the "):  # "the previous Friday": counted from the day last named
        base, _ = anchors.anchor_day(ctx, anaphoric=True)
        step = 1 if rel == "the following" else -1
        d = base + timedelta(days=step)
        while d.isoweekday() != wd:
            d += timedelta(days=step)
    elif rel == "that":  # "collapsed that Monday": that day in the week of the date last named
        if base := _story_day(ctx, far=False):
            if base.isoweekday() >= 6 and wd < 6:  # "the weekend ... that Monday": after it
                d = base + timedelta(days=(wd - base.isoweekday()) % 7)
            else:
                d = base + timedelta(days=wd - base.isoweekday())
        else:
            d = resolve_weekday(wd, ctx)
    elif (gd := ctx.memory.get("glossed_day")) and gd[0] == ctx.start:
        d = gd[1]  # "4 p.m. EDT (2000 GMT) Sunday": the clock time's day
    elif not rel and key(m["pm"]) in {"later", "earlier"}:
        # "later Wednesday": later on a day just past or at hand, the nearest one
        ahead = dateparse.weekday(wd, ctx.dct, "future")
        back = dateparse.weekday(wd, ctx.dct, "past")
        d = (
            ctx.dct
            if wd == ctx.dct.isoweekday()
            else min(ahead, back, key=lambda x: abs((x - ctx.dct).days) + (x > ctx.dct) * 0.5)
        )
    else:
        d = resolve_weekday(wd, ctx, m["rel"])
    mod = part_mod(m["pm"], ctx.lex)
    if m["dp"]:
        code = ctx.lex["dayparts"][key(m["dp"])]
        return Norm(f"{day_value(d)}T{code}", type="TIME", mod=mod)
    return Norm(day_value(d), mod=mod)


@normalizer
def n_weekday_set(m: re.Match[str], ctx: Ctx) -> Norm | None:
    wd = ctx.lex["weekdays"][key(m["wd"]).rstrip("s")]
    dp = f"T{ctx.lex['dayparts'][key(m['dp']).rstrip('s')]}" if m["dp"] else ""
    return Norm(f"XXXX-WXX-{wd}{dp}")


_UNIT_CODE = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y"}
_UNIT_CODE |= {"decade": "E", "century": "C", "fiscal year": "Y", "day": "D"}


@normalizer
def n_relative(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """this/last/next/the past + unit ("last month", "earlier this year", "the weekend")."""
    unit = _UNIT_CODE[key(m["unit"])]
    rel = key(m["rel"])
    off = rel_offset(rel)
    if unit == "Q" and off == 0 and rel not in {"this", "the current", "current"}:
        return None  # "the quarter": handled by the quarter rule
    if unit == "Q" and _game_quarter(ctx):
        return None  # "The last quarter was their worst" (of a season)
    if unit == "WE":
        return Norm(value_at(_weekend(rel, off, ctx), "WE"), mod=part_mod(m["pm"], ctx.lex))
    if unit in {"E", "C"} and off:  # "the past decade": the ten years up to now, not the 2000s
        n = 10 if unit == "E" else 100
        iv = _span(ctx.dct, "Y", n, off)
        return Norm(f"P{n}Y", type="DURATION", interval=iv, granularity="year")
    d = move(_anaphora_base(rel, unit, ctx), unit, off)
    approx = "APPROX" if m.groupdict().get("orso") else None  # "the next year or so"
    return Norm(value_at(d, unit), mod=part_mod(m["pm"], ctx.lex) or approx)


# "that year", "the following month": counted from the date the text last named, not the DCT
# ("On May 22, 1995, ... and the following year" is 1996).
_ANAPHORIC_RELS = frozenset({"that", "the following", "the previous", "the preceding"})
_ANAPHORIC_RELS |= {"the prior", "the same"}
_FINER = {"Y": {"day", "week", "month", "quarter", "season", "half", "year"}}
_FINER |= {"M": {"day", "week", "month"}, "W": {"day", "week"}}


def _anaphora_base(rel: str, unit: str, ctx: Ctx) -> date:
    anchor = ctx.memory.get("anchor")
    if rel in _ANAPHORIC_RELS and anchor and anchor[1] in _FINER.get(unit, ()):
        return anchor[0]
    return ctx.dct


def _weekend(rel: str, off: int, ctx: Ctx) -> date:
    """Saturday of the weekend meant: "this weekend" is this week's unless the tense is past."""
    if off or rel not in {"this", "the"}:
        return resolve_weekday(6, ctx, rel if off else None)
    if rel == "the" and (story := _story_day(ctx)):
        # "collapsed that Monday after failing to find a buyer over the weekend": the
        # weekend next to the story's day; it does not become the story's date itself
        ctx.memory["_hold_anchor"] = True
        if ctx.direction() == "future":
            return story + timedelta(days=(6 - story.isoweekday()) % 7)
        return story - timedelta(days=(story.isoweekday() + 1) % 7)
    saturday = ctx.dct + timedelta(days=6 - ctx.dct.isoweekday())
    # "this weekend" is deictic: a past tense moves it back only from a Monday ("we played
    # this weekend"), not after a reporting verb on a Friday ("said talks this weekend")
    back = ctx.dct.isoweekday() == 1 if rel == "this" else True
    if ctx.dct.isoweekday() < 6 and (
        (ctx.direction() == "past" and back) or (rel == "the" and not ctx.direction())
    ):
        return saturday - timedelta(days=7)
    return saturday


def _story_day(ctx: Ctx, far: bool = True) -> date | None:
    """The day last named (a week: its first day, whatever its mod). With `far`, only one
    named in the sentence or the one before and more than a week from the DCT: a story set
    then, whose "the weekend" is that day's weekend."""
    anchor, at = ctx.memory.get("anchor"), ctx.memory.get("anchor_at", -1)
    if not anchor or anchor[1] not in {"day", "week"}:
        return None
    iv, _ = interval_of(str(ctx.memory.get("anchor_value", "")))
    day = iv.start if iv else anchor[0]
    if not far:
        return day
    if abs((day - ctx.dct).days) <= anchors.RECENT_DAYS:
        return None
    sent = anchors.sentence_start(ctx.text, ctx.start, ctx.memory)
    prev = anchors.sentence_start(ctx.text, sent - 1, ctx.memory) if sent else 0
    return day if at >= prev else None


def _span(dct: date, unit: str, n: int, off: int) -> Interval:
    """The `n` units just before (off < 0) or after the DCT, DCT included."""
    if off < 0:
        return Interval(move(dct, unit, -n) + timedelta(days=1), dct)
    return Interval(dct, move(dct, unit, n) - timedelta(days=1))


@normalizer
def n_anaphoric_day(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "that day", "the next morning", "earlier that day": the day last named, else the DCT."""
    base, _ = anchors.anchor_day(ctx, anaphoric=True)
    rel = key(m["rel"]).removeprefix("the ")
    d = base + timedelta(
        days={
            "next": 1,
            "following": 1,
            "after": 1,
            "previous": -1,
            "preceding": -1,
            "before": -1,
        }.get(rel, 0)
    )
    mod = part_mod(m["pm"], ctx.lex)
    dp = key(m["dp"])
    if dp == "day":
        return Norm(day_value(d), mod=mod)
    return Norm(f"{day_value(d)}T{ctx.lex['dayparts'][dp]}", type="TIME", mod=mod)


@normalizer
def n_ordinal_unit(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the second day of the offensive", "its third week": news counts up to the report
    day, so the day (week) meant is the DCT's."""
    return Norm(value_at(ctx.dct, "W" if key(m["unit"]) == "week" else "D"))


@normalizer
def n_anaphoric_unit(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the week before": one unit before (after) the date last named, else the DCT's."""
    unit = {"week": "W", "month": "M", "year": "Y"}[key(m["unit"])]
    anchor = ctx.memory.get("anchor")
    # A season's start is no date the text named ("This winter ... the week before").
    base = anchor[0] if anchor and anchor[1] != "season" else ctx.dct
    d = move(base, unit, -1 if key(m["rel"]) == "before" else 1)
    return Norm(value_at(d, unit))


_OVERNIGHT_CUE_WORDS = 8


@normalizer
def n_daypart_bare(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "mid afternoon", "in the morning", "overnight" (the night before), "midday",
    "through the night" (in a past sentence about the report day: the night just past)."""
    g = m.groupdict()  # daypart_meeting/daypart_subject carry only "dp"
    word = key(g.get("word"))
    if word == "overnight":  # the night ahead in a future clause ("will remain overnight")
        ahead = ctx.direction(_OVERNIGHT_CUE_WORDS) == "future"
        return Norm(f"{day_value(ctx.dct - timedelta(days=0 if ahead else 1))}TNI")
    base, _ = anchors.anchor_day(ctx)
    if word == "midday":
        return Norm(f"{day_value(base)}T12:00")
    if g.get("night"):
        if base == ctx.dct and ctx.direction() == "past":
            base -= timedelta(days=1)
        return Norm(f"{day_value(base)}TNI")
    code = ctx.lex["dayparts"][key(m["dp"] or g.get("dp2"))]
    return Norm(f"{day_value(base)}T{code}", mod=part_mod(g.get("pm"), ctx.lex))


@normalizer
def n_hour_deictic(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "this hour", "the past hour", "an hour ago": a clock hour around the report time. The
    DCT carries no time of day, so the value is its day (reduced precision), typed TIME."""
    return Norm(day_value(ctx.dct), type="TIME")


@normalizer
def n_ago(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "two weeks ago", "a year earlier", "three days from now": a date at the unit's grain."""
    plural = key(m.groupdict().get("plural"))
    if plural in {"hours", "minutes"} or key(m["unit"]).startswith(("hour", "minute", "second")):
        return n_hour_deictic(m, ctx)  # "two hours ago", "minutes ago": a time of the DCT's day
    if plural:  # "months ago": some unspecified time back
        return Norm("FUTURE_REF" if key(m["dir"]) in {"from now", "hence"} else "PAST_REF")
    unit = ctx.lex["units"][key(m["unit"]).removesuffix("s")]
    n = number(m["num"], ctx.lex) if m["num"] else 1
    mod = mod_of(m["mod"], ctx.lex)
    if "couple" in key(m["num"]):  # "a couple (of) years ago": two, roughly (TBAQ P2Y APPROX)
        n, mod = 2, mod or "APPROX"
    ahead = key(m["dir"]) in {"from now", "hence", "later"}
    if n == "X" or n is None:
        return Norm("FUTURE_REF" if ahead else "PAST_REF", mod=mod)
    if unit in {"E", "C"} and n != int(n):  # "half a century ago": 50 years back
        n, unit = n * (10 if unit == "E" else 100), "Y"
    n = int(n)
    if unit == "Y" and n == 1 and not ahead and ctx.memory.get("period") == "months":
        return Norm(f"{ctx.dct.year - 1:04d}", mod=mod)  # "for the nine months, ... a year ago"
    if unit == "Y" and n == 1 and not ahead and "quarter" in ctx.memory:
        year, q = ctx.memory["quarter"]  # earnings: "a year ago" is that quarter last year
        return Norm(f"{year - 1:04d}-Q{q}", mod=mod)
    d = move(ctx.dct, unit if unit in {"D", "W", "M", "Y", "E", "C"} else "M", n if ahead else -n)
    grain = "Y" if unit in {"E", "C"} else unit
    return Norm(value_at(d, grain), mod=_point_mod(mod, ahead))


_UNIT_PART_YEARS = {"decade": 10, "century": 100}
_UNIT_PART_SHARE = {"quarter": 0.25, "half": 0.5}


@normalizer
def n_unit_part(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "a quarter century" P25Y, "the past half-century" P50Y, "the decade since the
    attacks" P10Y, "the half-decade since 2001" P5Y; with "ago" ("a quarter-century ago") the
    year that far back, as "a decade ago" is."""
    years = _UNIT_PART_YEARS[key(m["unit"])] * _UNIT_PART_SHARE.get(key(m["frac"]), 1)
    if years != int(years):
        return None
    mod = mod_of(m["mod"], ctx.lex)
    if direction := key(m["dir"]):
        ahead = direction in {"from now", "hence"}
        year = ctx.dct.year + (int(years) if ahead else -int(years))
        return Norm(f"{year:04d}", type="DATE", mod=_point_mod(mod, ahead))
    return Norm(f"P{int(years)}Y", mod=mod)


@normalizer
def n_ago_anniversary(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "Three years ago Thursday", "five years ago on Sunday", "a year ago today", "Five years
    ago this week", "Nineteen years ago this morning": the day (week, month, year, part of
    day) named, moved back N years (decades, months, weeks). An anniversary weekday is the
    one nearest the DCT ("It was five years ago on Sunday" in a Friday paper: the coming one)."""
    n = number(m["num"], ctx.lex)
    if n in {None, "X"}:
        return Norm("PAST_REF")  # "years ago today": some unspecified time back
    unit = {"y": "Y", "m": "M", "w": "W", "d": "E"}[key(m["unit"])[0]]
    back = -int(n)
    dct, lex = ctx.dct, ctx.lex
    if anc := key(m["anc"]):  # "this week", "last month", "next weekend", "this year"
        off = rel_offset(m["rel"])
        if anc == "weekend":
            sat = dct + timedelta(days=6 - dct.isoweekday() + 7 * off)
            return Norm(week_value(move(sat, unit, back)) + "-WE")
        grain = {"week": "W", "month": "M", "year": "Y"}[anc]
        return Norm(value_at(move(move(dct, grain, off), unit, back), grain))
    day = key(m["day"])
    if m["dp2"] or m["night"] or day == "tonight":  # "this morning", "last night", "tonight"
        d = dct - timedelta(days=bool(m["night"]))
        code = lex["dayparts"][key(m["dp2"]) or "night"]
        return Norm(f"{day_value(move(d, unit, back))}T{code}", type="TIME")
    if day:
        d = dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[day])
    else:
        ahead = (lex["weekdays"][key(m["wd"])] - dct.isoweekday()) % 7
        d = dct + timedelta(days=ahead if ahead <= 3 else ahead - 7)
    if m["dp"]:
        code = lex["dayparts"][key(m["dp"])]
        return Norm(f"{day_value(move(d, unit, back))}T{code}", type="TIME")
    return Norm(day_value(move(d, unit, back)))


# A bound on the distance becomes a bound on the point (TimeML 1.2.1, 2.2.3 mod): "more
# than two years ago" lies BEFORE the date two years back, "less than ..." AFTER it.
_PAST_POINT_MODS = {
    "MORE_THAN": "BEFORE",
    "LESS_THAN": "AFTER",
    "EQUAL_OR_MORE": "ON_OR_BEFORE",
    "EQUAL_OR_LESS": "ON_OR_AFTER",
}
_MIRROR = {"BEFORE": "AFTER", "AFTER": "BEFORE", "ON_OR_BEFORE": "ON_OR_AFTER"}
_MIRROR |= {"ON_OR_AFTER": "ON_OR_BEFORE"}


def _point_mod(mod: str | None, ahead: bool) -> str | None:
    point = _PAST_POINT_MODS.get(mod or "")
    if point is None:
        return mod
    return _MIRROR[point] if ahead else point


@normalizer
def n_year_end(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "year-end": the end of the DCT's year (of the last one early in January)."""
    year = ctx.dct.year - 1 if ctx.dct.month == 1 and ctx.direction() == "past" else ctx.dct.year
    return Norm(f"{year:04d}", mod=_approx(m) or "END")


@normalizer
def n_fixed_year_duration(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the year ended June 30": a one-year span, not a calendar year."""
    return Norm("P1Y")


def vague(value: str) -> Normalizer:
    """A normalizer returning a fixed vague value (PRESENT_REF and friends)."""

    def fn(m: re.Match[str], ctx: Ctx) -> Norm | None:
        return Norm(value)

    return fn


NORMALIZERS |= {
    "present_ref": vague("PRESENT_REF"),
    "past_ref": vague("PAST_REF"),
    "future_ref": vague("FUTURE_REF"),
}

NORMALIZERS |= extents.NORMALIZERS
