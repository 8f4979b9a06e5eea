"""Value types of extraction: the checkable statements of an article."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class TimeAnchor:
    """A time phrase of an item with its role: event, deadline, expected or reported."""

    text: str
    value: str
    start: date | None
    end: date | None
    granularity: str | None
    role: str

    def as_json(self) -> dict[str, str | None]:
        """The JSON shape shared by the extract CLI and stored claims."""
        return {
            "text": self.text,
            "value": self.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity,
            "role": self.role,
        }


@dataclass(frozen=True, slots=True)
class Item:
    """One claim or prediction, with its span in the article text (end exclusive).

    `speaker` is the canonical name of the speaker within the article (None for the
    article's own narration); `speaker_aliases` holds every surface form seen for it.
    """

    kind: str  # "claim" | "prediction"
    text: str
    start: int
    end: int
    speaker: str | None
    quote: bool
    confidence: float
    cue: str
    time: TimeAnchor | None
    times: tuple[TimeAnchor, ...] = ()
    speaker_aliases: tuple[str, ...] = field(default=())
