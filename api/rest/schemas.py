"""JSON Schemas (OpenAPI 3.1 dialect) of the REST bodies: documented AND enforced from here.

The request schemas are what `api.rest.validate` checks bodies and query strings against, and the
response schemas are what the OpenAPI document promises; the schemathesis test holds both to it.
"""

from __future__ import annotations

from typing import Any

from db.models.claim import CLAIM_KINDS, STATUSES

Schema = dict[str, Any]

ORDERS = ("ASC", "DESC")


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: Schema) -> Schema:
    if "$ref" in schema:
        return {"oneOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def obj(properties: dict[str, Schema], *, optional: tuple[str, ...] = (), **extra: Any) -> Schema:
    """A closed object whose properties are all required unless named in `optional`."""
    return {
        "type": "object",
        "properties": properties,
        "required": [p for p in properties if p not in optional],
        "additionalProperties": False,
        **extra,
    }


STRING = {"type": "string"}
DATE = {"type": "string", "format": "date"}
URI = {"type": "string", "format": "uri"}
ID = {"type": "string", "description": "Opaque global ID, the same as GraphQL's."}
NEXT = nullable({"type": "string", "format": "uri", "description": "The next page, or null."})

ARTICLE_INPUT = obj(
    {
        "title": {"type": "string", "minLength": 1, "maxLength": 500},
        "text": {
            "type": "string",
            "minLength": 1,
            "description": "Plain text, at most 200 000 characters (longer: 413).",
        },
        "published_at": {**DATE, "description": "Publication date: the reference time."},
        "url": nullable({**URI, "maxLength": 2000, "description": "http(s); the idempotency key."}),
        "outlet": nullable({"type": "string", "maxLength": 200}),
        "author": nullable({"type": "string", "maxLength": 200}),
    },
    optional=("url", "outlet", "author"),
    description="An article to ingest. Without a URL, its exact text is the idempotency key.",
)

VERIFICATION_INPUT = obj(
    {
        "status": {"type": "string", "enum": list(STATUSES)},
        "note": nullable({"type": "string", "maxLength": 10_000}),
        "evidence_urls": {"type": "array", "items": URI, "maxItems": 50},
    },
    optional=("note", "evidence_urls"),
    description="A verdict. Send the claim's revision in If-Match.",
)

ARTICLE_SUMMARY_PROPS: dict[str, Schema] = {
    "id": ID,
    "title": STRING,
    "published_at": DATE,
    "url": nullable(URI),
    "outlet": nullable(STRING),
    "author": nullable(STRING),
}

TIME_ANCHOR = obj(
    {
        "text": STRING,
        "value": {"type": "string", "description": "TIMEX3 value, e.g. 2022-09, P5M."},
        "start": nullable({**DATE, "description": "First day (inclusive)."}),
        "end": nullable({**DATE, "description": "Last day (inclusive)."}),
        "granularity": nullable(STRING),
        "role": {"type": "string", "description": "event, deadline, expected or reported."},
    }
)

CLAIM_PROPS: dict[str, Schema] = {
    "id": ID,
    "kind": {"type": "string", "enum": list(CLAIM_KINDS)},
    "text": STRING,
    "start": {"type": "integer", "description": "Offset in the article text."},
    "end": {"type": "integer", "description": "End offset (exclusive)."},
    "quote": {"type": "boolean"},
    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    "speaker": nullable(ref("SpeakerRef")),
    "article": ref("ArticleRef"),
    "time": nullable(ref("TimeAnchor")),
    "times": {"type": "array", "items": ref("TimeAnchor")},
    "status": {"type": "string", "enum": list(STATUSES)},
    "revision": {"type": "integer", "minimum": 0, "description": "Send it in If-Match."},
    "due": {"type": "boolean", "description": "A prediction past its deadline, still open."},
}

VERIFICATION = obj(
    {
        "id": ID,
        "status": {"type": "string", "enum": list(STATUSES)},
        "note": nullable(STRING),
        "evidence_urls": {"type": "array", "items": URI},
        "verified_by": nullable({"type": "string", "description": "The token's name."}),
        "revision": {"type": "integer", "minimum": 1},
        "created_at": {"type": "string", "format": "date-time"},
    }
)

SPEAKER_PROPS: dict[str, Schema] = {
    "id": ID,
    "name": STRING,
    "aliases": {"type": "array", "items": STRING},
}


def page_of(item: str) -> Schema:
    return obj(
        {
            "items": {"type": "array", "items": ref(item)},
            "total": {"type": "integer", "minimum": 0, "description": "Items matching in all."},
            "next": NEXT,
        }
    )


PROBLEM = obj(
    {
        "type": {"type": "string", "description": "about:blank, or a URI naming the problem."},
        "title": STRING,
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": STRING,
        "code": {
            "type": "string",
            "description": "Stable code: INVALID, INVALID_ID, INVALID_CURSOR, NOT_FOUND, "
            "CONFLICT (409; 412 for If-Match), PRECONDITION_REQUIRED, TOO_LARGE, BODY_TOO_LARGE, "
            "MALFORMED_JSON, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, UNAUTHENTICATED, "
            "FORBIDDEN.",
        },
        "field": nullable({"type": "string", "description": "The offending field or parameter."}),
    },
    optional=("field",),
    description="RFC 9457 problem details.",
)

THING = {"type": "object", "required": ["@type"], "properties": {"@type": STRING}}

CLAIM_REVIEW = {
    "type": "object",
    "description": "schema.org ClaimReview (JSON-LD), as Google's fact-check markup reads it.",
    "required": [
        "@context",
        "@type",
        "url",
        "claimReviewed",
        "itemReviewed",
        "reviewRating",
        "author",
        "datePublished",
    ],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "url": URI,
        "claimReviewed": STRING,
        "datePublished": DATE,
        "author": THING,
        "itemReviewed": THING,
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName"],
            "properties": {
                "@type": {"const": "Rating"},
                "alternateName": STRING,
                "ratingValue": {"type": "integer"},
                "bestRating": {"type": "integer"},
                "worstRating": {"type": "integer"},
            },
        },
    },
}

TIMELINE_DATE = obj(
    {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
    },
    optional=("month", "day"),
)

TIMELINEJS = obj(
    {
        "title": obj({"text": obj({"headline": STRING, "text": STRING})}),
        "events": {
            "type": "array",
            "items": obj(
                {
                    "start_date": ref("TimelineDate"),
                    "end_date": ref("TimelineDate"),
                    "text": obj({"headline": STRING, "text": STRING}),
                    "group": {"type": "string", "enum": ["Claim", "Prediction"]},
                    "unique_id": STRING,
                },
                optional=("end_date",),
            ),
        },
    },
    description="Knight Lab TimelineJS3 JSON.",
)

HEALTH = {
    "type": "object",
    "required": ["status", "database"],
    "properties": {
        "status": {"type": "string", "enum": ["ok", "unavailable"]},
        "database": {"type": "object"},
    },
}

COMPONENTS: dict[str, Schema] = {
    "ArticleInput": ARTICLE_INPUT,
    "VerificationInput": VERIFICATION_INPUT,
    "ArticleRef": obj(
        {k: ARTICLE_SUMMARY_PROPS[k] for k in ("id", "title", "published_at", "url")}
    ),
    "ArticleSummary": obj(ARTICLE_SUMMARY_PROPS),
    "Article": obj(
        {
            **ARTICLE_SUMMARY_PROPS,
            "text": STRING,
            "claims": {"type": "array", "items": ref("Claim")},
        }
    ),
    "ArticlePage": page_of("ArticleSummary"),
    "TimeAnchor": TIME_ANCHOR,
    "SpeakerRef": obj({"id": ID, "name": STRING}),
    "Claim": obj(CLAIM_PROPS),
    "ClaimDetail": obj(
        {
            **CLAIM_PROPS,
            "verifications": {
                "type": "array",
                "items": ref("Verification"),
                "description": "Verdict history, newest first.",
            },
        }
    ),
    "ClaimPage": page_of("Claim"),
    "Verification": VERIFICATION,
    "Speaker": obj(SPEAKER_PROPS),
    "SpeakerDetail": obj(
        {
            **SPEAKER_PROPS,
            "status_counts": {
                "type": "object",
                "description": "Number of the speaker's items per verdict.",
                "propertyNames": {"enum": list(STATUSES)},
                "additionalProperties": {"type": "integer", "minimum": 1},
            },
        }
    ),
    "SpeakerPage": page_of("Speaker"),
    "Problem": PROBLEM,
    "ClaimReview": CLAIM_REVIEW,
    "TimelineDate": TIMELINE_DATE,
    "TimelineJS": TIMELINEJS,
    "Health": HEALTH,
}
