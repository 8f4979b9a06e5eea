"""Verification events for subscribers: in-process by default.

Every accepted verdict is published after its transaction commits, as (claim_id,
verification_id). A bus delivers it to every subscriber of that claim (or of all claims).
The PostgreSQL bus (LISTEN/NOTIFY) extends delivery across server processes.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class VerificationEvent:
    claim_id: int
    verification_id: int


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
