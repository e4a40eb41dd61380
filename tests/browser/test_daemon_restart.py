"""The daemon is not running when the page opens; it starts later; the page lights up."""

from __future__ import annotations

import time

from .browser_helpers import free_port, highlights, open_page, wait_for_highlight

# No claimlight highlight is registered in the page.
_NOTHING_PAINTED = """() => { for (const [name, h] of CSS.highlights) if (name.startsWith('claimlight-') && h.size) return false;
                               return true; }"""


def _request_waits_and_nothing_is_painted(ext, page) -> None:
    """The page's request waits in the worker, which keeps retrying, and the page shows nothing
    (quotes it painted on the belief that the daemon was up have come down once the worker said)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        state = ext.sw("() => ({ pending: claimlight.router.size, socket: claimlight.socket.snapshot() })")
        if state["pending"] and state["socket"]["attempt"] >= 1:
            break
        time.sleep(0.2)
    assert state["pending"] >= 1 and state["socket"]["state"] != "open", state
    page.wait_for_function(_NOTHING_PAINTED, timeout=10_000)
    time.sleep(0.5)  # and nothing comes back
    assert all(v == [] for v in highlights(page).values())


def test_page_opened_while_daemon_down_is_highlighted_when_it_starts(ext, site, daemon_factory):
    port = free_port()
    ext.set_port(port)
    page = ext.context.new_page()
    page.goto(f"{site}/emoji-reactions.html")
    _request_waits_and_nothing_is_painted(ext, page)

    popup = ext.popup(ext.tab_id("emoji-reactions.html"))
    popup.wait_for_function("() => document.querySelector('#status').dataset.state === 'waiting'")
    assert f"not running on port {port}" in popup.text_content("#status-text")
    assert "claimlight serve" in popup.text_content("#status-help")
    assert popup.is_visible("#status-help")

    daemon = daemon_factory(port).start()
    wait_for_highlight(page, "quote", "That was the best night of my career", timeout=45_000)
    popup.wait_for_function("() => document.querySelector('#status').dataset.state === 'open'")

    # And when it goes away again, the popup says so.
    daemon.stop()
    popup.wait_for_function("() => document.querySelector('#status').dataset.state === 'waiting'", timeout=15_000)


def test_daemon_restart_while_connected_reconnects_and_re_requests(ext, site, daemon_factory):
    port = free_port()
    ext.set_port(port)
    first = daemon_factory(port).start()
    page = open_page(ext, f"{site}/emoji-reactions.html", "That was the best night of my career", timeout=45_000)

    # The daemon goes away (a restart, an upgrade); a page opened meanwhile waits for it.
    first.stop()
    later = ext.context.new_page()
    later.goto(f"{site}/harbour-bridge.html")
    time.sleep(1.0)
    assert all(v == [] for v in highlights(later).values())

    daemon_factory(port).start()
    wait_for_highlight(later, "quote", "People have been incredibly patient", timeout=45_000)
    # the page highlighted before the restart keeps its highlights
    assert any("That was the best night of my career" in t for t in highlights(page)["quote"])


def test_quotes_painted_on_a_stale_belief_that_the_daemon_is_up_come_down(ext, site, daemon_factory):
    """A page paints the quotes it finds itself at once when the daemon was up when last known
    (the worker keeps that in session storage), before the worker has said anything. When the
    worker then says it is down, they come down: a page shows nothing while the daemon is not
    running. (Whether the worker's word comes before or after the page's first paint depends on
    the machine's load; either way nothing stays painted.)"""
    port = free_port()
    ext.set_port(port)
    # As if the daemon had gone away since the worker last saw it up.
    ext.sw("() => chrome.storage.session.set({ daemonUp: true })")
    page = ext.context.new_page()
    page.goto(f"{site}/emoji-reactions.html")
    _request_waits_and_nothing_is_painted(ext, page)
    daemon_factory(port).start()
    wait_for_highlight(page, "quote", "That was the best night of my career", timeout=45_000)
    assert ext.sw("() => chrome.storage.session.get('daemonUp')") == {"daemonUp": True}
