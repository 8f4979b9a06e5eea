"""Direction of a phrase from its sentence: does "in March" point back or ahead?

The nearest tense cue around the phrase (inside its sentence) wins: a future cue
(will, 'll, going to, expected, plans, ...) or a past cue (said, was, did, -ed verbs, ...).
Cue words are rule data (`future_cues`, `past_cues`, `not_past_ed` in lexicon.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any, Literal

Direction = Literal["past", "future"] | None

_WINDOW = 160
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# Mid-sentence "May" is the month or a name ("Theresa May lost"), never the modal.
_MAY = re.compile(r"(?<=[a-z,] )May\b")
_BOUNDARY = re.compile(r"[.!?;]\s+(?=[A-Z\"'])|\n")


@cache
def _cues(
    future: tuple[str, ...], past: tuple[str, ...], not_ed: tuple[str, ...], to: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return frozenset(future), frozenset(past), frozenset(not_ed), frozenset(to)


_PARTICIPLE_AFTER = frozenset({"be", "been", "being", "to", "get", "gets"})
# After a modal a past-cue word is a bare verb: "could last into Thursday", "will cost".
_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must"})
# After these an -ed word is an adjective ("a still unspecified date", "the planned talks").
_ADJECTIVE_AFTER = frozenset({"a", "an", "the", "its", "their", "his", "her", "still", "newly"})


_NOT_VERB = frozenset(
    {
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "him",
        "them",
        "us",
        "me",
        "it",
        "this",
        "that",
        "these",
        "those",
        "be",
        "death",
        "date",
        "power",
        "office",
        "court",
        "prison",
        "jail",
    }
)


def _infinitive(left: list[re.Match[str]], i: int) -> bool:
    """Whether left[i] is the "to" of an infinitive with words between it and the phrase:
    "to" right before a lower-case word ("to surrender", not "to Kyiv", "to 5%", "to the")."""
    if left[i].group(0) != "to" or i + 2 >= len(left):
        return False
    verb = left[i + 1]
    return (
        verb.start() == left[i].end() + 1
        and verb.group(0).islower()
        and verb.group(0) not in _NOT_VERB
    )


def _classify(
    low: str,
    prev: str | None,
    nxt: str | None,
    future: frozenset[str],
    past: frozenset[str],
    not_ed: frozenset[str],
    before_to: frozenset[str],
) -> Direction:
    if (
        prev == "had"
        and (low in future or low in before_to)
        and (low.endswith("ed") or low == "due")
    ):
        return "past"  # "had expected growth ...", "had been due to expire Friday": past plans
    if low in future or low.endswith("'ll") or (low == "going" and nxt == "to"):
        return "future"
    if low in before_to and nxt == "to":
        return "future"
    if low in past:
        # "would be paid", "is to be held": an irregular participle after be/to says nothing.
        return None if prev in _PARTICIPLE_AFTER or prev in _MODALS else "past"
    # "-ed" after be/been/to is a participle; the auxiliary before it decides.
    if (
        len(low) > 4
        and low.endswith("ed")
        and low not in not_ed
        and prev not in _PARTICIPLE_AFTER
        and prev not in _ADJECTIVE_AFTER
        and not low.startswith("un")  # "unspecified", "unnamed": adjectives
    ):
        return "past"
    return None


def _pluperfect(words: list[str], i: int) -> str | None:
    """The word before words[i], with "had been" read as "had" ("had been scheduled")."""
    if i == 0:
        return None
    if words[i - 1] == "been" and i >= 2 and words[i - 2] == "had":
        return "had"
    return words[i - 1]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    cuts = [m.end() for m in _BOUNDARY.finditer(left)]
    lo = lo + cuts[-1] if cuts else lo
    right = text[end : end + _WINDOW]
    m = _BOUNDARY.search(right)
    return lo, end + (m.start() if m else len(right))


def _low(m: re.Match[str]) -> str:
    """The token lower-cased, except a mid-sentence "May", kept apart from the modal."""
    return m.group(0) if _MAY.match(m.string, m.start()) else m.group(0).lower()


def direction(
    text: str, start: int, end: int, lexicon: Mapping[str, Any], limit: int = 40
) -> Direction:
    """'past', 'future' or None for the phrase text[start:end], from the nearest tense cue
    within `limit` words on either side."""
    cues = _cues(
        tuple(lexicon["future_cues"]),
        tuple(lexicon["past_cues"]),
        tuple(lexicon["not_past_ed"]),
        tuple(lexicon["future_cues_before_to"]),
    )
    lo, hi = _sentence_bounds(text, start, end)
    left_m = list(_TOKEN.finditer(text, lo, start))[-limit:]
    left = [_low(m) for m in left_m]
    right = [_low(m) for m in _TOKEN.finditer(text, end, hi)][:limit]
    # The clause before the phrase usually holds its verb; look there first, nearest first.
    infinitive = False
    for i in range(len(left) - 1, -1, -1):
        nxt = left[i + 1] if i + 1 < len(left) else None
        prev = _pluperfect(left, i)
        infinitive = infinitive or (_infinitive(left_m, i) and prev not in cues[3])
        if d := _classify(left[i], prev, nxt, *cues):
            # "ordered him to surrender by March 6": a past verb does not date what its
            # infinitive looks ahead to ("will open to traffic in January" keeps its future).
            return None if infinitive and d == "past" else d
    for i, tok in enumerate(right):
        nxt = right[i + 1] if i + 1 < len(right) else None
        prev = _pluperfect(right, i) if i else (left[-1] if left else None)
        if d := _classify(tok, prev, nxt, *cues):
            return d
    return None
