"""Running the real daemon (`python -m claimlight serve`) in a subprocess and talking to it.

Each daemon gets its own HOME/XDG directories (so its token file and log are private to the test)
and an environment without CLAIMLIGHT_* variables (so the developer's settings cannot leak in).
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import websockets
from pydantic import TypeAdapter

from claimlight.config import DEFAULT_EXTENSION_ID
from claimlight.protocol import ServerMessage

HERE = Path(__file__).resolve().parent
ORIGIN = f"chrome-extension://{DEFAULT_EXTENSION_ID}"
STUB_ENGINE = "daemon_stub_engine:analyze"
REPLY = TypeAdapter(ServerMessage)
_READY = re.compile(r"ready on http://127\.0\.0\.1:(\d+)")


def u16(text: str, start: int, end: int) -> str:
    """The substring between two UTF-16 offsets, as JavaScript's text.slice(start, end) would give it."""
    return text.encode("utf-16-le", "surrogatepass")[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")


def children(pid: int) -> list[int]:
    """Direct child processes of `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is parenthesised and may contain spaces; the ppid follows it.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def clean_env(root: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMLIGHT_")}
    for key in ("NOTIFY_SOCKET", "JOURNAL_STREAM", "INVOCATION_ID", "XPC_SERVICE_NAME"):
        env.pop(key, None)
    env.update(
        HOME=str(root / "home"),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_STATE_HOME=str(root / "state"),
        PYTHONPATH=os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra or {})
    return env


@dataclass
class Daemon:
    proc: subprocess.Popen
    root: Path
    log_path: Path
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def token(self) -> str:
        return (self.root / "state" / "claimlight" / "token").read_text().strip()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def workers(self) -> list[int]:
        """The analysis worker processes (children running multiprocessing.spawn, not the resource tracker)."""
        pids = []
        for pid in children(self.proc.pid):
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in cmdline:
                pids.append(pid)
        return pids

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def http(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()


def start_daemon(root: Path, *args: str, engine: str | None = STUB_ENGINE, env: dict[str, str] | None = None,
                 wait: bool = True, timeout: float = 60.0) -> Daemon:
    root.mkdir(parents=True, exist_ok=True)
    log_path = root / "stderr.log"
    cmd = [sys.executable, "-m", "claimlight", "serve", "--port", "0", "--log-level", "debug", *args]
    if engine:
        cmd += ["--engine", engine]
    with open(log_path, "wb") as log_file:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log_file,
                                env=clean_env(root, env), cwd=root)
    daemon = Daemon(proc, root, log_path)
    if not wait:
        return daemon
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if match := _READY.search(daemon.log()):
            daemon.port = int(match.group(1))
            return daemon
        if proc.poll() is not None:
            raise RuntimeError(f"daemon exited with {proc.returncode}:\n{daemon.log()}")
        time.sleep(0.05)
    daemon.stop(signal.SIGKILL)
    raise RuntimeError(f"daemon not ready after {timeout} s:\n{daemon.log()}")


# --- WebSocket helpers -----------------------------------------------------------------------------


def connect(daemon: Daemon, *, origin: str | None = ORIGIN, **kwargs):
    kwargs.setdefault("max_size", None)
    kwargs.setdefault("compression", None)
    kwargs.setdefault("open_timeout", 10)
    return websockets.connect(daemon.ws_url, origin=origin, **kwargs)


async def recv(ws, timeout: float = 15.0):
    return REPLY.validate_json(await asyncio.wait_for(ws.recv(), timeout))


async def send(ws, message: dict | str) -> None:
    await ws.send(message if isinstance(message, str) else json.dumps(message))


async def exchange(ws, message: dict, timeout: float = 15.0) -> list:
    """Send a request and collect replies for its id up to the final result or error."""
    await send(ws, message)
    return await collect(ws, message["id"], timeout)


async def collect(ws, request_id: str, timeout: float = 15.0) -> list:
    replies = []
    while True:
        reply = await recv(ws, timeout)
        if getattr(reply, "id", None) != request_id:
            continue
        replies.append(reply)
        if reply.type in ("result", "error"):
            return replies


async def ping_ok(ws, tag: str = "probe") -> bool:
    await send(ws, {"type": "ping", "id": tag})
    while True:
        reply = await recv(ws, 10)
        if reply.type == "pong" and reply.id == tag:
            return True
