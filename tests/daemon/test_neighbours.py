"""One page never holds up another, with the real engine on two workers: a normal article next to a
client that keeps sending pathological and huge texts, and a client that disconnects mid-analysis.

First come, first served made the article wait for minutes and a disconnected page's work run to
its end; the bounds asserted here are loose on purpose (a loaded 2-CPU machine), and
`claimlight bench` reports the figures precisely ("fairness" in docs/bench.md).
"""

from __future__ import annotations

import asyncio
import re
import statistics
import time
import uuid

import pytest

from claimlight.bench import corpus
from daemon_harness import connect, exchange, send, start_daemon

ARTICLE_WORDS = 1500


@pytest.fixture(scope="module")
def real_daemon(tmp_path_factory):
    d = start_daemon(tmp_path_factory.mktemp("neighbours"), "--workers", "2", engine=None, timeout=180)
    yield d
    d.stop()


async def article_ms(daemon, i: int) -> float:
    async with connect(daemon) as ws:
        started = time.perf_counter()
        [reply] = await exchange(ws, {"type": "analyze", "id": f"a{i}", "text": corpus.article(i, ARTICLE_WORDS)}, timeout=120)
        assert reply.type == "result"
        return (time.perf_counter() - started) * 1000


async def test_a_normal_article_is_answered_promptly_next_to_a_noisy_neighbour(real_daemon):
    solo = [await article_ms(real_daemon, 80_000 + i) for i in range(3)]
    texts = [make(100_000) for make in corpus.PATHOLOGICAL.values()] + [corpus.prose(200_000, first=81_000)]
    answered = 0

    async def noisy(ws, page: str) -> None:
        nonlocal answered
        n = 0
        while True:
            text = texts[n % len(texts)] + f" {uuid.uuid4().hex}"
            await exchange(ws, {"type": "analyze", "id": f"{page}-{n}", "page": page, "text": text}, timeout=300)
            answered += 1
            n += 1

    async with connect(real_daemon) as neighbour:
        tasks = [asyncio.create_task(noisy(neighbour, page)) for page in ("tab1", "tab2")]
        try:
            await asyncio.sleep(2.0)  # both workers taken by the neighbour's pieces
            noisy_ms = [await article_ms(real_daemon, 80_100 + i) for i in range(3)]
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    ratio = statistics.median(noisy_ms) / statistics.median(solo)
    print(f"article alone {statistics.median(solo):.0f} ms, next to the neighbour {statistics.median(noisy_ms):.0f} ms "
          f"(×{ratio:.2f}); the neighbour got {answered} answers meanwhile")
    assert ratio < 5, (solo, noisy_ms)


async def test_a_disconnect_mid_analysis_frees_the_workers(real_daemon):
    long_text = corpus.prose(200_000, first=82_000)  # ~35,000 words: tens of seconds of work on two workers
    async with connect(real_daemon) as leaving:
        await send(leaving, {"type": "analyze", "id": "long", "text": long_text})
        await asyncio.sleep(1.0)  # its pieces run on both workers now
    started = time.perf_counter()
    async with connect(real_daemon) as ws:
        [reply] = await exchange(ws, {"type": "analyze", "id": "probe", "text": f"“We will see,” said Maria Lopez. {uuid.uuid4().hex}"},
                                 timeout=60)
    probe_s = time.perf_counter() - started
    assert reply.type == "result"
    assert probe_s < 5, probe_s  # the 200,000 characters would have held both workers for far longer
    await asyncio.sleep(0.5)
    freed = [float(ms) for ms in re.findall(r"free (\d+) ms after a cancel", real_daemon.log())]
    print(f"probe answered {probe_s * 1000:.0f} ms after the disconnect; workers free {freed} ms after the cancel")
    assert freed and max(freed) < 5000
