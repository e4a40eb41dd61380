"""`claimlight doctor`: checks the whole set-up and names the command that fixes each problem.

Exit status 0 when nothing failed, 1 otherwise. Informational lines (·) never fail: running in the
foreground without the service installed is a normal set-up.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..service.manager import Backend, backend_for
from ..service import statefile
from ..service.probe import describe, health_url, probe_daemon
from ..settings.config import DEFAULT_EXTENSION_ID, Config, ConfigError, ResolvedConfig, resolve_config

EXTENSION_ID = re.compile(r"^[a-p]{32}$")
MIN_PYTHON = (3, 11)


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool | None  # None: informational, never a failure
    detail: str
    fix: str = ""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("doctor", help="check Python, model, config, port, service and extension")
    parser.add_argument("--no-model", action="store_true", help="skip loading the spaCy model (the slowest check)")
    parser.set_defaults(func=cmd_doctor)


def checkout_root() -> Path | None:
    """The source checkout this package runs from (an editable install), or None for an installed wheel."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "daemon" / "claimlight").is_dir() else None


def extension_id_from_key(key: str) -> str:
    """Chrome's id for a manifest "key": the first 128 bits of SHA-256 of the DER key, hex digits 0-f as a-p."""
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


# --- the checks ------------------------------------------------------------------------------


def check_python(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> Check:
    shown = ".".join(map(str, version))
    if tuple(version[:2]) >= MIN_PYTHON:
        return Check("Python", True, f"{shown} ({sys.executable})")
    need = ".".join(map(str, MIN_PYTHON))
    return Check("Python", False, f"{shown} is too old; claimlight needs {need}+",
                 f"install Python {need} or newer, then: make clean && make run PYTHON=python{need}")


def check_config(environ: Mapping[str, str] | None) -> tuple[Check, ResolvedConfig | None]:
    try:
        resolved = resolve_config(environ=environ)
    except ConfigError as exc:
        return Check("config", False, str(exc), config_fix(exc)), None
    where = f"{resolved.path}" if resolved.path_exists else f"{resolved.path} not present, using defaults"
    return Check("config", True, where), resolved


def config_fix(exc: ConfigError) -> str:
    fixes = []
    if exc.path:
        fixes.append(f"edit {exc.path} where the message points (or start over: claimlight config init --force)")
    if exc.variables:
        fixes.append("correct or unset " + ", ".join(exc.variables))
    return "; ".join(fixes) or "correct the flag named above"


def check_model(config: Config, root: Path | None, loader: Callable[[str], object] | None = None) -> Check:
    try:
        if loader is None:
            from ..engine.nlp import load_nlp as loader
        loader(config.model)
    except Exception as exc:  # any failure to load is the finding, whatever its type
        fix = f"cd {root} && make venv" if root else f"{sys.executable} -m pip install {config.model.replace('_', '-')}"
        return Check("spaCy model", False, f"{config.model} does not load: {exc}".strip(),
                     f"{fix}   (or set `model` in the config file to an installed spaCy model)")
    return Check("spaCy model", True, f"{config.model} loads")


def _port_fix(config: Config, config_path: Path) -> str:
    p = config.port
    finder = {
        "darwin": f"lsof -nP -iTCP:{p} -sTCP:LISTEN",
        "win32": f"netstat -ano | findstr :{p}",
    }.get(sys.platform, f"ss -ltnp 'sport = :{p}'")
    return (f"find and stop the program holding it ({finder}), or pick another port: `port = {p + 1}` in {config_path}"
            " (and point the extension at the same port)")


def check_port(config: Config, config_path: Path, environ: Mapping[str, str] | None = None) -> Check:
    """Is claimlight answering on the configured port, and if not, is it running on another one?

    A daemon started with `--port`, or by a service whose environment sets another port, says where
    it listens in its state file (`service.statefile`); each port named there is asked in turn.
    """
    probe = probe_daemon(config.host, config.port)
    url = health_url(config.host, config.port)
    elsewhere = _running_elsewhere(config, environ)
    if probe.ours:
        also = f"; another claimlight answers on port {elsewhere[0].port}" if elsewhere else ""
        return Check("port", True, f"claimlight answers at {url}: {describe(probe.data or {})}{also}")
    if elsewhere:
        running, data = elsewhere
        where = (f"claimlight is running on port {running.port}, not the configured {config.port} "
                 f"(pid {running.pid}; {describe(data)})")
        if not probe.listening:
            return Check("port", None, f"{where}; the extension must be set to port {running.port} in its options, "
                                       f"or restart claimlight on port {config.port}")
        return Check("port", False, f"{config.host}:{config.port} is taken by something that is not claimlight "
                                    f"({probe.error}); {where}", _port_fix(config, config_path))
    if not probe.listening:
        return Check("port", True, f"{config.host}:{config.port} is free (the daemon is not running)")
    return Check("port", False, f"{config.host}:{config.port} is taken by something that is not claimlight ({probe.error})",
                 _port_fix(config, config_path))


def _running_elsewhere(config: Config, environ: Mapping[str, str] | None) -> tuple[statefile.Running, dict] | None:
    """The first daemon whose state file names another port and which answers there as claimlight."""
    for running in statefile.read_all(environ):
        if running.port == config.port:
            continue
        probe = probe_daemon(running.host, running.port, timeout=1.0)
        if probe.ours:
            return running, probe.data or {}
    return None  # no file, or only stale ones (a daemon that was killed): nothing is running elsewhere


def check_service(backend: Backend) -> Check:
    try:
        state = backend.state()
    except Exception as exc:  # a broken service manager is a finding, not a crash of the doctor
        return Check("service", None, f"could not ask {backend.manager}: {exc}")
    if not state.installed:
        return Check("service", None, f"not installed ({state.manager}); optional, to start at login: claimlight service install")
    if state.running is None:
        return Check("service", None, f"installed at {state.definition}; {state.detail or 'state unknown'}")
    if state.enabled is False:
        return Check("service", False, f"installed at {state.definition} but not enabled", "claimlight service install")
    if not state.running:
        return Check("service", False, f"installed and enabled but not running ({state.detail})",
                     "claimlight service start   (if it stops again: claimlight service logs)")
    return Check("service", True, f"installed, enabled and running ({state.manager})")


def check_extension_id(config: Config, config_path: Path, root: Path | None) -> Check:
    bad = [i for i in config.allowed_extension_ids if not EXTENSION_ID.match(i)]
    if not config.allowed_extension_ids or bad:
        shown = ", ".join(map(repr, bad)) or "none"
        return Check("extension id", False, f"allowed_extension_ids has malformed ids: {shown} (32 letters a-p expected)",
                     f'set allowed_extension_ids = ["{DEFAULT_EXTENSION_ID}"] in {config_path} '
                     "(chrome://extensions shows an unpacked extension's id)")
    manifest = _source_manifest(root)
    if manifest is None:
        return Check("extension id", True, ", ".join(config.allowed_extension_ids))
    try:
        key = json.loads(manifest.read_text(encoding="utf-8")).get("key")
        pinned = extension_id_from_key(key) if key else None
    except (ValueError, OSError, AttributeError) as exc:
        return Check("extension id", False, f"cannot read the key in {manifest}: {exc}", f"check {manifest}")
    if pinned is None:
        return Check("extension id", None, f"{manifest} pins no key, so Chrome derives the id from its folder")
    if pinned not in config.allowed_extension_ids:
        return Check("extension id", False,
                     f"{manifest} pins id {pinned}, which allowed_extension_ids does not include",
                     f'set allowed_extension_ids = ["{pinned}"] in {config_path} (or export CLAIMLIGHT_ALLOWED_EXTENSION_IDS={pinned})')
    return Check("extension id", True, f"{pinned} (pinned in {manifest.relative_to(root)})")


def _source_manifest(root: Path | None) -> Path | None:
    # The extension's sources may keep the manifest at the top or among static assets; the build copies it.
    if root is None:
        return None
    for relative in ("extension/manifest.json", "extension/static/manifest.json", "extension/dist/manifest.json"):
        if (root / relative).is_file():
            return root / relative
    return None


def check_extension_build(root: Path | None) -> Check | None:
    if root is None or not (root / "extension").is_dir():
        return None  # an installed package has no extension sources to build
    built = root / "extension" / "dist" / "manifest.json"
    if built.is_file():
        return Check("extension build", True, f"{built.parent} (load it in chrome://extensions)")
    return Check("extension build", False, f"{built} is missing", f"cd {root} && make extension")


def run_checks(
    *,
    environ: Mapping[str, str] | None = None,
    root: Path | None | str = "auto",
    backend: Backend | None = None,
    model_loader: Callable[[str], object] | None = None,
    check_model_load: bool = True,
) -> list[Check]:
    root = checkout_root() if root == "auto" else root
    checks = [check_python()]
    config_check, resolved = check_config(environ)
    checks.append(config_check)
    # With a broken config the remaining checks still run, on defaults, so one report shows everything.
    config = resolved.config if resolved else Config()
    config_path = resolved.path if resolved else _fallback_path(environ)
    if check_model_load:
        checks.append(check_model(config, root, model_loader))
    checks.append(check_port(config, config_path, environ))
    checks.append(check_service(backend or backend_for(environ=environ)))
    checks.append(check_extension_id(config, config_path, root))
    build = check_extension_build(root)
    if build:
        checks.append(build)
    return checks


def _fallback_path(environ: Mapping[str, str] | None) -> Path:
    from ..settings.paths import config_file

    return config_file(environ)


def _marks() -> dict[bool | None, str]:
    try:
        "✓✗·".encode(sys.stdout.encoding or "ascii")
        return {True: "✓", False: "✗", None: "·"}
    except (UnicodeEncodeError, LookupError):
        return {True: "ok", False: "XX", None: "--"}


def format_checks(checks: list[Check]) -> str:
    marks = _marks()
    width = max(len(c.name) for c in checks)
    lines = []
    for c in checks:
        detail = c.detail.replace("\n", "\n" + " " * (width + 5))
        lines.append(f"{marks[c.ok]} {c.name:<{width}}  {detail}")
        if c.ok is False and c.fix:
            lines.append(f"  {'':<{width}}  fix: {c.fix}")
    failures = sum(c.ok is False for c in checks)
    lines.append("all good" if not failures else f"{failures} problem{'s' if failures > 1 else ''} found")
    return "\n".join(lines)


def cmd_doctor(args: argparse.Namespace) -> int:
    checks = run_checks(check_model_load=not args.no_model)
    print(format_checks(checks))
    return 1 if any(c.ok is False for c in checks) else 0
