"""Worker faults against a real daemon: timeouts, a killed worker, and the pool's recovery."""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid

import pytest

from daemon_harness import alive, connect, exchange, send, recv, start_daemon


@pytest.fixture(scope="module")
def fault_daemon(tmp_path_factory):
    d = start_daemon(tmp_path_factory.mktemp("fault"), "--workers", "1", "--request-timeout", "1.5")
    yield d
    d.stop()


def fresh(text: str) -> str:
    return f"{text} {uuid.uuid4().hex}"


async def wait_for_workers(daemon, exclude: set[int], timeout: float = 10.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = [p for p in daemon.workers() if p not in exclude]
        if workers:
            return workers
        await asyncio.sleep(0.05)
    raise AssertionError("no replacement worker appeared")


async def test_timeout_replies_and_the_stuck_worker_is_replaced(fault_daemon):
    [stuck] = fault_daemon.workers()
    started = time.monotonic()
    async with connect(fault_daemon) as ws:
        [error] = await exchange(ws, {"type": "analyze", "id": "slow", "text": fresh("#sleep=60")})
        assert (error.type, error.id, error.code) == ("error", "slow", "timeout")
        assert 1.4 < time.monotonic() - started < 8
        # The worker stuck in the 60 s analysis is killed rather than left to hold the pool.
        await wait_for_workers(fault_daemon, exclude={stuck})
        for _ in range(100):  # SIGKILL is asynchronous; give the kernel a moment
            if not alive(stuck):
                break
            await asyncio.sleep(0.02)
        assert not alive(stuck)
        [result] = await exchange(ws, {"type": "analyze", "id": "next", "text": fresh("“Back,” 1")})
        assert result.type == "result"
    assert "Traceback" not in fault_daemon.log()


async def test_killed_worker_fails_the_pending_request_then_recovers(fault_daemon):
    async with connect(fault_daemon) as ws:
        await exchange(ws, {"type": "analyze", "id": "warm", "text": fresh("warm")})
        [victim] = fault_daemon.workers()
        await send(ws, {"type": "analyze", "id": "pending", "text": fresh("#sleep=1")})
        await asyncio.sleep(0.3)
        os.kill(victim, signal.SIGKILL)
        error = await recv(ws)
        assert (error.type, error.id, error.code) == ("error", "pending", "internal")
        [result] = await exchange(ws, {"type": "analyze", "id": "after", "text": fresh("“Recovered,” 2")})
        assert result.type == "result"
        assert [s.text for s in result.spans if s.category == "quote"] == ["“Recovered,”"]
    assert victim not in fault_daemon.workers()
    assert "Traceback" not in fault_daemon.log()
    assert "analysis worker restarted (a worker process died)" in fault_daemon.log()
