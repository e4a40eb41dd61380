"""Cutting a request's text into pieces: for parsing on several workers at once, and for streaming.

Every cut is a paragraph start (`claimlight.paragraphs`), so the pieces parse exactly as the whole
text would (`server.worker`).

* **Small pieces**: no piece is longer than MAX_PIECE_CHARS (about a quarter of a second of parsing
  on one core), so that a long page's pieces interleave with other pages' work instead of holding
  the workers, and a cancelled page costs at most the pieces already running (`server.plan`).
  A text longer than LONG_TEXT_CHARS (its analysis alone is a second of work or more: background
  work by nature) is cut finer, into pieces of BACKGROUND_PIECE_CHARS (`max_piece_chars`): a short
  page that arrives while such a text is parsed waits for the piece running on a worker to end, and
  that wait is half a piece on average, the largest part of what a noisy neighbour costs it. A
  piece's fixed cost (a job to and from a worker) is a few milliseconds, so finer pieces cost a
  900,000-character page well under 1% of its time.
* **Parallel parse**: a long text is cut into about equal pieces, at least one per idle worker
  (`piece_count`, `split_points`).
* **Streaming** (`stream: true`): a page of PREVIEW_MIN_CHARS or more has its blocks grouped into
  chunks that grow, first blocks first (`plan_chunks`). The first chunk is small (a block or two) so the first highlights appear
  almost at once even on a 10,000-word page; each later chunk is twice as large, which keeps the
  number of `partial` replies logarithmic in the page length. Partials are previews: the final
  `result` analyses the whole text, since actors and attribution only make sense document-wide.
  `shift` places a chunk's spans in the whole text. Before any of them, the quotations the marks
  give come from the page's head (`early_head`): the first blocks, up to EARLY_HEAD_CHARS.

Pure Python: the daemon's parent process plans pieces without loading spaCy.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..paragraphs import paragraph_starts, split_at
from ..protocol import BLOCK_SEPARATOR, Analysis
from .offsets import map_offsets

__all__ = ["piece_count", "split_points", "split_at", "aligned_cuts", "Chunk", "split_blocks", "plan_chunks", "shift",
           "early_head", "max_piece_chars", "MAX_PIECE_CHARS", "BACKGROUND_PIECE_CHARS", "LONG_TEXT_CHARS",
           "PREVIEW_MIN_CHARS"]

# A text is parsed in pieces for idle workers only when it is longer than this (words), and no
# such piece is shorter than MIN_PIECE_WORDS: below that, the fixed cost of a second job
# (serialising, a merge) outweighs what the second core saves.
SPLIT_MIN_WORDS = 600
MIN_PIECE_WORDS = 300
# The largest piece of work a page gets at once (characters; ~1,000 words of prose). Never more
# than a paragraph can be (claimlight.paragraphs.MAX_PARAGRAPH_CHARS), so there is always a cut.
MAX_PIECE_CHARS = 6000
# A text longer than this (characters) is long: its analysis, one job that cannot be cut, is about a
# second of work or more (`server.pool` keeps one worker free of such jobs). Its pieces are smaller.
LONG_TEXT_CHARS = 30_000
BACKGROUND_PIECE_CHARS = 3000


def max_piece_chars(text_chars: int) -> int:
    """The largest piece a text of `text_chars` characters is parsed in."""
    return BACKGROUND_PIECE_CHARS if text_chars > LONG_TEXT_CHARS else MAX_PIECE_CHARS


def piece_count(text: str, idle_workers: int, max_chars: int = MAX_PIECE_CHARS) -> int:
    """How many pieces to parse `text` in when `idle_workers` workers have nothing to do (1: don't cut),
    none of them longer than `max_chars`."""
    bound = -(-len(text) // max_chars)
    if idle_workers <= 1:
        return bound
    n_words = text.count(" ") + text.count("\n")  # about the words; C-speed even for a 1 MB text
    if n_words <= SPLIT_MIN_WORDS:
        return bound
    return max(bound, min(idle_workers, n_words // MIN_PIECE_WORDS))


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
# A streamed text shorter than this gets no previews of its blocks (only its early quotes): its whole
# analysis comes about as soon as a first preview would, and previews cost parses of their own.
PREVIEW_MIN_CHARS = 6000


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


# The early quotes of a page are those of its first blocks, up to this many characters (some 3,000
# words, screens of text): the quotation-mark scan is linear but costs about a quarter of a
# millisecond per 1,000 characters, and the first reply must come within milliseconds whatever the
# page's length. The rest of a longer page gets its quotes with its block previews and the result.
EARLY_HEAD_CHARS = 20_000


def early_head(blocks: list[str], max_chars: int = EARLY_HEAD_CHARS) -> tuple[int, int]:
    """(k, n): the first k blocks (at least one) make the head, the first n characters of the
    joined text; a first block longer than `max_chars` is cut there, its head alone scanned."""
    k, end = 0, 0
    for block in blocks:
        stop = end + (len(BLOCK_SEPARATOR) if k else 0) + len(block)
        if k and stop > max_chars:
            break
        k, end = k + 1, stop
    return k, min(end, max_chars) if k == 1 else end


def shift(analysis: Analysis, by: int) -> Analysis:
    """The spans of a chunk's analysis with offsets into the joined text (code points; actors dropped)."""
    if by == 0:
        return Analysis(spans=list(analysis.spans), actors=[])
    return Analysis(spans=[map_offsets(span, lambda offset: offset + by) for span in analysis.spans], actors=[])
