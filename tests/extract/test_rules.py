"""The rules data: every cue proves itself, and bad data fails when loading."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from api.extract import rules as rules_module
from api.extract.rules import RuleError, load

CUES = yaml.safe_load((rules_module.RULES_DIR / "en" / "cues.yaml").read_text(encoding="utf-8"))
ENTRIES = [
    (family, entry)
    for family, entries in CUES.items()
    if isinstance(entries, list) and entries and isinstance(entries[0], dict)
    for entry in entries
]


IDS = [f"{family}:{entry['name']}" for family, entry in ENTRIES]


@pytest.mark.parametrize(("family", "entry"), ENTRIES, ids=IDS)
def test_cue_matches_its_examples(family: str, entry: dict) -> None:
    (cue,) = [c for c in load().cues[family] if c.name == entry["name"]]
    assert entry.get("examples"), "every cue carries examples"
    for example in entry["examples"]:
        assert cue.pattern.search(example), example
    for counter in entry.get("counterexamples", ()):
        assert not cue.pattern.search(counter), counter


def test_bio_rules_match_their_examples() -> None:
    for cue in load().bio:
        assert cue.pattern.search(cue.name) is None or cue.name  # names are labels only
    bio = yaml.safe_load(
        (rules_module.RULES_DIR / "en" / "boilerplate.yaml").read_text(encoding="utf-8")
    )["bio"]
    compiled = {c.name: c.pattern for c in load().bio}
    for entry in bio:
        for example in entry["examples"]:
            assert compiled[entry["name"]].search(example), example


def _copy_rules(tmp: Path, edit: tuple[str, str, str]) -> None:
    source = rules_module.RULES_DIR / "en"
    target = tmp / "xx"
    target.mkdir()
    for path in source.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.name == edit[0]:
            assert edit[1] in text
            text = text.replace(edit[1], edit[2], 1)
        (target / path.name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("cues.yaml", "pattern: '\\b(?:threaten", "pattern: '(\\b(?:threaten"), "bad pattern"),
        (("cues.yaml", '"Moscow threatened to cut', '"Moscow cut'), "example not matched"),
        (("abbreviations.yaml", "non_final:", "not_final:"), "missing key 'non_final'"),
        (("timex.yaml", "homographs: [", "homographs: [1, "), "list of strings"),
    ],
    ids=["regex", "example", "missing-key", "not-strings"],
)
def test_bad_rules_fail_when_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: tuple[str, str, str], message: str
) -> None:
    _copy_rules(tmp_path, edit)
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path)
    load.cache_clear()
    try:
        with pytest.raises(RuleError, match=message):
            load("xx")
    finally:
        load.cache_clear()
