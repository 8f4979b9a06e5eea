"""Extraction: an article's claims and predictions, attributed and time-anchored.

Pure core: it reads its rules from `rules/<lang>/*.yaml` and dates with `api.temporal`.
"""

from api.extract.pipeline import extract
from api.extract.types import Item, TimeAnchor

__all__ = ["Item", "TimeAnchor", "extract"]
