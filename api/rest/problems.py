"""Every REST 4xx is RFC 9457 problem+json with a stable `code` and, when known, the `field`."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api.services.errors import UserError

PROBLEM_JSON = "application/problem+json"

# Service fields are named as GraphQL names its inputs; REST clients know these names.
REST_FIELDS = {
    "publishedAt": "published_at",
    "evidenceUrls": "evidence_urls",
    "expectedRevision": "If-Match",
    "kinds": "kind",
    "statuses": "status",
    "articleId": "article",
    "after": "cursor",
    "first": "limit",
    "claimId": "id",
}
# Codes for statuses Starlette raises itself (routing, methods).
HTTP_CODES = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}
STATUS_OF_CODE = {
    "TOO_LARGE": 413,
    "CONFLICT": 409,
    "FORBIDDEN": 403,
    "UNAUTHENTICATED": 401,
}


class Problem(Exception):
    """Raised by handlers; rendered by `problem_handler`."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail
        self.field, self.headers = field, headers

    def response(self) -> Response:
        body: dict[str, object] = {
            "type": "about:blank",
            "title": HTTPStatus(self.status).phrase,
            "status": self.status,
            "detail": self.detail,
            "code": self.code,
        }
        if self.field is not None:
            body["field"] = self.field
        return JSONResponse(body, self.status, headers=self.headers, media_type=PROBLEM_JSON)


def from_user_error(error: UserError, method: str) -> Problem:
    """Map a service's UserError: bad query → 400, bad body → 422, references → 404 or 400."""
    field = REST_FIELDS.get(error.field or "", error.field)
    status = STATUS_OF_CODE.get(error.code)
    if error.code == "CONFLICT" and field == "If-Match":
        status = 412
    elif error.code == "NOT_FOUND" and field in (None, "id"):
        status = 404
    elif status is None:
        status = 400 if method in ("GET", "HEAD", "DELETE") else 422
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return Problem(status, error.code, error.message, field=field, headers=headers)


async def problem_handler(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return exc.response()


async def user_error_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UserError)
    return from_user_error(exc, request.method).response()


async def http_error_handler(_request: Request, exc: Exception) -> Response:
    """Starlette's own 404 (unknown route) and 405 (method), as problems."""
    assert isinstance(exc, HTTPException)
    detail = exc.detail if exc.detail != HTTPStatus(exc.status_code).phrase else None
    if exc.status_code == 404:
        detail = detail or "no such resource; see /api/v1/openapi.json"
    elif exc.status_code == 405:
        detail = detail or f"method not allowed; allowed: {(exc.headers or {}).get('Allow', '')}"
    code = HTTP_CODES.get(exc.status_code, "HTTP_ERROR")
    problem = Problem(exc.status_code, code, detail or "", headers=exc.headers)
    return problem.response()


EXCEPTION_HANDLERS = {
    Problem: problem_handler,
    UserError: user_error_handler,
    HTTPException: http_error_handler,
}
