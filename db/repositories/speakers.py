from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Text, cast, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Speaker
from db.repositories.keyset import keyset_page


class SpeakerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_ids(self, ids: Sequence[int]) -> list[Speaker]:
        return list(await self.session.scalars(select(Speaker).where(Speaker.id.in_(ids))))

    async def by_name(self, name: str) -> Speaker | None:
        key = name.strip().lower()
        return (await self.session.scalars(select(Speaker).where(Speaker.name_key == key))).first()

    async def ids_matching(self, name: str) -> list[int]:
        """Speakers whose canonical name or one of whose aliases equals `name` (any case)."""
        key = name.strip().lower()
        if "\x00" in key:  # no stored name holds NUL, and PostgreSQL rejects it in a parameter
            return []
        query = select(Speaker)
        if key.isascii():
            # Narrowed in SQL to rows whose alias list contains the name as a JSON string (the
            # list is stored as json.dumps text); the exact check below still decides. Other
            # names are stored \u-escaped, where lower() cannot fold case, so they scan all.
            needle = json.dumps(key)
            aliases_text = func.lower(cast(Speaker.aliases, Text))
            query = query.where(
                (Speaker.name_key == key) | aliases_text.contains(needle, autoescape=True)
            )
        return [
            speaker.id
            for speaker in await self.session.scalars(query)
            if speaker.name_key == key or key in (a.lower() for a in speaker.aliases)
        ]

    async def upsert(self, name: str, aliases: Sequence[str]) -> Speaker:
        """The speaker named `name`, created if new, with `aliases` merged in."""
        speaker = await self._locked(name) or await self._create(name)
        merged = sorted({*speaker.aliases, *aliases} - {name})
        if merged != speaker.aliases:
            speaker.aliases = merged
        await self.session.flush()
        return speaker

    async def _locked(self, name: str) -> Speaker | None:
        """The speaker, read fresh and held until commit, so concurrent alias merges queue
        instead of overwriting each other. A no-op UPDATE takes the row lock on PostgreSQL
        and the write lock on SQLite (where a plain SELECT would not wait)."""
        key = name.strip().lower()
        touch = update(Speaker).where(Speaker.name_key == key).values(name_key=Speaker.name_key)
        await self.session.execute(touch.execution_options(synchronize_session=False))
        query = select(Speaker).where(Speaker.name_key == key)
        fresh = await self.session.scalars(query.execution_options(populate_existing=True))
        return fresh.first()

    async def _create(self, name: str) -> Speaker:
        candidate = Speaker(name=name, name_key=name.strip().lower(), aliases=[])
        try:
            async with self.session.begin_nested():
                self.session.add(candidate)
        except IntegrityError:
            # A concurrent transaction created this speaker first (the unique key decided):
            # use its row rather than failing the whole ingestion.
            existing = await self.by_name(name)
            if existing is None:
                raise
            return existing
        return candidate

    async def page(self, after_id: int | None, limit: int, backward: bool = False) -> list[Speaker]:
        """Speakers in name order (`backward`: reverse), after the speaker `after_id`."""
        query = keyset_page(Speaker, Speaker.name_key, ascending=not backward, after_id=after_id)
        return list(await self.session.scalars(query.limit(limit)))

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count(Speaker.id))) or 0)
