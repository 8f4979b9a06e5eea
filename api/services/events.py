"""Verification events for subscribers: in-process on SQLite, LISTEN/NOTIFY on PostgreSQL.

Every accepted verdict is published after its transaction commits, as (claim_id,
verification_id). A bus delivers it to every subscriber of that claim (or of all claims).
The PostgreSQL bus extends delivery across server processes: publishing sends a NOTIFY and
every process (the publisher included) delivers what its LISTEN connection receives.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Verification
from db.session import is_sqlite, normalize_url

CHANNEL = "hindsight_verifications"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VerificationEvent:
    claim_id: int
    verification_id: int

    def encode(self) -> str:
        return f"{self.claim_id}:{self.verification_id}"

    @classmethod
    def decode(cls, payload: str) -> VerificationEvent:
        claim_id, _, verification_id = payload.partition(":")
        return cls(int(claim_id), int(verification_id))


@dataclass
class LocalBus:
    """Fan-out to the subscribers of this process."""

    queues: set[asyncio.Queue[VerificationEvent]] = field(default_factory=set)

    async def start(self) -> None:
        """Nothing to connect to in-process."""

    async def stop(self) -> None:
        self.queues.clear()

    async def publish(self, event: VerificationEvent) -> None:
        self.deliver(event)

    def deliver(self, event: VerificationEvent) -> None:
        for queue in list(self.queues):
            queue.put_nowait(event)

    async def subscribe(self, claim_id: int | None = None) -> AsyncIterator[VerificationEvent]:
        queue: asyncio.Queue[VerificationEvent] = asyncio.Queue()
        self.queues.add(queue)
        try:
            while True:
                event = await queue.get()
                if claim_id is None or event.claim_id == claim_id:
                    yield event
        finally:
            self.queues.discard(queue)


def asyncpg_dsn(database_url: str) -> str:
    """The SQLAlchemy URL (`postgresql+asyncpg://…`) as a libpq-style DSN for asyncpg."""
    url = make_url(normalize_url(database_url)).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


@dataclass
class PostgresBus(LocalBus):
    """LISTEN/NOTIFY on one dedicated asyncpg connection, shared by listening and publishing.

    Before `start()` (an app run without its lifespan, as in ASGI tests) or when the connection
    is gone, events are still delivered in this process: a verdict is never lost locally.
    """

    dsn: str = ""
    connection: Any = None  # asyncpg.Connection once started
    started: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def start(self) -> None:
        self.started = True
        await self._connect()

    async def _connect(self) -> None:
        self.connection = await asyncpg.connect(self.dsn)
        await self.connection.add_listener(CHANNEL, self._on_notify)

    async def stop(self) -> None:
        self.started = False
        connection, self.connection = self.connection, None
        if connection is not None:
            await connection.close()
        await super().stop()

    async def publish(self, event: VerificationEvent) -> None:
        async with self.lock:  # one query at a time on an asyncpg connection
            try:
                if self.started and (self.connection is None or self.connection.is_closed()):
                    await self._connect()  # the server restarted or dropped us: LISTEN again
                if self.connection is not None:
                    await self.connection.execute(
                        "SELECT pg_notify($1, $2)", CHANNEL, event.encode()
                    )
                    return
            except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as exc:
                log.warning("NOTIFY failed, delivering in this process only: %s", exc)
        self.deliver(event)

    def _on_notify(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        try:
            self.deliver(VerificationEvent.decode(payload))
        except ValueError:
            log.warning("ignoring malformed %s payload %r", CHANNEL, payload)


def create_bus(database_url: str) -> LocalBus:
    """In-process on SQLite (one server process); LISTEN/NOTIFY on PostgreSQL."""
    if is_sqlite(database_url):
        return LocalBus()
    return PostgresBus(dsn=asyncpg_dsn(database_url))


async def load_verification(session: AsyncSession, event: VerificationEvent) -> Verification | None:
    """The row an event announces (None if it is gone, e.g. its article was deleted since)."""
    verification = await session.get(Verification, event.verification_id)
    if verification is None or verification.claim_id != event.claim_id:
        return None
    return verification
