"""End-to-end fixtures: headless Chromium with the extension from extension/dist loaded, the seed
pages served over HTTP, and the real daemon (`python -m claimlight serve`) in a subprocess.

The fixtures are package-scoped, not session-scoped: Playwright's sync API keeps an event loop
running on the main thread while it is open, which would break every asyncio test collected after
this package.

Without /usr/bin/chromium (or Playwright) these tests skip, unless CLAIMLIGHT_REQUIRE_BROWSER is set
(as .ci/run does): then they fail, so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from claimlight.testing.browser import (
    CHROMIUM,
    EXTENSION,
    QuietHandler,
    extension_args,
    extension_worker,
    long_read,
    serve_directory,
)
from claimlight.testing.daemon import Daemon

from .browser_helpers import REPO, free_port

DIST = EXTENSION / "dist"
PAGES = REPO / "seeds" / "pages"
EXTENSION_ID = "kmkkphfbamihimlbikjgncnjghmnajnj"  # pinned by the "key" in extension/static/manifest.json


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str):
    if os.environ.get("CLAIMLIGHT_REQUIRE_BROWSER"):
        pytest.fail(f"browser tests are required (CLAIMLIGHT_REQUIRE_BROWSER is set) but {reason}", pytrace=False)
    pytest.skip(reason)


# --- the extension build ---------------------------------------------------------------------------


def _ensure_built() -> None:
    """`make test` builds the extension first; a bare `pytest` builds it here if it can."""
    sources = [p for p in (EXTENSION / "src").rglob("*") if p.is_file()] + list((EXTENSION / "static").iterdir())
    built = DIST / "manifest.json"
    if built.exists() and built.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return
    npm = shutil.which("npm")
    if not npm:
        _unavailable("extension/dist is missing or stale and npm is not installed to build it")
    if not (EXTENSION / "node_modules").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=EXTENSION, check=True)
    subprocess.run([npm, "run", "--silent", "build"], cwd=EXTENSION, check=True)


# --- seed pages over HTTP --------------------------------------------------------------------------


class _SeedPages(QuietHandler):
    def do_GET(self):
        if self.path.split("?")[0] == "/long-read.html":
            self.send_body(long_read(PAGES))
            return
        super().do_GET()


@pytest.fixture(scope="package")
def site():
    with serve_directory(PAGES, _SeedPages) as url:
        yield url


# --- the daemon -------------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def daemon_factory(tmp_path_factory):
    started: list[Daemon] = []

    def make(port: int | None = None) -> Daemon:
        # A port chosen here, not by the OS: the restart tests start a second daemon on the same one.
        d = Daemon(tmp_path_factory.mktemp("daemon"), port=port or free_port(), log_level="info")
        started.append(d)
        return d

    yield make
    for d in started:
        d.stop()


@pytest.fixture(scope="package")
def daemon(daemon_factory):
    return daemon_factory().start()


# --- the browser ------------------------------------------------------------------------------------


class Extension:
    """The loaded extension: its service worker, and helpers to drive and inspect it."""

    def __init__(self, context, worker):
        self.context = context
        self.worker = worker
        self.id = worker.url.split("/")[2]
        self.since = 0  # the service worker's clock (ms) when the current test began

    def begin_test(self) -> None:
        self.since = self.sw("() => Date.now()")

    def sw(self, expression: str, arg=None):
        """Evaluates in the service worker (whose `claimlight` global exposes its state)."""
        return self.worker.evaluate(expression, arg)

    def set_port(self, port: int) -> None:
        self.sw("port => chrome.storage.local.set({ daemonPort: port })", port)

    def reset_settings(self) -> None:
        # Chrome allows sync storage 120 writes a minute: a run of quick tests that each cleared it
        # would hit the quota and fail the next tests' set-up. Reads are free; clear only what is there.
        self.sw("async () => { if (Object.keys(await chrome.storage.sync.get(null)).length) await chrome.storage.sync.clear(); }")

    def tab_id(self, url_part: str) -> int:
        """The id of the tab whose page URL contains `url_part`. Without the "tabs" permission the
        extension cannot read tab URLs, so each tab's content script is asked for its own."""
        tab = self.sw(
            """async part => {
                for (const t of await chrome.tabs.query({})) {
                    const state = await chrome.tabs.sendMessage(t.id, { type: 'cl-get-page-state' }).catch(() => null);
                    if (state && state.url.includes(part)) return t.id;
                }
                return null;
            }""",
            url_part,
        )
        assert tab is not None, f"no tab with a content script on a page matching {url_part!r}"
        return tab

    def requests_for(self, url_part: str) -> list[dict]:
        """The requests for pages whose URL contains `url_part` made since the test began (`ext`): the
        browser is shared, and a page may have been read by an earlier test (the pages corpus)."""
        return self.sw(
            "([part, since]) => claimlight.stats.log.filter(r => (r.url || '').includes(part) && r.at >= since)",
            [url_part, self.since],
        )

    def popup(self, tab_id: int, width: int = 320, height: int = 560):
        page = self.context.new_page()
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"chrome-extension://{self.id}/popup.html?tab={tab_id}")
        page.wait_for_selector('.cat[data-category="quote"]')
        return page

    def page_state(self, popup_page, tab_id: int) -> dict:
        return popup_page.evaluate("id => chrome.tabs.sendMessage(id, { type: 'cl-get-page-state' })", tab_id)


@pytest.fixture(scope="package")
def browser_context(tmp_path_factory):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    _ensure_built()
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=extension_args(DIST),
            viewport={"width": 1280, "height": 800},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="package")
def extension(browser_context, daemon):
    worker = extension_worker(browser_context)
    ext = Extension(browser_context, worker)
    ext.set_port(daemon.port)
    return ext


@pytest.fixture
def ext(extension, daemon):
    """The extension with default settings, talking to the session daemon; pages closed afterwards."""
    extension.reset_settings()
    extension.set_port(daemon.port)
    extension.begin_test()
    yield extension
    for page in list(extension.context.pages):
        page.close()
