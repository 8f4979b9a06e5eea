"""Speakers of an article: which mentions are the same speaker, and its canonical name.

A mention is taken apart (`parse_mention`) into a person's name words, an organisation's
key words, an unnamed source, a descriptor ("the Russian leader"), a pronoun or a
document ("the tweet"); `Speakers` merges mentions that fit one another.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from api.extract.attribute import DETERMINERS, LINKS
from api.extract.rules import Rules
from api.extract.tokens import Token


@dataclass(slots=True)
class Speaker:
    """One speaker of the article with every surface form it had."""

    kind: str  # person | org | unnamed
    surfaces: list[str] = field(default_factory=list)
    names: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    nation: str | None = None
    roles: frozenset[str] = frozenset()
    head: str = ""
    name_forms: list[str] = field(default_factory=list)  # a person's names without titles

    @property
    def canonical(self) -> str:
        """The fullest form: a person's name without titles, an organisation's longest name."""
        if self.kind == "person":
            return max(self.name_forms or self.surfaces[:1], key=len)
        if self.kind == "org":
            # The form with the most words, earliest on ties: "Ukraine's Ministry of Defense".
            return _strip_article(max(self.surfaces, key=lambda s: len(_strip_article(s).split())))
        return self.surfaces[0]


def _strip_article(surface: str) -> str:
    first, _, rest = surface.partition(" ")
    return rest if first.lower() in DETERMINERS and rest else surface


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker phrase taken apart: its kind, name words, key words, nation and roles."""

    surface: str
    kind: str  # person | org | unnamed | descriptor | pronoun | document
    name: str = ""
    keys: frozenset[str] = frozenset()
    nation: str | None = None
    roles: frozenset[str] = frozenset()
    head: str = ""
    definite: bool = False


def _country(word: str, rules: Rules) -> str | None:
    low = word.lower()
    if low in rules.demonyms:
        return rules.demonyms[low]
    return low if low in rules.demonyms.values() else None


def parse_mention(surface: str, rules: Rules) -> Mention:
    """Classify a speaker phrase and pull out what alias matching needs."""
    words = surface.split()
    low_words = [w.lower() for w in words]
    if len(words) == 1 and low_words[0] in rules.all_pronouns:
        return Mention(surface, "pronoun", head=low_words[0])
    definite = low_words[0] == "the" or low_words[:3] == ["one", "of", "the"]  # partitive
    body = words[1:] if low_words[0] in DETERMINERS else words
    bare = [_bare(w) for w in body]
    nation = next((c for w in bare if (c := _country(w, rules))), None)
    head = bare[-1].lower() if bare else ""
    linked = [w for i, w in enumerate(bare[:-1]) if low_words[-len(bare) + i + 1] in LINKS]
    first = linked[0].lower() if linked else ""
    if first in rules.unnamed_heads and (linked[0].islower() or first not in rules.org_heads):
        # "officials in Kyiv", "a spokesperson for the ministry": unnamed, whatever follows
        return Mention(surface, "unnamed", nation=nation, head=linked[0], definite=definite)
    shown = _shown_document(bare, rules)
    if shown:  # "an internal memo seen by The Verge": the document, whoever shows it
        return Mention(surface, "document", head=shown, definite=definite)
    if head in rules.source_documents:
        if any(_is_name(w, rules) for w in bare):  # "a Gallup poll" speaks for Gallup
            keys = _org_keys(body, rules)
            return Mention(surface, "org", keys=keys, nation=nation, head=head, definite=definite)
        return Mention(surface, "document", head=head, definite=definite)
    if len(words) > 1 and low_words[0] in rules.quantifiers and not definite:
        # "Some hardline Republicans", "two U.S. officials": a group, whatever its words
        group = next((w.lower() for w in bare if w.lower() in rules.unnamed_heads), head)
        return Mention(surface, "unnamed", nation=nation, head=group, definite=False)
    common = _common_head(bare, rules)
    if common:  # "some investors", "one of the people", "the planemaker"
        return Mention(surface, "unnamed", nation=nation, head=common, definite=definite)
    if head in rules.unnamed_heads and not any(_is_name(w, rules) for w in bare):
        return Mention(surface, "unnamed", nation=nation, head=head, definite=definite)
    owner, main = _split_possessive(body)
    org = any(_bare(w).lower() in rules.org_heads for w in main) or _is_org_word(main, rules)
    if org and not _titled_name(main, rules):
        keys = _org_keys(owner + main, rules)
        org_head = next((w.lower() for w in map(_bare, main) if w.lower() in rules.org_heads), head)
        return Mention(surface, "org", keys=keys, nation=nation, head=org_head, definite=definite)
    titled = [i for i, w in enumerate(main) if _is_title(w, rules)]
    names = [w for w in map(_bare, main[max(titled, default=-1) + 1 :]) if _is_name(w, rules)]
    roles = frozenset(_bare(w).lower() for w in main if _is_title(w, rules))
    if not names:
        return Mention(surface, "descriptor", nation=nation, roles=roles | {head}, head=head)
    return Mention(surface, "person", name=" ".join(names), nation=nation, roles=roles, head=head)


def _shown_document(bare: list[str], rules: Rules) -> str:
    """The document word of "memo seen by X", "report obtained by X", or empty."""
    for word, nxt in itertools.pairwise(bare):
        low = nxt.lower()
        shown = low.endswith(("ed", "en")) or low in rules.irregular_past
        if word.lower() in rules.source_documents and shown:
            return word.lower()
    return ""


def _common_head(bare: list[str], rules: Rules) -> str:
    """The head of a phrase of common nouns ("two people familiar with the matter": people).

    Empty when the phrase holds a name, a title or an organisation's head word.
    """
    opener = 1 if bare and bare[0].lower() in rules.quantifiers else 0
    words = bare[opener:]
    # The first word may be capitalised by its sentence ("Aid agencies"), not the head.
    if not words or not words[-1].islower() or any(w[:1].isupper() for w in words[1:]):
        return ""
    lows = [w.lower() for w in words]
    if any(_is_title(w, rules) or w in rules.org_heads for w in lows):
        return ""
    return next((w for w in lows if w in rules.unnamed_heads), lows[-1])


def _is_title(word: str, rules: Rules) -> bool:
    """ "Director-General", "co-CEO": a compound of titles is a title."""
    low = _bare(word).lower()
    if low in rules.titles:
        return True
    parts = [p for p in low.split("-") if p not in ("co", "vice", "deputy")]
    return "-" in low and bool(parts) and all(p in rules.titles for p in parts)


def _bare(word: str) -> str:
    return Token(word, 0, 0, False).bare


def _is_name(word: str, rules: Rules) -> bool:
    return word[:1].isupper() and not _is_title(word, rules) and _country(word, rules) is None


def _titled_name(words: list[str], rules: Rules) -> bool:
    """A name after a title: "State Department spokesman Ned Price" is a person."""
    titled = [i for i, w in enumerate(words) if _is_title(w, rules)]
    if not titled or titled[-1] == len(words) - 1:
        return False
    rest = [_bare(w) for w in words[titled[-1] + 1 :]]
    return all(_is_name(w, rules) and w.lower() not in rules.org_heads for w in rest)


def _is_org_word(main: list[str], rules: Rules) -> bool:
    """A lone country or acronym ("Russia", "NATO") speaks as an organisation."""
    if len(main) != 1:
        return False
    word = _bare(main[0])
    return _country(word, rules) is not None or (word.isupper() and len(word) > 1)


def _split_possessive(words: list[str]) -> tuple[list[str], list[str]]:
    for i, word in enumerate(words[:-1]):
        if word.endswith(("’s", "'s", "s’", "s'")):
            return words[: i + 1], words[i + 1 :]
    return [], words


def _org_keys(words: list[str], rules: Rules) -> frozenset[str]:
    keys: set[str] = set()
    for word in map(_bare, words):
        low = word.lower()
        if low in DETERMINERS or low in LINKS:
            continue
        keys.update((_country(word, rules) or low).split())
    return frozenset(keys)


class Speakers:
    """The speakers of one article, merged across their surface forms."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.all: list[Speaker] = []
        self.last: Speaker | None = None

    def resolve(self, surface: str) -> Speaker | None:
        """The article speaker for a phrase, creating it when it is new."""
        mention = parse_mention(surface, self.rules)
        speaker = self._match(mention)
        if speaker is None and mention.kind in ("pronoun", "document"):
            return self.last if mention.kind == "pronoun" else self._new(mention, "unnamed")
        if speaker is None:
            kind = "unnamed" if mention.kind == "descriptor" else mention.kind
            speaker = self._new(mention, kind)
        elif mention.kind not in ("pronoun", "document"):
            self._merge(speaker, mention)
        self.all.remove(speaker)
        self.all.append(speaker)  # most recently used last: pronouns look back from here
        self.last = speaker
        return speaker

    def _new(self, mention: Mention, kind: str) -> Speaker:
        surface = mention.surface
        opener = surface.split()[0].lower()
        common = DETERMINERS | self.rules.quantifiers | self.rules.unnamed_heads
        if kind == "unnamed" and opener in common:  # "Analysts at X" opened a sentence
            surface = surface[0].lower() + surface[1:]
        speaker = Speaker(kind, [surface])
        self._merge(speaker, mention)
        self.all.append(speaker)
        return speaker

    def _merge(self, speaker: Speaker, mention: Mention) -> None:
        if mention.surface not in speaker.surfaces:
            speaker.surfaces.append(mention.surface)
        if mention.name:
            speaker.names = speaker.names | frozenset(mention.name.lower().split())
            speaker.name_forms.append(mention.name)
        speaker.keys = speaker.keys | mention.keys
        speaker.nation = speaker.nation or mention.nation
        speaker.roles = speaker.roles | mention.roles
        speaker.head = speaker.head or mention.head

    def _match(self, mention: Mention) -> Speaker | None:
        for speaker in reversed(self.all):
            if self._same(speaker, mention):
                return speaker
        return None

    def _same(self, speaker: Speaker, mention: Mention) -> bool:
        kind = mention.kind
        if kind == "pronoun":
            return self._pronoun_fits(speaker, mention.head)
        if kind == "document":
            return mention.definite  # "the statement" is the last speaker's; "a memo" is new
        if kind == "person" and speaker.kind == "person":
            words = frozenset(mention.name.lower().split())
            return words <= speaker.names or speaker.names <= words
        if kind == "org" and speaker.kind == "org":
            shared_head = mention.head in speaker.keys or speaker.head in mention.keys
            subset = mention.keys <= speaker.keys or speaker.keys <= mention.keys
            return shared_head and subset
        if kind == "descriptor" and speaker.kind == "person":
            return self.descriptor_fits(speaker, mention)
        if kind == "unnamed" and mention.definite and speaker.kind == "org":
            return mention.head in speaker.keys  # "the ministry" after "the Defense Ministry"
        if kind in ("unnamed", "descriptor") and speaker.kind == "unnamed":
            same = mention.surface.lower() == speaker.surfaces[0].lower()
            return same or (mention.definite and mention.head == speaker.head)
        return False

    def _pronoun_fits(self, speaker: Speaker, pronoun: str) -> bool:
        groups = self.rules.pronouns
        if pronoun in groups["person"]:
            return speaker.kind in ("person", "unnamed") and not speaker.head.endswith("s")
        if pronoun in groups["org"]:
            return org_like(speaker)
        if pronoun in groups["group"]:
            return org_like(speaker) or speaker.head.endswith("s")
        return False

    def org_noun(self, mention: Mention) -> bool:
        """ "the company", "the Danish drugmaker": an organisation named before."""
        last = mention.surface.split()[-1]
        return mention.definite and last.islower() and last in self.rules.org_nouns

    def organisation(self, mention: Mention) -> Speaker | None:
        """The most recent organisation-like speaker an org noun can stand for."""
        fits = (s for s in reversed(self.all) if org_like(s) and self.fits(mention, s.keys))
        return next(fits, None)

    def fits(self, mention: Mention, keys: frozenset[str]) -> bool:
        """Whether an org noun can name an organisation with these name words."""
        noun = mention.surface.split()[-1].lower()
        public = bool(keys & self.rules.public_heads)
        if noun in self.rules.public_nouns:
            return public
        return not public if noun in self.rules.company_nouns else True

    def alias(self, speaker: Speaker, surface: str) -> Speaker:
        """Record another surface form of a known speaker and make it the last one."""
        if surface not in speaker.surfaces:
            speaker.surfaces.append(surface)
        self.all.remove(speaker)
        self.all.append(speaker)
        self.last = speaker
        return speaker

    def descriptor_fits(self, speaker: Speaker, mention: Mention) -> bool:
        if mention.nation and speaker.nation and mention.nation != speaker.nation:
            return False
        wanted = set()
        for role in mention.roles:
            wanted |= self.rules.role_synonyms.get(role, frozenset({role}))
        return bool(wanted & speaker.roles)


def org_like(speaker: Speaker) -> bool:
    """An organisation, or a lone untitled name ("Boeing", "OpenAI"): people come titled."""
    lone = speaker.kind == "person" and len(speaker.names) == 1 and not speaker.roles
    return speaker.kind == "org" or lone


_DESCRIPTOR = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w.]+\s+)?[a-z]+\b")


def scan_aliases(text: str, speakers: Speakers) -> None:
    """Add the article's other mentions of known people ("the Russian leader", "Putin")."""
    people = [s for s in speakers.all if s.kind == "person"]
    if not people:
        return
    for match in _DESCRIPTOR.finditer(text):
        mention = parse_mention(match.group(0), speakers.rules)
        if mention.kind != "descriptor":
            continue
        for person in people:
            if speakers.descriptor_fits(person, mention) and match.group(0) not in person.surfaces:
                person.surfaces.append(match.group(0))
    for person in people:
        for name in sorted({form.split()[-1] for form in person.name_forms}):
            if re.search(rf"\b{re.escape(name)}\b", text) and name not in person.surfaces:
                if person.names - {name.lower()}:  # a surname seen alone is an alias
                    person.surfaces.append(name)
