"""Articles and speakers as lists (newest articles first, speakers by name), and deletion."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from api.services import ids
from api.services.errors import NotFound, UserError
from api.services.paging import DEFAULT_PAGE, PageArgs
from db.models import Article, Speaker
from db.repositories.articles import ArticleRepository
from db.repositories.speakers import SpeakerRepository


class _HasId(Protocol):
    id: int


T = TypeVar("T", bound=_HasId)


@dataclass(frozen=True)
class ListPage(Generic[T]):
    items: list[T]
    cursors: list[str]
    has_next: bool
    has_previous: bool
    total: int


def encode_cursor(kind: str, pk: int) -> str:
    return ids.opaque(f"{kind}|{pk}")


def decode_cursor(cursor: str, kind: str, field: str = "after") -> int:
    found, _, pk = (ids.unopaque(cursor) or "").partition("|")
    number = ids.parse_pk(pk)
    if found == kind and number is not None:
        return number
    raise UserError(f"not a valid cursor: {cursor!r}", field, "INVALID_CURSOR")


Fetch = Callable[[int | None, int, bool], Awaitable[list[T]]]


async def _page(
    kind: str, fetch: Fetch[T], count: Callable[[], Awaitable[int]], args: PageArgs
) -> ListPage[T]:
    args.check()
    if args.backward:
        limit = DEFAULT_PAGE if args.last is None else args.last
        before_id = decode_cursor(args.before, kind, "before") if args.before else None
        rows = await fetch(before_id, limit + 1, True)
        items = list(reversed(rows[:limit]))
        has_next, has_previous = args.before is not None, len(rows) > limit
    else:
        limit = DEFAULT_PAGE if args.first is None else args.first
        after_id = decode_cursor(args.after, kind) if args.after else None
        rows = await fetch(after_id, limit + 1, False)
        items = rows[:limit]
        has_next, has_previous = len(rows) > limit, args.after is not None
    cursors = [encode_cursor(kind, row.id) for row in items]
    return ListPage(items, cursors, has_next, has_previous, await count())


async def list_articles(session: AsyncSession, args: PageArgs) -> ListPage[Article]:
    """Articles, newest publication first."""
    repo = ArticleRepository(session)
    return await _page("article", repo.page, repo.count, args)


async def list_speakers(session: AsyncSession, args: PageArgs) -> ListPage[Speaker]:
    """Speakers in name order."""
    repo = SpeakerRepository(session)
    return await _page("speaker", repo.page, repo.count, args)


async def delete_article(session: AsyncSession, article_id: int) -> None:
    """Remove an article; its claims and their verdicts go with it (ON DELETE CASCADE)."""
    if not await ArticleRepository(session).delete(article_id):
        raise NotFound("no article with this ID", "id")
