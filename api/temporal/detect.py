"""Find time phrases: run every rule, drop matches inside negative rules, longest span wins.

Speed: a rule with `anchors` only runs in windows around its anchor tokens (one token
scan per document, then short regex scans), instead of over the whole text; a rule's `reach`
says how far before and after its anchor a match may extend.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from api.temporal.patterns import TOKEN, Rule, RuleSet, token_keys


@dataclass(frozen=True, slots=True)
class Mention:
    """A rule match that survived overlap resolution."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _anchor_index(text: str, ruleset: RuleSet) -> dict[str, list[int]]:
    """Anchor key -> start offsets of the tokens carrying it."""
    index: dict[str, list[int]] = defaultdict(list)
    words = ruleset.anchor_words
    for m in TOKEN.finditer(text):
        tok = m.group(0)
        if tok[0].isdigit():
            for k in token_keys(tok):
                index[k].append(m.start())
        elif keys := words.get(tok.lower()):
            for k in keys:
                index[k].append(m.start())
    return index


def _windows(text: str, starts: list[int], reach: tuple[int, int]) -> list[tuple[int, int]]:
    """Merged [lo, hi) windows around anchor offsets, cut at whitespace so that word
    boundaries at the edges read the same as in the whole text."""
    out: list[tuple[int, int]] = []
    n = len(text)
    before, after = reach
    for s in sorted(starts):
        lo, hi = max(0, s - before), min(n, s + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    snapped = []
    for lo, hi in out:
        while hi < n and not text[hi].isspace():
            hi += 1
        snapped.append((lo, hi))
    return snapped


def _finditer(regex: re.Pattern[str], text: str, lo: int, hi: int):
    """`regex.finditer(text, lo, hi)`, but no match runs across a line break (no TBAQ
    timex does: "around 2 a.m.\nOn Friday" is two). A match that does is retried up to
    its first break, and the scan goes on after it; matches within a line cost nothing."""
    while True:
        for m in regex.finditer(text, lo, hi):
            nl = text.find("\n", m.start(), m.end())
            if nl < 0:
                yield m
                continue
            yield from _finditer(regex, text, m.start(), nl)
            lo = nl + 1
            break
        else:
            return


def _matches(rule: Rule, text: str, index: dict[str, list[int]], windows: dict | None = None):
    """Matches of `rule` in `text`; `windows` caches the scan windows of one document by
    (anchors, reach), which many rules share."""
    if rule.anchors is None:
        yield from _finditer(rule.regex, text, 0, len(text))
        return
    key = (rule.anchors, rule.reach)
    spans = windows.get(key) if windows is not None else None
    if spans is None:
        starts = [s for a in rule.anchors for s in index.get(a, ())]
        spans = _windows(text, starts, rule.reach)
        if windows is not None:
            windows[key] = spans
    last_end = -1
    for lo, hi in spans:
        found = rule.regex.finditer(text, lo, hi)
        for m in found:
            if "\n" in m.group(0):  # rare: rescan this window without crossing the break
                found = _finditer(rule.regex, text, m.start(), hi)
                break
            if m.start() >= last_end:  # windows never overlap, but be safe
                last_end = m.end()
                yield m
        else:
            continue
        for m in found:
            if m.start() >= last_end:
                last_end = m.end()
                yield m


def _candidates(
    text: str, ruleset: RuleSet, index: dict[str, list[int]], windows: dict
) -> list[tuple[int, int, int, Mention]]:
    found = []
    present = set(index)
    for order, rule in enumerate(ruleset.rules):
        if rule.anchors is not None and rule.anchors.isdisjoint(present):
            continue  # none of its anchor tokens in this text: nothing to scan
        for m in _matches(rule, text, index, windows):
            if m.end() > m.start():
                found.append(
                    (
                        m.start() - m.end(),
                        -rule.priority,
                        order,
                        Mention(m.start(), m.end(), rule, m),
                    )
                )
    return found


def detect(text: str, ruleset: RuleSet) -> list[Mention]:
    """Non-overlapping mentions sorted by start; longer spans beat shorter, then rule order."""
    index = _anchor_index(text, ruleset)
    windows: dict = {}
    found = _candidates(text, ruleset, index, windows)
    if not found:
        return []
    present = set(index)
    blocks = [
        (m.start(), m.end())
        for neg in ruleset.negatives
        if neg.anchors is None or not neg.anchors.isdisjoint(present)
        for m in _matches(neg, text, index, windows)
    ]
    found.sort(key=lambda t: t[:3])
    taken: list[Mention] = []
    for *_, cand in found:
        if any(s <= cand.start and cand.end <= e for s, e in blocks):
            continue
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken
