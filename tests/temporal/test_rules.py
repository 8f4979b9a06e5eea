"""Rule data integrity: every example is found by its own rule; bad data fails loudly."""

from __future__ import annotations

from typing import Any

import pytest

from api.temporal.normalize import NORMALIZERS
from api.temporal.patterns import RuleError, build, load

RULES = load("en")


@pytest.mark.parametrize(
    "rule", [pytest.param(r, id=r.name) for r in RULES.rules + RULES.negatives]
)
def test_examples_are_matched_by_their_rule(rule: Any) -> None:
    for example in rule.examples:
        assert any(m.group(0) == example for m in rule.regex.finditer(example)), example


def test_every_rule_has_examples_or_is_context_bound() -> None:
    bare = {r.name for r in RULES.rules if not r.examples}
    # These need their context (a lookbehind or lookahead), so their examples live in the corpus.
    context_bound = {"duration_vague_plural", "duration_vague_over", "year_ended", "set_rate"}
    context_bound |= {"duration_vague_anchored", "duration_vague_of"}
    context_bound |= {"ordinal_day", "coordinated_day", "duration_while", "unit_ended"}
    context_bound |= {"clock_range_first", "daypart_meeting", "daypart_subject"}
    context_bound |= {"weekend_adjective"}
    assert bare <= context_bound | {"past_time", "season_in_the", "future_one_day", "clock_daypart"}


def _files(rule: dict[str, Any]) -> dict[str, dict[str, Any]]:
    base = {"parts": {"Word": "foo"}, "lexicon": {"signals": ["in"]}}
    return {"base.yaml": base, "bad.yaml": {"rules": [rule]}}


GOOD = {"name": "good", "type": "DATE", "normalizer": "present_ref", "pattern": "{Word}"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"pattern": "{Nope}"}, "unknown reference {Nope}"),
        ({"pattern": "(unclosed"}, "does not compile"),
        ({"normalizer": "no_such"}, "unknown normalizer"),
        ({"type": "DAY"}, "type must be one of"),
        ({"examples": ["bar"]}, "is not matched whole"),
        ({"anchors": ["@missing"]}, "unknown anchor lexicon"),
        ({"reach": [10]}, "reach must be [before, after]"),
        ({"reach": [10, -1]}, "two non-negative integers"),
    ],
)
def test_bad_rule_data_names_file_and_rule(change: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleError) as err:
        build(_files({**GOOD, **change}), NORMALIZERS)
    assert "bad.yaml" in str(err.value)
    assert "good" in str(err.value)
    assert message in str(err.value)


def test_duplicate_rule_names_fail() -> None:
    files = _files(GOOD)
    files["bad.yaml"]["rules"].append(dict(GOOD))
    with pytest.raises(RuleError, match=r"bad\.yaml: rule good: duplicate name"):
        build(files, NORMALIZERS)


def test_good_rule_builds() -> None:
    rs = build(_files({**GOOD, "examples": ["foo"]}), NORMALIZERS)
    assert [r.name for r in rs.rules] == ["good"]
    assert rs.rules[0].reach == (90, 90)
    narrow = build(_files({**GOOD, "reach": [5, 40]}), NORMALIZERS)
    assert narrow.rules[0].reach == (5, 40)
