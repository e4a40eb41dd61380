"""End-to-end fixtures: headless Chromium with the extension from extension/dist loaded, the seed
pages served over HTTP, and the real daemon (`python -m claimlight serve`) in a subprocess.

The fixtures are package-scoped, not session-scoped: Playwright's sync API keeps an event loop
running on the main thread while it is open, which would break every asyncio test collected after
this package.

Without /usr/bin/chromium (or Playwright) these tests skip, unless CLAIMLIGHT_REQUIRE_BROWSER is set
(as .ci/run does): then they fail, so CI can never pass by skipping them.
"""

from __future__ import annotations

import functools
import http.client
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from .browser_helpers import REPO, free_port

EXTENSION = REPO / "extension"
DIST = EXTENSION / "dist"
PAGES = REPO / "seeds" / "pages"
CHROMIUM = os.environ.get("CLAIMLIGHT_CHROMIUM", "/usr/bin/chromium")
EXTENSION_ID = "kmkkphfbamihimlbikjgncnjghmnajnj"  # pinned by the "key" in extension/static/manifest.json

LAUNCH_ARGS = [
    f"--load-extension={DIST}",
    f"--disable-extensions-except={DIST}",
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium keeps trying to reach Google's servers, which this machine cannot.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


def long_read() -> bytes:
    """A page long enough (> 6,000 characters) that the extension asks the daemon to stream: the
    Harbour Bridge article's body four times over, each part's paragraphs made distinct."""
    html = (PAGES / "harbour-bridge.html").read_text(encoding="utf-8")
    start = html.index("<p>The Harbour Bridge, which carries")
    end = html.index('<section class="related"')
    body = html[start:end]
    parts = [f"<h2>Part {n}</h2>" + body.replace("</p>", f" (Part {n} of the series.)</p>") for n in range(1, 5)]
    return (html[:start] + "".join(parts) + html[end:]).encode("utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.split("?")[0] == "/long-read.html":
            body = long_read()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@pytest.fixture(scope="package")
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(PAGES)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# --- the daemon -------------------------------------------------------------------------------------


class Daemon:
    """`python -m claimlight serve` on a port of ours, with private HOME and XDG directories."""

    def __init__(self, port: int, root: Path):
        self.port = port
        self.root = root
        self.proc: subprocess.Popen | None = None
        self.log = root / "daemon.log"

    def start(self) -> "Daemon":
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMLIGHT_")}
        env.update(
            HOME=str(self.root / "home"),
            XDG_CONFIG_HOME=str(self.root / "config"),
            XDG_STATE_HOME=str(self.root / "state"),
            PYTHONUNBUFFERED="1",
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "claimlight", "serve", "--port", str(self.port)],
            cwd=REPO,
            env=env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def wait_ready(self, timeout: float = 90.0) -> "Daemon":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the daemon exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/health")
                body = json.loads(conn.getresponse().read())
                conn.close()
                if body.get("status") == "ok":
                    return self
            except (OSError, ValueError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the daemon was not ready after {timeout} s:\n{self.tail()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


@pytest.fixture(scope="package")
def daemon_factory(tmp_path_factory):
    started: list[Daemon] = []

    def make(port: int | None = None) -> Daemon:
        d = Daemon(port or free_port(), tmp_path_factory.mktemp("daemon"))
        started.append(d)
        return d

    yield make
    for d in started:
        d.stop()


@pytest.fixture(scope="package")
def daemon(daemon_factory):
    return daemon_factory().start().wait_ready()


# --- the browser ------------------------------------------------------------------------------------


class Extension:
    """The loaded extension: its service worker, and helpers to drive and inspect it."""

    def __init__(self, context, worker):
        self.context = context
        self.worker = worker
        self.id = worker.url.split("/")[2]

    def sw(self, expression: str, arg=None):
        """Evaluates in the service worker (whose `claimlight` global exposes its state)."""
        return self.worker.evaluate(expression, arg)

    def set_port(self, port: int) -> None:
        self.sw("port => chrome.storage.local.set({ daemonPort: port })", port)

    def reset_settings(self) -> None:
        self.sw("() => chrome.storage.sync.clear()")

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
        return self.sw("part => claimlight.stats.log.filter(r => (r.url || '').includes(part))", url_part)

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
            args=LAUNCH_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="package")
def extension(browser_context, daemon):
    worker = browser_context.service_workers[0] if browser_context.service_workers else browser_context.wait_for_event(
        "serviceworker", timeout=15000
    )
    ext = Extension(browser_context, worker)
    ext.set_port(daemon.port)
    return ext


@pytest.fixture
def ext(extension, daemon):
    """The extension with default settings, talking to the session daemon; pages closed afterwards."""
    extension.reset_settings()
    extension.set_port(daemon.port)
    yield extension
    for page in list(extension.context.pages):
        page.close()
