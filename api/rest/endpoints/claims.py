"""GET /claims, GET /claims/{id}, PUT /claims/{id}/verification."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from api.rest import parameters as p
from api.rest import serializers as out
from api.rest.edge import (
    etag,
    expected_revision,
    json_body,
    path_pk,
    require_read,
    require_role,
    unit_of_work,
)
from api.rest.links import list_body
from api.rest.schemas import VERIFICATION_INPUT
from api.rest.validate import parse_query
from api.services.details import claim_history, get_claim, related
from api.services.events import VerificationEvent
from api.services.timeline import TimelineFilter, timeline_page
from api.services.verification import VerificationInput, set_verification

LIST_PARAMETERS = [*p.CLAIM_FILTERS, p.LIMIT, p.CURSOR]


def timeline_filter(values: dict[str, Any]) -> TimelineFilter:
    """The query parameters of /claims (and of its exports) as the service's filter."""
    return TimelineFilter(
        from_date=values["from"],
        to_date=values["to"],
        kinds=values["kind"],
        statuses=values["status"],
        speaker=values["speaker"],
        article_id=values["article"],
        search=values["q"],
        due=values["due"],
    )


async def list_claims(request: Request) -> JSONResponse:
    require_read(request)
    values = parse_query(request.query_params, LIST_PARAMETERS)
    today = date.today()
    async with unit_of_work(request) as session:
        page = await timeline_page(
            session,
            timeline_filter(values),
            today=today,
            descending=values["order"] == "DESC",
            first=values["limit"],
            after=values["cursor"],
        )
        rel = await related(session, page.items)
    items = [out.claim(c, rel, today) for c in page.items]
    return JSONResponse(list_body(request, items, page.total, page.cursors, page.has_next))


async def read_claim(request: Request) -> JSONResponse:
    require_read(request)
    pk = path_pk(request, "Claim")
    today = date.today()
    async with unit_of_work(request) as session:
        claim = await get_claim(session, pk)
        body = out.claim_detail(
            claim, await related(session, [claim]), await claim_history(session, pk), today
        )
    return JSONResponse(body, headers={"ETag": etag(claim.revision)})


async def put_verification(request: Request) -> JSONResponse:
    """A verdict, only on the revision the editor saw (If-Match); published once committed."""
    principal = require_role(request, "editor")
    pk = path_pk(request, "Claim")
    revision = expected_revision(request)
    body = await json_body(request, VERIFICATION_INPUT)
    data = VerificationInput(
        claim_id=pk,
        status=body["status"],
        expected_revision=revision,
        note=body.get("note"),
        evidence_urls=body.get("evidence_urls") or (),
    )
    today = date.today()
    async with unit_of_work(request) as session:
        claim, verification = await set_verification(session, data, principal.name)
        rel = await related(session, [claim])
        payload = out.claim_detail(claim, rel, await claim_history(session, pk), today)
    await request.app.state.bus.publish(VerificationEvent(claim.id, verification.id))
    return JSONResponse(payload, headers={"ETag": etag(claim.revision)})
