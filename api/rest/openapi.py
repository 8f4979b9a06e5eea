"""The OpenAPI 3.1 document of /api/v1, kept as data beside the routes.

tests/rest/test_openapi.py checks that every route is documented here and every operation here
is routed; the schemathesis test checks the live server against this document.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from api.rest import parameters as p
from api.rest.schemas import COMPONENTS, Schema, ref
from api.services.exports import CSV_COLUMNS

READ: list[Schema] = [{}, {"bearer": []}]  # anonymous unless HINDSIGHT_PUBLIC_READ=false
WRITE: list[Schema] = [{"bearer": []}]

PROBLEMS = {
    "400": ("BadRequest", "Malformed JSON, or a bad query parameter or header."),
    "401": ("Unauthorized", "No token where one is needed, or an unknown or revoked one."),
    "403": ("Forbidden", "The token's role is too weak."),
    "404": ("NotFound", "No such resource."),
    "409": ("Conflict", "The resource is not in a state that allows this."),
    "412": ("PreconditionFailed", "If-Match names a stale revision: reload and retry."),
    "413": ("TooLarge", "The body or the article text is too large."),
    "415": ("UnsupportedMediaType", "The body is not application/json."),
    "422": ("Unprocessable", "The body is JSON but breaks a rule; `field` names it."),
    "428": ("PreconditionRequired", "If-Match is missing."),
}


def json_content(schema: Schema, media_type: str = "application/json") -> Schema:
    return {media_type: {"schema": schema}}


def ok(description: str, schema: Schema, **extra: Any) -> Schema:
    return {"description": description, "content": json_content(schema), **extra}


def responses(success: dict[str, Schema], *errors: str) -> Schema:
    """Success responses plus the named problem statuses (401 everywhere: a bad token)."""
    codes = sorted({*errors, "401"})
    problems = {code: {"$ref": f"#/components/responses/{PROBLEMS[code][0]}"} for code in codes}
    return {**success, **problems}


def operation(
    operation_id: str,
    summary: str,
    tag: str,
    response_map: Schema,
    *,
    parameters: list[Schema] | None = None,
    body: str | None = None,
    security: list[Schema] = READ,
) -> Schema:
    op: Schema = {
        "operationId": operation_id,
        "summary": summary,
        "tags": [tag],
        "security": security,
        "responses": response_map,
    }
    if parameters:
        op["parameters"] = parameters
    if body:
        op["requestBody"] = {"required": True, "content": json_content(ref(body))}
    return op


ETAG = {
    "ETag": {"description": "The claim's revision, for If-Match.", "schema": {"type": "string"}}
}
PAGE = [p.LIMIT, p.CURSOR]

ARTICLES = {
    "post": operation(
        "createArticle",
        "Ingest an article (idempotent by URL, or by text without one)",
        "articles",
        responses(
            {
                "200": ok("Already ingested: the existing article.", ref("Article")),
                "201": ok(
                    "Ingested.",
                    ref("Article"),
                    headers={
                        "Location": {"description": "The article.", "schema": {"type": "string"}}
                    },
                ),
            },
            "400",
            "403",
            "413",
            "415",
            "422",
        ),
        body="ArticleInput",
        security=WRITE,
    ),
    "get": operation(
        "listArticles",
        "Articles, newest publication first",
        "articles",
        responses({"200": ok("A page of articles.", ref("ArticlePage"))}, "400"),
        parameters=PAGE,
    ),
}
ARTICLE = {
    "get": operation(
        "getArticle",
        "An article with its text and items",
        "articles",
        responses({"200": ok("The article.", ref("Article"))}, "404"),
        parameters=[p.ID],
    ),
    "delete": operation(
        "deleteArticle",
        "Delete an article with its items and verdicts (admin)",
        "articles",
        responses({"204": {"description": "Deleted."}}, "403", "404"),
        parameters=[p.ID],
        security=WRITE,
    ),
}
CLAIMS = {
    "get": operation(
        "listClaims",
        "The timeline: claims and predictions in time order, filtered, by pages",
        "claims",
        responses({"200": ok("A page of items.", ref("ClaimPage"))}, "400"),
        parameters=[*p.CLAIM_FILTERS, *PAGE],
    )
}
CLAIM = {
    "get": operation(
        "getClaim",
        "An item with its verdict history",
        "claims",
        responses({"200": ok("The item.", ref("ClaimDetail"), headers=ETAG)}, "404"),
        parameters=[p.ID],
    )
}
VERIFICATION = {
    "put": operation(
        "setVerification",
        "Record a verdict on the revision named by If-Match (editor)",
        "claims",
        responses(
            {"200": ok("The item at its new revision.", ref("ClaimDetail"), headers=ETAG)},
            "400",
            "403",
            "404",
            "412",
            "413",
            "415",
            "422",
            "428",
        ),
        parameters=[p.ID, p.IF_MATCH],
        body="VerificationInput",
        security=WRITE,
    )
}
CLAIM_REVIEW = {
    "get": operation(
        "getClaimReview",
        "The item's verdict as schema.org ClaimReview JSON-LD",
        "exports",
        responses(
            {
                "200": {
                    "description": "ClaimReview JSON-LD.",
                    "content": json_content(ref("ClaimReview"), "application/ld+json"),
                }
            },
            "404",
            "409",
        ),
        parameters=[p.ID],
    )
}
TIMELINE_JSON = {
    "get": operation(
        "getTimelineJs",
        "The filtered timeline (up to 1000 items) as Knight Lab TimelineJS JSON",
        "exports",
        responses({"200": ok("TimelineJS3 JSON.", ref("TimelineJS"))}, "400"),
        parameters=[p.FORMAT, *p.CLAIM_FILTERS],
    )
}
CLAIMS_CSV = {
    "get": operation(
        "getClaimsCsv",
        "The filtered timeline (up to 1000 items) as CSV",
        "exports",
        responses(
            {
                "200": {
                    "description": "RFC 4180 CSV with a header row; columns in this order: "
                    + ", ".join(CSV_COLUMNS)
                    + ".",
                    "content": {"text/csv": {"schema": {"type": "string"}}},
                }
            },
            "400",
        ),
        parameters=p.CLAIM_FILTERS,
    )
}
SPEAKERS = {
    "get": operation(
        "listSpeakers",
        "Speakers by name",
        "speakers",
        responses({"200": ok("A page of speakers.", ref("SpeakerPage"))}, "400"),
        parameters=PAGE,
    )
}
SPEAKER = {
    "get": operation(
        "getSpeaker",
        "A speaker with the number of items per verdict",
        "speakers",
        responses({"200": ok("The speaker.", ref("SpeakerDetail"))}, "404"),
        parameters=[p.ID],
    )
}
HEALTH = {
    "get": {
        "operationId": "getHealth",
        "summary": "Is the service up and its database reachable and migrated?",
        "tags": ["service"],
        "security": [{}],
        "responses": {
            "200": ok("Healthy.", ref("Health")),
            "503": ok("The database is unreachable.", ref("Health")),
        },
    }
}
OPENAPI = {
    "get": {
        "operationId": "getOpenApi",
        "summary": "This document",
        "tags": ["service"],
        "security": [{}],
        "responses": {"200": ok("OpenAPI 3.1.", {"type": "object"})},
    }
}

PATHS: dict[str, dict[str, Schema]] = {
    "/health": HEALTH,
    "/openapi.json": OPENAPI,
    "/articles": ARTICLES,
    "/articles/{id}": ARTICLE,
    "/claims": CLAIMS,
    "/claims.csv": CLAIMS_CSV,
    "/claims/{id}": CLAIM,
    "/claims/{id}/verification": VERIFICATION,
    "/claims/{id}/claimreview": CLAIM_REVIEW,
    "/timeline.json": TIMELINE_JSON,
    "/speakers": SPEAKERS,
    "/speakers/{id}": SPEAKER,
}


def document(server_url: str = "/api/v1") -> Schema:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Hindsight REST API",
            "version": "1.0.0",
            "description": "Claims and predictions from news articles, their normalized times "
            "and verdicts. The same data, IDs, tokens and rules as the GraphQL API at /graphql. "
            "Errors are RFC 9457 problem+json with a stable `code`.",
        },
        "servers": [{"url": server_url}],
        "paths": PATHS,
        "components": {
            "schemas": COMPONENTS,
            "responses": {
                name: {
                    "description": description,
                    "content": json_content(ref("Problem"), "application/problem+json"),
                }
                for name, description in PROBLEMS.values()
            },
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API token (hs_…): reader, editor or admin.",
                }
            },
        },
    }


async def openapi_json(request: Request) -> JSONResponse:
    """Open to all: the document describes the API, it holds no data."""
    return JSONResponse(document(request.scope.get("root_path") or "/api/v1"))
