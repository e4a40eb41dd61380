"""Where a page's names occur in its text: the search `engine.actors` runs for the repeats of names
the recogniser labelled once, kept line by line for the page's next version.

The search is one regular expression, the alternation of every name (longest first) between
`(?<![\\w-])` and `(?![\\w-])`, run over the whole text. A live page's next version adds a name or two,
so the expression is new (compiling it and running it over 20,000 characters cost some 2 ms of a
3,000-word page's update), but the matches in an old line change only where a name added or dropped
occurs in that line's text. So the text is searched block by block (a block: what follows a run of
whitespace with a line break, up to the next), and each block's matches are kept under its text with
the names they were found with. A block found again is taken as kept when no name of the difference
between the two sets occurs in it (a substring test, made as one search of the whole text for each
such name, each occurrence then placed in the block it lies wholly in); else it is searched again, as is a new block,
for the names that occur in it only (a name that does not occur in a text matches nowhere in it, and
takes no other name's place in the alternation), by string search under the expression's own rules
(`_matches`: its parse, in Python, cost more than the search of a new entry).

Why the blocks give the matches the whole text gives: when no name contains a line break or starts
or ends with whitespace (else the text is searched whole), no match runs across the whitespace with
a line break that ends a block; the character before a block is whitespace, for which the look-behind
holds at the start of a string too; and a match that ends a block would end with the block's
trailing whitespace, except in the last block, which ends the text in both searches. Each block's
every position is tried, as in the scan of the whole text, since no match runs into the next block.

The store is bounded by bytes (`KEPT_BYTES`, least recently used out);
`tests/engine/test_recurring.py` checks it against the search of the whole text.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

from ..lru import LRUCache

# Blocks kept per process: a 3,000-word page's ~100 blocks weigh ~60 kB (their text is the page's,
# shared with the caller only while it lives, so counted), so some fifteen such pages.
KEPT_BYTES = 2**20
# An entry's place in the store, its tuple and its matches' tuples, besides the text it holds.
_ENTRY_OVERHEAD = 200
_MATCH_BYTES = 120

# Up to how many blocks to search are searched each with the names that occur in it (see `occurrences`).
FEW_BLOCKS = 8

Match = tuple[int, int, str]  # start, end (characters, in the text searched) and the name found

# (each entry: [the names the block was searched with, its matches], a list so that the names can be
# brought up to date in place)
_kept: LRUCache[list] = LRUCache(None, max_weight=KEPT_BYTES)


def pattern(names) -> re.Pattern:
    """The search for any of `names` as a whole word, the longest first."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")


def occurrences(text: str, names: frozenset[str], keep: bool = True) -> list[Match]:
    """Every match of `pattern(names)` in `text`, in order, as `finditer` gives them. `keep`: whether
    the blocks' matches are kept (not for a page too long to keep, `engine.local.keeps`, which the
    whole-text search serves alike)."""
    if not names:
        return []
    if not keep or any("\n" in n or n != n.strip() for n in names):
        return [(m.start(), m.end(), m.group(0)) for m in pattern(names).finditer(text)]
    # id of a kept name set → (that set, the blocks in which a name it differs by occurs)
    differences: dict[int, tuple[frozenset[str], set[int]]] = {}
    blocks = _blocks(text)
    found: list[tuple[Match, ...] | None] = []
    for k, (start, end) in enumerate(blocks):
        block = text[start:end]
        kept = _kept.get(block)
        if kept is not None:
            old, matches = kept
            if old is not names:
                got = differences.get(id(old))
                if got is None or got[0] is not old:
                    got = differences[id(old)] = (old, _blocks_holding(text, blocks, old ^ names))
                if k in got[1]:
                    kept = None
            if kept is not None and old is not names:
                # the same matches, now under the names searched (so that the next version's
                # difference is against these): in place, since an entry's weight does not count
                # its names and `get` made it the newest (a new entry a block cost most of the search)
                kept[0] = names
        found.append(None if kept is None else kept[1])
    todo = [k for k, f in enumerate(found) if f is None]
    # A few blocks (a new entry, a line a new name occurs in) are searched with the names that occur
    # in each only: a name that does not occur in a text matches nowhere in it, and takes no other
    # name's place in the alternation; and the expression of every name costs more to compile than
    # the search of an entry. Many (a page met for the first time) with that expression, made once.
    whole = pattern(names) if len(todo) > FEW_BLOCKS else None
    for k in todo:
        block = text[blocks[k][0] : blocks[k][1]]
        if whole is not None:
            found[k] = tuple((m.start(), m.end(), m.group(0)) for m in whole.finditer(block))
        else:
            found[k] = _matches(block, [n for n in names if n in block])
        _kept.put(block, [names, found[k]], _weight(block, found[k]))
    return [(start + s, start + e, name) for (start, _), matches in zip(blocks, found) for s, e, name in matches]


def _matches(block: str, names: list[str]) -> tuple[Match, ...]:
    """What `pattern(names).finditer(block)` finds, without compiling the expression (its parse, in
    Python, cost more than the search of a new entry): the expression tries each position from the
    left, there the names longest first, and takes the first whose look-behind and look-ahead hold,
    then goes on after it. So: every occurrence of each name whose characters either side are neither
    a word's (`\\w`: `str.isalnum` or "_") nor a hyphen, by start, the longest at a start, none
    starting inside the one taken before."""
    if not names:
        return ()
    at: dict[int, str] = {}
    for name in names:
        i = block.find(name)
        while i != -1:
            j = i + len(name)
            if (i == 0 or not _joins(block[i - 1])) and (j == len(block) or not _joins(block[j])):
                if len(name) > len(at.get(i, "")):
                    at[i] = name
            i = block.find(name, i + 1)
    out: list[Match] = []
    end = 0
    for i in sorted(at):
        if i >= end:
            end = i + len(at[i])
            out.append((i, end, at[i]))
    return tuple(out)


def _joins(ch: str) -> bool:
    """Whether a name next to this character would be part of a longer word (`[\\w-]`)."""
    return ch.isalnum() or ch == "_" or ch == "-"


def _blocks(text: str) -> list[tuple[int, int]]:
    """The text cut after each run of whitespace with a line break in it (each block keeps its trailing
    whitespace, so the blocks concatenate to the text): where the run of whitespace a line break is in
    ends, found from each line break (a page has a few hundred; a search for the runs tried each of
    its thousands of spaces)."""
    bounds = [0]
    k = text.find("\n")
    while k != -1:
        after = _NOT_SPACE.search(text, k)  # (`\s` and `\S` are str.isspace and its opposite)
        if after is None:
            break  # whitespace to the end: the last block ends the text
        if after.start() != bounds[-1]:
            bounds.append(after.start())
        k = text.find("\n", after.start())
    bounds.append(len(text))
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


_NOT_SPACE = re.compile(r"\S")


def _blocks_holding(text: str, blocks: list[tuple[int, int]], names) -> set[int]:
    """The indexes of the blocks in which one of `names` occurs (`name in block`): every occurrence of
    each in the whole text, and the block it lies wholly in, if any (one search of the text a name,
    not a test of every block for every name)."""
    starts = [a for a, _ in blocks]
    holding: set[int] = set()
    for name in names:
        at = text.find(name)
        while at != -1:
            k = bisect_right(starts, at) - 1
            if at + len(name) <= blocks[k][1]:
                holding.add(k)
            at = text.find(name, at + 1)
    return holding


def _weight(block: str, found: tuple) -> int:
    return _ENTRY_OVERHEAD + sys.getsizeof(block) + _MATCH_BYTES * len(found)


def kept_bytes() -> int:
    """What the kept blocks take now, as `_weight` counts them."""
    return _kept.weight


def forget() -> None:
    """Drops every kept block of this process."""
    _kept.clear()
