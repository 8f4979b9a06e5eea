"""Across processes: subscribe on one `hindsight serve`, set a verdict on another (PostgreSQL)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.services import ids
from tests.builders.claims import make_article, make_claim
from tests.e2e.server import running_server
from tests.live.graphql_ws import open_socket, receive, set_verification, subscribe

# A subscription has no ack, so the publisher retries until the first event is heard.
ATTEMPTS = 10
WAIT_SECONDS = 1.5


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
async def test_a_verdict_on_one_server_reaches_a_subscriber_of_another(
    db_url: str, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    async with sessionmaker() as session, session.begin():
        claim = ids.encode("Claim", (await make_claim(session, await make_article(session))).id)

    env = {"HINDSIGHT_LOAD_SEEDS": "false"}
    with running_server(db_url, **env) as listener, running_server(db_url, **env) as writer:
        assert listener.admin_token is not None  # the first server made it; both accept it
        token = listener.admin_token
        assert listener.base_url != writer.base_url
        socket = await open_socket(listener.base_url, {"Authorization": f"Bearer {token}"})
        assert (await receive(socket))["type"] == "connection_ack"
        await subscribe(socket, claim)

        written: list[int] = []
        heard = None
        async with httpx.AsyncClient(base_url=writer.base_url) as http:
            for revision in range(ATTEMPTS):
                done = await set_verification(http, token, claim, revision)
                written.append(done["verification"]["revision"])
                try:
                    heard = await receive(socket, timeout=WAIT_SECONDS)
                    break
                except TimeoutError:
                    continue
        await socket.close()

    assert heard is not None, f"no event after {len(written)} verdicts"
    change = heard["payload"]["data"]["verificationChanged"]
    assert change["claimId"] == claim
    assert change["verification"]["revision"] in written
    assert change["verification"]["verifiedBy"] == "admin"
