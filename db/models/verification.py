from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, CreatedAtMixin


class Verification(CreatedAtMixin, Base):
    """One entry of a claim's append-only verification history."""

    __tablename__ = "verifications"
    # A revision number is written once per claim: a second writer on a stale revision fails here.
    __table_args__ = (UniqueConstraint("claim_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    evidence_urls: Mapped[list[str]] = mapped_column(JSON, default=list)
    verified_by: Mapped[str | None] = mapped_column(String(200))
