"""verificationChanged over graphql-transport-ws, through a real uvicorn server, on both backends.

On PostgreSQL the event makes the round trip through NOTIFY and this process's LISTEN.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from websockets.asyncio.client import connect

from api.services import ids
from api.services.events import PostgresBus
from api.services.tokens import create_token
from tests.builders.claims import make_article, make_claim
from tests.live.conftest import LiveServer
from tests.live.graphql_ws import (
    PROTOCOL,
    open_socket,
    receive,
    set_verification,
    subscribe,
    ws_url,
)


@dataclass
class World:
    editor_token: str
    reader_token: str
    claim_a: str
    claim_b: str


@pytest_asyncio.fixture
async def world(sessionmaker: async_sessionmaker[AsyncSession]) -> World:
    async with sessionmaker() as session, session.begin():
        _, editor = await create_token(session, "editor", "editor")
        _, reader = await create_token(session, "reader", "reader")
        article = await make_article(session)
        a = await make_claim(session, article, kind="PREDICTION")
        b = await make_claim(session, article)
    return World(editor, reader, ids.encode("Claim", a.id), ids.encode("Claim", b.id))


@pytest_asyncio.fixture
async def http(live_server: LiveServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=live_server.base_url) as client:
        yield client


class TestVerificationChanged:
    async def test_a_verdict_reaches_the_subscriber(
        self, live_server: LiveServer, world: World, http: httpx.AsyncClient
    ) -> None:
        socket = await open_socket(
            live_server.base_url, {"Authorization": f"Bearer {world.reader_token}"}
        )
        assert (await receive(socket))["type"] == "connection_ack"
        await subscribe(socket, world.claim_a)
        await live_server.wait_for_subscribers(1)

        done = await set_verification(http, world.editor_token, world.claim_a, 0, "REFUTED")

        message = await receive(socket)
        assert message["type"] == "next", message
        change = message["payload"]["data"]["verificationChanged"]
        assert change == {
            "claimId": world.claim_a,
            "verification": {
                "status": "REFUTED",
                "revision": 1,
                "note": "checked at revision 0",
                "verifiedBy": "editor",
            },
        }
        assert done["verification"]["revision"] == 1
        await socket.close()

    async def test_the_bus_fits_the_backend(self, live_server: LiveServer, db_url: str) -> None:
        bus = live_server.app.state.bus
        assert isinstance(bus, PostgresBus) == db_url.startswith("postgresql")
        if isinstance(bus, PostgresBus):  # started by the lifespan: LISTEN is on
            assert bus.connection is not None
            assert not bus.connection.is_closed()

    async def test_a_claim_filter_only_hears_its_claim(
        self, live_server: LiveServer, world: World, http: httpx.AsyncClient
    ) -> None:
        socket = await open_socket(
            live_server.base_url, {"Authorization": f"Bearer {world.reader_token}"}
        )
        assert (await receive(socket))["type"] == "connection_ack"
        await subscribe(socket, world.claim_a, op_id="only-a")
        await subscribe(socket, None, op_id="all")
        await live_server.wait_for_subscribers(2)

        await set_verification(http, world.editor_token, world.claim_b, 0)
        await set_verification(http, world.editor_token, world.claim_a, 0)

        heard = [await receive(socket) for _ in range(3)]
        by_op = [(m["id"], m["payload"]["data"]["verificationChanged"]["claimId"]) for m in heard]
        assert sorted(by_op) == sorted(
            [("all", world.claim_b), ("all", world.claim_a), ("only-a", world.claim_a)]
        )
        await socket.close()


class TestSocketAuth:
    async def test_without_a_token_a_private_server_refuses_the_subscription(
        self, live_server: LiveServer, world: World
    ) -> None:
        socket = await open_socket(live_server.base_url)
        assert (await receive(socket))["type"] == "connection_ack"
        await subscribe(socket, world.claim_a)
        message = await receive(socket)
        assert message["type"] == "error", message
        assert message["payload"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert "reading needs a token" in message["payload"][0]["message"]
        await socket.close()

    @pytest.mark.parametrize("value", ["Bearer hs_not-a-token", "Basic abc"])
    async def test_a_bad_init_token_closes_the_socket(
        self, live_server: LiveServer, world: World, value: str
    ) -> None:
        socket = await open_socket(live_server.base_url, {"Authorization": value})
        await socket.wait_closed()
        assert socket.close_code == 4403

    async def test_the_handshake_header_works_too(
        self, live_server: LiveServer, world: World, http: httpx.AsyncClient
    ) -> None:
        socket = await connect(
            ws_url(live_server.base_url),
            subprotocols=[PROTOCOL],  # type: ignore[list-item]
            additional_headers={"Authorization": f"Bearer {world.reader_token}"},
        )
        await socket.send('{"type": "connection_init"}')
        assert (await receive(socket))["type"] == "connection_ack"
        await subscribe(socket, None)
        await live_server.wait_for_subscribers(1)
        await set_verification(http, world.editor_token, world.claim_b, 0)
        message = await receive(socket)
        assert message["payload"]["data"]["verificationChanged"]["claimId"] == world.claim_b
        await socket.close()
