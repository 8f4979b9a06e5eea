"""Bearer-token identification for every HTTP and WebSocket request.

The middleware only says who is calling (scope["state"]["principal"]); each edge decides what
that principal may do, because only the edge knows which operations are reads.
"""

from __future__ import annotations

import json

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Receive, Scope, Send

from api.services.tokens import ANONYMOUS, Principal, authenticate


def bearer_token(headers: list[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" else ""
    return None


def principal_of(scope: Scope) -> Principal:
    return scope.get("state", {}).get("principal", ANONYMOUS)


class AuthMiddleware:
    def __init__(self, app: ASGIApp, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.app = app
        self.sessionmaker = sessionmaker

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        principal: Principal | None = ANONYMOUS
        token = bearer_token(scope.get("headers", []))
        if token is not None:
            async with self.sessionmaker() as session:
                principal = await authenticate(session, token) if token else None
        if principal is None:
            await _unauthorized(scope, receive, send)
            return
        scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)


async def _unauthorized(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 4401, "reason": "invalid token"})
        return
    body = json.dumps(
        {
            "type": "about:blank",
            "title": "Unauthorized",
            "status": 401,
            "detail": "the bearer token is unknown or revoked",
            "code": "UNAUTHENTICATED",
        }
    ).encode()
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"application/problem+json"),
        (b"www-authenticate", b'Bearer error="invalid_token"'),
    ]
    await send({"type": "http.response.start", "status": 401, "headers": headers})
    await send({"type": "http.response.body", "body": body})
