"""Where a running daemon listens, for `claimlight doctor`: a small state file per daemon.

A daemon may listen elsewhere than the config says (`claimlight serve --port 47700`, a variable in
the service's environment but not in the shell's), and the doctor would then call the configured
port free and the daemon not running. So while it serves, each daemon keeps a file in the state
directory (next to the local token), `running/<pid>.json`: its pid, host, port and version. It
writes the file once it listens and removes it when it stops cleanly. A daemon that was killed
leaves its file behind: readers do not trust the file, they ask the port it names (`probe`), so a
stale file costs one refused connection on loopback.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..settings import paths

RUNNING = "running"
MAX_READ = 8  # the newest files read; older ones are stale leftovers of killed daemons


@dataclass(frozen=True)
class Running:
    pid: int
    host: str
    port: int
    version: str
    path: Path


def running_dir(environ: Mapping[str, str] | None = None) -> Path:
    return paths.state_dir(environ) / RUNNING


def write(host: str, port: int, version: str, environ: Mapping[str, str] | None = None) -> Path | None:
    """Record this process as a daemon listening on host:port; the file's path, or None if it cannot be written."""
    folder = running_dir(environ)
    path = folder / f"{os.getpid()}.json"
    data = json.dumps({"pid": os.getpid(), "host": host, "port": port, "version": version, "started": time.time()})
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = folder / f".{path.name}.tmp"
        tmp.write_text(data + "\n", encoding="utf-8")
        os.replace(tmp, path)  # atomic: a reader never sees half a file
    except OSError:
        return None  # the doctor will not find this daemon by its file; serving matters more
    return path


def remove(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink()
    except OSError:
        pass


def read_all(environ: Mapping[str, str] | None = None) -> list[Running]:
    """The daemons that say they are running, newest first. Some may be stale: ask their ports."""
    try:
        files = sorted(running_dir(environ).glob("*.json"), key=_mtime, reverse=True)[:MAX_READ]
    except OSError:
        return []
    found = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found.append(Running(int(data["pid"]), str(data["host"]), int(data["port"]), str(data.get("version", "?")), path))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # half-written by a crash, or not ours: a stale file is never an error
    return found


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
