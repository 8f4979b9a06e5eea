from __future__ import annotations

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, CreatedAtMixin


class Speaker(CreatedAtMixin, Base):
    """A source quoted across articles, keyed by its canonical name."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    # Lower-cased canonical name, for case-insensitive lookup by name.
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
