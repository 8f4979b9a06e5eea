from __future__ import annotations

import strawberry

from api.graphql.types.enums import VerificationStatus

# Same as db.repositories.claims.OPEN_STATUSES (the GraphQL edge reads no repository).
OPEN = ("UNVERIFIED", "IN_REVIEW")


@strawberry.type(description="How many items have a given verdict.")
class StatusCount:
    status: VerificationStatus = strawberry.field(description="The verdict.")
    count: int = strawberry.field(description="Items currently at it.")


@strawberry.type(description="A speaker's items counted by their current verdict.")
class TrackRecord:
    total: int = strawberry.field(description="All the speaker's claims and predictions.")
    settled: int = strawberry.field(description="Items no longer UNVERIFIED or IN_REVIEW.")
    unverified: int = strawberry.field(description="Items nobody has looked at yet.")
    in_review: int = strawberry.field(description="Items being checked.")
    confirmed: int = strawberry.field(description="Items found true (predictions: came true).")
    partly_confirmed: int = strawberry.field(description="Items found partly true.")
    misleading: int = strawberry.field(description="Items true in letter but misleading.")
    refuted: int = strawberry.field(description="Items found false (predictions: did not happen).")
    unverifiable: int = strawberry.field(description="Items that cannot be checked.")
    by_status: list[StatusCount] = strawberry.field(
        description="Every verdict with its count, zeros included, in enum order."
    )

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> TrackRecord:
        def n(status: VerificationStatus) -> int:
            return counts.get(status.value, 0)

        return cls(
            total=sum(counts.values()),
            settled=sum(c for s, c in counts.items() if s not in OPEN),
            unverified=n(VerificationStatus.UNVERIFIED),
            in_review=n(VerificationStatus.IN_REVIEW),
            confirmed=n(VerificationStatus.CONFIRMED),
            partly_confirmed=n(VerificationStatus.PARTLY_CONFIRMED),
            misleading=n(VerificationStatus.MISLEADING),
            refuted=n(VerificationStatus.REFUTED),
            unverifiable=n(VerificationStatus.UNVERIFIABLE),
            by_status=[StatusCount(status=s, count=n(s)) for s in VerificationStatus],
        )
