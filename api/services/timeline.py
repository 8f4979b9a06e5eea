"""The timeline: filtered claims in time order, with keyset cursors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from api.services import ids
from api.services.errors import UserError
from api.services.paging import DEFAULT_PAGE, PageArgs
from db.models import Claim
from db.models.claim import CLAIM_KINDS, STATUSES
from db.repositories.claims import ClaimQuery, ClaimRepository
from db.repositories.speakers import SpeakerRepository


@dataclass(frozen=True)
class TimelineFilter:
    from_date: date | None = None
    to_date: date | None = None
    kinds: Sequence[str] | None = None
    statuses: Sequence[str] | None = None
    speaker: str | None = None  # a name, an alias or a Speaker ID
    article_id: str | None = None  # an Article ID
    search: str | None = None
    due: bool | None = None


@dataclass(frozen=True)
class Page:
    items: list[Claim]
    cursors: list[str]
    has_next: bool
    has_previous: bool
    total: int | None  # None when the page was fetched without counting


def encode_cursor(claim: Claim) -> str:
    return ids.opaque(f"{claim.sort_date.isoformat()}|{claim.id}")


def decode_cursor(cursor: str, field: str) -> tuple[date, int]:
    day, _, pk = (ids.unopaque(cursor) or "").partition("|")
    number = ids.parse_pk(pk)
    try:
        if number is not None:
            return date.fromisoformat(day), number
    except ValueError:
        pass
    raise UserError(f"not a valid cursor: {cursor!r}", field, "INVALID_CURSOR")


async def build_query(session: AsyncSession, f: TimelineFilter, today: date) -> ClaimQuery:
    """Check the filter and turn names and IDs into what the repository filters on."""
    if f.from_date and f.to_date and f.from_date > f.to_date:
        raise UserError("from must not be after to", "from")
    _check_members(f.kinds, CLAIM_KINDS, "kinds")
    _check_members(f.statuses, STATUSES, "statuses")
    speaker_ids = await _speaker_ids(session, f.speaker) if f.speaker else None
    article_id = ids.decode_as(f.article_id, "Article", "articleId") if f.article_id else None
    return ClaimQuery(
        from_date=f.from_date,
        to_date=f.to_date,
        kinds=f.kinds,
        statuses=f.statuses,
        speaker_ids=speaker_ids,
        article_id=article_id,
        search=f.search or None,
        due=f.due,
        today=today,
    )


def _check_members(values: Sequence[str] | None, allowed: Sequence[str], field: str) -> None:
    bad = [v for v in values or () if v not in allowed]
    if bad:
        raise UserError(
            f"unknown {field}: {', '.join(bad)}; expected one of {', '.join(allowed)}", field
        )


async def _speaker_ids(session: AsyncSession, speaker: str) -> list[int]:
    try:
        kind, pk = ids.decode(speaker)
    except UserError:
        return await SpeakerRepository(session).ids_matching(speaker)
    return [pk] if kind == "Speaker" else []


async def timeline_page(
    session: AsyncSession,
    f: TimelineFilter,
    *,
    today: date,
    descending: bool = False,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    with_total: bool = True,
    related: bool = False,
) -> Page:
    """One page of the filtered timeline, Relay style (first/after forward, last/before back).

    Counting every match costs a scan; `with_total=False` skips it (`Page.total` is None) for
    callers that count only on demand with `timeline_count`. `related` preloads each item's
    speaker, article and verifications (see ClaimRepository.page).
    """
    query = await build_query(session, f, today)
    args = PageArgs(first, after, last, before)
    args.check()
    repo = ClaimRepository(session)
    total = await repo.count(query) if with_total else None
    if args.backward:
        limit = DEFAULT_PAGE if last is None else last
        key = decode_cursor(before, "before") if before else None
        rows = await repo.page(
            query, descending=not descending, after=key, limit=limit + 1, related=related
        )
        items = list(reversed(rows[:limit]))
        return _page(
            items, has_next=before is not None, has_previous=len(rows) > limit, total=total
        )
    limit = DEFAULT_PAGE if first is None else first
    key = decode_cursor(after, "after") if after else None
    rows = await repo.page(
        query, descending=descending, after=key, limit=limit + 1, related=related
    )
    return _page(
        rows[:limit], has_next=len(rows) > limit, has_previous=after is not None, total=total
    )


async def first_pages_by_article(
    session: AsyncSession,
    f: TimelineFilter,
    article_ids: Sequence[int],
    *,
    today: date,
    descending: bool = False,
    first: int | None = None,
) -> dict[int, Page]:
    """The first page of each article's claims (as `timeline_page` with `articleId`, no
    cursor, `related`), for many articles at once; `f.article_id` is ignored."""
    query = await build_query(session, replace(f, article_id=None), today)
    PageArgs(first=first).check()
    limit = DEFAULT_PAGE if first is None else first
    rows = await ClaimRepository(session).first_pages(
        query, article_ids, descending=descending, limit=limit + 1
    )
    grouped: dict[int, list[Claim]] = {pk: [] for pk in article_ids}
    for claim in rows:
        grouped[claim.article_id].append(claim)
    return {
        pk: _page(items[:limit], has_next=len(items) > limit, has_previous=False, total=None)
        for pk, items in grouped.items()
    }


async def timeline_count(session: AsyncSession, f: TimelineFilter, *, today: date) -> int:
    """How many items match the filter, all pages."""
    return await ClaimRepository(session).count(await build_query(session, f, today))


def _page(items: list[Claim], *, has_next: bool, has_previous: bool, total: int | None) -> Page:
    return Page(items, [encode_cursor(c) for c in items], has_next, has_previous, total)
