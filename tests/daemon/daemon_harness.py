"""The daemon tests' defaults over the one harness (`claimlight.testing`): a stub engine found in this
folder, debug logging, and the client helpers under the names the tests use."""

from __future__ import annotations

from pathlib import Path

from claimlight.testing.client import ORIGIN, REPLY, collect, connect, exchange, ping_ok, recv, send, u16
from claimlight.testing.daemon import Daemon, alive, children, clean_env

HERE = Path(__file__).resolve().parent
STUB_ENGINE = "daemon_stub_engine:analyze"

__all__ = ["ORIGIN", "REPLY", "STUB_ENGINE", "Daemon", "alive", "children", "clean_env", "collect", "connect",
           "exchange", "ping_ok", "recv", "send", "start_daemon", "u16"]


def start_daemon(root: Path, *args: str, engine: str | None = STUB_ENGINE, env: dict[str, str] | None = None,
                 wait: bool = True, timeout: float = 60.0) -> Daemon:
    """A daemon with the stub engine (engine=None: the real one), started and, with `wait`, ready."""
    return Daemon(root, args=args, engine=engine, env=env, pythonpath=[HERE]).start(wait=wait, timeout=timeout)
