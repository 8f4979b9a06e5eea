from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.graphql.context import Info
from api.graphql.types.arguments import After, Before, FilterArg, First, Last, OrderArg
from api.graphql.types.enums import Order
from api.graphql.types.node import ID_DESCRIPTION, Node
from api.graphql.types.timeline_filter import TimelineFilter
from api.graphql.types.track_record import TrackRecord
from api.services import ids
from db.models import Speaker as SpeakerModel

if TYPE_CHECKING:
    from api.graphql.types.connection import ClaimConnection


def _speaker_id(root: Speaker) -> strawberry.ID:
    # Encoded only when asked for: a timeline page shows many speakers, rarely their IDs.
    return strawberry.ID(ids.encode("Speaker", root.pk))


@strawberry.type(
    description="A source quoted by articles: a person, an organisation, or an unnamed official."
)
class Speaker(Node):
    id: strawberry.ID = strawberry.field(resolver=_speaker_id, description=ID_DESCRIPTION)
    name: str = strawberry.field(description="Canonical name.")
    aliases: list[str] = strawberry.field(description="Other names the articles use for it.")
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, model: SpeakerModel) -> Speaker:
        return cls(
            name=model.name,
            aliases=list(model.aliases),
            pk=model.id,
        )

    @strawberry.field(description="How the speaker's items have fared: counts by current verdict.")
    async def track_record(self, info: Info) -> TrackRecord:
        counts = await info.context.loaders.status_counts_by_speaker_id.load(self.pk)
        return TrackRecord.from_counts(counts)

    @strawberry.field(description="What the speaker claimed and predicted, in time order.")
    async def claims(
        self,
        info: Info,
        filter: FilterArg = None,
        order: OrderArg = Order.ASC,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Annotated[ClaimConnection, strawberry.lazy("api.graphql.types.connection")]:
        # Imported here: the connection module imports Claim, which imports Speaker.
        from api.graphql.types.connection import claim_connection

        f = replace((filter or TimelineFilter()).to_service(), speaker=_speaker_id(self))
        return await claim_connection(info, f, order, first, after, last, before)
