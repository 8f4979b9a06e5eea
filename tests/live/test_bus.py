"""The PostgreSQL bus on its own: NOTIFY reaches every bus, survives a dropped connection."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest
import pytest_asyncio

from api.services.events import LocalBus, PostgresBus, VerificationEvent, asyncpg_dsn, create_bus

pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


@pytest_asyncio.fixture
async def buses(db_url: str) -> AsyncIterator[tuple[PostgresBus, PostgresBus]]:
    """Two buses on one database, as two server processes would have."""
    first, second = PostgresBus(dsn=asyncpg_dsn(db_url)), PostgresBus(dsn=asyncpg_dsn(db_url))
    await first.start()
    await second.start()
    yield first, second
    await first.stop()
    await second.stop()


async def next_event(bus: LocalBus, claim_id: int | None = None) -> VerificationEvent:
    """Subscribe, then wait (at most 5 s) for the first event."""
    events = bus.subscribe(claim_id)
    task = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0.05)  # let the subscription register its queue
    try:
        return await asyncio.wait_for(task, 5)
    finally:
        await events.aclose()


async def test_create_bus_picks_notify_for_postgresql(db_url: str) -> None:
    assert isinstance(create_bus(db_url), PostgresBus)
    assert type(create_bus("sqlite+aiosqlite:///x.db")) is LocalBus


async def test_a_notify_reaches_every_bus(buses: tuple[PostgresBus, PostgresBus]) -> None:
    first, second = buses
    heard_here = asyncio.ensure_future(next_event(first))
    heard_there = asyncio.ensure_future(next_event(second, claim_id=7))
    await asyncio.sleep(0.1)
    await first.publish(VerificationEvent(7, 42))
    assert await heard_here == VerificationEvent(7, 42)
    assert await heard_there == VerificationEvent(7, 42)


async def test_publish_reconnects_after_the_connection_drops(
    buses: tuple[PostgresBus, PostgresBus], db_url: str
) -> None:
    first, second = buses
    admin = await asyncpg.connect(asyncpg_dsn(db_url))
    try:  # as if PostgreSQL restarted under the first server
        await admin.execute("SELECT pg_terminate_backend($1)", first.connection.get_server_pid())
    finally:
        await admin.close()
    await asyncio.sleep(0.1)
    heard_there = asyncio.ensure_future(next_event(second))
    await asyncio.sleep(0.1)
    await first.publish(VerificationEvent(1, 2))
    assert await heard_there == VerificationEvent(1, 2)
    assert not first.connection.is_closed()


async def test_a_bus_never_started_still_delivers_in_process(db_url: str) -> None:
    bus = PostgresBus(dsn=asyncpg_dsn(db_url))  # e.g. an ASGI test app without its lifespan
    heard = asyncio.ensure_future(next_event(bus))
    await asyncio.sleep(0.1)
    await bus.publish(VerificationEvent(3, 4))
    assert await heard == VerificationEvent(3, 4)
    assert bus.connection is None
