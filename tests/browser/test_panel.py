"""The side panel on a seed page, with the real daemon: the voices and their counts, clicking to a
quote, stepping through every quote with the keyboard, the exports' text-fragment links, the hover
card's "show all by this speaker", and an accessibility check (axe-core) in light and dark.

The panel is opened as its own extension page about the tab (sidepanel.html?tab=ID), the way the
popup is tested: headless Chromium has no side panel to show it in.
"""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from .browser_helpers import REPO, open_page, page_function, wait_for_highlight

PAGE = "harbour-bridge.html"
AXE = REPO / "extension" / "node_modules" / "axe-core" / "axe.min.js"

# The quotations of harbour-bridge.html in page order, with their speakers, read off the page.
QUOTES = [
    ("“We will not let the Harbour Bridge close again once it reopens,”", "Elena Varga"),
    ("“This time we fix it properly, even if that means a longer wait.”", "Elena Varga"),
    ("“Every week the bridge stays shut, this town loses another shop,”", "Priya Nandakumar"),
    ("“the fastest thing we can build, but it is not a quick fix.”", "Daniel Osei"),
    ("“People have been incredibly patient,”", "Daniel Osei"),
    ("“I know that patience is wearing thin, and frankly I understand why.”", "Daniel Osei"),
    ("“The council was told about corrosion on that span in 2019 and did nothing,”", "Ruth Abernathy"),
    ("“Residents deserve to know who decided to wait.”", "Ruth Abernathy"),
]

# Every voice, as a reader counts them: quotes, and reported claims (a clause after "said",
# "warned that", "told … that", "confirmed", "according to", "accused … of").
VOICES = {
    "People": {
        "Daniel Osei": (3, 1),  # three quotes; "told the council’s infrastructure committee that …"
        "Priya Nandakumar": (1, 2),  # the pull quote; "said footfall …", "warned that …"
        "Ruth Abernathy": (2, 1),  # "accused the administration of ignoring warnings"
        "Elena Varga": (2, 0),
    },
    "Organisations": {
        "a council report": (0, 2),  # "according to a council report", then "The report said that …"
        # "… confirmed"; the standfirst's "the council now says …" is not article text (the corpus rule)
        "Calder & Webb": (0, 2),  # "said in a statement that …", "The firm expects to complete …"
        "Northport City Council": (0, 1),
    },
}

ROLES = {"Elena Varga": "Mayor", "Daniel Osei": "Transport chief", "Ruth Abernathy": "Opposition councillor"}

# The emphasis of the quotation the panel went to (its name is random per page load, like the others').
FOCUSED = page_function("", "const h = ours('focus'); return h ? texts('focus').join(' ') : null;")

IN_VIEW = page_function("text", """const r = [...ours('quote')].map(live).find(r => r.toString().replace(/\\s+/g, ' ').includes(text));
  const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight;""")


def open_panel(ext, site, *, width=380, height=900, scheme="light"):
    page = open_page(ext, f"{site}/{PAGE}", "Residents deserve")
    tab = ext.tab_id(PAGE)
    panel = ext.context.new_page()
    panel.emulate_media(color_scheme=scheme)
    panel.set_viewport_size({"width": width, "height": height})
    panel.goto(f"chrome-extension://{ext.id}/sidepanel.html?tab={tab}")
    panel.wait_for_function("() => globalThis.claimlightPanel?.state()?.ledger?.fresh && document.querySelectorAll('.voice').length > 0")
    return page, panel, tab


def voices(panel) -> dict:
    return panel.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#groups .group')].map(g => [
             g.getAttribute('aria-label'),
             Object.fromEntries([...g.querySelectorAll('.voice')].map(v => [
               v.querySelector('.voice-name').textContent,
               { role: v.querySelector('.voice-role')?.textContent ?? null,
                 counts: v.querySelector('.voice-counts').textContent,
                 excerpts: [...v.querySelectorAll('.excerpt')].map(e => [e.querySelector('.kind').textContent, e.querySelector('.text').textContent]) }]))]))"""
    )


def counts_label(quotes: int, reported: int) -> str:
    parts = []
    if quotes:
        parts.append(f"{quotes} quote{'s' * (quotes != 1)}")
    if reported:
        parts.append(f"{reported} reported claim{'s' * (reported != 1)}")
    return " · ".join(parts)


def test_voices_of_the_page_with_their_counts_roles_and_excerpts(ext, site):
    _, panel, _ = open_panel(ext, site)
    got = voices(panel)
    assert set(got) == set(VOICES), got.keys()
    for group, expected in VOICES.items():
        assert list(got[group]) == list(expected), group  # most quoted and reported first
        for name, (quotes, reported) in expected.items():
            assert got[group][name]["counts"].startswith(counts_label(quotes, reported)), (name, got[group][name])
    for name, role in ROLES.items():
        assert got["People"][name]["role"] == role
    # Excerpts in page order under each speaker.
    osei = [text for kind, text in got["People"]["Daniel Osei"]["excerpts"] if kind == "quote"]
    assert osei == [q for q, who in QUOTES if who == "Daniel Osei"]
    # The ledger: shares of the words, and who has the quoted words.
    ledger = panel.evaluate("() => claimlightPanel.state().ledger")
    assert ledger["quoted_words"] + ledger["reported_words"] + ledger["own_words"] == ledger["words"]
    assert (ledger["named_sources"], ledger["unnamed_sources"], ledger["unattributed"]) == (7, 0, 0)
    shares = panel.evaluate("() => [...document.querySelectorAll('#shares li .who')].map(e => e.textContent)")
    assert shares == ["Daniel Osei", "Elena Varga", "Ruth Abernathy", "Priya Nandakumar"]
    assert "7 sources: 7 named, 0 unnamed." in panel.text_content("#sources-line")
    # Every figure on this page is sourced ("according to a council report", "Nandakumar said").
    assert panel.evaluate("() => claimlightPanel.state().figures") == []


def test_clicking_an_excerpt_scrolls_the_page_to_that_quote(ext, site):
    page, panel, _ = open_panel(ext, site)
    text = QUOTES[-1][0]
    assert not page.evaluate(IN_VIEW, text)
    panel.click(f".excerpt:has-text('{text[1:30]}')")
    page.wait_for_function(IN_VIEW, arg=text, timeout=5_000)
    assert page.evaluate(FOCUSED) == text
    assert page.evaluate("() => scrollY") > 0
    # The panel marks it as the current one and says so.
    panel.wait_for_function(f"() => document.querySelector('.excerpt[aria-current=true] .text')?.textContent === {json.dumps(text)}")
    assert panel.text_content("#current") == f"Quote 8 of 8, Ruth Abernathy: {text}"


def test_keyboard_walks_every_quote_in_page_order(ext, site):
    page, panel, tab = open_panel(ext, site)
    panel.focus("#next")
    seen = []
    for i in range(len(QUOTES) + 1):
        panel.keyboard.press("Enter")
        k = i % len(QUOTES)
        panel.wait_for_function(f"() => document.querySelector('#nav-pos').textContent === 'Quote {k + 1} of {len(QUOTES)}'")
        page.wait_for_function(f"() => ({FOCUSED})() === {json.dumps(QUOTES[k][0])}", timeout=5_000)
        seen.append((page.evaluate(FOCUSED), panel.text_content("#current")))
        assert panel.evaluate("() => document.activeElement.id") == "next"  # focus stays on the button
    assert [text for text, _ in seen] == [q for q, _ in QUOTES] + [QUOTES[0][0]]  # and round again
    assert [line.split(":")[0] for _, line in seen[:2]] == ["Quote 1 of 8, Elena Varga", "Quote 2 of 8, Elena Varga"]
    # The shortcuts' path: the service worker asks the page to step back, panel or not.
    ext.sw("tab => chrome.tabs.sendMessage(tab, { type: 'cl-step', dir: -1 })", tab)
    page.wait_for_function(f"() => ({FOCUSED})() === {json.dumps(QUOTES[-1][0])}", timeout=5_000)
    commands = {c["name"]: c for c in panel.evaluate("() => chrome.commands.getAll()")}
    assert {"next-quote", "previous-quote", "open-panel"} <= set(commands)


def test_only_one_speakers_quotes(ext, site):
    page, panel, _ = open_panel(ext, site)
    panel.click(".voice:has(.voice-name:text-is('Daniel Osei')) .voice-only")
    panel.wait_for_selector("#filter:not([hidden])")
    assert panel.text_content("#filter-name") == "Daniel Osei"
    walked = []
    for _ in range(4):
        panel.click("#next")
        panel.wait_for_function(f"() => /^Quote \\d of 3$/.test(document.querySelector('#nav-pos').textContent) && document.querySelector('#nav-pos').textContent !== {json.dumps(walked[-1][1] if walked else '')}")
        walked.append((page.evaluate(FOCUSED), panel.text_content("#nav-pos")))
    osei = [q for q, who in QUOTES if who == "Daniel Osei"]
    assert [t for t, _ in walked] == osei + osei[:1]
    panel.click("#clear-filter")
    panel.wait_for_selector("#filter", state="hidden")


def test_markdown_export_links_open_the_page_at_each_quote(ext, site):
    page, panel, _ = open_panel(ext, site)
    # What reaches the clipboard (reading it back needs a permission the extension does not ask for).
    panel.evaluate(
        """() => { const write = navigator.clipboard.writeText.bind(navigator.clipboard);
                   navigator.clipboard.writeText = text => { window.copied = text; return write(text); }; }"""
    )
    panel.click("#copy-md")
    panel.wait_for_function("() => document.querySelector('#export-status').textContent === 'Copied as Markdown.'")
    md = panel.evaluate("() => window.copied")
    assert md.startswith("# Who says what: Harbour Bridge to stay shut")
    assert f"<{site}/{PAGE}>" in md
    quotes_part = md.split("## Quotes")[1].split("## Reported claims")[0]
    lines = [line for line in quotes_part.splitlines() if line[:1].isdigit()]
    assert len(lines) == len(QUOTES)
    for line, (text, who) in zip(lines, QUOTES):
        assert f"**{who}**" in line and text in line
        link = line.rsplit("](", 1)[1].rstrip(")")
        base, directive = link.split("#:~:text=")
        assert base == f"{site}/{PAGE}"
        terms = directive.split(",")
        # "-", "," and "&" inside a term are percent-encoded: the only raw ones are the syntax.
        assert all("&" not in t and "-" not in t.strip("-") for t in terms)
        words = [unquote(t.strip("-")) for t in terms if not (t.endswith("-") or t.startswith("-"))]
        assert text.startswith(words[0]) and text.endswith(words[-1])
    # A link opens a fresh page scrolled to its quotation.
    last = lines[-1].rsplit("](", 1)[1].rstrip(")")
    fresh = ext.context.new_page()
    fresh.goto(last)
    fresh.wait_for_function("() => scrollY > 200", timeout=10_000)
    seen = fresh.evaluate(
        """text => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
             for (let n; (n = w.nextNode());) if (n.data.includes(text)) { const b = n.parentElement.getBoundingClientRect();
               return b.bottom > 0 && b.top < innerHeight; } return false; }""",
        "Residents deserve to know",
    )
    assert seen


def test_json_export_downloads_the_report(ext, site, tmp_path):
    _, panel, _ = open_panel(ext, site)
    with panel.expect_download() as info:
        panel.click("#download-json")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert info.value.suggested_filename.startswith("claimlight-harbour-bridge-to-stay-shut")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["url"] == f"{site}/{PAGE}" and data["read_at"] and data["title"].startswith("Harbour Bridge")
    assert [(q["text"], q["speaker"]) for q in data["quotes"]] == QUOTES
    assert all(q["link"].startswith(f"{site}/{PAGE}#:~:text=") for q in data["quotes"])
    assert data["ledger"]["named_sources"] == 7 and data["ledger"]["current"] is True
    assert {r["speaker"] for r in data["reported"]} == {"Daniel Osei", "Priya Nandakumar", "Ruth Abernathy", "Northport City Council", "a council report", "Calder & Webb"}


def _card_button(page):
    """The hover card lives in a closed shadow root; DevTools (pierce) still sees it."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]

    def find(node, pred):
        if pred(node):
            return node
        for key in ("children", "shadowRoots"):
            for child in node.get(key, []):
                got = find(child, pred)
                if got:
                    return got
        return None

    host = find(root, lambda n: n.get("nodeName") == "CLAIMLIGHT-CARD")
    card = find(host, lambda n: n.get("nodeName") == "DIV" and any("card" in v.split() for v in n.get("attributes", [])[1::2]))
    button = find(card, lambda n: n.get("nodeName") == "BUTTON")

    def box(node):
        quad = cdp.send("DOM.getBoxModel", {"backendNodeId": node["backendNodeId"]})["model"]["border"]
        return {"left": min(quad[0::2]), "right": max(quad[0::2]), "top": min(quad[1::2]), "bottom": max(quad[1::2])}

    return box(card), box(button) if button else None


def test_hover_card_keeps_clear_of_the_speaker_and_shows_all_by_them(ext, site):
    page = ext.context.new_page()
    page.set_viewport_size({"width": 760, "height": 800})  # "said Mayor Elena Varga" wraps below the quote
    page.goto(f"{site}/{PAGE}")
    wait_for_highlight(page, "quote", "We will not let")
    page.click(".cookie-banner button")
    geometry = page.evaluate(
        "async " + page_function("", """
             const q = [...ours('quote')].map(live).find(r => r.toString().includes('We will not let'));
             q.startContainer.parentElement.scrollIntoView({ block: 'center' });
             await new Promise(f => requestAnimationFrame(() => requestAnimationFrame(f)));
             const sp = [...ours('speaker')].map(live).find(r => r.toString().includes('Elena Varga'));
             const rect = r => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
             const first = q.getClientRects()[0];
             const para = q.startContainer.parentElement.closest('p').getBoundingClientRect();
             return { at: { x: first.left + 30, y: first.top + first.height / 2 },
                      line: { left: para.left, right: para.right, top: first.top, bottom: first.bottom },
                      speaker: [...sp.getClientRects()].map(rect) };""")
    )
    page.mouse.move(geometry["at"]["x"] - 5, geometry["at"]["y"])
    page.mouse.move(geometry["at"]["x"], geometry["at"]["y"])
    page.wait_for_function("() => document.documentElement.lastElementChild.tagName === 'CLAIMLIGHT-CARD'")
    page.wait_for_timeout(250)
    card, button = _card_button(page)

    def clear(a, b):
        return a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]

    assert clear(card, geometry["line"]), (card, geometry["line"])
    assert all(clear(card, r) for r in geometry["speaker"]), (card, geometry["speaker"])
    assert button is not None
    # Into the card and onto its button: it stays, and the click files the speaker for the panel.
    page.mouse.move((button["left"] + button["right"]) / 2, (button["top"] + button["bottom"]) / 2, steps=8)
    page.mouse.click((button["left"] + button["right"]) / 2, (button["top"] + button["bottom"]) / 2)
    tab = ext.tab_id(PAGE)
    panel = ext.context.new_page()
    panel.goto(f"chrome-extension://{ext.id}/sidepanel.html?tab={tab}")
    panel.wait_for_selector("#filter:not([hidden])")
    assert panel.text_content("#filter-name") == "Elena Varga"
    panel.click("#next")
    page.wait_for_function(f"() => ({FOCUSED})() === {json.dumps(QUOTES[0][0])}")
    panel.click("#next")
    page.wait_for_function(f"() => ({FOCUSED})() === {json.dumps(QUOTES[1][0])}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(ext, site, scheme):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` in extension/ (make test does)")
    page, panel, _ = open_panel(ext, site, scheme=scheme)
    # A current quote and a filter on: every state of the panel is in the page when axe looks.
    panel.click(".voice:has(.voice-name:text-is('Elena Varga')) .voice-only")
    panel.click("#next")
    panel.wait_for_selector(".excerpt[aria-current=true]")
    panel.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = panel.evaluate(
        """async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
             return { violations: r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })),
                      contrastChecked: (r.passes.find(p => p.id === 'color-contrast')?.nodes.length ?? 0) }; }"""
    )
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    assert result["contrastChecked"] > 20  # the contrast rule did look at the panel's text
    assert panel.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")


def test_panel_is_live_as_a_live_blog_grows(ext, site):
    page = open_page(ext, f"{site}/live-blog.html", "The crew of three are safe and well")  # the page's own late entries are in
    tab = ext.tab_id("live-blog.html")
    panel = ext.context.new_page()
    panel.goto(f"chrome-extension://{ext.id}/sidepanel.html?tab={tab}")
    # Analysed entry by entry before the panel opened: the panel asks for the whole page once.
    panel.wait_for_function("() => claimlightPanel.state()?.ledger?.fresh")
    before = panel.evaluate("() => claimlightPanel.state()")
    assert any("The crew of three" in it["text"] for it in before["items"])
    sent = len(ext.requests_for("live-blog.html"))
    # A new entry arrives while the panel is open: a new voice, and a ledger that counts it.
    page.evaluate(
        """() => { const e = document.createElement('article'); e.className = 'live-entry';
                   e.innerHTML = '<time>09:05</time><h3>Ferry back</h3><p></p>';
                   e.querySelector('p').textContent = '“We expect the first sailing at noon,” said harbourmaster Ines Calloway. The ferry carries 400 passengers.';
                   document.getElementById('feed').prepend(e); }"""
    )
    panel.wait_for_function(
        "() => [...document.querySelectorAll('.voice-name')].some(e => e.textContent === 'Ines Calloway') && claimlightPanel.state().ledger.fresh"
    )
    after = panel.evaluate("() => claimlightPanel.state()")
    assert after["ledger"]["words"] > before["ledger"]["words"]
    assert after["ledger"]["quoted_words"] > before["ledger"]["quoted_words"]
    # With the panel open every request is the whole page, so its ledger is the page's.
    blocks = ext.requests_for("live-blog.html")[sent:]
    assert blocks and all(r["blocks"] == blocks[0]["blocks"] for r in blocks)
    assert "400 passengers" in [f["text"] for f in after["figures"]]


def test_popup_offers_the_side_panel(ext, site):
    page = open_page(ext, f"{site}/{PAGE}", "We will not let")
    popup = ext.popup(ext.tab_id(PAGE))
    popup.wait_for_selector("#open-panel:not([hidden])")
    assert popup.text_content("#open-panel").startswith("Who says what")
