"""`hindsight serve` for real: a subprocess, an HTTP client, the seed article on the timeline."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.server import free_port, running_server

TIMELINE = """{ timeline(first: 50) { totalCount edges { node { id kind text status
  time { text value start end granularity } speaker { name } article { title publishedAt } } }
  pageInfo { hasNextPage endCursor } } }"""
SEED_TITLE = "Ukraine Threatens Kremlin: Retreat Or Be Annihilated"


class TestServe:
    def test_serves_the_seed_article_on_the_timeline(
        self, db_url: str, engine: AsyncEngine
    ) -> None:
        with running_server(db_url) as server:
            response = httpx.post(
                f"{server.base_url}/graphql", json={"query": TIMELINE}, timeout=30
            )
            health = httpx.get(f"{server.base_url}/api/v1/health", timeout=5).json()
            playground = httpx.get(
                f"{server.base_url}/graphql", headers={"Accept": "text/html"}, timeout=5
            )
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        timeline = body["data"]["timeline"]
        nodes = [edge["node"] for edge in timeline["edges"]]
        assert timeline["totalCount"] == len(nodes) > 0
        assert {node["article"]["title"] for node in nodes} == {SEED_TITLE}
        assert {node["article"]["publishedAt"] for node in nodes} == {"2022-07-28"}
        assert any(node["kind"] == "PREDICTION" for node in nodes)
        assert any(node["time"] and node["time"]["value"] == "2022-09" for node in nodes)
        assert health["database"]["reachable"] is True
        assert "graphiql" in playground.text.lower()
        output = "\n".join(server.output)
        assert f"{server.base_url.replace('127.0.0.1', 'localhost')}/graphql" in output
        assert "database:" in output
        assert server.admin_token is not None


def _serve(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli.main", "serve", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


class TestBadConfiguration:
    def test_unreachable_database_is_one_clear_line(self) -> None:
        result = _serve(
            "--port", str(free_port()), DATABASE_URL="postgresql://postgres@127.0.0.1:1/nowhere"
        )
        assert result.returncode != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "cannot use database" in lines[0]
        assert "127.0.0.1:1" in lines[0]
        assert "Traceback" not in result.stderr + result.stdout

    def test_unknown_database_scheme_is_one_clear_line(self) -> None:
        result = _serve("--port", str(free_port()), DATABASE_URL="mysql2://x@y/z")
        assert result.returncode != 0
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr

    def test_port_in_use_is_one_clear_line(self, tmp_path: Path) -> None:
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            result = _serve("--port", str(port), DATABASE_URL=f"sqlite:///{tmp_path / 'h.db'}")
        assert result.returncode != 0
        assert result.stderr.strip().splitlines() == [
            f"hindsight: error: cannot listen on 127.0.0.1:{port}: Address already in use"
        ]
        assert not (tmp_path / "h.db").exists()  # nothing was done before the port check


@pytest.mark.parametrize("args", [["--port", "notaport"], ["--bogus"]])
def test_bad_arguments_exit_non_zero(args: list[str]) -> None:
    result = _serve(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr
