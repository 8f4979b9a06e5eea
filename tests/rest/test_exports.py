"""ClaimReview JSON-LD, TimelineJS JSON and CSV: the formats publishing tools read."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

from tests.rest.conftest import Timeline, Tokens

API = "/api/v1"

# Google's fact-check markup (developers.google.com/search/docs/appearance/structured-data/
# factcheck): the properties it requires, and those it recommends, as paths into the JSON-LD.
REQUIRED = [
    "@context",
    "@type",
    "claimReviewed",
    "reviewRating",
    "reviewRating.@type",
    "reviewRating.alternateName",
    "url",
    "author",
    "author.name",
]
RECOMMENDED = [
    "datePublished",
    "itemReviewed",
    "itemReviewed.@type",
    "itemReviewed.author",
    "itemReviewed.author.name",
    "itemReviewed.datePublished",
    "itemReviewed.appearance",
    "itemReviewed.appearance.url",
    "itemReviewed.appearance.headline",
    "itemReviewed.appearance.datePublished",
]
NUMERIC = ["reviewRating.ratingValue", "reviewRating.bestRating", "reviewRating.worstRating"]


def lookup(data: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def missing(review: dict[str, Any], paths: list[str]) -> list[str]:
    return [p for p in paths if lookup(review, p) in (None, "", [], {})]


async def _verdict(
    client: httpx.AsyncClient, tokens: Tokens, claim_id: str, status: str, revision: int = 0
) -> None:
    response = await client.put(
        f"{API}/claims/{claim_id}/verification",
        json={"status": status, "note": "Checked against the ISW maps."},
        headers={**tokens.editor, "If-Match": str(revision)},
    )
    assert response.status_code == 200, response.text


class TestClaimReview:
    @pytest.mark.parametrize(
        ("status", "name", "value"),
        [
            ("CONFIRMED", "True", 5),
            ("PARTLY_CONFIRMED", "Partly true", 3),
            ("MISLEADING", "Misleading", 2),
            ("REFUTED", "False", 1),
            ("UNVERIFIABLE", "Unverifiable", None),
        ],
    )
    async def test_has_what_google_requires_and_recommends(
        self,
        client: httpx.AsyncClient,
        timeline: Timeline,
        tokens: Tokens,
        status: str,
        name: str,
        value: int | None,
    ) -> None:
        await _verdict(client, tokens, timeline.claim, status)
        response = await client.get(f"{API}/claims/{timeline.claim}/claimreview")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/ld+json"
        review = response.json()
        assert missing(review, REQUIRED) == []
        assert missing(review, RECOMMENDED) == []
        assert (review["@context"], review["@type"]) == ("https://schema.org", "ClaimReview")
        assert review["url"] == f"http://testserver{API}/claims/{timeline.claim}"
        assert review["claimReviewed"] == "Kherson fell, says Putin"
        assert review["author"] == {"@type": "Organization", "name": "Hindsight"}
        assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Vladimir Putin"}
        appearance = review["itemReviewed"]["appearance"]
        assert appearance["publisher"] == {"@type": "Organization", "name": "19FortyFive"}
        rating = review["reviewRating"]
        assert rating["alternateName"] == name
        assert rating.get("ratingValue") == value
        if value is None:
            assert missing(review, NUMERIC) == NUMERIC
        else:
            assert missing(review, NUMERIC) == []
            assert rating["worstRating"] <= value <= rating["bestRating"]

    async def test_narration_is_attributed_to_the_outlet_or_byline(
        self, client: httpx.AsyncClient, timeline: Timeline, tokens: Tokens
    ) -> None:
        await _verdict(client, tokens, timeline.undated, "REFUTED")
        review = (await client.get(f"{API}/claims/{timeline.undated}/claimreview")).json()
        assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "B. Writer"}
        assert "url" not in review["itemReviewed"]["appearance"]  # the article has none

    @pytest.mark.parametrize("status", [None, "IN_REVIEW"])
    async def test_no_verdict_is_a_409_problem(
        self, client: httpx.AsyncClient, timeline: Timeline, tokens: Tokens, status: str | None
    ) -> None:
        if status:
            await _verdict(client, tokens, timeline.claim, status)
        response = await client.get(f"{API}/claims/{timeline.claim}/claimreview")
        assert response.status_code == 409
        assert response.json()["code"] == "CONFLICT"


class TestTimelineJs:
    async def test_events_with_dates_to_their_precision(
        self, client: httpx.AsyncClient, timeline: Timeline
    ) -> None:
        response = await client.get(f"{API}/timeline.json?format=timelinejs")
        assert response.status_code == 200
        body = response.json()
        assert body["title"]["text"]["headline"]
        events = {e["unique_id"]: e for e in body["events"]}
        assert list(events) == [
            timeline.claim,
            timeline.undated,
            timeline.prediction,
            timeline.future,
        ]
        assert events[timeline.claim]["start_date"] == {"year": 2022, "month": 7, "day": 10}
        assert "end_date" not in events[timeline.claim]
        assert events[timeline.prediction]["start_date"] == {"year": 2022, "month": 9}
        assert events[timeline.prediction]["end_date"] == {"year": 2022, "month": 9}
        assert events[timeline.future]["start_date"] == {"year": 2030}
        assert events[timeline.undated]["start_date"] == {"year": 2022, "month": 7, "day": 28}
        assert events[timeline.prediction]["group"] == "Prediction"
        assert events[timeline.claim]["group"] == "Claim"
        assert events[timeline.claim]["text"]["headline"] == "Kherson fell, says Putin"
        assert "Vladimir Putin" in events[timeline.claim]["text"]["text"]

    async def test_takes_the_claims_filters(
        self, client: httpx.AsyncClient, timeline: Timeline
    ) -> None:
        body = (await client.get(f"{API}/timeline.json?kind=PREDICTION&order=DESC")).json()
        assert [e["unique_id"] for e in body["events"]] == [timeline.future, timeline.prediction]

    async def test_unknown_format_is_400(self, client: httpx.AsyncClient) -> None:
        response = await client.get(f"{API}/timeline.json?format=rss")
        assert response.status_code == 400
        assert response.json()["field"] == "format"


class TestCsv:
    async def test_rfc4180_rows_in_the_documented_columns(
        self, client: httpx.AsyncClient, timeline: Timeline
    ) -> None:
        response = await client.get(f"{API}/claims.csv")
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        text = response.text
        assert text.endswith("\r\n")
        assert '"Line one\nline two, with a comma"' in text
        assert '"Peace, ""eventually"", by 2030"' in text
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [r["id"] for r in rows] == [
            timeline.claim,
            timeline.undated,
            timeline.prediction,
            timeline.future,
        ]
        assert rows[0]["speaker"] == "Vladimir Putin"
        assert rows[2]["due"] == "true"
        assert rows[2]["time_value"] == "2022-09"
        assert rows[1]["article_url"] == ""

    async def test_filters_and_header_only_when_empty(
        self, client: httpx.AsyncClient, timeline: Timeline
    ) -> None:
        response = await client.get(f"{API}/claims.csv?status=REFUTED")
        assert response.text.count("\r\n") == 1
        assert response.text.startswith("id,kind,status,revision,due,text,")
