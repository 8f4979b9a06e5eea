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
        ("Drones were downed, the air force said on Wednesday.", "the air force"),
        ("A deal could come soon, one banker said.", "one banker"),
        ("Economists polled by Reuters expect a cut.", "Economists polled by Reuters"),
        ("Some investors worry that demand may slow.", "Some investors"),
        ("Scientists fear the virus could adapt.", "Scientists"),
        ("Scalise, the No. 2 Republican, has already announced his bid.", "Scalise"),
        ("The spokeswoman, Maria Zakharova, said Moscow would respond.", "Maria Zakharova"),
        ("The CDC on Tuesday recommended new shots.", "The CDC"),
        ("Sunak scrapped the line, saying its costs had doubled.", "Sunak"),
        ("Jobs rose, according to CME Group's FedWatch tool.", "CME Group's FedWatch tool"),
        ("Revenue rose, according to people familiar with its finances.",
         "people familiar with its finances"),
        ("Cuts hit 8%, according to an internal memo seen by The Verge.",
         "an internal memo seen by The Verge"),
        ("“Rates will rise,” said ONS director of statistics Darren Morgan.",
         "ONS director of statistics Darren Morgan"),
        ("Zelenskiy called it “vile” and vowed a response.", "Zelenskiy"),
        ("An official, speaking anonymously, said the army was ready.", "An official"),
        ("Sales beat Wall Street forecasts.", None),
        ("The government is expected to publish the report.", None),
    ],
    ids=["subject-verb", "inverted", "according-to", "org-after-intro", "document",
         "no-report-verb", "titled-person", "org-capital-the", "unnamed-at", "pronoun",
         "quoted-verb", "trailing-common-nouns", "trailing-quantifier", "object-of-by",
         "that-verb", "that-less-clause", "appositive-after-subject", "appositive-name",
         "time-before-verb", "participle", "according-trailing-noun", "according-source",
         "according-document", "inverted-long-title", "coordinated-verb",
         "content-subject-not-speaker", "noun-not-verb", "passive"],
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


def test_titles_and_partitives() -> None:
    rules = load()
    assert parse_mention("WHO Director-General Tedros Ghebreyesus", rules).name == (
        "Tedros Ghebreyesus"
    )
    speakers = Speakers(rules)
    source = speakers.resolve("two people familiar with the matter")
    assert speakers.resolve("one of the people") is source
    assert source.canonical == "two people familiar with the matter"


def test_org_noun_stands_for_the_last_organisation() -> None:
    speakers = Speakers(load())
    boeing = speakers.resolve("Boeing")
    mention = parse_mention("the planemaker", load())
    assert speakers.org_noun(mention)
    assert speakers.organisation(mention) is boeing
    assert not speakers.org_noun(parse_mention("the World Health Organization", load()))


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
     ("State Department spokesman Ned Price", "person"), ("a Gallup poll", "org"),
     ("Some hardline Republicans", "unnamed"), ("one of the people", "unnamed"),
     ("the planemaker", "unnamed"), ("an internal memo seen by The Verge", "document"),
     ("Analysts at Morgan Stanley", "unnamed")],
)  # fmt: skip
def test_mention_kinds(surface: str, kind: str) -> None:
    assert parse_mention(surface, load()).kind == kind
