"""Figure 2: WebSocket round trip for a 1,500-word article, measured at the client.

* first: the first request a freshly started daemon gets (one sample per start);
* warm: different articles one after the other, none cached;
* cached: the same article again (the daemon's LRU cache answers);
* warm / bare parse: each warm round trip against the bare parse of the same text, `nlp(text)` with
  the model as shipped, on one core in this process, timed right after it: the machine's speed
  cancels out of the ratio. Below 1 because the daemon parses a long text's pieces on two workers.
"""

from __future__ import annotations

import asyncio
import time
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
    from ..engine.nlp import load_model

    shipped = load_model()
    shipped(texts[0])  # warm-up: first calls allocate
    warm, cached, bare = asyncio.run(_warm_and_cached(daemon, texts[1:], cached_n, shipped))
    details = {"words": [corpus.words(t) for t in texts], "first_ms": first, "warm_ms": warm, "cached_ms": cached, "bare_parse_ms": bare}
    rows = [
        Row("latency.first_ms", f"{WORDS:,}-word article, first request after start", median(first), "ms",
            note=f"median of {len(first)} start(s)"),
        Row("latency.warm_p50_ms", f"{WORDS:,}-word article, warm p50", percentile(warm, 50), "ms", ("<=", TARGET_WARM_P50_MS)),
        Row("latency.warm_p95_ms", f"{WORDS:,}-word article, warm p95", percentile(warm, 95), "ms"),
        Row("latency.bare_parse_ms", f"{WORDS:,}-word article, bare parse on 1 core (in the bench), p50", percentile(bare, 50), "ms"),
        Row("latency.warm_to_bare_ratio", "warm round trip / bare single-core parse of the same text", median([w / b for w, b in zip(warm, bare)]),
            "×", note="per article, median"),
        Row("latency.cached_p50_ms", f"{WORDS:,}-word article, cached p50", percentile(cached, 50), "ms", ("<=", TARGET_CACHED_P50_MS)),
        Row("latency.cached_p95_ms", f"{WORDS:,}-word article, cached p95", percentile(cached, 95), "ms"),
    ]
    return rows, details


async def _first(daemon: Daemon, text: str) -> float:
    async with connect_local(daemon) as ws:
        timing = await analyze(ws, "first", text=text)
    _check(timing.reply)
    return timing.total_ms


async def _warm_and_cached(daemon: Daemon, texts: list[str], cached_n: int, shipped) -> tuple[list[float], list[float], list[float]]:
    warm, cached, bare = [], [], []
    async with connect_local(daemon) as ws:
        for i, text in enumerate(texts):
            timing = await analyze(ws, f"warm-{i}", text=text)
            _check(timing.reply, cached=False)
            warm.append(timing.total_ms)
            start = time.perf_counter()
            shipped(text)  # blocks the loop on purpose: the daemon is idle meanwhile
            bare.append((time.perf_counter() - start) * 1000)
        for i in range(cached_n):
            timing = await analyze(ws, f"cached-{i}", text=texts[0])
            _check(timing.reply, cached=True)
            cached.append(timing.total_ms)
    return warm, cached, bare


def _check(reply: dict, cached: bool | None = None) -> None:
    if reply["type"] != "result":
        raise RuntimeError(f"the daemon answered {reply.get('type')} {reply.get('code')}: {reply.get('message')}")
    if cached is not None and reply["cached"] is not cached:
        raise RuntimeError(f"expected cached={cached}, got {reply['cached']}")
