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


def _times(root: Claim) -> list[TimeAnchor]:
    # Built only when asked for (most views show the primary anchor alone). A resolver given
    # in the field's place keeps the field's position in the schema.
    return [TimeAnchor.from_dict(t) for t in root.model.times]


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
    times: list[TimeAnchor] = strawberry.field(
        resolver=_times, description="Every time phrase of the item."
    )
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
            status=VerificationStatus(model.status),
            revision=model.revision,
            model=model,
        )

    # These three resolvers are plain functions: when the page query preloaded the relation
    # (timeline pages do) they answer at once, which saves a coroutine and a DataLoader
    # round per item; otherwise they hand graphql-core an awaitable that batches as usual.
    @strawberry.field(description="Who made it; null for the article's own narration.")
    def speaker(self, info: Info) -> Speaker | None:
        if self.model.speaker_id is None:
            return None
        if _preloaded(self.model, "speaker"):
            return Speaker.from_model(self.model.speaker) if self.model.speaker else None
        return _load_speaker(info, self.model.speaker_id)  # type: ignore[return-value]

    @strawberry.field(description="The article it appears in.")
    def article(self, info: Info) -> Article:
        if _preloaded(self.model, "article"):
            return Article.from_model(self.model.article)
        return _load_article(info, self.model.article_id)  # type: ignore[return-value]

    @strawberry.field(description="Verdict history, newest first.")
    def verifications(self, info: Info) -> list[Verification]:
        if _preloaded(self.model, "verifications"):
            return [Verification.from_model(v) for v in self.model.verifications]
        return _load_verifications(info, self.model.id)  # type: ignore[return-value]

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


def _preloaded(model: ClaimModel, relation: str) -> bool:
    # A loaded relation sits in the instance dict; an unloaded one would raise (lazy="raise").
    return relation in model.__dict__


async def _load_speaker(info: Info, speaker_id: int) -> Speaker | None:
    speaker = await info.context.loaders.speaker_by_id.load(speaker_id)
    return Speaker.from_model(speaker) if speaker else None


async def _load_article(info: Info, article_id: int) -> Article:
    article = await info.context.loaders.article_by_id.load(article_id)
    assert article is not None  # claims cascade with their article
    return Article.from_model(article)


async def _load_verifications(info: Info, claim_id: int) -> list[Verification]:
    rows = await info.context.loaders.verifications_by_claim_id.load(claim_id)
    return [Verification.from_model(v) for v in rows]
