"""Read-only records built straight from Core rows, for display-only pages.

Loading a 50-item timeline page through the ORM (identity map, instance state, joined-eager
collections) costs several times the SQL itself, and every attribute read on an ORM instance
goes through SQLAlchemy's Python-level descriptor. A page that is only read and serialized
needs none of that. `record_class(Claim)` is a plain class generated from the mapper: its
instances hold the selected columns (and whatever relations the loader attaches) as ordinary
attributes under the model's attribute names, so code that reads a model reads a record the
same way. A record belongs to no session; an attribute that was not selected is missing
(AttributeError), never lazily loaded (see tests/db/test_records.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, TypeVar, cast

from sqlalchemy import Column, inspect

from db.base import Base

M = TypeVar("M", bound=Base)


def columns(model: type[Base], *, exclude: Iterable[str] = ()) -> list[tuple[str, Column[Any]]]:
    """(attribute name, table column) of a model's column attributes, in mapper order."""
    skip = set(exclude)
    return [
        (attr.key, attr.columns[0])  # type: ignore[misc]
        for attr in inspect(model).column_attrs
        if attr.key not in skip
    ]


@cache
def record_class(model: type[Base]) -> type:
    """The plain read-only record class standing in for `model` on display-only pages."""

    def __repr__(self: Any) -> str:
        return f"<{type(self).__name__} id={getattr(self, 'id', None)!r}>"

    doc = f"A read-only {model.__name__} read from a row (db.records)."
    return type(f"{model.__name__}Record", (), {"__doc__": doc, "__repr__": __repr__})


def read_only(model: type[M], names: Sequence[str], values: Sequence[Any]) -> M:
    """A record of `model` holding `values` under `names` (typed as the model it mirrors)."""
    cls = record_class(model)
    record = cls.__new__(cls)
    record.__dict__.update(zip(names, values, strict=True))
    return cast(M, record)
