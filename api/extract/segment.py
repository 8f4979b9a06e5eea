"""Split an article into paragraphs, sentences, clauses and quote blocks.

Offsets always point into the article text, so every piece keeps `text[start:end]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extract.rules import Rules

OPEN_QUOTES = "“„«"
CLOSE_QUOTES = "”»"
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9#@$])")
_WORD_BEFORE = re.compile(r"[^\s\"“”‘(\[]+$")
_WORD_AFTER = re.compile(r"\s+[\"“‘(\[]?([\w’']+)")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_DASH = re.compile(r"\s+(?:–|—|--)\s+")
_SEMI = re.compile(r";\s+")
_TERMINAL = re.compile(r"[.!?][\"”’')\]]*\s*$")
_SMALL_WORDS = frozenset(
    "a an the of in on at to for and or but by with as is are from into nor vs".split()
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A piece of a sentence that is classified on its own.

    `kind` is body, headline or boilerplate; `block` groups the sentences that one quote
    spans, so an attribution anywhere in the block applies to all of them.
    """

    start: int
    end: int
    kind: str
    paragraph: int
    sentence: int
    block: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed: news text marks paragraphs with line breaks."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = _trim(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Double-quoted spans in text[start:end], marks included; the flag says "still open".

    Curly quotes say which way they face; straight quotes toggle. Single quotes are left
    alone because ’ is mostly an apostrophe.
    """
    spans: list[tuple[int, int, bool]] = []
    opened: int | None = None
    for i in range(start, end):
        ch = text[i]
        if opened is None and (ch in OPEN_QUOTES or ch == '"'):
            opened = i
        elif opened is not None and (ch in CLOSE_QUOTES or ch == '"'):
            spans.append((opened, i + 1, False))
            opened = None
    if opened is not None:
        spans.append((opened, end, True))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_boundary(text: str, dot_end: int, rules: Rules) -> bool:
    """Whether the punctuation ending at dot_end ends a sentence (abbreviations do not)."""
    before = _WORD_BEFORE.search(text, max(0, dot_end - 80), dot_end)
    word = before.group(0) if before else ""
    core = word.rstrip("\"”’')]")
    if core.endswith(("!", "?")) or not core.endswith("."):
        return True
    after = _WORD_AFTER.match(text, dot_end)
    next_word = after.group(1) if after else ""
    if _INITIALISM.match(core):
        return next_word in rules.sentence_starters
    if core.lower() in rules.non_final_abbrevs or _INITIAL.match(core):
        return False
    return True


def sentences(text: str, start: int, end: int, rules: Rules) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph."""
    spans, cursor = [], start
    for match in _END.finditer(text, start, end):
        if _is_boundary(text, match.end(), rules):
            spans.append(_trim(text, cursor, match.end()))
            cursor = match.end()
    spans.append(_trim(text, cursor, end))
    return [(s, e) for s, e in spans if s < e]


def is_headline(fragment: str) -> bool:
    """Title-cased words and no closing punctuation: a title or a subhead."""
    if _TERMINAL.search(fragment):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", fragment) if w.lower() not in _SMALL_WORDS]
    if len(words) < 2 or len(fragment.split()) > 20:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _inside(pos: int, quotes: list[tuple[int, int, bool]]) -> bool:
    return any(s < pos < e for s, e, _ in quotes)


def _cut_points(text: str, start: int, end: int, quotes, rules: Rules) -> list[tuple[int, int]]:
    """(cut, next_start) pairs where a sentence splits into clauses."""
    cuts = []
    for match in _SEMI.finditer(text, start, end):
        if not _inside(match.start(), quotes):
            cuts.append((match.start() + 1, match.end()))
    for match in _DASH.finditer(text, start, end):
        if _inside(match.start(), quotes):
            continue
        left = text[start : match.start()]
        word = re.match(r"[\w’']+", text[match.end() : end])
        opens_clause = bool(word) and word.group(0).lower() in rules.connectives
        if opens_clause or (not cuts and is_headline(left)):
            cuts.append((match.start(), match.end()))
    return sorted(cuts)


def clauses(text: str, start: int, end: int, quotes, rules: Rules) -> list[tuple[int, int]]:
    """Clause spans of one sentence: split at semicolons and at dashes that open a clause."""
    spans, cursor = [], start
    for cut, nxt in _cut_points(text, start, end, quotes, rules):
        spans.append(_trim(text, cursor, cut))
        cursor = nxt
    spans.append(_trim(text, cursor, end))
    return [(s, e) for s, e in spans if s < e]


def boilerplate_start(text: str, paras: list[tuple[int, int]], rules: Rules) -> int | None:
    """Offset where a trailing bio or boilerplate begins, or None."""
    tail = paras[-rules.tail_paragraphs :] if len(paras) > 1 else []
    for start, end in tail:
        fragment = text[start:end]
        if any(cue.pattern.search(fragment) for cue in rules.bio):
            return start
    return None


def segment(text: str, rules: Rules) -> list[Clause]:
    """All clauses of the article in text order, with kind, paragraph, sentence and block."""
    paras = paragraphs(text)
    cutoff = boilerplate_start(text, paras, rules)
    out: list[Clause] = []
    block, sentence_no, carry_open = -1, -1, False
    for p_no, (p_start, p_end) in enumerate(paras):
        if dateline := rules.dateline.match(text[p_start:p_end]):
            p_start += dateline.end()
        quotes = quote_spans(text, p_start, p_end)
        whole_headline = is_headline(text[p_start:p_end])
        promo = any(cue.pattern.search(text[p_start:p_end]) for cue in rules.promo)
        starts_quoted = text[p_start] in OPEN_QUOTES or text[p_start] == '"'
        joined = carry_open and starts_quoted
        for s_no, (s_start, s_end) in enumerate(sentences(text, p_start, p_end, rules)):
            sentence_no += 1
            if not ((s_no == 0 and joined) or (s_no > 0 and _inside(s_start, quotes))):
                block += 1
            for c_start, c_end in clauses(text, s_start, s_end, quotes, rules):
                kind = (
                    "boilerplate" if promo else _kind(text, c_start, c_end, whole_headline, cutoff)
                )
                out.append(Clause(c_start, c_end, kind, p_no, sentence_no, block))
        carry_open = bool(quotes) and quotes[-1][2]
    return out


def _kind(text: str, start: int, end: int, whole_headline: bool, cutoff: int | None) -> str:
    if cutoff is not None and start >= cutoff:
        return "boilerplate"
    if whole_headline or is_headline(text[start:end]):
        return "headline"
    return "body"
