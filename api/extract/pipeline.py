"""The extraction pipeline: segment, attribute, classify, anchor, in text order."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from api.extract import anchor, attribute, speakers
from api.extract.attribute import Attribution
from api.extract.classify import Decision, Evidence, classify
from api.extract.rules import Rules, load
from api.extract.segment import Clause, paragraphs, quote_spans, segment
from api.extract.speakers import Speaker, Speakers
from api.extract.tokens import Token, tokenize
from api.extract.types import Item, TimeAnchor
from api.temporal import tag as temporal_tag
from api.temporal.types import Timex

_APPOSITIVE_OPENERS = frozenset({"the", "a", "an", "which", "who", "where", "that", "when"})
_PAST_WORD = re.compile(r"\b(?:\w{3,}ed|was|were)\b", re.IGNORECASE)
_COMMA = re.compile(r",")


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    decision: Decision
    speaker: Speaker | None
    quote: bool
    times: list[TimeAnchor] = field(default_factory=list)
    time: TimeAnchor | None = None

    def item(self, text: str) -> Item:
        speaker = self.speaker
        return Item(
            kind=self.decision.kind or "claim",
            text=text[self.start : self.end],
            start=self.start,
            end=self.end,
            speaker=speaker.canonical if speaker else None,
            quote=self.quote,
            confidence=self.decision.confidence,
            cue=self.decision.cue,
            time=self.time,
            times=tuple(self.times),
            speaker_aliases=tuple(speaker.surfaces) if speaker else (),
        )


@dataclass(slots=True)
class _Article:
    text: str
    published: date
    rules: Rules
    quotes: list[tuple[int, int, bool]]
    timexes: list[Timex]
    clauses: list[Clause]
    speakers: Speakers
    block_speaker: dict[int, Speaker | None] = field(default_factory=dict)

    def tokens(self, start: int, end: int) -> list[Token]:
        return tokenize(self.text, start, end, self.quotes, self.rules.non_final_abbrevs)


Tagger = Callable[[str, date], list[Timex]]


def extract(text: str, published: date, tag: Tagger | None = None) -> list[Item]:
    """Claims and predictions of an article, in text order, attributed and time-anchored.

    `tag` is the temporal tagger (`api.temporal.tag` unless given); it runs once on the
    whole article so that it sees cross-sentence context.
    """
    tag = tag or temporal_tag
    rules = load()
    quotes = [q for s, e in paragraphs(text) for q in quote_spans(text, s, e)]
    timexes = [t for t in tag(text, published) if anchor.keep(t, rules)]
    art = _Article(text, published, rules, quotes, timexes, segment(text, rules), Speakers(rules))
    drafts: list[_Draft] = []
    for clause in art.clauses:
        if clause.kind == "body":
            drafts.extend(_clause_drafts(art, clause))
    speakers.scan_aliases(text, art.speakers)
    drafts.sort(key=lambda d: (d.start, -d.end))
    return [d.item(text) for d in drafts]


def _clause_drafts(art: _Article, clause: Clause) -> list[_Draft]:
    tokens = art.tokens(clause.start, clause.end)
    attr = attribute.find(art.text, tokens, art.rules)
    cut = attribute.subordinate(tokens, attr, art.rules) if attr else None
    if cut is not None:  # "Oil rose, after the agency said ...": two statements
        main = dataclasses.replace(clause, end=art.text.rindex(" ", clause.start, cut))
        rest = dataclasses.replace(clause, start=cut)
        return [*_clause_drafts(art, main), *_clause_drafts(art, rest)]
    quoted = _quoted(tokens)
    speaker = _speaker(art, clause, attr, quoted)
    spans = _appositives(art, clause, tokens)
    drafts = [_nested_draft(art, (head, end)) for head, _, end in spans]
    nested = [(aside, end) for _, aside, end in spans]  # the head noun stays in the clause
    timexes = [
        t
        for t in art.timexes
        if clause.start <= t.start
        and t.end <= clause.end
        and not any(s <= t.start < e for s, e in nested)
    ]
    fragment = _masked(art, clause, nested, attr, speaker)
    evidence = _evidence(art, timexes, _untimed(clause, fragment, timexes), attr, quoted)
    decision = classify(fragment, evidence, art.rules)
    if decision.kind is None:
        return drafts
    draft = _Draft(clause.start, clause.end, decision, speaker, quoted)
    _anchor(art, draft, timexes, attr, clause)
    return [draft, *drafts]


def _quoted(tokens: list[Token]) -> bool:
    """Direct speech: two or more quoted words (a one-word scare quote is not a quote)."""
    return sum(1 for t in tokens if t.quoted and t.is_word) >= 2


def _speaker(
    art: _Article, clause: Clause, attr: Attribution | None, quoted: bool
) -> Speaker | None:
    """The clause's own attribution, else its quote block's, else the last speaker."""
    if attr is not None:
        speaker = _resolve(art, attr, clause)
        if quoted:
            art.block_speaker.setdefault(clause.block, speaker)
        return speaker
    if not quoted:
        return None
    if clause.block not in art.block_speaker:
        art.block_speaker[clause.block] = _block_speaker(art, clause)
    return art.block_speaker[clause.block]


def _resolve(art: _Article, attr: Attribution, clause: Clause) -> Speaker | None:
    _introduce(art, attr)
    mention = speakers.parse_mention(attr.surface, art.rules)
    if art.speakers.org_noun(mention):
        known = art.speakers.organisation(mention) or _named_org(art, clause, mention)
        if known is not None:
            return art.speakers.alias(known, attr.surface)
    return art.speakers.resolve(attr.surface) or _antecedent(art, attr, clause)


def _named_org(art: _Article, clause: Clause, noun: speakers.Mention) -> Speaker | None:
    """ "The bank said" after "The European Central Bank raised rates": the nearest earlier
    sentence subject that names an organisation (a lone word only if the text repeats it)."""
    earlier = [c for c in art.clauses if c.kind == "body" and c.end <= clause.start]
    subjects = [s for c in reversed(earlier) if (s := _org_subject(art, c))]
    subjects.append(_org_subject(art, clause, strict=True))  # "X will ..., the company said"
    for found in filter(None, subjects):
        mention = speakers.parse_mention(found, art.rules)
        if art.speakers.fits(noun, mention.keys):
            return art.speakers.resolve(found)
    return None


def _org_subject(art: _Article, clause: Clause, strict: bool = False) -> str | None:
    """The subject of a clause if it can name an organisation: an organisation's name, or
    untitled names ("Novo Nordisk", "Netflix"). A sentence's first word is capitalised
    anyway, so a lone word counts only if the text repeats it, or (not `strict`, for an
    earlier sentence) if it does not look plural ("Supplies", "Prices")."""
    found = attribute.subject(art.text, art.tokens(clause.start, clause.end), art.rules)
    if not found:
        return None
    mention = speakers.parse_mention(found, art.rules)
    if mention.kind == "org":
        return found if mention.nation is None or len(mention.keys) > 1 else None
    if mention.kind != "person" or mention.roles:
        return None
    lone = " " not in mention.name and mention.name.istitle()
    repeated = len(re.findall(rf"\b{re.escape(mention.name)}\b", art.text)) > 1
    plural = mention.name.endswith("s")  # "Supplies", "Prices"
    return found if not lone or repeated or not (strict or plural) else None


def _introduce(art: _Article, attr: Attribution) -> None:
    """A surname alone ("Erdogan said") takes the full name the article used before it."""
    mention = speakers.parse_mention(attr.surface, art.rules)
    if mention.kind != "person" or " " in mention.name:
        return
    if any(mention.name.lower() in s.names for s in art.speakers.all if s.kind == "person"):
        return
    for match in _NAME_RUN.finditer(art.text, 0, attr.start):
        earlier = speakers.parse_mention(match.group(0), art.rules)
        if earlier.kind == "person" and earlier.name.split()[-1] == mention.name:
            art.speakers.resolve(match.group(0))
            return


_NAME_RUN = re.compile(r"(?:[A-Z][\w’'-]+ ){1,4}[A-Z][\w’'-]+")


def _antecedent(art: _Article, attr: Attribution, clause: Clause) -> Speaker | None:
    """For a pronoun with no earlier speaker: "she" is the last person named before it,
    "they" or "it" the subject of the sentence before ("Police arrested ... They said")."""
    pronoun = attr.surface.lower()
    if pronoun in art.rules.pronouns["person"]:
        for match in reversed(list(_NAME_RUN.finditer(art.text, 0, attr.start))):
            if speakers.parse_mention(match.group(0), art.rules).kind == "person":
                return art.speakers.resolve(match.group(0))
        return None
    if pronoun not in art.rules.pronouns["group"] | art.rules.pronouns["org"]:
        return None
    before = [c for c in art.clauses if c.kind == "body" and c.end <= clause.start]
    if not before:
        return None
    subject = attribute.subject(art.text, art.tokens(before[-1].start, before[-1].end), art.rules)
    return art.speakers.resolve(subject) if subject else None


def _block_speaker(art: _Article, clause: Clause) -> Speaker | None:
    for other in art.clauses:
        if other.block == clause.block and other is not clause:
            found = attribute.find(art.text, art.tokens(other.start, other.end), art.rules)
            if found:
                return _resolve(art, found, other)
    return art.speakers.last  # a quote paragraph continues the last speaker


def _appositives(art: _Article, clause: Clause, tokens: list[Token]) -> list[tuple[int, int, int]]:
    """Comma-set past-tense asides with their own time: "Kherson, ... captured in March,".

    Each is (start of the name it describes, start of the aside, end of the aside).
    """
    commas = [t for t in tokens if t.text == "," and not t.quoted]
    spans = []
    for left, right in itertools.pairwise(commas):
        inner = [t for t in tokens if left.end <= t.start and t.end <= right.start]
        if not inner or inner[0].lower not in _APPOSITIVE_OPENERS:
            continue
        aside = art.text[left.end : right.start]
        times = [t for t in art.timexes if left.end <= t.start and t.end <= right.start]
        past = all(not anchor.is_future(t, art.published) for t in times)
        if times and past and _PAST_WORD.search(aside):
            spans.append((_head_start(tokens, left), left.end, right.start))
    return spans


def _head_start(tokens: list[Token], comma: Token) -> int:
    """Start of the proper name the aside describes, or the aside itself."""
    i = tokens.index(comma) - 1
    start = comma.end + 1
    while i >= 0 and tokens[i].is_capitalized and tokens[i].is_word:
        start = tokens[i].start
        i -= 1
    return start


def _nested_draft(art: _Article, span: tuple[int, int]) -> _Draft:
    start, end = span
    decision = Decision("claim", 0.7, "appositive")
    draft = _Draft(start, end, decision, None, False)
    timexes = [t for t in art.timexes if start <= t.start and t.end <= end]
    draft.times = [anchor.to_anchor(t, "event", art.published) for t in timexes]
    draft.time = anchor.primary("claim", draft.times, art.published)
    return draft


def _masked(
    art: _Article,
    clause: Clause,
    nested: list[tuple[int, int]],
    attr: Attribution | None,
    speaker: Speaker | None,
) -> str:
    """The clause with nested asides blanked, and the speaker phrase when it is no content.

    A speech verb's speaker is who says it, not what is said ("Cohen said"); an act verb's
    speaker is part of the statement ("Ukraine's military denied the claim").
    """
    chars = list(art.text[clause.start : clause.end])
    blanks = list(nested)
    if attr is not None and attr.verb_kind in ("say", "according"):
        blanks.append(_speech_span(art, clause, attr))
    elif attr is not None and (speaker is None or _is_stand_in(attr.surface, art.rules)):
        blanks.append((attr.start, attr.end))
    for start, end in blanks:
        for i in range(max(start, clause.start), min(end, clause.end)):
            chars[i - clause.start] = " "
    return "".join(chars)


def _speech_span(art: _Article, clause: Clause, attr: Attribution) -> tuple[int, int]:
    """The span of a speech attribution; after its content it runs to the clause end
    (”, plant manager André Thierig told reporters on Monday.")."""
    start = min(attr.start, attr.verb_start)
    trailing = _TRAILING.search(art.text, clause.start, start)
    if trailing and not _THAT.search(art.text, attr.verb_end, clause.end):
        return trailing.start(1), clause.end
    return start, max(attr.end, attr.verb_end)


# An attribution after its content: a comma or closing quote, then a few words of descriptor.
_TRAILING = re.compile(r"[,”\"]\s*((?:[\w’'-]+\s+){0,4})$")
_THAT = re.compile(r"\bthat\b")  # "spokeswoman, Maria Zakharova, said that ...": not after


def _is_stand_in(surface: str, rules: Rules) -> bool:
    """A pronoun or a document ("the tweet") adds no checkable name of its own."""
    last = surface.split()[-1].lower()
    pronouns = rules.all_pronouns
    return last in pronouns or last in rules.source_documents


def _evidence(
    art: _Article, timexes: list[Timex], untimed: str, attr: Attribution | None, quoted: bool
) -> Evidence:
    deadline = next(
        (t.text for t in timexes if anchor.is_deadline(art.text, t, art.published, art.rules)), None
    )
    return Evidence(
        deadline=deadline,
        future_time=next((t.text for t in timexes if anchor.is_future(t, art.published)), None),
        has_time=bool(timexes),
        untimed=untimed,
        reported=attr is not None and attr.verb_kind in ("say", "according"),
        quoted=quoted,
        act=attr is not None and attr.verb_kind == "act",
        time_text=timexes[0].text if timexes else "",
    )


_TIME_LEAD = re.compile(r"(?:\b(?:on|in|at|during|this|last|next)\s+)?$", re.IGNORECASE)


def _untimed(clause: Clause, fragment: str, timexes: list[Timex]) -> str:
    """The fragment without its time phrases and their prepositions, spaces collapsed."""
    chars = list(fragment)
    for timex in timexes:
        lead = _TIME_LEAD.search(fragment, 0, timex.start - clause.start)
        start = lead.start() if lead else timex.start - clause.start
        for i in range(start, timex.end - clause.start):
            chars[i] = " "
    return " ".join("".join(chars).split())


def _anchor(
    art: _Article, draft: _Draft, timexes: list[Timex], attr: Attribution | None, clause: Clause
) -> None:
    kind = draft.decision.kind or "claim"
    verb_kind = attr.verb_kind if attr else "say"
    main, dated_nouns = [], []
    for timex in timexes:
        on_verb = anchor.on_verb(art.text, timex, attr, clause.start)
        role = anchor.role_of(art.text, timex, kind, on_verb, verb_kind, art.published, art.rules)
        draft.times.append(anchor.to_anchor(timex, role, art.published))
        if not anchor.is_modifier(art.text, timex, kind, art.rules):
            main.append(draft.times[-1])
        elif anchor.dated_noun(art.text, timex):
            dated_nouns.append(draft.times[-1])  # "forecast second-quarter revenue of ..."
    draft.time = anchor.primary(kind, main or dated_nouns, art.published)
