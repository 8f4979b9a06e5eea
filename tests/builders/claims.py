"""Builders for stored articles, speakers and claims (plain typed functions, real rows)."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Article, Claim, Speaker

_counter = itertools.count(1)


async def make_article(session: AsyncSession, **overrides: Any) -> Article:
    n = next(_counter)
    text = overrides.pop("text", f"Article {n} text.")
    article = Article(
        title=overrides.pop("title", f"Article {n}"),
        url=overrides.pop("url", f"https://example.com/{n}"),
        outlet=overrides.pop("outlet", "Example"),
        author=overrides.pop("author", "A. Writer"),
        published_at=overrides.pop("published_at", date(2022, 7, 28)),
        text=text,
        text_hash=hashlib.sha256(text.encode()).hexdigest(),
        **overrides,
    )
    session.add(article)
    await session.flush()
    return article


async def make_speaker(session: AsyncSession, name: str | None = None, **overrides: Any) -> Speaker:
    name = name or f"Speaker {next(_counter)}"
    speaker = Speaker(name=name, name_key=name.lower(), aliases=overrides.pop("aliases", []))
    session.add(speaker)
    await session.flush()
    return speaker


async def make_claim(session: AsyncSession, article: Article, **overrides: Any) -> Claim:
    """A claim dated by `time_start`/`time_end` when given, else by the article's date."""
    time_start = overrides.pop("time_start", None)
    claim = Claim(
        article_id=article.id,
        kind=overrides.pop("kind", "CLAIM"),
        text=overrides.pop("text", f"Statement {next(_counter)}."),
        start_offset=overrides.pop("start_offset", 0),
        end_offset=overrides.pop("end_offset", 10),
        quote=overrides.pop("quote", False),
        confidence=overrides.pop("confidence", 0.9),
        time_start=time_start,
        time_end=overrides.pop("time_end", time_start),
        time_value=overrides.pop("time_value", time_start.isoformat() if time_start else None),
        time_text=overrides.pop("time_text", "then" if time_start else None),
        time_role=overrides.pop("time_role", "event" if time_start else None),
        time_granularity=overrides.pop("time_granularity", "day" if time_start else None),
        times=overrides.pop("times", []),
        sort_date=time_start or article.published_at,
        status=overrides.pop("status", "UNVERIFIED"),
        revision=overrides.pop("revision", 0),
        **overrides,
    )
    session.add(claim)
    await session.flush()
    return claim
