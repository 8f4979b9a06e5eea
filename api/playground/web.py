"""The route that serves the fetched files: only those the page names, cached for a year."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from api.playground.assets import URL_PREFIX, Playground

# Versioned URLs never change content, so browsers may keep them.
CACHE_CONTROL = "public, max-age=31536000, immutable"


def asset_route(playground: Playground) -> Route:
    async def serve(request: Request) -> Response:
        path = playground.file(request.path_params["path"])
        if path is None:
            return PlainTextResponse("not a fetched playground file", status_code=404)
        return FileResponse(path, headers={"cache-control": CACHE_CONTROL})

    return Route(f"{URL_PREFIX}/{{path:path}}", serve, methods=["GET", "HEAD"])
