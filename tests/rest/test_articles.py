"""POST/GET /articles, GET/DELETE /articles/{id}: ingestion through the same service as GraphQL."""

from __future__ import annotations

import httpx
import pytest

from api.services import ids
from tests.rest.conftest import Timeline, Tokens

API = "/api/v1"
ARTICLE = {
    "title": "Kherson: the counter-offensive",
    "text": "Ukraine will retake Kherson by September, the Ukrainian Defense Ministry said.",
    "published_at": "2022-07-28",
    "url": "https://example.com/kherson",
    "outlet": "Example",
    "author": None,
}


class TestCreateArticle:
    async def test_201_with_location_then_200_with_the_same_article(
        self, client: httpx.AsyncClient, tokens: Tokens
    ) -> None:
        created = await client.post(f"{API}/articles", json=ARTICLE, headers=tokens.editor)
        assert created.status_code == 201, created.text
        body = created.json()
        assert created.headers["location"] == f"http://testserver{API}/articles/{body['id']}"
        assert (body["title"], body["published_at"], body["text"]) == (
            ARTICLE["title"],
            "2022-07-28",
            ARTICLE["text"],
        )
        assert all(c["article"]["id"] == body["id"] for c in body["claims"])
        again = await client.post(f"{API}/articles", json=ARTICLE, headers=tokens.editor)
        assert again.status_code == 200
        assert again.json()["id"] == body["id"]
        assert "location" not in again.headers
        listed = (await client.get(f"{API}/articles")).json()
        assert [a["id"] for a in listed["items"]] == [body["id"]]
        fetched = (await client.get(created.headers["location"])).json()
        assert fetched == body

    @pytest.mark.parametrize(
        ("change", "status", "code", "field"),
        [
            ({"title": ""}, 422, "INVALID", "title"),
            ({"title": None}, 422, "INVALID", "title"),
            ({"text": "   "}, 422, "INVALID", "text"),
            ({"text": "x" * 200_001}, 413, "TOO_LARGE", "text"),
            ({"published_at": "28/07/2022"}, 422, "INVALID", "published_at"),
            ({"published_at": "2022-02-30"}, 422, "INVALID", "published_at"),
            ({"url": "ftp://example.com/a"}, 422, "INVALID", "url"),
            ({"outlet": "o" * 201}, 422, "INVALID", "outlet"),
            ({"extra": True}, 422, "INVALID", "extra"),
        ],
    )
    async def test_invalid_articles_are_problems_naming_the_field(
        self,
        client: httpx.AsyncClient,
        tokens: Tokens,
        change: dict[str, object],
        status: int,
        code: str,
        field: str,
    ) -> None:
        response = await client.post(
            f"{API}/articles", json={**ARTICLE, **change}, headers=tokens.editor
        )
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert (response.json()["code"], response.json()["field"]) == (code, field)
        assert (await client.get(f"{API}/articles")).json()["total"] == 0

    @pytest.mark.parametrize(("role", "status"), [(None, 401), ("reader", 403)])
    async def test_needs_an_editor(
        self, client: httpx.AsyncClient, tokens: Tokens, role: str | None, status: int
    ) -> None:
        headers = getattr(tokens, role) if role else {}
        response = await client.post(f"{API}/articles", json=ARTICLE, headers=headers)
        assert response.status_code == status
        assert response.json()["code"] == ("UNAUTHENTICATED" if role is None else "FORBIDDEN")


class TestListAndRead:
    async def test_pages_newest_first(self, client: httpx.AsyncClient, timeline: Timeline) -> None:
        first = (await client.get(f"{API}/articles?limit=1")).json()
        second = (await client.get(first["next"])).json()
        assert first["total"] == second["total"] == 2
        assert [a["id"] for a in first["items"] + second["items"]] == sorted(
            [timeline.article, timeline.other_article], key=lambda i: -ids.decode(i)[1]
        )
        assert second["next"] is None

    async def test_an_article_lists_its_items(
        self, client: httpx.AsyncClient, timeline: Timeline
    ) -> None:
        body = (await client.get(f"{API}/articles/{timeline.other_article}")).json()
        assert body["outlet"] is None
        assert [c["id"] for c in body["claims"]] == [timeline.future, timeline.undated]

    async def test_speakers(self, client: httpx.AsyncClient, timeline: Timeline) -> None:
        listed = (await client.get(f"{API}/speakers")).json()
        assert [s["name"] for s in listed["items"]] == ["Vladimir Putin"]
        one = (await client.get(f"{API}/speakers/{timeline.putin}")).json()
        assert one == {
            "id": timeline.putin,
            "name": "Vladimir Putin",
            "aliases": ["Putin"],
            "status_counts": {"UNVERIFIED": 1},
        }
        assert (await client.get(f"{API}/speakers/{timeline.article}")).status_code == 404


class TestDeleteArticle:
    async def test_admin_deletes_with_its_items(
        self, client: httpx.AsyncClient, timeline: Timeline, tokens: Tokens
    ) -> None:
        url = f"{API}/articles/{timeline.other_article}"
        assert (await client.delete(url, headers=tokens.editor)).status_code == 403
        response = await client.delete(url, headers=tokens.admin)
        assert response.status_code == 204
        assert (await client.get(url)).status_code == 404
        assert (await client.get(f"{API}/claims/{timeline.undated}")).status_code == 404
        assert (await client.delete(url, headers=tokens.admin)).status_code == 404
