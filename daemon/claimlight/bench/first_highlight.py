"""Figure 3: time to the first highlight of a 10,000-word page sent with `stream: true`.

The page goes as paragraph blocks, as the extension sends it. The first `partial` reply carries
the highlights of the first block or two; the `result` follows with the whole page.
"""

from __future__ import annotations

import asyncio

from . import corpus
from ..testing.client import connect_local
from ..testing.daemon import Daemon
from .client import analyze
from .report import Row, median

WORDS = 10_000
TARGET_FIRST_PARTIAL_MS = 300.0


def run(daemon: Daemon, quick: bool) -> tuple[list[Row], dict]:
    n = 2 if quick else 5
    pages = [corpus.article(20_000 + i, WORDS).split(corpus.PARAGRAPH) for i in range(n)]
    samples = asyncio.run(_measure(daemon, pages))
    first = [s["first_partial_ms"] for s in samples]
    total = [s["result_ms"] for s in samples]
    details = {"words": [sum(corpus.words(b) for b in p) for p in pages], "blocks": [len(p) for p in pages], "samples": samples}
    rows = [
        Row("stream.first_partial_ms", f"{WORDS:,}-word page, first partial", median(first), "ms", ("<=", TARGET_FIRST_PARTIAL_MS),
            note=f"median of {n}"),
        Row("stream.result_ms", f"{WORDS:,}-word page, whole result", median(total), "ms"),
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
            samples.append({"first_partial_ms": timing.first_partial_ms, "result_ms": timing.total_ms, "partials": timing.partials})
    return samples
