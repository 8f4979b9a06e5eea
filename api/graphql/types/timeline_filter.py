from __future__ import annotations

from datetime import date

import strawberry

from api.graphql.types.enums import ClaimKind, VerificationStatus
from api.services.timeline import TimelineFilter as ServiceFilter


@strawberry.input(description="Which items the timeline shows; every field narrows it.")
class TimelineFilter:
    from_: date | None = strawberry.field(
        default=None,
        name="from",
        description="Items whose interval overlaps [from, to] (undated ones: their article date).",
    )
    to: date | None = strawberry.field(default=None, description="See `from`.")
    kinds: list[ClaimKind] | None = strawberry.field(default=None, description="CLAIM, PREDICTION.")
    statuses: list[VerificationStatus] | None = strawberry.field(
        default=None, description="Current verdicts to include."
    )
    speaker: str | None = strawberry.field(
        default=None, description="A speaker's name, alias or ID."
    )
    article_id: strawberry.ID | None = strawberry.field(default=None, description="An Article ID.")
    search: str | None = strawberry.field(
        default=None, description="Text the item contains (case-insensitive)."
    )
    due: bool | None = strawberry.field(
        default=None, description="Only (true) or no (false) predictions past their deadline."
    )

    def to_service(self) -> ServiceFilter:
        return ServiceFilter(
            from_date=self.from_,
            to_date=self.to,
            # Tuples: a filter is part of DataLoader keys (Article.claims), so it must hash.
            kinds=tuple(k.value for k in self.kinds) if self.kinds else None,
            statuses=tuple(s.value for s in self.statuses) if self.statuses else None,
            speaker=self.speaker,
            article_id=self.article_id,
            search=self.search,
            due=self.due,
        )
