"""Relay connections: edges with cursors, pageInfo and totalCount."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from api.graphql.context import Info
from api.graphql.errors import coded_errors
from api.graphql.types.article import Article
from api.graphql.types.claim import Claim
from api.graphql.types.enums import Order
from api.graphql.types.speaker import Speaker
from api.services.catalog import ListPage
from api.services.timeline import Page, timeline_count, timeline_page
from api.services.timeline import TimelineFilter as ServiceFilter
from db.models import Article as ArticleModel
from db.models import Speaker as SpeakerModel


@strawberry.type(description="Relay pagination state.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether edges follow the last one.")
    has_previous_page: bool = strawberry.field(description="Whether edges precede the first one.")
    start_cursor: str | None = strawberry.field(
        description="Cursor of the first edge: pass it as `before` for the previous page."
    )
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last edge: pass it as `after` for the next page."
    )

    @classmethod
    def of(cls, cursors: Sequence[str], has_next: bool, has_previous: bool) -> PageInfo:
        return cls(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        )


@strawberry.type(description="A claim and its cursor.")
class ClaimEdge:
    cursor: str = strawberry.field(description="Opaque position of this edge.")
    node: Claim = strawberry.field(description="The claim or prediction.")


@strawberry.type(description="A page of claims.")
class ClaimConnection:
    edges: list[ClaimEdge] = strawberry.field(description="The items of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    filter: strawberry.Private[ServiceFilter]

    @classmethod
    def from_page(cls, page: Page, f: ServiceFilter) -> ClaimConnection:
        edges = [
            ClaimEdge(cursor=c, node=Claim.from_model(m))
            for m, c in zip(page.items, page.cursors, strict=True)
        ]
        info = PageInfo.of(page.cursors, page.has_next, page.has_previous)
        return cls(edges=edges, page_info=info, filter=f)

    @strawberry.field(description="Items matching the filter, all pages.")
    async def total_count(self, info: Info) -> int:
        # Counted only when asked for: on a large timeline the count is a scan.
        async with info.context.loaders.lock:
            return await timeline_count(info.context.session, self.filter, today=info.context.today)


async def claim_connection(
    info: Info,
    f: ServiceFilter,
    order: Order,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> ClaimConnection:
    """One timeline page; bad cursors, IDs or sizes become coded GraphQL errors."""
    with coded_errors():
        async with info.context.loaders.lock:
            page = await timeline_page(
                info.context.session,
                f,
                today=info.context.today,
                descending=order is Order.DESC,
                first=first,
                after=after,
                last=last,
                before=before,
                with_total=False,
                related=True,
            )
    return ClaimConnection.from_page(page, f)


@strawberry.type(description="An article and its cursor.")
class ArticleEdge:
    cursor: str = strawberry.field(description="Opaque position of this edge.")
    node: Article = strawberry.field(description="The article.")


@strawberry.type(description="A page of articles, newest publication first.")
class ArticleConnection:
    edges: list[ArticleEdge] = strawberry.field(description="The articles of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="Articles in all pages.")

    @classmethod
    def from_page(cls, page: ListPage[ArticleModel]) -> ArticleConnection:
        edges = [
            ArticleEdge(cursor=c, node=Article.from_model(m))
            for m, c in zip(page.items, page.cursors, strict=True)
        ]
        info = PageInfo.of(page.cursors, page.has_next, page.has_previous)
        return cls(edges=edges, page_info=info, total_count=page.total)


@strawberry.type(description="A speaker and its cursor.")
class SpeakerEdge:
    cursor: str = strawberry.field(description="Opaque position of this edge.")
    node: Speaker = strawberry.field(description="The speaker.")


@strawberry.type(description="A page of speakers, in name order.")
class SpeakerConnection:
    edges: list[SpeakerEdge] = strawberry.field(description="The speakers of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="Speakers in all pages.")

    @classmethod
    def from_page(cls, page: ListPage[SpeakerModel]) -> SpeakerConnection:
        edges = [
            SpeakerEdge(cursor=c, node=Speaker.from_model(m))
            for m, c in zip(page.items, page.cursors, strict=True)
        ]
        info = PageInfo.of(page.cursors, page.has_next, page.has_previous)
        return cls(edges=edges, page_info=info, total_count=page.total)
