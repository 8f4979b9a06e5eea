from __future__ import annotations

import strawberry

from api.graphql.access import CanRead
from api.graphql.context import Info
from api.graphql.queries.nodes import load_typed
from api.graphql.types.arguments import After, Before, FilterArg, First, IdArg, Last, OrderArg
from api.graphql.types.claim import Claim
from api.graphql.types.connection import ClaimConnection, claim_connection
from api.graphql.types.enums import Order
from api.graphql.types.timeline_filter import TimelineFilter


@strawberry.type
class TimelineQuery:
    @strawberry.field(
        description="Claims and predictions in time order: by the start of their time anchor, "
        "undated items by their article's publication date.",
        permission_classes=[CanRead],
    )
    async def timeline(
        self,
        info: Info,
        filter: FilterArg = None,
        order: OrderArg = Order.ASC,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> ClaimConnection:
        f = (filter or TimelineFilter()).to_service()
        return await claim_connection(info, f, order, first, after, last, before)

    @strawberry.field(
        description="One claim or prediction; null when no claim has this ID.",
        permission_classes=[CanRead],
    )
    async def claim(self, info: Info, id: IdArg) -> Claim | None:
        return await load_typed(info, id, "Claim")
