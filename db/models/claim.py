from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TIMESTAMP

from db.base import Base, CreatedAtMixin

if TYPE_CHECKING:
    from db.models.article import Article
    from db.models.speaker import Speaker
    from db.models.verification import Verification

CLAIM_KINDS = ("CLAIM", "PREDICTION")
STATUSES = (
    "UNVERIFIED",
    "IN_REVIEW",
    "CONFIRMED",
    "PARTLY_CONFIRMED",
    "MISLEADING",
    "REFUTED",
    "UNVERIFIABLE",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Claim(CreatedAtMixin, Base):
    """A claim or prediction of an article, with its primary time anchor and current status."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(_in("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(_in("status", STATUSES), name="status"),
        # The timeline's keyset order: (sort_date, id).
        Index("ix_claims_sort", "sort_date", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    quote: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float] = mapped_column(Float)
    cue: Mapped[str | None] = mapped_column(String(200))

    # Primary time anchor (None when the item has no time at all).
    time_text: Mapped[str | None] = mapped_column(String(500))
    time_value: Mapped[str | None] = mapped_column(String(100))
    time_start: Mapped[date | None] = mapped_column(Date)
    time_end: Mapped[date | None] = mapped_column(Date)
    time_granularity: Mapped[str | None] = mapped_column(String(20))
    time_role: Mapped[str | None] = mapped_column(String(20))
    # Every time anchor of the item, as dicts shaped like the primary one.
    times: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # time_start, or the publication date for undated items; kept as a column to index the order.
    sort_date: Mapped[date] = mapped_column(Date)

    status: Mapped[str] = mapped_column(String(20), default="UNVERIFIED", index=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(
        TIMESTAMP(timezone=True), server_default=func.now(), nullable=False
    )

    article: Mapped[Article] = relationship(back_populates="claims", lazy="raise")
    speaker: Mapped[Speaker | None] = relationship(lazy="raise")
    # Newest first. Read-only: history rows are only ever appended through Verification.
    verifications: Mapped[list[Verification]] = relationship(
        order_by="desc(Verification.revision)", lazy="raise", viewonly=True
    )
