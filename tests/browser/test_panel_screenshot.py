"""Saves docs/panel.png: a seed article beside the side panel, stepped to one of its quotes."""

from __future__ import annotations

import base64

from .browser_helpers import REPO, page_function, wait_for_highlight

SHOT = REPO / "docs" / "panel.png"
PAGE_WIDTH, PANEL_WIDTH, HEIGHT = 860, 420, 800

# The panel drawn where Chrome puts a side panel: to the right of the page, full height.
COMPOSE = """<!doctype html><html><body style="margin:0">
<div style="display:flex;width:{total}px;height:{height}px;overflow:hidden;background:#dfe3e8">
  <img src="data:image/png;base64,{page}" style="display:block">
  <img src="data:image/png;base64,{panel}" style="display:block;border-left:1px solid #b9c0c8">
</div></body></html>"""


def test_save_panel_screenshot(ext, site):
    page = ext.context.new_page()
    page.set_viewport_size({"width": PAGE_WIDTH, "height": HEIGHT})
    page.goto(f"{site}/harbour-bridge.html")
    wait_for_highlight(page, "quote", "People have been incredibly patient")
    page.click(".cookie-banner button")
    tab = ext.tab_id("harbour-bridge.html")

    panel = ext.context.new_page()
    panel.set_viewport_size({"width": PANEL_WIDTH, "height": HEIGHT})
    panel.goto(f"chrome-extension://{ext.id}/sidepanel.html?tab={tab}")
    panel.wait_for_function("() => globalThis.claimlightPanel?.state()?.ledger?.fresh && document.querySelectorAll('.voice').length > 0")
    # Step to Osei's first full quotation, as a reader pressing "Next" would.
    for _ in range(5):
        panel.click("#next")
    panel.wait_for_function("() => document.querySelector('#nav-pos').textContent === 'Quote 5 of 8'")
    page.wait_for_function(
        page_function("", "return texts('focus').some(s => s.includes('People have been'));")
    )
    # Headless Chromium paints only the tab in front; the pointer goes where it shows no card.
    page.bring_to_front()
    page.mouse.move(PAGE_WIDTH - 4, 4)
    page.wait_for_function(
        page_function("", """const r = [...ours('quote')].map(live).find(r => r.toString().includes('People have been'));
                   const b = r.getBoundingClientRect(); return b.top > 0 && b.bottom < innerHeight;""")
    )
    page.wait_for_timeout(300)
    page_png = page.screenshot()
    panel.bring_to_front()
    panel.evaluate("() => window.scrollTo(0, 0)")
    panel_png = panel.screenshot()

    canvas = ext.context.new_page()
    canvas.set_viewport_size({"width": PAGE_WIDTH + PANEL_WIDTH + 1, "height": HEIGHT})
    canvas.set_content(
        COMPOSE.format(
            total=PAGE_WIDTH + PANEL_WIDTH + 1,
            height=HEIGHT,
            page=base64.b64encode(page_png).decode(),
            panel=base64.b64encode(panel_png).decode(),
        )
    )
    canvas.wait_for_function("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")
    SHOT.parent.mkdir(exist_ok=True)
    canvas.screenshot(path=str(SHOT))
    assert SHOT.stat().st_size > 20_000
