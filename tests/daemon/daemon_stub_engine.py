"""A deterministic stand-in for claimlight.engine.analyze, run inside the daemon's workers.

Finds “curly-quoted” passages (quote spans) and digit runs (number spans) by regex, so offset and
protocol tests do not depend on the real engine. Directives in the text drive fault tests:
`#sleep=SECONDS` sleeps before answering without ever checking for a cancel (a runaway analysis),
`#work=SECONDS` works as long, but at checkpoints every 10 ms as the real engine's steps do,
`#raise` raises with the text in the message (which must never reach a log or reply).
"""

from __future__ import annotations

import re
import time

from claimlight.engine.jobs import checkpoint
from claimlight.protocol import Actor, Analysis, Span

_QUOTE = re.compile(r"“[^”]*”")
_NUMBER = re.compile(r"\d+")
_SLEEP = re.compile(r"#sleep=([0-9.]+)")
_WORK = re.compile(r"#work=([0-9.]+)")


def analyze(text: str, nlp=None) -> Analysis:
    if match := _SLEEP.search(text):
        time.sleep(float(match.group(1)))
    if match := _WORK.search(text):
        until = time.monotonic() + float(match.group(1))
        while time.monotonic() < until:
            checkpoint()
            time.sleep(0.01)
    if "#raise" in text:
        raise ValueError(f"stub engine refuses: {text}")
    spans = [Span(start=m.start(), end=m.end(), category="quote", text=m.group()) for m in _QUOTE.finditer(text)]
    spans += [Span(start=m.start(), end=m.end(), category="number", text=m.group()) for m in _NUMBER.finditer(text)]
    spans.sort(key=lambda s: s.start)
    actors = [Actor(id="a1", name="Stub Speaker", type="person", mentions=1)] if spans else []
    return Analysis(spans=spans, actors=actors)
