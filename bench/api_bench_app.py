"""The application under benchmark: the real app plus a hand-written baseline at /baseline.

The baseline serves the page that `TIMELINE_QUERY` asks GraphQL for, from one SQL query with
LEFT JOINs, shaped like the GraphQL response. It is mounted inside the real app, so both go
through the same process, event loop, middleware (auth, CORS), engine and connection pool:
the difference between them is the GraphQL stack (strawberry, DataLoaders, ORM, services).

    uvicorn --factory --app-dir bench api_bench_app:create   # DATABASE_URL picks the database
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Integer, String, Text, text
from sqlalchemy.engine import Row
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.app import create_app
from api.services import ids
from api.settings import Settings

PAGE_SIZE = 50

TIMELINE_QUERY = """
query Timeline($first: Int!) {
  timeline(first: $first) {
    edges {
      node {
        id
        kind
        text
        status
        speaker { name }
        article { title publishedAt }
        verifications { status createdAt }
        time { value start end }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""

# One page in (sort_date, id) order, one row per (claim, verification); the +1 row tells
# whether a next page exists.
PAGE_SQL = text(
    """
    SELECT c.id, c.kind, c.text, c.status, c.sort_date,
           c.time_value, c.time_start, c.time_end,
           s.name AS speaker_name, a.title, a.published_at,
           v.status AS verification_status, v.created_at AS verified_at
    FROM (SELECT * FROM claims ORDER BY sort_date, id LIMIT :limit) AS c
    JOIN articles AS a ON a.id = c.article_id
    LEFT JOIN speakers AS s ON s.id = c.speaker_id
    LEFT JOIN verifications AS v ON v.claim_id = c.id
    ORDER BY c.sort_date, c.id, v.revision DESC
    """
).columns(
    id=Integer,
    kind=String,
    text=Text,
    status=String,
    sort_date=Date,
    time_value=String,
    time_start=Date,
    time_end=Date,
    speaker_name=String,
    title=String,
    published_at=Date,
    verification_status=String,
    verified_at=DateTime(timezone=True),
)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def cursor(sort_date: date, pk: int) -> str:
    """The timeline's keyset cursor (the same bytes as api.services.timeline)."""
    raw = f"{sort_date.isoformat()}|{pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def page_json(rows: Sequence[Row[Any]], first: int) -> dict[str, Any]:
    """Group the joined rows by claim and shape them as the GraphQL `data`."""
    nodes: dict[int, dict[str, Any]] = {}
    keys: list[tuple[date, int]] = []
    for r in rows:
        node = nodes.get(r.id)
        if node is None:
            node = nodes[r.id] = {
                "id": ids.encode("Claim", r.id),
                "kind": r.kind,
                "text": r.text,
                "status": r.status,
                "speaker": {"name": r.speaker_name} if r.speaker_name is not None else None,
                "article": {"title": r.title, "publishedAt": _iso(r.published_at)},
                "verifications": [],
                "time": None
                if r.time_value is None
                else {"value": r.time_value, "start": _iso(r.time_start), "end": _iso(r.time_end)},
            }
            keys.append((r.sort_date, r.id))
        if r.verification_status is not None:
            node["verifications"].append(
                {"status": r.verification_status, "createdAt": _iso(r.verified_at)}
            )
    shown = list(nodes.values())[:first]
    end = keys[len(shown) - 1] if shown else None
    return {
        "timeline": {
            "edges": [{"node": node} for node in shown],
            "pageInfo": {
                "hasNextPage": len(nodes) > first,
                "endCursor": cursor(*end) if end else None,
            },
        }
    }


async def baseline(request: Request) -> JSONResponse:
    first = int(request.query_params.get("first", PAGE_SIZE))
    async with request.app.state.engine.connect() as conn:
        rows = (await conn.execute(PAGE_SQL, {"limit": first + 1})).all()
    return JSONResponse({"data": page_json(rows, first)})


def create(settings: Settings | None = None) -> Starlette:
    """The real app (settings from the environment) with /baseline added."""
    app = create_app(settings or Settings.from_env())
    app.router.routes.append(Route("/baseline", baseline, methods=["GET"]))
    return app
