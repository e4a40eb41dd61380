"""What a pass finds in one paragraph, kept, so that a page analysed again redoes only what changed.

A live page is analysed again on every change, and its next version is the same paragraphs but one
or two: a new entry at the top or the bottom, an edited one in the middle. Every paragraph is parsed
alone (`engine.nlp.parse`), so what a pass finds from a paragraph's own tokens cannot depend on the
rest of the page, except through the few tokens and characters its rules read across the
paragraph's edges (the token after a number, the currency code before it). Such a pass is run here
paragraph by paragraph, each paragraph's findings kept in this process under an explicit key: the
paragraph's parse and its neighbours' (`Window`), widened until each side holds at least
`REACH_TOKENS` tokens and `REACH_CHARS` characters, more than any such rule reads. Same key, same
inputs, so the same findings: a page whose newest entry is at its top, or whose middle paragraph
was edited, recomputes the paragraphs whose window changed, and takes the others as kept.

A paragraph's parse is keyed by its text and a digest of its tokens' annotations (in a document
joined from its paragraphs' bytes, `engine.parsed.join`, a digest of those bytes, which name the
same; the two never meet one another's keys, and either finds only findings of that parse), not by the text
alone: a document parsed otherwise (whole, in a test) never meets findings made from another parse.
Findings are kept relative to their paragraph's start (characters and tokens), so a paragraph that
moved down the page (an entry added above it) is found again. A pass whose findings also depend on
the page (reported speech: who a verb's subject is) keeps them in the same store with what it asked
of the page, and checks that before taking them (`kept`, `keep`; `engine.reported_memo`). The store is bounded by bytes
(`KEPT_BYTES`, least recently used out), like the decoded parses of `engine.parsed`.

A page of more than `KEPT_PAGE_PARAGRAPHS` paragraphs (a 900,000-character page has some 5,000) is
read without keeping anything: its findings would push each other out of the store before its
next version came, so keeping them would save it nothing, would push out those of the pages that
are live, and, made between the huge job's own objects, would hold tens of MB of the worker's heap
that the job freed (Python cannot give back a block of its small objects while one of them lives).

`tests/engine/test_local.py` checks the pass by paragraph against the same pass over the whole
document on every seed, PolNeAR and bench page, and a live blog through its versions.
"""

from __future__ import annotations

import hashlib
import sys
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc

from ..paragraphs import paragraph_starts
from .docview import columns, ents_of, paragraph_keys_of, text_of

T = TypeVar("T")

# How much of the neighbouring paragraphs a window holds on each side, at least: the rules these
# passes run read a token or two and a dozen characters across a paragraph's edge (numbers: the
# currency code before a figure, the noun it counts after it, a ratio's "in five").
REACH_TOKENS = 8
REACH_CHARS = 64
# What the kept findings of every pass together may take per process, as `weight` counts them (a
# news paragraph's four passes, some 2 kB together: about 2,000 paragraphs, twenty 3,000-word pages).
KEPT_BYTES = 4 * 2**20
# The longest page whose findings are kept (see the module docstring): some 300,000 characters of
# news, ten times the longest live blog; its four passes would take half the store.
KEPT_PAGE_PARAGRAPHS = 1_000
# What an entry costs besides its findings and its other inputs: its place in the store (~100 bytes),
# its key's tuple, and its share of the window's key (one tuple for the passes of a paragraph, and
# digests shared with the neighbours' windows).
_ENTRY_OVERHEAD = 200

# Every annotation a pass may read, for a paragraph's digest (heads are relative: a paragraph's
# are the same wherever it stands).
_ATTRS = [ORTH, NORM, TAG, POS, DEP, HEAD, LEMMA, MORPH, ENT_IOB, ENT_TYPE, SENT_START, SPACY]


@dataclass(frozen=True)
class Paragraph:
    start: int  # characters, in the document
    end: int
    first: int  # tokens
    last: int  # one past
    key: bytes  # the paragraph's text and annotations


@dataclass(frozen=True)
class Window:
    """A paragraph with enough of its neighbours for any rule's reach: who it is and where."""

    key: tuple  # the keys of the window's paragraphs, and which of them is the one
    start: int  # characters: where the window's first paragraph starts
    end: int  # and where its last one ends
    paragraphs: range = range(0)  # which paragraphs of the document it holds


_PARAGRAPHS_KEY = "claimlight.paragraphs"
_WINDOWS_KEY = "claimlight.windows"
_kept: OrderedDict[tuple, tuple] = OrderedDict()
_kept_weight = 0
# Each kept entry's weight as `_entry_weight` counted it when kept (its values never change), so that
# dropping it does not weigh it again: a full store drops about as many entries as it takes.
_kept_costs: dict[tuple, int] = {}


def paragraphs_of(doc: Doc) -> list[Paragraph]:
    """The paragraphs of the document (`claimlight.paragraphs`), each with its key; made once."""
    got = doc.user_data.get(_PARAGRAPHS_KEY)
    if got is not None:
        return got
    text = text_of(doc)
    bounds = [0, *paragraph_starts(text), len(text)]
    starts = columns(doc).starts
    spans = [(a, b, bisect_left(starts, a), bisect_left(starts, b)) for a, b in zip(bounds, bounds[1:])]
    known = paragraph_keys_of(doc)
    if known is not None and len(known) == len(spans) and all(n == b - a for (n, _), (a, b, _, _) in zip(known, spans)):
        # joined from its paragraphs' parses: each is named by a digest of its bytes already
        out = [Paragraph(a, b, first, last, key) for (_, key), (a, b, first, last) in zip(known, spans)]
        doc.user_data[_PARAGRAPHS_KEY] = out
        return out
    digests = [hashlib.blake2b(text[a:b].encode("utf-8", "surrogatepass"), digest_size=16) for a, b, _, _ in spans]
    # one annotation at a time: a 900,000-character page's every annotation at once is ~17 MB more
    # at the worker's peak
    for attr in _ATTRS if len(doc) else ():
        column = doc.to_array(attr)
        for digest, (_, _, first, last) in zip(digests, spans):
            digest.update(column[first:last].tobytes())
    out = [Paragraph(a, b, first, last, digest.digest()) for digest, (a, b, first, last) in zip(digests, spans)]
    doc.user_data[_PARAGRAPHS_KEY] = out
    return out


def window(paras: list[Paragraph], k: int) -> Window:
    """Paragraph k with its neighbours, as many as it takes to reach REACH_TOKENS and REACH_CHARS
    on each side (fewer at the document's edges)."""
    lo = k
    while lo > 0 and (paras[k].first - paras[lo].first < REACH_TOKENS or paras[k].start - paras[lo].start < REACH_CHARS):
        lo -= 1
    hi = k + 1
    while hi < len(paras) and (paras[hi - 1].last - paras[k].last < REACH_TOKENS or paras[hi - 1].end - paras[k].end < REACH_CHARS):
        hi += 1
    # (at an edge of the document the window says so: the edge is part of what the rules see)
    key = (lo == 0, hi == len(paras), k - lo, *(p.key for p in paras[lo:hi]))
    return Window(key, paras[lo].start, paras[hi - 1].end, range(lo, hi))


def window_at(doc: Doc, k: int) -> Window:
    """`window(paragraphs_of(doc), k)`, made once per document: every pass and `engine.resume` key
    their findings by the same window, so its key is one tuple, not one per pass."""
    windows = doc.user_data.get(_WINDOWS_KEY)
    if windows is None:
        windows = doc.user_data[_WINDOWS_KEY] = _Windows(paragraphs_of(doc))
    w = windows.made.get(k)
    if w is None:
        w = windows.made[k] = windows.window(k)
    return w


class _Windows:
    """The windows of one document's paragraphs made so far (`made`, by paragraph), and `window(k)`:
    `window(paras, k)` read from the paragraphs' fields as plain lists, read once. A live page's
    every paragraph's window is asked for on every update (some 100 a 3,000-word page), and reading
    the fields of each paragraph a window's reach tries, one by one, was most of their cost (some
    1 ms an update). The same loops over the same numbers: the same windows."""

    __slots__ = ("made", "_first", "_start", "_last", "_end", "_keys")

    def __init__(self, paras: list[Paragraph]):
        self.made: dict[int, Window] = {}
        self._first = [p.first for p in paras]
        self._start = [p.start for p in paras]
        self._last = [p.last for p in paras]
        self._end = [p.end for p in paras]
        self._keys = [p.key for p in paras]

    def window(self, k: int) -> Window:
        first, start, last, end = self._first, self._start, self._last, self._end
        n = len(first)
        lo = k
        while lo > 0 and (first[k] - first[lo] < REACH_TOKENS or start[k] - start[lo] < REACH_CHARS):
            lo -= 1
        hi = k + 1
        while hi < n and (last[hi - 1] - last[k] < REACH_TOKENS or end[hi - 1] - end[k] < REACH_CHARS):
            hi += 1
        key = (lo == 0, hi == n, k - lo, *self._keys[lo:hi])
        # (`Window(key, …)`, its fields set as its frozen `__init__` sets them, without a call per field)
        w = _new_window(Window)
        _set(w, "__dict__", {"key": key, "start": start[lo], "end": end[hi - 1], "paragraphs": range(lo, hi)})
        return w


_new_window = object.__new__
_set = object.__setattr__


def keeps(doc: Doc) -> bool:
    """Whether what the passes find in the document is kept (see the module docstring)."""
    return len(paragraphs_of(doc)) <= KEPT_PAGE_PARAGRAPHS


def weight(obj) -> int:
    """About what a kept finding costs in bytes: its object and, in a tuple, its members'. Strings
    are counted even when shared, small whole numbers (which Python never makes twice) are not."""
    # (a stack, not a call per member: a page's findings are some 400,000 members, and a recursive
    # call and generator per member was a tenth of the extraction's time)
    size = sys.getsizeof
    total = 0
    stack = [obj]
    pop, extend = stack.pop, stack.extend
    while stack:
        x = pop()
        kind = type(x)
        if kind is tuple:
            total += size(x)
            extend(x)
        elif kind is int:
            if not -5 <= x <= 256:
                total += size(x)
        elif x is not None and kind is not bool:
            total += size(x)
    return total


def by_paragraph(doc: Doc, name: str, find: Callable[[Doc, int, Paragraph, Window], list[T]],
                 shift: Callable[[T, int, int], T], inputs: Callable[[int], tuple] | None = None,
                 shift_all: Callable[[Iterable[T], int, int], list[T]] | None = None,
                 only: Iterable[int] | None = None) -> list[T]:
    """What `find(doc, k, paragraph, window)` finds in every paragraph k, in order, kept per window
    and, when the pass has any, the paragraph's other `inputs(k)` (a pass's own reading of the
    whole text, offsets from the paragraph's start).

    `find` returns its findings at their offsets in `doc`; they are kept moved to the paragraph's
    start (`shift(item, -chars, -tokens)`) and moved back into place when found again; or, for a
    pass with many small findings (a word start each word), all of a paragraph's at once
    (`shift_all(items, chars, tokens)`), without a call per finding. A page too long to keep
    (`keeps`) is read paragraph by paragraph all the same, and nothing is kept. `only`: the
    paragraphs to read, in order, when the pass knows the others find nothing (no key is made for them)."""
    if shift_all is None:
        shift_all = lambda items, chars, tokens: [shift(item, chars, tokens) for item in items]  # noqa: E731
    paras = paragraphs_of(doc)
    todo = range(len(paras)) if only is None else only
    out: list[T] = []
    if not keeps(doc):
        for k in todo:
            out.extend(find(doc, k, paras[k], window(paras, k)))
        return out
    runs = _last_runs.get(name, ())
    mine: dict[int, tuple] = {}
    for k in todo:
        p = paras[k]
        w = window_at(doc, k)
        wkey = w.key
        extra = inputs(k) if inputs is not None else ()
        items = None
        for run in runs:
            got = run.get(k)
            if got is not None and got[2] == p.start and got[3] == p.first and got[0] == wkey and got[1] == extra:
                items = got[4]  # (what the store would give, moved to the same place: `_last_runs`)
                break
        if items is None:
            key = (name, wkey, extra)
            kept = _kept.get(key)
            if kept is None:
                found = find(doc, k, p, w)
                kept = tuple(shift_all(found, -p.start, -p.first))
                _keep(key, kept)
            else:
                _kept.move_to_end(key)
            items = tuple(shift_all(kept, p.start, p.first))
        mine[k] = (wkey, extra, p.start, p.first, items)
        out.extend(items)
    _last_runs[name] = (mine, *runs)[:LAST_RUNS]
    return out


# Each pass's findings in the last documents it read (`by_paragraph`), by paragraph: (the window's key,
# the other inputs, where the paragraph starts in characters and tokens, its findings moved there).
# A live page's next version is the same paragraphs at the same places but its last one or two, and
# a paragraph whose window and inputs are equal to those of the paragraph at its place in the last
# document finds what the store holds for that key (the same key: the same findings), moved by the
# same offsets: the findings the last document took, which are plain values (numbers, strings, and
# tuples of them), taken as they are instead of looked up and moved again for each of a page's
# hundred-odd paragraphs. Two runs per pass: the two coreference readings each read the speech
# subjects with their own quoted tokens. Bounded by the pages kept (`KEPT_PAGE_PARAGRAPHS`); a
# paragraph taken here is not brought forward in the store's order of use (should it be pushed
# out, a later version reads it again as new).
LAST_RUNS = 2
_last_runs: dict[str, tuple[dict[int, tuple], ...]] = {}


def last_run(name: str) -> dict[int, tuple]:
    """What a pass that keeps its own findings (not through `by_paragraph`) noted of each paragraph
    of the last document it read (`note_run`): dropped with the store (`forget`), like `by_paragraph`'s."""
    runs = _last_runs.get(name)
    return runs[0] if runs else {}


def note_run(name: str, by_paragraph: dict[int, tuple]) -> None:
    """Notes, for `last_run`, what a pass read of each paragraph of the document it just read."""
    _last_runs[name] = (by_paragraph,)


def kept(key: tuple) -> tuple | None:
    """What `keep` kept under `key` (a pass's name, a paragraph's window key, its other inputs), if
    anything: for a pass whose findings need a check against the page before they are taken
    (`engine.reported_memo`)."""
    found = _kept.get(key)
    if found is not None:
        _kept.move_to_end(key)
    return found


def keep(key: tuple, value: tuple) -> None:
    """Keeps `value` (tuples of plain values) under `key`, in the same bounded store as `by_paragraph`."""
    global _kept_weight
    if _kept.pop(key, None) is not None:
        _kept_weight -= _kept_costs.pop(key)
    _keep(key, value)


def _entry_weight(key: tuple, kept: tuple) -> int:
    return _ENTRY_OVERHEAD + weight(key[2]) + weight(kept)


def _keep(key: tuple, kept: tuple) -> None:
    global _kept_weight
    cost = _entry_weight(key, kept)
    if cost > KEPT_BYTES:
        return
    _kept[key] = kept
    _kept_costs[key] = cost
    _kept_weight += cost
    while _kept_weight > KEPT_BYTES:
        old_key, _ = _kept.popitem(last=False)
        _kept_weight -= _kept_costs.pop(old_key)


_ENT_STARTS = "claimlight.ent_token_starts"


def ents_starting(doc: Doc, first: int, last: int) -> tuple:
    """The entities that start in the tokens [first, last), found by binary search."""
    ents = ents_of(doc)
    starts = doc.user_data.get(_ENT_STARTS)
    if starts is None or len(starts) != len(ents):
        starts = doc.user_data[_ENT_STARTS] = [e.start for e in ents]
    return ents[bisect_left(starts, first) : bisect_left(starts, last)]


def kept_bytes() -> int:
    """What the kept findings take now, as `weight` counts them."""
    return _kept_weight


def forget() -> None:
    """Drops every kept finding of this process."""
    global _kept_weight
    _kept.clear()
    _kept_costs.clear()
    _last_runs.clear()
    _kept_weight = 0
