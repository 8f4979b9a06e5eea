"""`hindsight token create|list|revoke` on each backend (main() runs in a thread: own loop)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.cli.main import main
from api.services.tokens import authenticate
from db.models import ApiToken


async def run(*argv: str) -> int:
    return await asyncio.to_thread(main, list(argv))


class TestTokenCommands:
    async def test_create_list_revoke(
        self,
        db_url: str,
        session: AsyncSession,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        monkeypatch.setenv("DATABASE_URL", db_url)
        assert await run("token", "create", "--name", "alice", "--role", "editor") == 0
        secret = capsys.readouterr().out.strip().splitlines()[-1]
        principal = await authenticate(session, secret)
        assert principal is not None
        assert (principal.name, principal.role) == ("alice", "editor")
        stored = (await session.scalars(select(ApiToken))).one()
        assert secret not in (stored.token_hash, stored.name)  # only a hash is kept

        assert await run("token", "list") == 0
        header, row = capsys.readouterr().out.strip().splitlines()
        assert header.split() == ["NAME", "ROLE", "CREATED", "REVOKED"]
        assert row.split()[:2] == ["alice", "editor"]
        assert row.endswith("-")

        assert await run("token", "revoke", "--name", "alice") == 0
        assert await authenticate(session, secret) is None
        assert await run("token", "list") == 0
        assert not capsys.readouterr().out.strip().endswith("-")

    async def test_mistakes_fail_with_one_line(
        self,
        db_url: str,
        session: AsyncSession,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        monkeypatch.setenv("DATABASE_URL", db_url)
        assert await run("token", "create", "--name", "bob") == 0
        assert await run("token", "create", "--name", "bob", "--role", "admin") == 2
        assert await run("token", "revoke", "--name", "nobody") == 2
        err = capsys.readouterr().err.splitlines()
        assert err == [
            "hindsight: error: a token named 'bob' exists already",
            "hindsight: error: no active token named 'nobody'",
        ]
        with pytest.raises(SystemExit):
            main(["token", "create", "--name", "carol", "--role", "root"])
