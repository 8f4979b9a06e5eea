"""Attribution: who says a sentence.

`find` reads one sentence's tokens outside quotes for "X said", "said X",
"according to X" and "X warned/announced/..."; `api.extract.speakers` then resolves
the phrase it finds to an article-level speaker.

A speaker phrase is first read strictly (names, titles and known speaker words); where
that fails, the ordinary words between a comma, quote or the clause start and the verb
stand in (", the air force said", "Some investors worry that", "Economists polled by
Reuters expect"). Asides between commas are skipped ("Scalise, the No. 2 Republican,
has announced"), or taken when they are the name ("the spokeswoman, Maria Zakharova,").
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
    j = _skip_appositive(tokens, j)
    phrase = _strict_back(tokens, j, rules)
    return _widen(tokens, j, phrase, rules)


def _skip_appositive(tokens: list[Token], j: int) -> int:
    """ "Scalise, the No. 2 Republican, has announced": the name before a comma-set aside."""
    if j < 0 or tokens[j].text != "," or tokens[j].quoted:
        return j
    commas = [k for k in range(j) if tokens[k].text == "," and not tokens[k].quoted]
    if not commas or commas[-1] == 0 or j - commas[-1] > 12:
        return j
    aside = tokens[commas[-1] + 1 : j]
    if all(t.is_word and t.is_capitalized for t in aside):
        return j - 1  # "the ministry's spokeswoman, Maria Zakharova, said": the name
    return commas[0] - 1 if len(commas) == 1 else j  # an aside after the clause's subject


def _boundary(tokens: list[Token], j: int) -> int:
    """Index of the comma, quote or dash before tokens[j] (-1: the clause start)."""
    while j >= 0 and tokens[j].is_word and not tokens[j].quoted:
        j -= 1
    return j


def _loose_ok(phrase: list[Token], rules: Rules, at_start: bool) -> bool:
    """Ordinary words as a speaker: "the air force", "one banker", "Economists polled by X"."""
    if not phrase or len(phrase) > (5 if at_start else 7):
        return False
    first = phrase[0]
    opener = first.lower in DETERMINERS | rules.quantifiers or (
        first.is_capitalized and first.lower not in rules.not_names
    )
    if not opener or first.lower in rules.all_pronouns:
        return False
    if all(t.lower in DETERMINERS | rules.quantifiers for t in phrase):
        return False  # "The project will ..." has no speaker "The"
    for k, tok in enumerate(phrase):
        low = tok.lower
        if low in rules.not_speaker_words or low in rules.report_verbs or tok.text.isdigit():
            return False
        nxt = phrase[k + 1].lower if k + 1 < len(phrase) else ""
        past = low in rules.irregular_past or (len(low) > 4 and low.endswith("ed"))
        if past and nxt not in LINKS | {"by", "with", "to"}:
            return False
    return True


def _widen(tokens: list[Token], j: int, phrase: list[Token], rules: Rules) -> list[Token]:
    """The strict phrase, or the ordinary words from the last comma (or clause start).

    A strict phrase after a preposition is an object ("polled by Reuters"): widen it too.
    """
    start = tokens.index(phrase[0]) if phrase else j + 1
    k = _boundary(tokens, j)
    loose = tokens[k + 1 : j + 1]
    counted = bool(loose) and loose[0].lower in DETERMINERS | rules.quantifiers  # "Some hardline"
    if phrase and not counted and not (start > 0 and tokens[start - 1].lower in _PREPOSITIONS):
        return phrase
    return loose if _loose_ok(loose, rules, at_start=k < 0) else phrase


_ADJUNCT = frozenset({"on", "in", "at", "during", "after", "before", "while", "when", "to"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_PREPOSITIONS = frozenset({"by", "of", "to", "with", "from", "at", "for"})


def _strict_back(tokens: list[Token], j: int, rules: Rules) -> list[Token]:
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


def _after_quote(tokens: list[Token], i: int, rules: Rules) -> list[Token]:
    """ ", said ONS director of economic statistics Darren Morgan.": up to the comma when
    the words end in a name, else the strict phrase."""
    strict = _forward(tokens, i, rules)
    nxt = i + len(strict)
    if strict and nxt < len(tokens) and tokens[nxt].is_word and tokens[nxt].lower not in _ADJUNCT:
        strict = []  # ", said the army was ready": the content's subject, not a speaker
    k = i
    while k < len(tokens) and tokens[k].is_word and not tokens[k].quoted:
        k += 1
    loose = tokens[i:k]
    named = bool(loose) and loose[-1].is_capitalized and len(loose) <= 10
    if named and len(loose) > len(strict) and _loose_ok(loose, rules, at_start=False):
        return loose
    return strict


def _make(text: str, phrase: list[Token], verb: Token, kind: str) -> Attribution:
    start, end = phrase[0].start, phrase[-1].end
    surface = text[start:end]
    if phrase[-1].is_possessive:
        surface = phrase[-1].bare.join(surface.rsplit(phrase[-1].text, 1))
    return Attribution(surface, start, end, verb.text, verb.start, verb.end, kind)


def _according(text: str, tokens: list[Token], rules: Rules) -> Attribution | None:
    for i in range(len(tokens) - 1):
        pair = f"{tokens[i].lower} {tokens[i + 1].lower}"
        if pair not in rules.according_to or tokens[i].quoted or i + 2 >= len(tokens):
            continue
        begin = tokens[i + 2].start
        for pattern in rules.source_phrases_after:
            if match := pattern.match(text, begin):
                return Attribution(match.group(0), begin, match.end(), tokens[i].text,
                                   tokens[i].start, tokens[i].end, "according")  # fmt: skip
        phrase = _tail_nouns(tokens, i + 2, _forward(tokens, i + 2, rules), rules)
        phrase = phrase or _to_comma(tokens, i + 2, rules)
        if phrase:
            return _make(text, phrase, tokens[i], "according")
    return None


def _to_comma(tokens: list[Token], i: int, rules: Rules) -> list[Token]:
    """ "according to an internal memo seen by The Verge,": ordinary words up to the comma."""
    k = i
    while k < len(tokens) and tokens[k].is_word and not tokens[k].quoted:
        k += 1
    loose = tokens[i:k]
    return loose if _loose_ok(loose, rules, at_start=False) else []


def _tail_nouns(tokens: list[Token], i: int, phrase: list[Token], rules: Rules) -> list[Token]:
    """ "according to CME Group's FedWatch tool,": plain nouns up to the comma belong to it."""
    if not phrase:
        return phrase
    k = i + len(phrase)
    rest = []
    while k < len(tokens) and tokens[k].is_word and not tokens[k].quoted:
        rest.append(tokens[k])
        k += 1
    plain = all(
        t.lower not in LINKS | rules.not_speaker_words and not t.lower.endswith("ed") for t in rest
    )
    return phrase + rest if rest and len(rest) <= 2 and plain else phrase


def _verb_kind(tokens: list[Token], i: int, rules: Rules) -> str | None:
    tok = tokens[i]
    if tok.quoted or not tok.is_word or tok.is_capitalized:  # "States" is no verb
        return None
    if tok.lower in rules.say_verbs:
        return "say"
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if tok.lower in rules.that_only_verbs and (after == "that" or _finite_next(tokens, i)):
        return "say"
    if tok.lower in rules.participles and i > 0 and tokens[i - 1].text == ",":
        return "participle"
    return "act" if tok.lower in rules.act_verbs else None


def _finite_next(tokens: list[Token], i: int) -> bool:
    """ "Scientists fear the virus could adapt": a clause follows without "that"."""
    for tok in tokens[i + 1 : i + 6]:
        if not tok.is_word:
            return False
        if tok.lower in _FINITE:
            return True
    return False


_FINITE = frozenset("will would could may might can is are was were has have had".split())


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
    kind = _verb_kind(tokens, i, rules)
    if kind is None or (i > 0 and tokens[i - 1].lower in _BE):  # "is expected": passive
        return None
    if kind == "participle" or (i > 1 and tokens[i - 1].lower == "and"):
        phrase = _forward(tokens, 0, rules)  # "X called it vile and vowed": the clause subject
        verb_kind = "say" if kind == "participle" else kind
        return _make(text, phrase, tok, verb_kind) if phrase else None
    after_quote = i > 0 and tokens[i - 1].text in _CLOSERS
    phrase = _after_quote(tokens, i + 1, rules) if after_quote else []
    phrase = phrase or _backward(tokens, i, rules)
    if tok.lower in rules.quote_only_verbs and not _reports(tokens, i, phrase, rules):
        return None
    if phrase:
        return _make(text, phrase, tok, kind)
    return _source_phrase(text, tokens, i, rules)


def _reports(tokens: list[Token], i: int, phrase: list[Token], rules: Rules) -> bool:
    """Whether an ambiguous verb ("continues", "forecasts") reports here: after a quote or a
    comma (", the tweet continues."), before "that", or with a stand-in speaker; "beating
    Wall Street forecasts." is no report."""
    first = tokens.index(phrase[0]) if phrase else i
    set_off = first > 0 and not tokens[first - 1].is_word
    that = i + 1 < len(tokens) and tokens[i + 1].lower == "that"
    stand_in = (
        0 < len(phrase) <= 2 and phrase[-1].lower in rules.all_pronouns | rules.source_documents
    )
    return set_off or that or stand_in


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


def subordinate(tokens: list[Token], found: Attribution, rules: Rules) -> int | None:
    """Where a subordinate clause holding the attribution starts ("..., after X said"), if any."""
    before = [t for t in tokens if t.end <= found.start and not t.quoted]
    if len(before) > 1 and before[-1].lower in rules.subordinators:
        return before[-1].start
    return None
