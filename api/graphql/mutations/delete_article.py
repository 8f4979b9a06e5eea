from __future__ import annotations

from typing import Annotated

import strawberry

from api.graphql.context import Info
from api.graphql.errors import UserErrorType
from api.graphql.mutations.transaction import in_transaction
from api.services import ids
from api.services.catalog import delete_article


@strawberry.input(description="The article to remove.")
class DeleteArticleInput:
    id: strawberry.ID = strawberry.field(description="The Article ID.")


@strawberry.type(description="What was removed.")
class DeleteArticlePayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="The ID of the removed article; null when nothing was removed."
    )
    user_errors: list[UserErrorType] = strawberry.field(
        default_factory=list, description="Why nothing was removed; empty on success."
    )


@strawberry.type
class DeleteArticleMutation:
    @strawberry.mutation(
        description="Remove an article with its claims, predictions and their verdicts "
        "(speakers stay). Needs an admin token."
    )
    async def delete_article(
        self,
        info: Info,
        input: Annotated[DeleteArticleInput, strawberry.argument(description="Which article.")],
    ) -> DeleteArticlePayload:
        async def action() -> None:
            await delete_article(info.context.session, ids.decode_as(input.id, "Article"))

        errors = await in_transaction(info, "admin", "deleting an article", action)
        if errors:
            return DeleteArticlePayload(user_errors=errors)
        return DeleteArticlePayload(deleted_id=input.id)
