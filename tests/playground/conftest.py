"""The playground files, fetched once with the real command and kept in pytest's cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def playground_assets(pytestconfig: pytest.Config) -> Path:
    """`hindsight playground fetch` into .pytest_cache; later runs find the files and skip npm."""
    root = pytestconfig.cache.mkdir("playground-assets") if pytestconfig.cache else None
    assert root is not None, "the tests need pytest's cache provider"
    done = subprocess.run(
        [sys.executable, "-m", "api.cli.main", "playground", "fetch", "--dir", str(root)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return root
