"""sd_notify: one datagram to $NOTIFY_SOCKET, and the daemon sends READY=1 only when it can be reached."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimlight.service import sdnotify


@pytest.fixture
def notify_socket(tmp_path: Path):
    path = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    yield path, sock
    sock.close()


def test_notify_sends_one_datagram(notify_socket, monkeypatch) -> None:
    path, sock = notify_socket
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    assert sdnotify.notify("READY=1") is True
    sock.settimeout(2)
    assert sock.recv(4096) == b"READY=1"


def test_notify_without_a_manager(monkeypatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert sdnotify.notify() is False


def test_notify_failure_is_not_fatal(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "gone.sock"))
    assert sdnotify.notify() is False


def test_notify_abstract_socket(monkeypatch) -> None:
    name = f"claimlight-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert sdnotify.notify("STATUS=x") is True
        sock.settimeout(2)
        assert sock.recv(64) == b"STATUS=x"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(importlib.util.find_spec("claimlight.cli.serve") is None,
                    reason="`claimlight serve` (claimlight.cli.serve) is not in this build yet")
def test_ready_arrives_only_when_the_port_accepts(home: Path, notify_socket) -> None:
    path, sock = notify_socket
    port = _free_port()
    env = {**os.environ, "NOTIFY_SOCKET": str(path), "CLAIMLIGHT_LOG_LEVEL": "debug"}
    proc = subprocess.Popen([sys.executable, "-m", "claimlight", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        sock.settimeout(1.0)
        deadline = time.monotonic() + 180  # the model loads first; slow CI disks take a while
        message = b""
        while b"READY=1" not in message:
            if proc.poll() is not None:
                pytest.fail(f"`claimlight serve` exited with {proc.returncode} before READY=1:\n{proc.stdout.read()}")
            if time.monotonic() > deadline:
                pytest.fail("no READY=1 within 180 s")
            try:
                message = sock.recv(4096)
            except TimeoutError:
                continue
        # READY=1 promises the extension can connect right now: no retry, no wait.
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            pass
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
