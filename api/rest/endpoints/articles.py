"""POST/GET /articles, GET/DELETE /articles/{id}."""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api.rest import parameters as p
from api.rest import serializers as out
from api.rest.edge import json_body, path_pk, require_read, require_role, unit_of_work
from api.rest.links import api_url, list_body
from api.rest.schemas import ARTICLE_INPUT
from api.rest.validate import parse_query
from api.services.catalog import PageArgs, delete_article, list_articles
from api.services.details import article_claims, get_article, related
from api.services.ingest import ArticleInput, ingest_article

LIST_PARAMETERS = [p.LIMIT, p.CURSOR]


async def create_article(request: Request) -> JSONResponse:
    """Ingest: 201 and a Location for a new article, 200 for one already ingested."""
    require_role(request, "editor")
    body = await json_body(request, ARTICLE_INPUT)
    data = ArticleInput(
        title=body["title"],
        text=body["text"],
        published_at=body["published_at"],
        url=body.get("url"),
        outlet=body.get("outlet"),
        author=body.get("author"),
    )
    async with unit_of_work(request) as session:
        result = await ingest_article(session, data)
        rel = await related(session, result.claims)
        payload = out.article_detail(result.article, result.claims, rel, date.today())
    if not result.created:
        return JSONResponse(payload)
    location = api_url(request, f"/articles/{payload['id']}")
    return JSONResponse(payload, status_code=201, headers={"Location": location})


async def list_all(request: Request) -> JSONResponse:
    require_read(request)
    values = parse_query(request.query_params, LIST_PARAMETERS)
    async with unit_of_work(request) as session:
        page = await list_articles(session, PageArgs(values["limit"], values["cursor"]))
    items = [out.article_summary(a) for a in page.items]
    return JSONResponse(list_body(request, items, page.total, page.cursors, page.has_next))


async def read_article(request: Request) -> JSONResponse:
    require_read(request)
    pk = path_pk(request, "Article")
    async with unit_of_work(request) as session:
        article = await get_article(session, pk)
        claims = await article_claims(session, pk)
        payload = out.article_detail(article, claims, await related(session, claims), date.today())
    return JSONResponse(payload)


async def remove_article(request: Request) -> Response:
    """Admin only: the article goes with its items and their verdicts."""
    require_role(request, "admin")
    pk = path_pk(request, "Article")
    async with unit_of_work(request) as session:
        await delete_article(session, pk)
    return Response(status_code=204)
