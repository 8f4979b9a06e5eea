from __future__ import annotations

from datetime import date

import strawberry

from api.graphql.types.node import Node
from api.services import ids
from db.models import Article as ArticleModel


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
