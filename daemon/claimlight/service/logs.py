"""The daemon's log: where `claimlight serve` writes it, and how `claimlight service logs` reads it back.

Writing: journald-friendly lines under systemd, stderr plus a rotating file otherwise.

Under systemd the journal already timestamps, rotates and tags every line, so we only write
"<priority>logger: message" to stderr (journald reads the <N> prefix as the syslog priority, which
makes `journalctl -p warning` work). Anywhere else stderr is often a terminal or nothing at all, so
the full log also goes to a size-capped file that `claimlight service logs` can show.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
from collections import deque
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from ..settings import paths

MAX_BYTES = 1_000_000
BACKUPS = 3
_MARK = "_claimlight_handler"  # lets a second configure_logging() replace, not duplicate, our handlers

_PRIORITY = {logging.CRITICAL: 2, logging.ERROR: 3, logging.WARNING: 4, logging.INFO: 6, logging.DEBUG: 7}


class JournalFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in sorted(_PRIORITY.items(), reverse=True) if record.levelno >= level), 7)
        return f"<{priority}>{super().format(record)}"


def under_journald(environ: Mapping[str, str] | None = None, stream: TextIO | None = None) -> bool:
    """True when systemd captures our stderr: JOURNAL_STREAM names stderr's device:inode, or INVOCATION_ID is set."""
    env = os.environ if environ is None else environ
    journal = env.get("JOURNAL_STREAM", "")
    if journal:
        try:
            st = os.fstat((stream or sys.stderr).fileno())
            if journal == f"{st.st_dev}:{st.st_ino}":
                return True
        except (OSError, ValueError, AttributeError):
            pass
    return bool(env.get("INVOCATION_ID"))


def under_launchd(environ: Mapping[str, str] | None = None) -> bool:
    from .units import LAUNCHD_LABEL

    env = os.environ if environ is None else environ
    return env.get("XPC_SERVICE_NAME") == LAUNCHD_LABEL


def configure_logging(
    config,
    *,
    environ: Mapping[str, str] | None = None,
    stream: TextIO | None = None,
    log_file: Path | None = None,
) -> None:
    """Configure the root logger from `config.log_level`; safe to call more than once.

    `environ`, `stream` and `log_file` exist for tests; the server calls configure_logging(config)
    first and logsafe.install_redaction(...) after it, since redaction filters attach to these handlers.
    """
    env = os.environ if environ is None else environ
    stream = stream or sys.stderr  # None under pythonw (Windows logon task): then only the file
    level = getattr(logging, str(config.log_level).upper(), logging.INFO)
    root = logging.getLogger()
    kept_filters: list = []
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        # Filters put on our handlers (logsafe's redaction) must survive a reconfiguration.
        kept_filters.extend(f for f in handler.filters if f not in kept_filters)
        root.removeHandler(handler)
        handler.close()

    handlers: list[logging.Handler] = []
    if stream is not None and under_journald(env, stream):
        console = logging.StreamHandler(stream)
        console.setFormatter(JournalFormatter("%(name)s: %(message)s"))
        handlers.append(console)
    else:
        if stream is not None:
            console = logging.StreamHandler(stream)
            console.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            if under_launchd(env):
                # launchd appends stderr to a file it never rotates; keep it to problems, the rotating file has the rest.
                console.setLevel(logging.WARNING)
            handlers.append(console)
        file_handler = _file_handler(log_file or paths.log_file(env), stream)
        if file_handler:
            handlers.append(file_handler)

    for handler in handlers:
        setattr(handler, _MARK, True)
        for kept in kept_filters:
            handler.addFilter(kept)
        root.addHandler(handler)
    root.setLevel(level)
    # One access line per /health poll would drown the log; keep them for debugging only.
    logging.getLogger("aiohttp.access").setLevel(logging.DEBUG if level <= logging.DEBUG else logging.WARNING)
    logging.captureWarnings(True)


def _file_handler(path: Path, stream: TextIO | None) -> logging.Handler | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        # A read-only home must not stop the daemon; it still logs to stderr.
        if stream is not None:
            print(f"claimlight: not logging to {path}: {exc}", file=stream)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


# --- reading it back: `tail -n N [-f]`, in Python so it also works where there is no tail (Windows) ---


def last_lines(path: Path, count: int) -> list[str]:
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        return list(deque(fh, maxlen=count))


def tail(path: Path, lines: int = 100, follow: bool = False, out: TextIO | None = None, poll_s: float = 0.5) -> int:
    out = out or sys.stdout
    if not path.exists() and not follow:
        print(f"claimlight: no log file yet at {path}", file=sys.stderr)
        return 1
    position, identity = 0, None
    if path.exists():
        out.writelines(last_lines(path, lines))
        out.flush()
        st = path.stat()
        position, identity = st.st_size, (st.st_dev, st.st_ino)
    while follow:
        time.sleep(poll_s)
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        # RotatingFileHandler renames the file away: a new inode or a shorter file means start over.
        if (st.st_dev, st.st_ino) != identity or st.st_size < position:
            position, identity = 0, (st.st_dev, st.st_ino)
        if st.st_size > position:
            with path.open("r", encoding="utf-8", errors="replace") as fh:
                fh.seek(position)
                out.write(fh.read())
                position = fh.tell()
            out.flush()
    return 0

