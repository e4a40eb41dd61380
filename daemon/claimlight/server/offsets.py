"""The one place where offsets cross from Python (code points) to JavaScript (UTF-16 code units).

Characters outside the Basic Multilingual Plane (emoji, some CJK, mathematical letters) are one
code point in Python and two UTF-16 units in JavaScript; every offset after one of them shifts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from ..protocol import Analysis, Ledger, Span

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Converts code-point offsets of one text to UTF-16 offsets, in O(log n) per offset."""

    def __init__(self, text: str):
        # Code-point indexes of astral characters; each adds one extra UTF-16 unit after it. Found by
        # the regex engine, not a Python loop: this runs on the event loop, for texts of a million characters.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    @property
    def identity(self) -> bool:
        """No astral characters: every offset is the same in both encodings."""
        return not self._astral

    def __call__(self, offset: int) -> int:
        return offset + bisect_right(self._astral, offset - 1) if self._astral else offset


def same_in_utf16(text: str) -> bool:
    """Whether every offset into `text` is the same in UTF-16 units: no character outside the BMP.
    (`Utf16Map(text).identity` without the list of where they are: one scan that stops at the first,
    some 0.1 ms for a million characters.)"""
    return text.isascii() or _ASTRAL.search(text) is None


# Every offset of an analysis as JSON (`Span`, `ChainLink`, `LedgerFigure`): the only fields so
# named, and every field so named is an offset (tests/daemon/test_offsets.py holds the protocol to it).
OFFSET_FIELDS = ("start", "end", "speaker_start", "speaker_end")
# A key is a JSON string right after `{` or `,`, its closing quote unescaped: a string's content
# cannot look like one, since its quotes are escaped (`\"`). A null offset (no speaker) has no digits.
_OFFSET_IN_JSON = re.compile(rb'([{,]"(?:' + b"|".join(name.encode() for name in OFFSET_FIELDS) + rb')":)(\d+)')


def json_to_utf16(analysis_json: bytes, text: str) -> bytes:
    """`analysis_to_utf16` for an analysis of `text` as compact JSON (a worker's, `engine.jobs.as_json`),
    on the JSON itself: each offset's digits replaced, nothing else touched. Reading the JSON into
    models, copying every span that moves and dumping it again cost the daemon's event loop some
    9 ms for a 3,000-word page with one flag emoji near its start; this, some 1.5 ms (a scan for
    the offset fields, whose digits are a few thousand in all)."""
    to16 = Utf16Map(text)
    if to16.identity:
        return analysis_json
    parts = _OFFSET_IN_JSON.split(analysis_json)  # [before, key, digits, between, key, digits, …, after]
    parts[2::3] = [str(to16(offset)).encode() for offset in map(int, parts[2::3])]
    return b"".join(parts)


def utf16_offset(text: str, offset: int) -> int:
    return Utf16Map(text)(offset)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def map_offsets(span: Span, move: Callable[[int], int]) -> Span:
    """The span with every offset it carries (its own, its speaker mention's and those of the chain
    that led to the speaker) passed through `move`; the span itself when no offset moves (on a page
    with one emoji near its end, most spans), since a reply of a long page has thousands of them."""
    update = {"start": move(span.start), "end": move(span.end)}
    if span.speaker_start is not None and span.speaker_end is not None:
        update["speaker_start"] = move(span.speaker_start)
        update["speaker_end"] = move(span.speaker_end)
    chain = span.via.chain if span.via is not None else None
    moved_chain = [(move(link.start), move(link.end)) for link in chain] if chain else None
    if all(getattr(span, key) == value for key, value in update.items()) and (
        not chain or all((link.start, link.end) == pair for link, pair in zip(chain, moved_chain))
    ):
        return span
    if chain:
        links = [link.model_copy(update={"start": start, "end": end}) for link, (start, end) in zip(chain, moved_chain)]
        update["via"] = span.via.model_copy(update={"chain": links})
    return span.model_copy(update=update)


def ledger_offsets(ledger: Ledger, move: Callable[[int], int]) -> Ledger:
    """The ledger with the offsets of its figures passed through `move`."""
    figures = [f.model_copy(update={"start": move(f.start), "end": move(f.end)}) for f in ledger.unsourced_figures]
    return ledger.model_copy(update={"unsourced_figures": figures})


def analysis_to_utf16(analysis: Analysis, text: str) -> Analysis:
    """The wire form of an analysis of `text`: same spans and ledger, offsets in UTF-16 units."""
    if same_in_utf16(text):
        return analysis
    to16 = Utf16Map(text)
    ledger = ledger_offsets(analysis.ledger, to16) if analysis.ledger is not None else None
    return Analysis(spans=[map_offsets(s, to16) for s in analysis.spans], actors=analysis.actors, ledger=ledger)
