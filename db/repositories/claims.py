from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, not_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Claim, Verification
from db.repositories.related_page import related_page, timeline_order

OPEN_STATUSES = ("UNVERIFIED", "IN_REVIEW")
# Roles that put a prediction's time in the future of the article: its end is when it is due.
DUE_ROLES = ("deadline", "expected")


@dataclass(frozen=True)
class ClaimQuery:
    """Filters of the timeline; None means "any"."""

    from_date: date | None = None
    to_date: date | None = None
    kinds: Sequence[str] | None = None
    statuses: Sequence[str] | None = None
    speaker_ids: Sequence[int] | None = None
    article_id: int | None = None
    search: str | None = None
    due: bool | None = None
    today: date | None = None


def due_condition(today: date) -> ColumnElement[bool]:
    """A prediction whose deadline has passed while nobody has settled it."""
    return and_(
        Claim.kind == "PREDICTION",
        Claim.time_role.in_(DUE_ROLES),
        Claim.time_end < today,
        Claim.status.in_(OPEN_STATUSES),
    )


def _conditions(q: ClaimQuery) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if q.from_date is not None:  # intervals overlap [from, to]
        conds.append(func.coalesce(Claim.time_end, Claim.sort_date) >= q.from_date)
    if q.to_date is not None:
        conds.append(Claim.sort_date <= q.to_date)
    if q.kinds:
        conds.append(Claim.kind.in_(q.kinds))
    if q.statuses:
        conds.append(Claim.status.in_(q.statuses))
    if q.speaker_ids is not None:
        conds.append(Claim.speaker_id.in_(q.speaker_ids))
    if q.article_id is not None:
        conds.append(Claim.article_id == q.article_id)
    if q.search:
        conds.append(Claim.text.ilike(f"%{_escape_like(q.search)}%", escape="\\"))
    if q.due is not None and q.today is not None:
        cond = due_condition(q.today)
        conds.append(cond if q.due else not_(cond))
    return conds


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class ClaimRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, claim_id: int) -> Claim | None:
        return await self.session.get(Claim, claim_id, populate_existing=True)

    async def by_ids(self, ids: Sequence[int]) -> list[Claim]:
        return list(await self.session.scalars(select(Claim).where(Claim.id.in_(ids))))

    async def count(self, q: ClaimQuery) -> int:
        query = select(func.count(Claim.id)).where(*_conditions(q))
        return int(await self.session.scalar(query) or 0)

    async def page(
        self,
        q: ClaimQuery,
        *,
        descending: bool,
        after: tuple[date, int] | None,
        limit: int,
        related: bool = False,
    ) -> list[Claim]:
        """Up to `limit` claims in (sort_date, id) order, strictly after the `after` key.

        `related` also gives each claim its speaker, article (without its text) and
        verifications, from one statement, as read-only records (db.records) of what a page
        displays, for callers that only display them.
        """
        key = tuple_(Claim.sort_date, Claim.id)
        query: Select[Any] = select(Claim).where(*_conditions(q))
        if after is not None:
            query = query.where(key < tuple_(*after) if descending else key > tuple_(*after))
        query = query.order_by(*timeline_order(descending)).limit(limit)
        if related:
            return await related_page(self.session, query.with_only_columns(Claim.id), descending)
        return list(await self.session.scalars(query))

    async def first_pages(
        self, q: ClaimQuery, article_ids: Sequence[int], *, descending: bool, limit: int
    ) -> list[Claim]:
        """The first `limit` claims of each article, in one statement, with their relations
        (as `page(related=True)`): ranked per article by (sort_date, id)."""
        order = timeline_order(descending)
        rank = func.row_number().over(partition_by=Claim.article_id, order_by=order)
        ranked = (
            select(Claim.id, rank.label("rank"))
            .where(*_conditions(q), Claim.article_id.in_(article_ids))
            .subquery()
        )
        ids = select(ranked.c.id).where(ranked.c.rank <= limit)
        return await related_page(self.session, ids, descending)

    async def by_article_ids(self, article_ids: Sequence[int]) -> list[Claim]:
        query = select(Claim).where(Claim.article_id.in_(article_ids))
        return list(await self.session.scalars(query.order_by(Claim.start_offset, Claim.id)))

    async def status_counts(self, speaker_ids: Sequence[int]) -> list[tuple[int, str, int]]:
        query = (
            select(Claim.speaker_id, Claim.status, func.count(Claim.id))
            .where(Claim.speaker_id.in_(speaker_ids))
            .group_by(Claim.speaker_id, Claim.status)
        )
        return [(s, st, n) for s, st, n in await self.session.execute(query)]

    async def bump_revision(self, claim_id: int, expected: int, status: str) -> bool:
        """Set the status and move to revision expected+1, only if still at `expected`."""
        result = await self.session.execute(
            update(Claim)
            .where(Claim.id == claim_id, Claim.revision == expected)
            .values(status=status, revision=expected + 1, updated_at=func.now())
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def verifications_for(self, claim_ids: Sequence[int]) -> list[Verification]:
        query = select(Verification).where(Verification.claim_id.in_(claim_ids))
        order = (Verification.claim_id, Verification.revision.desc())
        return list(await self.session.scalars(query.order_by(*order)))

    async def verifications_by_ids(self, ids: Sequence[int]) -> list[Verification]:
        query = select(Verification).where(Verification.id.in_(ids))
        return list(await self.session.scalars(query))
