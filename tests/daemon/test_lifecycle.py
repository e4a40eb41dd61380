"""`claimlight serve` as a process: signals, exit codes, orphans, startup refusals, READY=1."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
import time

import pytest
import websockets

from daemon_harness import alive, children, clean_env, connect, send, start_daemon


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_signal_closes_clients_with_1001_and_exits_0_without_orphans(tmp_path, sig):
    daemon = start_daemon(tmp_path, "--workers", "2")
    try:
        processes = children(daemon.proc.pid)  # workers and multiprocessing's resource tracker
        assert len(daemon.workers()) == 2
        async with connect(daemon) as ws:
            await send(ws, {"type": "analyze", "id": "inflight", "text": "#sleep=30 busy when the signal comes"})
            await asyncio.sleep(0.2)
            started = time.monotonic()
            daemon.proc.send_signal(sig)
            with pytest.raises(websockets.ConnectionClosed):
                while True:
                    await asyncio.wait_for(ws.recv(), 10)
            assert ws.close_code == 1001
        code = await asyncio.to_thread(daemon.proc.wait, 15)
        assert code == 0
        assert time.monotonic() - started < 10  # the 30 s analysis did not hold the exit up
        # multiprocessing's resource tracker exits when the daemon's end of its pipe closes, a moment
        # after the daemon itself: allow it that moment, no more.
        grace = time.monotonic() + 2.0
        while any(alive(pid) for pid in processes) and time.monotonic() < grace:
            await asyncio.sleep(0.02)
        for pid in processes:
            assert not alive(pid), f"process {pid} outlived the daemon"
        log = daemon.log()
        assert "Traceback" not in log and "stopped" in log
    finally:
        daemon.stop(signal.SIGKILL)


def test_ready_notification_is_sent_after_listening(tmp_path):
    sock_path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(str(sock_path))
        listener.settimeout(30)
        daemon = start_daemon(tmp_path / "d", env={"NOTIFY_SOCKET": str(sock_path)}, wait=False)
        try:
            assert listener.recv(256) == b"READY=1"
            # By the time READY=1 arrives the port answers and the model is loaded.
            deadline = time.monotonic() + 5
            while "ready on" not in daemon.log() and time.monotonic() < deadline:
                time.sleep(0.02)
            port = int(daemon.log().split("ready on http://127.0.0.1:")[1].split()[0])
            daemon.port = port
            status, body = daemon.http("/health")
            assert status == 200 and b'"status":"ok"' in body
            daemon.proc.send_signal(signal.SIGTERM)
            assert listener.recv(256) == b"STOPPING=1"
            assert daemon.proc.wait(15) == 0
        finally:
            daemon.stop(signal.SIGKILL)


def run_serve(tmp_path, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimlight", "serve", *args], capture_output=True, text=True,
                          env=clean_env(tmp_path), timeout=timeout)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1"])
def test_refuses_to_listen_beyond_loopback(tmp_path, host):
    result = run_serve(tmp_path, "--host", host, "--port", "0")
    assert result.returncode == 2
    assert "loopback" in result.stderr and "Traceback" not in result.stderr


def test_port_in_use_is_a_clear_error(tmp_path, daemon):
    result = run_serve(tmp_path, "--port", str(daemon.port))
    assert result.returncode == 1
    assert "cannot listen" in result.stderr and "Traceback" not in result.stderr


def test_missing_model_is_a_clear_error(tmp_path):
    result = run_serve(tmp_path, "--port", "0", "--model", "no_such_model_xyz", timeout=60)
    assert result.returncode == 1
    assert "no_such_model_xyz" in result.stderr and "Traceback" not in result.stderr


def test_invalid_flag_value_is_a_config_error(tmp_path):
    result = run_serve(tmp_path, "--port", "0", "--log-level", "loud")
    assert result.returncode == 2
    assert "log-level" in result.stderr or "log_level" in result.stderr


def test_doctor_finds_a_daemon_on_another_port_by_its_state_file(tmp_path):
    from claimlight.cli.doctor import check_port
    from claimlight.settings.config import DEFAULT_PORT, Config

    running = tmp_path / "state" / "claimlight" / "running"
    daemon = start_daemon(tmp_path)  # on a port the OS picked, not the configured one
    try:
        assert daemon.port != DEFAULT_PORT
        [state] = running.glob("*.json")
        assert f'"port": {daemon.port}' in state.read_text()
        check = check_port(Config(), tmp_path / "config.toml", daemon.env)
        assert f"port {daemon.port}" in check.detail and "is free" not in check.detail
        assert daemon.stop() == 0
        assert not list(running.glob("*.json"))  # removed on a clean exit
    finally:
        daemon.stop(signal.SIGKILL)
    check = check_port(Config(), tmp_path / "config.toml", daemon.env)
    assert f"port {daemon.port}" not in check.detail  # gone, and said so


def test_a_killed_daemons_state_file_is_harmless(tmp_path):
    from claimlight.cli.doctor import check_port
    from claimlight.settings.config import Config

    daemon = start_daemon(tmp_path)
    daemon.stop(signal.SIGKILL)
    assert list((tmp_path / "state" / "claimlight" / "running").glob("*.json"))  # left behind
    check = check_port(Config(), tmp_path / "config.toml", daemon.env)
    assert f"port {daemon.port}" not in check.detail


# A test run killed outright (a CI timeout): its daemon and the daemon's workers go with it.
_HARNESS = """import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from daemon_harness import start_daemon, children
d = start_daemon(Path(sys.argv[1]), "--workers", "1")
print(d.proc.pid, *children(d.proc.pid), flush=True)
time.sleep(120)
"""


def test_a_daemon_stops_when_the_process_that_started_it_is_killed(tmp_path):
    from daemon_harness import HERE

    harness = subprocess.Popen([sys.executable, "-c", _HARNESS, str(tmp_path), str(HERE)], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in harness.stdout.readline().split()]
        assert pids and all(alive(p) for p in pids)
    finally:
        harness.kill()
        harness.wait()
    deadline = time.monotonic() + 20
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(p) for p in pids)
