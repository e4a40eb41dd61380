"""Figure: a live blog. A 3,000-word page, then the same page with one new 60-word entry.

The page is analysed from scratch first (none of its paragraphs seen before, as one request with
the whole text, the fastest way to analyse it), then the extension's next request for it: the whole
page again, with the new entry, streamed and superseding (`replace`). The daemon has kept the
page's paragraph parses, so it parses the entry and analyses the whole page. (The paragraph before
the entry, whose ending changed, was parsed by an idle worker once the page was first analysed,
`server.foresight`.) The figure is the ratio of the two round trips, per page, median over
the pages; both are measured in the same run on the same daemon, so the machine's speed cancels.

The update goes PAUSE_S after the first result, not at once: the extension never sends a page's
next request sooner than a few seconds after the one before (`MIN_GAP_MS` in the extension's
content/storm.js), so a real update never meets the daemon still busy with the idle work the
page's first analysis left (the parse ahead, which an update sent at once waits for, then
parses its entry after it on the same worker).

The pages go once the daemon's workers have settled (`testing.daemon.settle`): a worker
started a moment ago spends its first second or more of CPU making its lexemes between jobs
(`server.worker`), on the other worker's core while one analyses, and with its own record of the
strings it holds for good not yet made (`engine.parsed`). Run after the bench's other sections,
as in `make bench`, it has long finished; run alone (`--only live`), on a fresh daemon, the first
pages' updates took a fifth to a third longer for it. A live blog is read long after its daemon started.

The update's result is checked against an analysis of the same text from scratch in this process,
span for span, actor for actor and figure for figure of the ledger. Then the update's work is done
again in this process, step by step, to say where its time goes (`bench.live_stages`).
"""

from __future__ import annotations

import asyncio

from . import corpus, live_stages
from ..testing.client import connect_local
from ..testing.daemon import Daemon, settle
from .client import analyze
from .report import Row, median

WORDS = 3000
ENTRY_WORDS = 60
TARGET_RATIO = 0.10
# Between the page's first result and its update (see the module docstring); well under the
# extension's own gap, and ample for the one paragraph parsed ahead.
PAUSE_S = 1.0
# The steps of an update shown in the table (`live_stages`; every step is in results.json).
STAGE_ROWS = (("parse_ms", "parse the new paragraphs", "parse the new paragraphs"),
              ("rebuild_ms", "rebuild the document", "rebuild the document from bytes"),
              ("extract_ms", "extraction over the whole page", "extraction, all passes"),
              ("all_ms", "all steps (scratch in one process: see details)", "update, all steps"))


def entry(i: int) -> str:
    """A new entry of about ENTRY_WORDS words: one paragraph of another article, stamped."""
    paragraphs = corpus.article(70_000 + i, 600).split(corpus.PARAGRAPH)[1:]
    body = min(paragraphs, key=lambda p: abs(corpus.words(p) - ENTRY_WORDS))
    return f"{9 + i % 9}:{(i * 7) % 60:02d} — {body}"


def run(daemon: Daemon, quick: bool) -> tuple[list[Row], dict]:
    n = 2 if quick else 5
    pages = [corpus.article(60_000 + i, WORDS).split(corpus.PARAGRAPH) for i in range(n)]
    settled_s = settle(daemon.workers())
    samples = asyncio.run(_measure(daemon, pages))
    mismatches = _check(pages, samples)
    ratios = [s["update_ms"] / s["scratch_ms"] for s in samples]
    texts = [corpus.PARAGRAPH.join(p) for p in pages]
    stages = live_stages.measure(texts, [corpus.PARAGRAPH.join([*p, entry(i)]) for i, p in enumerate(pages)])
    details = {"words": [corpus.words(corpus.PARAGRAPH.join(p)) for p in pages], "entry_words": [corpus.words(entry(i)) for i in range(n)],
               "samples": [{k: v for k, v in s.items() if k != "reply"} for s in samples], "mismatches": mismatches, "stages_ms": stages,
               "settled_s": round(settled_s, 2)}
    rows = [
        Row("live.scratch_ms", f"{WORDS:,}-word page from scratch", median([s["scratch_ms"] for s in samples]), "ms"),
        Row("live.update_ms", f"…then with a new {ENTRY_WORDS}-word entry", median([s["update_ms"] for s in samples]), "ms"),
        Row("live.update_ratio", "live update / from scratch", median(ratios), "×", ("<=", TARGET_RATIO), note=f"median of {n} pages"),
        Row("live.identical_pct", "update identical to from scratch (spans, actors, ledger)",
            100.0 * (n - len(mismatches)) / n, "%", (">=", 100.0)),
        *[Row(f"live.stage.{key}", f"  update step, in one process: {label}", stages[name], "ms", note="median; all steps in details")
          for key, label, name in STAGE_ROWS],
    ]
    return rows, details


async def _measure(daemon: Daemon, pages: list[list[str]]) -> list[dict]:
    samples = []
    async with connect_local(daemon) as ws:
        for i, blocks in enumerate(pages):
            scratch = await analyze(ws, f"live-{i}-a", text=corpus.PARAGRAPH.join(blocks))
            await asyncio.sleep(PAUSE_S)
            grown = [*blocks, entry(i)]
            update = await analyze(ws, f"live-{i}-b", blocks=grown, stream=True, page=f"page-{i}")
            for t in (scratch, update):
                if t.reply["type"] != "result" or t.reply["cached"]:
                    raise RuntimeError(f"the daemon answered {t.reply.get('type')} {t.reply.get('code')} (cached: {t.reply.get('cached')})")
            samples.append({"scratch_ms": scratch.total_ms, "update_ms": update.total_ms,
                            "early_quotes_ms": update.stages.get("quotes"), "reply": update.reply})
    return samples


def _check(pages: list[list[str]], samples: list[dict]) -> list[int]:
    """The pages whose update differs from the analysis of the same text from scratch."""
    from ..engine.jobs import analyze_text
    from ..engine.nlp import load_nlp
    from ..protocol import Analysis
    from ..server.offsets import analysis_to_utf16

    nlp = load_nlp()
    bad = []
    for i, (blocks, sample) in enumerate(zip(pages, samples)):
        text = corpus.PARAGRAPH.join([*blocks, entry(i)])
        expected = analysis_to_utf16(Analysis.model_validate(analyze_text(nlp, text)), text).model_dump(mode="json")
        got = sample["reply"]
        if [got["spans"], got["actors"], got["ledger"]] != [expected["spans"], expected["actors"], expected["ledger"]]:
            bad.append(i)
    return bad
