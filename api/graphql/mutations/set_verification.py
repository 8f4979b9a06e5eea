from __future__ import annotations

from typing import Annotated

import strawberry

from api.graphql.context import Info
from api.graphql.errors import UserErrorType
from api.graphql.mutations.transaction import in_transaction
from api.graphql.types.claim import Claim
from api.graphql.types.enums import VerificationStatus
from api.graphql.types.verification import Verification
from api.services import ids
from api.services.events import VerificationEvent
from api.services.verification import VerificationInput, set_verification
from db.models import Claim as ClaimModel
from db.models import Verification as VerificationModel


@strawberry.input(description="A new verdict on a claim or prediction.")
class SetVerificationInput:
    claim_id: strawberry.ID = strawberry.field(description="The Claim ID.")
    status: VerificationStatus = strawberry.field(description="The verdict.")
    expected_revision: int = strawberry.field(
        description="The claim's `revision` as you read it: if someone changed it since, nothing "
        "is written and the payload has a CONFLICT userError."
    )
    note: str | None = strawberry.field(default=None, description="Why, in your words.")
    evidence_urls: list[str] = strawberry.field(
        default_factory=list, description="http(s) URLs of sources backing the verdict."
    )


@strawberry.type(description="The claim after the verdict, and the verdict recorded.")
class SetVerificationPayload:
    claim: Claim | None = strawberry.field(
        default=None, description="The claim with its new status and revision."
    )
    verification: Verification | None = strawberry.field(
        default=None, description="The history entry just appended."
    )
    user_errors: list[UserErrorType] = strawberry.field(
        default_factory=list, description="Why nothing was written; empty on success."
    )


@strawberry.type
class SetVerificationMutation:
    @strawberry.mutation(
        description="Record a verdict: appends to the history and bumps the revision, in one "
        "transaction, if the claim is still at expectedRevision. Needs an editor token."
    )
    async def set_verification(
        self,
        info: Info,
        input: Annotated[SetVerificationInput, strawberry.argument(description="The verdict.")],
    ) -> SetVerificationPayload:
        async def action() -> tuple[ClaimModel, VerificationModel]:
            data = VerificationInput(
                claim_id=ids.decode_as(input.claim_id, "Claim", "claimId"),
                status=input.status.value,
                expected_revision=input.expected_revision,
                note=input.note,
                evidence_urls=input.evidence_urls,
            )
            return await set_verification(info.context.session, data, info.context.principal.name)

        result = await in_transaction(info, "editor", "setting a verdict", action)
        if isinstance(result, list):
            return SetVerificationPayload(user_errors=result)
        claim, verification = result
        # After the commit: subscribers must never hear of a verdict that was rolled back.
        await info.context.bus.publish(VerificationEvent(claim.id, verification.id))
        return SetVerificationPayload(
            claim=Claim.from_model(claim), verification=Verification.from_model(verification)
        )
