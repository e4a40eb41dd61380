"""`claimlight` command line. Each subcommand lives in the module that does its job; this file only
wires them: every module listed in COMMANDS has `add_parser(subparsers)` which registers its
subcommand and sets `func(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

# module (relative to this package) → registers one or more subcommands
COMMANDS = [
    ".commands.analyze",
    ".commands.evaluate",
    ".server_cli",
    ".service",
    ".settings_cli",
    ".doctor",
    ".bench",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimlight",
        description="Who says what: quotes, speakers, actors, reported speech and numbers in news text.",
    )
    parser.add_argument("--version", action="version", version=f"claimlight {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(name, __package__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith(__package__):
                continue  # a command whose module is not part of this build
            raise
        module.add_parser(sub)
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
