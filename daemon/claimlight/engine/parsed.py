"""A paragraph's parse as bytes, and a document rebuilt from many of them at once.

The daemon keeps paragraphs it has parsed (`server.parsecache`), so that a page analysed again
after a change (a live blog's new entry) only parses what changed. A parse cannot be kept as a Doc:
every job runs in `nlp.memory_zone()`, whose strings die with it, and a worker may be replaced at
any time. So a paragraph's parse travels and is kept as bytes: its token annotations as an array of
`ATTRS`, its whitespace, and the strings those annotations name, compressed.

`join` rebuilds the document of a whole text from its paragraphs' bytes in one step, the way
`Doc.from_docs` joins docs (one Doc from the concatenated words, then `from_array` with the
concatenated annotations), without making a Doc per paragraph first; annotations are stored
per token and heads relative to their token, so concatenation is all a join needs. The result
is the document `nlp.parse` gives for the same text, annotation for annotation, but for the
morphology, which no pass reads (`JOINED`; `tests/engine/test_parsed.py`).

A live page is rebuilt from the same bytes on every update, and undoing the compression and the
pickling was some 40% of a rebuild. So the process that reads them (an analysis worker) keeps the
decoded form of the bytes it has made or read lately (`_kept`, keyed by the bytes themselves, least
recently used first out, bounded by `KEPT_BYTES`): a paragraph seen in the page's previous version
is not decoded again. With it go the paragraph's string columns (its tokens' words, tags, labels,
`engine.docview`) and number fields (offsets, head distances, title case, sentence starts:
`_number_columns`), so the columns of the next version's document, which every pass of the
extraction reads, read only the new paragraph's tokens from the document (and the paragraphs the
last document began with too are a slice of its columns, `_LastPage`); and a digest of its bytes, which
`engine.local` keys the paragraph's findings by. A page whose paragraphs outweigh the
whole store keeps none of them (`_page_entries`): they would only push each other and every other
page out. Nothing depends on what a worker kept: a worker that was replaced, or that never saw
the page, decodes the bytes (it costs a few milliseconds). An update's job names the paragraphs the
daemon sent this worker before by their keys alone (`name`, `held`: the daemon's digest of each
paragraph's text, given with the job that carried its bytes), not their bytes (some 200 kB for a
3,000-word page, whose write into the pipe, just over a socket's buffer, now and then waited for
the worker to wake); a worker that no longer keeps one says so before any work, and the daemon
sends the same job again with every byte (`engine.jobs.Lacking`, `server.pool`).

A rebuilt document's strings must be in the store (every job's memory zone drops those it added),
but of the 2,000 distinct strings of a 3,000-word page's paragraphs some 1,700 (tags, labels,
common words) are the model's own or the lexemes' of `engine.lexemes`, which the store holds for
good: adding them again was a fifth of a rebuild. So a worker records once, outside any memory
zone, which strings its store holds for good (`know_permanent_strings`: their hashes, sorted, some
0.7 MB), and a kept paragraph knows which of its strings are not among them (`_Entry.rare`): a
rebuild adds only those. A string held for good is never dropped, so what the record names is
always there; one the record does not name is added, as before (a string the store came to hold for
good later costs an add, nothing else). The record names its vocab: a rebuild for another adds every string.
"""

from __future__ import annotations

import hashlib
import itertools
import pickle
import zlib
from collections import OrderedDict
from collections.abc import Iterator

import numpy
from spacy.attrs import intify_attr
from spacy.strings import SYMBOLS_BY_INT
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .docview import StringColumns, know_numbers, know_paragraph_keys, know_strings, know_text, number_pieces, string_columns, string_pieces, text_of

# Token annotations the engine reads: pos_, tag_, dep_, head, lemma_, ent_iob_/ent_type_ (doc.ents),
# sentence starts, morphology; DocBin's default set.
ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH", "POS", "SENT_START")
_IDS = [intify_attr(name) for name in ATTRS]
# What a rebuilt document is given: every annotation the bytes hold but the morphology, which no pass
# reads (`tests/engine/test_parsed.py` holds the engine to that) and which spaCy looks up in its
# morphology table token by token as it sets it: a sixth of a rebuild. The bytes keep it all.
JOINED = tuple(name for name in ATTRS if name != "MORPH")
_JOINED_IDS = [intify_attr(name) for name in JOINED]
_JOINED_COLUMNS = [ATTRS.index(name) for name in JOINED]
_ORTH = ATTRS.index("ORTH")
# The columns that hold string hashes: their strings travel with the bytes.
_STRING_COLUMNS = [ATTRS.index(name) for name in ("ORTH", "NORM", "TAG", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH")]
# Fast over slow: the bytes are made once per paragraph and read on every analysis of its page.
_LEVEL = 1
# The bytes are made and read by the daemon's own workers only, never taken from a client.
_PICKLE = pickle.HIGHEST_PROTOCOL


# The decoded parses a process keeps (see the module docstring): some 190 bytes a token with their
# string columns and number fields, so about 45,000 tokens, a few long pages, per process.
KEPT_BYTES = 8 * 2**20
# What an entry costs besides its arrays: the key's share, the entry, the list of strings.
_ENTRY_OVERHEAD = 400
# What a paragraph's string columns cost a token (seven list slots; the strings are shared).
_STRING_COLUMNS_BYTES = 7 * 8
# What a paragraph's number fields cost a token (`docview.number_pieces`: four, kept as 32-bit numbers).
_NUMBER_COLUMNS_BYTES = 4 * 4
_ARRAY_OVERHEAD = 112  # (a NumPy array's own object)

Decoded = tuple[numpy.ndarray, numpy.ndarray, list[str]]  # annotations (tokens × ATTRS), spaces, strings


class _Entry:
    """A paragraph's parse, decoded, and once it has been in a document its string columns
    (`docview.string_columns`), which the document's columns are made of next time."""

    __slots__ = ("data", "decoded", "weight", "strings", "numbers", "name", "_text", "_key", "_rare")

    def __init__(self, data: bytes, decoded: Decoded, text: str | None = None):
        self.data = data
        self.decoded = decoded
        # (`_rare`, a list of a few of the strings, is counted as if it held them all: 8 bytes each)
        self.weight = len(data) + decoded[0].nbytes + decoded[1].nbytes + _ENTRY_OVERHEAD + 68 * len(decoded[2])
        self.strings: StringColumns | None = None
        # (its number fields as `docview.number_pieces` reads them, the character offsets from the paragraph's start)
        self.numbers: numpy.ndarray | None = None
        self._text = text
        # (the key the daemon names the paragraph by, once a job has named it: `name`)
        self.name: bytes | None = None
        self._key: bytes | None = None
        self._rare: tuple[_Permanent, list[str]] | None = None

    def rare(self, permanent: _Permanent | None) -> list[str]:
        """The paragraph's strings that `permanent` does not name (all of them without one): those a
        document rebuilt from it must add to the store. Worked out once per record."""
        names = self.decoded[2]
        if permanent is None:
            return names
        if self._rare is None or self._rare[0] is not permanent:
            array = self.decoded[0]
            # (the strings are those of the string columns' distinct hashes, in order: `encode`)
            hashes = numpy.unique(array[:, _STRING_COLUMNS]) if len(array) else numpy.zeros(0, dtype=numpy.uint64)
            self._rare = (permanent, [names[j] for j in numpy.flatnonzero(~permanent.holds(hashes)).tolist()])
        return self._rare[1]

    @property
    def key(self) -> bytes:
        """A digest of the bytes, which name the paragraph's text and every annotation: the key
        `engine.local` keeps the paragraph's findings under (cheaper than digesting the
        annotations of the rebuilt document again)."""
        if self._key is None:
            self._key = hashlib.blake2b(self.data, digest_size=16, person=b"parse bytes").digest()
        return self._key

    @property
    def text(self) -> str:
        """The paragraph's text, as `Doc.text` gives it: its words, each with its space."""
        if self._text is None:
            array, spaces, names = self.decoded
            # (the strings are those of the string columns' distinct hashes, in order: `encode`)
            word = dict(zip(numpy.unique(array[:, _STRING_COLUMNS]).tolist(), names)) if len(array) else {}
            self._text = "".join(word[h] + " " if space else word[h] for h, space in zip(array[:, _ORTH].tolist(), spaces.tolist()))
        return self._text


_kept: OrderedDict[bytes, _Entry] = OrderedDict()
_kept_weight = 0
# The kept paragraphs by the key the daemon names them by (`name`, `held`): only entries of `_kept`.
_named: dict[bytes, bytes] = {}


class _Permanent:
    """The hashes (sorted) of the strings a vocab's store held for good (see the module docstring)."""

    def __init__(self, vocab: Vocab, hashes: numpy.ndarray):
        self.vocab, self.store = vocab, vocab.strings
        self.hashes = hashes

    def holds(self, hashes: numpy.ndarray) -> numpy.ndarray:
        """Which of `hashes` the store held for good: those recorded, and spaCy's symbols (labels such
        as "nsubj", which the store answers by their number without holding them)."""
        symbols = hashes < len(SYMBOLS_BY_INT)
        if not len(self.hashes):
            return symbols
        at = numpy.minimum(numpy.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        return symbols | (self.hashes[at] == hashes)


_permanent: _Permanent | None = None


def know_permanent_strings(vocab: Vocab) -> None:
    """Records which strings `vocab`'s store holds for good, for the rebuilds to come (see the module
    docstring), at once: `permanent_strings` in one go."""
    for _ in permanent_strings(vocab):
        pass


def permanent_strings(vocab: Vocab, size: int = 10_000) -> Iterator[None]:
    """The steps of recording which strings `vocab`'s store holds for good (see the module
    docstring), `size` strings a step (about 2 ms; reading them all first, some 20): a worker takes
    them between jobs once its lexemes are made (`server.worker`). Must start outside a memory zone,
    where the store holds no other strings (inside one it records nothing); a job's zone between two
    steps changes nothing, as none of its strings is among those read first and none held for good
    is ever dropped."""
    global _permanent
    if vocab.in_memory_zone:
        return
    strings = vocab.strings
    names = list(strings)
    yield
    parts = []
    for i in range(0, len(names), size):
        parts.append(numpy.fromiter((strings[name] for name in names[i : i + size]), dtype=numpy.uint64))
        yield
    _permanent = _Permanent(vocab, numpy.sort(numpy.concatenate(parts)) if parts else numpy.zeros(0, dtype=numpy.uint64))


def _permanent_of(vocab: Vocab) -> _Permanent | None:
    # (the same vocab, and the same store in it: a vocab loaded anew from disk has another)
    return _permanent if _permanent is not None and _permanent.vocab is vocab and _permanent.store is vocab.strings else None


def encode(doc: Doc) -> bytes:
    """One paragraph's parse (a Doc of the paragraph alone) as bytes."""
    array = doc.to_array(_IDS)
    spaces = numpy.fromiter((bool(t.whitespace_) for t in doc), dtype=numpy.bool_, count=len(doc))
    strings = doc.vocab.strings
    hashes = numpy.unique(array[:, _STRING_COLUMNS]) if len(doc) else ()
    names = [strings[int(h)] for h in hashes]
    data = zlib.compress(pickle.dumps((len(doc), array.tobytes(), spaces.tobytes(), names), _PICKLE), _LEVEL)
    _keep(_Entry(data, (array, spaces, names), text_of(doc)))  # the page's next version will be rebuilt from these bytes
    return data


def decode(data: bytes) -> Decoded:
    """The annotations, spaces and strings of one paragraph's bytes (kept: see the module docstring)."""
    return _entry(data).decoded


def _entry(data: bytes) -> _Entry:
    entry = _kept.get(data)
    if entry is not None:
        _kept.move_to_end(data)
        return entry
    entry = _decoded(data)
    _keep(entry)
    return entry


def _decoded(data: bytes) -> _Entry:
    n, array, space, names = pickle.loads(zlib.decompress(data))
    return _Entry(data, (numpy.frombuffer(array, dtype=numpy.uint64).reshape(n, len(_IDS)), numpy.frombuffer(space, dtype=numpy.bool_), names))


def _page_entries(parts: list[bytes]) -> list[_Entry]:
    """The decoded parses of a page's paragraphs, kept if the page fits in the store.

    A page that weighs more than the whole store (the 900,000-character page: 5,000 paragraphs,
    some 60 MB decoded) would push every other page's paragraphs out and then most of its own, so
    its next version would find few of them anyway; and the entries it cycled through, made
    between the merge's own objects, kept some 25 MB of the heap the merge had freed from going
    back (a block of small objects is given back only when all of it is free). Such a page keeps
    none of its paragraphs: those already kept (its parse, in this worker) are dropped too."""
    found: dict[bytes, _Entry] = {}
    for data in parts:
        if data not in found:
            found[data] = _kept.get(data) or _decoded(data)
    if sum(entry.weight for entry in found.values()) > KEPT_BYTES:
        for data in found:
            _drop(data)
        return [found[data] for data in parts]
    # In the page's order, as if each were looked up in turn (`_entry`): the least recently used goes first.
    for data in parts:
        entry = found[data]
        if _kept.get(data) is entry:
            _kept.move_to_end(data)
        else:
            _keep(entry)
    return [found[data] for data in parts]


def _drop(data: bytes) -> None:
    global _kept_weight
    entry = _kept.pop(data, None)
    if entry is not None:
        _kept_weight -= entry.weight
        _unname(entry)


def _keep(entry: _Entry) -> None:
    global _kept_weight
    if entry.weight > KEPT_BYTES:
        return
    old = _kept.pop(entry.data, None)
    if old is not None:
        _kept_weight -= old.weight
        if entry.name is None and old.name is not None:
            entry.name = old.name  # (the same bytes: the same paragraph, by the same name)
    _kept[entry.data] = entry
    _kept_weight += entry.weight
    _trim()


def _trim() -> None:
    global _kept_weight
    while _kept_weight > KEPT_BYTES:
        _, dropped = _kept.popitem(last=False)
        _kept_weight -= dropped.weight
        _unname(dropped)


def forget() -> None:
    """Drops every decoded parse this process keeps, and its record of the strings held for good."""
    global _kept_weight, _permanent
    _kept.clear()
    _named.clear()
    _LastPage.parts, _LastPage.strings, _LastPage.numbers = [], None, None
    _kept_weight = 0
    _permanent = None


def _unname(entry: _Entry) -> None:
    if entry.name is not None and _named.get(entry.name) == entry.data:
        del _named[entry.name]


def name(keys: list[bytes], parts: list[bytes]) -> None:
    """Notes that the daemon names each paragraph of `parts` by its key in `keys` (its text's digest,
    `server.plan.paragraph_key`), so that a later job may name a kept one by its key alone
    (`held`). Only paragraphs this process keeps (`_kept`) are named, and a name goes with its entry."""
    for key, data in zip(keys, parts):
        entry = _kept.get(data)
        if entry is not None and entry.name != key:
            if entry.name is not None:
                _unname(entry)
            entry.name = key
            _named[key] = data


def held(key: bytes) -> bytes | None:
    """The bytes of the paragraph the daemon names `key` (`name`), if this process still keeps them."""
    data = _named.get(key)
    return data if data is not None and data in _kept else None


def join(vocab: Vocab, parts: list[bytes]) -> Doc:
    """The document whose paragraphs' parses are `parts`, in order: their texts concatenated."""
    entries = _page_entries(parts)
    arrays, spaces = [], []
    # Only the strings the store does not hold for good (see the module docstring); the paragraphs of
    # a page share many of those too (names, their lemmas): each is added once.
    permanent = _permanent_of(vocab)
    strings: set[str] = set()
    for entry in entries:
        array, space, _ = entry.decoded
        strings.update(entry.rare(permanent))
        arrays.append(array)
        spaces.append(space)
    add = vocab.strings.add
    for name in strings:
        add(name)
    array = numpy.concatenate(arrays) if arrays else numpy.zeros((0, len(_IDS)), dtype=numpy.uint64)
    if not len(array):
        return Doc(vocab, words=[], spaces=[])
    # Words by their hashes, as DocBin does: no string is looked up twice. As Python lists: spaCy
    # reads them one by one, and a NumPy scalar costs it a conversion each time (~1 ms a page).
    words, spaces = array[:, _ORTH].tolist(), numpy.concatenate(spaces).tolist()
    doc = Doc(vocab, words=words, spaces=spaces).from_array(_JOINED_IDS, array[:, _JOINED_COLUMNS])
    know_strings(doc, _string_columns(doc, entries))
    know_numbers(doc, _number_columns(doc, entries))
    know_paragraph_keys(doc, [(len(entry.text), entry.key) for entry in entries])
    # (`Doc.text` would join every token's text again: each paragraph's is kept)
    return know_text(doc, "".join(entry.text for entry in entries))


class _LastPage:
    """The columns of the last document `join` made, for the next one's paragraphs that come first in
    both (`_shared_start`): a live page grown at its end is the same paragraphs up to its old last
    one, whose columns are then taken as a slice of the last document's instead of being
    concatenated again from 100-odd paragraphs' (some 0.8 ms of a 3,000-word page's rebuild). They
    are the same values: a paragraph's columns are made from its bytes alone, and where it starts
    depends only on the paragraphs before it. The paragraphs are known by their bytes (not their
    entries, which hold their decoded arrays); the columns are kept as copies (a pass may hold the
    document's own lists), for one page of at most `_worth_keeping`'s size: some 350 kB for a
    3,000-word page, and the bytes, which its kept paragraphs share."""

    parts: list[bytes] = []
    strings: StringColumns | None = None
    numbers: numpy.ndarray | None = None


def _shared_start(entries: list[_Entry], ranges: list[tuple[int, int]]) -> tuple[int, int]:
    """How many of `entries` begin the last joined document's paragraphs too, entry for entry (the
    same bytes), and how many tokens they hold: (0, 0) when it is not worth a slice."""
    k = 0
    for mine, theirs in zip(entries, _LastPage.parts):
        if mine.data is not theirs and mine.data != theirs:
            break
        k += 1
    return (k, ranges[k - 1][1]) if k * 2 > len(entries) else (0, 0)


def _string_columns(doc: Doc, entries: list[_Entry]) -> StringColumns:
    """The document's string columns, from its paragraphs' where they are kept: only the other
    paragraphs' are read from the document (and those the last document began with too are a slice
    of its columns, `_LastPage`). (They are the same strings either way: a paragraph's tokens carry
    the same annotations alone as in any document it is part of.)"""
    global _kept_weight
    ends = numpy.cumsum([len(e.decoded[0]) for e in entries]).tolist()
    ranges = list(zip([0, *ends[:-1]], ends))
    missing = [k for k, e in enumerate(entries) if e.strings is None]
    if len(missing) * 2 > len(entries):  # mostly new (a page seen for the first time): read at once
        whole = string_columns(doc)
        pieces = [tuple(column[a:b] for column in whole) for a, b in ranges] if _worth_keeping(len(doc)) else None
    else:
        pieces = [e.strings for e in entries]
        for k, piece in zip(missing, string_pieces(doc, [ranges[k] for k in missing])):
            pieces[k] = piece
        shared, tokens = _shared_start(entries, ranges) if _LastPage.strings is not None else (0, 0)
        whole = tuple([*(_LastPage.strings[c][:tokens] if shared else ()), *itertools.chain.from_iterable(piece[c] for piece in pieces[shared:])]
                      for c in range(len(pieces[0])))
    if pieces is not None:
        for entry, piece in zip(entries, pieces):
            if entry.strings is None and _kept.get(entry.data) is entry:
                entry.strings = piece
                entry.weight += _STRING_COLUMNS_BYTES * len(entry.decoded[0])
                _kept_weight += _STRING_COLUMNS_BYTES * len(entry.decoded[0])
        _trim()
    _LastPage.strings = tuple(list(column) for column in whole) if _worth_keeping(len(doc)) else None
    return whole


def _number_columns(doc: Doc, entries: list[_Entry]) -> numpy.ndarray:
    """The document's number fields (`docview.number_pieces`), from its paragraphs' where they are kept,
    as `_string_columns` does the strings. A paragraph's are the same in any document it is part of but
    for its character offsets, which move by where the paragraph starts: the heads are distances (a
    paragraph's tree is its own: `join` concatenates them), and title case and the sentence starts
    are its own tokens'. So they are kept with the offsets counted from the paragraph's start."""
    global _kept_weight
    counts = [len(e.decoded[0]) for e in entries]
    ends = numpy.cumsum(counts).tolist()
    ranges = list(zip([0, *ends[:-1]], ends))
    starts = numpy.cumsum([0, *(len(e.text) for e in entries[:-1])])  # each paragraph's first character
    missing = [k for k, e in enumerate(entries) if e.numbers is None]
    # (the paragraphs the last document began with too: a slice of its numbers, `_LastPage`)
    shared, tokens = _shared_start(entries, ranges) if _LastPage.numbers is not None and len(missing) * 2 <= len(entries) else (0, 0)
    pieces: list[numpy.ndarray | None] = [e.numbers for e in entries]
    for k, piece in zip(missing, number_pieces(doc, [ranges[k] for k in missing])):
        piece = piece.copy()
        piece[:, 0] -= starts[k]
        pieces[k] = piece
        entry = entries[k]
        if _kept.get(entry.data) is entry and _worth_keeping(len(doc)):
            entry.numbers = piece.astype(numpy.int32)
            weight = _NUMBER_COLUMNS_BYTES * len(piece) + _ARRAY_OVERHEAD
            entry.weight += weight
            _kept_weight += weight
    if missing:
        _trim()
    if shared == len(entries):
        whole = _LastPage.numbers[:tokens].copy()
    elif shared:
        rest = numpy.concatenate(pieces[shared:]).astype(numpy.int64)
        rest[:, 0] += numpy.repeat(starts[shared:], counts[shared:])
        whole = numpy.concatenate([_LastPage.numbers[:tokens], rest])
    else:
        whole = numpy.concatenate(pieces).astype(numpy.int64)
        whole[:, 0] += numpy.repeat(starts, counts)
    _LastPage.numbers = whole.copy() if _worth_keeping(len(doc)) else None
    _LastPage.parts = [e.data for e in entries] if _LastPage.numbers is not None and _LastPage.strings is not None else []
    return whole


def _worth_keeping(tokens: int) -> bool:
    # A page too long to keep would only push the others out, and cutting its columns costs memory.
    return tokens * (_STRING_COLUMNS_BYTES + _NUMBER_COLUMNS_BYTES + 110) < KEPT_BYTES // 2
