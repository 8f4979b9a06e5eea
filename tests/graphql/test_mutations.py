"""Mutations through the ASGI app: payloads with userErrors, commit or nothing, roles."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from api.services import ids
from api.services.events import VerificationEvent
from api.services.ingest import MAX_TEXT_CHARS
from db.models import Article, Claim, Verification
from tests.builders.claims import make_article, make_claim
from tests.graphql.conftest import gql

SET_VERIFICATION = """
mutation($input: SetVerificationInput!) {
  setVerification(input: $input) {
    claim { id status revision verifications { status note evidenceUrls verifiedBy revision } }
    verification { id status verifiedBy createdAt }
    userErrors { field message code }
  }
}
"""

INGEST = """
mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    article { id title publishedAt }
    created
    claims { kind text speaker { name } time { value end role } }
    userErrors { field message code }
  }
}
"""

DELETE = """
mutation($id: ID!) {
  deleteArticle(input: {id: $id}) { deletedId userErrors { field message code } }
}
"""

OVERSIZED_PK = ids.encode("Claim", 2**70)
ARTICLE_TEXT = (
    "Ukrainian President Volodymyr Zelensky said on Monday that Ukrainian forces will retake "
    "Kherson by September. Russian troops shelled the city on Sunday, officials said."
)


async def count(sessionmaker: async_sessionmaker[AsyncSession], model: type[Any]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
async def claim_id(session: AsyncSession) -> int:
    article = await make_article(session)
    claim = await make_claim(session, article, kind="PREDICTION", time_start=date(2022, 9, 1))
    await session.commit()
    return claim.id


def verdict(claim_pk: int, **overrides: Any) -> dict[str, Any]:
    return {
        "input": {
            "claimId": ids.encode("Claim", claim_pk),
            "status": "REFUTED",
            "expectedRevision": 0,
            "note": "Kherson was retaken in November.",
            "evidenceUrls": ["https://example.org/kherson"],
            **overrides,
        }
    }


class TestSetVerification:
    async def test_appends_history_bumps_revision_and_publishes(
        self, app: Starlette, client: httpx.AsyncClient, claim_id: int, tokens: dict[str, str]
    ) -> None:
        events = app.state.bus.subscribe(claim_id)
        next_event = asyncio.create_task(anext(events))
        await asyncio.sleep(0)  # let the subscriber register before the verdict
        first = await gql(client, SET_VERIFICATION, verdict(claim_id), tokens["editor"])
        payload = first["data"]["setVerification"]
        assert payload["userErrors"] == []
        assert (payload["claim"]["status"], payload["claim"]["revision"]) == ("REFUTED", 1)
        assert payload["verification"]["verifiedBy"] == "editor"
        event = await asyncio.wait_for(next_event, 5)
        await events.aclose()
        verification_pk = ids.decode_as(payload["verification"]["id"], "Verification")
        assert event == VerificationEvent(claim_id, verification_pk)

        second = verdict(claim_id, status="CONFIRMED", expectedRevision=1, evidenceUrls=[])
        payload = (await gql(client, SET_VERIFICATION, second, tokens["admin"]))["data"][
            "setVerification"
        ]
        history = payload["claim"]["verifications"]
        assert [(v["status"], v["revision"], v["verifiedBy"]) for v in history] == [
            ("CONFIRMED", 2, "admin"),
            ("REFUTED", 1, "editor"),
        ]
        assert history[1]["evidenceUrls"] == ["https://example.org/kherson"]

    @pytest.mark.parametrize(
        ("token", "overrides", "field", "code"),
        [
            (None, {}, None, "UNAUTHENTICATED"),
            ("reader", {}, None, "FORBIDDEN"),
            ("editor", {"expectedRevision": 3}, "expectedRevision", "CONFLICT"),
            ("editor", {"evidenceUrls": ["ftp://example.org/x"]}, "evidenceUrls", "INVALID"),
            ("editor", {"evidenceUrls": ["javascript:alert(1)"]}, "evidenceUrls", "INVALID"),
            ("editor", {"claimId": ids.encode("Claim", 999999)}, "claimId", "NOT_FOUND"),
            ("editor", {"claimId": "garbage"}, "claimId", "INVALID_ID"),
            ("editor", {"claimId": ids.encode("Article", 1)}, "claimId", "NOT_FOUND"),
            ("editor", {"claimId": OVERSIZED_PK}, "claimId", "INVALID_ID"),
            ("editor", {"expectedRevision": -1}, "expectedRevision", "INVALID"),
            ("editor", {"note": "x" * 10_001}, "note", "INVALID"),
        ],
        ids=[
            "no-token",
            "reader",
            "stale-revision",
            "ftp-evidence",
            "script-evidence",
            "unknown-claim",
            "bad-id",
            "wrong-id-type",
            "pk-over-64-bits",
            "negative-revision",
            "long-note",
        ],
    )
    async def test_user_mistakes_are_user_errors_and_write_nothing(
        self,
        client: httpx.AsyncClient,
        sessionmaker: async_sessionmaker[AsyncSession],
        claim_id: int,
        tokens: dict[str, str],
        token: str | None,
        overrides: dict[str, Any],
        field: str | None,
        code: str,
    ) -> None:
        secret = tokens[token] if token else None
        reply = await gql(client, SET_VERIFICATION, verdict(claim_id, **overrides), secret)
        assert "errors" not in reply
        payload = reply["data"]["setVerification"]
        assert payload["claim"] is None
        assert payload["verification"] is None
        [error] = payload["userErrors"]
        assert (error["field"], error["code"]) == (field, code)
        assert error["message"]
        assert await count(sessionmaker, Verification) == 0
        async with sessionmaker() as session:
            claim = await session.get(Claim, claim_id)
            assert claim is not None
            assert (claim.revision, claim.status) == (0, "UNVERIFIED")

    async def test_unknown_status_is_rejected_by_the_schema(
        self, client: httpx.AsyncClient, claim_id: int, tokens: dict[str, str]
    ) -> None:
        reply = await gql(
            client, SET_VERIFICATION, verdict(claim_id, status="TRUE"), tokens["editor"]
        )
        assert reply["data"] is None
        assert "VerificationStatus" in reply["errors"][0]["message"]


class TestIngestArticle:
    def article(self, **overrides: Any) -> dict[str, Any]:
        fields = {
            "title": "Zelensky vows to retake Kherson",
            "text": ARTICLE_TEXT,
            "publishedAt": "2022-07-28",
            "url": "https://example.org/kherson-vow",
            "outlet": "Example",
            "author": "A. Writer",
        }
        return {"input": {**fields, **overrides}}

    async def test_stores_article_and_items_once(
        self, client: httpx.AsyncClient, tokens: dict[str, str]
    ) -> None:
        first = (await gql(client, INGEST, self.article(), tokens["editor"]))["data"]
        payload = first["ingestArticle"]
        assert payload["userErrors"] == []
        assert payload["created"] is True
        assert payload["article"]["publishedAt"] == "2022-07-28"
        predictions = [c for c in payload["claims"] if c["kind"] == "PREDICTION"]
        assert predictions, payload["claims"]
        assert predictions[0]["time"]["value"] == "2022-09"
        again = (await gql(client, INGEST, self.article(), tokens["editor"]))["data"]
        assert again["ingestArticle"]["created"] is False
        assert again["ingestArticle"]["article"]["id"] == payload["article"]["id"]
        assert len(again["ingestArticle"]["claims"]) == len(payload["claims"])

    @pytest.mark.parametrize(
        ("token", "overrides", "field", "code"),
        [
            (None, {}, None, "UNAUTHENTICATED"),
            ("reader", {}, None, "FORBIDDEN"),
            ("editor", {"text": "x" * (MAX_TEXT_CHARS + 1)}, "text", "TOO_LARGE"),
            ("editor", {"publishedAt": "28/07/2022"}, "publishedAt", "INVALID"),
            ("editor", {"publishedAt": "2022-02-30"}, "publishedAt", "INVALID"),
            ("editor", {"title": "  "}, "title", "INVALID"),
            ("editor", {"url": "file:///etc/passwd"}, "url", "INVALID"),
        ],
        ids=[
            "no-token",
            "reader",
            "too-large",
            "bad-date",
            "impossible-date",
            "no-title",
            "bad-url",
        ],
    )
    async def test_user_mistakes_write_nothing(
        self,
        client: httpx.AsyncClient,
        sessionmaker: async_sessionmaker[AsyncSession],
        tokens: dict[str, str],
        token: str | None,
        overrides: dict[str, Any],
        field: str | None,
        code: str,
    ) -> None:
        secret = tokens[token] if token else None
        reply = await gql(client, INGEST, self.article(**overrides), secret)
        payload = reply["data"]["ingestArticle"]
        assert (payload["article"], payload["claims"]) == (None, [])
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(field, code)]
        assert await count(sessionmaker, Article) == 0
        assert await count(sessionmaker, Claim) == 0


class TestDeleteArticle:
    async def test_admin_removes_article_with_its_items(
        self,
        client: httpx.AsyncClient,
        sessionmaker: async_sessionmaker[AsyncSession],
        claim_id: int,
        tokens: dict[str, str],
    ) -> None:
        await gql(client, SET_VERIFICATION, verdict(claim_id), tokens["editor"])
        async with sessionmaker() as session:
            claim = await session.get(Claim, claim_id)
            assert claim is not None
            article_id = ids.encode("Article", claim.article_id)
        reply = await gql(client, DELETE, {"id": article_id}, tokens["admin"])
        assert reply["data"]["deleteArticle"] == {"deletedId": article_id, "userErrors": []}
        for model in (Article, Claim, Verification):
            assert await count(sessionmaker, model) == 0
        again = await gql(client, DELETE, {"id": article_id}, tokens["admin"])
        assert again["data"]["deleteArticle"]["userErrors"][0]["code"] == "NOT_FOUND"
        garbage = await gql(client, DELETE, {"id": "garbage"}, tokens["admin"])
        assert garbage["data"]["deleteArticle"]["userErrors"][0]["code"] == "INVALID_ID"

    @pytest.mark.parametrize(
        ("token", "code"),
        [(None, "UNAUTHENTICATED"), ("reader", "FORBIDDEN"), ("editor", "FORBIDDEN")],
    )
    async def test_needs_admin(
        self,
        client: httpx.AsyncClient,
        sessionmaker: async_sessionmaker[AsyncSession],
        claim_id: int,
        tokens: dict[str, str],
        token: str | None,
        code: str,
    ) -> None:
        secret = tokens[token] if token else None
        async with sessionmaker() as session:
            article = (await session.scalars(select(Article))).one()
        reply = await gql(client, DELETE, {"id": ids.encode("Article", article.id)}, secret)
        payload = reply["data"]["deleteArticle"]
        assert payload["deletedId"] is None
        assert [e["code"] for e in payload["userErrors"]] == [code]
        assert await count(sessionmaker, Claim) == 1
