"""Benchmark the GraphQL timeline against a hand-written SQL baseline, on a real server.

Fills a database with synthetic claims (bulk Core inserts), starts uvicorn on the real app
plus a /baseline endpoint (bench/api_bench_app.py), then measures `timeline(first: 50)` with
its nested speaker, article, verifications and time, and the same page from the baseline:
latency p50/p95 and requests per second at a fixed concurrency, after a warm-up, in one run.
The target is GraphQL p50 <= 3x baseline p50.

    python bench/api_bench.py [--claims 100000] [--database-url postgresql://...]
    python bench/api_bench.py --postgres postgresql://postgres@127.0.0.1:5432/postgres
    python bench/api_bench.py --profile server.prof   # the server runs under cProfile
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx
from sqlalchemy import text

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from api_bench_app import PAGE_SIZE, TIMELINE_QUERY  # noqa: E402  (needs BENCH_DIR)
from api_bench_data import FillStats, fill  # noqa: E402

from db.migrations import upgrade  # noqa: E402
from db.session import create_engine, is_sqlite  # noqa: E402

TARGET_RATIO = 3.0
STARTUP_SECONDS = 60


@dataclass
class Result:
    """One endpoint's measurements, summed over the rounds."""

    name: str
    latencies: list[float] = field(default_factory=list)  # seconds, one per request
    wall: float = 0.0  # seconds spent in the measured phases
    server_cpu: float | None = 0.0  # server process CPU seconds in those phases (Linux)

    @property
    def p50(self) -> float:
        return percentile(self.latencies, 50)

    @property
    def p95(self) -> float:
        return percentile(self.latencies, 95)

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.wall

    @property
    def cpu_per_request(self) -> float | None:
        return None if self.server_cpu is None else self.server_cpu / len(self.latencies)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, round(pct / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


# --- database ---------------------------------------------------------------------------


async def prepare_database(
    url: str, *, claims: int, articles: int, speakers: int
) -> tuple[FillStats, float]:
    """Migrate, then fill; returns the counts and the fill time in seconds."""
    await upgrade(url)
    engine = create_engine(url)
    try:
        started = time.perf_counter()
        async with engine.begin() as conn:
            stats = await fill(conn, claims=claims, articles=articles, speakers=speakers)
        # Statistics and (PostgreSQL) a visibility map, as autovacuum gives a live database.
        async with engine.connect() as conn:
            auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await auto.execute(text("ANALYZE" if is_sqlite(url) else "VACUUM ANALYZE"))
        return stats, time.perf_counter() - started
    finally:
        await engine.dispose()


@contextlib.asynccontextmanager
async def fresh_postgres(admin_url: str) -> AsyncIterator[str]:
    """A new PostgreSQL database next to `admin_url`, dropped afterwards."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"hindsight_bench_{uuid.uuid4().hex[:8]}"
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


# --- server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Server:
    base_url: str
    pid: int

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server process so far (None off Linux)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def running_server(database_url: str, profile: str | None = None) -> Iterator[Server]:
    """uvicorn (one worker, uvloop/httptools when installed) on the bench app."""
    port = free_port()
    runner = [sys.executable, *(["-m", "cProfile", "-o", profile] if profile else []), "-m"]
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [
                *runner,
                *["uvicorn", "--factory", "--app-dir", str(BENCH_DIR), "api_bench_app:create"],
                *["--host", "127.0.0.1", "--port", str(port)],
                *["--log-level", "warning", "--no-access-log"],
            ],
            env={**os.environ, "DATABASE_URL": database_url, "HINDSIGHT_LOAD_SEEDS": "false"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(process, base_url, log)
            yield Server(base_url, process.pid)
        finally:
            process.send_signal(signal.SIGINT)  # a clean exit lets cProfile write its file
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_healthy(process: subprocess.Popen[bytes], base_url: str, log: IO[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read()[-3000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base_url}/api/v1/health", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError("server did not become healthy")


# --- load -------------------------------------------------------------------------------

Send = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


def graphql_request(first: int = PAGE_SIZE) -> Send:
    body = {"query": TIMELINE_QUERY, "variables": {"first": first}}
    return lambda client: client.post("/graphql", json=body)


def baseline_request(first: int = PAGE_SIZE) -> Send:
    return lambda client: client.get("/baseline", params={"first": first})


async def fetch_page(client: httpx.AsyncClient, send: Send) -> dict[str, Any]:
    """One response body, checked: HTTP 200 and no GraphQL errors."""
    response = await send(client)
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    if body.get("errors"):
        raise RuntimeError(f"GraphQL errors: {body['errors']}")
    return body


async def load(
    client: httpx.AsyncClient, send: Send, requests: int, concurrency: int
) -> tuple[list[float], float]:
    """`requests` requests from `concurrency` workers: the latency of each, the wall time."""
    latencies: list[float] = []
    remaining = iter(range(requests))

    async def worker() -> None:
        for _ in remaining:
            started = time.perf_counter()
            response = await send(client)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}: {response.text[:300]}")

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.perf_counter() - started


async def measure(
    server: Server,
    *,
    requests: int,
    warmup: int,
    concurrency: int,
    rounds: int = 4,
    first: int = PAGE_SIZE,
) -> tuple[Result, Result]:
    """Check both endpoints serve the same page, warm them up, then measure them in
    alternating rounds, so that a slow spell of a shared machine hits both alike."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=server.base_url, limits=limits, timeout=60) as client:
        sends = {"graphql": graphql_request(first), "baseline": baseline_request(first)}
        if await fetch_page(client, sends["graphql"]) != await fetch_page(
            client, sends["baseline"]
        ):
            raise RuntimeError("GraphQL and the baseline serve different pages")
        results = {name: Result(name) for name in sends}
        for send in sends.values():
            await load(client, send, warmup, concurrency)
        for round_ in range(rounds):
            order = list(sends) if round_ % 2 == 0 else list(reversed(sends))
            for name in order:
                await measure_round(
                    server, client, sends[name], results[name], requests // rounds, concurrency
                )
        return results["graphql"], results["baseline"]


async def measure_round(
    server: Server,
    client: httpx.AsyncClient,
    send: Send,
    result: Result,
    requests: int,
    concurrency: int,
) -> None:
    cpu_before = server.cpu_seconds()
    latencies, wall = await load(client, send, requests, concurrency)
    cpu_after = server.cpu_seconds()
    result.latencies += latencies
    result.wall += wall
    if cpu_before is None or cpu_after is None or result.server_cpu is None:
        result.server_cpu = None
    else:
        result.server_cpu += cpu_after - cpu_before


# --- report -----------------------------------------------------------------------------


def report(graphql: Result, baseline: Result, concurrency: int) -> bool:
    """Print the table and the verdict; True when GraphQL meets the target."""
    header = f"{'endpoint':<10} {'requests':>8} {'conc':>5} {'p50 ms':>8} {'p95 ms':>8}"
    print(f"\n{header} {'req/s':>8} {'server CPU ms/req':>18}")
    for r in (graphql, baseline):
        cpu = r.cpu_per_request
        print(
            f"{r.name:<10} {len(r.latencies):>8} {concurrency:>5} {r.p50 * 1000:>8.2f} "
            f"{r.p95 * 1000:>8.2f} {r.rps:>8.1f} {'-' if cpu is None else f'{cpu * 1000:.2f}':>18}"
        )
    ratio = graphql.p50 / baseline.p50
    ok = ratio <= TARGET_RATIO
    print(f"\nGraphQL p50 / baseline p50 = {ratio:.2f}x (target <= {TARGET_RATIO:.0f}x): ", end="")
    print("PASS" if ok else "FAIL")
    return ok


async def run(args: argparse.Namespace, url: str) -> bool:
    backend = "SQLite" if is_sqlite(url) else "PostgreSQL"
    print(f"database: {backend}; filling {args.claims} claims ...", flush=True)
    stats, seconds = await prepare_database(
        url, claims=args.claims, articles=args.articles, speakers=args.speakers
    )
    print(
        f"fill: {stats.claims} claims, {stats.articles} articles, {stats.speakers} speakers, "
        f"{stats.verifications} verifications in {seconds:.1f} s "
        f"({stats.claims / seconds:,.0f} claims/s)",
        flush=True,
    )
    print(f"page: timeline(first: {args.first}); {args.requests} requests per endpoint")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before")
    with running_server(url, args.profile) as server:
        graphql, baseline = await measure(
            server,
            requests=args.requests,
            first=args.first,
            warmup=args.warmup,
            concurrency=args.concurrency,
            rounds=args.rounds,
        )
    print(f"load average {os.getloadavg()[0]:.1f} after (other processes share the cores)")
    return report(graphql, baseline, args.concurrency)


async def main_async(args: argparse.Namespace) -> bool:
    if args.postgres:
        async with fresh_postgres(args.postgres) as url:
            return await run(args, url)
    if args.database_url:
        return await run(args, args.database_url)
    with tempfile.TemporaryDirectory(prefix="hindsight-bench-") as folder:
        return await run(args, f"sqlite+aiosqlite:///{folder}/bench.db")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--speakers", type=int, default=500)
    parser.add_argument("--requests", type=int, default=400, help="measured, per endpoint")
    parser.add_argument("--warmup", type=int, default=50, help="unmeasured, per endpoint")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--first", type=int, default=PAGE_SIZE, help="page size (default 50)")
    parser.add_argument("--rounds", type=int, default=4, help="alternating measured rounds")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--database-url", help="an EMPTY database to fill (default: temp SQLite)")
    where.add_argument("--postgres", metavar="ADMIN_URL", help="create and drop a fresh database")
    parser.add_argument("--profile", metavar="FILE", help="run the server under cProfile")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    asyncio.run(main_async(parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
