"""The strawberry ASGI app, with a per-request context and session."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.types.unset import UNSET, UnsetType

from api.auth import principal_of
from api.graphql.context import Context
from api.graphql.loaders import build_loaders
from api.graphql.schema import schema
from api.graphql.subscriptions import SocketContext, accept_connection
from api.playground.assets import Playground
from api.services.events import LocalBus
from api.settings import Settings


class GraphQLApp(GraphQL[Context, None]):
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        settings: Settings,
        bus: LocalBus,
        playground: Playground | None = None,
    ) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.sessionmaker = sessionmaker
        self.settings = settings
        self.bus = bus
        self.playground = playground

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope.setdefault("state", {})["db_sessions"] = []
        try:
            await super().__call__(scope, receive, send)
        finally:
            for session in scope["state"]["db_sessions"]:
                await session.close()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | Any
    ) -> Context:
        session = self.sessionmaker()
        request.scope["state"]["db_sessions"].append(session)
        # A websocket's context also receives the connection_init payload (see on_ws_connect).
        context_class = SocketContext if isinstance(request, WebSocket) else Context
        return context_class(
            session=session,
            loaders=build_loaders(session),
            principal=principal_of(request.scope),
            settings=self.settings,
            today=date.today(),
            bus=self.bus,
        )

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        if isinstance(context, SocketContext):
            await accept_connection(context, self.sessionmaker)
        return UNSET

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        html = self.graphql_ide_html
        return HTMLResponse(self.playground.page(html) if self.playground else html)
