"""Saves docs/screenshot.png: a seed article with its highlights, a hover card, and the popup."""

from __future__ import annotations

import base64

from .browser_helpers import open_page, page_function
from .browser_helpers import REPO

SHOT = REPO / "docs" / "screenshot.png"

# The popup drawn where Chrome opens it, under the toolbar at the top right.
COMPOSE = """<!doctype html><html><body style="margin:0">
<div style="position:relative;width:1280px;height:800px;overflow:hidden">
  <img src="data:image/png;base64,{page}" style="display:block">
  <img src="data:image/png;base64,{popup}" style="position:absolute;top:10px;right:14px;border-radius:8px;
       box-shadow:0 10px 30px rgba(0,0,0,.28),0 0 0 1px rgba(0,0,0,.12)">
</div></body></html>"""


def test_save_screenshot(ext, site):
    page = open_page(ext, f"{site}/harbour-bridge.html", "People have been incredibly patient")
    page.click(".cookie-banner button")  # accept, as a reader would
    box = page.evaluate(
        "async " + page_function("", """const r = [...ours('quote')].map(live).find(r => r.toString().includes('People have been'));
                   r.startContainer.parentElement.scrollIntoView({ block: 'center' });
                   await new Promise(f => requestAnimationFrame(() => requestAnimationFrame(f)));
                   const b = r.getClientRects()[0]; return { x: b.left + 60, y: b.top + b.height / 2 };""")
    )
    page.mouse.move(box["x"] - 4, box["y"])
    page.mouse.move(box["x"], box["y"])
    page.wait_for_function("() => document.documentElement.lastElementChild.tagName === 'CLAIMLIGHT-CARD'")
    page.wait_for_timeout(300)  # the card fades in
    page_png = page.screenshot()

    popup = ext.popup(ext.tab_id("harbour-bridge.html"), height=520)
    popup.wait_for_function("() => document.querySelector('#status').dataset.state === 'open'")
    popup.wait_for_function("() => Number(document.querySelector('.cat[data-category=quote] .count').textContent) > 0")
    height = popup.evaluate("() => Math.ceil(document.body.getBoundingClientRect().height)")
    popup_png = popup.screenshot(clip={"x": 0, "y": 0, "width": 320, "height": height})

    canvas = ext.context.new_page()
    canvas.set_viewport_size({"width": 1280, "height": 800})
    canvas.set_content(COMPOSE.format(page=base64.b64encode(page_png).decode(), popup=base64.b64encode(popup_png).decode()))
    canvas.wait_for_function("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")
    SHOT.parent.mkdir(exist_ok=True)
    canvas.screenshot(path=str(SHOT))
    assert SHOT.stat().st_size > 20_000
