"""Verdicts on claims: an append-only history and a revision for optimistic concurrency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from api.services.errors import Conflict, NotFound, UserError
from api.services.ingest import check_http_url
from db.models import Claim, Verification
from db.models.claim import STATUSES
from db.repositories.claims import ClaimRepository

MAX_NOTE_CHARS = 10_000
MAX_EVIDENCE_URLS = 50


@dataclass(frozen=True)
class VerificationInput:
    claim_id: int
    status: str
    expected_revision: int
    note: str | None = None
    evidence_urls: Sequence[str] = ()


def _validate(data: VerificationInput) -> list[str]:
    if data.status not in STATUSES:
        raise UserError(
            f"unknown status {data.status!r}; expected one of {', '.join(STATUSES)}", "status"
        )
    if data.expected_revision < 0:
        raise UserError("expectedRevision must not be negative", "expectedRevision")
    if data.note is not None and len(data.note) > MAX_NOTE_CHARS:
        raise UserError(f"note is longer than {MAX_NOTE_CHARS} characters", "note")
    if len(data.evidence_urls) > MAX_EVIDENCE_URLS:
        raise UserError(f"at most {MAX_EVIDENCE_URLS} evidence URLs", "evidenceUrls")
    return [check_http_url(u, "evidenceUrls") for u in data.evidence_urls]


async def set_verification(
    session: AsyncSession, data: VerificationInput, verified_by: str | None
) -> tuple[Claim, Verification]:
    """Record a verdict if the claim is still at `expected_revision`; else raise Conflict."""
    urls = _validate(data)
    claims = ClaimRepository(session)
    # The conditional UPDATE comes first: it takes the row (or SQLite's write) lock, so of many
    # writers on one revision exactly one matches and the rest see the new revision.
    if not await claims.bump_revision(data.claim_id, data.expected_revision, data.status):
        claim = await claims.get(data.claim_id)
        if claim is None:
            raise NotFound("no claim with this ID", "claimId")
        raise Conflict(
            f"the claim is at revision {claim.revision}, not {data.expected_revision}; "
            "reload it and try again",
            "expectedRevision",
        )
    verification = Verification(
        claim_id=data.claim_id,
        revision=data.expected_revision + 1,
        status=data.status,
        note=data.note,
        evidence_urls=urls,
        verified_by=verified_by,
    )
    session.add(verification)
    await session.flush()
    claim = await claims.get(data.claim_id)
    assert claim is not None  # the UPDATE above matched it in this transaction
    return claim, verification
