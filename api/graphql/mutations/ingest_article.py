from __future__ import annotations

from typing import Annotated

import strawberry

from api.graphql.context import Info
from api.graphql.errors import UserErrorType
from api.graphql.mutations.transaction import in_transaction
from api.graphql.types.article import Article
from api.graphql.types.claim import Claim
from api.services.ingest import MAX_TEXT_CHARS, ArticleInput, IngestResult, ingest_article


@strawberry.input(description="A news article to analyse.")
class IngestArticleInput:
    title: str = strawberry.field(description="Headline (at most 500 characters).")
    text: str = strawberry.field(
        description=f"Full text (at most {MAX_TEXT_CHARS} characters); time phrases are "
        "resolved against publishedAt."
    )
    # A String rather than Date: an unparseable date is then a userError, not a validation error.
    published_at: str = strawberry.field(description="Publication date, e.g. 2022-07-28.")
    url: str | None = strawberry.field(
        default=None,
        description="http(s) URL; ingesting the same URL again returns the stored one.",
    )
    outlet: str | None = strawberry.field(default=None, description="Publication name.")
    author: str | None = strawberry.field(default=None, description="Byline.")


@strawberry.type(description="The stored article and what was extracted from it.")
class IngestArticlePayload:
    article: Article | None = strawberry.field(default=None, description="The stored article.")
    created: bool = strawberry.field(
        default=False,
        description="False when the article was stored before (same URL, or same text "
        "without URL); nothing new was written then.",
    )
    claims: list[Claim] = strawberry.field(
        default_factory=list, description="Its claims and predictions, in text order."
    )
    user_errors: list[UserErrorType] = strawberry.field(
        default_factory=list, description="Why nothing was written; empty on success."
    )


@strawberry.type
class IngestArticleMutation:
    @strawberry.mutation(
        description="Store an article with its extracted claims and predictions. Idempotent by "
        "URL (or by text when there is no URL). Needs an editor token."
    )
    async def ingest_article(
        self,
        info: Info,
        input: Annotated[IngestArticleInput, strawberry.argument(description="The article.")],
    ) -> IngestArticlePayload:
        data = ArticleInput(
            title=input.title,
            text=input.text,
            published_at=input.published_at,
            url=input.url,
            outlet=input.outlet,
            author=input.author,
        )

        async def action() -> IngestResult:
            return await ingest_article(info.context.session, data)

        result = await in_transaction(info, "editor", "ingesting an article", action)
        if isinstance(result, list):
            return IngestArticlePayload(user_errors=result)
        return IngestArticlePayload(
            article=Article.from_model(result.article),
            created=result.created,
            claims=[Claim.from_model(c) for c in result.claims],
        )
