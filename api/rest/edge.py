"""What every REST handler does around its one service call: session, access, input."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from api.auth import principal_of
from api.rest.problems import Problem
from api.rest.schemas import Schema
from api.rest.validate import check_object
from api.services import ids
from api.services.errors import UserError
from api.services.tokens import Principal

IF_MATCH_RE = re.compile(r'"([0-9]{1,9})"|([0-9]{1,9})')


@asynccontextmanager
async def unit_of_work(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request: committed when the handler returns, rolled back if it raises."""
    async with request.app.state.sessionmaker() as session, session.begin():
        yield session


def _unauthenticated(detail: str) -> Problem:
    return Problem(401, "UNAUTHENTICATED", detail, headers={"WWW-Authenticate": "Bearer"})


def require_read(request: Request) -> None:
    """Reads are open unless settings.public_read is False; then any valid token will do."""
    if not request.app.state.settings.public_read and not principal_of(request.scope).has("reader"):
        raise _unauthenticated("reading needs a token: send Authorization: Bearer <token>")


def require_role(request: Request, role: str) -> Principal:
    principal = principal_of(request.scope)
    if principal.role is None:
        raise _unauthenticated(f"this needs an {role} token: send Authorization: Bearer <token>")
    if not principal.has(role):
        raise Problem(
            403,
            "FORBIDDEN",
            f"this needs the {role} role; token {principal.name!r} has {principal.role}",
        )
    return principal


def path_pk(request: Request, type_name: str) -> int:
    """The pk behind the {id} of the path; an ID that is not a `type_name` is simply not found."""
    try:
        return ids.decode_as(request.path_params["id"], type_name)
    except UserError:
        raise Problem(
            404, "NOT_FOUND", f"no {type_name.lower()} with this ID", field="id"
        ) from None


async def json_body(request: Request, schema: Schema) -> dict[str, Any]:
    """The body as a JSON object that fits `schema` (415, 400 or 422 otherwise)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise Problem(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json")
    # api.body_limit refuses bodies over settings.max_body_bytes (413) while they stream in.
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Problem(400, "MALFORMED_JSON", f"the body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise Problem(422, "INVALID", "the body must be a JSON object")
    check_object(body, schema)
    return body


def expected_revision(request: Request) -> int:
    """The revision named by If-Match: 428 without it, 400 when it is not one."""
    value = request.headers.get("if-match")
    if value is None:
        raise Problem(
            428,
            "PRECONDITION_REQUIRED",
            "send If-Match with the claim's current revision (its ETag)",
            field="If-Match",
        )
    match = IF_MATCH_RE.fullmatch(value.strip())
    if match is None:
        raise Problem(400, "INVALID", 'If-Match must be a revision such as "3"', field="If-Match")
    return int(match.group(1) or match.group(2))


def etag(revision: int) -> str:
    return f'"{revision}"'
