"""Bounds on what one GraphQL document may ask for, checked before anything is resolved.

Each limit's error names it, so a client knows which one it hit. Introspection fields do not
count towards the depth: GraphiQL's schema query nests `ofType` far deeper than any data query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
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


class LimitErrorCodes(SchemaExtension):
    """Adds `extensions: {code, limit}` to the errors of the three limits."""

    def on_parse(self) -> Iterator[None]:
        yield
        self._tag()

    def on_validate(self) -> Iterator[None]:
        yield
        self._tag()

    def _tag(self) -> None:
        for error in self.execution_context.pre_execution_errors or []:
            for pattern, code, limit in _LIMIT_ERRORS:
                if pattern.search(error.message):
                    error.extensions = {**(error.extensions or {}), "code": code, "limit": limit}


def extensions() -> list[Callable[[], SchemaExtension]]:
    """Factories: strawberry builds fresh extensions for each request."""
    return [
        LimitErrorCodes,
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ]
