"""What normalizers share: the mention context, the result type and lexicon lookups."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from api.temporal import dateparse, tense
from api.temporal.types import Interval


@dataclass(frozen=True, slots=True)
class Norm:
    """What a normalizer decides; `type` overrides the rule's type when set."""

    value: str
    type: str | None = None
    mod: str | None = None
    interval: Interval | None = None
    granularity: str | None = None


@dataclass(slots=True)
class Ctx:
    """A mention in its document: the source, its span, the DCT and the lexicon."""

    text: str
    start: int
    end: int
    dct: date
    lex: Mapping[str, Any]
    # Shared by all mentions of one document, in order (e.g. the quarter being reported).
    memory: dict[str, Any] = field(default_factory=dict)
    signal: str | None = None
    _dir: dict[int, tense.Direction] = field(default_factory=dict)

    def clear_past(self) -> bool:
        """Whether a past-tense verb right before the phrase governs it ("died in July");
        a deadline signal ("extended to Nov. 6", "until March 6") never is."""
        if self.signal in self.lex["future_signals"] or key(self.signal) == "to":
            return False
        return tense.clear_past(self.text, self.start, self.end, self.lex)

    def direction(self, limit: int = 40) -> tense.Direction:
        """Tense of the surrounding words ('past', 'future' or None), computed once."""
        if limit not in self._dir:
            d = tense.direction(self.text, self.start, self.end, self.lex, limit)
            # No tense cue: a deadline preposition ("until Friday") points ahead, "since" back.
            if d is None and self.signal in self.lex["future_signals"]:
                d = "future"
            elif d is None and self.signal in self.lex["past_signals"]:
                d = "past"
            self._dir[limit] = d
        return self._dir[limit]


Normalizer = Callable[[re.Match[str], Ctx], Norm | None]


def registry() -> tuple[dict[str, Normalizer], Callable[[Normalizer], Normalizer]]:
    """A fresh name -> normalizer table and the decorator that fills it (name minus `n_`)."""
    table: dict[str, Normalizer] = {}

    def register(fn: Normalizer) -> Normalizer:
        table[fn.__name__.removeprefix("n_")] = fn
        return fn

    return table, register


# ---------------------------------------------------------------- lexicon helpers


def key(word: str | None) -> str:
    """Lexicon key of a matched word: lower case, single spaces, no dots, straight quotes."""
    return " ".join((word or "").lower().replace(".", "").replace("\u2019", "'").split())


def month_num(word: str, lex: Mapping[str, Any]) -> int:
    if word.isdigit():
        return int(word)
    k = key(word)
    return lex["months"].get(k) or lex["month_abbrevs"][k]


def year_num(word: str, lex: Mapping[str, Any]) -> int:
    """A 4-digit, 2-digit ('98) or spoken (nineteen ninety-six) year."""
    w = key(word).lstrip("'").removeprefix("the year ")
    if w.isdigit():
        y = int(w)
        return y if y >= 100 else (1900 + y if y >= 30 else 2000 + y)
    words = [t for t in re.split(r"[\s-]+", w) if t != "and"]
    nums = lex["numbers"]
    if words[0] == "two" and len(words) > 1 and words[1] == "thousand":
        return 2000 + int(number(" ".join(words[2:]), lex) or 0) if len(words) > 2 else 2000
    century = nums[words[0]]
    rest = words[1:]
    if rest and rest[0] == "hundred":
        rest = rest[1:]
    return century * 100 + int(number(" ".join(rest), lex) or 0) if rest else century * 100


def number(text: str | None, lex: Mapping[str, Any]) -> float | str | None:
    """Parse a quantity: digits, number words ("twenty four"), or "X" for vague ones."""
    if text is None:
        return None
    k = " ".join(text.lower().replace(",", "").split())
    if m := re.fullmatch(r"(.+?)\s+(?:to|or)\s+\S+", k):
        k = m[1]  # a range reads as its lower bound
    if k in lex["vague_numbers"]:
        return "X"
    if k in {"a", "an"}:
        return 1
    if re.fullmatch(r"half\s+an?", k):
        return 0.5
    if m := re.fullmatch(r"(.+?)[\s-]+and[\s-]+a[\s-]+half", k):
        whole = number(m[1], lex)
        return whole + 0.5 if isinstance(whole, float | int) else None
    if m := re.fullmatch(r"(\d+)\s+1/2", k):
        return int(m[1]) + 0.5
    try:
        return float(k)
    except ValueError:
        pass
    total, current = 0.0, 0.0
    for w in re.split(r"[\s-]+", k):
        if w in {"and", "of"}:
            continue
        if w in {"a", "an"}:
            w = "one"
        v = lex["numbers"].get(w)
        if v is None:
            return None
        if v in (100, 1000):
            current = max(current, 1) * v
            if v == 1000:
                total, current = total + current, 0
        else:
            current += v
    return total + current or None


def mod_of(word: str | None, lex: Mapping[str, Any]) -> str | None:
    return lex["mods"].get(key(word)) if word else None


def part_mod(word: str | None, lex: Mapping[str, Any]) -> str | None:
    return lex["part_mods"].get(key(word).rstrip("-")) if word else None


# ---------------------------------------------------------------- resolution helpers


def resolve_month(month: int, ctx: Ctx, rel: str | None = None) -> int:
    """Year of a month named without one, from a relative word or the sentence's tense."""
    dct, rel = ctx.dct, key(rel)
    if rel in {"last", "this past", "past"}:
        return dct.year if month < dct.month else dct.year - 1
    if rel in {"next", "this coming", "coming"}:
        return dct.year if month > dct.month else dct.year + 1
    if rel == "this":
        return dct.year
    if not rel and (year := _year_before(ctx)):
        return year
    # Otherwise the year that puts the month in a window around the DCT, leaning back for
    # past-tense sentences and ahead for future ones (news rarely means 10 months away).
    back = 2 if _deferred(ctx) else {"past": 9, "future": 2}.get(ctx.direction() or "", 6)
    if back == 9 and (
        ctx.clear_past() or tense.past_perfect(ctx.text, ctx.start, ctx.end, ctx.lex)
    ):
        back = 11  # "He died in July", "By October, TARP had entered ...": never ahead
    diff = month - dct.month
    if diff > 11 - back:
        return dct.year - 1
    if diff < -back:
        return dct.year + 1
    return dct.year


_DEFER_SIGNALS = frozenset({"to", "until", "till"})
_DEFER_WORDS = 14


def _deferred(ctx: Ctx) -> bool:
    """Whether the phrase is the new date of something put off ("postponed until October",
    "deferred the increase by six months to October"): ahead, whatever the verb's tense."""
    if key(ctx.signal) not in _DEFER_SIGNALS:
        return False
    verbs = ctx.lex.get("delay_verbs", ())
    before = ctx.text[max(0, ctx.start - 120) : ctx.start]
    before = re.split(r"[.!?;:\n]\s", before)[-1].lower()
    words = " ".join(before.split()[-_DEFER_WORDS:])
    return any(re.search(rf"\b{v}\b", words) for v in verbs)


# "in 2010, when a sandstorm hit the city in March", "In 2010, a storm struck in March": a
# past year named earlier in the sentence, with no other date between, holds a bare month of
# its "when" clause or of the sentence it opens.
_YEAR_WHEN = re.compile(r"\b(?:in|during)\s+((?:19|20)\d\d),?\s+when\s[^.!?;:\n\d]*$", re.I)
_YEAR_OPENS = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|During)\s+((?:19|20)\d\d),\s[^.!?;:\n\d]*$")


def _year_before(ctx: Ctx) -> int | None:
    before = ctx.text[max(0, ctx.start - 200) : ctx.start]
    m = _YEAR_WHEN.search(before) or _YEAR_OPENS.search(before)
    if not m or int(m[1]) >= ctx.dct.year or ctx.direction() != "past":
        return None
    months = ctx.lex["months"]
    if any(w.lower() in months for w in re.findall(r"[A-Z][a-z]+", before[m.end(1) :])):
        return None  # another month between: its year is its own
    return int(m[1])


_WEEKDAY_CUE_WORDS = 6


def resolve_weekday(wd: int, ctx: Ctx, rel: str | None = None) -> date:
    """Date of a weekday: the previous one in past or neutral contexts, the next in future."""
    dct, rel = ctx.dct, key(rel)
    seen = ctx.memory.setdefault("weekdays_seen", {})
    if rel in {"last", "this past", "past"}:
        seen[wd] = (ctx.start, None)  # "last Friday ... Friday's talks": no carrying
        return dateparse.weekday(wd, dct, "past")
    if rel in {"next", "this coming", "coming"}:
        seen[wd] = (ctx.start, None)
        return dateparse.weekday(wd, dct, "future")
    if wd == dct.isoweekday():  # "Friday" in a Friday paper is that day, either way
        return dct
    if ctx.signal in ctx.lex["weekday_future_signals"] and not _opens_sentence(ctx):
        return dateparse.weekday(wd, dct, "future")
    if _deferred(ctx):
        return dateparse.weekday(wd, dct, "future")
    # News weekdays are mostly past: only a nearby future cue turns one ahead.
    direction = ctx.direction(_WEEKDAY_CUE_WORDS)
    if direction is None and tense.replaced_plan(
        ctx.text, ctx.start, ctx.end, ctx.lex, _WEEKDAY_CUE_WORDS
    ):
        # "had been scheduled to meet on Tuesday": the nearer one, on either side
        ahead = dateparse.weekday(wd, dct, "future")
        back = dateparse.weekday(wd, dct, "past")
        return ahead if (ahead - dct) < (dct - back) else back
    if direction is None and _after_future_day(ctx):
        direction = "future"
    if direction is None and (prior := seen.get(wd)) and prior[1] and prior[0] < ctx.start:
        # "are to meet again on Saturday ... Saturday's meeting follows": a weekday named again
        # with no cue of its own keeps the coming date its first mention had
        return prior[1]
    d = dateparse.weekday(wd, dct, "future" if direction == "future" else "past")
    if wd not in seen or seen[wd][0] >= ctx.start or direction == "past":
        seen[wd] = (ctx.start, d if direction == "future" else None)
    return d


# Sentence ends between a remembered day and the phrase ("Highs reach 101 Tuesday. Highs only
# climb into the 90s on Wednesday."): carry the day's direction this far.
_SENTENCE_GAP = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[A-Z]")
_CARRY_SENTENCES = 1
_CARRY_DAYS = 14  # how far ahead that day may lie: the run of the coming days


def _after_future_day(ctx: Ctx) -> bool:
    """Whether the day named just before, in the same paragraph and at most one sentence back,
    lies ahead of the DCT: a run of forecast or schedule days ("Monday's high is expected to
    reach 101, followed by 105 on Tuesday ... Highs only climb into the 90s on Wednesday")
    keeps going forward when a later weekday has no tense cue of its own."""
    days = ctx.memory.get("days")
    if not days or days[-1]["end"] > ctx.start:
        return False
    if not ctx.dct < days[-1]["day"] <= ctx.dct + timedelta(days=_CARRY_DAYS):
        return False  # "due Oct. 15, 1999": a far date starts no run of days
    between = ctx.text[days[-1]["end"] : ctx.start]
    return "\n" not in between and len(_SENTENCE_GAP.findall(between)) <= _CARRY_SENTENCES


def _opens_sentence(ctx: Ctx) -> bool:
    """Whether the phrase's signal starts its sentence (is capitalized): "Until Thursday, they
    had not ..." looks back from a past state, unlike "postponed until Thursday"."""
    before = ctx.text[max(0, ctx.start - 40) : ctx.start].rstrip()
    head = before[len(before) - len(ctx.signal or "") :]
    return head[:1].isupper()


def rel_offset(rel: str | None) -> int:
    """-1, 0 or +1 for last/this/next style words."""
    r = key(rel).removeprefix("the ")
    if r in {"last", "past", "previous", "prior", "preceding", "this past"}:
        return -1
    if r in {"next", "coming", "following", "this coming", "upcoming"}:
        return 1
    return 0
