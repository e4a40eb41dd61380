"""Figure: one page never holds up another. A noisy neighbour, a cancelled page, and a 900,000-character page.

On a freshly started daemon (default settings):

* **noisy neighbour**: a 1,500-word article's round trip alone (median of several different
  articles), then again while another client keeps sending pathological texts (100,000 characters
  of quotation marks, of apostrophes, of JSON) and 900,000-character pages on two of its pages,
  each as soon as the previous one is answered. The ratio of the two medians is the figure: fair
  scheduling keeps it near 1, first come first served made it minutes;
* **cancel to free**: a client sends a 10,000-word page and disconnects half a second later, while
  its pieces run on every worker; another client's short request is timed at once. Its round trip
  minus the same request's round trip on idle workers is how long the cancelled work still held a
  worker;
* **peak RSS**: the daemon's and its workers' resident memory, sampled every 100 ms, at its highest
  while a 900,000-character page is analysed alone, and during the noisy neighbour run.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid

from ..testing.client import connect_local
from ..testing.daemon import Daemon
from . import corpus
from .client import analyze
from .report import Row, median

WORDS = 1500
PATHOLOGICAL_CHARS = 100_000
TARGET_RATIO = 2.0
TARGET_CANCEL_MS = 1000.0
TARGET_RSS_MB = 600.0


def run(daemon: Daemon, quick: bool) -> tuple[list[Row], dict]:
    samples = 3 if quick else 7
    return asyncio.run(_run(daemon, samples))


async def _run(daemon: Daemon, samples: int) -> tuple[list[Row], dict]:
    details: dict = {}
    huge_s, huge_peak = await _huge_alone(daemon)
    details["huge_page"] = {"chars": corpus.HUGE_CHARS, "seconds": None if huge_s is None else round(huge_s, 2), "peak": huge_peak}
    solo = [await _article(daemon, 30_000 + i) for i in range(samples)]
    noisy, neighbour, noisy_peak = await _with_neighbour(daemon, samples)
    details["noisy_neighbour"] = {"solo_ms": solo, "noisy_ms": noisy, "neighbour": neighbour, "peak": noisy_peak}
    cancel = await _cancel_to_free(daemon, max(3, samples // 2))
    details["cancel"] = cancel
    ratio = median(noisy) / median(solo)
    rows = [
        Row("fairness.solo_ms", f"{WORDS:,}-word article alone, p50", median(solo), "ms"),
        Row("fairness.noisy_ms", f"{WORDS:,}-word article next to a noisy neighbour, p50", median(noisy), "ms",
            note=f"{neighbour['answered']} neighbour requests answered, {neighbour['refused']} refused busy"),
        Row("fairness.noisy_ratio", "noisy neighbour: article's p50 with / without", round(ratio, 2), "×", ("<=", TARGET_RATIO)),
        Row("fairness.cancel_to_free_ms", "disconnect mid-analysis → workers free", cancel["held_ms"], "ms",
            ("<=", TARGET_CANCEL_MS), note=f"probe {cancel['probe_after_ms']:.0f} ms vs {cancel['probe_idle_ms']:.0f} ms idle"),
        Row("fairness.huge_page_s", f"{corpus.HUGE_CHARS:,}-character page alone", None if huge_s is None else round(huge_s, 1), "s",
            note="timed out (request_timeout_s)" if huge_s is None else ""),
        Row("fairness.peak_rss_mb", "peak RSS, daemon + workers (900k page, noisy neighbour)",
            max(huge_peak["rss_mb"], noisy_peak["rss_mb"]), "MB", ("<=", TARGET_RSS_MB),
            note=f"900k page alone {huge_peak['rss_mb']:.0f} MB"),
    ]
    return rows, details


async def _article(daemon: Daemon, i: int) -> float:
    async with connect_local(daemon) as ws:
        timing = await analyze(ws, f"a{i}", text=corpus.article(i, WORDS))
    _check(timing.reply)
    return timing.total_ms


class _PeakMemory:
    """The daemon's highest RSS while the block runs, sampled every 100 ms."""

    def __init__(self, daemon: Daemon):
        self.daemon = daemon
        self.peak = daemon.memory()

    async def _sample(self) -> None:
        while True:
            now = self.daemon.memory()
            if now["rss_mb"] > self.peak["rss_mb"]:
                self.peak = now
            await asyncio.sleep(0.1)

    async def __aenter__(self) -> "_PeakMemory":
        self.task = asyncio.create_task(self._sample())
        return self

    async def __aexit__(self, *exc) -> None:
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)


async def _huge_alone(daemon: Daemon) -> tuple[float | None, dict]:
    """Seconds for the 900k page (None if the daemon gave up: `request_timeout_s`), and the peak memory."""
    async with _PeakMemory(daemon) as memory, connect_local(daemon) as ws:
        timing = await analyze(ws, "huge", text=corpus.prose(corpus.HUGE_CHARS, first=40_000), timeout=600)
    if timing.reply["type"] == "error" and timing.reply.get("code") == "timeout":
        return None, memory.peak  # the memory figure still stands: it is what the page cost until then
    _check(timing.reply)
    return timing.total_ms / 1000, memory.peak


async def _with_neighbour(daemon: Daemon, samples: int) -> tuple[list[float], dict, dict]:
    texts = [f(PATHOLOGICAL_CHARS) for f in corpus.PATHOLOGICAL.values()] + [corpus.prose(corpus.HUGE_CHARS, first=50_000)]
    counts = {"answered": 0, "refused": 0, "other": 0}

    async def page(ws, name: str, offset: int) -> None:
        n = offset
        while True:
            # A serial number makes every request new to the cache.
            text = texts[n % len(texts)] + f" {uuid.uuid4().hex}"
            reply = (await analyze(ws, f"{name}-{n}", text=text, timeout=600)).reply
            key = "answered" if reply["type"] == "result" else "refused" if reply.get("code") == "busy" else "other"
            counts[key] += 1
            if key != "answered":
                await asyncio.sleep(0.2)
            n += 1

    async with _PeakMemory(daemon) as memory, connect_local(daemon) as noisy_a, connect_local(daemon) as noisy_b:
        neighbours = [asyncio.create_task(page(noisy_a, "n1", 0)), asyncio.create_task(page(noisy_b, "n2", 2))]
        try:
            await asyncio.sleep(2.0)  # both workers busy with the neighbour by now
            noisy = [await _article(daemon, 31_000 + i) for i in range(samples)]
        finally:
            for task in neighbours:
                task.cancel()
            await asyncio.gather(*neighbours, return_exceptions=True)
    return noisy, counts, memory.peak


async def _probe(daemon: Daemon, tag: str) -> float:
    text = f"“We will see,” said Maria Lopez, the mayor, on Tuesday ({tag})."
    async with connect_local(daemon) as ws:
        timing = await analyze(ws, tag, text=text)
    _check(timing.reply)
    return timing.total_ms


async def _cancel_to_free(daemon: Daemon, trials: int) -> dict:
    idle = [await _probe(daemon, f"idle-{uuid.uuid4().hex}") for _ in range(trials)]
    after = []
    for i in range(trials):
        async with connect_local(daemon) as ws:
            await ws.send(_request(f"long-{i}", corpus.article(60_000 + i, 10_000)))
            await asyncio.sleep(0.5)
        after.append(await _probe(daemon, f"after-{uuid.uuid4().hex}"))
        await asyncio.sleep(1.0)  # let the next trial start on idle workers
    return {"probe_idle_ms": median(idle), "probe_after_ms": median(after), "after_ms": after, "idle_ms": idle,
            "held_ms": round(max(0.0, median(after) - median(idle)), 1)}


def _request(rid: str, text: str) -> str:
    return json.dumps({"type": "analyze", "id": rid, "text": text})


def _check(reply: dict) -> None:
    if reply["type"] != "result":
        raise RuntimeError(f"the daemon answered {reply.get('type')} {reply.get('code')}: {reply.get('message')}")
