"""Formats publishing tools already read: schema.org ClaimReview, TimelineJS, CSV."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.services import ids
from api.services.claims import is_due
from api.services.details import Related, related
from api.services.errors import Conflict
from api.services.paging import MAX_PAGE
from api.services.timeline import TimelineFilter, timeline_page
from db.models import Article, Claim, Speaker, Verification

EXPORT_CAP = 1000
# Column order of the CSV export: part of the contract, append only.
CSV_COLUMNS = (
    "id",
    "kind",
    "status",
    "revision",
    "due",
    "text",
    "speaker",
    "quote",
    "confidence",
    "time_text",
    "time_value",
    "time_start",
    "time_end",
    "time_granularity",
    "time_role",
    "article_id",
    "article_title",
    "article_url",
    "published_at",
)


@dataclass(frozen=True)
class Rating:
    """A verdict on Google's fact-check scale: 1 = False … 5 = True, plus the text shown."""

    name: str
    value: int | None  # None: off the true/false scale, so only the text is given


# Statuses without an entry (UNVERIFIED, IN_REVIEW) carry no verdict to publish.
RATINGS = {
    "CONFIRMED": Rating("True", 5),
    "PARTLY_CONFIRMED": Rating("Partly true", 3),
    "MISLEADING": Rating("Misleading", 2),
    "REFUTED": Rating("False", 1),
    # Google: the textual rating is what is shown; a number is only for a true/false scale.
    "UNVERIFIABLE": Rating("Unverifiable", None),
}


def claim_review(
    claim: Claim,
    rel: Related,
    history: Sequence[Verification],
    *,
    url: str,
    reviewer: str,
) -> dict[str, Any]:
    """The claim's current verdict as schema.org ClaimReview JSON-LD; Conflict when it has none."""
    rating = RATINGS.get(claim.status)
    if rating is None or not history:
        raise Conflict(f"the item has no verdict yet (status {claim.status})", "status")
    verdict = history[0]  # newest first
    article = rel.articles[claim.article_id]
    speaker = rel.speakers.get(claim.speaker_id) if claim.speaker_id is not None else None
    review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": rating.name}
    if rating.value is not None:
        review_rating |= {"ratingValue": rating.value, "bestRating": 5, "worstRating": 1}
    if verdict.note:
        review_rating["ratingExplanation"] = verdict.note
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "datePublished": _utc_day(verdict).isoformat(),
        "author": {"@type": "Organization", "name": reviewer},
        "reviewRating": review_rating,
        "itemReviewed": {
            "@type": "Claim",
            "author": _claim_author(speaker, article),
            "datePublished": article.published_at.isoformat(),
            "appearance": _appearance(article),
        },
    }


def _utc_day(verdict: Verification) -> date:
    at = verdict.created_at
    return (at.astimezone(UTC) if at.tzinfo else at).date()


def _claim_author(speaker: Speaker | None, article: Article) -> dict[str, str]:
    """The speaker; for the article's own narration, its outlet (or byline)."""
    if speaker is not None:
        return {"@type": "Person", "name": speaker.name}
    if article.outlet:
        return {"@type": "Organization", "name": article.outlet}
    return {"@type": "Person", "name": article.author or "Unknown"}


def _appearance(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "headline": article.title,
        "datePublished": article.published_at.isoformat(),
    }
    if article.url:
        work["url"] = article.url
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.author:
        work["author"] = {"@type": "Person", "name": article.author}
    return work


async def timeline_items(
    session: AsyncSession,
    f: TimelineFilter,
    *,
    today: date,
    descending: bool = False,
    cap: int = EXPORT_CAP,
) -> tuple[list[Claim], Related]:
    """Every item of the filtered timeline, page by page, up to `cap`; with their relations."""
    items: list[Claim] = []
    after: str | None = None
    while len(items) < cap:
        page = await timeline_page(
            session, f, today=today, descending=descending, first=MAX_PAGE, after=after
        )
        items += page.items
        if not page.has_next:
            break
        after = page.cursors[-1]
    items = items[:cap]
    return items, await related(session, items)


# TimelineJS shows a date to the precision it is given: coarser anchors drop day, then month.
_PRECISION = {"year": 1, "decade": 1, "century": 1, "month": 2, "quarter": 2, "season": 2}


def _timeline_date(day: date, granularity: str | None) -> dict[str, int]:
    parts = {"year": day.year, "month": day.month, "day": day.day}
    keep = _PRECISION.get(granularity or "day", 3)
    return dict(list(parts.items())[:keep])


def timelinejs(claims: Sequence[Claim], rel: Related, title: str) -> dict[str, Any]:
    """Knight Lab TimelineJS3 JSON: one event per item, grouped by kind."""
    return {
        "title": {"text": {"headline": title, "text": f"{len(claims)} items"}},
        "events": [_event(c, rel) for c in claims],
    }


def _event(claim: Claim, rel: Related) -> dict[str, Any]:
    granularity = claim.time_granularity if claim.time_start else "day"
    event: dict[str, Any] = {
        "start_date": _timeline_date(claim.time_start or claim.sort_date, granularity),
        "text": {"headline": _headline(claim.text), "text": _event_text(claim, rel)},
        "group": claim.kind.capitalize(),
        "unique_id": ids.encode("Claim", claim.id),
    }
    if claim.time_start and claim.time_end and claim.time_end != claim.time_start:
        event["end_date"] = _timeline_date(claim.time_end, granularity)
    return event


def _headline(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _event_text(claim: Claim, rel: Related) -> str:
    article = rel.articles[claim.article_id]
    speaker = rel.speakers.get(claim.speaker_id) if claim.speaker_id is not None else None
    source = html.escape(article.title)
    if article.url:
        source = f'<a href="{html.escape(article.url)}">{source}</a>'
    who = f"{html.escape(speaker.name)}, " if speaker else ""
    return (
        f"<p>{html.escape(claim.text)}</p>"
        f"<p>— {who}{source} ({article.published_at.isoformat()}); status {claim.status}</p>"
    )


def claims_csv(claims: Sequence[Claim], rel: Related, today: date) -> str:
    """One row per item, RFC 4180: quoted as needed, CRLF line ends, a header row first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for claim in claims:
        row = _csv_row(claim, rel, today)
        writer.writerow([row[c] for c in CSV_COLUMNS])
    return out.getvalue()


def _csv_row(claim: Claim, rel: Related, today: date) -> dict[str, object]:
    article = rel.articles[claim.article_id]
    speaker = rel.speakers.get(claim.speaker_id) if claim.speaker_id is not None else None
    return {
        "id": ids.encode("Claim", claim.id),
        "kind": claim.kind,
        "status": claim.status,
        "revision": claim.revision,
        "due": "true" if is_due(claim, today) else "false",
        "text": claim.text,
        "speaker": speaker.name if speaker else "",
        "quote": "true" if claim.quote else "false",
        "confidence": f"{claim.confidence:.2f}",
        "time_text": claim.time_text or "",
        "time_value": claim.time_value or "",
        "time_start": claim.time_start.isoformat() if claim.time_start else "",
        "time_end": claim.time_end.isoformat() if claim.time_end else "",
        "time_granularity": claim.time_granularity or "",
        "time_role": claim.time_role or "",
        "article_id": ids.encode("Article", article.id),
        "article_title": article.title,
        "article_url": article.url or "",
        "published_at": article.published_at.isoformat(),
    }
