from __future__ import annotations

import strawberry

from api.graphql.access import CanRead
from api.graphql.context import Info
from api.graphql.errors import coded_errors
from api.graphql.queries.nodes import load_typed
from api.graphql.types.arguments import After, Before, First, IdArg, Last
from api.graphql.types.article import Article
from api.graphql.types.connection import ArticleConnection
from api.services.catalog import PageArgs, list_articles


@strawberry.type
class ArticleQuery:
    @strawberry.field(
        description="One article; null when no article has this ID.",
        permission_classes=[CanRead],
    )
    async def article(self, info: Info, id: IdArg) -> Article | None:
        return await load_typed(info, id, "Article")

    @strawberry.field(
        description="Articles, newest publication first.", permission_classes=[CanRead]
    )
    async def articles(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> ArticleConnection:
        with coded_errors():
            async with info.context.loaders.lock:
                args = PageArgs(first, after, last, before)
                page = await list_articles(info.context.session, args)
        return ArticleConnection.from_page(page)
