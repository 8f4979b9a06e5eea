"""Composition root: engine, middleware, and the GraphQL and REST edges."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import RedirectResponse
from starlette.routing import Route, WebSocketRoute

from api.auth import AuthMiddleware
from api.body_limit import BodySizeLimitMiddleware
from api.graphql.view import GraphQLApp
from api.playground.assets import Playground, default_dir
from api.playground.web import asset_route
from api.rest.routes import rest_mount
from api.services.events import create_bus
from api.settings import Settings
from db.session import create_engine, create_sessionmaker


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    engine = create_engine(settings.database_url)
    sessionmaker = create_sessionmaker(engine)

    bus = create_bus(settings.database_url)  # LISTEN/NOTIFY on PostgreSQL
    playground = Playground(default_dir())

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await bus.start()
        yield
        await bus.stop()
        await engine.dispose()

    graphql = GraphQLApp(sessionmaker, settings, bus, playground)
    middleware = [
        Middleware(BodySizeLimitMiddleware, max_body_bytes=settings.max_body_bytes),
        Middleware(AuthMiddleware, sessionmaker=sessionmaker),
    ]
    if settings.cors_origins:
        middleware.insert(
            0,
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
                allow_headers=["Authorization", "Content-Type", "If-Match"],
                expose_headers=["ETag"],
            ),
        )
    app = Starlette(
        routes=[
            Route("/", lambda _r: RedirectResponse("/graphql")),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            asset_route(playground),
            rest_mount("/api/v1"),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.sessionmaker = sessionmaker
    app.state.settings = settings
    app.state.bus = bus
    return app
