"""GET /claims (filters, pages), GET /claims/{id}, PUT /claims/{id}/verification."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from starlette.applications import Starlette

from api.services import ids
from api.services.events import VerificationEvent
from tests.rest.conftest import Timeline, Tokens

API = "/api/v1"


async def _texts(client: httpx.AsyncClient, **params: object) -> list[str]:
    response = await client.get(f"{API}/claims", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return [item["text"] for item in response.json()["items"]]


class TestListClaims:
    async def test_items_come_in_time_order_with_every_field(
        self, client: httpx.AsyncClient, timeline: Timeline
    ) -> None:
        body = (await client.get(f"{API}/claims")).json()
        assert [i["id"] for i in body["items"]] == [
            timeline.claim,
            timeline.undated,
            timeline.prediction,
            timeline.future,
        ]
        assert body["total"] == 4
        assert body["next"] is None
        first = body["items"][0]
        assert first["speaker"] == {"id": timeline.putin, "name": "Vladimir Putin"}
        assert first["article"]["id"] == timeline.article
        assert first["time"]["start"] == "2022-07-10"
        assert set(first) == {
            *("id", "kind", "text", "start", "end", "quote", "confidence", "speaker"),
            *("article", "time", "times", "status", "revision", "due"),
        }

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"kind": "PREDICTION"}, ["Ukraine will retake", "Peace"]),
            ({"kind": ["CLAIM", "PREDICTION"], "to": "2022-07-31"}, ["Kherson fell", "Line one"]),
            ({"from": "2022-09-15", "to": "2022-12-31"}, ["Ukraine will retake"]),
            ({"speaker": "putin"}, ["Kherson fell"]),
            ({"q": "KHERSON"}, ["Kherson fell", "Ukraine will retake"]),
            ({"due": "true"}, ["Ukraine will retake"]),
            ({"status": "REFUTED"}, []),
            ({"order": "DESC", "kind": "PREDICTION"}, ["Peace", "Ukraine will retake"]),
        ],
        ids=["kind", "kinds-and-to", "from-to-overlap", "alias", "q", "due", "status", "desc"],
    )
    async def test_filters_as_the_graphql_timeline(
        self,
        client: httpx.AsyncClient,
        timeline: Timeline,
        params: dict[str, object],
        expected: list[str],
    ) -> None:
        texts = await _texts(client, **params)
        assert [t[: len(e)] for t, e in zip(texts, expected, strict=False)] == expected
        assert len(texts) == len(expected)

    async def test_filters_by_article_and_speaker_id(
        self, client: httpx.AsyncClient, timeline: Timeline
    ) -> None:
        assert len(await _texts(client, article=timeline.other_article)) == 2
        assert await _texts(client, speaker=timeline.putin) == ["Kherson fell, says Putin"]

    async def test_next_links_walk_every_item_once(
        self, client: httpx.AsyncClient, timeline: Timeline
    ) -> None:
        seen: list[str] = []
        url: str | None = f"{API}/claims?limit=3&kind=CLAIM&kind=PREDICTION"
        while url:
            body = (await client.get(url)).json()
            seen += [item["id"] for item in body["items"]]
            url = body["next"]
            assert url is None or ("kind=CLAIM&kind=PREDICTION" in url and "limit=3" in url)
        assert seen == [timeline.claim, timeline.undated, timeline.prediction, timeline.future]

    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ("limit=101", "limit"),
            ("limit=0", "limit"),
            ("limit=ten", "limit"),
            ("from=2022-13-01", "from"),
            ("from=20220701", "from"),
            ("from=2022-08-01&to=2022-07-01", "from"),
            ("kind=OPINION", "kind"),
            ("status=TRUE", "status"),
            ("due=yes", "due"),
            ("order=asc", "order"),
            ("cursor=%21%21", "cursor"),
            ("article=nonsense", "article"),
            ("article=U3BlYWtlcjox", "article"),  # a Speaker ID
        ],
    )
    async def test_bad_parameters_are_400_problems_naming_them(
        self, client: httpx.AsyncClient, query: str, field: str
    ) -> None:
        response = await client.get(f"{API}/claims?{query}")
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["field"] == field

    async def test_private_reads_need_a_token(
        self, db_url: str, engine: object, tokens: Tokens
    ) -> None:
        from api.app import create_app
        from api.settings import Settings

        app = create_app(Settings(database_url=db_url, public_read=False, load_seeds=False))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            anonymous = await client.get(f"{API}/claims")
            reader = await client.get(f"{API}/claims", headers=tokens.reader)
            spec = await client.get(f"{API}/openapi.json")
        await app.state.engine.dispose()
        assert anonymous.status_code == 401
        assert anonymous.json()["code"] == "UNAUTHENTICATED"
        assert anonymous.headers["www-authenticate"] == "Bearer"
        assert reader.status_code == 200
        assert spec.status_code == 200


class TestReadClaim:
    async def test_detail_has_history_and_etag(
        self, client: httpx.AsyncClient, timeline: Timeline, tokens: Tokens
    ) -> None:
        url = f"{API}/claims/{timeline.prediction}"
        fresh = await client.get(url)
        assert fresh.headers["etag"] == '"0"'
        assert fresh.json()["verifications"] == []
        assert fresh.json()["due"] is True
        await client.put(
            f"{url}/verification",
            json={"status": "IN_REVIEW"},
            headers={**tokens.editor, "If-Match": '"0"'},
        )
        await client.put(
            f"{url}/verification",
            json={"status": "REFUTED", "note": "Kherson was retaken in November."},
            headers={**tokens.editor, "If-Match": "1"},
        )
        body = (await client.get(url)).json()
        assert [v["status"] for v in body["verifications"]] == ["REFUTED", "IN_REVIEW"]
        assert [v["revision"] for v in body["verifications"]] == [2, 1]
        assert body["verifications"][0]["verified_by"] == "editor-token"
        assert body["status"] == "REFUTED"
        assert body["due"] is False

    @pytest.mark.parametrize("claim_id", ["nope", ids.encode("Claim", 999_999), "QXJ0aWNsZTox"])
    async def test_unknown_ids_are_404(
        self, client: httpx.AsyncClient, timeline: Timeline, claim_id: str
    ) -> None:
        response = await client.get(f"{API}/claims/{claim_id}")
        assert response.status_code == 404
        assert response.json()["code"] == "NOT_FOUND"


class TestPutVerification:
    async def test_sets_the_verdict_and_publishes_after_commit(
        self, app: Starlette, client: httpx.AsyncClient, timeline: Timeline, tokens: Tokens
    ) -> None:
        events = app.state.bus.subscribe()
        waiting = asyncio.ensure_future(anext(events))
        await asyncio.sleep(0)
        response = await client.put(
            f"{API}/claims/{timeline.claim}/verification",
            json={
                "status": "CONFIRMED",
                "note": "Matches the ISW map.",
                "evidence_urls": ["https://example.org/isw"],
            },
            headers={**tokens.editor, "If-Match": '"0"'},
        )
        assert response.status_code == 200, response.text
        assert response.headers["etag"] == '"1"'
        body = response.json()
        assert (body["status"], body["revision"]) == ("CONFIRMED", 1)
        latest = body["verifications"][0]
        assert latest["evidence_urls"] == ["https://example.org/isw"]
        assert latest["verified_by"] == "editor-token"
        event = await asyncio.wait_for(waiting, 5)
        await events.aclose()
        assert event == VerificationEvent(
            ids.decode_as(timeline.claim, "Claim"), ids.decode_as(latest["id"], "Verification")
        )

    @pytest.mark.parametrize(
        ("headers", "body", "status", "code", "field"),
        [
            ({"If-Match": '"7"'}, {"status": "REFUTED"}, 412, "CONFLICT", "If-Match"),
            ({}, {"status": "REFUTED"}, 428, "PRECONDITION_REQUIRED", "If-Match"),
            ({"If-Match": "*"}, {"status": "REFUTED"}, 400, "INVALID", "If-Match"),
            ({"If-Match": "0"}, {"status": "TRUE"}, 422, "INVALID", "status"),
            ({"If-Match": "0"}, {}, 422, "INVALID", "status"),
            ({"If-Match": "0"}, {"status": "REFUTED", "x": 1}, 422, "INVALID", "x"),
            (
                {"If-Match": "0"},
                {"status": "REFUTED", "evidence_urls": ["ftp://x"]},
                422,
                "INVALID",
                "evidence_urls",
            ),
            ({"If-Match": "0"}, {"status": "REFUTED", "note": 5}, 422, "INVALID", "note"),
        ],
        ids=["stale", "no-if-match", "star", "status", "missing", "extra", "url", "note-type"],
    )
    async def test_refusals_write_nothing(
        self,
        client: httpx.AsyncClient,
        timeline: Timeline,
        tokens: Tokens,
        headers: dict[str, str],
        body: dict[str, object],
        status: int,
        code: str,
        field: str,
    ) -> None:
        url = f"{API}/claims/{timeline.claim}"
        response = await client.put(
            f"{url}/verification", json=body, headers={**tokens.editor, **headers}
        )
        assert response.status_code == status, response.text
        problem = response.json()
        assert (problem["code"], problem["field"]) == (code, field)
        after = (await client.get(url)).json()
        assert (after["revision"], after["verifications"]) == (0, [])

    @pytest.mark.parametrize(("role", "status"), [(None, 401), ("reader", 403)])
    async def test_needs_an_editor(
        self,
        client: httpx.AsyncClient,
        timeline: Timeline,
        tokens: Tokens,
        role: str | None,
        status: int,
    ) -> None:
        headers = getattr(tokens, role) if role else {}
        response = await client.put(
            f"{API}/claims/{timeline.claim}/verification",
            json={"status": "REFUTED"},
            headers={**headers, "If-Match": "0"},
        )
        assert response.status_code == status
        assert response.headers["content-type"] == "application/problem+json"

    async def test_unknown_claim_is_404(
        self, client: httpx.AsyncClient, tokens: Tokens, timeline: Timeline
    ) -> None:
        response = await client.put(
            f"{API}/claims/{ids.encode('Claim', 999_999)}/verification",
            json={"status": "REFUTED"},
            headers={**tokens.editor, "If-Match": "0"},
        )
        assert response.status_code == 404
