"""Queries through the ASGI app: the timeline, lookups by ID, lists, and their error codes."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from api.app import create_app
from api.services import ids
from api.settings import Settings
from tests.builders.claims import make_article, make_claim, make_speaker
from tests.graphql.conftest import error_codes, gql

TIMELINE = """
query($filter: TimelineFilter, $order: Order! = ASC, $first: Int, $after: String,
      $last: Int, $before: String) {
  timeline(filter: $filter, order: $order, first: $first, after: $after,
           last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { text } }
  }
}
"""


@dataclass
class World:
    """Two articles; Zelensky (alias "President Zelensky") speaks in the first."""

    first_article: int
    second_article: int
    speaker: int
    claims: dict[str, int]


@pytest.fixture
async def world(session: AsyncSession) -> World:
    one = await make_article(session, title="Retreat", published_at=date(2022, 7, 28))
    two = await make_article(session, title="Later", published_at=date(2022, 8, 15))
    zelensky = await make_speaker(session, "Zelensky", aliases=["President Zelensky"])
    rows = {
        "counteroffensive by September": dict(
            article=one,
            speaker_id=zelensky.id,
            kind="PREDICTION",
            time_start=date(2022, 9, 1),
            time_end=date(2022, 9, 30),
            time_role="deadline",
        ),
        "shelling on Monday": dict(
            article=one, speaker_id=zelensky.id, time_start=date(2022, 7, 25)
        ),
        "undated remark": dict(article=one, status="CONFIRMED", revision=1),
        "losses in June": dict(article=two, time_start=date(2022, 6, 10)),
    }
    claims = {}
    for text, fields in rows.items():
        claims[text] = (await make_claim(session, text=text, **fields)).id
    await session.commit()
    return World(one.id, two.id, zelensky.id, claims)


def texts(reply: dict[str, Any]) -> list[str]:
    return [e["node"]["text"] for e in reply["data"]["timeline"]["edges"]]


class TestTimeline:
    async def test_orders_by_time_anchor_and_undated_by_publication(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        expected = [
            "losses in June",
            "shelling on Monday",
            "undated remark",
            "counteroffensive by September",
        ]
        assert texts(await gql(client, TIMELINE)) == expected
        assert texts(await gql(client, TIMELINE, {"order": "DESC"})) == expected[::-1]

    async def test_pages_chain_forward_and_back_through_cursors(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        first = (await gql(client, TIMELINE, {"first": 3}))["data"]["timeline"]
        assert first["totalCount"] == 4
        assert first["pageInfo"]["hasNextPage"] is True
        after = {"first": 3, "after": first["pageInfo"]["endCursor"]}
        second = await gql(client, TIMELINE, after)
        assert texts(second) == ["counteroffensive by September"]
        assert second["data"]["timeline"]["pageInfo"]["hasNextPage"] is False
        before = {"last": 2, "before": second["data"]["timeline"]["pageInfo"]["startCursor"]}
        assert texts(await gql(client, TIMELINE, before)) == [
            "shelling on Monday",
            "undated remark",
        ]

    @pytest.mark.parametrize(
        ("flt", "expected"),
        [
            ({"speaker": "zelensky"}, ["shelling on Monday", "counteroffensive by September"]),
            (
                {"speaker": "President Zelensky", "kinds": ["PREDICTION"]},
                ["counteroffensive by September"],
            ),
            ({"statuses": ["CONFIRMED"]}, ["undated remark"]),
            ({"search": "MONDAY"}, ["shelling on Monday"]),
            ({"due": True}, ["counteroffensive by September"]),
            (
                {"from": "2022-07-26", "to": "2022-09-05"},
                ["undated remark", "counteroffensive by September"],
            ),
            ({"speaker": "nobody"}, []),
        ],
        ids=[
            "speaker-name",
            "alias-and-kind",
            "status",
            "search",
            "due",
            "from-to",
            "unknown-speaker",
        ],
    )
    async def test_filters(
        self, client: httpx.AsyncClient, world: World, flt: dict[str, Any], expected: list[str]
    ) -> None:
        assert texts(await gql(client, TIMELINE, {"filter": flt})) == expected

    async def test_filters_by_article_and_speaker_ids(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        by_article = {"articleId": ids.encode("Article", world.second_article)}
        assert texts(await gql(client, TIMELINE, {"filter": by_article})) == ["losses in June"]
        by_speaker = {"speaker": ids.encode("Speaker", world.speaker), "kinds": ["CLAIM"]}
        assert texts(await gql(client, TIMELINE, {"filter": by_speaker})) == ["shelling on Monday"]

    @pytest.mark.parametrize(
        ("variables", "code", "words"),
        [
            ({"first": 101}, "INVALID", "first must be between 0 and 100"),
            ({"first": -1}, "INVALID", "first must be between 0 and 100"),
            ({"after": "not-a-cursor"}, "INVALID_CURSOR", "not a valid cursor"),
            ({"filter": {"articleId": "bogus"}}, "INVALID_ID", "not a valid ID"),
            ({"filter": {"articleId": ids.encode("Claim", 1)}}, "NOT_FOUND", "not a Article ID"),
            ({"filter": {"from": "2022-09-01", "to": "2022-08-01"}}, "INVALID", "from must not be"),
        ],
        ids=[
            "first-too-big",
            "first-negative",
            "bad-cursor",
            "bad-id",
            "wrong-id-type",
            "from-after-to",
        ],
    )
    async def test_bad_input_is_a_coded_error(
        self,
        client: httpx.AsyncClient,
        world: World,
        variables: dict[str, Any],
        code: str,
        words: str,
    ) -> None:
        reply = await gql(client, TIMELINE, variables)
        assert reply["data"] is None
        assert error_codes(reply) == [code]
        assert words in reply["errors"][0]["message"]


CLAIM = """
query($id: ID!) {
  claim(id: $id) {
    id kind text due revision status
    time { text start end granularity role }
    speaker { name aliases }
    article { title publishedAt }
    verifications { status }
  }
}
"""


class TestLookups:
    async def test_claim_shows_its_speaker_article_and_due_state(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        claim_id = ids.encode("Claim", world.claims["counteroffensive by September"])
        claim = (await gql(client, CLAIM, {"id": claim_id}))["data"]["claim"]
        assert claim["id"] == claim_id
        assert (claim["kind"], claim["due"], claim["revision"]) == ("PREDICTION", True, 0)
        assert claim["time"]["end"] == "2022-09-30"
        assert claim["speaker"] == {"name": "Zelensky", "aliases": ["President Zelensky"]}
        assert claim["article"] == {"title": "Retreat", "publishedAt": "2022-07-28"}
        assert claim["verifications"] == []

    async def test_unknown_ids_give_null_and_malformed_ids_an_error(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        assert (await gql(client, CLAIM, {"id": ids.encode("Claim", 999999)}))["data"] == {
            "claim": None
        }
        assert error_codes(await gql(client, CLAIM, {"id": "%%%"})) == ["INVALID_ID"]
        wrong_type = await gql(client, CLAIM, {"id": ids.encode("Article", world.first_article)})
        assert error_codes(wrong_type) == ["NOT_FOUND"]

    async def test_node_and_nodes_resolve_every_type_in_order(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        wanted = [
            ids.encode("Speaker", world.speaker),
            ids.encode("Article", world.first_article),
            ids.encode("Claim", 999999),
            ids.encode("Claim", world.claims["losses in June"]),
        ]
        query = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"""
        nodes = (await gql(client, query, {"ids": wanted}))["data"]["nodes"]
        assert [n and n["__typename"] for n in nodes] == ["Speaker", "Article", None, "Claim"]
        assert [n and n["id"] for n in nodes] == [wanted[0], wanted[1], None, wanted[3]]
        one = await gql(client, "query($id: ID!) { node(id: $id) { id } }", {"id": wanted[1]})
        assert one["data"]["node"]["id"] == wanted[1]
        too_many = await gql(client, query, {"ids": wanted * 26})
        assert error_codes(too_many) == ["INVALID"]

    async def test_article_lists_its_claims(self, client: httpx.AsyncClient, world: World) -> None:
        query = """query($id: ID!) { article(id: $id) { title
            claims(first: 2, filter: {kinds: [CLAIM]}) { totalCount edges { node { text } } } } }"""
        reply = await gql(client, query, {"id": ids.encode("Article", world.first_article)})
        article = reply["data"]["article"]
        assert article["title"] == "Retreat"
        assert article["claims"]["totalCount"] == 2
        assert [e["node"]["text"] for e in article["claims"]["edges"]] == [
            "shelling on Monday",
            "undated remark",
        ]

    async def test_speaker_has_claims_and_a_track_record(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        query = """query($id: ID!) { speaker(id: $id) { name
            claims { totalCount }
            trackRecord { total settled unverified confirmed byStatus { status count } } } }"""
        reply = await gql(client, query, {"id": ids.encode("Speaker", world.speaker)})
        speaker = reply["data"]["speaker"]
        assert speaker["claims"]["totalCount"] == 2
        record = speaker["trackRecord"]
        assert (record["total"], record["settled"], record["unverified"]) == (2, 0, 2)
        assert {"status": "UNVERIFIED", "count": 2} in record["byStatus"]
        assert len(record["byStatus"]) == 7


class TestLists:
    async def test_articles_newest_first_with_pages(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        query = """query($after: String) { articles(first: 1, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }"""
        page = (await gql(client, query))["data"]["articles"]
        assert page["totalCount"] == 2
        assert [e["node"]["title"] for e in page["edges"]] == ["Later"]
        assert page["pageInfo"]["hasNextPage"] is True
        rest = await gql(client, query, {"after": page["pageInfo"]["endCursor"]})
        assert [e["node"]["title"] for e in rest["data"]["articles"]["edges"]] == ["Retreat"]
        assert rest["data"]["articles"]["pageInfo"]["hasNextPage"] is False

    async def test_speakers_by_name(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        for name in ("Zelensky", "Austin", "Medvedev"):
            await make_speaker(session, name)
        await session.commit()
        query = "{ speakers { totalCount edges { node { name } } } }"
        speakers = (await gql(client, query))["data"]["speakers"]
        assert speakers["totalCount"] == 3
        assert [e["node"]["name"] for e in speakers["edges"]] == ["Austin", "Medvedev", "Zelensky"]

    @pytest.mark.parametrize("field", ["articles", "speakers"])
    async def test_pages_backward_mirror_pages_forward(
        self, client: httpx.AsyncClient, session: AsyncSession, world: World, field: str
    ) -> None:
        for name in ("Ann Able", "Bo Brown", "Cy Cole", "Di Dunn"):
            await make_speaker(session, name)
            await make_article(session)
        await session.commit()
        shape = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } "
        shape += "edges { cursor }"
        forward = (await gql(client, f"{{ {field}(first: 100) {{ {shape} }} }}"))["data"][field]
        cursors = [e["cursor"] for e in forward["edges"]]
        assert len(cursors) >= 5
        # The last two, then the page before them, walking back with `before`.
        query = f"query($b: String) {{ {field}(last: 2, before: $b) {{ {shape} }} }}"
        tail = (await gql(client, query))["data"][field]
        assert [e["cursor"] for e in tail["edges"]] == cursors[-2:]
        assert tail["pageInfo"]["hasNextPage"] is False
        assert tail["pageInfo"]["hasPreviousPage"] is True
        before = (await gql(client, query, {"b": tail["pageInfo"]["startCursor"]}))["data"][field]
        assert [e["cursor"] for e in before["edges"]] == cursors[-4:-2]
        assert before["pageInfo"]["hasNextPage"] is True
        both = await gql(client, f"{{ {field}(first: 1, last: 1) {{ totalCount }} }}")
        assert error_codes(both) == ["INVALID"]

    @pytest.mark.parametrize("field", ["articles", "speakers"])
    async def test_bad_page_arguments_are_coded_errors(
        self, client: httpx.AsyncClient, field: str
    ) -> None:
        too_big = await gql(client, f"{{ {field}(first: 500) {{ totalCount }} }}")
        assert error_codes(too_big) == ["INVALID"]
        assert "100" in too_big["errors"][0]["message"]
        bad_cursor = await gql(client, f'{{ {field}(after: "xyz") {{ totalCount }} }}')
        assert error_codes(bad_cursor) == ["INVALID_CURSOR"]


class TestPrivateReads:
    @pytest.fixture
    async def private_client(self, db_url: str, engine: AsyncEngine) -> Any:
        app = create_app(Settings(database_url=db_url, public_read=False, load_seeds=False))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c
        await app.state.engine.dispose()

    @pytest.mark.parametrize(
        "query",
        [
            "{ timeline { totalCount } }",
            "{ articles { totalCount } }",
            "{ speakers { totalCount } }",
            '{ node(id: "QXJ0aWNsZTox") { id } }',
        ],
        ids=["timeline", "articles", "speakers", "node"],
    )
    async def test_need_a_token_when_reads_are_not_public(
        self, private_client: httpx.AsyncClient, tokens: dict[str, str], query: str
    ) -> None:
        anonymous = await gql(private_client, query)
        assert error_codes(anonymous) == ["UNAUTHENTICATED"]
        assert "token" in anonymous["errors"][0]["message"]
        reader = await gql(private_client, query, token=tokens["reader"])
        assert "errors" not in reader


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


HOSTILE = {
    "empty": "",
    "padding": "=",
    "nul": "\x00",
    "long": "a" * 5000,
    "negative-pk": _b64(b"Claim:-1"),
    "no-pk": _b64(b"Claim:"),
    "not-utf8": _b64(b"\xff\xfe"),
    "pk-over-64-bits": _b64(b"Claim:99999999999999999999"),
    "non-ascii-digit": _b64("Claim:٣".encode()),
    "cursor-over-64-bits": _b64(b"2022-01-01|99999999999999999999"),
    "list-cursor-over-64-bits": _b64(b"article|99999999999999999999"),
    "other-list-cursor": _b64(b"speaker|1"),
}
PROBES = [
    "query($v: ID!) { node(id: $v) { id } }",
    "query($v: ID!) { claim(id: $v) { id } }",
    "query($v: String) { timeline(after: $v) { totalCount } }",
    "query($v: String) { timeline(last: 1, before: $v) { totalCount } }",
    "query($v: String) { articles(after: $v) { totalCount } }",
    "query($v: String) { speakers(after: $v) { totalCount } }",
    "query($v: String) { timeline(filter: {speaker: $v}) { totalCount } }",
]


class TestHostileInput:
    @pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
    async def test_never_an_internal_error(self, client: httpx.AsyncClient, value: str) -> None:
        for probe in PROBES:
            reply = await gql(client, probe, {"v": value})
            for error in reply.get("errors", []):
                assert error.get("extensions", {}).get("code"), (probe, error)


# Requests rejected as a whole: each error carries a stable code (and the input field at fault).
REQUEST_ERRORS = [
    ("{ timeline(first: 1 { totalCount }", None, {"code": "GRAPHQL_PARSE_FAILED"}),
    ("{ nope }", None, {"code": "GRAPHQL_VALIDATION_FAILED"}),
    (
        "{ timeline(filter: {statuses: [MAYBE]}) { totalCount } }",
        None,
        {"code": "GRAPHQL_VALIDATION_FAILED"},
    ),
    (
        "query($f: TimelineFilter) { timeline(filter: $f) { totalCount } }",
        {"f": {"statuses": ["MAYBE"]}},
        {"code": "BAD_USER_INPUT", "field": "statuses"},
    ),
    (
        "query($n: Int) { timeline(first: $n) { totalCount } }",
        {"n": "ten"},
        {"code": "BAD_USER_INPUT"},
    ),
]


@pytest.mark.parametrize(("query", "variables", "extensions"), REQUEST_ERRORS)
async def test_rejected_requests_carry_codes(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None, extensions: Any
) -> None:
    reply = await gql(client, query, variables)
    assert reply.get("data") is None
    assert [e["extensions"] for e in reply["errors"]] == [extensions]
