"""Who may do what: reads are open unless settings.public_read is False; writes need roles."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from api.graphql.context import Info
from api.services.errors import Forbidden
from api.services.tokens import Principal


class CanRead(BasePermission):
    """On root query fields: anyone when reads are public, else any valid token (reader+)."""

    message = "reading needs a token: send the header Authorization: Bearer <token>"
    error_extensions = {"code": "UNAUTHENTICATED"}  # noqa: RUF012  (strawberry's class attribute)

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.settings.public_read or info.context.principal.has("reader")


def require_role(principal: Principal, role: str, action: str) -> None:
    """Raise the userError a mutation reports when the caller's role is too weak."""
    if principal.role is None:
        raise Forbidden(
            f"{action} needs an {role} token: send the header Authorization: Bearer <token>",
            "UNAUTHENTICATED",
        )
    if not principal.has(role):
        raise Forbidden(
            f"{action} needs the {role} role; token {principal.name!r} has {principal.role}"
        )
