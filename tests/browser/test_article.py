"""A news article: what is highlighted, what is not, and the page left as it was."""

from __future__ import annotations

import re

from .browser_helpers import highlights, open_page, page_function, wait_for_highlight

CHROME_SELECTOR = "nav, aside, footer, #comments, .cookie-banner, .ticker, .related, .masthead"

# For every highlighted range: is it inside the page's chrome? (Read in the page's own world.)
RANGES_IN_CHROME = """sel => {
  const hits = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('claimlight-')) continue;
    for (const s of h) {
      const r = document.createRange(); r.setStart(s.startContainer, s.startOffset); r.setEnd(s.endContainer, s.endOffset);
      const n = r.commonAncestorContainer;
      const el = n.nodeType === 1 ? n : n.parentElement;
      if (el.closest(sel)) hits.push(name + ': ' + r.toString());
    }
  }
  return hits;
}"""


# Is any claimlight highlight inside a <figcaption>?
CAPTION_HIGHLIGHTED = """() => [...CSS.highlights].some(([name, h]) => name.startsWith('claimlight-')
  && [...h].some((r) => r.startContainer.parentElement?.closest('figcaption')))"""


def test_extension_loads_with_pinned_id(ext):
    assert ext.id == "kmkkphfbamihimlbikjgncnjghmnajnj"
    manifest = ext.sw("() => chrome.runtime.getManifest()")
    assert manifest["manifest_version"] == 3
    assert manifest["minimum_chrome_version"] == "116"


def test_article_highlights_by_category(ext, site):
    page = ext.context.new_page()
    page.goto(f"{site}/harbour-bridge.html")
    # The quote runs across a link and an <em>; it is one highlight all the same.
    wait_for_highlight(page, "quote", "“We will not let the Harbour Bridge close again once it reopens,”")
    got = highlights(page)

    assert any("Every week the bridge stays shut, this town loses another shop" in q for q in got["quote"])  # pull-quote
    assert any("The council was told about corrosion on that span in 2019" in q for q in got["quote"])
    assert "Elena Varga" in got["speaker"]  # the speaker's name, inside a link
    assert "Ruth Abernathy" in got["person"] or "Ruth Abernathy" in got["speaker"]
    assert any("Calder & Webb" in o for o in got["organization"])  # named in the body
    # A photo caption is not article text (seeds/pages/corpus/README.md): nothing of it is highlighted.
    assert not page.evaluate(CAPTION_HIGHLIGHTED)
    assert any("£14 million" in n for n in got["number"])
    assert any("footfall in the old harbour district had fallen" in r for r in got["reported"])
    assert got["mention"] == []  # off by default

    # The request reached the real daemon and came back.
    assert ext.sw("() => claimlight.stats.results") >= 1
    assert ext.requests_for("harbour-bridge.html")[0]["blocks"] == 9  # the body paragraphs


def test_page_chrome_is_not_highlighted(ext, site):
    page = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    assert page.evaluate(RANGES_IN_CHROME, CHROME_SELECTOR) == []
    all_text = " ".join(t for ts in highlights(page).values() for t in ts)
    for chrome in ("monitoring the situation", "Gus Holloway", "Lana Corvette", "Miriam Achterberg",
                   "add an hour to my day", "my foot", "Accept all", "since 1887"):
        assert chrome not in all_text, chrome


def test_highlighting_leaves_the_page_dom_alone(ext, site):
    page = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    # The body is exactly what the server sent: no wrapper spans, no attributes.
    same = page.evaluate("""async () => {
        const html = await (await fetch(location.href)).text();
        const fresh = new DOMParser().parseFromString(html, 'text/html');
        return fresh.body.innerHTML === document.body.innerHTML;
    }""")
    assert same
    page.evaluate("document.querySelector('.cookie-banner')?.remove()")
    _hover(page, "quote", "We will not let")
    layout_before = page.evaluate("() => JSON.stringify(document.body.getBoundingClientRect())")
    page.wait_for_function("() => document.documentElement.lastElementChild.tagName === 'CLAIMLIGHT-CARD'")
    # The card's host is the only addition: outside <body>, closed, and of no size.
    host = page.evaluate("""() => { const h = document.documentElement.lastElementChild;
        const r = h.getBoundingClientRect();
        return { shadow: h.shadowRoot, w: r.width, h: r.height, pos: getComputedStyle(h).position,
                 children: document.documentElement.children.length }; }""")
    assert host == {"shadow": None, "w": 0, "h": 0, "pos": "fixed", "children": 3}
    assert page.evaluate("() => JSON.stringify(document.body.getBoundingClientRect())") == layout_before


def _card_text(page) -> str:
    """The hover card's text, read through DevTools, which can see into the closed shadow root."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]

        def find(node):
            if node.get("nodeName") == "CLAIMLIGHT-CARD":
                return node
            for child in node.get("children", []) + node.get("shadowRoots", []):
                hit = find(child)
                if hit:
                    return hit
            return None

        host = find(root)
        assert host and host.get("shadowRoots"), "no card host with a shadow root"
        shadow = host["shadowRoots"][0]
        assert shadow.get("shadowRootType") == "closed"
        html = cdp.send("DOM.getOuterHTML", {"nodeId": shadow["children"][-1]["nodeId"]})["outerHTML"]
    finally:
        cdp.detach()
    return re.sub(r"<[^>]+>", " ", html).replace("&amp;", "&")


def _hover(page, category: str, text: str) -> None:
    box = page.evaluate(
        page_function("[c, t]", """const r = [...ours(c)].map(live).find(r => r.toString().includes(t));
                          r.startContainer.parentElement.scrollIntoView({ block: 'center' });
                          const b = r.getClientRects()[0];
                          return { x: b.left + Math.min(b.width / 2, 40), y: b.top + b.height / 2 };"""),
        [category, text],
    )
    page.mouse.move(box["x"] - 3, box["y"])
    page.mouse.move(box["x"], box["y"])


def test_hover_card_on_quote_and_actor(ext, site):
    page = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    page.evaluate("document.querySelector('.cookie-banner')?.remove()")

    _hover(page, "quote", "People have been incredibly patient")
    page.wait_for_function("() => document.documentElement.lastElementChild.tagName === 'CLAIMLIGHT-CARD'")
    page.wait_for_timeout(300)
    text = " ".join(_card_text(page).split())
    assert "Quote" in text
    assert "Osei" in text  # who said it
    assert "said" in text  # the cue
    assert re.search(r"\b[2-9] quotes\b.* on this page", text), text  # Osei has more than one

    _hover(page, "organization", "Northport Chamber of Commerce")
    page.wait_for_timeout(400)
    text = " ".join(_card_text(page).split())
    assert "Organisation" in text and "Northport Chamber of Commerce" in text
    assert "Mentioned 1 time on this page" in text


def test_emoji_before_quotes_do_not_shift_offsets(ext, site):
    page = open_page(ext, f"{site}/emoji-reactions.html", "That was the best night of my career")
    quotes = highlights(page)["quote"]
    # UTF-16 offsets end to end: a shift by one code unit per emoji would cut the quotes off.
    assert "“That was the best night of my career, and I have played in front of bigger crowds than this,”" in quotes
    assert "“We deserved every minute of that,”" in quotes
    assert "“It was chaos, honestly — we missed the first goal,”" in quotes
    for q in quotes:
        assert q.startswith("“") and q.rstrip().endswith(("”", ",”", ".”")), q
    assert "Amara Okonjo" in highlights(page)["speaker"]


def test_dark_page_gets_the_dark_palette(ext, site):
    page = open_page(ext, f"{site}/dark-review.html", "We wanted a room where a string quartet")
    light = open_page(ext, f"{site}/harbour-bridge.html", "We will not let")
    popup = ext.popup(ext.tab_id("dark-review.html"))
    assert ext.page_state(popup, ext.tab_id("dark-review.html"))["theme"] == "dark"
    assert ext.page_state(popup, ext.tab_id("harbour-bridge.html"))["theme"] == "light"
