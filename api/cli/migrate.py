"""`hindsight migrate`: apply the Alembic migrations."""

from __future__ import annotations

import argparse

from api.cli.common import CliError, display_url, fail, run_db
from api.settings import Settings
from db.migrations import upgrade


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("migrate", help="apply database migrations")
    parser.add_argument("--revision", default="head", help="target revision (default: head)")
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    url = Settings.from_env().database_url
    try:
        run_db(url, lambda: upgrade(url, args.revision))
    except CliError as exc:
        return fail(str(exc))
    print(f"database {display_url(url)} is at {args.revision}")
    return 0
