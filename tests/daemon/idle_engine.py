"""The real engine, run inside the daemon's workers for tests/daemon/test_idle_work.py, with the idle
work an analysis leaves (`engine.idle`) watched: each step of it is written to the file named by
CLAIMLIGHT_TEST_IDLE_LOG (`start`, `read on` once the readings are read on, then `done`, or
`stopped` when a message for the worker cut it short). A text with IDLE_MARK in it has its idle
work go on after the real one, in slices of 2 ms, for a minute: a request sent meanwhile shows
whether the worker stops for it."""

from __future__ import annotations

import os
import time

from claimlight.engine import analyze, analyze_doc, idle

__all__ = ["analyze", "analyze_doc"]

IDLE_MARK = "#long-idle-work"
_real_steps = idle.steps


def _note(what: str) -> None:
    path = os.environ.get("CLAIMLIGHT_TEST_IDLE_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(what + "\n")


def _steps(left):
    (view, _), _ = left
    long = IDLE_MARK in view.doc.text
    _note("start")
    try:
        yield from _real_steps(left)
        _note("read on")
        if long:
            until = time.monotonic() + 60
            while time.monotonic() < until:
                time.sleep(0.002)
                yield
    except GeneratorExit:
        _note("stopped")
        raise
    _note("done")


idle.steps = _steps
