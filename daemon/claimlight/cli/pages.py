"""`claimlight pages DIR|PAGE …`: how well the extension finds the article on real-world page shapes.

Starts a private daemon and headless Chromium with the built extension, opens every page that has a
`<name>.gold.json` beside it, waits for the analysis and scores what the extension analysed and
painted against the gold (`claimlight.evaluation.pages`; the gold format is described in
seeds/pages/corpus/README.md). Needs a checkout with the extension built (`make extension`),
Playwright and Chromium, as the browser tests do.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from itertools import groupby
from pathlib import Path

from ..evaluation.pages import PageScore, corpus_pages, gold_actor_spans, overall, score_page
from ..testing.browser import REPO

DEFAULT_CORPUS = REPO / "seeds" / "pages" / "corpus"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pages", help="measure the extension's article extraction and highlights on a corpus of pages",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", default=[str(DEFAULT_CORPUS)], metavar="DIR|PAGE",
                   help="directories of pages with gold, or single pages (default: the checkout's seeds/pages/corpus)")
    p.add_argument("--json", action="store_true", help="print every figure as JSON")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S", help="give up on a page after S seconds (default 60)")
    p.set_defaults(func=run)


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(scores: list[PageScore]) -> str:
    total = overall(scores)
    width = max([len(s.name) for s in scores] + [7])
    shape_w = max([len(s.shape) for s in scores] + [5])
    head = (f"{'page':<{width}}  {'shape':<{shape_w}}  {'auto-run':>8}  {'text P':>6}  {'text R':>6}  "
            f"{'quotes':>7}  {'quote R':>7}  {'quote P':>7}  {'actor R':>7}  {'outside':>7}  pass")
    lines = [head, "-" * len(head)]
    for s in scores:
        run_cell = ("yes" if s.auto_run else "no") + ("" if s.detection_ok else " ✗")
        quotes = f"{s.quotes_found}/{s.quotes_total}" if s.article else "—"
        lines.append(f"{s.name:<{width}}  {s.shape:<{shape_w}}  {run_cell:>8}  {fmt(s.extraction.precision):>6}  "
                     f"{fmt(s.extraction.recall):>6}  {quotes:>7}  {fmt(s.quote_recall):>7}  {fmt(s.quote_precision):>7}  "
                     f"{fmt(s.actor_recall):>7}  {len(s.outside):>7}  {'yes' if s.passes else 'no'}")
    lines.append("-" * len(head))
    t = total.as_dict()
    lines.append(f"{'overall':<{width}}  {f'{total.pages} pages':<{shape_w}}  {f'{total.detection_ok}/{total.pages}':>8}  "
                 f"{fmt(t['extraction_precision']):>6}  {fmt(t['extraction_recall']):>6}  "
                 f"{f'{total.quotes_found}/{total.quotes_total}':>7}  {fmt(total.quote_recall):>7}  "
                 f"{fmt(total.quote_precision):>7}  {fmt(total.actor_recall):>7}  {total.outside:>7}  {total.passes}/{total.pages}")
    lines += ["", "auto-run: analysed without being asked (✗: wrong for the page); text P/R: characters of the analysed",
              "text that are article text / of the article text analysed; quote R: gold quotes highlighted; quote P:",
              "quote highlights on gold quotes; actor R: the actor mentions the engine finds in the gold text that",
              "actor highlights cover on the page; outside: highlights of any category outside the article text.", ""]
    failing = [s for s in scores if not s.passes]
    if failing:
        lines.append("What fails:")
        for s in failing:
            lines.append(f"  {s.name}: " + "; ".join(s.failures()))
    return "\n".join(lines)


def _stale_build(harness) -> bool:
    sources = [p for p in (harness.EXTENSION / "src").rglob("*") if p.is_file()]
    built = harness.DIST / "manifest.json"
    return bool(sources) and built.stat().st_mtime < max(p.stat().st_mtime for p in sources)


def measure(pages, timeout: float) -> list[PageScore]:
    from playwright.sync_api import sync_playwright

    from ..testing import browser as harness
    from ..testing.daemon import Daemon
    from ..engine import analyze
    from ..testing.pages import Timing, observe

    timing = Timing(timeout_s=timeout)
    scores: list[PageScore] = []
    with tempfile.TemporaryDirectory(prefix="claimlight-pages-") as tmp, Daemon(Path(tmp) / "daemon", log_level="info") as daemon, \
            sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(Path(tmp) / "profile"), executable_path=harness.CHROMIUM, headless=True,
            viewport={"width": 1280, "height": 800}, args=harness.extension_args())
        try:
            worker = harness.extension_worker(context)
            worker.evaluate("port => chrome.storage.local.set({ daemonPort: port })", daemon.port)
            for directory, group in groupby(pages, key=lambda item: item[0].parent):
                with harness.serve_directory(directory) as site:
                    for html, gold in group:
                        print(f"  {html.name} …", end="", file=sys.stderr, flush=True)
                        actors = gold_actor_spans(gold, analyze)
                        score = score_page(gold, observe(context, worker, f"{site}/{html.name}", timing), actors)
                        print(" ok" if score.passes else " fails", file=sys.stderr)
                        scores.append(score)
        finally:
            context.close()
    return scores


def run(args: argparse.Namespace) -> int:
    from ..testing import browser as harness

    try:
        pages = corpus_pages(args.paths)
    except (OSError, ValueError) as exc:
        print(f"claimlight pages: {exc}", file=sys.stderr)
        return 2
    if not pages:
        print("claimlight pages: no pages with gold found", file=sys.stderr)
        return 2
    if reason := harness.unavailable():
        print(f"claimlight pages: {reason}", file=sys.stderr)
        return 2
    if not (harness.DIST / "manifest.json").exists():
        print("claimlight pages: the extension is not built (make extension)", file=sys.stderr)
        return 2
    if _stale_build(harness):
        print("claimlight pages: warning: extension/dist is older than extension/src (make extension)", file=sys.stderr)
    try:
        scores = measure(pages, args.timeout)
    except RuntimeError as exc:  # the daemon did not start
        print(f"claimlight pages: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"pages": [s.as_dict() for s in scores], "overall": overall(scores).as_dict()}, indent=2, ensure_ascii=False))
    else:
        print(table(scores))
    return 0
