"""`claimlight service install | uninstall | status | start | stop | restart | logs`.

The per-platform work is in service.manager (systemd, launchd, Task Scheduler); the definitions'
text is in service.units. This module parses arguments and adds the /health view.
"""

from __future__ import annotations

import argparse
import sys
import time

from ..service.manager import Backend, ServiceState, SystemdUser, backend_for
from ..service.probe import Probe, describe, health_url, is_listening, probe_daemon
from ..settings.config import Config, ConfigError, resolve_config


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("service", help="run the daemon as a per-user service (systemd, launchd, Task Scheduler)")
    sub = parser.add_subparsers(dest="service_command", metavar="ACTION", required=True)

    install = sub.add_parser("install", help="write the service definition, enable it and start it (safe to repeat)")
    install.add_argument("--no-start", action="store_true", help="write and enable, but do not start now")
    install.add_argument("--print", dest="print_only", action="store_true",
                         help="print the unit/plist/task that would be installed and change nothing")
    install.set_defaults(func=cmd_install)

    for name, helptext in [
        ("uninstall", "stop and disable the service and remove its definition"),
        ("start", "start the installed service"),
        ("stop", "stop the service (it starts again at next login)"),
        ("restart", "restart the service, e.g. after editing the config file"),
    ]:
        sub.add_parser(name, help=helptext).set_defaults(func=cmd_simple, action=name)

    status = sub.add_parser("status", help="installed? running? and the daemon's /health answer")
    status.set_defaults(func=cmd_status)

    logs = sub.add_parser("logs", help="the daemon's recent log (journalctl on Linux, the log file elsewhere)")
    logs.add_argument("-n", "--lines", type=int, default=100, help="how many lines (default 100)")
    logs.add_argument("-f", "--follow", action="store_true", help="keep printing new lines")
    logs.set_defaults(func=cmd_logs)


def make_backend() -> Backend:
    return backend_for()


def _config() -> tuple[Config, str | None]:
    try:
        return resolve_config().config, None
    except ConfigError as exc:
        return Config(), str(exc)


def _yes(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def format_state(state: ServiceState) -> list[str]:
    return [
        f"service manager: {state.manager}",
        f"definition:      {state.definition} ({'installed' if state.installed else 'not installed'})",
        f"enabled:         {_yes(state.enabled)}",
        f"running:         {_yes(state.running)}" + (f" ({state.detail})" if state.detail else ""),
    ]


def _summary(config: Config, probe: Probe) -> str:
    url = health_url(config.host, config.port)
    return f"{url} -> {describe(probe.data or {}) if probe.ours else probe.error}"


def health_summary(config: Config) -> tuple[str, bool]:
    probe = probe_daemon(config.host, config.port)
    return _summary(config, probe), probe.ours


def cmd_install(args: argparse.Namespace) -> int:
    backend = make_backend()
    if args.print_only:
        text = backend.render()
        print(text, end="" if text.endswith("\n") else "\n")
        return 0
    config, problem = _config()
    if problem:
        # The service would only crash-loop on it; better to say so now.
        print(f"claimlight: {problem}\nfix the config file first (`claimlight config show`)", file=sys.stderr)
        return 2
    if not args.no_start:
        _warn_if_port_taken(backend, config)
    code = backend.install(start=not args.no_start)
    if code == 0 and not args.no_start and isinstance(backend.state().running, bool):
        # Type=notify already made `systemctl start` wait for readiness: one look is enough there.
        print(f"health: {wait_for_health(config, 0 if isinstance(backend, SystemdUser) else 60)}")
    return code


def wait_for_health(config: Config, timeout_s: float = 60.0) -> str:
    """systemd returns from start once the daemon is ready; launchd and Task Scheduler return at once,
    so poll until the model is loaded rather than report a daemon that is still starting as down."""
    deadline = time.monotonic() + timeout_s
    while True:
        probe = probe_daemon(config.host, config.port)
        if (probe.ours and (probe.data or {}).get("status") == "ok") or time.monotonic() > deadline:
            hint = "" if probe.ours else " (see `claimlight service logs`)"
            return _summary(config, probe) + hint
        time.sleep(0.5)


def _warn_if_port_taken(backend: Backend, config: Config) -> None:
    if backend.state().running or not is_listening(config.host, config.port):
        return
    who = "another claimlight (a `make run` or `claimlight serve`?)" if probe_daemon(config.host, config.port).ours else "another program"
    print(f"warning: port {config.port} is already in use by {who}; the service cannot start until it is free",
          file=sys.stderr)


def cmd_simple(args: argparse.Namespace) -> int:
    backend = make_backend()
    return getattr(backend, args.action)()


def cmd_status(args: argparse.Namespace) -> int:
    state = make_backend().state()
    print("\n".join(format_state(state)))
    config, problem = _config()
    if problem:
        print(f"config:          {problem}")
    summary, ok = health_summary(config)
    print(f"health:          {summary}")
    # Like `systemctl status`: 0 when the daemon answers, 3 when it does not.
    return 0 if ok else 3


def cmd_logs(args: argparse.Namespace) -> int:
    return make_backend().logs(lines=args.lines, follow=args.follow)
