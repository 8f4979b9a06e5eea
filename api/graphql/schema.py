"""The schema; `strawberry export-schema api.graphql.schema:schema` writes schema.graphql."""

from __future__ import annotations

import strawberry

from api.graphql import limits
from api.graphql.execution import LeanExecutor
from api.graphql.mutations.delete_article import DeleteArticleMutation
from api.graphql.mutations.ingest_article import IngestArticleMutation
from api.graphql.mutations.set_verification import SetVerificationMutation
from api.graphql.queries.articles import ArticleQuery
from api.graphql.queries.nodes import NodeQuery
from api.graphql.queries.speakers import SpeakerQuery
from api.graphql.queries.timeline import TimelineQuery
from api.graphql.shortcuts import direct_resolvers
from api.graphql.subscriptions import Subscription


@strawberry.type(description="Reads: open to all unless the server requires a reader token.")
class Query(TimelineQuery, ArticleQuery, SpeakerQuery, NodeQuery):
    pass


@strawberry.type(description="Writes: each returns a payload with userErrors instead of failing.")
class Mutation(IngestArticleMutation, SetVerificationMutation, DeleteArticleMutation):
    pass


schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    extensions=limits.extensions(),
    execution_context_class=LeanExecutor,
)
direct_resolvers(schema)
