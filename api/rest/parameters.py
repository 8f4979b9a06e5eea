"""OpenAPI Parameter objects of the REST routes: documented AND parsed from here."""

from __future__ import annotations

from typing import Any

from api.rest.schemas import DATE, ORDERS, Schema
from api.services.paging import DEFAULT_PAGE, MAX_PAGE
from db.models.claim import CLAIM_KINDS, STATUSES


def query(name: str, schema: Schema, description: str, **extra: Any) -> Schema:
    return {"name": name, "in": "query", "schema": schema, "description": description, **extra}


ID = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "description": "Global ID (the same as GraphQL's).",
}
IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "pattern": r'^("[0-9]{1,9}"|[0-9]{1,9})$'},
    "description": 'The revision you read, as the claim\'s ETag gave it ("3"); 412 if stale.',
}
LIMIT = query(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": DEFAULT_PAGE},
    "Page size.",
)
CURSOR = query("cursor", {"type": "string"}, "Where to continue: taken from a `next` link.")

CLAIM_FILTERS = [
    query("from", DATE, "Items whose time interval overlaps [from, to]."),
    query("to", DATE, "See `from`."),
    query(
        "kind",
        {"type": "array", "items": {"type": "string", "enum": list(CLAIM_KINDS)}},
        "Repeat to include several kinds.",
        style="form",
        explode=True,
    ),
    query(
        "status",
        {"type": "array", "items": {"type": "string", "enum": list(STATUSES)}},
        "Current verdicts to include; repeat for several.",
        style="form",
        explode=True,
    ),
    query("speaker", {"type": "string"}, "A speaker's name, alias or ID."),
    query("article", {"type": "string"}, "An Article ID."),
    query("q", {"type": "string"}, "Text the item contains (case-insensitive)."),
    query(
        "due",
        {"type": "boolean"},
        "true: only predictions past their deadline and still open; false: all others.",
    ),
    query(
        "order",
        {"type": "string", "enum": list(ORDERS), "default": "ASC"},
        "Time order of the items.",
    ),
]
FORMAT = query(
    "format",
    {"type": "string", "enum": ["timelinejs"], "default": "timelinejs"},
    "Output format; only Knight Lab TimelineJS for now.",
)
