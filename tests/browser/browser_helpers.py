"""Reading the extension's highlights from a page, shared by the browser tests."""

from __future__ import annotations

import socket
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CATEGORIES = ["quote", "speaker", "reported", "person", "organization", "place", "number", "mention"]

# --- reading highlights from a page -----------------------------------------------------------------

# The highlight registry belongs to the document, so the page's own world sees what the content
# script registered from its isolated world. Names end in a random suffix (claimlight-quote-x1y2z3)
# and the registered ranges are StaticRanges, which have no toString or geometry: `live` makes a
# Range of one. Prepended to the page functions below.
JS_OURS = """const ours = (c) => { for (const [n, h] of CSS.highlights) if (n.startsWith('claimlight-' + c + '-')) return h; return null; };
const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
const texts = (c) => { const h = ours(c); return h ? [...h].map(r => live(r).toString().replace(/\\s+/g, ' ')) : []; };"""


def page_function(params: str, body: str) -> str:
    """A function for page.evaluate that can use `ours(category)`, `live(range)` and `texts(category)`."""
    return f"({params}) => {{ {JS_OURS}\n{body} }}"


READ_HIGHLIGHTS = page_function("categories", "return Object.fromEntries(categories.map(c => [c, texts(c)]));")


def highlights(page) -> dict[str, list[str]]:
    return page.evaluate(READ_HIGHLIGHTS, CATEGORIES)


def wait_for_highlight(page, category: str, text: str, timeout: float = 30_000, analysed: bool = True) -> None:
    """Until a `category` highlight containing `text` is painted, and (`analysed`) the page's analysis
    has arrived: a quote is painted from its marks before it, with everything else."""
    try:
        page.wait_for_function(
            page_function("[c, t]", "return texts(c).some(s => s.includes(t));"),
            arg=[category, text],
            timeout=timeout,
        )
    except Exception as exc:
        raise AssertionError(
            f"no {category} highlight containing {text!r} on {page.url}\n"
            f"highlights: {highlights(page)}\nworker: {worker_state(page)}"
        ) from exc
    if analysed:
        wait_for_analysis(page, timeout / 1000)


def open_page(ext, url: str, quote: str, timeout: float = 30_000):
    """A new tab at `url`, once a quote containing `quote` is painted and the page's analysis has arrived."""
    page = ext.context.new_page()
    page.goto(url)
    wait_for_highlight(page, "quote", quote, timeout=timeout)
    return page


def wait_for_analysis(page, timeout: float = 30.0) -> None:
    """Until the page's analysis has arrived for every block, nothing on its way: quotes are painted
    from their marks before it (early quotes), names, speakers and numbers only with it."""
    worker = page.context.service_workers[0]
    ask = """async url => {
        for (const t of await chrome.tabs.query({})) {
            const got = await chrome.tabs.sendMessage(t.id, { type: 'cl-get-analysed-text' }).catch(() => null);
            if (got && got.url === url) return got.active && !got.pending && got.blocks.every(b => b.done);
        }
        return false;
    }"""
    deadline = time.monotonic() + timeout
    while not worker.evaluate(ask, page.url):
        if time.monotonic() > deadline:
            raise AssertionError(f"the analysis of {page.url} did not arrive\nworker: {worker_state(page)}")
        time.sleep(0.1)


def worker_state(page) -> object:
    """The service worker's view (connection, recent requests), for failure messages."""
    try:
        worker = page.context.service_workers[0]
        return worker.evaluate(
            "() => ({ socket: claimlight.socket.snapshot(), stats: claimlight.stats, pending: claimlight.router.size })"
        )
    except Exception as exc:  # the report must not hide the original failure
        return f"unavailable: {exc}"


def wait_for_no_highlight(page, category: str, timeout: float = 5_000) -> None:
    page.wait_for_function(page_function("c", "const h = ours(c); return !h || h.size === 0;"), arg=category, timeout=timeout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
