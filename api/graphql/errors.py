"""How user mistakes reach GraphQL clients: userErrors in payloads, coded errors in queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import strawberry
from graphql import GraphQLError

from api.services.errors import UserError


@strawberry.type(
    name="UserError", description="A mistake in a mutation's input; nothing was written."
)
class UserErrorType:
    field: str | None = strawberry.field(
        description="The input field at fault (camelCase), or null for the whole request."
    )
    message: str = strawberry.field(description="What is wrong, for people.")
    code: str = strawberry.field(
        description="Stable code for programs: INVALID, TOO_LARGE, NOT_FOUND, INVALID_ID, "
        "CONFLICT, UNAUTHENTICATED, FORBIDDEN."
    )

    @classmethod
    def from_error(cls, error: UserError) -> UserErrorType:
        return cls(field=error.field, message=error.message, code=error.code)


@contextmanager
def coded_errors() -> Iterator[None]:
    """In queries, turn a UserError into a GraphQL error with `extensions.code` (and field)."""
    try:
        yield
    except UserError as exc:
        extensions = {"code": exc.code, **({"field": exc.field} if exc.field else {})}
        raise GraphQLError(exc.message, extensions=extensions) from exc
