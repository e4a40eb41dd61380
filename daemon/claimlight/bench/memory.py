"""Figure 5: the daemon's memory (parent and workers) after start and as 1,000 different articles go by.

Four clients keep both workers busy. RSS is sampled every quarter of the run: it must level off
once the result cache is full (256 entries by default) and the workers' memory zones free what
each page added. PSS (shared pages split between processes) is reported alongside RSS.
"""

from __future__ import annotations

import asyncio

from . import corpus
from ..testing.client import connect_local
from ..testing.daemon import Daemon
from .client import analyze
from .report import Row

ARTICLES = 1000
CLIENTS = 4
TARGET_TOTAL_MB = 500.0
TARGET_GROWTH_MB = 20.0


def run(daemon: Daemon, quick: bool, at_start: dict) -> tuple[list[Row], dict]:
    total = 100 if quick else ARTICLES
    checkpoints = [total * k // 4 for k in range(1, 5)]
    samples = asyncio.run(_feed(daemon, total, checkpoints))
    details = {"at_start": at_start, "after": samples, "articles": total, "words_each": corpus.words(corpus.article(40_000))}
    half, last = samples[checkpoints[1]], samples[checkpoints[-1]]
    rows = [
        Row("memory.start_rss_mb", "RSS after start (daemon + workers)", at_start["rss_mb"], "MB",
            note=f"PSS {at_start['pss_mb']:.0f} MB"),
        *[Row(f"memory.rss_after_{n}_mb", f"RSS after {n:,} articles", samples[n]["rss_mb"], "MB",
              ("<=", TARGET_TOTAL_MB) if n == checkpoints[-1] else None, note=f"PSS {samples[n]['pss_mb']:.0f} MB")
          for n in checkpoints],
        Row("memory.growth_mb", f"RSS growth from {checkpoints[1]:,} to {checkpoints[-1]:,} articles",
            last["rss_mb"] - half["rss_mb"], "MB", ("<=", TARGET_GROWTH_MB)),
    ]
    return rows, details


async def _feed(daemon: Daemon, total: int, checkpoints: list[int]) -> dict[int, dict]:
    samples: dict[int, dict] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(i)
    done = 0

    async def client(c: int) -> None:
        nonlocal done
        async with connect_local(daemon) as ws:
            while not queue.empty():
                i = queue.get_nowait()
                timing = await analyze(ws, f"m{i}", text=corpus.article(40_000 + i))
                if timing.reply["type"] != "result" or timing.reply["cached"]:
                    raise RuntimeError(f"article {i}: {timing.reply.get('type')} {timing.reply.get('code')}")
                done += 1
                if done in checkpoints:
                    samples[done] = daemon.memory()

    await asyncio.gather(*(client(c) for c in range(CLIENTS)))
    return samples
