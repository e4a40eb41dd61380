"""Where a text's paragraphs start: the one cut that both the engine and the daemon rely on.

claimlight parses every text paragraph by paragraph (`engine.nlp.parse`), so a text cut at these
boundaries, parsed piece by piece and joined again, gives exactly the document the whole text gives.
That is what lets the daemon parse one page in several worker processes at once, and keep every
piece of work small enough to interleave with other pages' work (`server.pieces`). Pure Python, at
the top of the package: the daemon's parent process plans pieces with it without loading spaCy.

A paragraph is what follows a line break, up to the next one; one longer than
MAX_PARAGRAPH_CHARS (a page without line breaks, a block of code or data) is cut too, at the last
sentence end or space before the limit, so that no paragraph, and so no piece of work, can take a
worker for long. News paragraphs are far shorter (the longest of the 84 PolNeAR articles is 940
characters), so their parse is unaffected.
"""

from __future__ import annotations

import re

MAX_PARAGRAPH_CHARS = 4000

# A paragraph starts after whitespace that contains a newline, at the next non-space character.
# Each piece keeps the whitespace that ends it, so the pieces concatenate to the text exactly.
# Matched from the newline on (never from the spaces before it), so every character is looked at
# once: a text of a million line breaks is scanned in milliseconds.
_BREAK = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where a paragraph other than the first starts."""
    starts: list[int] = []
    begin = 0
    for match in _BREAK.finditer(text):
        if match.end() >= len(text):
            break  # only whitespace follows
        _cut_long(text, begin, match.end(), starts)
        starts.append(match.end())
        begin = match.end()
    _cut_long(text, begin, len(text), starts)
    return starts


def _cut_long(text: str, begin: int, end: int, starts: list[int]) -> None:
    """Cuts inside the paragraph [begin, end) so that no part is longer than MAX_PARAGRAPH_CHARS."""
    while end - begin > MAX_PARAGRAPH_CHARS:
        limit = begin + MAX_PARAGRAPH_CHARS
        window = begin + MAX_PARAGRAPH_CHARS // 2
        cut = _last_end(_SENTENCE_END, text, window, limit) or _last_end(_SPACE, text, window, limit)
        if cut is None:
            cut = limit  # no space at all: a run of marks or code, cut anywhere
            while cut < end and text[cut].isspace():
                cut += 1  # a paragraph starts at a non-space character
        if cut >= end:
            return
        starts.append(cut)
        begin = cut


def _last_end(pattern: re.Pattern, text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of `pattern` within text[lo:hi] that a non-space character follows."""
    last = None
    for match in pattern.finditer(text, lo, hi):
        if match.end() < hi or (match.end() < len(text) and not text[match.end()].isspace()):
            last = match.end()
    return last


def split_at(text: str, cuts: list[int]) -> list[str]:
    """`text` cut at the increasing offsets `cuts`; the pieces concatenate to `text`."""
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def paragraphs(text: str) -> list[str]:
    return split_at(text, paragraph_starts(text))
