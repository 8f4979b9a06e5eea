"""Attribution: who says a sentence.

`find` reads one sentence's tokens outside quotes for "X said", "said X",
"according to X" and "X warned/announced/..."; `api.extract.speakers` then resolves
the phrase it finds to an article-level speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from api.extract.rules import Rules
from api.extract.tokens import Token

DETERMINERS = frozenset({"the", "a", "an"})
LINKS = frozenset({"of", "for", "and", "on", "in", "at"})
_CLOSERS = frozenset({"”", '"', ","})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker phrase and the reporting verb that introduced it."""

    surface: str
    start: int
    end: int
    verb: str
    verb_start: int
    verb_end: int
    verb_kind: str  # "say" | "act" | "according"


def _skip_preface(tokens: list[Token], j: int, rules: Rules) -> int:
    while j >= 0 and (tokens[j].lower in rules.verb_preface or tokens[j].lower == "not"):
        j -= 1
    return j


def _np_word(tok: Token, rules: Rules) -> bool:
    low = tok.bare.lower()
    if tok.quoted or not tok.is_word or low in rules.not_names:
        return False
    if tok.is_capitalized:
        return True
    return low in rules.speaker_words


def _valid_head(tok: Token, rules: Rules) -> bool:
    low = tok.bare.lower()
    heads = rules.unnamed_heads | rules.source_documents | rules.titles  # not modifiers
    return tok.is_capitalized or low in heads


def _backward(tokens: list[Token], i: int, rules: Rules) -> list[Token]:
    j = _skip_preface(tokens, i - 1, rules)
    if j >= 0 and tokens[j].lower in rules.all_pronouns and not tokens[j].quoted:
        return [tokens[j]]
    phrase: list[Token] = []
    while j >= 0:
        tok = tokens[j]
        if tok.lower in DETERMINERS and not tok.quoted:
            phrase.insert(0, tok)
            break
        if not (_np_word(tok, rules) or (tok.lower in LINKS and phrase)):
            break
        phrase.insert(0, tok)
        j -= 1
    while phrase and phrase[0].lower in LINKS:
        phrase.pop(0)
    heads = [t for t in phrase if t.lower not in DETERMINERS]
    return phrase if heads and _valid_head(heads[-1], rules) else []


def _forward(tokens: list[Token], i: int, rules: Rules) -> list[Token]:
    phrase: list[Token] = []
    j = i
    while j < len(tokens):
        tok = tokens[j]
        first = not phrase
        if first and tok.lower in DETERMINERS:
            phrase.append(tok)
        elif _np_word(tok, rules) or (tok.lower in LINKS and phrase):
            phrase.append(tok)
        elif first and tok.lower in rules.all_pronouns:
            return [tok]
        else:
            break
        j += 1
    while phrase and phrase[-1].lower in LINKS | DETERMINERS:
        phrase.pop()
    heads = [t for t in phrase if t.lower not in DETERMINERS]
    return phrase if heads and _valid_head(heads[-1], rules) else []


def _make(text: str, phrase: list[Token], verb: Token, kind: str) -> Attribution:
    start, end = phrase[0].start, phrase[-1].end
    surface = text[start:end]
    if phrase[-1].is_possessive:
        surface = phrase[-1].bare.join(surface.rsplit(phrase[-1].text, 1))
    return Attribution(surface, start, end, verb.text, verb.start, verb.end, kind)


def _according(text: str, tokens: list[Token], rules: Rules) -> Attribution | None:
    for i in range(len(tokens) - 1):
        pair = f"{tokens[i].lower} {tokens[i + 1].lower}"
        if pair in rules.according_to and not tokens[i].quoted:
            phrase = _forward(tokens, i + 2, rules)
            if phrase:
                return _make(text, phrase, tokens[i], "according")
    return None


def _verb_kind(tok: Token, rules: Rules) -> str | None:
    if tok.quoted or not tok.is_word or tok.is_capitalized:  # "States" is no verb
        return None
    if tok.lower in rules.say_verbs:
        return "say"
    return "act" if tok.lower in rules.act_verbs else None


def subject(text: str, tokens: list[Token], rules: Rules) -> str | None:
    """The noun phrase a sentence opens with, if it can be a speaker ("Police arrested")."""
    phrase = _forward(tokens, 0, rules)
    return _make(text, phrase, phrase[0], "say").surface if phrase else None


def _source_phrase(text: str, tokens: list[Token], i: int, rules: Rules) -> Attribution | None:
    """ "sources familiar with the matter said": a phrase the word scan cannot close."""
    begin = tokens[0].start
    for pattern in rules.source_phrases:
        match = pattern.search(text, begin, tokens[i].start)
        if match:
            start = match.start()
            surface = text[start : match.end()].rstrip()
            return Attribution(surface, start, start + len(surface), tokens[i].text,
                               tokens[i].start, tokens[i].end, "say")  # fmt: skip
    return None


def _at(text: str, tokens: list[Token], i: int, rules: Rules) -> Attribution | None:
    """The attribution whose reporting verb is tokens[i], if its speaker phrase is there."""
    tok = tokens[i]
    kind = _verb_kind(tok, rules)
    if kind is None:
        return None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    ends_clause = after is None or after.text in {".", ",", "!", "?", ";", "that"}
    after_quote = before is not None and before.text in _CLOSERS
    if tok.lower in rules.quote_only_verbs and not (ends_clause or after_quote):
        return None
    phrase = _forward(tokens, i + 1, rules) if after_quote else []
    phrase = phrase or _backward(tokens, i, rules)
    if phrase:
        return _make(text, phrase, tok, kind)
    return _source_phrase(text, tokens, i, rules)


def _closes_clause(tokens: list[Token], found: Attribution) -> bool:
    """ "..., the commission said." : the verb or its trailing speaker ends the clause."""
    end = max(found.end, found.verb_end)
    rest = [t for t in tokens if t.start >= end]
    return not rest or rest[0].text in {".", "!", "?", ";"}


def find(text: str, tokens: list[Token], rules: Rules) -> Attribution | None:
    """The attribution of one sentence (outside its quotes), or None for narration.

    A trailing ", X said." wins over an earlier candidate ("Member states must ...").
    """
    found = _according(text, tokens, rules)
    if found:
        return found
    candidates = [a for i in range(len(tokens)) if (a := _at(text, tokens, i, rules))]
    trailing = [a for a in candidates if _closes_clause(tokens, a)]
    return (trailing or candidates or [None])[0]
