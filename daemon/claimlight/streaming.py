"""Splitting a page into block chunks for `stream: true`, and placing each chunk's spans in the page.

The first chunk is small (a block or two) so the first highlights appear almost at once even on a
10,000-word page; each later chunk is twice as large, which keeps the number of `partial` replies
logarithmic in the page length. Partials are previews: the final `result` analyses the whole text,
since actors and attribution only make sense document-wide. The chunks are parsed once, in
parallel when workers are free, and the final analysis joins those parses rather than parsing the
page again (`analysis_pool`, `parallel_parse`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .protocol import BLOCK_SEPARATOR, Analysis

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
    spans = []
    for span in analysis.spans:
        update = {"start": span.start + by, "end": span.end + by}
        if span.speaker_start is not None:
            update["speaker_start"] = span.speaker_start + by
        if span.speaker_end is not None:
            update["speaker_end"] = span.speaker_end + by
        spans.append(span.model_copy(update=update))
    return Analysis(spans=spans, actors=[])
