"""Where a text may be cut: paragraph boundaries, and the plan for parsing a long text in pieces.

claimlight parses every text paragraph by paragraph (`nlp.parse`), so a text cut at paragraph
boundaries, parsed piece by piece and joined again, gives exactly the document the whole text gives.
That is what lets the daemon parse one page in several worker processes at once
(`parallel_parse`). Pure Python: the daemon's parent process plans pieces without loading spaCy.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# A paragraph starts after whitespace that contains a newline, at the next non-space character.
# Each piece keeps the whitespace that ends it, so the pieces concatenate to the text exactly.
PARAGRAPH_START = re.compile(r"\n\s*(?=\S)")

# A text is parsed in pieces only when it is longer than this (words), and no piece is shorter
# than MIN_PIECE_WORDS: below that, the fixed cost of a second job (serialising, a merge) outweighs
# what the second core saves.
SPLIT_MIN_WORDS = 600
MIN_PIECE_WORDS = 300


def paragraph_starts(text: str) -> list[int]:
    """Offsets where a paragraph other than the first starts."""
    return [m.end() for m in PARAGRAPH_START.finditer(text)]


def split_at(text: str, cuts: list[int]) -> list[str]:
    """`text` cut at the increasing offsets `cuts`; the pieces concatenate to `text`."""
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def paragraphs(text: str) -> list[str]:
    return split_at(text, paragraph_starts(text))


def piece_count(text: str, idle_workers: int) -> int:
    """How many pieces to parse `text` in when `idle_workers` workers have nothing to do (1: don't cut)."""
    if idle_workers <= 1:
        return 1
    n_words = text.count(" ") + text.count("\n")  # about the words; C-speed even for a 1 MB text
    if n_words <= SPLIT_MIN_WORDS:
        return 1
    return max(1, min(idle_workers, n_words // MIN_PIECE_WORDS))


def split_points(text: str, n: int) -> list[int]:
    """Up to n-1 paragraph starts that cut `text` into n pieces of about equal length.

    Fewer when the text has fewer paragraphs; none when it is one paragraph.
    """
    if n <= 1:
        return []
    starts = paragraph_starts(text)
    cuts: list[int] = []
    for k in range(1, n):
        target = len(text) * k // n
        i = bisect_left(starts, target)
        near = [s for s in starts[max(0, i - 1) : i + 1] if not cuts or s > cuts[-1]]
        if near:
            cuts.append(min(near, key=lambda s: abs(s - target)))
    return cuts


def aligned_cuts(text: str, offsets: list[int]) -> list[int]:
    """The increasing `offsets` (block starts, say) each moved past any whitespace it falls inside, so
    that it is a paragraph start, as long as the cuts stay increasing and inside the text."""
    cuts: list[int] = []
    for offset in offsets:
        cut = offset
        while 0 < cut < len(text) and text[cut].isspace() and text[cut - 1].isspace():
            cut += 1
        if cut >= len(text) or (cuts and cut <= cuts[-1]):
            cut = offset  # a whitespace-only stretch: keep the cut where it was
        cuts.append(cut)
    return cuts
