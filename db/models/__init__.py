"""Every table, imported here so Alembic's autogenerate sees all of them."""

from db.models.api_token import ApiToken
from db.models.article import Article
from db.models.claim import Claim
from db.models.speaker import Speaker
from db.models.verification import Verification

__all__ = ["ApiToken", "Article", "Claim", "Speaker", "Verification"]
