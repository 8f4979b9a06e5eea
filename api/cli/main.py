"""Entry point of the `hindsight` console script.

Each subcommand lives in its own module exposing `register(subparsers)`, which adds
its parser and sets `func(args) -> int` as the handler.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Order is the order shown in `hindsight --help`.
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "api.cli.serve",
    "api.cli.migrate",
    "api.cli.seed",
    "api.cli.token",
    "api.cli.tag",
    "api.cli.extract",
    "api.cli.playground",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hindsight", description="Track what the news claims and predicts."
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
