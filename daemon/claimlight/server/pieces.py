"""Cutting a request's text into pieces: for parsing on several workers at once, and for streaming.

Every cut is a paragraph start (`claimlight.paragraphs`), so the pieces parse exactly as the whole
text would (`server.worker`).

* **Small pieces**: no piece is longer than MAX_PIECE_CHARS (about a quarter of a second of parsing
  on one core), so that a long page's pieces interleave with other pages' work instead of holding
  the workers, and a cancelled page costs at most the pieces already running (`bounded_cuts`).
* **Parallel parse**: a long text is cut into about equal pieces, at least one per idle worker
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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..paragraphs import paragraph_starts, split_at
from ..protocol import BLOCK_SEPARATOR, Analysis
from .offsets import map_offsets

__all__ = ["piece_count", "split_points", "bounded_cuts", "plan_pieces", "split_at", "aligned_cuts", "Chunk",
           "split_blocks", "plan_chunks", "shift", "MAX_PIECE_CHARS"]

# A text is parsed in pieces for idle workers only when it is longer than this (words), and no
# such piece is shorter than MIN_PIECE_WORDS: below that, the fixed cost of a second job
# (serialising, a merge) outweighs what the second core saves.
SPLIT_MIN_WORDS = 600
MIN_PIECE_WORDS = 300
# The largest piece of work a page gets at once (characters; ~1,000 words of prose). Never more
# than a paragraph can be (claimlight.paragraphs.MAX_PARAGRAPH_CHARS), so there is always a cut.
MAX_PIECE_CHARS = 6000


def piece_count(text: str, idle_workers: int) -> int:
    """How many pieces to parse `text` in when `idle_workers` workers have nothing to do (1: don't cut)."""
    bound = -(-len(text) // MAX_PIECE_CHARS)
    if idle_workers <= 1:
        return bound
    n_words = text.count(" ") + text.count("\n")  # about the words; C-speed even for a 1 MB text
    if n_words <= SPLIT_MIN_WORDS:
        return bound
    return max(bound, min(idle_workers, n_words // MIN_PIECE_WORDS))


def plan_pieces(text: str, idle_workers: int) -> list[int]:
    """Where to cut `text` for parsing: about equal pieces for the idle workers, none over MAX_PIECE_CHARS."""
    starts = paragraph_starts(text)
    return bounded_cuts(text, split_points(text, piece_count(text, idle_workers), starts), starts)


def bounded_cuts(text: str, cuts: list[int], starts: list[int] | None = None) -> list[int]:
    """`cuts` with more paragraph starts added wherever a piece would be longer than MAX_PIECE_CHARS.

    Greedy: each piece runs to the last paragraph start that keeps it within the limit (a piece
    longer than that is one paragraph, which MAX_PARAGRAPH_CHARS keeps short). Linear in the number
    of paragraph starts.
    """
    starts = paragraph_starts(text) if starts is None else starts
    out: list[int] = []
    bounds = [*cuts, len(text)]
    i, begin = 0, 0
    for end in bounds:
        if end <= begin and end < len(text):
            continue  # not after the previous cut: cutting there would break the text apart
        while end - begin > MAX_PIECE_CHARS:
            while i < len(starts) and starts[i] <= begin:
                i += 1
            j = bisect_right(starts, begin + MAX_PIECE_CHARS, i) - 1
            cut = starts[j] if j >= i else (starts[i] if i < len(starts) else end)
            if cut >= end:
                break
            out.append(cut)
            begin = cut
        if end < len(text):
            out.append(end)
        begin = end
    return out


def split_points(text: str, n: int, starts: list[int] | None = None) -> list[int]:
    """Up to n-1 paragraph starts that cut `text` into n pieces of about equal length.

    Fewer when the text has fewer paragraphs; none when it is one paragraph.
    """
    if n <= 1:
        return []
    starts = paragraph_starts(text) if starts is None else starts
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
