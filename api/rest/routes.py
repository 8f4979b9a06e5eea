"""Routes of the REST API, mounted at /api/v1."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.services.health import database_status


async def health(request: Request) -> JSONResponse:
    database = await database_status(request.app.state.engine)
    ok = bool(database["reachable"])
    return JSONResponse(
        {"status": "ok" if ok else "unavailable", "database": database},
        status_code=200 if ok else 503,
    )


routes = [Route("/health", health, methods=["GET"])]
