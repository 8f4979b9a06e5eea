from __future__ import annotations

from datetime import datetime

import strawberry

from api.graphql.types.enums import VerificationStatus
from api.graphql.types.node import Node
from api.services import ids
from db.models import Verification as VerificationModel


@strawberry.type(description="One verdict in an item's history.")
class Verification(Node):
    status: VerificationStatus = strawberry.field(description="The verdict.")
    note: str | None = strawberry.field(description="Why, in the editor's words.")
    evidence_urls: list[str] = strawberry.field(description="Sources backing the verdict.")
    verified_by: str | None = strawberry.field(description="Name of the token that set it.")
    revision: int = strawberry.field(description="The item revision this verdict produced.")
    created_at: datetime = strawberry.field(description="When it was recorded.")

    @classmethod
    def from_model(cls, model: VerificationModel) -> Verification:
        return cls(
            id=strawberry.ID(ids.encode("Verification", model.id)),
            status=VerificationStatus(model.status),
            note=model.note,
            evidence_urls=list(model.evidence_urls),
            verified_by=model.verified_by,
            revision=model.revision,
            created_at=model.created_at,
        )
