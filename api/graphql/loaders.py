"""DataLoaders, built fresh for each request: one query per batch of keys.

An AsyncSession runs one statement at a time, while strawberry resolves sibling fields
concurrently: `Loaders.lock` makes the batches, and resolvers that call a service directly,
take turns on the request's session.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from api.services.timeline import Page, TimelineFilter, first_pages_by_article
from db.models import Article, Claim, Speaker, Verification
from db.repositories.articles import ArticleRepository
from db.repositories.claims import ClaimRepository
from db.repositories.speakers import SpeakerRepository

T = TypeVar("T")
K = TypeVar("K")

# (article id, filter, descending, first, today): the first page of one article's claims.
FirstPageKey = tuple[int, TimelineFilter, bool, int | None, date]


def _aligned(keys: Sequence[int], rows: Sequence[T], key_of: Callable[[T], int]) -> list[T | None]:
    by_key = {key_of(row): row for row in rows}
    return [by_key.get(k) for k in keys]


@dataclass
class Loaders:
    lock: asyncio.Lock
    article_by_id: DataLoader[int, Article | None]
    claim_by_id: DataLoader[int, Claim | None]
    speaker_by_id: DataLoader[int, Speaker | None]
    verification_by_id: DataLoader[int, Verification | None]
    verifications_by_claim_id: DataLoader[int, list[Verification]]
    status_counts_by_speaker_id: DataLoader[int, dict[str, int]]
    first_claims_by_article: DataLoader[FirstPageKey, Page]


def build_loaders(session: AsyncSession) -> Loaders:
    lock = asyncio.Lock()

    def serialized(
        load: Callable[[Sequence[K]], Awaitable[list[T]]],
    ) -> Callable[[Sequence[K]], Awaitable[list[T]]]:
        async def run(keys: Sequence[K]) -> list[T]:
            async with lock:
                return await load(keys)

        return run

    claims = ClaimRepository(session)

    async def articles(keys: Sequence[int]) -> list[Article | None]:
        return _aligned(keys, await ArticleRepository(session).by_ids(keys), lambda a: a.id)

    async def claims_by_id(keys: Sequence[int]) -> list[Claim | None]:
        return _aligned(keys, await claims.by_ids(keys), lambda c: c.id)

    async def speakers(keys: Sequence[int]) -> list[Speaker | None]:
        return _aligned(keys, await SpeakerRepository(session).by_ids(keys), lambda s: s.id)

    async def verifications(keys: Sequence[int]) -> list[Verification | None]:
        return _aligned(keys, await claims.verifications_by_ids(keys), lambda v: v.id)

    async def history(keys: Sequence[int]) -> list[list[Verification]]:
        grouped: dict[int, list[Verification]] = defaultdict(list)
        for v in await claims.verifications_for(keys):
            grouped[v.claim_id].append(v)
        return [grouped.get(k, []) for k in keys]

    async def status_counts(keys: Sequence[int]) -> list[dict[str, int]]:
        counts: dict[int, dict[str, int]] = defaultdict(dict)
        for speaker_id, status, n in await claims.status_counts(keys):
            counts[speaker_id][status] = n
        return [counts.get(k, {}) for k in keys]

    async def first_pages(keys: Sequence[FirstPageKey]) -> list[Page]:
        # One statement per distinct (filter, order, size): usually one for a whole list.
        groups: dict[tuple[TimelineFilter, bool, int | None, date], list[int]] = defaultdict(list)
        for article_id, *rest in keys:
            groups[tuple(rest)].append(article_id)  # type: ignore[index]
        pages: dict[FirstPageKey, Page] = {}
        for (f, descending, first, today), article_ids in groups.items():
            found = await first_pages_by_article(
                session, f, article_ids, today=today, descending=descending, first=first
            )
            pages.update({(pk, f, descending, first, today): page for pk, page in found.items()})
        return [pages[key] for key in keys]

    return Loaders(
        lock=lock,
        article_by_id=DataLoader(load_fn=serialized(articles)),
        claim_by_id=DataLoader(load_fn=serialized(claims_by_id)),
        speaker_by_id=DataLoader(load_fn=serialized(speakers)),
        verification_by_id=DataLoader(load_fn=serialized(verifications)),
        verifications_by_claim_id=DataLoader(load_fn=serialized(history)),
        status_counts_by_speaker_id=DataLoader(load_fn=serialized(status_counts)),
        first_claims_by_article=DataLoader(load_fn=serialized(first_pages)),
    )
