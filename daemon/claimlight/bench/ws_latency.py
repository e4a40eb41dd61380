"""Figure 2: WebSocket round trip for a 1,500-word article, measured at the client.

* first: the first request a freshly started daemon gets (one sample per start);
* warm: different articles one after the other, none cached;
* cached: the same article again (the daemon's LRU cache answers).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from . import corpus
from ..testing.client import connect_local
from ..testing.daemon import Daemon
from .client import analyze
from .report import Row, median, percentile

WORDS = 1500
TARGET_WARM_P50_MS = 350.0
TARGET_CACHED_P50_MS = 20.0


def run(daemon: Daemon, quick: bool, fresh_daemon: Callable[[], Daemon] | None = None) -> tuple[list[Row], dict]:
    """`daemon` must not have analysed anything yet; `fresh_daemon` starts more for more first-request samples."""
    warm_n, cached_n, starts = (5, 10, 1) if quick else (25, 40, 3)
    texts = corpus.articles(warm_n + 1, WORDS, first=10_000)
    first = [asyncio.run(_first(daemon, texts[0]))]
    for _ in range(starts - 1):
        if fresh_daemon is None:
            break
        extra = fresh_daemon()
        try:
            first.append(asyncio.run(_first(extra, texts[0])))
        finally:
            extra.stop()
    warm, cached = asyncio.run(_warm_and_cached(daemon, texts[1:], cached_n))
    details = {"words": [corpus.words(t) for t in texts], "first_ms": first, "warm_ms": warm, "cached_ms": cached}
    rows = [
        Row("latency.first_ms", f"{WORDS:,}-word article, first request after start", median(first), "ms",
            note=f"median of {len(first)} start(s)"),
        Row("latency.warm_p50_ms", f"{WORDS:,}-word article, warm p50", percentile(warm, 50), "ms", ("<=", TARGET_WARM_P50_MS)),
        Row("latency.warm_p95_ms", f"{WORDS:,}-word article, warm p95", percentile(warm, 95), "ms"),
        Row("latency.cached_p50_ms", f"{WORDS:,}-word article, cached p50", percentile(cached, 50), "ms", ("<=", TARGET_CACHED_P50_MS)),
        Row("latency.cached_p95_ms", f"{WORDS:,}-word article, cached p95", percentile(cached, 95), "ms"),
    ]
    return rows, details


async def _first(daemon: Daemon, text: str) -> float:
    async with connect_local(daemon) as ws:
        timing = await analyze(ws, "first", text=text)
    _check(timing.reply)
    return timing.total_ms


async def _warm_and_cached(daemon: Daemon, texts: list[str], cached_n: int) -> tuple[list[float], list[float]]:
    warm, cached = [], []
    async with connect_local(daemon) as ws:
        for i, text in enumerate(texts):
            timing = await analyze(ws, f"warm-{i}", text=text)
            _check(timing.reply, cached=False)
            warm.append(timing.total_ms)
        for i in range(cached_n):
            timing = await analyze(ws, f"cached-{i}", text=texts[0])
            _check(timing.reply, cached=True)
            cached.append(timing.total_ms)
    return warm, cached


def _check(reply: dict, cached: bool | None = None) -> None:
    if reply["type"] != "result":
        raise RuntimeError(f"the daemon answered {reply.get('type')} {reply.get('code')}: {reply.get('message')}")
    if cached is not None and reply["cached"] is not cached:
        raise RuntimeError(f"expected cached={cached}, got {reply['cached']}")
