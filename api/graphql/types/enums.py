from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="What an item says: about the past/present, or about the future.")
class ClaimKind(Enum):
    CLAIM = "CLAIM"
    PREDICTION = "PREDICTION"


@strawberry.enum(
    description="Verdict on an item. For a prediction CONFIRMED means it came true, "
    "REFUTED that it did not."
)
class VerificationStatus(Enum):
    UNVERIFIED = "UNVERIFIED"
    IN_REVIEW = "IN_REVIEW"
    CONFIRMED = "CONFIRMED"
    PARTLY_CONFIRMED = "PARTLY_CONFIRMED"
    MISLEADING = "MISLEADING"
    REFUTED = "REFUTED"
    UNVERIFIABLE = "UNVERIFIABLE"


@strawberry.enum(description="Direction of the timeline.")
class Order(Enum):
    ASC = "ASC"
    DESC = "DESC"
