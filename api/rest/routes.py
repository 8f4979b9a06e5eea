"""Routes of the REST API, mounted at /api/v1 (documented in api/rest/openapi.py)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from starlette.middleware.exceptions import ExceptionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, Router

from api.rest.endpoints import articles, claims, exports, speakers
from api.rest.openapi import openapi_json
from api.rest.problems import EXCEPTION_HANDLERS
from api.services.health import database_status


async def health(request: Request) -> JSONResponse:
    database = await database_status(request.app.state.engine)
    ok = bool(database["reachable"])
    return JSONResponse(
        {"status": "ok" if ok else "unavailable", "database": database},
        status_code=200 if ok else 503,
    )


Endpoint = Callable[[Request], Awaitable[Response]]


def route(path: str, **handlers: Endpoint) -> Route:
    """One route per path, so a 405 lists every allowed method in its Allow header."""

    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    return Route(path, endpoint, methods=list(handlers), name=path)


routes = [
    Route("/health", health, methods=["GET"]),
    Route("/openapi.json", openapi_json, methods=["GET"]),
    route("/articles", GET=articles.list_all, POST=articles.create_article),
    route("/articles/{id}", GET=articles.read_article, DELETE=articles.remove_article),
    route("/claims", GET=claims.list_claims),
    route("/claims.csv", GET=exports.claims_csv),
    route("/claims/{id}", GET=claims.read_claim),
    route("/claims/{id}/verification", PUT=claims.put_verification),
    route("/claims/{id}/claimreview", GET=exports.claim_review),
    route("/timeline.json", GET=exports.timeline_json),
    route("/speakers", GET=speakers.list_all),
    route("/speakers/{id}", GET=speakers.read_speaker),
]

# Mounted as the app of /api/v1: its own handlers make every error below it problem+json,
# including Starlette's 404 (no route) and 405 (wrong method).
rest_app = ExceptionMiddleware(Router(routes), handlers=EXCEPTION_HANDLERS)


def rest_mount(path: str = "/api/v1") -> Mount:
    """The REST API mounted at `path`, for api.app."""
    mount = Mount(path, app=rest_app)
    # Starlette's `.*` stops at a newline: "/api/v1/claims/%0A" would miss the mount and get the
    # outer app's plain-text 404 instead of ours.
    mount.path_regex = re.compile(mount.path_regex.pattern, re.DOTALL)
    return mount
