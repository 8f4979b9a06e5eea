"""`hindsight token create|list|revoke`: manage API tokens (only a hash of each is stored)."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from api.cli.common import CliError, fail, run_db
from api.services.tokens import ROLES, create_token, list_tokens, revoke_token
from api.settings import Settings
from db.migrations import upgrade
from db.session import create_engine, create_sessionmaker

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("token", help="create, list or revoke API tokens")
    actions = parser.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a token and print its secret once")
    create.add_argument("--name", required=True, help="unique name, recorded as verifiedBy")
    create.add_argument("--role", choices=ROLES, default="editor", help="(default: editor)")
    create.set_defaults(func=handle_create)
    listing = actions.add_parser("list", help="list tokens (never their secrets)")
    listing.set_defaults(func=handle_list)
    revoke = actions.add_parser("revoke", help="revoke a token by name")
    revoke.add_argument("--name", required=True, help="the token's name")
    revoke.set_defaults(func=handle_revoke)


def _run(action: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Migrate, then run `action` in one committed transaction; CliError on failure."""
    url = Settings.from_env().database_url

    async def run() -> T:
        await upgrade(url)
        engine = create_engine(url)
        try:
            async with create_sessionmaker(engine)() as session, session.begin():
                return await action(session)
        finally:
            await engine.dispose()

    return run_db(url, run)


def handle_create(args: argparse.Namespace) -> int:
    try:
        token, secret = _run(lambda s: create_token(s, args.name, args.role))
    except CliError as exc:
        return fail(str(exc))
    print(f"created {token.role} token {token.name!r}; its secret, shown only this once:")
    print(secret)
    return 0


def handle_list(_args: argparse.Namespace) -> int:
    try:
        tokens = _run(list_tokens)
    except CliError as exc:
        return fail(str(exc))
    rows = [("NAME", "ROLE", "CREATED", "REVOKED")]
    for t in tokens:
        revoked = f"{t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "-"
        rows.append((t.name, t.role, f"{t.created_at:%Y-%m-%d %H:%M}", revoked))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


def handle_revoke(args: argparse.Namespace) -> int:
    try:
        _run(lambda s: revoke_token(s, args.name))
    except CliError as exc:
        return fail(str(exc))
    print(f"revoked token {args.name!r}")
    return 0
