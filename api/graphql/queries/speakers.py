from __future__ import annotations

import strawberry

from api.graphql.access import CanRead
from api.graphql.context import Info
from api.graphql.errors import coded_errors
from api.graphql.queries.nodes import load_typed
from api.graphql.types.arguments import After, Before, First, IdArg, Last
from api.graphql.types.connection import SpeakerConnection
from api.graphql.types.speaker import Speaker
from api.services.catalog import PageArgs, list_speakers


@strawberry.type
class SpeakerQuery:
    @strawberry.field(
        description="One speaker; null when no speaker has this ID.",
        permission_classes=[CanRead],
    )
    async def speaker(self, info: Info, id: IdArg) -> Speaker | None:
        return await load_typed(info, id, "Speaker")

    @strawberry.field(description="Speakers in name order.", permission_classes=[CanRead])
    async def speakers(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> SpeakerConnection:
        with coded_errors():
            async with info.context.loaders.lock:
                args = PageArgs(first, after, last, before)
                page = await list_speakers(info.context.session, args)
        return SpeakerConnection.from_page(page)
