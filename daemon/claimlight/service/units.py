"""The text of the service definitions: a systemd user unit, a launchd plist, a Windows logon task.

Pure functions of their arguments, so every platform's output is tested on Linux.
"""

from __future__ import annotations

import os
import plistlib
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

UNIT_NAME = "claimlight.service"
LAUNCHD_LABEL = "dev.claimlight.daemon"
TASK_NAME = "claimlight"
SERVE_ARGS = ("serve",)


def service_command(executable: str | None = None, platform: str | None = None) -> list[str]:
    """The absolute command that runs the daemon from the environment this claimlight is installed in.

    sys.executable is deliberately not resolved: in a venv it is a symlink to the system Python, and
    following it would lose the venv's packages.
    """
    python = os.path.abspath(executable or sys.executable)
    bindir = Path(python).parent
    if (platform or sys.platform) == "win32":
        # pythonw has no console, so no window pops up at every logon; the log file has the output.
        pythonw = bindir / "pythonw.exe"
        return [str(pythonw) if pythonw.exists() else python, "-m", "claimlight", *SERVE_ARGS]
    script = bindir / "claimlight"
    if script.exists():
        return [str(script), *SERVE_ARGS]
    return [python, "-m", "claimlight", *SERVE_ARGS]


# --- systemd ---------------------------------------------------------------------------------

_NEEDS_QUOTES = re.compile(r'[\s"\'\\;]')


def systemd_escape_arg(arg: str, *, executable: bool = False) -> str:
    """One ExecStart= word: % is specifier syntax everywhere, $ is variable syntax except in the
    executable (systemd never expands variables there), whitespace and quotes need quoting."""
    arg = arg.replace("%", "%%")
    if not executable:
        arg = arg.replace("$", "$$")
    if arg and not _NEEDS_QUOTES.search(arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _environment_line(key: str, value: str) -> str:
    assignment = f"{key}={value}".replace("%", "%%").replace("\\", "\\\\").replace('"', '\\"')
    return f'Environment="{assignment}"'


def render_systemd_unit(
    exe: str,
    args: Sequence[str] = SERVE_ARGS,
    *,
    environment: Mapping[str, str] | None = None,
) -> str:
    exec_start = " ".join([systemd_escape_arg(exe, executable=True), *(systemd_escape_arg(a) for a in args)])
    env_lines = [_environment_line(k, v) for k, v in sorted((environment or {}).items())]
    lines = [
        "# Written by `claimlight service install`; `claimlight service uninstall` removes it.",
        "# Settings belong in the config file (`claimlight config path`), not here: install rewrites this file.",
        "[Unit]",
        "Description=claimlight: quote and speaker highlighting daemon for the Chrome extension",
        # A crash loop (port taken, model missing) gives up after 5 tries a minute instead of spinning.
        "StartLimitIntervalSec=60",
        "StartLimitBurst=5",
        "",
        "[Service]",
        # The daemon sends READY=1 once the model is loaded and the port accepts connections,
        # so `systemctl --user start` returns when the extension can really connect.
        "Type=notify",
        f"ExecStart={exec_start}",
        *env_lines,
        "Restart=on-failure",
        "RestartSec=2",
        # Loading the spaCy model on a slow disk can take a while.
        "TimeoutStartSec=120",
        "TimeoutStopSec=20",
        # Sandboxing that works in the per-user manager: these are seccomp/prctl based and need no
        # privileges (mount-namespace options like ProtectSystem= do not apply to user units before systemd 253).
        "NoNewPrivileges=yes",
        "LockPersonality=yes",
        "RestrictRealtime=yes",
        "RestrictSUIDSGID=yes",
        "RestrictNamespaces=yes",
        "SystemCallArchitectures=native",
        "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK",
        "UMask=0077",
        "",
        "[Install]",
        "WantedBy=default.target",
        "",
    ]
    return "\n".join(lines)


# --- launchd ---------------------------------------------------------------------------------


def render_launchd_plist(
    exe: str,
    args: Sequence[str] = SERVE_ARGS,
    *,
    log_dir: str | os.PathLike,
    working_directory: str | os.PathLike,
    label: str = LAUNCHD_LABEL,
    environment: Mapping[str, str] | None = None,
) -> bytes:
    plist: dict[str, object] = {
        "Label": label,
        "ProgramArguments": [exe, *args],
        "RunAtLoad": True,
        # Restart after a crash but not after a clean exit, so stopping the daemon is not a fight with launchd.
        "KeepAlive": {"SuccessfulExit": False},
        "ThrottleInterval": 10,
        "WorkingDirectory": str(working_directory),
        "StandardOutPath": str(Path(log_dir) / "claimlight.out.log"),
        "StandardErrorPath": str(Path(log_dir) / "claimlight.err.log"),
    }
    if environment:
        plist["EnvironmentVariables"] = dict(sorted(environment.items()))
    return plistlib.dumps(plist, fmt=plistlib.FMT_XML, sort_keys=False)


# --- Windows ---------------------------------------------------------------------------------


def windows_command_line(argv: Sequence[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(list(argv))


def schtasks_create_args(exe: str, args: Sequence[str] = SERVE_ARGS, *, task_name: str = TASK_NAME) -> list[str]:
    """A task that starts the daemon when the current user logs on, with normal (not elevated) rights."""
    return [
        "schtasks", "/Create", "/F",
        "/SC", "ONLOGON",
        "/TN", task_name,
        "/TR", windows_command_line([exe, *args]),
        "/RL", "LIMITED",
        "/IT",
    ]  # fmt: skip
