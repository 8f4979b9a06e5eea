"""API tokens with roles reader < editor < admin; only a SHA-256 of each secret is kept."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from api.services.errors import Conflict, NotFound, UserError
from db.models import ApiToken
from db.repositories.tokens import TokenRepository

ROLES = ("reader", "editor", "admin")
TOKEN_PREFIX = "hs_"


@dataclass(frozen=True)
class Principal:
    """Who makes a request: a token's name and role, or the anonymous public."""

    name: str | None
    role: str | None

    def has(self, role: str) -> bool:
        return self.role is not None and ROLES.index(self.role) >= ROLES.index(role)


ANONYMOUS = Principal(None, None)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def create_token(session: AsyncSession, name: str, role: str) -> tuple[ApiToken, str]:
    """Store a new token and return it with its secret, which is shown only this once."""
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}", "role")
    name = name.strip()
    if not name or len(name) > 200:
        raise UserError("name must have 1 to 200 characters", "name")
    repo = TokenRepository(session)
    if await repo.by_name(name) is not None:
        raise Conflict(f"a token named {name!r} exists already", "name")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = await repo.add(ApiToken(name=name, role=role, token_hash=hash_secret(secret)))
    return token, secret


async def authenticate(session: AsyncSession, secret: str) -> Principal | None:
    token = await TokenRepository(session).by_hash(hash_secret(secret))
    return Principal(token.name, token.role) if token else None


async def list_tokens(session: AsyncSession) -> list[ApiToken]:
    return await TokenRepository(session).all()


async def revoke_token(session: AsyncSession, name: str) -> None:
    if not await TokenRepository(session).revoke(name):
        raise NotFound(f"no active token named {name!r}", "name")


async def ensure_admin_token(session: AsyncSession) -> str | None:
    """On a database with no token at all, create an admin token and return its secret."""
    if await TokenRepository(session).count():
        return None
    _, secret = await create_token(session, "admin", "admin")
    return secret
