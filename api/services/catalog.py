"""Articles and speakers as lists (newest articles first, speakers by name), and deletion."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from api.services import ids
from api.services.errors import NotFound, UserError
from api.services.timeline import DEFAULT_PAGE, MAX_PAGE
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


def decode_cursor(cursor: str, kind: str) -> int:
    found, _, pk = (ids.unopaque(cursor) or "").partition("|")
    number = ids.parse_pk(pk)
    if found == kind and number is not None:
        return number
    raise UserError(f"not a valid cursor: {cursor!r}", "after", "INVALID_CURSOR")


async def _page(
    kind: str,
    fetch: Callable[[int | None, int], Awaitable[list[T]]],
    count: Callable[[], Awaitable[int]],
    first: int | None,
    after: str | None,
) -> ListPage[T]:
    if first is not None and not 0 <= first <= MAX_PAGE:
        raise UserError(f"first must be between 0 and {MAX_PAGE}", "first")
    limit = DEFAULT_PAGE if first is None else first
    after_id = decode_cursor(after, kind) if after else None
    rows = await fetch(after_id, limit + 1)
    items = rows[:limit]
    cursors = [encode_cursor(kind, row.id) for row in items]
    return ListPage(items, cursors, len(rows) > limit, after is not None, await count())


async def list_articles(
    session: AsyncSession, *, first: int | None = None, after: str | None = None
) -> ListPage[Article]:
    """Articles, newest publication first."""
    repo = ArticleRepository(session)
    return await _page("article", repo.page, repo.count, first, after)


async def list_speakers(
    session: AsyncSession, *, first: int | None = None, after: str | None = None
) -> ListPage[Speaker]:
    """Speakers in name order."""
    repo = SpeakerRepository(session)
    return await _page("speaker", repo.page, repo.count, first, after)


async def delete_article(session: AsyncSession, article_id: int) -> None:
    """Remove an article; its claims and their verdicts go with it (ON DELETE CASCADE)."""
    if not await ArticleRepository(session).delete(article_id):
        raise NotFound("no article with this ID", "id")
