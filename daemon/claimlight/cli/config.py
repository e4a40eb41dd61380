"""`claimlight config show | path | init | edit`: inspect and create the daemon's config file."""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from ..settings.config import FIELDS, ConfigError, ResolvedConfig, resolve_config
from ..settings.template import render_default_config


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("config", help="show, locate, create or edit the config file")
    parser.add_argument("--config", dest="config_path", metavar="FILE", help="use this config file instead of the default")
    sub = parser.add_subparsers(dest="config_command", metavar="ACTION")
    # Also accepted after the action; SUPPRESS keeps a subparser's absent flag from erasing the parent's.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", dest="config_path", metavar="FILE", default=argparse.SUPPRESS,
                        help="use this config file instead of the default")

    show = sub.add_parser("show", parents=[common], help="effective settings and where each value comes from")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=cmd_show)

    where = sub.add_parser("path", parents=[common], help="print the config file location")
    where.set_defaults(func=cmd_path)

    init = sub.add_parser("init", parents=[common], help="write a commented config file with every default")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.set_defaults(func=cmd_init)

    edit = sub.add_parser("edit", parents=[common], help="open the config file in $VISUAL/$EDITOR (created if missing), then check it")
    edit.set_defaults(func=cmd_edit)

    parser.set_defaults(func=cmd_show, json=False)


def _error(exc: Exception) -> int:
    print(f"claimlight: {exc}", file=sys.stderr)
    return 2


def _resolve(args: argparse.Namespace) -> ResolvedConfig:
    return resolve_config(path=getattr(args, "config_path", None))


def shown_value(field: str, value: object) -> object:
    if field == "token":
        return "set" if value else "unset"  # never echo a secret into a terminal or a bug report
    return value


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(empty)"
    return "(none)" if value is None else str(value)


def format_show(resolved: ResolvedConfig) -> str:
    state = "found" if resolved.path_exists else "not present, using defaults"
    lines = [f"config file: {resolved.path} ({state})"]
    values = {f: shown_value(f, getattr(resolved.config, f)) for f in FIELDS}
    width = max(map(len, FIELDS))
    value_width = min(40, max(len(_text(v)) for v in values.values()))
    for field in FIELDS:
        lines.append(f"  {field:<{width}}  {_text(values[field]):<{value_width}}  {resolved.sources[field]}")
    return "\n".join(lines)


def show_json(resolved: ResolvedConfig) -> dict:
    return {
        "path": str(resolved.path),
        "exists": resolved.path_exists,
        "values": {f: shown_value(f, getattr(resolved.config, f)) for f in FIELDS},
        "sources": resolved.sources,
    }


def cmd_show(args: argparse.Namespace) -> int:
    try:
        resolved = _resolve(args)
    except ConfigError as exc:
        return _error(exc)
    if getattr(args, "json", False):
        print(json.dumps(show_json(resolved), indent=2))
    else:
        print(format_show(resolved))
    return 0


def _config_path(args: argparse.Namespace) -> Path:
    # Not via resolve_config: `path` and `init` must work even when the file is broken or missing.
    from ..settings.paths import config_file

    explicit = getattr(args, "config_path", None)
    return Path(explicit).expanduser() if explicit else config_file()


def cmd_path(args: argparse.Namespace) -> int:
    print(_config_path(args))
    return 0


def write_default_config(path: Path, *, force: bool = False) -> bool:
    """Write the commented defaults to `path`; False (and nothing written) if it exists and not `force`."""
    if path.exists() and not force:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_default_config(), encoding="utf-8")
    os.replace(tmp, path)
    return True


def cmd_init(args: argparse.Namespace) -> int:
    path = _config_path(args)
    if not write_default_config(path, force=args.force):
        print(f"claimlight: {path} already exists; `claimlight config init --force` overwrites it", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def _editor() -> list[str] | None:
    for var in ("VISUAL", "EDITOR"):
        if os.environ.get(var):
            return shlex.split(os.environ[var], posix=sys.platform != "win32")
    if sys.platform == "win32":
        return ["notepad"]
    if sys.platform == "darwin":
        return ["open", "-W", "-t"]
    for name in ("nano", "vi"):
        if shutil.which(name):
            return [name]
    return None


def cmd_edit(args: argparse.Namespace) -> int:
    path = _config_path(args)
    write_default_config(path)
    editor = _editor()
    if editor is None:
        print(f"claimlight: no editor found; set $EDITOR or edit {path} by hand", file=sys.stderr)
        return 1
    try:
        subprocess.run([*editor, str(path)], check=False)
    except OSError as exc:
        print(f"claimlight: cannot start {editor[0]}: {exc}; edit {path} by hand", file=sys.stderr)
        return 1
    try:
        resolve_config(path=path)
    except ConfigError as exc:
        return _error(exc)
    print(f"{path} is valid; restart the daemon to apply it (`claimlight service restart`, or stop and re-run `make run`)")
    return 0
