"""Direction of a phrase from its sentence: does "in March" point back or ahead?

The nearest tense cue around the phrase (inside its sentence) wins: a future cue
(will, 'll, going to, expected, plans, ...) or a past cue (said, was, did, -ed verbs, ...).
A present-simple timetable verb governing the phrase ("leaves Wednesday", "faces elections
in May") and a present copula ("is set for", "is due", "The deadline is Friday") are future
cues too. Cue words are rule data (`future_cues`, `past_cues`, `not_past_ed`,
`future_cues_before_to`, `schedule_verbs`, `schedule_participles`, `schedule_for_verbs`,
`reporting_verbs`, `forecast_cues`, `forecast_levels` in lexicon.yaml). A present-tense
forecast with no cue ("Rain is likely Thursday", "Saturday has a high of 94") looks ahead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

Direction = Literal["past", "future"] | None

_WINDOW = 160
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# Mid-sentence "May" is the month or a name ("Theresa May lost"), never the modal.
_MAY = re.compile(r"(?<=[a-z,] )May\b")
_BOUNDARY = re.compile(r"[.!?;]\s+(?=[A-Z\"'])|\n")


@cache
def _words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words)


# The cue lists `_classify` takes, in its argument order (the last one is optional).
_CUE_LISTS = ("future_cues", "past_cues", "not_past_ed", "future_cues_before_to")


def _cues(lexicon: Mapping[str, Any]) -> tuple[frozenset[str], ...]:
    required = (_words(tuple(lexicon[k])) for k in _CUE_LISTS)
    return (*required, _words(tuple(lexicon.get("past_same_form", ()))))


@cache
def _names(lexicon_names: tuple[str, ...]) -> re.Pattern[str]:
    """A weekday or month named just before a coordinator: "on Thursday and [Friday]"."""
    alt = "|".join(sorted((re.escape(n) for n in lexicon_names), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{alt})\.?(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
        r"(?:and|or|to|through|until|till)\s+(?:on\s+|in\s+)?$",
        re.IGNORECASE,
    )


_PARTICIPLE_AFTER = frozenset({"be", "been", "being", "to", "get", "gets"})
# After a modal a past-cue word is a bare verb: "could last into Thursday", "will cost".
_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must"})
# After these an -ed word is an adjective ("a still unspecified date", "the planned talks").
_ADJECTIVE_AFTER = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "these", "those"}
    | {"still", "newly", "s"}  # "s": the tail of a curly possessive ("the country’s")
)
# "was initially scheduled to begin on Saturday, but ...": a plan that has been replaced.
_FORMERLY = frozenset({"originally", "initially", "previously"})


# A present progressive is a plan when it governs a date ("is facing a Tuesday deadline").
_PROGRESSIVE = frozenset({"is", "are", "am", "'s", "'re"})
# Not a verb, or an ongoing state rather than a plan ("is continuing to try ... under a June
# agreement").
_NOT_PROGRESSIVE = frozenset({"being", "during", "including", "according", "nothing"})
_NOT_PROGRESSIVE |= {"continuing", "trying", "seeking", "struggling", "remaining", "working"}

# A present "is/are" right before the phrase ("The deadline is Friday", "The vote is on
# Wednesday") or before a scheduling participle ("is set for", "is due in court") looks ahead.
_BE_PRESENT = frozenset({"is", "are", "am", "be", "been", "being"})
_BE_BEFORE_PHRASE = frozenset({"is", "are"})
_COPULA_GAP = frozenset({"on", "in", "at", "for", "until", "till", "through"})
# "is to testify on Wednesday": a present "is/are to" + verb is a plan.
_IS_TO = frozenset({"is", "are", "am"})
# A schedule verb counts only this close to its phrase ("who leaves office on Monday").
_SCHEDULE_WORDS = 8
_RIGHT_SCHEDULE_WORDS = 4
# Before a present verb form: a determiner or preposition makes it a noun ("the start",
# "in return"); an auxiliary decides on its own ("will return", "did not return", "has run").
_NOT_BEFORE_SCHEDULE = frozenset(
    {
        "of",
        "at",
        "in",
        "on",
        "by",
        "for",
        "from",
        "with",
        "to",
        "into",
        "until",
        "before",
        "after",
        "over",
        "under",
        "per",
        "as",
        "than",
        "not",
        "never",
        "did",
        "didn't",
        "does",
        "do",
        "doesn't",
        "don't",
        "has",
        "have",
        "had",
        "having",
        "no",
        "any",
        "each",
        "every",
        "year",
        "fiscal",
        "quarter",
        "month",
        "week",
    }
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these"}
    | {"those", "be", "still", "newly"}
)
# Pronoun subjects of a plural present verb ("they meet Friday").
_PLURAL_SUBJECTS = frozenset({"they", "we", "you", "i", "both"})
# The explicit future that reaches a phrase further back in its clause.
_WILL = frozenset({"will", "'ll", "shall", "won't"})
# Modals whose bare verb reaches a phrase further back in its clause as "will" does; not
# before "have" ("would have met"), nor a past "could" ("could not be reached Monday").
_FAR_MODALS = frozenset({"would", "could", "can", "might", "should", "must", "may"})
_PERFECT = frozenset({"have", "'ve"})
_NOT_AFTER_MODAL = {"could": _PERFECT | {"not", "be", "never"}}
# Relative pronouns that open a clause with its own tense (", who leaves office on Monday,").
_RELATIVE = frozenset({"who", "which", "whose", "whom"})


_NOT_VERB = frozenset(
    {
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "him",
        "them",
        "us",
        "me",
        "it",
        "this",
        "that",
        "these",
        "those",
        "be",
        "death",
        "date",
        "power",
        "office",
        "court",
        "prison",
        "jail",
    }
)


def _infinitive(left: list[re.Match[str]], i: int) -> bool:
    """Whether left[i] is the "to" of an infinitive with words between it and the phrase:
    "to" right before a lower-case word ("to surrender", not "to Kyiv", "to 5%", "to the")."""
    if left[i].group(0) != "to" or i + 2 >= len(left):
        return False
    verb = left[i + 1]
    return (
        verb.start() == left[i].end() + 1
        and verb.group(0).islower()
        and verb.group(0) not in _NOT_VERB
    )


# A subject that takes a singular verb: "a sandstorm hit", "it hit" (not "they hit").
_NOT_SUBJECT = _PLURAL_SUBJECTS | _NOT_BEFORE_SCHEDULE | _DETERMINERS | _MODALS | _NOT_VERB
# What opens the object of a verb ("hit the city", "cut its forecast"); not "a hit in March".
_OBJECT_START = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "him", "them", "us"}
    | {"me", "it", "this", "that", "these", "those", "some", "several", "many", "much"}
)


def _same_form_past(low: str, prev: str | None, nxt: str | None, same: frozenset[str]) -> bool:
    """Whether a verb whose past is its bare form ("hit", "cut") is past here: after a
    singular subject and before its object ("a sandstorm hit the city in March")."""
    if low not in same or prev is None or nxt not in _OBJECT_START:
        return False
    if prev in {"had", "has", "have", "he", "she", "it"}:
        return True
    return prev.isalpha() and prev not in _NOT_SUBJECT and not prev.endswith("s")


def _perfect_participle(word: str | None, past: frozenset[str]) -> bool:
    """ "been", "contracted", "left": a participle after "may have" (not "have a deal")."""
    return word is not None and (word == "been" or word.endswith("ed") or word in past)


def _classify(
    low: str,
    prev: str | None,
    nxt: str | None,
    future: frozenset[str],
    past: frozenset[str],
    not_ed: frozenset[str],
    before_to: frozenset[str],
    same: frozenset[str] = frozenset(),
    *,
    after: str | None = None,
) -> Direction | Literal["replaced"]:
    if (
        (prev == "had" or prev in _FORMERLY)
        and (low in future or low in before_to)
        and (low.endswith("ed") or low in {"due", "set"})
    ):
        # "had been due to expire Friday", "was initially scheduled to begin on Saturday":
        # a plan since replaced, whose date may lie either side of the DCT.
        return "replaced"
    if low in _FAR_MODALS and nxt in _PERFECT and _perfect_participle(after, past):
        return "past"  # "may have contracted", "would have met": a past possibility
    if low in future or low.endswith("'ll") or (low == "going" and nxt == "to"):
        return "future"
    if low in before_to and nxt == "to":
        return "future"
    if (
        prev in _PROGRESSIVE
        and len(low) > 4
        and low.endswith("ing")
        and low not in _NOT_PROGRESSIVE
    ):
        return "future"  # "is facing a deadline on Tuesday", "are meeting Friday": a plan
    if nxt == "than" and low in {"earlier", "later", "sooner"}:
        return None  # "no earlier than Thursday": a bound, not the tense of the clause
    if low in past:
        # "would be paid", "is to be held", "the case is heard in May": an irregular
        # participle after be/to or a present "is" says nothing.
        if prev in _PARTICIPLE_AFTER or prev in _MODALS or prev in _IS_TO:
            return None
        return "past"
    if _same_form_past(low, prev, nxt, same):
        return "past"
    # "-ed" after be/been/to is a participle; the auxiliary before it decides.
    if (
        len(low) > 4
        and low.endswith("ed")
        and low not in not_ed
        and prev not in _PARTICIPLE_AFTER
        and prev not in _IS_TO  # "if agreement is reached": a present passive
        and prev not in _ADJECTIVE_AFTER
        and not (prev or "").endswith("'s")  # "the country's damaged grid": an adjective
        and not low.startswith("un")  # "unspecified", "unnamed": adjectives
    ):
        return "past"
    return None


# ", followed by grades K-3 on Nov. 2", ", killed in March": a participle opening a reduced
# clause right after a comma has no tense of its own; the finite verb beyond decides.
_REDUCED_NEXT = frozenset(
    {"by", "in", "on", "at", "for", "from", "to", "with", "until", "after", "during", "into"}
)
_FINITE_PAST = frozenset({"was", "were", "had", "did"})
# Participles that head a "<verb>ed by" phrase rather than a finite past ("followed by").
_BY_PARTICIPLES = frozenset({"followed", "preceded", "accompanied", "trailed"})


def _reduced(m: re.Match[str], low: str, nxt: str | None, reporting: frozenset[str]) -> bool:
    """Whether past-cue token `m` is such a participle: after a comma, before a preposition
    (not a reporting verb: ", said on Monday"); "followed by" is one even without the comma
    ("highs near 100 followed by cooler air Friday")."""
    if nxt not in _REDUCED_NEXT or low in _FINITE_PAST or low in reporting:
        return False
    if nxt == "by" and low in _BY_PARTICIPLES:
        return True
    return m.string[max(0, m.start() - 3) : m.start()].rstrip().endswith(",")


def _pluperfect(words: list[str], i: int) -> str | None:
    """The word before words[i], with "had been" read as "had" ("had been scheduled")."""
    if i == 0:
        return None
    if words[i - 1] == "been" and i >= 2 and words[i - 2] == "had":
        return "had"
    return words[i - 1]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - _WINDOW)
    left = text[lo : start + 1]  # one more: a phrase opening its sentence is its capital
    cuts = [m.end() for m in _BOUNDARY.finditer(left) if m.end() <= start - lo]
    lo = lo + cuts[-1] if cuts else lo
    right = text[end : end + _WINDOW]
    m = _BOUNDARY.search(right)
    return lo, end + (m.start() if m else len(right))


def _low(m: re.Match[str]) -> str:
    """The token lower-cased, except a mid-sentence "May", kept apart from the modal."""
    return m.group(0) if _MAY.match(m.string, m.start()) else m.group(0).lower()


def _schedule(toks: list[re.Match[str]], i: int, gap: int, sched: frozenset[str]) -> bool:
    """Whether toks[i] is a present-simple schedule verb `gap` words from the phrase:
    "Congress leaves Wednesday", "Talks resume Monday", "who faces elections in May"."""
    low = toks[i].group(0).lower()
    if low not in sched or gap > _SCHEDULE_WORDS:
        return False
    if i == 0:
        return low.endswith("s")  # "Returns Wednesday" opens no clause of its own
    prev = toks[i - 1]
    p = prev.group(0).lower()
    if p in _NOT_BEFORE_SCHEDULE or p in _DETERMINERS or p in _MODALS:
        return False
    text, a, b = toks[i].string, toks[i].start(), toks[i].end()
    if text[a - 1 : a] == "-" or text[b : b + 1] == "-":
        return False  # "year-end", "start-up", "run-up"
    if re.match(r"\s+of\b", text[b : b + 5]):
        return False  # "head of", "the start of": a noun
    if low.endswith("s"):
        return True
    # A bare form needs a plural subject right before it: "Lawmakers return", "they meet",
    # "Leicester play", "and end"; not "a fresh start".
    return (
        p in _PLURAL_SUBJECTS
        or p == "and"
        or (p.endswith("s") and not p.endswith("'s"))
        or prev.group(0)[:1].isupper()
    )


def _present_plan(toks: list[str], i: int, gap: int, participles: frozenset[str]) -> bool:
    """A present copula that dates its subject ("The deadline is Friday", "is set for 9 a.m.
    Friday", "is due in court Wednesday", "is to testify on Wednesday")."""
    low = toks[i]
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if low in participles and prev in _BE_PRESENT:
        return not (prev == "been" and i >= 2 and toks[i - 2] == "had")
    if low == "to" and prev in _IS_TO and nxt is not None and nxt not in _NOT_VERB:
        return True
    return low in _BE_BEFORE_PHRASE and all(t in _COPULA_GAP for t in toks[i + 1 :]) and gap <= 1


_CLAUSE_CUT = re.compile(r",(?!\d)|[;:()\u2014\u2013]| - ")


def _clause_start(text: str, lo: int, start: int) -> int:
    """Where the clause holding text[start] begins: after the last comma (not "1,000"),
    semicolon, colon, dash or bracket before it in its sentence."""
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(text, lo, start)]
    return cuts[-1] if cuts else lo


def direction(
    text: str, start: int, end: int, lexicon: Mapping[str, Any], limit: int = 40
) -> Direction:
    """'past', 'future' or None for the phrase text[start:end], from the nearest tense cue
    within `limit` words on either side (see `_scan`)."""
    return _scan(text, start, end, lexicon, limit)[0]


def replaced_plan(
    text: str, start: int, end: int, lexicon: Mapping[str, Any], limit: int = 40
) -> bool:
    """Whether the nearest cue is a plan since replaced ("had been scheduled to meet on
    Tuesday", "was initially set to begin on Saturday"): its date may lie either side."""
    d, cue, _ = _scan(text, start, end, lexicon, limit)
    return d is None and cue is not None


def past_perfect(text: str, start: int, end: int, lexicon: Mapping[str, Any]) -> bool:
    """Whether the nearest cue is "had" ("By October, TARP had entered the vocabulary"): a
    past seen from a later past, never a date ahead of the DCT."""
    d, cue, _ = _scan(text, start, end, lexicon, 40)
    return d == "past" and cue == "had"


# A past cue that is no verb of the phrase: "due to expire last Thursday, to Nov. 6".
_PAST_ADVERBS = frozenset({"ago", "last", "earlier", "previously", "since"})
_CLEAR_PAST_WORDS = 5
_OPEN_BETWEEN = frozenset({"to", "be", "being", "is", "are"})


def clear_past(text: str, start: int, end: int, lexicon: Mapping[str, Any]) -> bool:
    """Whether a past-tense verb right before the phrase governs it: "He died in July",
    "one agreed in February", "was appointed in July". A reporting verb ("said", "told")
    or a past cue further away says less: what is reported may still lie ahead."""
    d, cue, gap = _scan(text, start, end, lexicon, 40)
    if d != "past" or cue is None or not 0 <= gap <= _CLEAR_PAST_WORDS:
        return False
    if cue in _PAST_ADVERBS or cue in lexicon.get("reporting_verbs", ()):
        return False
    if cue in lexicon.get("schedule_participles", ()):
        return False  # "was planned for early March": a plan made, not an event
    # "shares, to be completed around Nov. 1": an infinitive or passive between them is
    # the phrase's own verb, and its time is open.
    between = [m.group(0).lower() for m in _TOKEN.finditer(text, max(0, start - 200), start)]
    return not _OPEN_BETWEEN.intersection(between[len(between) - gap :] if gap else [])


# "came ahead of Pakistan's February 8 parliamentary elections", "jailed before the Feb. 10
# vote": a date premodifying an event noun after ahead of/before dates that event, not the
# past verb, which only says it came first.
_AHEAD_OF = re.compile(
    r"(?i:\b(?:ahead\s+of|before|prior\s+to|eve\s+of|(?:run|lead|build)-up\s+to))\s+"
    r"(?:(?:the|this|next|its|their)\s+)?(?:[\w.&-]+['\u2019]s\s+)?$"
)
_EVENT_NOUN = re.compile(r"\s+(?P<word>[a-z][a-z-]+)\b")
_NOT_NOUN = frozenset({"and", "or", "to", "at", "in", "on", "when", "as", "if", "but", "that"})


def _premodifies_event(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] premodifies a noun after ahead of/before (see `_AHEAD_OF`)."""
    m = _EVENT_NOUN.match(text, end)
    return bool(
        m and m["word"] not in _NOT_NOUN and _AHEAD_OF.search(text, max(0, start - 60), start)
    )


_DAY_DATE = re.compile(r"[A-Za-z]+\.?\s+\d{1,2}")
_FOR_THE = re.compile(r"\bfor\s+(?:the|its|their|this|a)\s+$", re.IGNORECASE)


def _dated_event(text: str, start: int, end: int, lexicon: Mapping[str, Any]) -> bool:
    """Whether a month-day premodifies an event noun after "for the" ("opted against ... for
    the Sept. 5 opener"): a past verb further off dates the decision, not the event (not
    "overturned the outcome of the May 21 election")."""
    m = _EVENT_NOUN.match(text, end)
    return bool(
        m
        and _DAY_DATE.fullmatch(text, start, end)
        and _FOR_THE.search(text, max(0, start - 20), start)
        and m["word"] in _words(tuple(lexicon.get("event_nouns", ())))
    )


# "Forecasters said Thursday will be cooler": a phrase right after a verb of saying or
# thinking, followed at once by a future verb, is that verb's subject ("He said Thursday it
# will rain" is not: the pronoun is the subject, and "said" dates the phrase).
_SUBJECT_AFTER = frozenset(
    {"said", "says", "say", "predicted", "predicts", "forecast", "forecasts", "warned", "warns"}
    | {"expect", "expects", "think", "thinks", "believe", "believes", "that"}
)
_SUBJECT_MODALS = frozenset({"will", "shall", "won't", "should", "could", "might", "may", "must"})
_SUBJECT_GAP = re.compile(r"(?:\s+(?:and|or)\s+[A-Z][a-z]+)?\s+")


def _future_subject(
    text: str,
    end: int,
    before: str | None,
    right: list[str],
    right_m: list[re.Match[str]],
    cues: tuple[frozenset[str], ...],
    participles: frozenset[str],
) -> str | None:
    """The future verb whose subject the phrase is (see `_SUBJECT_AFTER`), if any; "and
    Friday" may come between ("said Thursday and Friday will be cooler")."""
    if before not in _SUBJECT_AFTER or not right:
        return None
    j = 2 if len(right) > 2 and right[0] in {"and", "or"} else 0
    if not _SUBJECT_GAP.fullmatch(text, end, right_m[j].start()):
        return None
    verb = right[j]
    if verb in _SUBJECT_MODALS:
        return verb
    nxt = right[j + 1] if j + 1 < len(right) else None
    if verb not in _IS_TO or nxt is None:
        return None
    after = right[j + 2] if j + 2 < len(right) else None
    plan = (nxt in cues[3] or nxt == "going") and after == "to"
    if nxt in participles or nxt in cues[0] or plan:
        return verb  # "said Friday is expected to be the hottest day"
    return None


@cache
def _forecast_words(cues: tuple[str, ...], levels: tuple[str, ...]) -> re.Pattern[str]:
    """A forecast word, or a level word before its reading (see `_forecast`)."""
    alt = "|".join(map(re.escape, cues)) or "(?!)"
    lev = "|".join(map(re.escape, levels)) or "(?!)"
    return re.compile(
        rf"\b(?:{alt})\b|\b(?:{lev})\s+(?:(?:is|are)(?:\s+(?:near|around|in))?|of|near|around|in)\s+"
        r"(?:the\s+)?(?:(?:upper|lower|mid)[\s-]+)?\d{1,3}(?![\d,.%/])"
        # a temperature, not a price or an index ("a low of 9,800", "94 cents", "94 1/2")
        r"(?!\s+(?:\d|cents|points|percent|pence|yen|dollars|million|billion))",
        re.IGNORECASE,
    )


# A present tense in the clause ("is", "There's", "has a high"), not a perfect ("has hit").
_PRESENT = re.compile(
    r"\b(?i:is|are|(?:there|it)['\u2019]s|(?:has|have)(?=\s+(?:a|an|the|highs|lows)\b))\b"
)
# A weekday as the subject of a present verb of weather ("Thursday looks cooler", "Friday
# brings rain"): a forecast with no forecast word.
_DAY_SUBJECT_VERB = re.compile(
    r",?\s+(?:looks|stays|turns|brings|remains|becomes|feels|starts|promises)\s+"
    r"(?:like\s+)?(?:a\s+|an\s+)?(?:(?:much|even|a\s+bit|slightly|mostly|very)\s+)?"
    r"(?:cool|warm|hot|cold|dry|wet|sunny|cloudy|rainy|windy|stormy|snowy|mild|chilly|humid|"
    r"clear|fair|nice|pleasant|breezy|rain|snow|showers|storms|sun|clouds)\w*\b",
    re.IGNORECASE,
)


def _forecast(text: str, start: int, end: int, lexicon: Mapping[str, Any]) -> bool:
    """Whether the phrase's clause is a present-tense forecast with no tense cue of its own:
    "Rain is likely Thursday", "There is a chance of snow Friday", "Saturday has a high of
    94"; a forecast reads ahead."""
    words = _forecast_words(
        tuple(lexicon.get("forecast_cues", ())), tuple(lexicon.get("forecast_levels", ()))
    )
    if _DAY_SUBJECT_VERB.match(text, end):
        return True
    lo, hi = _sentence_bounds(text, start, end)
    begin = _clause_start(text, lo, start)
    cut = _CLAUSE_CUT.search(text, end, hi)
    stop = cut.start() if cut else hi
    return bool(words.search(text, begin, stop) and _PRESENT.search(text, begin, stop))


def _scan(
    text: str, start: int, end: int, lexicon: Mapping[str, Any], limit: int
) -> tuple[Direction, str | None, int]:
    """`_scan_cues`, except that a past verb does not date a phrase that premodifies an event
    ahead of it (`_premodifies_event`), and that a present-tense forecast with no cue looks
    ahead (`_forecast`)."""
    found = _scan_cues(text, start, end, lexicon, limit)
    if found[0] == "past" and (
        _premodifies_event(text, start, end)
        or (found[2] > 1 and _dated_event(text, start, end, lexicon))
    ):
        return None, None, -1
    if found == (None, None, -1) and _forecast(text, start, end, lexicon):
        return "future", None, -1
    return found


# Words that may stand before a phrase opening its clause ("that from midnight on Sunday, ...").
_FRONT_WORDS = frozenset(
    {"from", "on", "in", "at", "by", "until", "till", "starting", "beginning", "as", "of"}
    | {"early", "late", "after", "before", "midnight", "noon"}
)


def _fronted(words: list[str]) -> str | None:
    """Whether the phrase opens its clause: "start" at the head of its sentence ("On Monday,
    the Broncos travel ..."), "that" after a complementizer and a preposition ("announced that
    from Sunday, beer would rise"); there the clause's own verb, to the right, dates it."""
    k = len(words)
    while k and words[k - 1] in _FRONT_WORDS:
        k -= 1
    if k == 0:
        return "start"
    return "that" if words[k - 1] == "that" and k < len(words) else None


def _compound(m: re.Match[str]) -> bool:
    """Whether token `m` is the first part of a hyphenated modifier ("a last-ditch effort",
    "far-reaching"): no verb of the clause."""
    return m.string[m.end() : m.end() + 1] == "-" and m.string[m.end() + 1 : m.end() + 2].isalpha()


def _right_cue(
    right: list[str],
    right_m: list[re.Match[str]],
    left: list[str],
    fronted: str | None,
    cues: tuple[frozenset[str], ...],
    sched: frozenset[str],
    reporting: frozenset[str],
    end: int = -1,
) -> tuple[Direction, str | None, int] | None:
    """The nearest tense cue after the phrase (ending at `end`), if any (see `_scan_cues`)."""
    m0 = right_m[0] if right_m else None
    end = end if end >= 0 else (m0.start() if m0 else 0)
    for i, tok in enumerate(right):
        nxt = right[i + 1] if i + 1 < len(right) else None
        prev = _pluperfect(right, i) if i else (left[-1] if left else None)
        # "On Friday, the trial begins": a schedule verb just after the phrase, in its clause;
        # a bare plural one too when the phrase opens the clause ("On Monday, the Broncos
        # travel").
        if (
            0 < i <= _RIGHT_SCHEDULE_WORDS
            and (tok.endswith("s") or fronted)
            and _schedule(right_m, i, i, sched)
        ):
            if not any(w in _RELATIVE or w == "that" for w in right[:i]):
                return "future", tok, -1
        if _compound(right_m[i]):
            continue
        if (
            prev in _PROGRESSIVE
            and tok.endswith("ing")
            and _CLAUSE_CUT.search(m0.string, end, right_m[i].start())
        ):
            continue  # "After failing ... on Thursday, Greece is facing": another clause's plan
        d = _classify(tok, prev, nxt, *cues, after=right[i + 2] if i + 2 < len(right) else None)
        if d == "past" and _reduced(right_m[i], tok, nxt, reporting):
            continue
        if d:
            return (None if d == "replaced" else d), tok, -1
    return None


def _cue_at(toks: list[re.Match[str]], word: str | None) -> int:
    """Where the first token `word` starts (0 when absent)."""
    return next((m.start() for m in toks if _low(m) == word), 0)


@dataclass(slots=True)
class _Window:
    """The words around a phrase in its sentence, and the cue tables to read them with."""

    text: str
    start: int  # the first of coordinated days ("on Thursday and [Friday]")
    end: int
    lo: int
    hi: int
    limit: int
    all_left: list[re.Match[str]]  # every word from the sentence start to the phrase
    all_words: list[str]
    left_m: list[re.Match[str]]  # the last `limit` of them
    left: list[str]
    right_m: list[re.Match[str]]
    right: list[str]
    cues: tuple[frozenset[str], ...]
    sched: frozenset[str]
    participles: frozenset[str]
    set_for: frozenset[str]
    reporting: frozenset[str]

    def right_cue(self, fronted: str | None) -> Scan | None:
        return _right_cue(
            self.right, self.right_m, self.left, fronted, self.cues, self.sched,
            self.reporting, self.end,
        )  # fmt: skip


Scan = tuple[Direction, str | None, int]
# The word lists a _Window carries after its cues, in field order.
_WINDOW_LISTS = ("schedule_verbs", "schedule_participles", "schedule_for_verbs", "reporting_verbs")


def _window(text: str, start: int, end: int, lexicon: Mapping[str, Any], limit: int) -> _Window:
    names = _names(tuple(lexicon["weekdays"]) + tuple(lexicon["months"]))
    lo, hi = _sentence_bounds(text, start, end)
    if m := names.search(text, lo, start):
        start = m.start()  # "on Thursday and [Friday]": the pair shares one verb
    all_left = list(_TOKEN.finditer(text, lo, start))
    left_m = all_left[-limit:]
    all_words = [_low(m) for m in all_left]
    right_m = list(_TOKEN.finditer(text, end, hi))[:limit]
    return _Window(
        text, start, end, lo, hi, limit, all_left, all_words, left_m,
        all_words[len(all_words) - len(left_m) :], right_m, [_low(m) for m in right_m],
        _cues(lexicon),
        *(_words(tuple(lexicon.get(k, ()))) for k in _WINDOW_LISTS),
    )  # fmt: skip


def _scan_cues(text: str, start: int, end: int, lexicon: Mapping[str, Any], limit: int) -> Scan:
    """The direction, the cue word that decided it and how many words lie between the cue
    and the phrase on the left (-1 when the cue is to the right or came from afar).

    A present-simple schedule verb near the phrase ("leaves Wednesday", "begins Friday",
    "faces elections in May") or a present copula ("is set for", "is due", "The deadline is
    Friday") is a future cue. A weekday coordinated with one before it ("on Thursday and
    Friday") is read from the first. Inside a ", who/which ..." clause the main clause to the
    right does not count. When no cue is within `limit` words, an explicit future cue earlier
    in the same clause ("will attend the first meeting of a new council on Wednesday") still
    counts."""
    w = _window(text, start, end, lexicon, limit)
    left = w.left
    if verb := _future_subject(
        text, end, left[-1] if left else None, w.right, w.right_m, w.cues, w.participles
    ):
        return "future", verb, -1
    # "Wednesday's vote was close": a possessive opens no clause
    fronted = None if text.startswith(("'", "\u2019"), end) else _fronted(w.all_words)
    if fronted == "that" and (found := w.right_cue(fronted)):
        return found  # "announced that from Sunday, beer would rise": the clause's own verb
    decided, relative, reduced = _left_cue(w, fronted)
    if decided:
        return decided
    if relative:
        close = text.find(",", end, w.hi)
        w.right = w.right[: sum(1 for m in w.right_m if close < 0 or m.start() < close)]
    found = w.right_cue(fronted)
    if found and not (
        found[0] == "past"
        and len(left) >= limit
        and _CLAUSE_CUT.search(text, end, _cue_at(w.right_m, found[1]))
    ):
        return found
    if relative or text.startswith(("'s", "\u2019s"), end):
        return found or (None, None, -1)  # "get around Wednesday's ruling": a noun's modifier
    if len(left) < limit:
        return found or _bare_infinitive(w) or (None, None, -1)
    # "These will then be discussed with party leaders on Friday, a spokesman has said": a
    # past cue beyond a comma is another clause's; only a future earlier in this one beats it.
    return _far_future(w, reduced) or found or _bare_infinitive(w) or (None, None, -1)


def _bare_infinitive(w: _Window) -> Scan | None:
    """A clause with no finite verb whose infinitive governs the phrase looks ahead: a
    headline ("Congo to begin vaccinations on Monday") or a participle clause after a comma
    (", clearing the way for him to compete in a run-off on Saturday")."""
    begin = _clause_start(w.text, w.lo, w.start)
    clause = [m for m in w.all_left if m.start() >= begin]
    if not clause or len(clause) > 16:
        return None
    words = [_low(m) for m in clause]
    if begin > w.lo and not (words[0].endswith("ing") and len(words[0]) > 4):
        return None  # after a comma only a participle clause ("clearing the way for ...")
    to = next((i for i in range(1, len(words)) if _infinitive(clause, i)), None)
    if to is None or words[to - 1] in w.cues[3] or words[to - 1] in _IS_TO:
        return None
    if begin == w.lo and (
        to > 5 or any(x.endswith("ing") or x in _REDUCED_NEXT or x == "while" for x in words[:to])
    ):
        return None  # "After failing to reach ...", "Rescuers peer into rubble while trying to"
    for i, low in enumerate(words):
        prev = words[i - 1] if i else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        if low in _MODALS or low in _BE_PRESENT or low in _FINITE_PAST or low in {"has", "have"}:
            return None
        if i and _classify(low, prev, nxt, *w.cues):
            return None
    return "future", "to", -1


def _left_cue(w: _Window, fronted: str | None) -> tuple[Scan | None, bool, int]:
    """The clause before the phrase usually holds its verb: the nearest cue there, nearest
    first. Also whether a ", who/which" clause holds the phrase, and where a skipped reduced
    participle starts (", followed by ... Tuesday"; -1: none)."""
    left, left_m, cues = w.left, w.left_m, w.cues
    infinitive = False
    reduced = -1
    for_phrase = bool(left) and left[-1] == "for"
    for i in range(len(left) - 1, -1, -1):
        nxt = left[i + 1] if i + 1 < len(left) else None
        whole = len(w.all_left) - len(left) + i  # its index with the words before the window
        prev = _pluperfect(w.all_words, whole)  # the word before may lie outside the window
        gap = len(left) - 1 - i
        infinitive = infinitive or (_infinitive(left_m, i) and prev not in cues[3])
        if _schedule(w.all_left, whole, gap, w.sched) or _present_plan(left, i, gap, w.participles):
            return ("future", left[i], gap), False, reduced
        if for_phrase and left[i] in w.set_for and gap <= _SCHEDULE_WORDS:
            return ("future", left[i], gap), False, reduced  # "set a hearing for Friday"
        if _compound(left_m[i]):
            continue
        d = _classify(left[i], prev, nxt, *cues, after=left[i + 2] if i + 2 < len(left) else None)
        if d == "past" and _reduced(left_m[i], left[i], nxt, w.reporting):
            reduced = left_m[i].start()
            continue
        if d == "replaced":
            return (None, left[i], gap), False, reduced
        if d == "past" and gap >= 2 and left[i] in w.reporting and not infinitive:
            # "said the meeting on Saturday would be decisive": the phrase sits in what was
            # said, whose own future verb dates it, not the saying
            ahead = w.right_cue(fronted)
            if (
                ahead
                and ahead[0] == "future"
                and not _CLAUSE_CUT.search(w.text, w.end, _cue_at(w.right_m, ahead[1]))
            ):
                return ahead, False, reduced
        if d:
            # "ordered him to surrender by March 6": a past verb does not date what its
            # infinitive looks ahead to ("will open to traffic in January" keeps its future).
            found = (None, None, -1) if infinitive and d == "past" else (d, left[i], gap)
            return found, False, reduced
        if left[i] in _RELATIVE and w.text[w.lo : left_m[i].start()].rstrip().endswith(","):
            return None, True, reduced  # ", who ... on Monday,": the clause keeps its own tense
    return None, False, reduced


def _far_future(w: _Window, reduced: int) -> Scan | None:
    """Nothing near: an explicit future cue earlier in the same clause still governs ("He
    will attend the first meeting of a new NATO-Ukraine Council on Wednesday"). Any other
    cue, or a relative pronoun opening a clause of its own, ends the search."""
    begin = _clause_start(w.text, w.lo, w.start)
    if w.lo < begin <= reduced <= begin + 2:
        # a reduced clause opens here with no finite verb: the clause before it governs
        begin = _clause_start(w.text, w.lo, begin - 1)
    clause = [m for m in w.all_left[: len(w.all_left) - w.limit] if m.start() >= begin]
    words = [_low(m) for m in clause]
    for i in range(len(words) - 1, -1, -1):
        nxt = words[i + 1] if i + 1 < len(words) else w.left[0]
        low, prev = words[i], _pluperfect(words, i)
        if low in _WILL or (low in w.cues[3] and nxt == "to" and prev != "had"):
            return "future", low, -1
        if low in _FAR_MODALS and nxt not in _NOT_AFTER_MODAL.get(low, _PERFECT):
            return "future", low, -1  # "would report back ... and possibly agree on Monday"
        if _present_plan(words, i, _SCHEDULE_WORDS, w.participles):
            return "future", low, -1
        if low in _RELATIVE or low == "that" or _classify(low, prev, nxt, *w.cues):
            return None
        if i and _schedule(clause, i, len(words) - 1 - i + len(w.left), w.sched):
            return "future", low, -1  # "faces a tough vote in the Senate on Friday"
        if i and _schedule(clause, i, 0, w.sched):
            return None  # a present verb too far off to govern the phrase
    return None
