"""Run the real `hindsight serve` as a subprocess on a free port, for end-to-end tests."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen[str]
    output: list[str]

    @property
    def admin_token(self) -> str | None:
        for line in self.output:
            if match := re.search(r"admin token .*: (\S+)$", line):
                return match.group(1)
        return None


def _read_until_ready(process: subprocess.Popen[str], base_url: str) -> list[str]:
    """Collect the start-up output, then poll /api/v1/health until it answers 200."""
    output: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        output.append(line.rstrip("\n"))
        if line.strip() == "":  # the announcement ends with a blank line
            break
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {output}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base_url}/api/v1/health", timeout=2).status_code == 200:
                return output
        time.sleep(0.2)
    raise RuntimeError(f"server did not become healthy: {output}")


def _drain(process: subprocess.Popen[str], output: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        output.append(line.rstrip("\n"))


@contextlib.contextmanager
def running_server(database_url: str, **env: str) -> Iterator[Server]:
    """`hindsight serve` on `database_url`; stopped with SIGINT (as Ctrl-C) at the end."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli.main", "serve", "--port", str(port)],
        env={**os.environ, "DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        output = _read_until_ready(process, base_url)
        # Keep reading: uvicorn logs every request, and a full pipe would block the server.
        threading.Thread(target=_drain, args=(process, output), daemon=True).start()
        yield Server(base_url, process, output)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
