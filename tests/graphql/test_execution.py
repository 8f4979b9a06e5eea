"""The lean executor and direct resolvers answer exactly as stock strawberry does."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import ExecutionResult

from api.graphql import limits
from api.graphql.context import Context
from api.graphql.execution import LeanExecutor
from api.graphql.loaders import build_loaders
from api.graphql.schema import Mutation, Query, Subscription, schema
from api.graphql.shortcuts import direct_resolvers
from api.services import ids
from api.services.events import LocalBus
from api.services.tokens import ANONYMOUS
from api.settings import Settings
from db.models import Verification
from tests.builders.claims import make_article, make_claim, make_speaker

# The same types without the shortcuts: what the app's schema must keep answering.
STOCK = strawberry.Schema(
    query=Query, mutation=Mutation, subscription=Subscription, extensions=limits.extensions()
)

CLAIM_FIELDS = """
  id kind text start end quote confidence cue status revision due sortDate __typename
  time { text value start end granularity role }
  times { value start end role }
  speaker { id name aliases trackRecord { total } }
  article { id title url outlet author publishedAt text }
  verifications { id status note evidenceUrls verifiedBy revision createdAt }
"""
QUERIES = [
    pytest.param(
        f"{{ timeline(first: 10) {{ totalCount edges {{ cursor node {{ {CLAIM_FIELDS} }} }}"
        " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
        id="timeline-every-field",
    ),
    pytest.param(
        "{ timeline(last: 2, order: DESC) { edges { node { text article { title text } } } } }",
        id="timeline-backwards-article-text",
    ),
    pytest.param(
        "query($id: ID!) { article(id: $id) { title text claims { edges { node { text } } } } "
        "timeline(first: 3) { edges { node { article { text } } } } }",
        id="article-and-page-share-rows",
    ),
    pytest.param(
        "query($id: ID!) { node(id: $id) { id ... on Article { text } } "
        "speakers { edges { node { name claims { edges { node { id time { value } } } } } } } }",
        id="node-and-speakers",
    ),
    pytest.param('{ timeline(after: "not-a-cursor") { edges { cursor } } }', id="bad-cursor"),
    pytest.param('{ node(id: "nope") { id } }', id="bad-id"),
]


async def seed(session: AsyncSession) -> str:
    """Claims with and without speaker, time anchor and verdicts; returns an Article ID."""
    article = await make_article(session, text="The minister said the port opens by May.")
    speaker = await make_speaker(session, "Anna Adams", aliases=["Adams"])
    times = [{"text": "by May", "value": "2022-05", "start": "2022-05-01", "end": "2022-05-31"}]
    dated = await make_claim(
        session,
        article,
        speaker_id=speaker.id,
        kind="PREDICTION",
        time_start=date(2022, 5, 1),
        time_end=date(2022, 5, 31),
        time_role="deadline",
        times=times,
        status="CONFIRMED",
        revision=1,
    )
    session.add(Verification(claim_id=dated.id, revision=1, status="CONFIRMED", note="seen"))
    await make_claim(session, article, cue=None)
    await make_claim(session, await make_article(session), speaker_id=speaker.id)
    await session.commit()
    return ids.encode("Article", article.id)


async def run(
    target: strawberry.Schema, session: AsyncSession, query: str, variables: dict[str, Any]
) -> ExecutionResult:
    context = Context(
        session=session,
        loaders=build_loaders(session),
        principal=ANONYMOUS,
        settings=Settings(database_url="sqlite+aiosqlite://"),
        today=date(2023, 1, 1),
        bus=LocalBus(),
    )
    return await target.execute(query, variable_values=variables, context_value=context)


def shape(result: ExecutionResult) -> tuple[Any, list[tuple[str, Any, Any]]]:
    errors = [(e.message, e.path, e.extensions) for e in result.errors or []]
    return result.data, errors


@pytest.mark.parametrize("query", QUERIES)
async def test_app_schema_answers_as_stock_strawberry(
    sessionmaker: Any, session: AsyncSession, query: str
) -> None:
    variables = {"id": await seed(session)}
    async with sessionmaker() as fresh:
        expected = shape(await run(STOCK, fresh, query, variables))
    async with sessionmaker() as fresh:
        actual = shape(await run(schema, fresh, query, variables))
    assert actual == expected
    assert expected[0] is not None or expected[1]  # the query did something


def test_shortcuts_are_installed() -> None:
    assert schema.execution_context_class is LeanExecutor
    claim = schema._schema.type_map["Claim"]
    assert (
        claim.fields["speaker"].resolve
        is not STOCK._schema.type_map["Claim"].fields["speaker"].resolve
    )


# A tiny schema whose plain fields hold bad values: errors must match strawberry's own.
@strawberry.type
class Thing:
    count: int
    name: str
    label: str | None


@strawberry.type
class ThingQuery:
    @strawberry.field
    def things(self) -> list[Thing]:
        return [
            Thing(count=1, name="ok", label=None),
            Thing(count="many", name="bad count", label="x"),  # type: ignore[arg-type]
            Thing(count=3, name=None, label="null in a non-null field"),  # type: ignore[arg-type]
        ]

    @strawberry.field
    def maybe(self) -> Thing | None:
        return Thing(count=2, name=None, label=None)  # type: ignore[arg-type]

    @strawberry.field
    def boxes(self) -> list[Box]:
        good = Thing(count=1, name="ok", label=None)
        return [
            Box(thing=good, things=[good], maybe=None),
            Box(thing=None, things=[good, None], maybe=good),  # type: ignore[arg-type,list-item]
            Box(thing=good, things="not a list", maybe=Thing(1, None, None)),  # type: ignore
        ]

    @strawberry.field
    def maybe_boxes(self) -> list[Box | None] | None:
        good = Thing(count=1, name="ok", label=None)
        return [Box(thing=good, things=[], maybe=None), None, Box(None, [], None)]  # type: ignore

    @strawberry.field
    async def later(self) -> list[Box]:
        return [Box(thing=Thing(count=4, name="later", label=None), things=[], maybe=None)]


@strawberry.type
class Box:
    thing: Thing
    things: list[Thing]
    maybe: Thing | None

    @strawberry.field
    async def slow(self) -> Thing:
        return self.thing

    @strawberry.field
    def boxed(self) -> list[Box | None]:
        return [self, None]

    @strawberry.field
    async def failing(self) -> Thing | None:
        raise ValueError("no thing here")


def lean_thing_schema() -> strawberry.Schema:
    built = strawberry.Schema(query=ThingQuery, execution_context_class=LeanExecutor)
    direct_resolvers(built)
    return built


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("{ things { count name label } }", id="list-of-bad-items"),
        pytest.param("{ maybe { count name } }", id="null-bubbles-to-nullable-parent"),
        pytest.param("{ things { label __typename } }", id="all-good"),
        pytest.param("{ boxes { thing { name } } }", id="null-object-in-non-null-field"),
        pytest.param("{ boxes { things { count } } }", id="null-item-and-non-list"),
        pytest.param("{ boxes { maybe { name } } }", id="bad-nested-object"),
        pytest.param(
            "{ maybeBoxes { thing { name } boxed { things { name } } } }", id="nullable-items"
        ),
        pytest.param("{ later { slow { name } failing { name } } }", id="async-everywhere"),
        pytest.param(
            "{ maybeBoxes { slow { count } boxed { slow { name } } } }", id="async-inside-lists"
        ),
    ],
)
async def test_bad_plain_values_fail_as_in_stock_strawberry(query: str) -> None:
    stock = strawberry.Schema(query=ThingQuery)
    expected = shape(await stock.execute(query))
    assert shape(await lean_thing_schema().execute(query)) == expected
