"""Attribution: speaker phrases, and one speaker for every form of the same name."""

from __future__ import annotations

import pytest

from api.extract.attribute import find
from api.extract.rules import load
from api.extract.segment import quote_spans
from api.extract.speakers import Speakers, parse_mention
from api.extract.tokens import tokenize


def speaker_phrase(text: str) -> str | None:
    rules = load()
    tokens = tokenize(text, 0, len(text), quote_spans(text, 0, len(text)), rules.non_final_abbrevs)
    found = find(text, tokens, rules)
    return found.surface if found else None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Putin said his military would strike.", "Putin"),
        ("“We see 70 cases,” said the CDC’s Dr. Michael Jhung.", "the CDC’s Dr. Michael Jhung"),
        ("According to a senior defense official, 16 HIMARS were sent.",
         "a senior defense official"),
        ("In a statement, the Defense Department revealed $175 million.", "the Defense Department"),
        ("“The choice is theirs,” the tweet continues.", "the tweet"),
        ("Russia continues to shell Kharkiv.", None),
        ("This week, Russian President Vladimir Putin threatened strikes.",
         "Russian President Vladimir Putin"),
        ("The United States Department of Defense announced aid.",
         "The United States Department of Defense"),
        ("Prices rose, economists at Goldman Sachs said.", "economists at Goldman Sachs"),
        ("Vaccinations will resume, she said.", "she"),
        ("The minister “said” nothing new.", None),
    ],
    ids=["subject-verb", "inverted", "according-to", "org-after-intro", "document",
         "no-report-verb", "titled-person", "org-capital-the", "unnamed-at", "pronoun",
         "quoted-verb"],
)  # fmt: skip
def test_speaker_phrase(text: str, surface: str | None) -> None:
    assert speaker_phrase(text) == surface


@pytest.mark.parametrize(
    ("forms", "canonical"),
    [
        (["Russian President Vladimir Putin", "Putin", "the Russian leader"], "Vladimir Putin"),
        (["The United States Department of Defense", "the Defense Department"],
         "United States Department of Defense"),
        (["Ukraine’s Ministry of Defense", "the Ukrainian Defense Ministry", "the ministry"],
         "Ukraine’s Ministry of Defense"),
        (["Health Secretary Maria Lopez", "she"], "Maria Lopez"),
        (["German Chancellor Olaf Scholz", "The German leader"], "Olaf Scholz"),
    ],
    ids=["person", "org-us", "org-possessive", "pronoun", "descriptor"],
)  # fmt: skip
def test_aliases_merge(forms: list[str], canonical: str) -> None:
    speakers = Speakers(load())
    resolved = {id(speakers.resolve(form)) for form in forms}
    assert len(resolved) == 1
    (speaker,) = speakers.all
    assert speaker.canonical == canonical


def test_different_speakers_stay_apart() -> None:
    speakers = Speakers(load())
    official = speakers.resolve("a Ukrainian official")
    other = speakers.resolve("a senior defense official")
    leader = speakers.resolve("the French leader")
    assert len({id(official), id(other), id(leader)}) == 3
    putin = speakers.resolve("Russian President Vladimir Putin")
    assert speakers.resolve("the French president") is not putin


@pytest.mark.parametrize(
    ("surface", "kind"),
    [("a Ukrainian official", "unnamed"), ("U.S. officials", "unnamed"), ("Russia", "org"),
     ("NATO", "org"), ("the tweet", "document"), ("he", "pronoun"),
     ("State Department spokesman Ned Price", "person"), ("a Gallup poll", "org")],
)  # fmt: skip
def test_mention_kinds(surface: str, kind: str) -> None:
    assert parse_mention(surface, load()).kind == kind
