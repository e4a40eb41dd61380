"""Fair and cancellable work against a real daemon (stub engine, one worker): cancelled work stops
where it runs, a newer request for a page replaces the older, a light client is not stuck behind
a heavy one, and budgets answer `busy`.

Timing bounds here are generous on purpose (a loaded 2-CPU machine); `claimlight bench` reports
the real figures (docs/bench.md, "fairness").
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from claimlight.server.app import create_app
from claimlight.settings.config import Config
from daemon_harness import ORIGIN, REPLY, connect, exchange, recv, send, start_daemon

LONG_WORK = 30  # seconds a cancelled request would hold the worker if it were not stopped


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    d = start_daemon(tmp_path_factory.mktemp("sched"), "--workers", "1", "--max-inflight", "4",
                     "--max-chars-per-connection", "3000", "--request-timeout", "60")
    yield d
    d.stop()


def unique(text: str) -> str:
    return f"{text} {uuid.uuid4().hex}"


async def answered_within(daemon, seconds: float) -> float:
    """Time a fresh small request takes on a new connection (fails past `seconds`)."""
    started = time.monotonic()
    async with connect(daemon) as ws:
        [result] = await exchange(ws, {"type": "analyze", "id": "probe", "text": unique("“Next,” 1")}, timeout=seconds)
    assert result.type == "result"
    return time.monotonic() - started


async def test_cancel_stops_work_that_is_already_running(one_worker):
    [worker] = one_worker.workers()
    async with connect(one_worker) as ws:
        await send(ws, {"type": "analyze", "id": "long", "text": unique(f"#work={LONG_WORK}")})
        await asyncio.sleep(0.5)  # running in the worker by now
        await send(ws, {"type": "cancel", "id": "long"})
        reply = await recv(ws)
        assert (reply.type, reply.id, reply.code) == ("error", "long", "cancelled")
        [result] = await exchange(ws, {"type": "analyze", "id": "after", "text": unique("“After,” 2")}, timeout=LONG_WORK / 3)
        assert result.type == "result"
    assert one_worker.workers() == [worker]  # stopped at a checkpoint, not killed


async def test_a_disconnect_stops_work_that_is_already_running(one_worker):
    [worker] = one_worker.workers()
    async with connect(one_worker) as ws:
        await send(ws, {"type": "analyze", "id": "gone", "text": unique(f"#work={LONG_WORK}")})
        await asyncio.sleep(0.5)
    await answered_within(one_worker, LONG_WORK / 3)
    assert one_worker.workers() == [worker]
    assert "free" in one_worker.log() and "after a cancel" in one_worker.log()


async def test_a_newer_request_with_replace_cancels_the_pages_older_ones(one_worker):
    [worker] = one_worker.workers()
    async with connect(one_worker) as ws:
        await send(ws, {"type": "analyze", "id": "v1", "page": "tab-3", "text": unique(f"#work={LONG_WORK}")})
        await send(ws, {"type": "analyze", "id": "other", "page": "tab-4", "text": unique("“Other tab,” 4")})
        # Without "replace" a request of the same page is more of it (new paragraphs), not a replacement.
        await send(ws, {"type": "analyze", "id": "more", "page": "tab-3", "text": unique("“More of the page,” 5")})
        await asyncio.sleep(0.5)
        await send(ws, {"type": "ping", "id": "still"})
        assert (await recv(ws)).type == "pong"  # nothing for v1 first: it runs on, "more" waits its turn
        await send(ws, {"type": "analyze", "id": "v2", "page": "tab-3", "replace": True, "text": unique("“Changed,” 3")})
        replies = {}
        while len(replies) < 4:
            reply = await recv(ws, timeout=LONG_WORK / 3)
            replies.setdefault(reply.id, reply)
    assert replies["other"].type == "result"  # another page of the connection: untouched
    for rid in ("v1", "more"):
        assert (replies[rid].type, replies[rid].code) == ("error", "cancelled")
        assert "newer request" in replies[rid].message
    assert replies["v2"].type == "result"
    assert one_worker.workers() == [worker]


async def test_a_runaway_cancelled_analysis_costs_one_worker_restart(one_worker):
    [worker] = one_worker.workers()
    async with connect(one_worker) as ws:
        await send(ws, {"type": "analyze", "id": "runaway", "text": unique(f"#sleep={LONG_WORK}")})
        await asyncio.sleep(0.5)
        await send(ws, {"type": "cancel", "id": "runaway"})
        assert (await recv(ws)).code == "cancelled"
    await answered_within(one_worker, LONG_WORK)  # after the kill and the replacement's model load
    assert worker not in one_worker.workers()
    assert "analysis worker restarted (a cancelled analysis did not stop)" in one_worker.log()


async def test_a_light_client_is_not_stuck_behind_a_heavy_one(one_worker):
    async with connect(one_worker) as heavy, connect(one_worker) as light:
        for i in range(3):
            await send(heavy, {"type": "analyze", "id": f"h{i}", "text": unique("#work=1.5")})
        await asyncio.sleep(0.5)  # h0 runs, h1 and h2 wait
        await send(light, {"type": "analyze", "id": "l0", "text": unique("“Light,” 5")})
        finished: list[tuple[float, str]] = []

        async def gather(ws, ids):
            for _ in ids:
                reply = await recv(ws, timeout=20)
                assert reply.type == "result"
                finished.append((time.monotonic(), reply.id))

        await asyncio.gather(gather(heavy, "h0 h1 h2".split()), gather(light, ["l0"]))
    order = [rid for _, rid in sorted(finished)]
    # First come, first served would answer l0 last; fairly, it comes right after the running h0.
    assert order.index("l0") < order.index("h1"), order


async def test_characters_in_flight_per_connection_are_bounded(one_worker):
    async with connect(one_worker) as ws:
        await send(ws, {"type": "analyze", "id": "c1", "text": unique("#work=1 " + "x" * 2000)})
        [busy] = await exchange(ws, {"type": "analyze", "id": "c2", "text": unique("y" * 2000)})
        assert (busy.type, busy.code) == ("error", "busy") and "characters" in busy.message
        assert (await recv(ws, timeout=20)).type == "result"  # c1
        [result] = await exchange(ws, {"type": "analyze", "id": "c3", "text": unique("y" * 2000)})
        assert result.type == "result"  # the budget was given back


async def test_requests_in_flight_on_all_connections_are_bounded(stub_pool):
    client = TestClient(TestServer(create_app(Config(max_requests_in_flight=2), pool=stub_pool), host="127.0.0.1"))
    await client.start_server()
    try:
        first = await client.ws_connect("/ws", origin=ORIGIN)
        second = await client.ws_connect("/ws", origin=ORIGIN)
        for i in range(2):
            await first.send_str(json.dumps({"type": "analyze", "id": f"f{i}", "text": unique("#work=0.5")}))
        await asyncio.sleep(0.1)
        await second.send_str(json.dumps({"type": "analyze", "id": "s0", "text": unique("“Third,” 3")}))
        busy = REPLY.validate_json((await second.receive(timeout=10)).data)
        assert (busy.id, busy.code) == ("s0", "busy") and "daemon" in busy.message
        for _ in range(2):
            assert REPLY.validate_json((await first.receive(timeout=30)).data).type == "result"
        await second.send_str(json.dumps({"type": "analyze", "id": "s1", "text": unique("“Third,” 3")}))
        assert REPLY.validate_json((await second.receive(timeout=30)).data).type == "result"
        await first.close()
        await second.close()
    finally:
        await client.close()
