"""Figure 6, in headless Chromium: page load to painted highlights with the extension (the first
quote, painted from the quotation marks, and the whole analysis), how long the extension's finding
of the article holds the page's main thread, how many analysis requests a page that never stops
changing causes, and the cost of 1,000 highlights drawn with the CSS Custom Highlight API versus
the same ranges wrapped in <mark>.

The page is loaded as on a reader's first visit: its text is new to the daemon, which has no parse
of any of its paragraphs (a daemon of its own, `--parse-cache-mb 0`; every load also changes one
figure, so no analysis is kept for the text either). The same loads against the bench's shared
daemon, which keeps the parses of paragraphs it has seen, are a revisit of a page that changed in
one place: reported, untargeted.

The first quote and the whole analysis are timed from the page's load event (its loadEventStart):
the reader cannot see a highlight before the page itself, so, timed from navigation start, the
ratio of the two has the page's own first paint over the whole as its floor, whatever the
extension does. A first quote painted before the load event counts as 0 ms. The same loads timed
from navigation start stay in the table, untargeted, with the timeline of their steps. The page's
first contentful paint is taken with the extension and, in the same run, load for load, in a
browser without it: the extension must not hold the page's own paint back.

Needs Playwright for Python and a Chromium binary (CLAIMLIGHT_CHROMIUM, default /usr/bin/chromium),
and for the first figure the built extension (extension/dist, `make extension`). Whatever is missing
turns the affected rows into "skipped (why)"; the rest of the bench goes on.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable

from ..testing import browser as harness
from ..testing.browser import DIST, LAUNCH_ARGS, REPO, QuietHandler, extension_args, extension_worker, long_read, serve_directory
from ..testing.daemon import Daemon
from .report import Row, median, skipped

PAGES = REPO / "seeds" / "pages"
PAGE = "harbour-bridge.html"
RANGES = 1000

LOAD_LABEL = f"navigation start → first quote painted ({PAGE})"
ALL_LABEL = f"navigation start → all highlights painted ({PAGE})"
NAV_RATIO_LABEL = "navigation start → first quote / → all highlights"
FIRST_LABEL = f"load event → first quote painted ({PAGE})"
FIRST_ALL_LABEL = f"load event → all highlights painted ({PAGE})"
FIRST_RATIO_LABEL = "load event → first quote / → all highlights, first visit"
REVISIT_LABEL = "load event → first quote / → all highlights, revisit with one figure changed"
TARGET_FIRST_RATIO = 0.35
FCP_LABEL = f"page's first contentful paint, with the extension ({PAGE})"
FCP_PLAIN_LABEL = f"page's first contentful paint, without the extension ({PAGE})"
TICKER = "ticker.html"
TICKER_LABEL = f"analysis requests after the first, {TICKER} watched for"
TARGET_TICKER_REQUESTS = 1
EXTRACT_LABEL = "finding the article: a long read in a page of ~3,700 elements"
TARGET_EXTRACT_MS = 100.0
# The content script's User Timing measure of its last search for the article.
EXTRACT_MEASURE = "claimlight:find-article"
HL_LABEL = f"{RANGES:,} highlights, CSS Custom Highlight API"
MARK_LABEL = f"{RANGES:,} highlights, wrapped in <mark>"

# What the watchers below write to the console once a load's figures are in. The bench waits for it
# rather than with Playwright's wait_for_function, which compiles Playwright's own script in the page
# (15–25 ms of main thread on these machines) right after the load event, in the middle of what is
# timed: the first quote would wait for it.
DONE = "claimlight-bench: done"

# Runs in every page before its own scripts: records when a claimlight highlight is first registered
# and when the frame that shows it has been painted, in ms since navigation; then the same for the
# first frame with a highlight of another category than quotes: the page's analysis has arrived
# (quotes come first, from their marks), and with it all its highlights. A highlight registered by
# the time a frame's callbacks run is in that frame; a task queued from them runs once the frame is
# painted and handed to the compositor (the content script's own afterPaint, content/ready.js). The
# next frame's callbacks would come later than that whenever the page's main thread is busy right
# after the frame (the extension finding the article after painting the quotes of its first look).
WATCH = """(() => {
  if (window.__clWatching) return;  // added once per set of loads: one watcher however many
  window.__clWatching = true;
  const count = () => {
    let n = 0, others = 0;
    if (window.CSS && CSS.highlights) for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('claimlight-')) continue;
      n += h.size;
      if (!name.startsWith('claimlight-quote-')) others += h.size;
    }
    return { n, others };
  };
  let first = null, seen = false;
  const tick = () => {
    const { n, others } = count();
    if (n && !seen) {
      seen = true;
      const registered = performance.now();
      setTimeout(() => { first = { registered, painted: performance.now(), ranges: n }; }, 0);
    }
    if (!others) return requestAnimationFrame(tick);
    const registered = performance.now();
    setTimeout(() => {
      const all = performance.now();
      const settle = () => {
        if (!first) return requestAnimationFrame(settle);
        window.__clBench = { ...first, all, all_ranges: count().n };
        console.debug(DONE);
      };
      settle();
    });
  };
  requestAnimationFrame(tick);
})();""".replace("DONE", json.dumps(DONE))

# In a page without the extension: says so once the page has loaded and been painted.
BARE_WATCH = """(() => {
  const loaded = () => document.readyState === 'complete' && performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0;
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  let told = false;
  const tell = () => { if (!told && loaded() && painted()) { told = true; console.debug(DONE); } };
  new PerformanceObserver(tell).observe({ type: 'paint', buffered: true });
  addEventListener('load', () => setTimeout(tell, 0));
})();""".replace("DONE", json.dumps(DONE))


def run(daemon: Daemon | None, quick: bool, unseen: Callable[[], Daemon] | None = None) -> tuple[list[Row], dict]:
    """`unseen` starts a daemon that keeps no paragraph parses, for the first-visit loads (without
    it, they go to `daemon` and are revisits)."""
    reason = harness.unavailable()
    if reason:
        return _skip_all(reason), {"skipped": reason}
    from playwright.sync_api import sync_playwright

    rows: list[Row] = []
    details: dict = {}
    loads = 2 if quick else 7
    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="claimlight-bench-chromium-") as profile:
        if daemon is None or not (DIST / "manifest.json").exists():
            why = "no daemon" if daemon is None else "extension/dist not built: make extension"
            rows.append(skipped("browser.first_quote_ratio", FIRST_RATIO_LABEL, why, unit="×"))
            rows.append(skipped("browser.load_to_paint_ms", LOAD_LABEL, why, unit="ms"))
            rows.append(skipped("browser.extract_ms", EXTRACT_LABEL, why, unit="ms"))
            context = pw.chromium.launch_persistent_context(profile, executable_path=harness.CHROMIUM, headless=True, args=LAUNCH_ARGS)
        else:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=harness.CHROMIUM, headless=True, viewport={"width": 1280, "height": 800},
                args=extension_args())
            try:
                extract = _extraction(context, loads)
                details["extract_ms"] = extract
                rows.append(Row("browser.extract_ms", EXTRACT_LABEL, median(extract), "ms", ("<=", TARGET_EXTRACT_MS),
                                note=f"median of {loads}; main thread, once the DOM and styles are ready"))
            except Exception as exc:
                rows.append(skipped("browser.extract_ms", EXTRACT_LABEL, f"failed: {type(exc).__name__}: {str(exc)[:120]}", unit="ms"))
            try:
                first = unseen() if unseen is not None else daemon
                try:
                    samples, plain = _page_loads(context, pw, first.port, loads)
                finally:
                    if first is not daemon:
                        first.stop()
                details["page_loads"] = samples
                details["page_loads_without_extension"] = plain
                details["timeline_ms"] = timeline(samples)
                rows.extend(_load_rows(samples, plain, details["timeline_ms"]))
                if first is not daemon:
                    again, _ = _page_loads(context, pw, daemon.port, loads, bare_too=False)
                    details["page_loads_revisit"] = again
                    rows.append(_revisit_row(again))
            except Exception as exc:  # a broken extension or page must not cost the other rows
                why = f"failed: {type(exc).__name__}: {str(exc)[:120]}"
                rows.append(skipped("browser.load_to_paint_ms", LOAD_LABEL, why, unit="ms"))
                rows.append(skipped("browser.first_quote_ratio", FIRST_RATIO_LABEL, why, unit="×"))
            watch_s = 8 if quick else 30
            try:
                ticker = _ticker(context, daemon.port, watch_s)
                details["ticker"] = ticker
                rows.append(Row("browser.ticker_requests", f"{TICKER_LABEL} {watch_s} s", ticker["after_first"], "requests",
                                ("<=", TARGET_TICKER_REQUESTS), note=f"{ticker['changes']} changes to the page meanwhile"))
            except Exception as exc:
                rows.append(skipped("browser.ticker_requests", f"{TICKER_LABEL} {watch_s} s",
                                    f"failed: {type(exc).__name__}: {str(exc)[:120]}", unit="requests"))
        try:
            micro = _highlight_vs_mark(context, 3 if quick else 9)
            details["micro"] = micro
            hl, mark = median([m["highlight_ms"] for m in micro]), median([m["mark_ms"] for m in micro])
            hl_js, mark_js = median([m["highlight_script_ms"] for m in micro]), median([m["mark_script_ms"] for m in micro])
            rows.append(Row("browser.highlight_api_ms", HL_LABEL, hl, "ms",
                            note=f"until painted (the next frame); script {hl_js:.1f} ms"))
            rows.append(Row("browser.mark_ms", MARK_LABEL, mark, "ms", note=f"until painted; script and layout {mark_js:.0f} ms"))
        finally:
            context.close()
    return rows, details


def _skip_all(reason: str) -> list[Row]:
    return [skipped(key, label, reason, unit="ms") for key, label in
            (("browser.first_quote_ms", FIRST_LABEL), ("browser.first_quote_ratio", FIRST_RATIO_LABEL),
             ("browser.load_to_paint_ms", LOAD_LABEL), ("browser.fcp_ms", FCP_LABEL),
             ("browser.extract_ms", EXTRACT_LABEL), ("browser.ticker_requests", TICKER_LABEL),
             ("browser.highlight_api_ms", HL_LABEL), ("browser.mark_ms", MARK_LABEL))]


# --- page load to painted highlights -----------------------------------------------------------------


class _Pages(QuietHandler):
    """The seed pages; /v/<n>/harbour-bridge.html is that page with one figure changed, so that every
    load sends the daemon a text it has no result for (it has kept the other paragraphs' parses)."""

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        if len(parts) == 3 and parts[0] == "v" and parts[2] == PAGE:
            html = (PAGES / PAGE).read_text(encoding="utf-8").replace("31,000 vehicles", f"{31_000 + int(parts[1]):,} vehicles")
            html = html.replace('href="courier.css"', 'href="/courier.css"')
            self.send_body(html.encode("utf-8"))
            return
        super().do_GET()


# What the watcher saw, when the page's own load events came, and the content script's marks of the
# steps between (content/timeline.js), in ms since navigation. `load` is the load event's start.
_SAMPLE = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const steps = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('claimlight:')) steps[m.name.slice(11)] = m.startTime;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  const find = performance.getEntriesByName('claimlight:find-article')[0];
  if (find) Object.assign(steps, { 'find-begins': find.startTime, 'find-ms': find.duration });
  return { ...window.__clBench, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventStart, fcp, steps };
}"""


def _sample_load(context, url: str) -> dict:
    """One load of `url` in a new page of `context`, and what the page's watcher measured."""
    page = context.new_page()
    try:
        _load(page, url)
        return page.evaluate(_SAMPLE)
    finally:
        page.close()


def _load(page, url: str) -> None:
    """Opens `url` and waits for its watcher to say the load's figures are in, without running
    anything in the page meanwhile."""
    with page.expect_console_message(lambda m: m.text == DONE, timeout=30_000):
        page.goto(url)

# The steps of the timeline, in the order of a page load, with the page's own events among them.
TIMELINE = ("dcl", "load", "fcp", "start", "settings", "first-look", "find-begins", "find-ms", "found", "sent", "scanned", "daemon-up", "quotes-painted", "painted", "partial", "result",
            "all-painted", "all")


def timeline(samples: list[dict]) -> dict[str, float]:
    """The median time of each step over the loads that reached it, in ms since navigation."""
    out: dict[str, float] = {}
    for step in TIMELINE:
        values = [s[step] if step in s else s.get("steps", {}).get(step) for s in samples]
        values = [v for v in values if isinstance(v, (int, float)) and v > 0]
        if values:
            out[step] = round(median(values), 1)
    return out


def from_load(sample: dict) -> dict:
    """The load's first quote and whole analysis timed from its load event (a first quote painted
    before it counts as 0), and their ratio."""
    first = max(0.0, sample["painted"] - sample["load"])
    whole = sample["all"] - sample["load"]
    return {"first": first, "all": whole, "ratio": first / whole if whole > 0 else 1.0, "before_load": sample["painted"] < sample["load"]}


def _load_rows(samples: list[dict], plain: list[dict], steps: dict[str, float]) -> list[Row]:
    n = len(samples)
    timed = [from_load(s) for s in samples]
    for s, t in zip(samples, timed):
        s["from_load"] = t
    early = sum(t["before_load"] for t in timed)
    line = ", ".join(f"{k} {v:.0f}" for k, v in steps.items())
    rows = [
        Row("browser.first_quote_ms", FIRST_LABEL, median([t["first"] for t in timed]), "ms",
            note=f"median of {n}; from loadEventStart; {early} of {n} painted before the load event (counted 0)"),
        Row("browser.all_painted_ms", FIRST_ALL_LABEL, median([t["all"] for t in timed]), "ms", note=f"median of {n}; from loadEventStart"),
        Row("browser.first_quote_ratio", FIRST_RATIO_LABEL, median([t["ratio"] for t in timed]), "×", ("<=", TARGET_FIRST_RATIO),
            note="per load, median; from loadEventStart"),
        Row("browser.load_to_paint_ms", LOAD_LABEL, median([s["painted"] for s in samples]), "ms",
            note=f"median of {n}; timeline (ms since navigation): {line}"),
        Row("browser.load_to_all_ms", ALL_LABEL, median([s["all"] for s in samples]), "ms", note=f"median of {n}"),
        Row("browser.first_quote_nav_ratio", NAV_RATIO_LABEL, median([s["painted"] / s["all"] for s in samples]), "×",
            note="per load, median; floored by the page's own first paint over the whole"),
    ]
    fcp = [s["fcp"] for s in samples if s.get("fcp")]
    fcp_plain = [s["fcp"] for s in plain if s.get("fcp")]
    if fcp and fcp_plain:
        rows.append(Row("browser.fcp_ms", FCP_LABEL, median(fcp), "ms", note=f"median of {len(fcp)}, since navigation start"))
        rows.append(Row("browser.fcp_plain_ms", FCP_PLAIN_LABEL, median(fcp_plain), "ms",
                        note=f"median of {len(fcp_plain)}; a browser without the extension, its loads alternating with those above"))
    return rows


def _revisit_row(samples: list[dict]) -> Row:
    timed = [from_load(s) for s in samples]
    first, whole = median([t["first"] for t in timed]), median([t["all"] for t in timed])
    return Row("browser.revisit_first_quote_ratio", REVISIT_LABEL, median([t["ratio"] for t in timed]), "×",
               note=f"median of {len(timed)}, per load; {first:.0f} / {whole:.0f} ms from loadEventStart; "
                    "the daemon has the other paragraphs' parses, so the whole comes almost with the quotes")


def _page_loads(context, pw, port: int, loads: int, bare_too: bool = True) -> tuple[list[dict], list[dict]]:
    """The seed page loaded `loads` times with the extension, and as often, load for load, in a
    browser without it (for the page's own first paint), unless not `bare_too`."""
    with serve_directory(PAGES, _Pages) as site:
        worker = extension_worker(context)
        worker.evaluate("port => chrome.storage.local.set({ daemonPort: port })", port)
        context.add_init_script(WATCH)
        bare = pw.chromium.launch(executable_path=harness.CHROMIUM, headless=True, args=LAUNCH_ARGS) if bare_too else None
        try:
            bare_context = bare.new_context(viewport={"width": 1280, "height": 800}) if bare else None
            if bare_context is not None:
                bare_context.add_init_script(BARE_WATCH)
            samples, plain = [], []
            for n in range(loads + 1):  # the first load opens the extension's connection: not counted
                if bare_context is not None:
                    sample = _sample_load(bare_context, f"{site}/v/{n}/{PAGE}")
                    if n:
                        plain.append({k: sample[k] for k in ("dcl", "load", "fcp")})
                sample = _sample_load(context, f"{site}/v/{n}/{PAGE}")
                if n:
                    samples.append(sample)
        finally:
            if bare is not None:
                bare.close()
        return samples, plain


# --- a page that never stops changing -------------------------------------------------------------------

# Counts the page's own changes (text changed by its timers), to say how much it was asked to bear.
_COUNT_CHANGES = """() => {
  window.__clChanges = 0;
  new MutationObserver((records) => { window.__clChanges += records.length; })
    .observe(document.body, { subtree: true, childList: true, characterData: true });
}"""


# The page's analysis has been painted: a highlight of another category than quotes is registered.
_ANALYSED = """() => { for (const [name, h] of CSS.highlights) if (name.startsWith('claimlight-') && !name.startsWith('claimlight-quote-') && h.size) return true; return false; }"""


def _ticker(context, port: int, watch_s: float) -> dict:
    """The ticker page (prices every 100 ms, a clock, a counter inside the article, rotating adverts,
    a score), watched for `watch_s` seconds after its first highlights: the requests the extension's
    service worker sent for it."""
    import time

    with serve_directory(PAGES) as site:
        worker = extension_worker(context)
        worker.evaluate("port => chrome.storage.local.set({ daemonPort: port })", port)
        count = "() => claimlight.stats.log.filter(r => (r.url || '').includes('ticker.html')).length"
        before = worker.evaluate(count)
        page = context.new_page()
        try:
            page.goto(f"{site}/{TICKER}?{time.time_ns()}")
            page.wait_for_function(_ANALYSED, timeout=30_000)
            first = worker.evaluate(count) - before
            page.evaluate(_COUNT_CHANGES)
            time.sleep(watch_s)
            changes = page.evaluate("() => window.__clChanges")
            total = worker.evaluate(count) - before
        finally:
            page.close()
    return {"until_analysed": first, "after_first": max(0, total - 1), "changes": changes, "watched_s": watch_s}


# --- finding the article ------------------------------------------------------------------------------


def heavy_long_read() -> bytes:
    """The long read (the Harbour Bridge story four times over) inside the frame of a big news site
    built of <div>s, as many are: a mega-menu of 1,200 links, a rail of 40 teasers and a footer of
    750 links, about 3,700 elements in all, none of it marked up as navigation."""
    html = long_read(PAGES).decode("utf-8")
    menu = "<div class='mega-menu'>" + "".join(
        f"<div class='col'><h4>Section {i}</h4><ul>" + "".join(f"<li><a href='/s{i}/{j}'>Topic {j}</a></li>" for j in range(30))
        + "</ul></div>" for i in range(40)) + "</div>"
    rail = "<div class='rail'>" + "".join(
        f"<div class='card'><a href='/t{i}'><h3>Teaser {i}</h3></a><p>Summary of teaser {i}, in a few words.</p>"
        f"<span class='time'>{i} h ago</span></div>" for i in range(40)) + "</div>"
    links = "<div class='site-links'>" + "".join(
        f"<div><h5>Group {i}</h5>" + "".join(f"<a href='/f{i}/{j}'>Link {j}</a>" for j in range(25)) + "</div>" for i in range(30)) + "</div>"
    return html.replace("<body>", "<body>" + menu, 1).replace("</body>", rail + links + "</body>", 1).encode("utf-8")


class _HeavyPage(QuietHandler):
    def do_GET(self):
        self.send_body(heavy_long_read())


def _extraction(context, loads: int) -> list[float]:
    """The content script's own measure of its first search for the article, page load by page load."""
    with serve_directory(PAGES, _HeavyPage) as site:
        samples = []
        for n in range(loads):
            page = context.new_page()
            try:
                page.goto(f"{site}/heavy-long-read.html?{n}")
                page.wait_for_function(f"() => performance.getEntriesByName('{EXTRACT_MEASURE}').length", timeout=30_000)
                samples.append(page.evaluate(f"() => performance.getEntriesByName('{EXTRACT_MEASURE}')[0].duration"))
            finally:
                page.close()
        return samples


# --- CSS Custom Highlight API vs <mark> --------------------------------------------------------------

_SETUP = """n => {
  const words = 'the council said that the harbour bridge would stay shut until spring while engineers '
    + 'checked every bearing and the ferries ran late into the night according to the mayor ';
  const paragraphs = Math.ceil(n / 4);
  document.head.insertAdjacentHTML('beforeend', '<style>::highlight(bench){background:#ffe066} mark{background:#ffe066}</style>');
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: ` + words.repeat(2);
    document.body.appendChild(p);
  }
  // Four words per paragraph: [text node, start, end], in document order.
  window.__spec = [];
  for (const p of document.querySelectorAll('p')) {
    const node = p.firstChild, text = node.data;
    const re = /[a-z]+/g; let m, k = 0;
    while ((m = re.exec(text)) && window.__spec.length < n) if (k++ % 7 === 3) window.__spec.push([node, m.index, m.index + m[0].length]);
  }
  document.body.offsetHeight;
  return window.__spec.length;
}"""

# Awaited at the start of a frame, work done then is painted in that frame; the next frame's
# callback therefore runs after the paint. (Frames come every ~16.7 ms, which bounds the resolution.)
_NEXT_FRAME = "new Promise(r => requestAnimationFrame(r))"

_HIGHLIGHT = f"""async () => {{
  await {_NEXT_FRAME};
  const t0 = performance.now();
  const h = new Highlight();
  for (const [node, s, e] of window.__spec) {{ const r = new Range(); r.setStart(node, s); r.setEnd(node, e); h.add(r); }}
  CSS.highlights.set('bench', h);
  const t1 = performance.now();
  await {_NEXT_FRAME};
  return {{ script: t1 - t0, total: performance.now() - t0 }};
}}"""

_MARK = f"""async () => {{
  await {_NEXT_FRAME};
  const t0 = performance.now();
  // Last range first: wrapping splits the text node, and the part before a range keeps the node.
  for (const [node, s, e] of [...window.__spec].reverse()) {{
    const r = new Range(); r.setStart(node, s); r.setEnd(node, e); r.surroundContents(document.createElement('mark'));
  }}
  document.body.offsetHeight;
  const t1 = performance.now();
  await {_NEXT_FRAME};
  return {{ script: t1 - t0, total: performance.now() - t0, marks: document.querySelectorAll('mark').length }};
}}"""


def _highlight_vs_mark(context, rounds: int) -> list[dict]:
    samples = []
    for _ in range(rounds):
        result = {}
        for name, script in (("highlight", _HIGHLIGHT), ("mark", _MARK)):
            page = context.new_page()  # a fresh page each time: nothing left over from the last run
            try:
                page.set_content("<!doctype html><html><head></head><body></body></html>")
                if page.evaluate(_SETUP, RANGES) != RANGES:
                    raise RuntimeError("the generated page has too few words")
                timing = page.evaluate(script)
            finally:
                page.close()
            if name == "mark" and timing["marks"] != RANGES:
                raise RuntimeError(f"wrapped {timing['marks']} ranges, not {RANGES}")
            result[f"{name}_ms"] = timing["total"]
            result[f"{name}_script_ms"] = timing["script"]
        samples.append(result)
    return samples
