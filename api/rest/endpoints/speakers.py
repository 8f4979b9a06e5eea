"""GET /speakers, GET /speakers/{id}."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from api.rest import parameters as p
from api.rest import serializers as out
from api.rest.edge import path_pk, require_read, unit_of_work
from api.rest.links import list_body
from api.rest.validate import parse_query
from api.services.catalog import PageArgs, list_speakers
from api.services.details import get_speaker, speaker_status_counts

LIST_PARAMETERS = [p.LIMIT, p.CURSOR]


async def list_all(request: Request) -> JSONResponse:
    require_read(request)
    values = parse_query(request.query_params, LIST_PARAMETERS)
    async with unit_of_work(request) as session:
        page = await list_speakers(session, PageArgs(values["limit"], values["cursor"]))
    items = [out.speaker(s) for s in page.items]
    return JSONResponse(list_body(request, items, page.total, page.cursors, page.has_next))


async def read_speaker(request: Request) -> JSONResponse:
    require_read(request)
    pk = path_pk(request, "Speaker")
    async with unit_of_work(request) as session:
        speaker = await get_speaker(session, pk)
        counts = await speaker_status_counts(session, pk)
    return JSONResponse({**out.speaker(speaker), "status_counts": counts})
