"""Live pages: the whole page as context on every change, quotes painted at once, and pages that never
stop changing analysed at most once every few seconds."""

from __future__ import annotations

import time

import pytest
from claimlight.testing.browser import QuietHandler, serve_directory

from .browser_helpers import highlights, open_page, page_function, wait_for_highlight
from .conftest import PAGES
from .test_article import _card_text, _hover


def test_a_live_page_is_analysed_whole_so_speakers_named_entries_earlier_are_found(ext, site):
    page = open_page(ext, f"{site}/live-council.html?manual", "This tram will carry")
    # An entry appended once the page has been analysed, whose speaker ("Marsh", "she") is named in
    # full two entries up.
    page.evaluate("() => liveNext()")
    wait_for_highlight(page, "quote", "Every pound of it is already committed")
    page.wait_for_function("() => new Promise(r => setTimeout(() => r(true), 300))")
    _hover(page, "quote", "Every pound of it")
    page.wait_for_function(
        "() => document.documentElement.lastElementChild.tagName === 'CLAIMLIGHT-CARD'", timeout=5_000
    )
    deadline = time.monotonic() + 10
    while "Priya Marsh" not in (card := " ".join(_card_text(page).split())) and time.monotonic() < deadline:
        time.sleep(0.2)
        _hover(page, "quote", "Every pound of it")
    assert "Priya Marsh" in card, card  # not the opposition leader of the entry just before it

    requests = ext.requests_for("live-council.html")
    assert len(requests) >= 2, requests
    # Every request is the whole page as it was, and supersedes the page's older ones.
    assert all(r["replace"] and r["stream"] for r in requests), requests
    assert [r["blocks"] for r in requests] == sorted(r["blocks"] for r in requests)
    assert requests[-1]["blocks"] > requests[0]["blocks"]


def test_a_page_that_never_stops_changing_is_not_analysed_again_and_again(ext, site):
    page = open_page(ext, f"{site}/ticker.html", "Our members held the line for nine days")
    first = len(ext.requests_for("ticker.html"))
    assert first == 1
    # Prices every 100 ms, a clock, a counter of readers inside the article, rotating adverts and a
    # score: in 8 s that is well over a hundred changes. (`claimlight bench` watches it for 30 s.)
    time.sleep(8)
    requests = ext.requests_for("ticker.html")
    assert len(requests) <= 2, requests  # the counter left out of the article at most once
    got = highlights(page)
    assert any("Our members held the line" in q for q in got["quote"])
    assert not any("Reading now" in t for ts in got.values() for t in ts)


def test_a_match_clock_ticking_inside_the_article_is_not_analysed_again_and_again(ext, site):
    # The pages corpus's scorebug page: a clock rewritten every second in a box between the
    # paragraphs, and a <time> inside the last paragraph touched with it (attributes only).
    got = _watched_for_8s(ext, site, "live-clock-mutation-storm.html", "We defended like our lives depended on it")
    assert any("We did everything except put the ball in the net" in q for q in got["quote"]), got
    assert not any("Second half" in t or "LIVE" in t for ts in got.values() for t in ts), got


def test_tickers_moving_above_the_article_are_not_analysed_again_and_again(ext, site):
    # The pages corpus's ticker page: a <marquee> of quoted headlines and a markets strip moved by
    # script on every animation frame and rewritten every 400 ms, both outside the <article>.
    got = _watched_for_8s(ext, site, "marquee-headline-ticker.html", "It is a bit like threading a needle")
    assert any("People come for the ride and stay for the scones" in q for q in got["quote"]), got
    assert not any("back down" in t or "disgrace" in t or "ASX" in t for ts in got.values() for t in ts), got


# --- quotes first ---------------------------------------------------------------------------------------


class _Variants(QuietHandler):
    """/v/<n>/harbour-bridge.html: the seed page with one figure changed, so the daemon has not seen it."""

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        if len(parts) == 3 and parts[0] == "v" and parts[2] == "harbour-bridge.html":
            html = (PAGES / "harbour-bridge.html").read_text(encoding="utf-8")
            html = html.replace("31,000 vehicles", f"{31_000 + int(parts[1]) * 7 + 3:,} vehicles")
            self.send_body(html.replace('href="courier.css"', 'href="/courier.css"').encode("utf-8"))
            return
        super().do_GET()


# Every frame, what is registered: the quote ranges (as text and offsets) and whether anything else is.
WATCH = """(() => {
  const frames = [];
  window.__clFrames = frames;
  const tick = () => {
    const quotes = [], others = [];
    if (window.CSS && CSS.highlights) for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('claimlight-')) continue;
      if (name.startsWith('claimlight-quote-')) for (const r of h) quotes.push(r.startContainer.data?.slice(r.startOffset, r.startOffset + 24) + '@' + r.startOffset);
      else if (h.size) others.push(name.split('-')[1]);
    }
    const last = frames[frames.length - 1];
    const key = quotes.join('|') + '#' + others.sort().join(',');
    if (!last || last.key !== key) frames.push({ t: performance.now(), key, quotes, others });
    if (performance.now() < 20000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();"""


@pytest.fixture(scope="module")
def variants():
    with serve_directory(PAGES, _Variants) as url:
        yield url


def _load_and_watch(ext, variants) -> list[dict]:
    """The frames painted while a fresh variant of the seed page loads and is analysed."""
    page = ext.context.new_page()
    page.add_init_script(WATCH)
    try:
        page.goto(f"{variants}/v/{time.time_ns() % 100_000}/harbour-bridge.html")
        wait_for_highlight(page, "person", "Elena Varga")
        page.wait_for_function("() => new Promise(r => setTimeout(() => r(true), 500))")
        frames = page.evaluate("() => window.__clFrames")
        got = highlights(page)
        assert any("We will not let" in q for q in got["quote"])
        painted = [f for f in frames if f["quotes"] or f["others"]]
        assert page.evaluate(page_function("", "return texts('quote').length;")) == len(painted[-1]["quotes"])
        return painted
    finally:
        page.close()


def test_quotes_are_painted_first_then_completed_without_flicker_or_duplicates(ext, variants):
    partials = ext.sw("() => claimlight.stats.partials")
    # On a loaded machine the early quotes and the analysis may reach the page within one frame; then
    # they are painted together, which is no flicker either; and the worker's express lane may answer
    # after the analysis is done, when the early reply is dropped as moot. A few loads give one with
    # frames between and a partial reply.
    for _ in range(4):
        painted = _load_and_watch(ext, variants)
        final = painted[-1]
        assert len(final["quotes"]) == len(set(final["quotes"]))  # no quotation painted twice
        # No flicker: once painted, an early quote stays painted through every later frame.
        for f in painted:
            assert set(painted[0]["quotes"]) <= set(f["quotes"]), (painted[0]["quotes"], f)
        if not painted[0]["others"] and ext.sw("() => claimlight.stats.partials") > partials:
            break
    assert ext.sw("() => claimlight.stats.partials") > partials  # the early quotes came as a partial reply
    # The first thing painted is quotes alone; the other categories come with the analysis.
    assert painted[0]["quotes"] and not painted[0]["others"], painted[:3]


_MARKS = """() => Object.fromEntries(performance.getEntriesByType('mark')
    .filter(m => m.name.startsWith('claimlight:')).map(m => [m.name.slice(11), m.startTime]))"""


def test_the_first_quotes_are_found_in_the_page_before_the_daemon_answers(ext, variants):
    """The content script paints the quotes the article's marks give before the daemon's first reply
    arrives, and they are the quotes that reply brings (the page's timeline marks say when,
    content/timeline.js): on the seed page, marked up the plain way, from a first look at the story's
    paragraphs before the article is found (content/firstlook.js); else as soon as it has sent the
    request for the article it found."""
    page = ext.context.new_page()
    page.add_init_script(WATCH)
    try:
        page.goto(f"{variants}/v/{time.time_ns() % 100_000 + 100_000}/harbour-bridge.html")
        wait_for_highlight(page, "person", "Elena Varga")
        marks = page.evaluate(_MARKS)
        # The daemon's early partial is sent unless the result overtakes it (`server.session._Early`): on
        # a loaded machine the worker's express thread can answer after the whole analysis, and then
        # there is none. The page's own first quotes come before the daemon's answer either way.
        for step in ("start", "found", "sent", "scanned", "quotes-painted", "result", "all-painted"):
            assert step in marks, (step, marks)
        assert marks["found"] <= marks["sent"] <= marks["scanned"], marks
        if "first-look" in marks:
            assert marks["first-look"] <= marks["quotes-painted"] < marks["found"], marks
        else:
            assert marks["scanned"] <= marks["quotes-painted"], marks
        if "partial" in marks:
            assert marks["quotes-painted"] < marks["partial"], marks
        assert marks["quotes-painted"] < marks["result"] <= marks["all-painted"], marks
        frames = [f for f in page.evaluate("() => window.__clFrames") if f["quotes"] or f["others"]]
        # (Registered before the reply, painted in the next frame: on a loaded machine that frame may come
        # after the analysis has arrived too, so which categories the first frame holds is not asserted.)
        first = frames[0]
        assert any("We will not let" in q for q in first["quotes"]), frames[:3]
        # What the page found first stays painted through every later frame: nothing taken down and put back.
        for f in frames:
            assert set(first["quotes"]) <= set(f["quotes"]), (first["quotes"], f)
    finally:
        page.close()


def test_a_plainly_marked_up_article_has_its_quotes_painted_before_it_is_found(ext, variants):
    """The seed page (one <article>, its story in <p>s) gets a first look: its quotes are registered
    before the search for the article begins. The settings it needs are read from document_start
    (content/early.js); on a loaded machine that read may still end after the page is ready, so one
    load of a few is enough."""
    seen = []
    for n in range(3):
        page = ext.context.new_page()
        try:
            page.goto(f"{variants}/v/{time.time_ns() % 100_000 + 200_000 + n}/harbour-bridge.html")
            wait_for_highlight(page, "person", "Elena Varga")
            marks = page.evaluate(_MARKS)
            find = page.evaluate("() => performance.getEntriesByName('claimlight:find-article')[0]?.startTime")
        finally:
            page.close()
        seen.append(marks)
        if "first-look" in marks and marks["quotes-painted"] < find:
            return
    raise AssertionError(f"no first look in {len(seen)} loads: {seen}")


def _watched_for_8s(ext, site, name, anchor):
    """A corpus page watched for 8 s: one request at first, at most one more whatever keeps changing
    in it; then its highlights."""
    page = open_page(ext, f"{site}/corpus/{name}", anchor)
    assert len(ext.requests_for(name)) == 1
    time.sleep(8)
    requests = ext.requests_for(name)
    assert len(requests) <= 2, requests
    return highlights(page)
