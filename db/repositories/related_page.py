"""A timeline page with each claim's article, speaker and verifications, for display.

One statement: the page's claims (`claims.id IN (ids)`) joined to their articles, speakers
and verifications, one row per claim and verification (newest first), read as plain records
(db.records) rather than ORM entities. Only the columns a page shows are selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Article, Claim, Speaker, Verification
from db.records import columns, read_only

# Built once. No bookkeeping timestamps or lookup keys (each date or JSON value costs a
# conversion per row), and no article text (long; Article.text loads it on demand).
_CLAIM = columns(Claim, exclude={"created_at", "updated_at"})
_ARTICLE = columns(Article, exclude={"text", "text_hash", "created_at"})
_SPEAKER = columns(Speaker, exclude={"name_key", "created_at"})
_VERIFICATION = columns(Verification, exclude={"claim_id"})
_RELATED = select(
    *(column for part in (_CLAIM, _ARTICLE, _SPEAKER, _VERIFICATION) for _, column in part)
).select_from(
    Claim.__table__.join(Article.__table__, Article.id == Claim.article_id)
    .outerjoin(Speaker.__table__, Speaker.id == Claim.speaker_id)
    .outerjoin(Verification.__table__, Verification.claim_id == Claim.id)
)


def timeline_order(descending: bool) -> tuple[Any, Any]:
    """The timeline's (sort_date, id) order, either way."""
    return (Claim.sort_date.desc(), Claim.id.desc()) if descending else (Claim.sort_date, Claim.id)


async def related_page(session: AsyncSession, ids: Select[Any], descending: bool) -> list[Claim]:
    """The claims whose ids `ids` selects, in (sort_date, id) order, with their relations."""
    query = _RELATED.where(Claim.id.in_(ids)).order_by(
        *timeline_order(descending), Verification.revision.desc()
    )
    # A Core statement on the session's connection: rows, without the ORM's result layer.
    connection = await session.connection()
    return _assemble((await connection.execute(query)).all())


class _Part:
    """Where one model's columns sit in a related-page row."""

    def __init__(self, model: type[Any], names: list[str], start: int) -> None:
        self.model, self.names = model, names
        self.start, self.stop = start, start + len(names)
        self.pk = start + names.index("id")

    def read(self, row: Row[Any], seen: dict[int, Any] | None = None) -> Any:
        """The row's instance (None for a missing outer-join side), one per id in `seen`."""
        pk = row[self.pk]
        if pk is None:
            return None
        found = seen.get(pk) if seen is not None else None
        if found is None:
            found = read_only(self.model, self.names, row[self.start : self.stop])
            if seen is not None:
                seen[pk] = found
        return found


def _parts() -> list[_Part]:
    parts, start = [], 0
    models = (
        (Claim, _CLAIM),
        (Article, _ARTICLE),
        (Speaker, _SPEAKER),
        (Verification, _VERIFICATION),
    )
    for model, part in models:
        parts.append(_Part(model, [name for name, _ in part], start))
        start = parts[-1].stop
    return parts


_CLAIM_PART, _ARTICLE_PART, _SPEAKER_PART, _VERIFICATION_PART = _parts()


def _assemble(rows: Sequence[Row[Any]]) -> list[Claim]:
    claims: dict[int, Claim] = {}
    articles: dict[int, Article] = {}
    speakers: dict[int, Speaker] = {}
    for row in rows:
        claim = claims.get(row[_CLAIM_PART.pk])
        if claim is None:  # first row of this claim
            claim = _CLAIM_PART.read(row, claims)
            claim.__dict__.update(
                article=_ARTICLE_PART.read(row, articles),
                speaker=_SPEAKER_PART.read(row, speakers),
                verifications=[],
            )
        if (verification := _VERIFICATION_PART.read(row)) is not None:
            claim.verifications.append(verification)
    return list(claims.values())
