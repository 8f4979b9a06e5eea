from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from db.models import Claim


@strawberry.type(description="A time phrase of an item, normalized against the publication date.")
class TimeAnchor:
    text: str = strawberry.field(description="The phrase as written, e.g. 'by September'.")
    value: str = strawberry.field(description="TIMEX3 value, e.g. 2022-09, 2022-W30, P5M.")
    start: date | None = strawberry.field(description="First day of the interval (inclusive).")
    end: date | None = strawberry.field(description="Last day of the interval (inclusive).")
    granularity: str | None = strawberry.field(
        description="day, week, month, quarter, season, half, year, decade or century."
    )
    role: str = strawberry.field(description="event, deadline, expected or reported.")

    @classmethod
    def primary_of(cls, claim: Claim) -> TimeAnchor | None:
        if claim.time_value is None:
            return None
        return cls(
            text=claim.time_text or "",
            value=claim.time_value,
            start=claim.time_start,
            end=claim.time_end,
            granularity=claim.time_granularity,
            role=claim.time_role or "",
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeAnchor:
        return cls(
            text=data["text"],
            value=data["value"],
            start=date.fromisoformat(data["start"]) if data.get("start") else None,
            end=date.fromisoformat(data["end"]) if data.get("end") else None,
            granularity=data.get("granularity"),
            role=data.get("role") or "",
        )
