"""The protocol against a real daemon subprocess (stub engine), over a real `websockets` client."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import uuid

import pytest
import websockets

from claimlight import __version__
from claimlight.protocol import PROTOCOL_VERSION, Health
from daemon_harness import ORIGIN, collect, connect, exchange, ping_ok, recv, send, u16


def unique(text: str) -> str:
    # The daemon is shared and caches by text: a unique tag keeps each test's first request uncached.
    return f"{text} [{uuid.uuid4().hex[:8]}]"


def test_health(daemon):
    status, body = daemon.http("/health")
    assert status == 200
    health = Health.model_validate_json(body)
    assert health.status == "ok"
    assert health.version == __version__
    assert health.protocol == PROTOCOL_VERSION
    assert health.model.startswith("en_")
    assert health.uptime_s >= 0


async def test_ping_pong(daemon):
    async with connect(daemon) as ws:
        await send(ws, {"type": "ping", "id": "p1", "v": 1})
        pong = await recv(ws)
        assert pong.type == "pong" and pong.id == "p1"
        assert pong.version == __version__ and pong.model.startswith("en_")
        await send(ws, {"type": "ping"})
        assert (await recv(ws)).id is None


async def test_analyze_round_trip(daemon):
    text = unique("“We will win,” said Maria Lopez, 42 times.")
    async with connect(daemon) as ws:
        [result] = await exchange(ws, {"type": "analyze", "v": 1, "id": "r1", "url": "https://news.example/a",
                                      "title": "A title", "text": text})
    assert result.type == "result" and result.id == "r1" and result.offsets == "utf16"
    assert result.cached is False and result.elapsed_ms >= 0
    quote = next(s for s in result.spans if s.category == "quote")
    assert (quote.start, quote.end) == (0, 14)
    assert u16(text, quote.start, quote.end) == quote.text == "“We will win,”"
    assert [s.text for s in result.spans if s.category == "number"][0] == "42"
    assert [a.name for a in result.actors] == ["Stub Speaker"]


async def test_emoji_before_quote_shifts_utf16_offsets(daemon):
    text = unique("🎉🎉 Fans cheered. “We will win,” said Maria Lopez.")
    async with connect(daemon) as ws:
        [result] = await exchange(ws, {"type": "analyze", "id": "e1", "text": text})
    quote = next(s for s in result.spans if s.category == "quote")
    python_start = text.index("“")
    assert quote.start == python_start + 2  # each emoji is one code point but two UTF-16 units
    assert quote.end == quote.start + len("“We will win,”")
    assert u16(text, quote.start, quote.end) == "“We will win,”"
    for span in result.spans:
        assert u16(text, span.start, span.end) == span.text


async def test_blocks_are_joined_with_blank_line(daemon):
    blocks = ["🎉 Opening line.", unique("“Second block quote,” she said, 7 times.")]
    joined = "\n\n".join(blocks)
    async with connect(daemon) as ws:
        [result] = await exchange(ws, {"type": "analyze", "id": "b1", "blocks": blocks})
    quote = next(s for s in result.spans if s.category == "quote")
    assert quote.start == len(blocks[0]) + 1 + 2  # one emoji (+1 unit) and the "\n\n" separator
    for span in result.spans:
        assert u16(joined, span.start, span.end) == span.text


def long_blocks(n: int = 40) -> list[str]:
    tag = uuid.uuid4().hex[:8]
    return [f"Paragraph {i} {tag}. " + "Plain words fill the line. " * 8 + f"“Quote number {i},” said someone. 🎉"
            for i in range(n)]


async def test_stream_sends_partials_then_result(daemon):
    blocks = long_blocks()
    joined = "\n\n".join(blocks)
    async with connect(daemon) as ws:
        replies = await exchange(ws, {"type": "analyze", "id": "s1", "blocks": blocks, "stream": True})
    early, partials, result = replies[0], replies[1:-1], replies[-1]
    assert result.type == "result" and len(partials) >= 2
    # First the quotations the marks give, over every block, before any parse: each a quote of the result.
    assert early.type == "partial" and early.stage == "quotes" and early.blocks == (0, len(blocks))
    assert len(early.spans) == len(blocks) and all(s.category == "quote" and s.speaker is None for s in early.spans)
    assert {(s.start, s.end) for s in early.spans} <= {(s.start, s.end) for s in result.spans if s.category == "quote"}
    assert all(p.type == "partial" and p.stage == "blocks" for p in partials)
    assert partials[0].blocks[0] == 0 and partials[0].blocks[1] <= 2  # the first partial is small, so fast
    for before, after in zip(partials, partials[1:]):
        assert before.blocks[1] == after.blocks[0]  # contiguous, first blocks first
    partial_spans = [(s.start, s.end, s.category) for p in partials for s in p.spans]
    for span in (s for p in partials for s in p.spans):
        assert u16(joined, span.start, span.end) == span.text  # offsets into the whole joined text
    final = [(s.start, s.end, s.category) for s in result.spans]
    covered = partials[-1].blocks[1]
    assert set(partial_spans) <= set(final)
    if covered == len(blocks):
        assert sorted(partial_spans) == sorted(final)


async def test_stream_of_one_block_sends_only_the_result(daemon):
    # (A one-word quotation may be a scare quote: it is not sent before the analysis says it is speech.)
    async with connect(daemon) as ws:
        replies = await exchange(ws, {"type": "analyze", "id": "s2", "text": unique("“Short,” she said."), "stream": True})
    assert [r.type for r in replies] == ["result"]


async def test_identical_text_is_cached(daemon):
    text = unique("“Cache me,” said the test, 3 times.")
    async with connect(daemon) as ws:
        [first] = await exchange(ws, {"type": "analyze", "id": "c1", "text": text})
        [second] = await exchange(ws, {"type": "analyze", "id": "c2", "text": text})
        [streamed] = await exchange(ws, {"type": "analyze", "id": "c3", "text": text, "stream": True})
        [other] = await exchange(ws, {"type": "analyze", "id": "c4", "text": text + " more"})
    assert (first.cached, second.cached, streamed.cached, other.cached) == (False, True, True, False)
    assert second.spans == first.spans and second.actors == first.actors


async def test_lone_surrogate_is_analysed_with_unchanged_offsets(daemon):
    frame = '{"type":"analyze","id":"u1","text":"\\ud800 “Hi,” 5 [' + uuid.uuid4().hex + ']"}'
    async with connect(daemon) as ws:
        await send(ws, frame)
        [result] = await collect(ws, "u1")
    quote = next(s for s in result.spans if s.category == "quote")
    assert (quote.start, quote.end) == (2, 7)


async def test_requests_run_concurrently_and_replies_carry_their_ids(daemon):
    async with connect(daemon) as ws:
        for i in range(3):
            await send(ws, {"type": "analyze", "id": f"m{i}", "text": unique(f"“Number {i},” said x.")})
        await send(ws, {"type": "ping", "id": "between"})  # pings are answered while analyses run
        ids, pong = set(), False
        while len(ids) < 3 or not pong:
            reply = await recv(ws)
            if reply.type == "pong":
                pong = reply.id == "between"
                continue
            assert reply.type == "result"
            ids.add(reply.id)
    assert ids == {"m0", "m1", "m2"}


async def test_busy_when_too_many_requests_in_flight(daemon):
    async with connect(daemon) as ws:
        for i in range(4):  # the daemon allows 3 in flight per connection
            await send(ws, {"type": "analyze", "id": f"busy{i}", "text": unique(f"#sleep=0.3 request {i}")})
        replies = {}
        while len(replies) < 4:
            reply = await recv(ws)
            replies[reply.id] = reply
    assert replies["busy3"].type == "error" and replies["busy3"].code == "busy"
    assert all(replies[f"busy{i}"].type == "result" for i in range(3))


async def test_duplicate_id_in_flight_is_refused(daemon):
    async with connect(daemon) as ws:
        await send(ws, {"type": "analyze", "id": "dup", "text": unique("#sleep=0.3 first")})
        await send(ws, {"type": "analyze", "id": "dup", "text": unique("second")})
        first, second = await recv(ws), await recv(ws)
    assert (first.type, first.code) == ("error", "invalid_request")
    assert second.type == "result"


async def test_cancel_drops_the_request(daemon):
    async with connect(daemon) as ws:
        await send(ws, {"type": "analyze", "id": "k1", "text": unique("#sleep=0.5 cancel me")})
        await send(ws, {"type": "cancel", "id": "k1"})
        reply = await recv(ws)
        assert (reply.type, reply.id, reply.code) == ("error", "k1", "cancelled")
        await send(ws, {"type": "cancel", "id": "never-sent"})  # unknown ids are ignored quietly
        await asyncio.sleep(0.8)
        assert await ping_ok(ws)  # and nothing else arrived for k1: the next reply is the pong


async def test_client_disconnect_mid_analysis_is_quiet(daemon):
    async with connect(daemon) as ws:
        await send(ws, {"type": "analyze", "id": "gone", "text": unique("#sleep=0.5 leaving")})
    await asyncio.sleep(0.8)
    async with connect(daemon) as ws:
        [result] = await exchange(ws, {"type": "analyze", "id": "after", "text": unique("“Still here,” 1")})
    assert result.type == "result"
    assert "Traceback" not in daemon.log()


async def test_too_large_text_is_refused_before_analysis(daemon):
    async with connect(daemon) as ws:
        [error] = await exchange(ws, {"type": "analyze", "id": "big", "text": "x" * 20001})
        assert (error.type, error.code) == ("error", "too_large")
        [error] = await exchange(ws, {"type": "analyze", "id": "big2", "blocks": ["x" * 10000, "y" * 10000]})
        assert error.code == "too_large"  # 20,000 characters plus the separator
        assert await ping_ok(ws)


async def test_engine_failure_is_an_internal_error(daemon):
    canary = "CANARY-ENGINE-" + uuid.uuid4().hex
    async with connect(daemon) as ws:
        [error] = await exchange(ws, {"type": "analyze", "id": "boom", "text": f"#raise {canary}"})
        assert (error.type, error.code) == ("error", "internal")
        assert canary not in error.message
        assert await ping_ok(ws)
    assert canary not in daemon.log()


# --- bad input: every frame gets a typed error and the connection stays usable ---------------------------

BAD_FRAMES = [
    ("not json", "bad_json", None),
    ("{", "bad_json", None),
    ("", "bad_json", None),
    ("[]", "invalid_request", None),
    ('"a string"', "invalid_request", None),
    ("null", "invalid_request", None),
    ("12", "invalid_request", None),
    ('{"type":"analyze"}', "invalid_request", None),
    ('{"type":"analyze","id":"x1"}', "invalid_request", "x1"),
    ('{"type":"analyze","id":"x2","text":5}', "invalid_request", "x2"),
    ('{"type":"analyze","id":"x3","blocks":"not a list"}', "invalid_request", "x3"),
    ('{"type":"analyze","id":"x4","blocks":[1,2]}', "invalid_request", "x4"),
    ('{"type":"analyze","id":"x5","text":"a","stream":[]}', "invalid_request", "x5"),
    ('{"type":"analyze","id":"x6","text":"a","surprise":1}', "invalid_request", "x6"),
    ('{"type":"nope","id":"x7"}', "invalid_request", "x7"),
    ('{"type":7,"id":"x8"}', "invalid_request", "x8"),
    ('{"id":"x9"}', "invalid_request", "x9"),
    ('{"type":"ping","v":2,"id":"x10"}', "unsupported_version", "x10"),
    ('{"type":"analyze","v":0,"id":"x11","text":"a"}', "unsupported_version", "x11"),
    ('{"type":"ping","v":"one"}', "invalid_request", None),
    ('{"type":"ping","id":' + '"' + "i" * 129 + '"}', "invalid_request", None),
    ('{"type":"ping","id":1e999}', "invalid_request", None),
    ('{"type":"ping","id":123}', "invalid_request", None),
    ('{"type":"ping","v":' + "9" * 5000 + "}", "bad_json", None),
    ('{"type":"ping","v":99999999999999999999999999}', "unsupported_version", None),
    ('{"type":"analyze","id":"x12","text":"a","v":NaN}', "invalid_request", "x12"),
    ("[" * 100_000 + "]" * 100_000, "bad_json", None),
    ('{"type":"ping","deep":' + "[" * 50_000 + "]" * 50_000 + "}", "bad_json", None),
    ('{"type":"ping","deep":' + '{"a":' * 300 + "1" + "}" * 300 + "}", "invalid_request", None),
    ('{"type":"cancel"}', "invalid_request", None),
    ('{"type":"analyze","id":"","text":"a"}', "invalid_request", None),
    # Strict types: nothing is converted, so a wrong type never passes for a right value.
    ('{"type":"ping","v":"1","id":"s1"}', "invalid_request", "s1"),
    ('{"type":"ping","v":true,"id":"s2"}', "invalid_request", "s2"),
    ('{"type":"ping","v":1.0,"id":"s3"}', "invalid_request", "s3"),
    ('{"type":"analyze","v":"1","id":"s4","text":"a"}', "invalid_request", "s4"),
    ('{"type":"analyze","id":"s5","text":"a","stream":"yes"}', "invalid_request", "s5"),
    ('{"type":"analyze","id":"s6","text":"a","stream":1}', "invalid_request", "s6"),
    ('{"type":"analyze","id":"s7","text":"a","stream":"true"}', "invalid_request", "s7"),
    ('{"type":"analyze","id":"s8","text":"a","page":7}', "invalid_request", "s8"),
    ('{"type":"analyze","id":"s9","text":"a","page":""}', "invalid_request", "s9"),
    ('{"type":"cancel","v":1.0,"id":"s10"}', "invalid_request", "s10"),
    ('{"type":"analyze","id":"s11","text":"a","page":"p","replace":"true"}', "invalid_request", "s11"),
]


@pytest.mark.parametrize("frame,code,request_id", BAD_FRAMES, ids=[f"{c}:{f[:30]}" for f, c, _ in BAD_FRAMES])
async def test_bad_frame_gets_typed_error(daemon, frame, code, request_id):
    async with connect(daemon) as ws:
        await send(ws, frame)
        error = await recv(ws)
        assert error.type == "error"
        assert (error.code, error.id) == (code, request_id)
        assert len(error.message) < 500
        assert await ping_ok(ws)


async def test_binary_frame_gets_bad_json(daemon):
    async with connect(daemon) as ws:
        await ws.send(json.dumps({"type": "ping"}).encode())
        error = await recv(ws)
        assert (error.type, error.code) == ("error", "bad_json")
        assert await ping_ok(ws)


async def test_invalid_utf8_closes_with_1007(daemon):
    async with connect(daemon) as ws:
        await ws.send(b'{"type":"ping","id":"\xff\xfe"}', text=True)
        with pytest.raises(websockets.ConnectionClosed):
            await recv(ws)
        assert ws.close_code == 1007
    async with connect(daemon) as ws:  # the daemon is unaffected
        assert await ping_ok(ws)


async def test_oversized_message_closes_with_1009(daemon):
    async with connect(daemon) as ws:
        await send(ws, {"type": "analyze", "id": "huge", "text": "x" * 300_000})
        with pytest.raises(websockets.ConnectionClosed):
            await recv(ws)
        assert ws.close_code == 1009
    async with connect(daemon) as ws:
        assert await ping_ok(ws)


async def test_stream_partials_name_the_clients_blocks(daemon):
    # A block may itself contain a blank line; partial ranges still index the blocks as sent.
    blocks = [f"Block {i} first half.\n\nBlock {i} second half “q{i},” 1. " + "filler " * 150 for i in range(6)]
    async with connect(daemon) as ws:
        replies = await exchange(ws, {"type": "analyze", "id": "nb", "blocks": blocks, "stream": True})
    partials = replies[:-1]
    assert partials and all(0 <= p.blocks[0] < p.blocks[1] <= len(blocks) for p in partials)
    joined = "\n\n".join(blocks)
    for span in (s for p in partials for s in p.spans):
        assert u16(joined, span.start, span.end) == span.text


async def test_page_text_title_url_and_token_never_reach_the_log(daemon):
    """A canary through every path, at DEBUG, in the real daemon's stderr log."""
    canary = "CANARY-" + uuid.uuid4().hex
    blocks = [f"“{canary} {i},” said {canary}. " * 20 for i in range(5)]
    async with connect(daemon) as ws:
        for request in [
            {"type": "analyze", "id": "l1", "text": f"“{canary}” 1", "url": f"https://{canary}.example/", "title": canary},
            {"type": "analyze", "id": "l2", "blocks": blocks, "stream": True, "url": f"https://x.example/{canary}"},
            {"type": "analyze", "id": "l3", "text": canary * 2000},
            {"type": "analyze", "id": "l4", "text": f"#raise {canary}"},
            {"type": "analyze", "id": "l5", "text": canary, canary: 1},
        ]:
            replies = await exchange(ws, request)
            assert replies[-1].type in ("result", "error")
        await send(ws, f'{{"type":"{canary}","id":"l6"}}')
        await send(ws, f'{{"text":"{canary}"')
        await recv(ws), await recv(ws)
        assert await ping_ok(ws)
    with pytest.raises(websockets.InvalidStatus):
        async with connect(daemon, origin=f"https://{canary}.example",
                           additional_headers={"Authorization": f"Bearer {canary}"}):
            pass
    await asyncio.sleep(0.2)
    log = daemon.log()
    assert "request 'l1'" in log  # the requests were logged, at DEBUG
    assert canary not in log
    assert daemon.token not in log
    assert "Traceback" not in log


# --- RFC 6455 §5.1: a client frame without the mask bit closes the connection with 1002 ------------------


def raw_websocket(daemon) -> socket.socket:
    """A WebSocket opened by hand, as the extension (its Origin), so frames can be written bit by bit."""
    key = base64.b64encode(os.urandom(16)).decode()
    sock = socket.create_connection(("127.0.0.1", daemon.port), timeout=10)
    sock.sendall((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{daemon.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: {ORIGIN}\r\n\r\n").encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(1)
    assert response.startswith(b"HTTP/1.1 101")
    return sock


def ws_frame(payload: bytes, *, masked: bool, opcode: int = 0x1) -> bytes:
    mask_bit = 0x80 if masked else 0
    n = len(payload)
    if n < 126:
        header = bytes([0x80 | opcode, mask_bit | n])
    elif n < 65536:
        header = bytes([0x80 | opcode, mask_bit | 126]) + n.to_bytes(2, "big")
    else:
        header = bytes([0x80 | opcode, mask_bit | 127]) + n.to_bytes(8, "big")
    if not masked:
        return header + payload
    key = os.urandom(4)
    return header + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def read_ws_frame(sock: socket.socket) -> tuple[int, bytes]:
    def exactly(n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    first, second = exactly(2)
    n = second & 0x7F
    if n == 126:
        n = int.from_bytes(exactly(2), "big")
    elif n == 127:
        n = int.from_bytes(exactly(8), "big")
    return first & 0x0F, exactly(n)


def close_code_after(sock: socket.socket) -> int:
    while True:
        opcode, payload = read_ws_frame(sock)
        if opcode == 0x8:
            return int.from_bytes(payload[:2], "big")


@pytest.mark.parametrize("size", [10, 300, 70_000], ids=["7-bit", "16-bit", "64-bit length"])
def test_masked_frames_of_every_length_form_are_read(daemon, size):
    with raw_websocket(daemon) as sock:
        sock.sendall(ws_frame(json.dumps({"type": "ping", "id": "m", "pad": "x" * size}).encode(), masked=True))
        opcode, payload = read_ws_frame(sock)
        assert opcode == 0x1 and json.loads(payload)["code"] == "invalid_request"  # an extra field: read, and refused
        sock.sendall(ws_frame(b'{"type":"ping","id":"ok"}', masked=True))
        assert json.loads(read_ws_frame(sock)[1])["type"] == "pong"


@pytest.mark.parametrize("before", [0, 1, 3])
def test_an_unmasked_frame_closes_the_connection_with_1002(daemon, before):
    with raw_websocket(daemon) as sock:
        for i in range(before):  # masked frames first, one of them long: the guard follows the stream
            padding = "p" * (70_000 if i == 1 else 20)
            sock.sendall(ws_frame(json.dumps({"type": "ping", "id": f"b{i}", "pad": padding}).encode(), masked=True))
            assert json.loads(read_ws_frame(sock)[1])["code"] == "invalid_request"
        sock.sendall(ws_frame(b'{"type":"ping","id":"bare"}', masked=False))
        assert close_code_after(sock) == 1002  # and no pong first
    with raw_websocket(daemon) as sock:  # the daemon is unaffected
        sock.sendall(ws_frame(b'{"type":"ping","id":"after"}', masked=True))
        assert json.loads(read_ws_frame(sock)[1])["type"] == "pong"


def test_an_unmasked_frame_right_behind_the_handshake_is_refused_too(daemon):
    key = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=10) as sock:
        sock.sendall((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{daemon.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: {ORIGIN}\r\n\r\n").encode()
                     + ws_frame(b'{"type":"ping","id":"early"}', masked=False))
        response = b""
        while b"\r\n\r\n" not in response:
            response += sock.recv(1)
        assert response.startswith(b"HTTP/1.1 101")
        assert close_code_after(sock) == 1002
