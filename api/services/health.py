"""Is the database reachable and migrated?"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine


async def database_status(engine: AsyncEngine) -> dict[str, object]:
    try:
        async with engine.connect() as conn:
            version = await conn.scalar(text("SELECT version_num FROM alembic_version"))
    except (SQLAlchemyError, OSError) as exc:
        return {"reachable": False, "error": str(exc).splitlines()[0]}
    return {"reachable": True, "backend": engine.dialect.name, "migration": version}
