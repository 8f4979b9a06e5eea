"""What the subcommands share: the database URL and one-line errors instead of tracebacks."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from api.services.errors import UserError
from db.session import normalize_url

T = TypeVar("T")
DB_TIMEOUT_SECONDS = 30


class CliError(Exception):
    """A failure to report as one line on stderr, with exit code 2."""


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return url


def run_db(url: str, action: Callable[[], Awaitable[T]]) -> T:
    """Run an async database action; turn connection and URL errors into CliError."""
    try:
        return asyncio.run(asyncio.wait_for(action(), DB_TIMEOUT_SECONDS))
    except TimeoutError:
        raise CliError(
            f"database {display_url(url)} did not answer in {DB_TIMEOUT_SECONDS} s"
        ) from None
    except UserError as exc:
        raise CliError(str(exc)) from None
    except (SQLAlchemyError, OSError, ValueError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CliError(f"cannot use database {display_url(url)}: {reason}") from None


def fail(message: str) -> int:
    print(f"hindsight: error: {message}", file=sys.stderr)
    return 2
