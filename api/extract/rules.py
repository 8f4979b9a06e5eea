"""Load the extraction rules from `rules/<lang>/*.yaml` and fail fast on bad data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).parent / "rules"


class RuleError(ValueError):
    """Raised when a rules file is missing a key or holds a regex that does not compile."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A named pattern whose weight is the confidence it gives (or takes away)."""

    family: str
    name: str
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True, slots=True)
class Rules:
    """Everything the engine reads from data, already compiled."""

    non_final_abbrevs: frozenset[str]
    sentence_starters: frozenset[str]
    say_verbs: frozenset[str]
    act_verbs: frozenset[str]
    quote_only_verbs: frozenset[str]
    according_to: tuple[str, ...]
    source_phrases: tuple[re.Pattern[str], ...]  # anchored before a reporting verb
    source_phrases_after: tuple[re.Pattern[str], ...]  # anchored after "according to"
    that_only_verbs: frozenset[str]
    participles: frozenset[str]
    quantifiers: frozenset[str]
    not_speaker_words: frozenset[str]
    org_nouns: frozenset[str]
    public_nouns: frozenset[str]
    public_heads: frozenset[str]
    company_nouns: frozenset[str]
    subordinators: frozenset[str]
    verb_preface: frozenset[str]
    source_documents: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    titles: frozenset[str]
    org_heads: frozenset[str]
    unnamed_heads: frozenset[str]
    unnamed_modifiers: frozenset[str]
    not_names: frozenset[str]
    demonyms: dict[str, str]
    role_synonyms: dict[str, frozenset[str]]
    cues: dict[str, tuple[Cue, ...]]
    deadline_signals: frozenset[str]
    deadline_lead: re.Pattern[str]
    connectives: frozenset[str]
    irregular_past: frozenset[str]
    bio: tuple[Cue, ...]
    promo: tuple[Cue, ...]
    dateline: re.Pattern[str]
    tail_paragraphs: int
    timex_homographs: frozenset[str]
    comparison_lead: re.Pattern[str]

    @property
    def report_verbs(self) -> frozenset[str]:
        return self.say_verbs | self.act_verbs

    @property
    def speaker_words(self) -> frozenset[str]:
        """Lower-case words that may stand in a speaker phrase ("a senior defense official")."""
        return self.unnamed_heads | self.unnamed_modifiers | self.source_documents | self.titles

    @property
    def all_pronouns(self) -> frozenset[str]:
        return frozenset().union(*self.pronouns.values())


def _read(lang: str, name: str) -> dict[str, Any]:
    path = RULES_DIR / lang / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping at the top level")
    return data


def _get(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise RuleError(f"{where}: missing key {key!r}")
    return data[key]


def _words(values: Any, where: str) -> frozenset[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleError(f"{where}: expected a list of strings")
    return frozenset(values)


def _lower(values: Any, where: str) -> frozenset[str]:
    return frozenset(v.lower() for v in _words(values, where))


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern), re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern: {exc}") from exc


def _cues(family: str, entries: Any, where: str, flags: int = re.IGNORECASE) -> tuple[Cue, ...]:
    if not isinstance(entries, list):
        raise RuleError(f"{where}: {family} must be a list of cues")
    cues = []
    for entry in entries:
        name = _get(entry, "name", f"{where}:{family}")
        try:
            pattern = re.compile(_get(entry, "pattern", f"{where}:{name}"), flags)
        except re.error as exc:
            raise RuleError(f"{where}:{family}:{name}: bad pattern: {exc}") from exc
        cues.append(Cue(family, name, pattern, float(entry.get("weight", 0))))
        for example in entry.get("examples", ()):
            if not pattern.search(example):
                raise RuleError(f"{where}:{family}:{name}: example not matched: {example!r}")
        for counter in entry.get("counterexamples", ()):
            if pattern.search(counter):
                raise RuleError(f"{where}:{family}:{name}: counterexample matched: {counter!r}")
    return tuple(cues)


@cache
def load(lang: str = "en") -> Rules:
    """Read and compile the rules of one language; raises RuleError naming the bad entry."""
    abbr, attr, spk = (
        _read(lang, "abbreviations"),
        _read(lang, "attribution"),
        _read(lang, "speakers"),
    )
    cue, boiler, timex = _read(lang, "cues"), _read(lang, "boilerplate"), _read(lang, "timex")
    verbs = _get(attr, "verbs", "attribution.yaml")
    families = ("prediction", "conditional", "weak_modal", "hedges", "opinion", "speculation")
    return Rules(
        non_final_abbrevs=_lower(_get(abbr, "non_final", "abbreviations.yaml"), "non_final"),
        sentence_starters=_words(_get(abbr, "sentence_starters", "abbreviations.yaml"), "starters"),
        say_verbs=_lower(_get(verbs, "say", "verbs"), "verbs.say"),
        act_verbs=_lower(_get(verbs, "act", "verbs"), "verbs.act"),
        quote_only_verbs=_lower(_get(verbs, "quote_only", "verbs"), "verbs.quote_only"),
        according_to=tuple(_lower(_get(attr, "according_to", "attribution.yaml"), "according")),
        source_phrases=tuple(
            _compile(rf"(?:{p})\s*$", "attribution.yaml:source_phrases")
            for p in _get(attr, "source_phrases", "attribution.yaml")
        ),
        source_phrases_after=tuple(
            _compile(rf"(?:{p})(?=\s*[,.;:]|\s*$)", "attribution.yaml:source_phrases")
            for p in _get(attr, "source_phrases", "attribution.yaml")
        ),
        that_only_verbs=_lower(_get(verbs, "that_only", "verbs"), "verbs.that_only"),
        participles=_lower(_get(verbs, "participle", "verbs"), "verbs.participle"),
        quantifiers=_lower(_get(attr, "quantifiers", "attribution.yaml"), "quantifiers"),
        not_speaker_words=_lower(_get(attr, "not_speaker_words", "attribution.yaml"), "stop"),
        org_nouns=_lower(_get(spk, "org_nouns", "speakers.yaml"), "org_nouns"),
        public_nouns=_lower(_get(spk, "public_nouns", "speakers.yaml"), "public_nouns"),
        public_heads=_lower(_get(spk, "public_heads", "speakers.yaml"), "public_heads"),
        company_nouns=_lower(_get(spk, "company_nouns", "speakers.yaml"), "company_nouns"),
        subordinators=_lower(_get(attr, "subordinators", "attribution.yaml"), "subordinators"),
        verb_preface=_lower(_get(attr, "verb_preface", "attribution.yaml"), "verb_preface"),
        source_documents=_lower(_get(attr, "source_documents", "attribution.yaml"), "documents"),
        pronouns={k: _lower(v, f"pronouns.{k}") for k, v in _get(attr, "pronouns", "a").items()},
        titles=_lower(_get(spk, "titles", "speakers.yaml"), "titles"),
        org_heads=_lower(_get(spk, "org_heads", "speakers.yaml"), "org_heads"),
        unnamed_heads=_lower(_get(spk, "unnamed_heads", "speakers.yaml"), "unnamed_heads"),
        unnamed_modifiers=_lower(_get(spk, "unnamed_modifiers", "speakers.yaml"), "modifiers"),
        not_names=_lower(_get(spk, "not_names", "speakers.yaml"), "not_names"),
        demonyms={str(k).lower(): str(v) for k, v in _get(spk, "demonyms", "speakers").items()},
        role_synonyms={
            k: _lower(v, f"role_synonyms.{k}")
            for k, v in _get(spk, "role_synonyms", "speakers.yaml").items()
        },
        cues={f: _cues(f, _get(cue, f, "cues.yaml"), "cues.yaml") for f in families},
        deadline_signals=_lower(_get(cue, "deadline_signals", "cues.yaml"), "deadline_signals"),
        deadline_lead=_compile(_get(cue, "deadline_lead", "cues.yaml"), "cues.yaml:deadline_lead"),
        connectives=_lower(_get(cue, "connectives", "cues.yaml"), "connectives"),
        irregular_past=_lower(_get(cue, "irregular_past", "cues.yaml"), "irregular_past"),
        bio=_cues("bio", _get(boiler, "bio", "boilerplate.yaml"), "boilerplate.yaml", 0),
        promo=_cues("promo", _get(boiler, "promo", "boilerplate.yaml"), "boilerplate.yaml", 0),
        dateline=re.compile(str(_get(boiler, "dateline", "boilerplate.yaml"))),
        tail_paragraphs=int(_get(boiler, "tail_paragraphs", "boilerplate.yaml")),
        timex_homographs=_lower(_get(timex, "homographs", "timex.yaml"), "homographs"),
        comparison_lead=_compile(
            _get(timex, "comparison_lead", "timex.yaml"), "timex.yaml:comparison_lead"
        ),
    )
