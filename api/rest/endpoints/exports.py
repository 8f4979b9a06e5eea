"""GET /claims/{id}/claimreview, GET /timeline.json, GET /claims.csv."""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api.rest import parameters as p
from api.rest.edge import path_pk, require_read, unit_of_work
from api.rest.endpoints.claims import timeline_filter
from api.rest.links import api_url
from api.rest.validate import parse_query
from api.services import exports
from api.services.details import claim_history, get_claim, related

TIMELINE_PARAMETERS = [p.FORMAT, *p.CLAIM_FILTERS]
CSV_PARAMETERS = p.CLAIM_FILTERS


async def claim_review(request: Request) -> JSONResponse:
    """schema.org ClaimReview of the current verdict (409 while the item has none)."""
    require_read(request)
    pk = path_pk(request, "Claim")
    async with unit_of_work(request) as session:
        claim = await get_claim(session, pk)
        review = exports.claim_review(
            claim,
            await related(session, [claim]),
            await claim_history(session, pk),
            url=api_url(request, f"/claims/{request.path_params['id']}"),
            reviewer=request.app.state.settings.reviewer_name,
        )
    return JSONResponse(review, media_type="application/ld+json")


async def timeline_json(request: Request) -> JSONResponse:
    require_read(request)
    values = parse_query(request.query_params, TIMELINE_PARAMETERS)
    async with unit_of_work(request) as session:
        items, rel = await exports.timeline_items(
            session,
            timeline_filter(values),
            today=date.today(),
            descending=values["order"] == "DESC",
        )
    return JSONResponse(exports.timelinejs(items, rel, "Hindsight: claims and predictions"))


async def claims_csv(request: Request) -> Response:
    require_read(request)
    values = parse_query(request.query_params, CSV_PARAMETERS)
    today = date.today()
    async with unit_of_work(request) as session:
        items, rel = await exports.timeline_items(
            session, timeline_filter(values), today=today, descending=values["order"] == "DESC"
        )
    return Response(
        exports.claims_csv(items, rel, today),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )
