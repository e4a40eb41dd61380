"""Pages that change after loading: a live blog that adds entries, and a single-page app."""

from __future__ import annotations

from .browser_helpers import highlights, open_page, page_function, wait_for_highlight


def test_live_blog_entries_are_highlighted_as_they_arrive(ext, site):
    page = open_page(ext, f"{site}/live-blog.html", "Nobody should be travelling unless they absolutely have to")
    # Entries appended by the page's script 1.2 s and 2.4 s after load.
    wait_for_highlight(page, "quote", "Our engineers will restore supplies as soon as it is safe to climb")
    wait_for_highlight(page, "quote", "The crew of three are safe and well")
    got = highlights(page)
    assert any("Nobody should be travelling" in q for q in got["quote"])  # earlier highlights kept
    assert "Gwen Ashdown" in got["speaker"] or "Gwen Ashdown" in got["person"]
    assert not any("It is a disgrace" in q for q in got["quote"])  # the sidebar stays out

    requests = ext.requests_for("live-blog.html")
    first, later = requests[0], requests[1:]
    assert first["blocks"] >= 3  # the three entries' paragraphs (times and headings are not analysed)
    assert later, "the new entries were never sent"
    # The whole page goes every time (the daemon parses only what is new), superseding what is on its way.
    assert all(r["blocks"] > first["blocks"] and r["replace"] for r in later), requests


def test_spa_navigation_analyses_the_new_article(ext, site):
    page = open_page(ext, f"{site}/spa.html", "Nurses, cleaners and bar staff do not stop working at midnight")
    page.click("a[data-story=library]")
    assert page.url.endswith("?story=library")
    wait_for_highlight(page, "quote", "Sunday is when families actually have time to come in together")
    got = highlights(page)
    assert not any("Nurses" in q for q in got["quote"])
    assert "Oona Fairweather" in got["speaker"] or "Oona Fairweather" in got["person"]
    page.go_back()
    wait_for_highlight(page, "quote", "Nurses, cleaners and bar staff")


def test_long_page_streams_partial_results(ext, site):
    partials_before = ext.sw("() => claimlight.stats.partials")
    page = open_page(ext, f"{site}/long-read.html", "“Residents deserve to know who decided to wait.”")
    requests = ext.requests_for("long-read.html")
    assert requests[0]["stream"] is True
    assert ext.sw("() => claimlight.stats.partials") > partials_before
    # The final result covers every part: the last paragraph of part 4 is highlighted too.
    page.wait_for_function(page_function("", "return texts('quote').filter(s => s.includes('Residents deserve')).length === 4;"))
    assert len([q for q in highlights(page)["quote"] if "We will not let the Harbour Bridge" in q]) == 4
