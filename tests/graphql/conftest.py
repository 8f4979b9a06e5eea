"""Helpers for GraphQL tests: post an operation through the ASGI app, make tokens."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.services.tokens import create_token


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    token: str | None = None,
) -> dict[str, Any]:
    """The JSON reply of one GraphQL operation (status 200 expected)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def error_codes(reply: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in reply.get("errors", [])]


async def new_token(sessionmaker: async_sessionmaker[AsyncSession], name: str, role: str) -> str:
    async with sessionmaker() as session, session.begin():
        _, secret = await create_token(session, name, role)
    return secret


@pytest.fixture
async def tokens(sessionmaker: async_sessionmaker[AsyncSession]) -> dict[str, str]:
    """A secret for each role, named after it."""
    return {
        role: await new_token(sessionmaker, role, role) for role in ("reader", "editor", "admin")
    }
