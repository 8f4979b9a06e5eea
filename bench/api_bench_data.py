"""Synthetic news data for the API benchmark, bulk-inserted through SQLAlchemy Core.

The rows look like what extraction stores: articles whose text is made of their claims'
sentences (so offsets index into it), speakers with aliases, claims and predictions with
normalized time anchors, and a verification history on a share of them. Generation is seeded,
so two runs fill identical databases.
"""

from __future__ import annotations

import calendar
import hashlib
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.models import Article, Claim, Speaker, Verification

BATCH = 5_000
FIRST_DAY = date(2020, 1, 1)
SPAN_DAYS = 2_500  # publication dates run from 2020 to late 2026
VERIFIED_SHARE = 0.1  # claims with a verification history
NARRATION_SHARE = 0.15  # claims with no speaker (the article's own voice)
UNDATED_SHARE = 0.25  # claims with no time anchor: sorted by publication date

FIRST_NAMES = (
    "Anna Boris Carla Dmytro Elena Farid Grace Hiroshi Ines Jonas Kateryna Liam Maria Nadia "
    "Oleksii Pierre Quentin Rosa Sergei Tamara Ugo Valeria Wen Ximena Yusuf Zofia"
).split()
LAST_NAMES = (
    "Adams Bauer Costa Dubois Evans Fischer Garcia Horvat Ivanova Jensen Kowalski Lindqvist "
    "Moreau Novak Okafor Petrenko Quinn Rossi Schmidt Tkachenko Urban Volkov Weber Yilmaz Zhang"
).split()
ROLES = ("minister", "general", "spokesperson", "analyst", "governor", "adviser", "senator")
OUTLETS = ("19FortyFive", "The Ledger", "Morning Wire", "Daily Courier", "Atlas Report")
SUBJECTS = (
    "the army",
    "the central bank",
    "the ministry",
    "the coalition",
    "the government",
    "the rebels",
    "the port authority",
    "the parliament",
)
ACTIONS = (
    "retake the southern city of Kherson",
    "cut interest rates by half a point",
    "open the grain corridor to Odesa",
    "finish the new air defence line",
    "hold early elections",
    "double artillery production",
    "sign the ceasefire agreement",
    "restore power to the region",
)
PAST = (
    "retook the southern city of Kherson",
    "cut interest rates by half a point",
    "opened the grain corridor to Odesa",
    "finished the new air defence line",
    "held early elections",
    "doubled artillery production",
    "signed the ceasefire agreement",
    "restored power to the region",
)
VERDICTS = ("CONFIRMED", "PARTLY_CONFIRMED", "MISLEADING", "REFUTED", "UNVERIFIABLE")


@dataclass(frozen=True)
class FillStats:
    articles: int
    speakers: int
    claims: int
    verifications: int


def speaker_rows(count: int, rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for n in range(count):
        first, last = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[n // len(FIRST_NAMES) % 26]
        name = f"{first} {last}" + (f" {n // 676 + 1}" if n >= 676 else "")
        aliases = [last, f"{rng.choice(ROLES).title()} {last}"] if rng.random() < 0.4 else []
        rows.append({"name": name, "name_key": name.lower(), "aliases": aliases})
    return rows


def time_anchor(published: date, prediction: bool, rng: random.Random) -> dict[str, Any]:
    """A time phrase and its normalized interval, in the future for predictions."""
    shift = rng.randint(7, 700) * (1 if prediction else -1)
    day = published + timedelta(days=shift)
    role = rng.choice(("deadline", "expected")) if prediction else rng.choice(("event", "reported"))
    pick = rng.random()
    if pick < 0.3:
        phrase, value, start, end, granularity = (
            f"on {day:%d %B %Y}",
            day.isoformat(),
            day,
            day,
            "day",
        )
    elif pick < 0.75:
        last_day = calendar.monthrange(day.year, day.month)[1]
        start, end = day.replace(day=1), day.replace(day=last_day)
        phrase, value, granularity = (
            f"{'by' if prediction else 'in'} {day:%B}",
            f"{day:%Y-%m}",
            "month",
        )
    else:
        start, end = date(day.year, 1, 1), date(day.year, 12, 31)
        phrase, value, granularity = f"in {day.year}", str(day.year), "year"
    return {
        "text": phrase,
        "value": value,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "granularity": granularity,
        "role": role,
    }


def sentence(
    speaker: str | None, prediction: bool, anchor: dict[str, Any] | None, rng: random.Random
) -> tuple[str, str]:
    """A statement and its cue word."""
    subject = rng.choice(SUBJECTS)
    when = f" {anchor['text']}" if anchor else ""
    if prediction:
        cue = rng.choice(("will", "expects to", "plans to"))
        body = f"{subject.capitalize()} {cue} {rng.choice(ACTIONS)}{when}."
    else:
        cue = "said" if speaker else "reported"
        body = f"{subject.capitalize()} {rng.choice(PAST)}{when}."
    if speaker:
        return f'"{body}" {speaker} {cue if not prediction else "said"}.', cue
    return body, cue


def article_with_claims(
    number: int, claims: int, speakers: Sequence[tuple[int, str]], rng: random.Random
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One article row and its claim rows (article_id filled in later)."""
    published = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
    parts: list[str] = []
    offset = 0
    claim_rows = []
    for _ in range(claims):
        filler = f"Officials met again in the capital on day {rng.randint(1, 300)} of the talks. "
        parts.append(filler)
        offset += len(filler)
        claim = claim_row(published, speakers, rng)
        body = claim["text"]
        claim.update(start_offset=offset, end_offset=offset + len(body))
        parts.append(body + " ")
        offset += len(body) + 1
        claim_rows.append(claim)
    body_text = "".join(parts).strip()
    article = {
        "title": f"{rng.choice(SUBJECTS).capitalize()} under pressure, report {number}",
        "url": f"https://news.example.org/{published:%Y/%m}/{number}",
        "outlet": rng.choice(OUTLETS),
        "author": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "published_at": published,
        "text": body_text,
        "text_hash": hashlib.sha256(body_text.encode()).hexdigest(),
    }
    return article, claim_rows


def claim_row(
    published: date, speakers: Sequence[tuple[int, str]], rng: random.Random
) -> dict[str, Any]:
    prediction = rng.random() < 0.4
    speaker = None if rng.random() < NARRATION_SHARE else rng.choice(speakers)
    anchor = None if rng.random() < UNDATED_SHARE else time_anchor(published, prediction, rng)
    statement, cue = sentence(speaker[1] if speaker else None, prediction, anchor, rng)
    start = date.fromisoformat(anchor["start"]) if anchor else None
    return {
        "speaker_id": speaker[0] if speaker else None,
        "kind": "PREDICTION" if prediction else "CLAIM",
        "text": statement,
        "quote": speaker is not None,
        "confidence": round(rng.uniform(0.55, 0.99), 2),
        "cue": cue,
        "time_text": anchor["text"] if anchor else None,
        "time_value": anchor["value"] if anchor else None,
        "time_start": start,
        "time_end": date.fromisoformat(anchor["end"]) if anchor else None,
        "time_granularity": anchor["granularity"] if anchor else None,
        "time_role": anchor["role"] if anchor else None,
        "times": [anchor] if anchor else [],
        "sort_date": start or published,
        "status": "UNVERIFIED",
        "revision": 0,
    }


def history(claim: dict[str, Any], published: date, rng: random.Random) -> list[dict[str, Any]]:
    """A verdict history for the claim (1 to 3 entries); sets the claim's status and revision."""
    entries = rng.randint(1, 3)
    statuses = ["IN_REVIEW"] * (entries - 1) + [rng.choice(VERDICTS)]
    moment = datetime.combine(published, datetime.min.time(), UTC) + timedelta(hours=6)
    rows = []
    for revision, status in enumerate(statuses, start=1):
        moment += timedelta(days=rng.randint(1, 60), minutes=rng.randint(0, 1440))
        rows.append(
            {
                "revision": revision,
                "status": status,
                "note": f"Checked against {rng.choice(OUTLETS)} reporting.",
                "evidence_urls": [f"https://evidence.example.org/{rng.randrange(10**6)}"],
                "verified_by": rng.choice(("desk", "editor-1", "editor-2")),
                "created_at": moment,
            }
        )
    claim.update(status=statuses[-1], revision=entries)
    return rows


def batches(
    rows: Sequence[dict[str, Any]], size: int = BATCH
) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


async def insert_all(
    conn: AsyncConnection, model: type[Any], rows: Sequence[dict[str, Any]]
) -> list[int]:
    """Insert in executemany batches; return the new ids in insertion order (fresh tables)."""
    for batch in batches(rows):
        await conn.execute(insert(model), list(batch))
    ids = list(await conn.scalars(select(model.id).order_by(model.id)))
    if len(ids) != len(rows):
        raise RuntimeError(f"{model.__tablename__} was not empty before the fill")
    return ids


async def fill(
    conn: AsyncConnection, *, claims: int, articles: int, speakers: int, seed: int = 5
) -> FillStats:
    """Fill empty tables with `claims` claims spread over `articles` articles."""
    rng = random.Random(seed)
    people = speaker_rows(speakers, rng)
    speaker_ids = await insert_all(conn, Speaker, people)
    names = [(pk, row["name"]) for pk, row in zip(speaker_ids, people, strict=True)]
    article_rows, claim_rows, verifications = [], [], []
    per_article = spread(claims, articles, rng)
    for number, count in enumerate(per_article):
        article, rows = article_with_claims(number, count, names, rng)
        for row in rows:
            row["article_index"] = number
            if rng.random() < VERIFIED_SHARE:
                verifications.append((len(claim_rows), history(row, article["published_at"], rng)))
            claim_rows.append(row)
        article_rows.append(article)
    article_ids = await insert_all(conn, Article, article_rows)
    for row in claim_rows:
        row["article_id"] = article_ids[row.pop("article_index")]
    claim_ids = await insert_all(conn, Claim, claim_rows)
    verification_rows = [
        {**entry, "claim_id": claim_ids[index]}
        for index, entries in verifications
        for entry in entries
    ]
    for batch in batches(verification_rows):
        await conn.execute(insert(Verification), list(batch))
    return FillStats(len(article_rows), len(speaker_ids), len(claim_rows), len(verification_rows))


def spread(total: int, buckets: int, rng: random.Random) -> list[int]:
    """`total` split over `buckets` uneven but non-empty parts (when total >= buckets)."""
    buckets = max(1, min(buckets, total))
    weights = [rng.uniform(0.2, 1.8) for _ in range(buckets)]
    scale = (total - buckets) / sum(weights)
    counts = [1 + int(w * scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % buckets] += 1
    return counts
