"""Keyset pages over (sort column, id), in either direction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, select


def keyset_page(
    model: type[Any], sort: ColumnElement[Any], *, ascending: bool, after_id: int | None
) -> Select[Any]:
    """`model` rows in (sort, id) order, strictly after the row `after_id` (when given)."""
    pk = model.id
    query = select(model).order_by(*((sort, pk) if ascending else (sort.desc(), pk.desc())))
    if after_id is None:
        return query
    anchor = select(sort).where(pk == after_id).scalar_subquery()
    if ascending:
        return query.where((sort > anchor) | ((sort == anchor) & (pk > after_id)))
    return query.where((sort < anchor) | ((sort == anchor) & (pk < after_id)))
