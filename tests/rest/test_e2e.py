"""The seed article through REST on a real server: ingest, predictions, verdict, GraphQL, exports.

Every JSON body is also checked against the schema the OpenAPI document gives for it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import httpx
from jsonschema import Draft202012Validator
from sqlalchemy.ext.asyncio import AsyncEngine

from api.rest.openapi import document
from tests.e2e.server import running_server

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CLAIM = """query($id: ID!) { claim(id: $id) { id status revision
  verifications { status note verifiedBy revision } } }"""


def seed_article() -> dict[str, Any]:
    meta = json.loads((SEEDS / "articles.json").read_text(encoding="utf-8"))[0]
    text = (SEEDS / meta.pop("file")).read_text(encoding="utf-8")
    return {**meta, "text": text}


def conforms(body: Any, component: str) -> None:
    schema = {"$ref": f"#/components/schemas/{component}", **document()}
    Draft202012Validator(schema).validate(body)


class TestSeedThroughRest:
    def test_ingest_verify_read_back_and_export(self, db_url: str, engine: AsyncEngine) -> None:
        with running_server(db_url, HINDSIGHT_LOAD_SEEDS="false") as server:
            auth = {"Authorization": f"Bearer {server.admin_token}"}
            with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=30) as api:
                assert api.get("/articles").json()["total"] == 0
                created = api.post("/articles", json=seed_article(), headers=auth)
                assert created.status_code == 201, created.text
                conforms(created.json(), "Article")
                article = created.json()
                assert created.headers["location"].endswith(f"/api/v1/articles/{article['id']}")
                assert article["title"] == "Ukraine Threatens Kremlin: Retreat Or Be Annihilated"
                assert api.post("/articles", json=seed_article(), headers=auth).status_code == 200

                listed = api.get("/claims", params={"article": article["id"], "kind": "PREDICTION"})
                conforms(listed.json(), "ClaimPage")
                predictions = listed.json()["items"]
                assert predictions
                assert {p["kind"] for p in predictions} == {"PREDICTION"}
                target = next((p for p in predictions if p["time"]), predictions[0])

                read = api.get(f"/claims/{target['id']}")
                assert read.headers["etag"] == '"0"'
                verdict = api.put(
                    f"/claims/{target['id']}/verification",
                    json={
                        "status": "REFUTED",
                        "note": "Did not happen in that time.",
                        "evidence_urls": ["https://example.org/evidence"],
                    },
                    headers={**auth, "If-Match": read.headers["etag"]},
                )
                assert verdict.status_code == 200, verdict.text
                assert verdict.headers["etag"] == '"1"'
                conforms(verdict.json(), "ClaimDetail")
                stale = api.put(
                    f"/claims/{target['id']}/verification",
                    json={"status": "CONFIRMED"},
                    headers={**auth, "If-Match": '"0"'},
                )
                assert stale.status_code == 412

                rest = api.get(f"/claims/{target['id']}").json()
                review = api.get(f"/claims/{target['id']}/claimreview")
                timeline = api.get("/timeline.json", params={"kind": "PREDICTION"})
                table = api.get("/claims.csv", params={"article": article["id"]})
                speakers = api.get("/speakers").json()
            graphql = httpx.post(
                f"{server.base_url}/graphql",
                json={"query": CLAIM, "variables": {"id": target["id"]}},
                timeout=30,
            ).json()

        assert (rest["status"], rest["revision"]) == ("REFUTED", 1)
        assert rest["verifications"][0]["verified_by"] == "admin"
        assert "errors" not in graphql, graphql
        node = graphql["data"]["claim"]
        assert (node["id"], node["status"], node["revision"]) == (target["id"], "REFUTED", 1)
        assert node["verifications"] == [
            {
                "status": "REFUTED",
                "note": "Did not happen in that time.",
                "verifiedBy": "admin",
                "revision": 1,
            }
        ]

        assert review.status_code == 200
        conforms(review.json(), "ClaimReview")
        assert review.json()["reviewRating"]["alternateName"] == "False"
        assert review.json()["itemReviewed"]["appearance"]["url"] == article["url"]
        conforms(timeline.json(), "TimelineJS")
        events = timeline.json()["events"]
        assert [e["unique_id"] for e in events] == [p["id"] for p in predictions]
        rows = list(csv.DictReader(io.StringIO(table.text, newline="")))
        assert len(rows) == len(article["claims"])
        assert {r["id"]: r["status"] for r in rows}[target["id"]] == "REFUTED"
        conforms(speakers, "SpeakerPage")
