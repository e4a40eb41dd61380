"""Cutting a request's text into pieces: for parsing on several workers at once, and for streaming.

Every cut is a paragraph start (`claimlight.paragraphs`), so the pieces parse exactly as the whole
text would (`server.worker`).

* **Parallel parse**: a long text is cut into about equal pieces, one per idle worker
  (`piece_count`, `split_points`).
* **Streaming** (`stream: true`): a page's blocks are grouped into chunks that grow, first blocks
  first (`plan_chunks`). The first chunk is small (a block or two) so the first highlights appear
  almost at once even on a 10,000-word page; each later chunk is twice as large, which keeps the
  number of `partial` replies logarithmic in the page length. Partials are previews: the final
  `result` analyses the whole text, since actors and attribution only make sense document-wide.
  `shift` places a chunk's spans in the whole text.

Pure Python: the daemon's parent process plans pieces without loading spaCy.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..paragraphs import paragraph_starts, split_at
from ..protocol import BLOCK_SEPARATOR, Analysis
from .offsets import map_offsets

__all__ = ["piece_count", "split_points", "split_at", "aligned_cuts", "Chunk", "split_blocks", "plan_chunks", "shift"]

# A text is parsed in pieces only when it is longer than this (words), and no piece is shorter
# than MIN_PIECE_WORDS: below that, the fixed cost of a second job (serialising, a merge) outweighs
# what the second core saves.
SPLIT_MIN_WORDS = 600
MIN_PIECE_WORDS = 300


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


# --- streaming ---------------------------------------------------------------------------------------

FIRST_CHUNK_CHARS = 1200
FIRST_CHUNK_MAX_BLOCKS = 2
GROWTH = 2


@dataclass(frozen=True)
class Chunk:
    first: int  # block indexes [first, last)
    last: int
    start: int  # code-point offset of the chunk's text in the joined text
    text: str


def split_blocks(text: str) -> list[str]:
    # Exact inverse of joining with BLOCK_SEPARATOR, so offsets into `text` stay valid.
    return text.split(BLOCK_SEPARATOR)


def plan_chunks(blocks: list[str], first_chars: int = FIRST_CHUNK_CHARS) -> list[Chunk]:
    chunks: list[Chunk] = []
    starts = []
    offset = 0
    for block in blocks:
        starts.append(offset)
        offset += len(block) + len(BLOCK_SEPARATOR)
    target, first = first_chars, 0
    while first < len(blocks):
        last, size = first, 0
        while last < len(blocks):
            size += len(blocks[last])
            last += 1
            if size >= target or (not chunks and last - first >= FIRST_CHUNK_MAX_BLOCKS):
                break
        chunks.append(Chunk(first, last, starts[first], BLOCK_SEPARATOR.join(blocks[first:last])))
        first = last
        target *= GROWTH
    return chunks


def shift(analysis: Analysis, by: int) -> Analysis:
    """The spans of a chunk's analysis with offsets into the joined text (code points; actors dropped)."""
    if by == 0:
        return Analysis(spans=list(analysis.spans), actors=[])
    return Analysis(spans=[map_offsets(span, lambda offset: offset + by) for span in analysis.spans], actors=[])
