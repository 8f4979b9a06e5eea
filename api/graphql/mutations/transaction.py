"""Commit at the edge: a mutation's service call commits on success, rolls back on a userError."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from api.graphql.access import require_role
from api.graphql.context import Info
from api.graphql.errors import UserErrorType
from api.services.errors import UserError

T = TypeVar("T")


async def in_transaction(
    info: Info, role: str, action_name: str, action: Callable[[], Awaitable[T]]
) -> T | list[UserErrorType]:
    """Check the caller's role, run `action`, commit; or roll back and return the userErrors."""
    session = info.context.session
    async with info.context.loaders.lock:
        try:
            require_role(info.context.principal, role, action_name)
            result = await action()
            await session.commit()
        except UserError as exc:
            await session.rollback()
            return [UserErrorType.from_error(exc)]
        except BaseException:
            await session.rollback()
            raise
    return result
