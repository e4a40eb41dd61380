"""`claimlight` command line: one module per subcommand in this package, each with
`add_parser(subparsers)`, which registers the subcommand and sets `func(args) -> int`. This file
only wires them, in the order `claimlight --help` lists them.
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from . import analyze, bench, config, doctor, evaluate, pages, serve, service

COMMANDS = [analyze, evaluate, pages, serve, service, config, doctor, bench]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimlight",
        description="Who says what: quotes, speakers, actors, reported speech and numbers in news text.",
    )
    parser.add_argument("--version", action="version", version=f"claimlight {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `claimlight analyze … | head` closes stdout early; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
