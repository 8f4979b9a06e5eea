"""Dependencies point one way: a table of which package may not import what."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# (package folder, forbidden import prefixes)
RULES = [
    ("api/temporal", ("api.", "db", "seeds", "sqlalchemy", "starlette", "strawberry")),
    (
        "api/extract",
        (
            "api.services",
            "api.graphql",
            "api.rest",
            "api.cli",
            "db",
            "sqlalchemy",
            "starlette",
            "strawberry",
        ),
    ),
    ("db", ("api", "seeds", "starlette", "strawberry")),
    ("api/services", ("api.graphql", "api.rest", "api.cli", "starlette", "strawberry")),
    ("api/rest", ("api.graphql", "db.repositories")),
    ("api/graphql", ("api.rest",)),
]


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(("folder", "forbidden"), RULES, ids=[r[0] for r in RULES])
def test_layer_does_not_import_upwards(folder: str, forbidden: tuple[str, ...]) -> None:
    files = sorted((ROOT / folder).rglob("*.py"))
    assert files, f"{folder} has no modules"
    own = folder.replace("/", ".")
    violations = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files
        for name in sorted(imports_of(path))
        if not (name == own or name.startswith(own + "."))
        and any(
            name == p.rstrip(".") or name.startswith(p if p.endswith(".") else p + ".")
            for p in forbidden
        )
    ]
    assert violations == []
