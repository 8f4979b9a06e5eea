"""Live updates over graphql-transport-ws: every accepted verdict, as it is committed."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Annotated, Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from strawberry.exceptions import ConnectionRejectionError

from api.auth import bearer_token
from api.graphql.access import CanRead
from api.graphql.context import Context, Info
from api.graphql.errors import coded_errors
from api.graphql.types.verification import Verification
from api.services import ids
from api.services.events import load_verification
from api.services.tokens import authenticate


@dataclass
class SocketContext(Context):
    """The context of one websocket; strawberry stores the connection_init payload here."""

    connection_params: dict[str, Any] | None = None


async def accept_connection(
    context: SocketContext, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    """Take a token from the connection_init payload ({"Authorization": "Bearer …"}).

    Browsers cannot set headers on a websocket, so the payload is how GraphiQL and web clients
    authenticate; a handshake header (checked by AuthMiddleware) works too. An unknown or
    revoked token closes the socket with 4403.
    """
    params = context.connection_params or {}
    value = next((v for k, v in params.items() if k.lower() == "authorization"), None)
    if not isinstance(value, str):
        return
    token = bearer_token([(b"authorization", value.encode("latin-1", "replace"))])
    if not token:
        raise ConnectionRejectionError({"message": "the bearer token is unknown or revoked"})
    async with sessionmaker() as session:
        principal = await authenticate(session, token)
    if principal is None:
        raise ConnectionRejectionError({"message": "the bearer token is unknown or revoked"})
    context.principal = principal


@strawberry.type(description="A verdict that was just recorded.")
class VerificationChange:
    claim_id: strawberry.ID = strawberry.field(description="The Claim whose status changed.")
    verification: Verification = strawberry.field(
        description="The new verdict; its status and revision are now the claim's."
    )


@strawberry.type(
    description="Live updates over graphql-transport-ws at /graphql (token in connection_init)."
)
class Subscription:
    @strawberry.subscription(
        description="Every verdict accepted from now on (by any server process), for one claim "
        "or for all.",
        permission_classes=[CanRead],
    )
    async def verification_changed(
        self,
        info: Info,
        claim_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only this Claim; all claims when omitted."),
        ] = None,
    ) -> AsyncGenerator[VerificationChange, None]:
        with coded_errors():
            pk = ids.decode_as(claim_id, "Claim", "claimId") if claim_id else None
        # A fresh session per event: the socket lives for hours, a session must not.
        sessionmaker = async_sessionmaker(info.context.session.bind, expire_on_commit=False)
        async for event in info.context.bus.subscribe(pk):
            async with sessionmaker() as session:
                row = await load_verification(session, event)
            if row is not None:
                yield VerificationChange(
                    claim_id=strawberry.ID(ids.encode("Claim", event.claim_id)),
                    verification=Verification.from_model(row),
                )
