"""Bounds on what one GraphQL document may ask for, checked before anything is resolved.

Each limit's error names it, so a client knows which one it hit. Introspection fields do not
count towards the depth: GraphiQL's schema query nests `ofType` far deeper than any data query.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator

from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)

# The deepest useful query today is timeline > edges > node > article/verifications > field (5).
MAX_DEPTH = 10
# Aliases let one request repeat an expensive field; a few are handy for comparing filters.
MAX_ALIASES = 15
# GraphiQL's introspection query is about 200 tokens; real queries are far smaller.
MAX_TOKENS = 2_000


# The limiters' own messages, and the stable code (and limit) each error gets for programs.
_LIMIT_ERRORS = (
    (re.compile(r"exceeds maximum operation depth"), "QUERY_TOO_DEEP", MAX_DEPTH),
    (re.compile(r"aliases found\. Allowed"), "TOO_MANY_ALIASES", MAX_ALIASES),
    (re.compile(r"Document contains more than \d+ tokens"), "TOO_MANY_TOKENS", MAX_TOKENS),
)


# Where graphql-core names the part of a variable that did not coerce: "... value at .status: ".
_VARIABLE_FIELD = re.compile(r"invalid value at \.(?:[\w\[\]]+\.)*(\w+)")


class RequestErrorCodes(SchemaExtension):
    """A stable `extensions.code` on every error that rejects the whole request.

    The three limits get their own code (and `limit`); other syntax errors
    GRAPHQL_PARSE_FAILED, other validation errors GRAPHQL_VALIDATION_FAILED, and variables
    that do not coerce (an unknown enum value such as a bad status) BAD_USER_INPUT with the
    input `field` at fault. Errors of single fields keep the codes their resolvers gave.
    """

    def on_parse(self) -> Iterator[None]:
        yield
        self._tag(self.execution_context.pre_execution_errors, "GRAPHQL_PARSE_FAILED")

    def on_validate(self) -> Iterator[None]:
        yield
        self._tag(self.execution_context.pre_execution_errors, "GRAPHQL_VALIDATION_FAILED")

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.data is None:
            requests = [e for e in result.errors or [] if not e.path]
            self._tag(requests, "BAD_USER_INPUT")

    @staticmethod
    def _tag(errors: list[GraphQLError] | None, default: str) -> None:
        for error in errors or []:
            if not (error.extensions or {}).get("code"):
                error.extensions = {**(error.extensions or {}), **_code_of(error, default)}


def _code_of(error: GraphQLError, default: str) -> dict[str, object]:
    for pattern, code, limit in _LIMIT_ERRORS:
        if pattern.search(error.message):
            return {"code": code, "limit": limit}
    field = _VARIABLE_FIELD.search(error.message) if default == "BAD_USER_INPUT" else None
    return {"code": default, **({"field": field.group(1)} if field else {})}


class ReportingParserCache(ParserCache):
    """strawberry's parser cache, minus its flaw: it parses outside strawberry's error handling,
    so a syntax or token-limit error would escape as an internal error. On an error we leave
    the document unparsed and strawberry's own guarded parse reports it."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        with contextlib.suppress(GraphQLError):
            context.graphql_document = self.cached_parse_document(
                context.query, **context.parse_options
            )
        yield


# The limiters' rule classes, built once: validation results are cached per (document, rules),
# and a limiter made per request would bring new rule classes and never hit that cache.
_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
]
# Distinct documents kept parsed and validated; clients send the same few queries again and again.
CACHE_SIZE = 256


def extensions() -> list[Callable[[], SchemaExtension]]:
    """Factories: strawberry builds fresh extensions for each request."""
    return [
        RequestErrorCodes,
        lambda: AddValidationRules(_RULES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ReportingParserCache(maxsize=CACHE_SIZE),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
    ]
