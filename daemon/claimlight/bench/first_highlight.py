"""Figure 3: time to the first highlight of a page sent with `stream: true`.

The page goes as paragraph blocks, as the extension sends it. The first `partial` reply carries the
quotations the quotation marks give (`stage: "quotes"`, no parse needed); block previews and the
`result` with the whole page follow. That first reply is timed for pages of every size: a 1,500-word
article, the 10,000-word pages, and a 900,000-character page, whose analysis is cancelled (the
connection closed) once its quotes have come; the figure is the slowest size's median.
"""

from __future__ import annotations

import asyncio
import json
import time

from . import corpus
from ..testing.client import connect_local
from ..testing.daemon import Daemon
from .client import analyze
from .report import Row, median

WORDS = 10_000
TARGET_FIRST_PARTIAL_MS = 300.0
TARGET_EARLY_QUOTES_MS = 50.0
ARTICLE_WORDS = 1_500


def run(daemon: Daemon, quick: bool) -> tuple[list[Row], dict]:
    n = 2 if quick else 5
    pages = [corpus.article(20_000 + i, WORDS).split(corpus.PARAGRAPH) for i in range(n)]
    samples = asyncio.run(_measure(daemon, pages))
    first = [s["first_partial_ms"] for s in samples]
    total = [s["result_ms"] for s in samples]
    articles = [corpus.article(25_000 + i, ARTICLE_WORDS).split(corpus.PARAGRAPH) for i in range(n)]
    early = {f"{ARTICLE_WORDS:,} words": [s["quotes_ms"] for s in asyncio.run(_measure(daemon, articles))],
             f"{WORDS:,} words": [s["quotes_ms"] for s in samples],
             f"{corpus.HUGE_CHARS:,} characters": [asyncio.run(_huge_quotes(daemon, 60_000 + i)) for i in range(1 if quick else 3)]}
    medians = {size: median(ms) for size, ms in early.items()}
    slowest = max(medians, key=medians.get)
    details = {"words": [sum(corpus.words(b) for b in p) for p in pages], "blocks": [len(p) for p in pages], "samples": samples,
               "early_quotes_ms": early}
    rows = [
        Row("stream.first_partial_ms", f"{WORDS:,}-word page, first partial", median(first), "ms", ("<=", TARGET_FIRST_PARTIAL_MS),
            note=f"median of {n}"),
        Row("stream.result_ms", f"{WORDS:,}-word page, whole result", median(total), "ms"),
        Row("stream.early_quotes_ms", "first partial (quotes from their marks), slowest page size", medians[slowest], "ms",
            ("<=", TARGET_EARLY_QUOTES_MS), note=", ".join(f"{size} {ms:.0f} ms" for size, ms in medians.items())),
    ]
    return rows, details


async def _measure(daemon: Daemon, pages: list[list[str]]) -> list[dict]:
    samples = []
    async with connect_local(daemon) as ws:
        for i, blocks in enumerate(pages):
            timing = await analyze(ws, f"page-{i}", blocks=blocks, stream=True)
            if timing.reply["type"] != "result":
                raise RuntimeError(f"the daemon answered {timing.reply.get('code')}: {timing.reply.get('message')}")
            if timing.first_partial_ms is None:
                raise RuntimeError("no partial reply for a 10,000-word page")
            if "quotes" not in timing.stages:
                raise RuntimeError("no early quotes for a page with quotations")
            samples.append({"first_partial_ms": timing.first_partial_ms, "result_ms": timing.total_ms, "partials": timing.partials,
                            "quotes_ms": timing.stages["quotes"]})
    return samples


async def _huge_quotes(daemon: Daemon, seed: int) -> float:
    """The first partial of a 900,000-character page; the connection is closed then, which cancels the rest."""
    blocks = corpus.prose(corpus.HUGE_CHARS, first=seed).split(corpus.PARAGRAPH)
    frame = json.dumps({"type": "analyze", "id": "huge", "stream": True, "blocks": blocks})
    async with connect_local(daemon) as ws:
        start = time.perf_counter()
        await ws.send(frame)
        while True:
            reply = json.loads(await asyncio.wait_for(ws.recv(), 600))
            if reply.get("id") != "huge":
                continue
            if reply["type"] != "partial" or reply.get("stage") != "quotes":
                raise RuntimeError(f"the first reply to a {corpus.HUGE_CHARS:,}-character page was {reply['type']} {reply.get('stage')}")
            elapsed = (time.perf_counter() - start) * 1000
            break
    await asyncio.sleep(2.0)  # the cancelled work leaves the workers (well under a second, `fairness`)
    return elapsed
