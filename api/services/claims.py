"""Rules that derive a claim's state from its stored fields."""

from __future__ import annotations

from datetime import date

from db.models import Claim
from db.repositories.claims import DUE_ROLES, OPEN_STATUSES


def is_due(claim: Claim, today: date) -> bool:
    """Same rule as db.repositories.claims.due_condition, for one loaded claim."""
    return (
        claim.kind == "PREDICTION"
        and claim.time_role in DUE_ROLES
        and claim.time_end is not None
        and claim.time_end < today
        and claim.status in OPEN_STATUSES
    )
