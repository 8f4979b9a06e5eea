"""Speakers of an article: which mentions are the same speaker, and its canonical name.

A mention is taken apart (`parse_mention`) into a person's name words, an organisation's
key words, an unnamed source, a descriptor ("the Russian leader"), a pronoun or a
document ("the tweet"); `Speakers` merges mentions that fit one another.
"""

from __future__ import annotations

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
    definite = low_words[0] == "the"
    body = words[1:] if low_words[0] in DETERMINERS else words
    bare = [_bare(w) for w in body]
    nation = next((c for w in bare if (c := _country(w, rules))), None)
    head = bare[-1].lower() if bare else ""
    linked = [w for i, w in enumerate(bare[:-1]) if low_words[-len(bare) + i + 1] in LINKS]
    if linked and linked[0].islower() and linked[0] in rules.unnamed_heads:
        # "officials in Kyiv", "a spokesperson for the ministry": unnamed, whatever follows
        return Mention(surface, "unnamed", nation=nation, head=linked[0], definite=definite)
    if head in rules.source_documents:
        if any(_is_name(w, rules) for w in bare):  # "a Gallup poll" speaks for Gallup
            keys = _org_keys(body, rules)
            return Mention(surface, "org", keys=keys, nation=nation, head=head, definite=definite)
        return Mention(surface, "document", head=head, definite=definite)
    if head in rules.unnamed_heads and not any(_is_name(w, rules) for w in bare):
        return Mention(surface, "unnamed", nation=nation, head=head, definite=definite)
    owner, main = _split_possessive(body)
    org = any(_bare(w).lower() in rules.org_heads for w in main) or _is_org_word(main, rules)
    if org and not _titled_name(main, rules):
        keys = _org_keys(owner + main, rules)
        org_head = next((w.lower() for w in map(_bare, main) if w.lower() in rules.org_heads), head)
        return Mention(surface, "org", keys=keys, nation=nation, head=org_head, definite=definite)
    titled = [i for i, w in enumerate(main) if _bare(w).lower() in rules.titles]
    names = [w for w in map(_bare, main[max(titled, default=-1) + 1 :]) if _is_name(w, rules)]
    roles = frozenset(_bare(w).lower() for w in main if _bare(w).lower() in rules.titles)
    if not names:
        return Mention(surface, "descriptor", nation=nation, roles=roles | {head}, head=head)
    return Mention(surface, "person", name=" ".join(names), nation=nation, roles=roles, head=head)


def _bare(word: str) -> str:
    return Token(word, 0, 0, False).bare


def _is_name(word: str, rules: Rules) -> bool:
    low = word.lower()
    return word[:1].isupper() and low not in rules.titles and _country(word, rules) is None


def _titled_name(words: list[str], rules: Rules) -> bool:
    """A name after a title: "State Department spokesman Ned Price" is a person."""
    titled = [i for i, w in enumerate(words) if _bare(w).lower() in rules.titles]
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
        if kind == "unnamed" and surface[:1].isupper() and surface.split()[0] in ("A", "An", "The"):
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
            return True
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
            return speaker.kind == "org"
        if pronoun in groups["group"]:
            return speaker.kind == "org" or speaker.head.endswith("s")
        return False

    def descriptor_fits(self, speaker: Speaker, mention: Mention) -> bool:
        if mention.nation and speaker.nation and mention.nation != speaker.nation:
            return False
        wanted = set()
        for role in mention.roles:
            wanted |= self.rules.role_synonyms.get(role, frozenset({role}))
        return bool(wanted & speaker.roles)


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
