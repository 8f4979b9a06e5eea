"""The app under a real uvicorn server in the test's event loop, so tests can see its bus."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import pytest_asyncio
import uvicorn
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette

from api.app import create_app
from api.settings import Settings
from tests.e2e.server import free_port


@dataclass
class LiveServer:
    app: Starlette
    base_url: str

    async def wait_for_subscribers(self, count: int, timeout: float = 5) -> None:
        """Until `count` subscriptions listen on the bus (a subscription has no ack)."""
        await until(lambda: len(self.app.state.bus.queues) >= count, timeout)


async def until(condition: Callable[[], bool], timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


@pytest_asyncio.fixture
async def live_server(db_url: str, engine: AsyncEngine) -> AsyncIterator[LiveServer]:
    """Reads need a token here, so the connection_init token is what lets subscribers in."""
    app = create_app(Settings(database_url=db_url, load_seeds=False, public_read=False))
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="on", log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    await until(lambda: server.started or task.done(), timeout=20)
    assert server.started, "uvicorn did not start"
    try:
        yield LiveServer(app, f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        await task
