"""A minimal graphql-transport-ws client and HTTP GraphQL helpers for the live tests."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

PROTOCOL = "graphql-transport-ws"
SUBSCRIPTION = """
subscription Changes($claimId: ID) {
  verificationChanged(claimId: $claimId) {
    claimId
    verification { status revision note verifiedBy }
  }
}
"""
SET_VERIFICATION = """
mutation Set($input: SetVerificationInput!) {
  setVerification(input: $input) {
    verification { id revision }
    userErrors { code message }
  }
}
"""


def ws_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://", 1) + "/graphql"


async def open_socket(
    base_url: str, init_payload: dict[str, Any] | None = None
) -> ClientConnection:
    """Connect and send connection_init; the caller reads the ack (or the close)."""
    socket = await connect(ws_url(base_url), subprotocols=[PROTOCOL])  # type: ignore[list-item]
    await socket.send(json.dumps({"type": "connection_init", "payload": init_payload or {}}))
    return socket


async def receive(socket: ClientConnection, timeout: float = 10) -> dict[str, Any]:
    """The next message that is not a ping (answered) or pong."""
    while True:
        message = json.loads(await asyncio.wait_for(socket.recv(), timeout))
        if message["type"] == "ping":
            await socket.send(json.dumps({"type": "pong"}))
        elif message["type"] != "pong":
            return message


async def subscribe(socket: ClientConnection, claim_id: str | None, op_id: str = "1") -> None:
    payload = {"query": SUBSCRIPTION, "variables": {"claimId": claim_id}}
    await socket.send(json.dumps({"id": op_id, "type": "subscribe", "payload": payload}))


async def set_verification(
    client: httpx.AsyncClient, token: str, claim_id: str, revision: int, status: str = "CONFIRMED"
) -> dict[str, Any]:
    """setVerification over HTTP; returns the payload, asserting it has no userErrors."""
    variables = {
        "input": {
            "claimId": claim_id,
            "status": status,
            "expectedRevision": revision,
            "note": f"checked at revision {revision}",
        }
    }
    response = await client.post(
        "/graphql",
        json={"query": SET_VERIFICATION, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    body = response.json()
    assert response.status_code == 200, body
    payload = body["data"]["setVerification"]
    assert payload["userErrors"] == [], payload
    return dict(payload)
