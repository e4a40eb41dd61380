"""`claimlight serve`: run the daemon in the foreground.

Every config field except `token` has a flag named after it (--max-text-chars for max_text_chars),
which wins over CLAIMLIGHT_* variables and the config file. The token has no flag because command
lines are visible to every user on the machine (ps); use the config file or CLAIMLIGHT_TOKEN.
"""

from __future__ import annotations

import argparse
import sys
import typing

from ..server.pool import DEFAULT_ENGINE
from ..settings.config import FIELDS, Config, ConfigError, flag_name, is_list_field, load_config

_SECRET_FIELDS = {"token"}
# Common names the brief and users expect, next to the field-named flags.
_ALIASES = {"request_timeout_s": ["--request-timeout"], "heartbeat_s": ["--heartbeat"],
            "max_inflight_per_connection": ["--max-inflight"], "allowed_extension_ids": ["--extension-ids"]}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the daemon in the foreground (127.0.0.1:47653 by default)",
        description="Run the claimlight daemon in the foreground until Ctrl-C or SIGTERM.",
    )
    parser.add_argument("--config", dest="config_path", metavar="FILE", help="use this config file instead of the default")
    for field in FIELDS:
        if field in _SECRET_FIELDS:
            continue
        info = Config.model_fields[field]
        kind = _scalar_type(info.annotation)
        parser.add_argument(
            flag_name(field),
            *_ALIASES.get(field, []),
            dest=field,
            type=_comma_list if is_list_field(field) else kind,
            metavar="A,B" if is_list_field(field) else {int: "N", float: "SECONDS"}.get(kind, field.upper()),
            help=info.description,
        )
    # For tests and benchmarks: module:function with the engine's signature, run in the workers.
    parser.add_argument("--engine", default=DEFAULT_ENGINE, help=argparse.SUPPRESS)
    parser.set_defaults(func=cmd_serve)


def _scalar_type(annotation: object):
    for kind in (int, float):
        if annotation is kind or kind in typing.get_args(annotation):
            return kind
    return str


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def cmd_serve(args: argparse.Namespace) -> int:
    from ..server.run import run
    from ..service.logs import configure_logging

    overrides = {field: getattr(args, field, None) for field in FIELDS if field not in _SECRET_FIELDS}
    try:
        config = load_config(overrides, path=args.config_path)
    except ConfigError as exc:
        print(f"claimlight: {exc}", file=sys.stderr)
        return 2
    configure_logging(config)
    return run(config, engine=args.engine)
