"""Installing and controlling the daemon as a per-user service: systemd (Linux), launchd (macOS), Task Scheduler (Windows).

Every external command goes through one `runner` (default `run_command`), so tests replace it with a
recorder and check the calls without a session bus. Files are written under directories passed in,
so tests use temporary ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..settings import paths
from .logs import tail
from .units import (
    LAUNCHD_LABEL,
    TASK_NAME,
    UNIT_NAME,
    render_launchd_plist,
    render_systemd_unit,
    schtasks_create_args,
    service_command,
    windows_command_line,
)

Runner = Callable[..., "subprocess.CompletedProcess[str]"]
Say = Callable[[str], None]


def run_command(argv: Sequence[str], *, capture: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a service-manager command; a missing program is exit status 127, like a shell, not an exception."""
    try:
        return subprocess.run(list(argv), capture_output=capture, text=True, check=False)
    except FileNotFoundError:
        return subprocess.CompletedProcess(list(argv), 127, "", f"{argv[0]}: command not found")


@dataclass(frozen=True)
class ServiceState:
    manager: str
    definition: str  # where the service is defined: a file, or the task name
    installed: bool
    enabled: bool | None  # None: the service manager could not be asked
    running: bool | None
    detail: str = ""


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically; False when the file already holds exactly `data` (install is idempotent)."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def _why(result: subprocess.CompletedProcess[str]) -> str:
    return (result.stderr or result.stdout or f"exit status {result.returncode}").strip().splitlines()[-1]


class SystemdUser:
    manager = "systemd --user"

    def __init__(self, *, unit_dir: Path, command: Sequence[str], log_file: Path,
                 environment: Mapping[str, str] | None = None, runner: Runner | None = None, say: Say = print):
        self.unit_path = Path(unit_dir) / UNIT_NAME
        self.wants_link = Path(unit_dir) / "default.target.wants" / UNIT_NAME
        self.command = list(command)
        self.environment = dict(environment or {})
        self.log_file = log_file
        self.runner = runner or run_command
        self.say = say

    def render(self) -> str:
        return render_systemd_unit(self.command[0], self.command[1:], environment=self.environment)

    def systemctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.runner(["systemctl", "--user", *args])

    def _unreachable(self, result: subprocess.CompletedProcess[str]) -> None:
        self.say(
            f"{self.unit_path} is in place, but `systemctl --user` is not available here ({_why(result)}).\n"
            "In a login session with a user service manager, start it with:\n"
            f"    systemctl --user daemon-reload && systemctl --user enable --now {UNIT_NAME}\n"
            "or run the daemon in the foreground: claimlight serve"
        )

    def install(self, start: bool = True) -> int:
        changed = write_if_changed(self.unit_path, self.render().encode())
        self.say(f"{'wrote' if changed else 'unchanged:'} {self.unit_path}")
        reload = self.systemctl("daemon-reload")
        if reload.returncode != 0:
            self._unreachable(reload)
            return 0  # the unit is written; what is missing is a manager to hand it to
        enable = self.systemctl("enable", UNIT_NAME)
        if enable.returncode != 0:
            self.say(f"claimlight: systemctl --user enable {UNIT_NAME} failed: {_why(enable)}")
            return 1
        if not start:
            self.say("enabled: it starts at your next login, or now with `claimlight service start`")
            return 0
        # A changed unit (new path, new environment) only takes effect on restart; otherwise start is a no-op if running.
        return self._control("restart" if changed else "start")

    def uninstall(self) -> int:
        if not self.unit_path.exists() and not self.wants_link.is_symlink():
            self.say(f"not installed (no {self.unit_path})")
            return 0
        self.systemctl("disable", "--now", UNIT_NAME)
        # Without a reachable manager `disable` cannot run; remove its symlink ourselves so nothing is left behind.
        for path in (self.wants_link, self.unit_path):
            if path.is_symlink() or path.exists():
                path.unlink()
        try:
            self.wants_link.parent.rmdir()
        except OSError:
            pass  # not empty (other units) or absent
        if self.systemctl("daemon-reload").returncode == 0:
            self.systemctl("reset-failed", UNIT_NAME)  # forget a failed state; fails harmlessly if there is none
        self.say(f"removed {self.unit_path}")
        return 0

    def _control(self, verb: str) -> int:
        if not self.unit_path.exists():
            self.say("claimlight: the service is not installed; run `claimlight service install`")
            return 1
        result = self.systemctl(verb, UNIT_NAME)
        if result.returncode == 0:
            self.say(f"{verb}: ok")
            return 0
        if self._is_unreachable(result):
            self._unreachable(result)
        else:
            self.say(f"claimlight: systemctl --user {verb} {UNIT_NAME} failed: {_why(result)}\n"
                     "see why with: claimlight service logs")
        return 1

    def start(self) -> int:
        return self._control("start")

    def stop(self) -> int:
        return self._control("stop")

    def restart(self) -> int:
        return self._control("restart")

    @staticmethod
    def _is_unreachable(result: subprocess.CompletedProcess[str]) -> bool:
        text = (result.stderr or "") + (result.stdout or "")
        return result.returncode == 127 or "bus" in text.lower() or "XDG_RUNTIME_DIR" in text

    def state(self) -> ServiceState:
        installed = self.unit_path.exists()
        enabled_r = self.systemctl("is-enabled", UNIT_NAME)
        active_r = self.systemctl("is-active", UNIT_NAME)
        if self._is_unreachable(active_r):
            return ServiceState(self.manager, str(self.unit_path), installed, self.wants_link.is_symlink(), None,
                                f"systemctl --user unavailable: {_why(active_r)}")
        enabled = enabled_r.stdout.strip() in ("enabled", "enabled-runtime", "linked", "alias")
        active = active_r.stdout.strip() or "unknown"
        return ServiceState(self.manager, str(self.unit_path), installed, enabled,
                            active in ("active", "activating", "reloading"), active)

    def logs(self, lines: int = 100, follow: bool = False) -> int:
        if self.unit_path.exists():
            argv = ["journalctl", "--user", "-u", UNIT_NAME, "-n", str(lines), "--no-pager"] + (["-f"] if follow else [])
            result = self.runner(argv, capture=False)
            if result.returncode != 127:
                return result.returncode
        # Not installed: the daemon ran in the foreground and wrote its rotating file.
        return tail(self.log_file, lines, follow)


class Launchd:
    manager = "launchd"

    def __init__(self, *, agents_dir: Path, log_dir: Path, home: Path, uid: int, command: Sequence[str],
                 environment: Mapping[str, str] | None = None, runner: Runner | None = None, say: Say = print):
        self.label = LAUNCHD_LABEL
        self.plist_path = Path(agents_dir) / f"{self.label}.plist"
        self.log_dir = Path(log_dir)
        self.home = Path(home)
        self.domain = f"gui/{uid}"
        self.target = f"{self.domain}/{self.label}"
        self.command = list(command)
        self.environment = dict(environment or {})
        self.runner = runner or run_command
        self.say = say

    def render(self) -> str:
        return self.render_bytes().decode()

    def render_bytes(self) -> bytes:
        return render_launchd_plist(self.command[0], self.command[1:], log_dir=self.log_dir,
                                    working_directory=self.home, label=self.label, environment=self.environment)

    def launchctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.runner(["launchctl", *args])

    def _loaded(self) -> bool:
        return self.launchctl("print", self.target).returncode == 0

    def _load(self) -> int:
        result = self.launchctl("bootstrap", self.domain, str(self.plist_path))
        if result.returncode != 0:
            # macOS before 10.10, or no GUI session (ssh): the legacy verb still works in many such cases.
            legacy = self.launchctl("load", "-w", str(self.plist_path))
            if legacy.returncode != 0:
                self.say(f"claimlight: launchctl could not load {self.plist_path}: {_why(result)}\n"
                         "It loads at your next login; or run the daemon in the foreground: claimlight serve")
                return 1
        self.say(f"loaded {self.label}; it starts now and at every login")
        return 0

    def _unload(self) -> None:
        if self.launchctl("bootout", self.target).returncode != 0:
            self.launchctl("unload", str(self.plist_path))

    def install(self, start: bool = True) -> int:
        self.log_dir.mkdir(parents=True, exist_ok=True)  # launchd does not create the log directory
        changed = write_if_changed(self.plist_path, self.render_bytes())
        self.say(f"{'wrote' if changed else 'unchanged:'} {self.plist_path}")
        if not start:
            self.say("it starts at your next login, or now with `claimlight service start`")
            return 0
        if self._loaded():
            if not changed:
                return self.start()
            self._unload()  # bootstrap refuses a label that is already loaded
        return self._load()

    def uninstall(self) -> int:
        if not self.plist_path.exists():
            self.say(f"not installed (no {self.plist_path})")
            return 0
        if self._loaded():
            self._unload()
        self.plist_path.unlink()
        self.say(f"removed {self.plist_path}")
        return 0

    def start(self) -> int:
        if not self.plist_path.exists():
            self.say("claimlight: the service is not installed; run `claimlight service install`")
            return 1
        if not self._loaded():
            return self._load()
        result = self.launchctl("kickstart", self.target)  # starts it unless already running
        self.say("start: ok" if result.returncode == 0 else f"claimlight: launchctl kickstart failed: {_why(result)}")
        return 0 if result.returncode == 0 else 1

    def stop(self) -> int:
        # Unloading is the reliable stop under KeepAlive; the agent loads again at the next login.
        if self._loaded():
            self._unload()
        self.say("stopped until your next login (or `claimlight service start`)")
        return 0

    def restart(self) -> int:
        if not self._loaded():
            return self.start()
        result = self.launchctl("kickstart", "-k", self.target)
        return 0 if result.returncode == 0 else 1

    def state(self) -> ServiceState:
        installed = self.plist_path.exists()
        result = self.launchctl("print", self.target)
        if result.returncode == 127:
            return ServiceState(self.manager, str(self.plist_path), installed, None, None, "launchctl not found")
        loaded = result.returncode == 0
        running = loaded and "state = running" in result.stdout
        return ServiceState(self.manager, str(self.plist_path), installed, installed,
                            running, "running" if running else ("loaded, not running" if loaded else "not loaded"))

    def logs(self, lines: int = 100, follow: bool = False) -> int:
        self.say(f"(crash output before logging starts goes to {self.log_dir / 'claimlight.err.log'})")
        return tail(self.log_dir / "claimlight.log", lines, follow)


class WindowsTask:
    manager = "Task Scheduler"

    def __init__(self, *, command: Sequence[str], log_file: Path, runner: Runner | None = None, say: Say = print):
        self.command = list(command)
        self.log_file = log_file
        self.runner = runner or run_command
        self.say = say

    def render(self) -> str:
        return windows_command_line(schtasks_create_args(self.command[0], self.command[1:]))

    def install(self, start: bool = True) -> int:
        result = self.runner(schtasks_create_args(self.command[0], self.command[1:]))
        if result.returncode != 0:
            self.say(
                f"claimlight: could not create the logon task ({_why(result)}).\n"
                "To start claimlight at logon by hand: press Win+R, type shell:startup, press Enter,\n"
                "and create a shortcut there with this target:\n"
                f"    {windows_command_line(self.command)}\n"
                "or run this from an administrator prompt:\n"
                f"    {self.render()}"
            )
            return 1
        self.say(f"created the logon task {TASK_NAME!r}")
        return self.start() if start else 0

    def uninstall(self) -> int:
        self.runner(["schtasks", "/End", "/TN", TASK_NAME])
        result = self.runner(["schtasks", "/Delete", "/TN", TASK_NAME, "/F"])
        self.say("removed the logon task" if result.returncode == 0 else "not installed")
        return 0

    def start(self) -> int:
        result = self.runner(["schtasks", "/Run", "/TN", TASK_NAME])
        self.say("start: ok" if result.returncode == 0 else f"claimlight: could not start the task: {_why(result)}")
        return 0 if result.returncode == 0 else 1

    def stop(self) -> int:
        result = self.runner(["schtasks", "/End", "/TN", TASK_NAME])
        return 0 if result.returncode == 0 else 1

    def restart(self) -> int:
        self.stop()
        return self.start()

    def state(self) -> ServiceState:
        result = self.runner(["schtasks", "/Query", "/TN", TASK_NAME, "/FO", "LIST", "/V"])
        if result.returncode != 0:
            return ServiceState(self.manager, TASK_NAME, False, False, False, "no such task")
        fields = {}
        for line in result.stdout.splitlines():
            key, sep, value = line.partition(":")
            if sep:
                fields.setdefault(key.strip(), value.strip())
        # The labels are localised: unknown wording leaves the answer open and the /health probe decides.
        status = fields.get("Status")
        task_state = fields.get("Scheduled Task State")
        running = None if status is None else status == "Running"
        enabled = None if task_state is None else task_state == "Enabled"
        return ServiceState(self.manager, TASK_NAME, True, enabled, running, status or "")

    def logs(self, lines: int = 100, follow: bool = False) -> int:
        return tail(self.log_file, lines, follow)


Backend = SystemdUser | Launchd | WindowsTask


def backend_for(
    platform: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    runner: Runner | None = None,
    say: Say = print,
    command: Sequence[str] | None = None,
) -> Backend:
    env = os.environ if environ is None else environ
    plat = platform or sys.platform
    command = list(command or service_command(platform=plat))
    # A config file chosen with CLAIMLIGHT_CONFIG must follow the daemon into the service's environment.
    environment = {paths.CONFIG_ENV: str(paths.config_file(env, plat))} if env.get(paths.CONFIG_ENV) else {}
    if plat == "darwin":
        home = paths.home(env)
        return Launchd(agents_dir=home / "Library" / "LaunchAgents", log_dir=paths.log_dir(env, plat), home=home,
                       uid=os.getuid(), command=command, environment=environment, runner=runner, say=say)
    if plat == "win32":
        return WindowsTask(command=command, log_file=paths.log_file(env, plat), runner=runner, say=say)
    return SystemdUser(unit_dir=paths.config_home(env) / "systemd" / "user", command=command,
                       log_file=paths.log_file(env, plat), environment=environment, runner=runner, say=say)
