"""Headless Chromium with the built extension, and pages served over HTTP: what the browser tests,
`claimlight bench` and `claimlight pages` share.

Needs a checkout (the extension is built into extension/dist by `make extension`), Playwright for
Python and a Chromium binary (CLAIMLIGHT_CHROMIUM, default /usr/bin/chromium).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
EXTENSION = REPO / "extension"
DIST = EXTENSION / "dist"
CHROMIUM = os.environ.get("CLAIMLIGHT_CHROMIUM", "/usr/bin/chromium")

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium keeps trying to reach Google's servers, which a closed machine cannot.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def extension_args(dist: Path = DIST) -> list[str]:
    """Launch arguments that load the unpacked extension, and only it."""
    return [f"--load-extension={dist}", f"--disable-extensions-except={dist}", *LAUNCH_ARGS]


def unavailable() -> str | None:
    """Why the browser cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed"
    if not Path(CHROMIUM).exists():  # read at call time: a test may point CHROMIUM elsewhere
        return f"{CHROMIUM} not found; apt-get install chromium or set CLAIMLIGHT_CHROMIUM"
    return None


def extension_worker(context, timeout_ms: float = 20_000):
    """The extension's service worker in a persistent context launched with `extension_args`."""
    return context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker", timeout=timeout_ms)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, no request log, never cached (a test may serve a changed page at the same URL)."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_body(self, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_directory(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serves `directory` on a free loopback port; yields the site's base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def long_read(pages: Path) -> bytes:
    """A page long enough (> 6,000 characters) that the extension asks the daemon to stream: the
    Harbour Bridge article's body (seeds/pages/harbour-bridge.html) four times over, each part's
    paragraphs made distinct."""
    html = (pages / "harbour-bridge.html").read_text(encoding="utf-8")
    start = html.index("<p>The Harbour Bridge, which carries")
    end = html.index('<section class="related"')
    body = html[start:end]
    parts = [f"<h2>Part {n}</h2>" + body.replace("</p>", f" (Part {n} of the series.)</p>") for n in range(1, 5)]
    return (html[:start] + "".join(parts) + html[end:]).encode("utf-8")
