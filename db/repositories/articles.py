from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Article
from db.repositories.keyset import keyset_page


class ArticleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, article_id: int) -> Article | None:
        return await self.session.get(Article, article_id)

    async def by_ids(self, ids: Sequence[int]) -> list[Article]:
        rows = await self.session.scalars(select(Article).where(Article.id.in_(ids)))
        return list(rows)

    async def find_existing(self, url: str | None, text_hash: str) -> Article | None:
        """The article with this URL or, when there is no URL, with this exact text."""
        if url:
            query = select(Article).where(Article.url == url)
        else:
            query = select(Article).where(Article.text_hash == text_hash, Article.url.is_(None))
        return (await self.session.scalars(query.order_by(Article.id).limit(1))).first()

    async def page(self, after_id: int | None, limit: int, backward: bool = False) -> list[Article]:
        """Newest publication first (`backward`: oldest first), after the article `after_id`."""
        query = keyset_page(Article, Article.published_at, ascending=backward, after_id=after_id)
        return list(await self.session.scalars(query.limit(limit)))

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count(Article.id))) or 0)

    async def delete(self, article_id: int) -> bool:
        result = await self.session.execute(delete(Article).where(Article.id == article_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]
