"""A real daemon (`python -m claimlight serve`) in a subprocess for the benchmarks, and a client for it.

The daemon gets private HOME/XDG directories, so it writes its own local token and log and reads
no user config, and the environment loses CLAIMLIGHT_* variables. The client connects as a local
program does: no Origin, the local token as a bearer header (docs/protocol.md).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets

from ..security import bearer_headers, client_token

_READY = re.compile(r"ready on http://127\.0\.0\.1:(\d+)")


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMLIGHT_")}
    for key in ("NOTIFY_SOCKET", "JOURNAL_STREAM", "INVOCATION_ID"):
        env.pop(key, None)
    env.update(HOME=str(root / "home"), XDG_CONFIG_HOME=str(root / "config"), XDG_STATE_HOME=str(root / "state"),
               PYTHONUNBUFFERED="1")
    return env


@dataclass
class BenchDaemon:
    args: tuple[str, ...] = ()
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="claimlight-bench-")))
    proc: subprocess.Popen | None = None
    port: int = 0
    started_s: float = 0.0  # seconds from launch to "ready" (model loaded in every worker)

    def start(self, timeout: float = 180.0) -> "BenchDaemon":
        self.env = _env(self.root)
        self.log_path = self.root / "daemon.log"
        cmd = [sys.executable, "-m", "claimlight", "serve", "--port", "0", "--log-level", "info", *self.args]
        launched = time.monotonic()
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                                         env=self.env, cwd=self.root)
        deadline = launched + timeout
        while time.monotonic() < deadline:
            if match := _READY.search(self.log()):
                self.port = int(match.group(1))
                self.started_s = time.monotonic() - launched
                self.token = client_token(None, environ=self.env)
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"the daemon exited with {self.proc.returncode}:\n{self.log()[-2000:]}")
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the daemon was not ready after {timeout:.0f} s")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def connect(self):
        return websockets.connect(self.ws_url, additional_headers=bearer_headers(self.token), max_size=None,
                                  compression=None, open_timeout=30, ping_interval=None)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.root, ignore_errors=True)  # its token, log and state

    # -- memory --

    def worker_pids(self) -> list[int]:
        pids = []
        for pid in _children(self.proc.pid):
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
        parent = _mem(self.proc.pid)
        workers = [_mem(pid) for pid in self.worker_pids()]
        return {
            "rss_mb": round(parent["rss"] + sum(w["rss"] for w in workers), 1),
            "pss_mb": round(parent["pss"] + sum(w["pss"] for w in workers), 1),
            "parent_rss_mb": round(parent["rss"], 1),
            "workers_rss_mb": [round(w["rss"], 1) for w in workers],
        }


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _mem(pid: int) -> dict:
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


# --- the client ------------------------------------------------------------------------------------


@dataclass
class Timing:
    total_ms: float
    first_partial_ms: float | None
    partials: int
    reply: dict  # the final result or error


async def analyze(ws, rid: str, *, text: str | None = None, blocks: list[str] | None = None, stream: bool = False,
                  timeout: float = 120.0) -> Timing:
    """Send one analyze request on `ws` and wait for its result; times measured at the client."""
    message = {"type": "analyze", "id": rid, "stream": stream}
    message.update({"blocks": blocks} if blocks is not None else {"text": text})
    frame = json.dumps(message)
    start = time.perf_counter()
    await ws.send(frame)
    first, partials = None, 0
    while True:
        reply = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if reply.get("id") != rid:
            continue
        now = (time.perf_counter() - start) * 1000
        if reply["type"] == "partial":
            partials += 1
            first = first if first is not None else now
            continue
        return Timing(now, first, partials, reply)


class Dispatcher:
    """Many requests in flight on one connection: replies are routed to their request by id."""

    def __init__(self, ws):
        self.ws = ws
        self.waiting: dict[str, asyncio.Future] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for frame in self.ws:
            reply = json.loads(frame)
            future = self.waiting.get(reply.get("id"))
            if future is not None and reply["type"] in ("result", "error") and not future.done():
                future.set_result((time.perf_counter(), reply))

    async def analyze(self, rid: str, text: str) -> tuple[float, dict]:
        future = asyncio.get_running_loop().create_future()
        self.waiting[rid] = future
        start = time.perf_counter()
        await self.ws.send(json.dumps({"type": "analyze", "id": rid, "text": text}))
        done, reply = await future
        return (done - start) * 1000, reply

    async def close(self) -> None:
        self.reader.cancel()
        await asyncio.gather(self.reader, return_exceptions=True)
