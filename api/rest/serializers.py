"""Models → the JSON shapes of api.rest.schemas (snake_case, global IDs, inclusive dates)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from api.services import ids
from api.services.claims import is_due
from api.services.details import Related

if TYPE_CHECKING:
    from db.models import Article, Claim, Speaker, Verification

JSON = dict[str, Any]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _instant(value: datetime) -> str:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def article_ref(article: Article) -> JSON:
    return {
        "id": ids.encode("Article", article.id),
        "title": article.title,
        "published_at": article.published_at.isoformat(),
        "url": article.url,
    }


def article_summary(article: Article) -> JSON:
    return {**article_ref(article), "outlet": article.outlet, "author": article.author}


def article_detail(
    article: Article, claims: Sequence[Claim], related: Related, today: date
) -> JSON:
    return {
        **article_summary(article),
        "text": article.text,
        "claims": [claim(c, related, today) for c in claims],
    }


def speaker(model: Speaker) -> JSON:
    return {"id": ids.encode("Speaker", model.id), "name": model.name, "aliases": model.aliases}


def primary_time(model: Claim) -> JSON | None:
    if model.time_value is None:
        return None
    return {
        "text": model.time_text or "",
        "value": model.time_value,
        "start": _day(model.time_start),
        "end": _day(model.time_end),
        "granularity": model.time_granularity,
        "role": model.time_role or "",
    }


def time_anchor(data: dict[str, Any]) -> JSON:
    return {
        "text": data.get("text") or "",
        "value": data.get("value") or "",
        "start": data.get("start"),
        "end": data.get("end"),
        "granularity": data.get("granularity"),
        "role": data.get("role") or "",
    }


def claim(model: Claim, related: Related, today: date) -> JSON:
    who = related.speakers.get(model.speaker_id) if model.speaker_id is not None else None
    return {
        "id": ids.encode("Claim", model.id),
        "kind": model.kind,
        "text": model.text,
        "start": model.start_offset,
        "end": model.end_offset,
        "quote": model.quote,
        "confidence": model.confidence,
        "speaker": {"id": ids.encode("Speaker", who.id), "name": who.name} if who else None,
        "article": article_ref(related.articles[model.article_id]),
        "time": primary_time(model),
        "times": [time_anchor(t) for t in model.times],
        "status": model.status,
        "revision": model.revision,
        "due": is_due(model, today),
    }


def verification(model: Verification) -> JSON:
    return {
        "id": ids.encode("Verification", model.id),
        "status": model.status,
        "note": model.note,
        "evidence_urls": list(model.evidence_urls),
        "verified_by": model.verified_by,
        "revision": model.revision,
        "created_at": _instant(model.created_at),
    }


def claim_detail(
    model: Claim, related: Related, history: Sequence[Verification], today: date
) -> JSON:
    return {**claim(model, related, today), "verifications": [verification(v) for v in history]}
