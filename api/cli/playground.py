"""`hindsight playground fetch|status`: GraphiQL's files for use without the internet."""

from __future__ import annotations

import argparse
from pathlib import Path

from api.cli.common import fail
from api.playground.assets import ENV_VAR, default_dir
from api.playground.fetch import FetchError, fetch, missing


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "playground", help="store GraphiQL's JavaScript and CSS locally (offline playground)"
    )
    actions = parser.add_subparsers(dest="action", required=True)
    fetch_parser = actions.add_parser("fetch", help="download the files from the npm registry")
    fetch_parser.add_argument("--force", action="store_true", help="download even if stored")
    status_parser = actions.add_parser("status", help="say whether every file is stored")
    for sub in (fetch_parser, status_parser):
        sub.add_argument(
            "--dir",
            type=Path,
            default=None,
            help=f"where the files live (default: ${ENV_VAR} or ~/.cache/hindsight/playground); "
            f"`hindsight serve` reads ${ENV_VAR}",
        )
    fetch_parser.set_defaults(func=handle_fetch)
    status_parser.set_defaults(func=handle_status)


def handle_fetch(args: argparse.Namespace) -> int:
    root = args.dir or default_dir()
    try:
        report = fetch(root, force=args.force)
    except (FetchError, OSError) as exc:
        return fail(str(exc))
    for spec in report.cached:
        print(f"already stored {spec}")
    print(f"playground files in {root}; the playground works offline")
    return 0


def handle_status(args: argparse.Namespace) -> int:
    root = args.dir or default_dir()
    absent = missing(root)
    if absent:
        print(f"{root}: {len(absent)} file(s) missing, the playground uses the CDN:")
        for path in absent:
            print(f"  {path}")
        print("run `hindsight playground fetch`")
        return 1
    print(f"{root}: complete, the playground works offline")
    return 0
