"""Smoke test of bench/api_bench.py: its fill, server and load code on a tiny database.

The bench is only meaningful if GraphQL and the baseline serve the same page, so that is
checked here on both backends, through the real uvicorn server the bench starts.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from api.services import ids
from db.models import Claim, Verification

BENCH = str(Path(__file__).resolve().parents[2] / "bench")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)
api_bench = importlib.import_module("api_bench")

CLAIMS = 200


async def first_claim_ids(engine: AsyncEngine, limit: int) -> list[int]:
    query = select(Claim.id).order_by(Claim.sort_date, Claim.id).limit(limit)
    async with engine.connect() as conn:
        return list(await conn.scalars(query))


def claim_ids(body: dict[str, object]) -> list[str]:
    edges = body["data"]["timeline"]["edges"]  # type: ignore[index]
    return [edge["node"]["id"] for edge in edges]


async def test_fill_writes_the_requested_rows_with_consistent_histories(
    db_url: str, engine: AsyncEngine
) -> None:
    stats, seconds = await api_bench.prepare_database(
        db_url, claims=CLAIMS, articles=10, speakers=8
    )
    assert (stats.claims, stats.articles, stats.speakers) == (CLAIMS, 10, 8)
    assert stats.verifications > 0
    assert seconds > 0
    # A verified claim's revision counts its verdicts (what set_verification maintains).
    history = (
        select(Verification.claim_id, func.count(), func.max(Verification.revision))
        .group_by(Verification.claim_id)
        .subquery()
    )
    query = select(Claim.revision, history.c[1], history.c[2]).join(
        history, history.c.claim_id == Claim.id
    )
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    assert rows
    assert all(revision == count == top for revision, count, top in rows)


async def test_graphql_and_baseline_serve_the_same_page(db_url: str, engine: AsyncEngine) -> None:
    await api_bench.prepare_database(db_url, claims=CLAIMS, articles=10, speakers=8)
    expected = [ids.encode("Claim", pk) for pk in await first_claim_ids(engine, 50)]
    with api_bench.running_server(db_url) as server:
        async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as client:
            graphql = await api_bench.fetch_page(client, api_bench.graphql_request())
            baseline = await api_bench.fetch_page(client, api_bench.baseline_request())
        assert claim_ids(graphql) == claim_ids(baseline) == expected
        assert graphql == baseline  # same nested fields, cursors and page info too
        graphql_result, baseline_result = await api_bench.measure(
            server, requests=8, warmup=2, concurrency=2, rounds=2
        )
    for result in (graphql_result, baseline_result):
        assert len(result.latencies) == 8
        assert 0 < result.p50 <= result.p95
        assert result.rps > 0


@pytest.mark.parametrize(
    ("pct", "expected"), [(50, 5.0), (95, 10.0), (100, 10.0), (1, 1.0)], ids=str
)
def test_percentile_is_nearest_rank(pct: float, expected: float) -> None:
    assert api_bench.percentile([float(n) for n in range(10, 0, -1)], pct) == expected
