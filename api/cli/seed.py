"""`hindsight seed`: load the seed articles (loading twice does not duplicate)."""

from __future__ import annotations

import argparse

from api.cli.common import CliError, fail, run_db
from api.services.ingest import IngestResult
from api.settings import Settings
from db.migrations import upgrade
from db.session import create_engine, create_sessionmaker
from seeds.load import load_seeds


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("seed", help="load the seed articles")
    parser.set_defaults(func=handle)


async def migrate_and_seed(url: str) -> list[IngestResult]:
    await upgrade(url)
    engine = create_engine(url)
    try:
        return await load_seeds(create_sessionmaker(engine))
    finally:
        await engine.dispose()


def handle(_args: argparse.Namespace) -> int:
    url = Settings.from_env().database_url
    try:
        results = run_db(url, lambda: migrate_and_seed(url))
    except CliError as exc:
        return fail(str(exc))
    for result in results:
        verb = "loaded" if result.created else "already loaded"
        print(f"{verb}: {result.article.title} ({len(result.claims)} items)")
    return 0
