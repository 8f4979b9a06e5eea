"""CPU instructions per request, GraphQL timeline vs the SQL baseline: a figure machine load
cannot move.

The latency bench (api_bench.py) is the target's measure, but on a shared machine its p50
moves with other jobs. This counts the instructions the server process executes per request
under valgrind's callgrind, in process (ASGI transport, no uvicorn, no sockets), so two runs
of the same code give the same figure within a fraction of a percent. Each endpoint is run
twice, with 10 and with 10 + N requests; the difference over N is its cost per request.

    python bench/api_instructions.py [--claims 100000] [--requests 50]
    python bench/api_instructions.py --database-url URL   # already filled by api_bench.py

Needs valgrind (Debian package `valgrind`). Without --database-url it fills a temporary
SQLite database the way api_bench.py does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
WARMUP = 10
ENDPOINTS = ("graphql", "baseline")


async def serve(endpoint: str, count: int) -> None:
    """Send `count` requests to one endpoint of the in-process app (run under valgrind)."""
    import httpx

    sys.path.insert(0, str(BENCH_DIR))
    from api_bench_app import PAGE_SIZE, TIMELINE_QUERY, create

    app = create()
    body = {"query": TIMELINE_QUERY, "variables": {"first": PAGE_SIZE}}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for number in range(count):
                if endpoint == "graphql":
                    response = await client.post("/graphql", json=body)
                else:
                    response = await client.get("/baseline", params={"first": PAGE_SIZE})
                response.raise_for_status()
                # Checked once, in the warm-up that both counts include, so it cancels out.
                if number == 0 and not response.json().get("data"):
                    raise RuntimeError(f"{endpoint} served no page: {response.text[:500]}")


def instructions(endpoint: str, count: int, database_url: str) -> int:
    """Instructions executed by a process that serves `count` requests to `endpoint`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--serve",
            endpoint,
            str(count),
        ]
        env = {**os.environ, "DATABASE_URL": database_url}
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        raise RuntimeError(f"no instruction count from valgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_request(endpoint: str, requests: int, database_url: str) -> float:
    warm = instructions(endpoint, WARMUP, database_url)
    full = instructions(endpoint, WARMUP + requests, database_url)
    return (full - warm) / requests


def filled_sqlite(folder: str, claims: int) -> str:
    sys.path.insert(0, str(BENCH_DIR))
    from api_bench import prepare_database

    url = f"sqlite+aiosqlite:///{folder}/bench.db"
    stats, seconds = asyncio.run(
        prepare_database(url, claims=claims, articles=claims // 50, speakers=claims // 200)
    )
    print(f"fill: {stats.claims} claims, {stats.verifications} verifications in {seconds:.1f} s")
    return url


def report(database_url: str, requests: int) -> None:
    counts = {e: per_request(e, requests, database_url) for e in ENDPOINTS}
    for endpoint, count in counts.items():
        print(f"{endpoint:9} {count / 1e6:8.2f} M instructions per request")
    print(f"GraphQL / baseline = {counts['graphql'] / counts['baseline']:.2f}x (in process)")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="a database api_bench.py filled")
    parser.add_argument("--claims", type=int, default=100_000, help="for the temporary fill")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--serve", nargs=2, metavar=("ENDPOINT", "COUNT"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve:
        asyncio.run(serve(args.serve[0], int(args.serve[1])))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    if args.database_url:
        report(args.database_url, args.requests)
        return 0
    with tempfile.TemporaryDirectory(prefix="hindsight-instructions-") as folder:
        report(filled_sqlite(folder, args.claims), args.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
