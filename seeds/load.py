"""Load the seed articles through the same ingestion service the API uses (idempotent).

Run with `hindsight seed` or `python -m seeds.load`.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.services.ingest import ArticleInput, IngestResult, ingest_article
from api.settings import Settings
from db.session import create_engine, create_sessionmaker

SEEDS_DIR = Path(__file__).resolve().parent


def seed_inputs(directory: Path = SEEDS_DIR) -> list[ArticleInput]:
    manifest = json.loads((directory / "articles.json").read_text(encoding="utf-8"))
    return [
        ArticleInput(
            title=entry["title"],
            text=(directory / entry["file"]).read_text(encoding="utf-8"),
            published_at=entry["published_at"],
            url=entry.get("url"),
            outlet=entry.get("outlet"),
            author=entry.get("author"),
        )
        for entry in manifest
    ]


async def load_seeds(sessionmaker: async_sessionmaker[AsyncSession]) -> list[IngestResult]:
    results = []
    for data in seed_inputs():
        async with sessionmaker() as session, session.begin():
            results.append(await ingest_article(session, data))
    return results


async def _main(url: str) -> None:
    engine = create_engine(url)
    try:
        for result in await load_seeds(create_sessionmaker(engine)):
            verb = "loaded" if result.created else "already there:"
            print(f"{verb} {result.article.title!r} ({len(result.claims)} items)")
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(_main(Settings.from_env().database_url))
