"""A page that tampers with the highlight registry and styles: the extension puts its highlights
back, the popup says the page interferes, and its counts stay those of what is painted."""

from __future__ import annotations

from .browser_helpers import highlights, open_page, page_function, wait_for_highlight

COUNT = "c => Number(document.querySelector(`.cat[data-category='${c}'] .count`).textContent)"

# What a hostile page does, from its own world: find claimlight's names (the registry is a map
# anyone can list), delete the people, replace the speakers with its own, add its navigation to
# the quotes, and hide the quotes with a rule in a cascade layer, which beats any !important of
# the extension's.
TAMPER = page_function("", """
  const name = (c) => [...CSS.highlights.keys()].find(n => n.startsWith('claimlight-' + c + '-'));
  const nav = document.createRange(); nav.selectNodeContents(document.querySelector('nav'));
  CSS.highlights.delete(name('person'));
  CSS.highlights.set(name('speaker'), new Highlight(nav));
  CSS.highlights.get(name('quote')).add(nav.cloneRange());
  const sheet = new CSSStyleSheet();  // (the test page's CSP refuses <style>; constructed sheets pass)
  sheet.replaceSync(`@layer page { ::highlight(${name('quote')}) { background-color: transparent !important; } }`);
  document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
  return [name('quote'), name('person')];
""")


def test_names_are_random_per_page_load(ext, site):
    first = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    second = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    names = "() => [...CSS.highlights.keys()].filter(n => n.startsWith('claimlight-quote-'))"
    [a], [b] = first.evaluate(names), second.evaluate(names)
    assert a != b and a != "claimlight-quote"


def test_a_tampering_page_gets_its_highlights_restored_and_reported(ext, site):
    page = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    wait_for_highlight(page, "person", "Elena Varga")
    before = highlights(page)
    nav_text = " ".join(page.text_content("nav").split())

    page.evaluate(TAMPER)
    assert not highlights(page)["person"]  # the page did delete them
    # Within a check or two, everything of claimlight's is back exactly, and nothing of the page's is ours.
    page.wait_for_function(page_function("", "return texts('person').length > 0;"), timeout=10_000)
    page.wait_for_function(page_function("[n]", "return !texts('quote').some(s => s.includes(n));"), arg=nav_text, timeout=10_000)
    after = highlights(page)
    assert after == before
    assert not any(nav_text in s for s in after["speaker"])

    popup = ext.popup(ext.tab_id("harbour-bridge.html"))
    # Styles are compared every few seconds (a check costs a style recalculation).
    popup.wait_for_function("() => document.querySelector('#interference').textContent.includes('restyled')", timeout=15_000)
    assert popup.is_visible("#interference")
    detail = popup.text_content("#interference")
    assert "This page interferes with highlights" in detail
    for what in ("deleted the person highlights", "replaced the speaker highlights", "altered the quote highlights",
                 "restyled the quote highlights"):
        assert what in detail, detail
    # The counts are those of what is painted.
    popup.wait_for_function(f"() => ({COUNT})('person') > 0")
    for category in ("person", "speaker", "number"):
        assert popup.evaluate(COUNT, category) == len(after[category])


def test_a_quiet_page_is_not_reported(ext, site):
    page = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    page.wait_for_timeout(2500)  # a few checks, styles included
    popup = ext.popup(ext.tab_id("harbour-bridge.html"))
    popup.wait_for_function("() => document.querySelector('#page-text').textContent.includes('highlights in')")
    assert popup.is_hidden("#interference")
