from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import ApiToken


class TokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_hash(self, token_hash: str) -> ApiToken | None:
        query = select(ApiToken).where(
            ApiToken.token_hash == token_hash, ApiToken.revoked_at.is_(None)
        )
        return (await self.session.scalars(query)).first()

    async def by_name(self, name: str) -> ApiToken | None:
        return (await self.session.scalars(select(ApiToken).where(ApiToken.name == name))).first()

    async def all(self) -> list[ApiToken]:
        return list(await self.session.scalars(select(ApiToken).order_by(ApiToken.id)))

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count(ApiToken.id))) or 0)

    async def add(self, token: ApiToken) -> ApiToken:
        self.session.add(token)
        await self.session.flush()
        return token

    async def revoke(self, name: str) -> bool:
        result = await self.session.execute(
            update(ApiToken)
            .where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
            .values(revoked_at=func.now())
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]
