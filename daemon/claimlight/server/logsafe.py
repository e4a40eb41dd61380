"""Keeping secrets and page text out of the log.

The daemon's own code never passes page text, titles, URLs or tokens to a logger; this module is the
second line of defence for what libraries log (aiohttp echoes handshake headers in some warnings, and
exception messages can quote their input): a filter on every handler that masks tokens, and helpers
that describe an exception by type and location only.

It also keeps the log from being something a web page can write. Any page can send requests to
127.0.0.1: malformed or oversized ones (a 9 KB URL) make aiohttp's HTTP parser raise before any
handler runs, and aiohttp logs each with a traceback that quotes the request's bytes. Every event a
client can cause (those, refused handshakes, WebSocket protocol errors) goes through `refusals`:
one short line each, no traceback and nothing from the request but a reason, at most 20 a minute
for all of them together (`Throttle`).
"""

from __future__ import annotations

import asyncio
import logging
import re
import traceback
from collections.abc import Iterable

REDACTED = "[redacted]"
_PATTERNS = (
    re.compile(r"claimlight\.token\.[^\s,'\"\]\)]+"),
    re.compile(r"(?i)(bearer\s+)[^\s,'\"\]\)]+"),
)

log = logging.getLogger("claimlight.server")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    text = _PATTERNS[0].sub("claimlight.token." + REDACTED, text)
    return _PATTERNS[1].sub(lambda m: m.group(1) + REDACTED, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) with secrets masked."""

    def __init__(self, secrets: Iterable[str] = ()):
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a library's bad format string must not lose the record or raise
            message = str(record.msg)
        record.msg, record.args = redact(message, self.secrets), None
        if record.exc_info:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)), self.secrets).rstrip()
            record.exc_info = None
        return True


def install_redaction(secrets: Iterable[str] = ()) -> None:
    """Attach the filter to every handler of the root logger (handlers see records from all loggers)."""
    secrets = tuple(secrets)
    for handler in logging.getLogger().handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
            handler.removeFilter(old)
        handler.addFilter(RedactingFilter(secrets))


def describe_exception(exc: BaseException) -> str:
    """`ValueError at engine/quotes.py:120 in find_quotes`: type and place, never the message (it may quote page text).

    Worker exceptions carry the worker's traceback as text in __cause__; its last "File" line is used.
    """
    where = ""
    remote = exc.__cause__
    if remote is not None and type(remote).__name__ == "_RemoteTraceback":
        frames = [line.strip() for line in str(remote).splitlines() if line.strip().startswith('File "')]
        if frames:
            where = _short_frame(frames[-1])
    elif exc.__traceback__ is not None:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{_short_path(last.filename)}:{last.lineno} in {last.name}"
    name = type(exc).__qualname__
    return f"{name} at {where}" if where else name


def _short_path(path: str) -> str:
    parts = path.replace("\\", "/").split("/")
    return "/".join(parts[-2:])


def _short_frame(line: str) -> str:
    match = re.match(r'File "(?P<file>[^"]+)", line (?P<line>\d+), in (?P<func>.+)', line)
    if not match:
        return ""
    return f"{_short_path(match['file'])}:{match['line']} in {match['func']}"


def loop_exception_handler(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """asyncio's default handler prints full tracebacks (messages included); log type and place only."""
    exc = context.get("exception")
    detail = describe_exception(exc) if exc is not None else ""
    log.error("event loop: %s%s", context.get("message", "unhandled error"), f" ({detail})" if detail else "")


class Refusals:
    """The one log for what clients can cause: a short line each, under one shared rate limit."""

    def __init__(self, logger: logging.Logger, throttle: "Throttle | None" = None):
        self.logger = logger
        self.throttle = throttle or Throttle()

    def __call__(self, message: str, *args: object) -> None:
        # Never a header value, a path or a byte of the request: those are the client's choice.
        allowed, suppressed = self.throttle.allow()
        if allowed:
            self.logger.warning(message + (f" ({suppressed} similar refusals not logged)" if suppressed else ""), *args)


class HttpErrorFilter(logging.Filter):
    """On aiohttp's server logger: what it reports about a request it could not handle, as one line of
    `refusals` (the exception's type as the reason) instead of a traceback quoting the request."""

    def __init__(self, sink: Refusals):
        super().__init__()
        self.sink = sink

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None and record.levelno < logging.WARNING:
            return True  # aiohttp's own debug notes ("premature client disconnection"): no request bytes
        if _is_http_error(exc):
            self.sink("refused a malformed HTTP request: %s (HTTP %s)", type(exc).__name__, getattr(exc, "code", 400))
        else:
            self.sink("aiohttp: %s%s", str(record.msg)[:80], f" ({type(exc).__name__})" if exc is not None else "")
        return False


def _is_http_error(exc: BaseException | None) -> bool:
    from aiohttp.http_exceptions import HttpProcessingError

    return isinstance(exc, HttpProcessingError)


def install_http_error_filter(logger_name: str = "aiohttp.server") -> None:
    logger = logging.getLogger(logger_name)
    for old in [f for f in logger.filters if isinstance(f, HttpErrorFilter)]:
        logger.removeFilter(old)
    logger.addFilter(HttpErrorFilter(refusals))


class Throttle:
    """At most `burst` log lines per `window_s` for one kind of event, then one summary line.

    Refused handshakes are logged so a user can see an attack or a misconfigured client, but any web
    page can produce thousands of them a second; the log must not become the attack.
    """

    def __init__(self, burst: int = 20, window_s: float = 60.0, clock=None):
        import time

        self.burst, self.window_s = burst, window_s
        self._clock = clock or time.monotonic
        self._window_start = self._clock()
        self._count = 0
        self._suppressed = 0

    def allow(self) -> tuple[bool, int]:
        """(log this one?, how many were suppressed since the last logged one)."""
        now = self._clock()
        if now - self._window_start >= self.window_s:
            self._window_start, self._count = now, 0
        self._count += 1
        if self._count <= self.burst:
            suppressed, self._suppressed = self._suppressed, 0
            return True, suppressed
        self._suppressed += 1
        return False, 0


# Shared by everything that logs what a client caused (server.app, server.session, HttpErrorFilter).
refusals = Refusals(logging.getLogger("claimlight.server"))
