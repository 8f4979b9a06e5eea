"""Read-only model instances built straight from Core rows, for display-only pages.

Loading a 50-item timeline page through the ORM (identity map, instance state, joined-eager
collections) costs several times the SQL itself. A page that is only read and serialized does
not need any of that: `read_only` makes an instance of the mapped class whose attributes sit
in its `__dict__`, where SQLAlchemy's attribute descriptors read loaded values from. It has
no instance state, so it belongs to no session: it cannot be flushed, refreshed or lazily
loaded, and reading an attribute that was not given raises `UnmappedInstanceError`
(see tests/db/test_records.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

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


def read_only(model: type[M], names: Sequence[str], values: Sequence[Any]) -> M:
    """An instance of `model` holding `values` under `names`, outside any session."""
    instance = model.__new__(model)
    instance.__dict__.update(zip(names, values, strict=True))
    return instance
