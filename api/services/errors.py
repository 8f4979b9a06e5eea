"""Errors a user can cause and fix; the edges turn them into userErrors or problem+json."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class UserError(Exception):
    """A mistake in the input. `code` is stable for clients: INVALID, NOT_FOUND, CONFLICT, ..."""

    message: str
    field: str | None = None
    code: str = "INVALID"

    def __str__(self) -> str:
        return self.message


class NotFound(UserError):
    def __init__(self, message: str, field: str | None = "id") -> None:
        super().__init__(message, field, "NOT_FOUND")


class Conflict(UserError):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message, field, "CONFLICT")


class Forbidden(UserError):
    def __init__(self, message: str, code: str = "FORBIDDEN") -> None:
        super().__init__(message, None, code)
