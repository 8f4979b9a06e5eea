"""Absolute URLs of REST resources, as the client reached the API (behind any mount or proxy)."""

from __future__ import annotations

from starlette.requests import Request


def api_url(request: Request, path: str) -> str:
    """`path` below /api/v1, e.g. "/claims/<id>"."""
    return str(request.url.replace(path=request.scope.get("root_path", "") + path, query=""))


def next_link(request: Request, cursor: str | None) -> str | None:
    return str(request.url.include_query_params(cursor=cursor)) if cursor else None
