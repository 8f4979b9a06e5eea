"""`hindsight serve`: migrate, load the seeds into an empty database, then run uvicorn."""

from __future__ import annotations

import argparse
import socket
from dataclasses import dataclass

import uvicorn

from api.app import create_app
from api.cli.common import CliError, display_url, fail, run_db
from api.services.tokens import ensure_admin_token
from api.settings import Settings
from db.migrations import upgrade
from db.repositories.articles import ArticleRepository
from db.session import create_engine, create_sessionmaker
from seeds.load import load_seeds


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="run the GraphQL and REST service")
    parser.add_argument("--host", default="127.0.0.1", help="interface (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.set_defaults(func=handle)


@dataclass
class Startup:
    seeded: list[str]
    admin_secret: str | None


async def prepare(settings: Settings) -> Startup:
    """Migrate; on a database with no article, load the seeds; make a first admin token."""
    await upgrade(settings.database_url)
    engine = create_engine(settings.database_url)
    sessionmaker = create_sessionmaker(engine)
    try:
        seeded: list[str] = []
        async with sessionmaker() as session:
            empty = await ArticleRepository(session).count() == 0
        if empty and settings.load_seeds:
            seeded = [r.article.title for r in await load_seeds(sessionmaker) if r.created]
        async with sessionmaker() as session, session.begin():
            secret = await ensure_admin_token(session)
        return Startup(seeded, secret)
    finally:
        await engine.dispose()


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(2048)
    return sock


def handle(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    try:
        sock = bind(args.host, args.port)
        startup = run_db(settings.database_url, lambda: prepare(settings))
    except CliError as exc:
        return fail(str(exc))
    announce(settings, args.host, args.port, startup)
    config = uvicorn.Config(create_app(settings), log_level="info", lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def announce(settings: Settings, host: str, port: int, startup: Startup) -> None:
    base = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}"
    print(f"Hindsight on {base}", flush=True)
    print(f"  database:   {display_url(settings.database_url)}")
    print(f"  playground: {base}/graphql")
    print(f"  REST API:   {base}/api/v1/health")
    for title in startup.seeded:
        print(f"  seeded:     {title}")
    if startup.admin_secret:
        print(f"  admin token (shown once, keep it): {startup.admin_secret}")
        print(
            "  in the playground, open Headers and add: "
            f'{{"Authorization": "Bearer {startup.admin_secret}"}}'
        )
    print("", flush=True)
