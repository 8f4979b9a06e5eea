"""Relay page arguments, shared by the timeline and the article and speaker lists."""

from __future__ import annotations

from dataclasses import dataclass

from api.services.errors import UserError

MAX_PAGE = 100
DEFAULT_PAGE = 20


@dataclass(frozen=True)
class PageArgs:
    """Relay page arguments: first/after go forward, last/before back from the end."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    def check(self) -> None:
        for name, value in (("first", self.first), ("last", self.last)):
            if value is not None and not 0 <= value <= MAX_PAGE:
                raise UserError(f"{name} must be between 0 and {MAX_PAGE}", name)
        if self.first is not None and self.last is not None:
            raise UserError("pass first or last, not both", "last")

    @property
    def backward(self) -> bool:
        return self.last is not None or (self.before is not None and self.first is None)
