"""The day a bare time phrase hangs on: "at 6:30 p.m.", "in the morning", "that day".

Such phrases refer to a day the text named before. Every day-level timex is remembered
(`remember_day`) with its sentence and whether it dates a reporting verb ("prosecutors said
on Monday") or an adjunct ("hours after a mob stormed the Capitol on Wednesday");
`anchor_day` picks the one meant.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from api.temporal.lexical import Ctx

# A remembered day from another sentence is the story's own only this close to the DCT (a
# birth date or an anniversary's date is not where "at 6:30 p.m." happens).
_RECENT_DAYS = RECENT_DAYS = 7
# A sentence ends at . ! ? before a capital (or a quote), but not after a title.
# The punctuation comes first and the title checks look back over it: ten times faster
# than testing the lookbehinds at every position.
_SENTENCE_END = re.compile(
    r"[.!?](?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bGen\.)(?<!\bSen\.)"
    r"(?<!\bRep\.)(?<!\bGov\.)(?<!\bSt\.)(?<!\bLt\.)(?<!\bCol\.)(?<!\bNo\.)"
    r"[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z])|\n"
)
# The date of a reporting verb: "prosecutors said on Monday", "told reporters Tuesday".
_REPORTED = re.compile(
    r"\b(?:said|says|told(?:\s+[\w.]+){1,3}?|announced|reported|added|confirmed|stated|"
    r"wrote|tweeted)\s+(?:on\s+)?$",
    re.I,
)
# An adjunct dating another event: "hours after ... on Wednesday", "since ... early Saturday".
_ADJUNCT = re.compile(
    r"\b(?:(?:minutes|hours|days|weeks|moments|shortly|soon|just|a\s+day|the\s+day)\s+"
    r"(?:after|before)|since)\b",
    re.I,
)


def sentence_start(text: str, pos: int, memory: dict) -> int:
    """Offset where the sentence holding `pos` starts (boundaries found once per text)."""
    bounds = memory.get("_bounds")
    if bounds is None:
        bounds = memory["_bounds"] = [m.end() for m in _SENTENCE_END.finditer(text)]
    i = bisect_right(bounds, pos)
    return bounds[i - 1] if i else 0


def remember_day(memory: dict, text: str, start: int, end: int, day: date, value: str) -> None:
    """Note a day-level timex at `start`: what "that day" / "at 10 p.m." may refer to."""
    sent = sentence_start(text, start, memory)
    days = memory.setdefault("days", [])
    flag = None
    if _REPORTED.search(text, max(sent, start - 50), start):
        flag = "report"
    else:
        prev = [r["end"] for r in days if r["sent"] == sent]
        adjunct = _ADJUNCT.search(text, max([sent, *prev]), start)
        # an event clause between ("hours after a mob stormed ... on"), not the day's own
        # signal ("shortly before noon Saturday")
        if adjunct and len(text[adjunct.end() : start].split()) > 2:
            flag = "adjunct"
    clock = re.search(r"T(\d\d):(\d\d)$", value)
    days.append(
        {
            "start": start,
            "end": end,
            "day": day,
            "sent": sent,
            "flag": flag,
            "hour": int(clock[1]) if clock else None,
        }
    )


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether a phrase is a line of its own: the timestamp of a live-update entry ("1:45
    p.m." between paragraphs of an AP "The Latest" story) is the report day's, not the day
    the entry before it named."""
    head = text[text.rfind("\n", 0, start) + 1 : start]
    stop = text.find("\n", end)
    tail = text[end : len(text) if stop < 0 else stop]
    return not head.strip() and len(tail.strip()) <= 1 and "\n" in text


def anchor_day(ctx: Ctx, anaphoric: bool = False) -> tuple[date, dict | None]:
    """The day a bare time phrase hangs on, and its memory record (None: the DCT).

    The day last named in the same sentence; else the latest remembered day that lies
    within a week of the DCT (or, for an explicit anaphor such as "the next morning", in
    the sentence before) and on the side of it the tense points to, preferring one that
    dates the main event over one that dates a reporting verb or an adjunct; else the DCT."""
    days = ctx.memory.get("days")
    if not days or _alone_on_line(ctx.text, ctx.start, ctx.end):
        return ctx.dct, None
    sent = sentence_start(ctx.text, ctx.start, ctx.memory)
    if days[-1]["sent"] == sent:
        if days[-1]["day"] < ctx.dct and ctx.direction() == "future":
            # "said on Thursday they will meet at 15:00": a coming day, not the saying's
            ahead = [r for r in days if r["sent"] == sent and r["day"] >= ctx.dct]
            return (ahead[-1]["day"], ahead[-1]) if ahead else (ctx.dct, None)
        return days[-1]["day"], days[-1]
    near = {sent}
    if anaphoric and sent:  # "They met on March 3. The next morning, ..."
        near.add(sentence_start(ctx.text, sent - 1, ctx.memory))
    direction = ctx.direction()
    fallback = None
    for rec in reversed(days):
        d = rec["day"]
        if rec["sent"] not in near:
            if abs((d - ctx.dct).days) > _RECENT_DAYS:
                continue
            if (direction == "future" and d < ctx.dct) or (direction == "past" and d > ctx.dct):
                continue
        if rec["flag"]:
            fallback = fallback or rec
            continue
        return d, rec
    if fallback:
        return fallback["day"], fallback
    return ctx.dct, None
