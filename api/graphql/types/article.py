from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.graphql.context import Info
from api.graphql.types.arguments import After, Before, FilterArg, First, Last, OrderArg
from api.graphql.types.enums import Order
from api.graphql.types.node import Node
from api.graphql.types.timeline_filter import TimelineFilter
from api.services import ids
from db.models import Article as ArticleModel

if TYPE_CHECKING:
    from api.graphql.types.connection import ClaimConnection


@strawberry.type(description="An ingested news article.")
class Article(Node):
    title: str = strawberry.field(description="Headline.")
    url: str | None = strawberry.field(description="Where it was published.")
    outlet: str | None = strawberry.field(description="Publication, e.g. 19FortyFive.")
    author: str | None = strawberry.field(description="Byline.")
    published_at: date = strawberry.field(description="Publication date: the reference time.")
    text: str = strawberry.field(description="Full text; item offsets index into it.")

    @classmethod
    def from_model(cls, model: ArticleModel) -> Article:
        return cls(
            id=strawberry.ID(ids.encode("Article", model.id)),
            title=model.title,
            url=model.url,
            outlet=model.outlet,
            author=model.author,
            published_at=model.published_at,
            text=model.text,
        )

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
        from api.graphql.types.connection import claim_connection

        f = replace((filter or TimelineFilter()).to_service(), article_id=self.id)
        return await claim_connection(info, f, order, first, after, last, before)
