"""Smoke test of bench/api_instructions.py: what it runs under valgrind serves real pages.

valgrind itself is left to the bench (a run takes minutes); here the in-process load it
counts runs on a tiny database, on both backends, and must get 200s from both endpoints.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = str(Path(__file__).resolve().parents[2] / "bench")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)
api_bench = importlib.import_module("api_bench")
api_instructions = importlib.import_module("api_instructions")


@pytest.mark.parametrize("endpoint", api_instructions.ENDPOINTS)
async def test_counted_load_serves_pages(
    db_url: str, engine: object, monkeypatch: pytest.MonkeyPatch, endpoint: str
) -> None:
    await api_bench.prepare_database(db_url, claims=60, articles=4, speakers=3)
    monkeypatch.setenv("DATABASE_URL", db_url)
    await api_instructions.serve(endpoint, 3)  # raises on any non-2xx reply


def test_arguments() -> None:
    args = api_instructions.parse_args(["--requests", "7"])
    assert (args.requests, args.database_url, args.serve) == (7, None, None)
