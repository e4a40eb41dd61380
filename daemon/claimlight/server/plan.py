"""Which paragraphs of a text must be parsed, and in which pieces: the daemon has parsed the rest before.

Every text is parsed paragraph by paragraph (`engine.nlp.parse`), and the daemon keeps the parses
of the paragraphs it has seen (`server.parsecache`, keyed by the paragraph's exact text, trailing
whitespace included). A page analysed again after a change, a live blog's new entry say, only
needs its new paragraphs parsed: the plan lists, for each paragraph, the parse the daemon has, and
groups those it has not into pieces of work:

* each piece is a run of consecutive paragraphs to parse, at most MAX_PIECE_CHARS long, or
  BACKGROUND_PIECE_CHARS for a long text (`pieces.max_piece_chars`; a paragraph is never cut), so
  a page's work interleaves with other pages' (`server.fairness`);
* a short stretch of paragraphs parsed before (at most BRIDGE_CHARS: a site's recurring line, an
  "Advertisement" label, a repeated caption) between paragraphs to parse does not cut a piece: it
  is parsed again with them. Every piece is a job of its own, with its fixed cost and, on a busy
  daemon, its own turn in the fair queue behind other pages' pieces: a 1,500-word article with a
  handful of such lines would otherwise be parsed in as many pieces, one turn each. Paragraphs
  parse one by one (`engine.nlp.parse_each`), so the parse made again is the one kept;
* a long stretch of new text is cut into about equal pieces, one per idle worker
  (`pieces.piece_count`), so that a page seen for the first time is parsed on every idle core;
* with streaming, no piece crosses the start of a chunk (`stretches`), so each chunk's preview
  comes as soon as its own pieces are parsed.

Pure Python, no I/O: the pool (`server.pool`) runs the plan.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from ..paragraphs import paragraph_starts, split_at
from .pieces import max_piece_chars, piece_count

# Known paragraphs (characters in all) between two new ones that are parsed again rather than cutting a piece.
BRIDGE_CHARS = 300


def paragraph_key(paragraph: str) -> bytes:
    # surrogatepass: a lone surrogate must hash, not raise (callers normally replace them already).
    return hashlib.blake2b(paragraph.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass
class Plan:
    paragraphs: list[str]
    bounds: list[int]  # where each paragraph starts, then the text's length
    keys: list[bytes]
    parts: list[bytes | None]  # the parse the daemon has for each paragraph, else None
    pieces: list[tuple[int, int]]  # [first, last) paragraph indexes parsed together, in text order

    @property
    def missing(self) -> int:
        """Paragraphs the daemon has no parse of (fewer than the pieces hold when they bridge known ones)."""
        return sum(part is None for part in self.parts)

    def chars(self, piece: tuple[int, int]) -> int:
        return self.bounds[piece[1]] - self.bounds[piece[0]]

    def stretch_of(self, offset: int) -> int:
        """The index of the paragraph that starts at `offset` (a cut), or the one after it."""
        return bisect_left(self.bounds, offset)


def make_plan(text: str, known: Callable[[bytes], bytes | None], idle_workers: int, stretches: list[int] | None = None) -> Plan:
    """`stretches`: offsets where streamed chunks start (paragraph starts); no piece crosses one."""
    starts = paragraph_starts(text)
    paragraphs = split_at(text, starts)
    bounds = [0, *starts, len(text)]
    keys = [paragraph_key(p) for p in paragraphs]
    parts = [known(k) for k in keys]
    breaks = {bisect_left(bounds, s) for s in stretches or ()}
    todo = [i for i, part in enumerate(parts) if part is None]
    # A page seen for the first time is cut for the idle workers; a streamed one by its chunks only.
    limit = max_piece_chars(len(text))
    n = 1 if stretches is not None else piece_count("".join(paragraphs[i] for i in todo), idle_workers, limit)
    total = sum(len(paragraphs[i]) for i in todo)
    targets = [total * k // n for k in range(1, n)]
    pieces: list[tuple[int, int]] = []
    first = last = None  # the piece being made: paragraphs [first, last)
    size = done = 0  # its characters; the characters to parse before paragraph i
    for i in todo:
        length = len(paragraphs[i])
        middle = done + length / 2
        # Known paragraphs [last, i) parsed again within the piece rather than cutting it (BRIDGE_CHARS).
        gap = 0 if first is None or i == last else bounds[i] - bounds[last]
        bridged = 0 < gap <= BRIDGE_CHARS and not any(k in breaks for k in range(last, i + 1))
        # Cut before paragraph i where it is the boundary nearest a target: its middle lies past it.
        if first is not None and ((gap and not bridged) or i in breaks or size + gap + length > limit
                                  or (targets and middle > targets[0])):
            pieces.append((first, last))
            first, gap = None, 0
        while targets and middle > targets[0]:
            targets.pop(0)
        if first is None:
            first, size = i, 0
        last = i + 1
        size += gap + length
        done += length
    if first is not None:
        pieces.append((first, last))
    return Plan(paragraphs, bounds, keys, parts, pieces)
