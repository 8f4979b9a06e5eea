"""Single records, and the related rows a reply shows beside them (for edges without loaders)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from api.services.errors import NotFound
from db.models import Article, Claim, Speaker, Verification
from db.repositories.articles import ArticleRepository
from db.repositories.claims import ClaimRepository
from db.repositories.speakers import SpeakerRepository


@dataclass(frozen=True)
class Related:
    """The articles and speakers of some claims, by primary key."""

    articles: dict[int, Article]
    speakers: dict[int, Speaker]


async def related(session: AsyncSession, claims: Sequence[Claim]) -> Related:
    """Two queries whatever the number of claims."""
    article_ids = sorted({c.article_id for c in claims})
    speaker_ids = sorted({c.speaker_id for c in claims if c.speaker_id is not None})
    articles = await ArticleRepository(session).by_ids(article_ids) if article_ids else []
    speakers = await SpeakerRepository(session).by_ids(speaker_ids) if speaker_ids else []
    return Related({a.id: a for a in articles}, {s.id: s for s in speakers})


async def get_article(session: AsyncSession, article_id: int) -> Article:
    article = await ArticleRepository(session).get(article_id)
    if article is None:
        raise NotFound("no article with this ID")
    return article


async def article_claims(session: AsyncSession, article_id: int) -> list[Claim]:
    """The article's items in text order."""
    return await ClaimRepository(session).by_article_ids([article_id])


async def get_speaker(session: AsyncSession, speaker_id: int) -> Speaker:
    speakers = await SpeakerRepository(session).by_ids([speaker_id])
    if not speakers:
        raise NotFound("no speaker with this ID")
    return speakers[0]


async def speaker_status_counts(session: AsyncSession, speaker_id: int) -> dict[str, int]:
    """How many of the speaker's items carry each verdict (statuses with none are left out)."""
    rows = await ClaimRepository(session).status_counts([speaker_id])
    return {status: n for _, status, n in rows}


async def get_claim(session: AsyncSession, claim_id: int) -> Claim:
    claim = await ClaimRepository(session).get(claim_id)
    if claim is None:
        raise NotFound("no claim with this ID")
    return claim


async def claim_history(session: AsyncSession, claim_id: int) -> list[Verification]:
    """Verdicts of one claim, newest first."""
    return await ClaimRepository(session).verifications_for([claim_id])
