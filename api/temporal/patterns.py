"""Load the rule data (`rules/<lang>/*.yaml`), expand `{Part}` references and compile.

Everything is checked when it loads, so bad data fails at startup, never mid-document:
an unknown `{ref}`, a duplicate name, a regex that does not compile, a normalizer the
engine does not know, or an example its rule does not match raises `RuleError` naming the
file and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).parent / "rules"
_REF = re.compile(r"\{([A-Z][A-Za-z0-9]*)\}")
_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
# Tokens the anchor index is built from: runs of letters or of digits ("1990s" -> 1990, s).
TOKEN = re.compile(r"[A-Za-z]+|\d+")


class RuleError(ValueError):
    """Bad rule data; the message names the file and the rule."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled detection rule (or negative rule when `normalizer` is None)."""

    name: str
    regex: re.Pattern[str]
    type: str | None
    normalizer: str | None
    examples: tuple[str, ...]
    source: str
    priority: int = 0
    # Lower-case tokens one of which every match contains (near); None = run everywhere.
    anchors: frozenset[str] | None = None
    # How far (characters) a match may start before / end after its anchor token.
    reach: tuple[int, int] = (90, 90)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything the engine needs for one language."""

    rules: tuple[Rule, ...]
    negatives: tuple[Rule, ...]
    lexicon: Mapping[str, Any]
    parts: Mapping[str, str] = field(default_factory=dict)
    # Lower-case word (or its plural) -> the anchor keys it carries, for the anchor index.
    anchor_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _read(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise RuleError(f"{path.name}: top level must be a mapping")
    return data


def _alternation(words: Iterable[str], case_sensitive: bool) -> str:
    """A regex matching any of `words`, longest first so alternation prefers long forms."""
    alts = "|".join(
        re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        for w in sorted(words, key=len, reverse=True)
    )
    return f"(?-i:{alts})" if case_sensitive else f"(?:{alts})"


def _part_sources(
    parts: Mapping[str, Any], lexicon: Mapping[str, Any], fname: str
) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, spec in parts.items():
        if isinstance(spec, str):
            out[name] = spec
        elif isinstance(spec, dict) and "lexicon" in spec:
            table = lexicon.get(spec["lexicon"])
            if not isinstance(table, dict | list):
                raise RuleError(f"{fname}: part {name}: unknown lexicon {spec['lexicon']!r}")
            words = list(table)
            if spec.get("capitalized"):
                words = [w[:1].upper() + w[1:] for w in words] + [w.upper() for w in words]
            out[name] = _alternation(words, bool(spec.get("capitalized")))
        else:
            raise RuleError(f"{fname}: part {name}: must be a regex string or {{lexicon: ...}}")
    return out


def _expander(parts: Mapping[str, str], fname: str) -> Callable[[str, str], str]:
    """Return expand(pattern, owner) that resolves `{Part}` refs recursively."""
    done: dict[str, str] = {}

    def expand(pattern: str, owner: str, stack: tuple[str, ...] = ()) -> str:
        def sub(m: re.Match[str]) -> str:
            ref = m.group(1)
            if ref not in parts:
                raise RuleError(f"{fname}: {owner}: unknown reference {{{ref}}}")
            if ref in stack:
                raise RuleError(f"{fname}: {owner}: circular reference {{{ref}}}")
            if ref not in done:
                done[ref] = expand(parts[ref], ref, (*stack, ref))
            return f"(?:{done[ref]})"

        return _REF.sub(sub, pattern)

    return expand


def _compile(pattern: str, owner: str, fname: str) -> re.Pattern[str]:
    try:
        # Phrases never start or end inside a word ("snow" holds no "now").
        return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{fname}: rule {owner}: regex does not compile: {exc}") from exc


def _anchors(spec: Any, lexicon: Mapping[str, Any], owner: str) -> frozenset[str] | None:
    """Expand `anchors:` (words, '@lexicon' tables, '#num', '#year') to a token set."""
    if spec is None:
        return None
    out: set[str] = set()
    for item in spec:
        item = str(item).lower()
        if item.startswith("@"):
            table = lexicon.get(item[1:])
            if table is None:
                raise RuleError(f"{owner}: unknown anchor lexicon {item!r}")
            out |= {w for k in table for w in TOKEN.findall(str(k).lower())}
        else:
            out.add(item)
    return frozenset(out)


def _build_rules(
    entries: list[dict[str, Any]],
    expand: Callable[[str, str], str],
    fname: str,
    normalizers: Mapping[str, object] | None,
    seen: set[str],
    lexicon: Mapping[str, Any],
) -> list[Rule]:
    rules = []
    for i, entry in enumerate(entries):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not name or "pattern" not in entry:
            raise RuleError(f"{fname}: entry #{i + 1}: needs 'name' and 'pattern'")
        if name in seen:
            raise RuleError(f"{fname}: rule {name}: duplicate name")
        seen.add(name)
        norm = entry.get("normalizer")
        if normalizers is not None:
            if norm not in normalizers:
                raise RuleError(f"{fname}: rule {name}: unknown normalizer {norm!r}")
            if entry.get("type") not in _TYPES:
                raise RuleError(f"{fname}: rule {name}: type must be one of {sorted(_TYPES)}")
        regex = _compile(expand(entry["pattern"], f"rule {name}"), name, fname)
        examples = tuple(str(ex) for ex in entry.get("examples") or ())
        for ex in examples:
            if not any(m.group(0) == ex for m in regex.finditer(ex)):
                raise RuleError(f"{fname}: rule {name}: example {ex!r} is not matched whole")
        anchors = _anchors(entry.get("anchors"), lexicon, f"{fname}: rule {name}")
        for ex in examples:
            if anchors is not None and not anchors & _tokens(ex):
                raise RuleError(f"{fname}: rule {name}: example {ex!r} has none of its anchors")
        priority = int(entry.get("priority", 0))
        reach = _reach(entry.get("reach", (90, 90)), f"{fname}: rule {name}")
        rules.append(
            Rule(name, regex, entry.get("type"), norm, examples, fname, priority, anchors, reach)
        )
    return rules


def _reach(spec: Any, owner: str) -> tuple[int, int]:
    """`reach: [before, after]`: two non-negative character counts."""
    if not (isinstance(spec, list | tuple) and len(spec) == 2):
        raise RuleError(f"{owner}: reach must be [before, after]")
    before, after = spec
    if not (isinstance(before, int) and isinstance(after, int) and before >= 0 and after >= 0):
        raise RuleError(f"{owner}: reach must be two non-negative integers")
    return before, after


def _tokens(text: str) -> set[str]:
    out = set()
    for tok in TOKEN.findall(text.lower()):
        out |= token_keys(tok)
    return out


def token_keys(tok: str) -> set[str]:
    """Anchor keys of one lower-case token: itself, its singular, and #num/#year for digits."""
    if tok.isdigit():
        return {"#num", "#year"} if len(tok) == 4 and 1600 <= int(tok) < 2100 else {"#num"}
    return {tok, tok[:-1]} if tok.endswith("s") else {tok}


def build(files: Mapping[str, dict[str, Any]], normalizers: Mapping[str, object]) -> RuleSet:
    """Build a RuleSet from parsed YAML documents keyed by file name (validates everything)."""
    lexicon: dict[str, Any] = {}
    raw_parts: dict[str, tuple[str, Any]] = {}
    for fname, data in files.items():
        lexicon.update(data.get("lexicon") or {})
        for pname, spec in (data.get("parts") or {}).items():
            if pname in raw_parts:
                raise RuleError(f"{fname}: part {pname}: duplicate name")
            raw_parts[pname] = (fname, spec)
    parts: dict[str, str] = {}
    for fname in files:
        mine = {n: s for n, (f, s) in raw_parts.items() if f == fname}
        parts.update(_part_sources(mine, lexicon, fname))
    seen: set[str] = set()
    rules: list[Rule] = []
    negatives: list[Rule] = []
    for fname, data in files.items():
        expand = _expander(parts, fname)
        rules += _build_rules(data.get("rules") or [], expand, fname, normalizers, seen, lexicon)
        negatives += _build_rules(data.get("negatives") or [], expand, fname, None, seen, lexicon)
    words = {a for r in rules + negatives for a in r.anchors or () if not a.startswith("#")}
    forms = words | {w + "s" for w in words}
    anchor_words = {f: tuple(k for k in {f, f.removesuffix("s")} if k in words) for f in forms}
    return RuleSet(tuple(rules), tuple(negatives), lexicon, parts, anchor_words)


@cache
def load(lang: str = "en") -> RuleSet:
    """Load, validate and compile the rules of `lang` once per process."""
    from api.temporal.normalize import NORMALIZERS  # late: normalize needs no patterns

    folder = RULES_DIR / lang
    files = {p.name: _read(p) for p in sorted(folder.glob("*.yaml"))}
    if not files:
        raise RuleError(f"no rule files in {folder}")
    return build(files, NORMALIZERS)
