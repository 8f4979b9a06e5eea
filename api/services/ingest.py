"""Ingest an article: validate, extract its items, store article, speakers and claims at once."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.extract import extract
from api.extract.types import Item
from api.services.errors import UserError
from db.models import Article, Claim
from db.repositories.articles import ArticleRepository
from db.repositories.claims import ClaimRepository
from db.repositories.speakers import SpeakerRepository

MAX_TEXT_CHARS = 200_000


@dataclass(frozen=True)
class ArticleInput:
    title: str
    text: str
    published_at: str | date
    url: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    claims: list[Claim]


def parse_date(value: str | date, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise UserError(f"{field} must be a date like 2022-07-28, got {value!r}", field) from None


def check_http_url(url: str, field: str) -> str:
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise UserError(f"{field} must be an http(s) URL, got {url!r}", field)
    return url.strip()


def _validate(data: ArticleInput) -> tuple[date, str | None]:
    if not data.title or not data.title.strip():
        raise UserError("title must not be empty", "title")
    if len(data.title) > 500:
        raise UserError("title is longer than 500 characters", "title")
    if not data.text or not data.text.strip():
        raise UserError("text must not be empty", "text")
    if len(data.text) > MAX_TEXT_CHARS:
        raise UserError(
            f"text has {len(data.text)} characters; the limit is {MAX_TEXT_CHARS}",
            "text",
            "TOO_LARGE",
        )
    for name in ("outlet", "author"):
        value = getattr(data, name)
        if value is not None and len(value) > 200:
            raise UserError(f"{name} is longer than 200 characters", name)
    url = check_http_url(data.url, "url") if data.url else None
    return parse_date(data.published_at, "publishedAt"), url


async def ingest_article(session: AsyncSession, data: ArticleInput) -> IngestResult:
    """Store the article and its items, or return the one already stored (same URL or text)."""
    published, url = _validate(data)
    text_hash = hashlib.sha256(data.text.encode()).hexdigest()
    articles = ArticleRepository(session)
    existing = await articles.find_existing(url, text_hash)
    if existing is not None:
        claims = await ClaimRepository(session).by_article_ids([existing.id])
        return IngestResult(existing, False, claims)
    # Extraction is CPU-bound: keep the event loop serving other requests meanwhile.
    items = await asyncio.to_thread(extract, data.text, published)
    article = Article(
        title=data.title.strip(),
        url=url,
        outlet=data.outlet,
        author=data.author,
        published_at=published,
        text=data.text,
        text_hash=text_hash,
    )
    try:
        # A savepoint: a concurrent ingest of the same URL wins the unique key, and we return its
        # article instead of failing the caller's transaction.
        async with session.begin_nested():
            session.add(article)
    except IntegrityError:
        existing = await articles.find_existing(url, text_hash)
        if existing is None:
            raise
        return IngestResult(
            existing, False, await ClaimRepository(session).by_article_ids([existing.id])
        )
    claims = [await _claim(session, article, item) for item in items]
    session.add_all(claims)
    await session.flush()
    return IngestResult(article, True, claims)


async def _claim(session: AsyncSession, article: Article, item: Item) -> Claim:
    speaker_id = None
    if item.speaker:
        speaker = await SpeakerRepository(session).upsert(item.speaker, item.speaker_aliases)
        speaker_id = speaker.id
    time = item.time
    return Claim(
        article_id=article.id,
        speaker_id=speaker_id,
        kind=item.kind.upper(),
        text=item.text,
        start_offset=item.start,
        end_offset=item.end,
        quote=item.quote,
        confidence=item.confidence,
        cue=item.cue[:200] if item.cue else None,
        time_text=time.text if time else None,
        time_value=time.value if time else None,
        time_start=time.start if time else None,
        time_end=time.end if time else None,
        time_granularity=time.granularity if time else None,
        time_role=time.role if time else None,
        times=[t.as_json() for t in item.times],
        sort_date=(time.start if time and time.start else article.published_at),
        status="UNVERIFIED",
        revision=0,
    )
