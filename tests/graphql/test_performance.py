"""Batching and concurrency: a fixed number of SQL statements per page, one winner per revision."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import event, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from api.services import ids
from db.models import Claim, Verification
from tests.builders.claims import make_article, make_claim, make_speaker
from tests.graphql.conftest import gql

NESTED_PAGE = """
query($first: Int) {
  timeline(first: $first) {
    totalCount
    edges { node {
      text
      speaker { name }
      article { title }
      verifications { status verifiedBy }
    } }
  }
}
"""
MAX_STATEMENTS = 5  # count, page, speakers, articles, verifications


@contextmanager
def counting_statements(engine: AsyncEngine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def make_claims(session: AsyncSession, n: int) -> None:
    """n claims, each with its own speaker and a verdict, spread over n // 5 + 1 articles."""
    articles = [await make_article(session) for _ in range(n // 5 + 1)]
    for i in range(n):
        speaker = await make_speaker(session)
        claim = await make_claim(
            session,
            articles[i % len(articles)],
            speaker_id=speaker.id,
            time_start=date(2022, 1, 1) + timedelta(days=i),
            status="IN_REVIEW",
            revision=1,
        )
        session.add(Verification(claim_id=claim.id, revision=1, status="IN_REVIEW"))
    await session.commit()


class TestDataLoaders:
    @pytest.mark.parametrize("n", [5, 50])
    async def test_nested_page_runs_a_fixed_number_of_statements(
        self, app: Starlette, client: httpx.AsyncClient, session: AsyncSession, n: int
    ) -> None:
        await make_claims(session, n)
        await gql(client, "{ timeline(first: 1) { totalCount } }")  # connect, warm up dialect
        with counting_statements(app.state.engine) as statements:
            reply = await gql(client, NESTED_PAGE, {"first": n})
        edges = reply["data"]["timeline"]["edges"]
        assert len(edges) == n
        assert all(e["node"]["speaker"]["name"].startswith("Speaker") for e in edges)
        assert all(e["node"]["article"]["title"].startswith("Article") for e in edges)
        assert all(
            e["node"]["verifications"] == [{"status": "IN_REVIEW", "verifiedBy": None}]
            for e in edges
        )
        assert len(statements) <= MAX_STATEMENTS, statements


ARTICLE_CLAIMS = """
query($order: Order, $kinds: [ClaimKind!]) {
  articles(first: 20) { edges { node { id
    claims(first: 2, order: $order, filter: {kinds: $kinds}) {
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { text speaker { name } verifications { status } } }
    }
  } } }
}
"""
ONE_ARTICLE = """
query($id: ID!, $order: Order, $kinds: [ClaimKind!]) {
  timeline(first: 2, order: $order, filter: {articleId: $id, kinds: $kinds}) {
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { text speaker { name } verifications { status } } }
  }
}
"""


class TestArticleClaims:
    @pytest.mark.parametrize("n", [10, 40])
    async def test_claims_of_a_list_of_articles_run_a_fixed_number_of_statements(
        self, app: Starlette, client: httpx.AsyncClient, session: AsyncSession, n: int
    ) -> None:
        await make_claims(session, n)  # n // 5 + 1 articles
        await gql(client, "{ articles(first: 1) { totalCount } }")  # connect, warm up dialect
        with counting_statements(app.state.engine) as statements:
            reply = await gql(client, ARTICLE_CLAIMS)
        articles = reply["data"]["articles"]["edges"]
        assert len(articles) == n // 5 + 1
        assert all(len(a["node"]["claims"]["edges"]) == 2 for a in articles[:-1])
        assert len(statements) <= 4, statements  # articles, their count, all first pages

    @pytest.mark.parametrize(
        "variables", [{}, {"order": "DESC"}, {"kinds": ["PREDICTION"]}, {"kinds": ["CLAIM"]}]
    )
    async def test_batched_first_pages_match_the_timeline_of_each_article(
        self, client: httpx.AsyncClient, session: AsyncSession, variables: dict[str, Any]
    ) -> None:
        await make_claims(session, 23)
        await session.execute(update(Claim).where(Claim.id % 3 == 0).values(kind="PREDICTION"))
        await session.commit()
        reply = await gql(client, ARTICLE_CLAIMS, variables)
        articles = reply["data"]["articles"]["edges"]
        assert len(articles) == 5
        for article in articles:
            alone = await gql(client, ONE_ARTICLE, {"id": article["node"]["id"], **variables})
            assert article["node"]["claims"] == alone["data"]["timeline"]
        shown = [e for a in articles for e in a["node"]["claims"]["edges"]]
        assert shown  # every variant has items to compare
        more = [a["node"]["claims"]["pageInfo"]["hasNextPage"] for a in articles]
        assert any(more) or "kinds" in variables  # ~4 claims per article, pages of 2


SET_VERIFICATION = """
mutation($input: SetVerificationInput!) {
  setVerification(input: $input) { claim { revision } userErrors { code } }
}
"""


class TestConcurrentVerdicts:
    async def test_one_of_twenty_writers_on_a_revision_wins(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        sessionmaker: async_sessionmaker[AsyncSession],
        tokens: dict[str, str],
    ) -> None:
        claim = await make_claim(session, await make_article(session))
        await session.commit()
        variables = {
            "input": {
                "claimId": ids.encode("Claim", claim.id),
                "status": "CONFIRMED",
                "expectedRevision": 0,
            }
        }
        replies = await asyncio.gather(
            *(gql(client, SET_VERIFICATION, variables, tokens["editor"]) for _ in range(20))
        )
        payloads = [r["data"]["setVerification"] for r in replies]
        winners = [p for p in payloads if not p["userErrors"]]
        assert len(winners) == 1
        assert winners[0]["claim"]["revision"] == 1
        losers = [p["userErrors"][0]["code"] for p in payloads if p["userErrors"]]
        assert losers == ["CONFLICT"] * 19
        async with sessionmaker() as fresh:
            history = await fresh.scalar(
                select(func.count())
                .select_from(Verification)
                .where(Verification.claim_id == claim.id)
            )
            stored = await fresh.get(Claim, claim.id)
        assert history == 1
        assert stored is not None
        assert (stored.revision, stored.status) == (1, "CONFIRMED")


async def test_bad_first_page_size_in_article_claims_is_a_coded_error(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await make_claims(session, 3)
    reply = await gql(
        client, "{ articles { edges { node { claims(first: 500) { totalCount } } } } }"
    )
    codes = {e["extensions"]["code"] for e in reply["errors"]}
    assert codes == {"INVALID"}
    assert "100" in reply["errors"][0]["message"]
