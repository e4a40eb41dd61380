"""A web page cannot write the daemon's log: hundreds of malformed requests, refused handshakes and
protocol errors cost at most 20 short lines a minute between them, with no traceback and nothing the
request carried (tests against a real daemon logging at info, as a user runs it)."""

from __future__ import annotations

import asyncio
import logging
import socket

import pytest
import websockets

from claimlight.server.logsafe import HttpErrorFilter, Refusals, Throttle
from daemon_harness import HERE, ORIGIN, STUB_ENGINE, Daemon, connect

MARK = "Q7ZPAGEBYTES"  # in every request, so any echo of request bytes shows


@pytest.fixture(scope="module")
def quiet_daemon(tmp_path_factory):
    d = Daemon(tmp_path_factory.mktemp("flood"), args=("--workers", "1"), engine=STUB_ENGINE, pythonpath=[HERE],
               log_level="info").start(timeout=60)
    yield d
    d.stop()


def raw(daemon, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=10) as sock:
        sock.sendall(data)
        try:
            return sock.recv(64)
        except OSError:
            return b""


async def test_hundreds_of_hostile_requests_write_at_most_twenty_short_lines(quiet_daemon):
    before = len(quiet_daemon.log().splitlines())
    long_url = f"/{MARK}".encode() + b"A" * 9000
    for _ in range(200):  # what fetch("http://127.0.0.1:47653/" + 9 KB) from any page sends
        assert raw(quiet_daemon, b"GET " + long_url + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").startswith(b"HTTP/1.")
    for _ in range(50):
        raw(quiet_daemon, f"{MARK}\x00\x01 / HTTP/1.1\r\n\r\n".encode())
        raw(quiet_daemon, f"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-{MARK}: ".encode() + b"B" * 20_000 + b"\r\n\r\n")
        raw(quiet_daemon, f"GET /health HTTP/1.1\r\nHost: {MARK}.example\r\n\r\n".encode())
    for _ in range(100):
        with pytest.raises(websockets.InvalidStatus):
            async with connect(quiet_daemon, origin=f"https://{MARK}.example"):
                pass
    for _ in range(50):  # protocol errors from a client that may connect
        async with connect(quiet_daemon) as ws:
            await ws.send(MARK.encode() + b"\xff\xfe", text=True)
            with pytest.raises(websockets.ConnectionClosed):
                await asyncio.wait_for(ws.recv(), 10)
    await asyncio.sleep(0.3)
    lines = quiet_daemon.log().splitlines()[before:]
    assert len(lines) <= 20, "\n".join(lines)
    assert all(len(line) < 200 for line in lines)
    log = quiet_daemon.log()
    assert "Traceback" not in log and MARK not in log and "AAAAAAAA" not in log
    assert any("refused a malformed HTTP request: LineTooLong" in line for line in lines)
    status, _ = quiet_daemon.http("/health")
    assert status == 200  # and the daemon serves on


def test_http_error_filter_keeps_one_reason_and_no_request_bytes():
    from aiohttp.http_exceptions import LineTooLong

    lines: list[str] = []

    class Sink(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    logger = logging.getLogger("test.refusals")
    logger.addHandler(Sink())
    logger.propagate = False
    now = [0.0]
    refusals = Refusals(logger, Throttle(burst=3, window_s=60, clock=lambda: now[0]))
    server = logging.getLogger("test.aiohttp.server")
    server.addFilter(HttpErrorFilter(refusals))
    for _ in range(10):
        try:
            raise LineTooLong(f"/{MARK}" + "A" * 9000, "8190")
        except LineTooLong:
            server.exception("Error handling request from %s", "127.0.0.1")
    assert lines == ["refused a malformed HTTP request: LineTooLong (HTTP 400)"] * 3
    now[0] = 61.0
    server.error("Unhandled exception")
    assert lines[-1] == "aiohttp: Unhandled exception (7 similar refusals not logged)"
