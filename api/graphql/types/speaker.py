from __future__ import annotations

import strawberry

from api.graphql.types.node import Node
from api.services import ids
from db.models import Speaker as SpeakerModel


@strawberry.type(
    description="A source quoted by articles: a person, an organisation, or an unnamed official."
)
class Speaker(Node):
    name: str = strawberry.field(description="Canonical name.")
    aliases: list[str] = strawberry.field(description="Other names the articles use for it.")

    @classmethod
    def from_model(cls, model: SpeakerModel) -> Speaker:
        return cls(
            id=strawberry.ID(ids.encode("Speaker", model.id)),
            name=model.name,
            aliases=list(model.aliases),
        )
