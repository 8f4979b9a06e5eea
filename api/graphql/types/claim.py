from __future__ import annotations

from datetime import date

import strawberry

from api.graphql.context import Info
from api.graphql.types.article import Article
from api.graphql.types.enums import ClaimKind, VerificationStatus
from api.graphql.types.node import Node
from api.graphql.types.speaker import Speaker
from api.graphql.types.time_anchor import TimeAnchor
from api.graphql.types.verification import Verification
from api.services import ids
from api.services.claims import is_due
from db.models import Claim as ClaimModel


@strawberry.type(description="A claim or a prediction made in an article.")
class Claim(Node):
    kind: ClaimKind = strawberry.field(description="CLAIM or PREDICTION.")
    text: str = strawberry.field(description="The statement as written.")
    start: int = strawberry.field(description="Offset of the statement in the article text.")
    end: int = strawberry.field(description="End offset (exclusive) in the article text.")
    quote: bool = strawberry.field(description="Whether it is a direct quote.")
    confidence: float = strawberry.field(description="Extraction confidence, 0 to 1.")
    cue: str | None = strawberry.field(description="The words that decided its kind.")
    time: TimeAnchor | None = strawberry.field(description="The primary time anchor.")
    times: list[TimeAnchor] = strawberry.field(description="Every time phrase of the item.")
    status: VerificationStatus = strawberry.field(description="Current verdict.")
    revision: int = strawberry.field(
        description="Number of verdicts so far; pass it as expectedRevision to change the status."
    )
    model: strawberry.Private[ClaimModel]

    @classmethod
    def from_model(cls, model: ClaimModel) -> Claim:
        return cls(
            id=strawberry.ID(ids.encode("Claim", model.id)),
            kind=ClaimKind(model.kind),
            text=model.text,
            start=model.start_offset,
            end=model.end_offset,
            quote=model.quote,
            confidence=model.confidence,
            cue=model.cue,
            time=TimeAnchor.primary_of(model),
            times=[TimeAnchor.from_dict(t) for t in model.times],
            status=VerificationStatus(model.status),
            revision=model.revision,
            model=model,
        )

    @strawberry.field(description="Who made it; null for the article's own narration.")
    async def speaker(self, info: Info) -> Speaker | None:
        if self.model.speaker_id is None:
            return None
        speaker = await info.context.loaders.speaker_by_id.load(self.model.speaker_id)
        return Speaker.from_model(speaker) if speaker else None

    @strawberry.field(description="The article it appears in.")
    async def article(self, info: Info) -> Article:
        article = await info.context.loaders.article_by_id.load(self.model.article_id)
        assert article is not None  # claims cascade with their article
        return Article.from_model(article)

    @strawberry.field(description="Verdict history, newest first.")
    async def verifications(self, info: Info) -> list[Verification]:
        rows = await info.context.loaders.verifications_by_claim_id.load(self.model.id)
        return [Verification.from_model(v) for v in rows]

    @strawberry.field(
        description="A prediction whose deadline has passed while still UNVERIFIED or IN_REVIEW."
    )
    def due(self, info: Info) -> bool:
        return is_due(self.model, info.context.today)

    @strawberry.field(
        description="The date the timeline sorts it by: the start of its time anchor, "
        "else its article's publication date."
    )
    def sort_date(self) -> date:
        return self.model.sort_date
