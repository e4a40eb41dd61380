"""Handshake refusals against the real daemon: Origin, Host (DNS rebinding), token, and where tokens may appear."""

from __future__ import annotations

import base64
import os
import socket

import pytest
import websockets

from daemon_harness import ORIGIN, connect, ping_ok


def raw_upgrade(daemon, headers: dict[str, str]) -> int:
    """Status of a hand-written upgrade request (to send headers a WebSocket library would not)."""
    key = base64.b64encode(os.urandom(16)).decode()
    lines = ["GET /ws HTTP/1.1", "Upgrade: websocket", "Connection: Upgrade", f"Sec-WebSocket-Key: {key}",
             "Sec-WebSocket-Version: 13", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=10) as sock:
        sock.sendall("\r\n".join(lines).encode())
        status_line = sock.recv(4096).split(b"\r\n", 1)[0]
    return int(status_line.split()[1])


async def refused_status(daemon, **kwargs) -> int:
    with pytest.raises(websockets.InvalidStatus) as info:
        async with connect(daemon, **kwargs):
            pass
    return info.value.response.status_code


@pytest.mark.parametrize("origin", [
    "https://evil.example", "http://127.0.0.1", "null", "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
])
async def test_foreign_origin_is_forbidden(daemon, origin):
    assert await refused_status(daemon, origin=origin) == 403


async def test_foreign_origin_with_the_token_is_still_forbidden(daemon):
    status = await refused_status(daemon, origin="https://evil.example",
                                  additional_headers={"Authorization": f"Bearer {daemon.token}"})
    assert status == 403


async def test_allowed_extension_origin_connects(daemon):
    async with connect(daemon, origin=ORIGIN) as ws:
        assert await ping_ok(ws)


async def test_no_origin_needs_the_local_token(daemon):
    assert await refused_status(daemon, origin=None) == 401
    assert await refused_status(daemon, origin=None, additional_headers={"Authorization": "Bearer wrong"}) == 401
    async with connect(daemon, origin=None, additional_headers={"Authorization": f"Bearer {daemon.token}"}) as ws:
        assert await ping_ok(ws)
    async with connect(daemon, origin=None, subprotocols=["claimlight.v1", f"claimlight.token.{daemon.token}"]) as ws:
        assert ws.subprotocol == "claimlight.v1"  # the token is not echoed back
        assert await ping_ok(ws)


async def test_token_in_the_url_is_not_accepted(daemon):
    with pytest.raises(websockets.InvalidStatus) as info:
        async with websockets.connect(f"{daemon.ws_url}?token={daemon.token}", origin=None, open_timeout=10):
            pass
    assert info.value.response.status_code == 401


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io:{port}", "192.168.0.5:{port}"])
def test_dns_rebinding_host_is_refused_before_upgrade(daemon, host):
    host = host.format(port=daemon.port)
    assert raw_upgrade(daemon, {"Host": host, "Origin": ORIGIN}) == 421
    status, _ = daemon.http("/health", headers={"Host": host})
    assert status == 421


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "localhost", "[::1]:{port}"])
def test_loopback_host_names_are_accepted(daemon, host):
    assert raw_upgrade(daemon, {"Host": host.format(port=daemon.port), "Origin": ORIGIN}) == 101


def test_upgrade_without_host_is_refused(daemon):
    assert raw_upgrade(daemon, {"Origin": ORIGIN}) in (400, 421)


def test_health_refuses_foreign_origins_and_answers_the_extension(daemon):
    assert daemon.http("/health", headers={"Origin": "https://evil.example"})[0] == 403
    conn_status, _ = daemon.http("/health", headers={"Origin": ORIGIN})
    assert conn_status == 200


def test_unknown_paths_and_methods(daemon):
    assert daemon.http("/")[0] == 404
    assert daemon.http("/ws")[0] in (400, 401)  # a plain GET without Origin or token
    assert daemon.http("/ws", headers={"Origin": ORIGIN})[0] == 400  # not an upgrade


def test_token_never_reaches_the_log(daemon):
    assert daemon.token not in daemon.log()
