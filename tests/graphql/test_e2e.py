"""The GraphQL API through a real `hindsight serve`: tokens from the CLI, every error path."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stdout
from typing import Any
from unittest import mock

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from api.cli.main import main
from api.services.ingest import MAX_TEXT_CHARS
from tests.e2e.server import Server, running_server

ARTICLE = {
    "title": "Zelensky vows to retake Kherson",
    "text": "Ukrainian President Volodymyr Zelensky said on Monday that Ukrainian forces will "
    "retake Kherson by September. Russian troops shelled the city on Sunday, officials said.",
    "publishedAt": "2022-07-28",
    "url": "https://example.org/kherson-vow",
}
INGEST = """mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  article { id } created claims { id kind time { value } } userErrors { field code message } } }"""
VERDICT = """mutation($input: SetVerificationInput!) { setVerification(input: $input) {
  claim { revision status verifications { verifiedBy } } userErrors { field code } } }"""
DELETE = """mutation($id: ID!) { deleteArticle(input: {id: $id}) {
  deletedId userErrors { code } } }"""
TIMELINE = """query($after: String) { timeline(first: 10, after: $after) {
  totalCount edges { node { id text speaker { name } article { title } } } } }"""


def cli(database_url: str, *argv: str) -> str:
    """`hindsight ...` in-process, against the server's database, while the server runs."""
    out = io.StringIO()
    with mock.patch.dict(os.environ, {"DATABASE_URL": database_url}), redirect_stdout(out):
        assert main(list(argv)) == 0
    return out.getvalue()


class Api:
    def __init__(self, server: Server, client: httpx.Client) -> None:
        self.url = f"{server.base_url}/graphql"
        self.client = client

    def post(self, query: str, variables: dict[str, Any], token: str | None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        body = {"query": query, "variables": variables}
        return self.client.post(self.url, json=body, headers=headers)

    def __call__(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        response = self.post(query, variables or {}, token)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    def mutate(self, query: str, variables: dict[str, Any], token: str | None) -> dict[str, Any]:
        reply = self(query, variables, token)
        assert "errors" not in reply, reply
        return next(iter(reply["data"].values()))  # type: ignore[no-any-return]


def codes(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["userErrors"]]


class TestGraphQLOverHttp:
    def test_tokens_queries_mutations_and_their_errors(
        self, db_url: str, engine: AsyncEngine
    ) -> None:
        with (
            running_server(db_url, HINDSIGHT_LOAD_SEEDS="false") as server,
            httpx.Client(timeout=60) as client,
        ):
            api, admin = Api(server, client), server.admin_token
            editor = cli(db_url, "token", "create", "--name", "ed", "--role", "editor").split()[-1]
            reader = cli(db_url, "token", "create", "--name", "rita", "--role", "reader").split()[
                -1
            ]

            # ingestArticle: no token, wrong role, oversized, bad date; then for real, twice.
            article = {"input": ARTICLE}
            assert codes(api.mutate(INGEST, article, None)) == [(None, "UNAUTHENTICATED")]
            assert codes(api.mutate(INGEST, article, reader)) == [(None, "FORBIDDEN")]
            huge = {"input": {**ARTICLE, "text": "a" * (MAX_TEXT_CHARS + 1)}}
            assert codes(api.mutate(INGEST, huge, editor)) == [("text", "TOO_LARGE")]
            undated = {"input": {**ARTICLE, "publishedAt": "July 28th"}}
            assert codes(api.mutate(INGEST, undated, editor)) == [("publishedAt", "INVALID")]
            ingested = api.mutate(INGEST, article, editor)
            assert (ingested["created"], ingested["userErrors"]) == (True, [])
            assert api.mutate(INGEST, article, editor)["created"] is False
            prediction = next(c for c in ingested["claims"] if c["kind"] == "PREDICTION")
            assert prediction["time"]["value"] == "2022-09"

            # Reads: the timeline, an unknown ID, a bad cursor.
            timeline = api(TIMELINE)["data"]["timeline"]
            assert timeline["totalCount"] == len(ingested["claims"])
            assert {e["node"]["article"]["title"] for e in timeline["edges"]} == {ARTICLE["title"]}
            unknown = api('{ claim(id: "Q2xhaW06OTk5OTk5") { id } }')  # Claim:999999
            assert unknown == {"data": {"claim": None}}
            bad_cursor = api(TIMELINE, {"after": "nope"})
            assert bad_cursor["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"

            # setVerification: bad status, bad evidence, unknown claim, success, stale revision.
            def verdict(**fields: Any) -> dict[str, Any]:
                base = {"claimId": prediction["id"], "status": "REFUTED", "expectedRevision": 0}
                return {"input": {**base, **fields}}

            bad_status = api(VERDICT, verdict(status="WRONG"), editor)
            assert bad_status["data"] is None
            assert "VerificationStatus" in bad_status["errors"][0]["message"]
            extensions = bad_status["errors"][0]["extensions"]
            assert extensions == {"code": "BAD_USER_INPUT", "field": "status"}
            ftp = verdict(evidenceUrls=["ftp://x.org/a"])
            assert codes(api.mutate(VERDICT, ftp, editor)) == [("evidenceUrls", "INVALID")]
            nobody = verdict(claimId="Q2xhaW06OTk5OTk5")
            assert codes(api.mutate(VERDICT, nobody, editor)) == [("claimId", "NOT_FOUND")]
            assert codes(api.mutate(VERDICT, verdict(), None)) == [(None, "UNAUTHENTICATED")]
            done = api.mutate(VERDICT, verdict(evidenceUrls=["https://x.org/a"]), editor)
            assert done["claim"]["revision"] == 1
            assert done["claim"]["verifications"] == [{"verifiedBy": "ed"}]
            stale = api.mutate(VERDICT, verdict(status="CONFIRMED"), editor)
            assert codes(stale) == [("expectedRevision", "CONFLICT")]

            # deleteArticle: admin only; then the article is gone.
            article_id = ingested["article"]["id"]
            assert api.mutate(DELETE, {"id": article_id}, editor)["userErrors"] == [
                {"code": "FORBIDDEN"}
            ]
            assert api.mutate(DELETE, {"id": article_id}, admin)["deletedId"] == article_id
            gone = api("query($id: ID!) { article(id: $id) { id } }", {"id": article_id})
            assert gone == {"data": {"article": None}}

            # A revoked or unknown token is refused before GraphQL runs.
            cli(db_url, "token", "revoke", "--name", "ed")
            assert api.post(TIMELINE, {}, editor).status_code == 401
            assert api.post(TIMELINE, {}, "hs_made_up").status_code == 401
