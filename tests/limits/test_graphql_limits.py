"""Depth, alias and token limits: each refusal names the limit; ordinary queries pass."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from graphql import Source, TokenKind, get_introspection_query
from graphql.language.lexer import Lexer

from api.graphql.limits import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from tests.limits.conftest import MakeClient


def nested_query(depth: int) -> str:
    """A query `depth` levels deep, through the Claim -> Article -> claims cycle."""
    cycle = ["edges", "node", "article", "claims"]
    fields = ["timeline"] + [cycle[i % 4] for i in range(depth - 1)]
    leaf = {"edges": "cursor", "node": "id", "article": "id", "claims": "totalCount"}
    return "{ " + " { ".join(fields) + " { " + leaf[fields[-1]] + " }" * depth + " }"


async def post(client: httpx.AsyncClient, query: str) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query})
    return dict(response.json())


def messages(body: dict[str, Any]) -> list[str]:
    return [e["message"] for e in body.get("errors", [])]


def codes(body: dict[str, Any]) -> list[tuple[str, int]]:
    return [(e["extensions"]["code"], e["extensions"]["limit"]) for e in body["errors"]]


@pytest.fixture
def bare(make_client: MakeClient) -> httpx.AsyncClient:
    """No database behind it: these requests are refused (or answered) before any query."""
    return make_client()


class TestDepth:
    async def test_too_deep_is_refused_naming_the_limit(self, bare: httpx.AsyncClient) -> None:
        body = await post(bare, nested_query(MAX_DEPTH + 1))
        assert "data" not in body or body["data"] is None
        assert messages(body) == [f"'anonymous' exceeds maximum operation depth of {MAX_DEPTH}"]
        assert codes(body) == [("QUERY_TOO_DEEP", MAX_DEPTH)]

    async def test_at_the_limit_it_validates(self, bare: httpx.AsyncClient) -> None:
        # Only validation is checked here: the query's depth passes, so no limit error appears.
        body = await post(bare, nested_query(MAX_DEPTH))
        assert not any("depth" in m for m in messages(body))

    async def test_graphiql_introspection_is_not_limited(self, bare: httpx.AsyncClient) -> None:
        query = get_introspection_query(descriptions=True, input_value_deprecation=True)
        body = await post(bare, query)
        assert messages(body) == []
        assert body["data"]["__schema"]["queryType"]["name"] == "Query"


class TestAliases:
    async def test_too_many_aliases_are_refused(self, bare: httpx.AsyncClient) -> None:
        fields = " ".join(f"a{i}: __typename" for i in range(MAX_ALIASES + 1))
        body = await post(bare, "{ " + fields + " }")
        assert messages(body) == [f"{MAX_ALIASES + 1} aliases found. Allowed: {MAX_ALIASES}"]
        assert codes(body) == [("TOO_MANY_ALIASES", MAX_ALIASES)]

    async def test_up_to_the_limit_they_run(self, bare: httpx.AsyncClient) -> None:
        fields = " ".join(f"a{i}: __typename" for i in range(MAX_ALIASES))
        body = await post(bare, "{ " + fields + " }")
        assert body["data"] == {f"a{i}": "Query" for i in range(MAX_ALIASES)}


class TestTokens:
    async def test_a_huge_document_is_refused_while_parsing(self, bare: httpx.AsyncClient) -> None:
        body = await post(bare, "{ " + "__typename " * MAX_TOKENS + "}")
        assert messages(body) == [
            f"Syntax Error: Document contains more than {MAX_TOKENS} tokens. Parsing aborted."
        ]
        assert codes(body) == [("TOO_MANY_TOKENS", MAX_TOKENS)]

    async def test_just_under_the_limit_it_runs(self, client: httpx.AsyncClient) -> None:
        # On the migrated test database (both backends): a long list argument, really executed.
        kinds = " ".join(["CLAIM"] * (MAX_TOKENS - 20))
        query = f"{{ timeline(filter: {{kinds: [{kinds}]}}) {{ totalCount }} }}"
        assert MAX_TOKENS - 20 < token_count(query) <= MAX_TOKENS
        body = await post(client, query)
        assert body == {"data": {"timeline": {"totalCount": 0}}}


def token_count(query: str) -> int:
    lexer, count = Lexer(Source(query)), 0
    while lexer.advance().kind is not TokenKind.EOF:
        count += 1
    return count
