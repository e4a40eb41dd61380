"""The popup: status, counts, toggles that repaint open pages at once, and "Analyse this page"."""

from __future__ import annotations

from .browser_helpers import CATEGORIES, highlights, open_page, wait_for_highlight, wait_for_no_highlight

COUNT = "c => Number(document.querySelector(`.cat[data-category='${c}'] .count`).textContent)"


def _article(ext, site):
    page = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    return page, ext.tab_id("harbour-bridge.html")


def test_popup_shows_status_and_counts(ext, site):
    page, tab = _article(ext, site)
    popup = ext.popup(tab)
    popup.wait_for_function("() => document.querySelector('#status').dataset.state === 'open'")
    assert "Connected to the daemon" in popup.text_content("#status-text")
    popup.wait_for_function(f"() => ({COUNT})('quote') > 0")
    got = highlights(page)
    assert popup.evaluate(COUNT, "speaker") == len(got["speaker"])
    assert popup.evaluate(COUNT, "number") == len(got["number"])
    assert "highlights in" in popup.text_content("#page-text")
    # A page that runs by itself needs no "Analyse this page".
    assert popup.is_hidden("#analyse")


def test_category_toggle_removes_and_restores_without_reanalysis(ext, site):
    page, tab = _article(ext, site)
    before = highlights(page)
    sent = len(ext.requests_for("harbour-bridge.html"))
    popup = ext.popup(tab)

    popup.click('.cat[data-category="quote"] label')
    wait_for_no_highlight(page, "quote")
    after = highlights(page)
    assert after["quote"] == []
    assert after["speaker"] == before["speaker"] and after["person"] == before["person"]
    assert ext.sw("() => chrome.storage.sync.get('categories')")["categories"]["quote"] is False

    popup.click('.cat[data-category="quote"] label')
    wait_for_highlight(page, "quote", "We will not let")
    assert highlights(page) == before
    assert len(ext.requests_for("harbour-bridge.html")) == sent  # repainted from what the page had


def test_master_switch_and_site_switch(ext, site):
    page, tab = _article(ext, site)
    before = highlights(page)
    popup = ext.popup(tab)

    popup.uncheck("#master")
    for c in CATEGORIES:
        wait_for_no_highlight(page, c)
    popup.check("#master")
    wait_for_highlight(page, "quote", "We will not let")
    assert highlights(page) == before

    assert "127.0.0.1" in popup.text_content("#site-label")
    popup.uncheck("#site")
    wait_for_no_highlight(page, "quote")
    assert ext.sw("() => chrome.storage.sync.get('disabledSites')")["disabledSites"] == ["127.0.0.1"]
    # Other pages of the same site are off too.
    other = ext.context.new_page()
    other.goto(f"{site}/emoji-reactions.html")
    other.wait_for_timeout(1500)
    assert all(v == [] for v in highlights(other).values())
    popup.check("#site")
    wait_for_highlight(page, "quote", "We will not let")
    wait_for_highlight(other, "quote", "That was the best night")


def test_front_page_is_left_alone_until_asked(ext, site):
    page = ext.context.new_page()
    page.goto(f"{site}/front-page.html")
    page.wait_for_timeout(1500)
    assert all(v == [] for v in highlights(page).values())
    assert ext.requests_for("front-page.html") == []

    popup = ext.popup(ext.tab_id("front-page.html"))
    popup.wait_for_function("() => document.querySelector('#page-text').textContent.includes('does not look like an article')")
    popup.click("#analyse")
    wait_for_highlight(page, "quote", "We will not let it close again")
    assert "Elena Varga" in highlights(page)["speaker"]
    # Navigation and footer stay out even when the page is analysed on request.
    all_text = " ".join(t for ts in highlights(page).values() for t in ts)
    assert "Northport Courier" not in all_text
