"""A real daemon (`python -m claimlight serve`) in a subprocess, private to its caller.

The test suites, the browser tests, `claimlight bench` and `claimlight pages` all need the same
thing: a daemon that reads none of the user's settings and writes nothing of theirs, that says when
it is ready and on which port, and that is stopped without leaving processes behind. Each daemon
gets its own HOME and XDG directories under `root` (so its local token, log and state are its own)
and an environment without CLAIMLIGHT_* variables or service-manager variables (so neither the
developer's settings nor a surrounding systemd unit leak in).
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

# Variables a service manager sets for its children: a daemon started here is not under one.
_SERVICE_VARIABLES = ("NOTIFY_SOCKET", "JOURNAL_STREAM", "INVOCATION_ID", "XPC_SERVICE_NAME")
_READY = re.compile(r"ready on http://127\.0\.0\.1:(\d+)")

# Run before the daemon's own command, in its process: on Linux, ask the kernel to send SIGTERM when
# the process that started it dies (prctl PR_SET_PDEATHSIG, which survives exec), so a test run killed
# outright (a CI timeout, a second Ctrl-C) leaves no daemon behind holding memory and workers; the
# daemon stops its workers on SIGTERM as it always does. If that process is already gone, do not
# start. The `-c` launcher, not Popen's preexec_fn, which is unsafe in a process with threads.
_LEASH = """import ctypes, os, signal, sys
parent = int(sys.argv[1])
if sys.platform.startswith("linux"):
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
if os.getppid() != parent:
    sys.exit(1)
os.execv(sys.executable, [sys.executable, *sys.argv[2:]])
"""


def clean_env(root: Path, extra: Mapping[str, str] | None = None, pythonpath: Sequence[Path | str] = ()) -> dict[str, str]:
    """This process's environment for a daemon living in `root`: no CLAIMLIGHT_* settings, private dirs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMLIGHT_") and k not in _SERVICE_VARIABLES}
    env.update(
        HOME=str(root / "home"),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_STATE_HOME=str(root / "state"),
        PYTHONUNBUFFERED="1",
    )
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join([*map(str, pythonpath), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra or {})
    return env


class Daemon:
    """One daemon process. `port=0` lets the OS pick a port, read back from the daemon's log.

    `engine` replaces the analysis engine (`module:function`, for tests with a stub engine, found on
    `pythonpath`); `args` are more `claimlight serve` flags.
    """

    def __init__(self, root: Path, *, port: int = 0, args: Sequence[str] = (), engine: str | None = None,
                 env: Mapping[str, str] | None = None, pythonpath: Sequence[Path | str] = (), log_level: str = "debug"):
        self.root = Path(root)
        self.port = port
        self.args = tuple(args)
        self.engine = engine
        self.env = clean_env(self.root, env, pythonpath)
        self.log_level = log_level
        self.log_path = self.root / "daemon.log"
        self.proc: subprocess.Popen | None = None
        self.started_s = 0.0  # seconds from launch to ready (the model loaded in every worker)
        self._launched = 0.0
        self._log_offset = 0  # where this start's lines begin in a log shared with earlier starts

    # -- lifecycle --

    def start(self, *, wait: bool = True, timeout: float = 120.0) -> "Daemon":
        self.root.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-c", _LEASH, str(os.getpid()),
               "-m", "claimlight", "serve", "--port", str(self.port), "--log-level", self.log_level, *self.args]
        if self.engine:
            cmd += ["--engine", self.engine]
        self._log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.log_path, "ab") as log_file:
            # A session of its own: Ctrl-C in the terminal running the tests reaches the tests, which
            # stop the daemon themselves, rather than the daemon mid-test.
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log_file,
                                         env=self.env, cwd=self.root, start_new_session=True)
        self._launched = time.monotonic()
        return self.wait_ready(timeout) if wait else self

    def wait_ready(self, timeout: float = 120.0) -> "Daemon":
        """Until the daemon logs that it is ready (after every worker loaded the model); sets `port`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if match := _READY.search(self.log(since_start=True)):
                self.port = int(match.group(1))
                self.started_s = time.monotonic() - self._launched
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"the daemon exited with {self.proc.returncode}:\n{self.tail()}")
            time.sleep(0.05)
        self.stop(signal.SIGKILL)
        raise RuntimeError(f"the daemon was not ready after {timeout:.0f} s:\n{self.tail()}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20.0) -> int | None:
        """Signal the daemon and wait for it (killed after `timeout`); its exit status."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def __enter__(self) -> "Daemon":
        return self if self.proc is not None else self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- what it says --

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def token(self) -> str:
        """The local token the daemon wrote, which clients without an Origin present."""
        return (self.root / "state" / "claimlight" / "token").read_text().strip()

    def log(self, since_start: bool = False) -> str:
        try:
            data = self.log_path.read_bytes()
        except OSError:
            return ""
        return data[self._log_offset if since_start else 0 :].decode("utf-8", errors="replace")

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def http(self, path: str, headers: Mapping[str, str] | None = None, timeout: float = 10.0) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request("GET", path, headers=dict(headers or {}))
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    # -- its processes --

    def workers(self) -> list[int]:
        """The analysis worker processes (children running multiprocessing's spawn, not its resource tracker)."""
        pids = []
        for pid in children(self.proc.pid):
            try:
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    pids.append(pid)
            except OSError:
                pass
        return pids

    def memory(self) -> dict:
        """RSS and PSS in MB of the daemon and its analysis workers, from /proc.

        RSS counts pages shared between the processes (libraries, the interpreter) once per process;
        PSS splits them, so the PSS total is what the daemon really costs the machine.
        """
        parent = process_memory(self.proc.pid)
        workers = [process_memory(pid) for pid in self.workers()]
        return {
            "rss_mb": round(parent["rss"] + sum(w["rss"] for w in workers), 1),
            "pss_mb": round(parent["pss"] + sum(w["pss"] for w in workers), 1),
            "parent_rss_mb": round(parent["rss"], 1),
            "workers_rss_mb": [round(w["rss"], 1) for w in workers],
        }


# --- /proc -------------------------------------------------------------------------------------------


def _stat_fields(pid: int) -> list[str] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name is parenthesised and may contain spaces; the state and ppid follow it.
    return stat[stat.rindex(")") + 2 :].split()


def children(pid: int) -> list[int]:
    """Direct child processes of `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat_fields(int(entry.name))) and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running, and not a zombie waiting to be reaped."""
    fields = _stat_fields(pid)
    return fields is not None and fields[0] != "Z"


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user and system) `pid` has used, in seconds; None when it is gone."""
    fields = _stat_fields(pid)
    if fields is None:
        return None
    # utime and stime: fields 14 and 15 of /proc/PID/stat, counted from the state (field 3) here
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(pids: list[int], *, busy_share: float = 0.1, window_s: float = 0.5, limit_s: float = 30.0) -> float:
    """Waits until the processes `pids` each use under `busy_share` of a core over `window_s`
    (a freshly started worker makes its lexemes for a second of CPU or more, `engine.lexemes`), at
    most `limit_s`; returns the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < limit_s:
        before = [cpu_seconds(pid) for pid in pids]
        time.sleep(window_s)
        after = [cpu_seconds(pid) for pid in pids]
        if all(a is None or b is None or a - b < busy_share * window_s for a, b in zip(after, before)):
            break
    return time.monotonic() - start


def process_memory(pid: int) -> dict:
    """{"rss": MB, "pss": MB} of one process (PSS = RSS where smaps_rollup is unavailable)."""
    out = {"rss": 0.0, "pss": 0.0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss"):
                out[key.lower()] = int(rest.split()[0]) / 1024
    except OSError:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    out["rss"] = out["pss"] = int(line.split()[1]) / 1024
        except OSError:
            pass
    return out
