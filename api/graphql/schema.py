"""The schema; `strawberry export-schema api.graphql.schema:schema` writes schema.graphql."""

from __future__ import annotations

import strawberry

from api.graphql.queries.timeline import TimelineQuery


@strawberry.type
class Query(TimelineQuery):
    pass


schema = strawberry.Schema(query=Query)
