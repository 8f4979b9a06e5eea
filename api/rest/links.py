"""Absolute URLs of REST resources, as the client reached the API (behind any mount or proxy)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request


def api_url(request: Request, path: str) -> str:
    """`path` below /api/v1, e.g. "/claims/<id>"."""
    return str(request.url.replace(path=request.scope.get("root_path", "") + path, query=""))


def list_body(
    request: Request, items: list[Any], total: int | None, cursors: list[str], has_next: bool
) -> dict[str, Any]:
    """A list reply: the items, the total, and the link to the next page (null on the last)."""
    cursor = cursors[-1] if has_next and cursors else None
    link = str(request.url.include_query_params(cursor=cursor)) if cursor else None
    return {"items": items, "total": total, "next": link}
