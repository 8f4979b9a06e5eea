"""Arguments shared by several fields, with their descriptions (Annotated aliases)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.graphql.types.enums import Order
from api.graphql.types.timeline_filter import TimelineFilter
from api.services.paging import DEFAULT_PAGE, MAX_PAGE

First = Annotated[
    int | None,
    strawberry.argument(
        description=f"Page size, counted from the start or from `after` "
        f"(default {DEFAULT_PAGE}, at most {MAX_PAGE})."
    ),
]
After = Annotated[
    str | None, strawberry.argument(description="A cursor: the page starts after this edge.")
]
Last = Annotated[
    int | None,
    strawberry.argument(
        description=f"Page size, counted back from the end or from `before` (at most {MAX_PAGE})."
    ),
]
Before = Annotated[
    str | None, strawberry.argument(description="A cursor: the page ends before this edge.")
]
OrderArg = Annotated[
    Order, strawberry.argument(description="ASC: earliest time first; DESC: latest first.")
]
FilterArg = Annotated[
    TimelineFilter | None, strawberry.argument(description="Which items to include.")
]
IdArg = Annotated[strawberry.ID, strawberry.argument(description="An opaque global ID.")]
