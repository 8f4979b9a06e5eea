"""DataLoaders, built fresh for each request: one query per batch of keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from db.models import Article, Speaker, Verification
from db.repositories.articles import ArticleRepository
from db.repositories.claims import ClaimRepository
from db.repositories.speakers import SpeakerRepository

T = TypeVar("T")


def _aligned(keys: Sequence[int], rows: Sequence[T], key_of: Callable[[T], int]) -> list[T | None]:
    by_key = {key_of(row): row for row in rows}
    return [by_key.get(k) for k in keys]


@dataclass
class Loaders:
    article_by_id: DataLoader[int, Article | None]
    speaker_by_id: DataLoader[int, Speaker | None]
    verifications_by_claim_id: DataLoader[int, list[Verification]]


def build_loaders(session: AsyncSession) -> Loaders:
    async def articles(keys: Sequence[int]) -> list[Article | None]:
        return _aligned(keys, await ArticleRepository(session).by_ids(keys), lambda a: a.id)

    async def speakers(keys: Sequence[int]) -> list[Speaker | None]:
        return _aligned(keys, await SpeakerRepository(session).by_ids(keys), lambda s: s.id)

    async def verifications(keys: Sequence[int]) -> list[list[Verification]]:
        grouped: dict[int, list[Verification]] = defaultdict(list)
        for v in await ClaimRepository(session).verifications_for(keys):
            grouped[v.claim_id].append(v)
        return [grouped.get(k, []) for k in keys]

    return Loaders(
        article_by_id=DataLoader(load_fn=articles),
        speaker_by_id=DataLoader(load_fn=speakers),
        verifications_by_claim_id=DataLoader(load_fn=verifications),
    )
