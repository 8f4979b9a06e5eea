from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.graphql.context import Info
from api.graphql.errors import coded_errors
from api.graphql.types.arguments import After, Before, FilterArg, First, Last, OrderArg
from api.graphql.types.enums import Order
from api.graphql.types.node import ID_DESCRIPTION, Node
from api.graphql.types.timeline_filter import TimelineFilter
from api.services import ids
from api.services.paging import PageArgs
from db.models import Article as ArticleModel

if TYPE_CHECKING:
    from api.graphql.types.connection import ClaimConnection


def _article_id(root: Article) -> strawberry.ID:
    # Encoded only when asked for: a timeline page shows many articles, rarely their IDs.
    return strawberry.ID(ids.encode("Article", root.model.id))


@strawberry.type(description="An ingested news article.")
class Article(Node):
    id: strawberry.ID = strawberry.field(resolver=_article_id, description=ID_DESCRIPTION)
    title: str = strawberry.field(description="Headline.")
    url: str | None = strawberry.field(description="Where it was published.")
    outlet: str | None = strawberry.field(description="Publication, e.g. 19FortyFive.")
    author: str | None = strawberry.field(description="Byline.")
    published_at: date = strawberry.field(description="Publication date: the reference time.")
    model: strawberry.Private[ArticleModel]

    @classmethod
    def from_model(cls, model: ArticleModel) -> Article:
        return cls(
            title=model.title,
            url=model.url,
            outlet=model.outlet,
            author=model.author,
            published_at=model.published_at,
            model=model,
        )

    # A timeline page leaves the (long) text unloaded; it is fetched only when asked for.
    @strawberry.field(description="Full text; item offsets index into it.")
    def text(self, info: Info) -> str:
        if "text" in self.model.__dict__:
            return self.model.text
        return _load_text(info, self.model.id)  # type: ignore[return-value]

    @strawberry.field(description="The article's claims and predictions, in time order.")
    async def claims(
        self,
        info: Info,
        filter: FilterArg = None,
        order: OrderArg = Order.ASC,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Annotated[ClaimConnection, strawberry.lazy("api.graphql.types.connection")]:
        # Imported here: the connection module imports Claim, which imports Article.
        from api.graphql.types.connection import ClaimConnection, claim_connection

        f = replace((filter or TimelineFilter()).to_service(), article_id=_article_id(self))
        if after is not None or last is not None or before is not None:
            return await claim_connection(info, f, order, first, after, last, before)
        # A first page: batched with the other articles of a list (one statement for all).
        key = (self.model.id, replace(f, article_id=None), order is Order.DESC, first)
        with coded_errors():
            PageArgs(first=first).check()
            page = await info.context.loaders.first_claims_by_article.load(
                (*key, info.context.today)
            )
        return ClaimConnection.from_page(page, f)


async def _load_text(info: Info, article_id: int) -> str:
    # The loader's query fills the attribute the page query deferred, on the same instance.
    article = await info.context.loaders.article_by_id.load(article_id)
    assert article is not None  # the page that referenced it holds the row
    return article.text
