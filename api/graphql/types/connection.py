from __future__ import annotations

import strawberry

from api.graphql.types.claim import Claim
from api.services.timeline import Page


@strawberry.type(description="Relay pagination state.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="A claim and its cursor.")
class ClaimEdge:
    cursor: str
    node: Claim


@strawberry.type(description="A page of claims.")
class ClaimConnection:
    edges: list[ClaimEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Items matching the filter, all pages.")

    @classmethod
    def from_page(cls, page: Page) -> ClaimConnection:
        edges = [
            ClaimEdge(cursor=c, node=Claim.from_model(m))
            for m, c in zip(page.items, page.cursors, strict=True)
        ]
        info = PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        )
        return cls(edges=edges, page_info=info, total_count=page.total)
