"""One reading of a parsed document, shared by every step of the extraction.

spaCy makes a new Python object for every token each time a document is iterated or indexed, every
attribute read goes through the string store, and `Doc.text`, `Doc.ents`, `Doc.sents` and
`Token.sent` rebuild their answer on every call (`Token.sent` scans back and forth to the nearest
sentence starts). The steps of the extraction each did that on their own: for a 3,000-word page more
than half of the extraction's time went on making the same objects again, and a live page is
analysed again on every change. So a document is read here once, in two forms:

- its columns (`columns(doc)`): each token's offset, text, lower case, part of speech, tag, lemma,
  entity type, title case, dependency label, head and children, as plain lists read in bulk with one
  `Doc.to_array` call, so that a pass over the whole document filters on them and makes Token
  objects only for the tokens its rules look at. They hold strings and numbers, never Tokens (a
  Token refers to its Doc), so their cache, keyed weakly by the Doc, lets the Doc go;
- its view (`shared`, a decorator for the function that runs the steps): its text, its entities,
  its sentences and its tokens, each Token made when first asked for (`TokenList`: a live page's
  update reads a few hundred of a 3,000-word page's ~3,700). Inside it, `tokens_of`, `token_list`, `text_of` and
  `ents_of` return those, and `doc.sents`, `token.sent` and `span.sent` answer from the sentence starts of
  the columns, through spaCy's own user hooks. Outside it (a step called on its own, in a test) the
  same functions read the document afresh. The answers are the same objects spaCy would build, so
  the analysis is identical; only the number of times they are built changes. Nothing outlives the
  call: the hooks are removed on the way out, so no cycle keeps a document alive.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from typing import TypeVar
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_TITLE, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc, Span, Token

F = TypeVar("F", bound=Callable)

# -- columns ------------------------------------------------------------------------------------

_FIELDS = (IDX, ORTH, LOWER, POS, TAG, LEMMA, ENT_TYPE, IS_TITLE, SENT_START, DEP, HEAD)
# The fields that hold strings (as hashes), by their place in _FIELDS.
_TEXT, _LOWER, _POS, _TAG, _LEMMA, _ENT_TYPE, _DEP = 1, 2, 3, 4, 5, 6, 9
_STRING_FIELDS = [_TEXT, _LOWER, _POS, _TAG, _LEMMA, _ENT_TYPE, _DEP]
_NUMBER_FIELDS = (IDX, IS_TITLE, SENT_START, HEAD)


StringColumns = tuple[list[str], ...]  # text, lower, pos, tag, lemma (lower-cased), ent_type, dep


def string_columns(doc: Doc) -> StringColumns:
    """The string columns of `doc`, as `Columns` holds them."""
    return string_pieces(doc, [(0, len(doc))])[0]


def string_pieces(doc: Doc, ranges: list[tuple[int, int]]) -> list[StringColumns]:
    """The string columns of the tokens of each of `ranges` ([first, last) token indexes) of `doc`."""
    fields = [_FIELDS[k] for k in _STRING_FIELDS]
    if not ranges:
        return []
    if sum(b - a for a, b in ranges) * 4 > len(doc):
        array = doc.to_array(fields) if len(doc) else numpy.zeros((0, len(fields)), dtype="uint64")
        return [_strings(array[a:b], doc.vocab.strings) for a, b in ranges]
    # A few ranges (a live page's new paragraph) read on their own, not the whole document: a span's
    # `to_array` costs more a token, but the page's other tokens cost nothing.
    return [_strings(doc[a:b].to_array(fields) if b > a else numpy.zeros((0, len(fields)), dtype="uint64"), doc.vocab.strings) for a, b in ranges]


def _strings(array: numpy.ndarray, strings) -> StringColumns:
    # A text has a few hundred distinct words, tags and labels: each is looked up once, for all
    # the string columns at once, and each column is then mapped in C. (Turning the whole array
    # into Python ints first held two objects per token and field at once: ~70 MB for a
    # 900,000-character page.)
    distinct, which = numpy.unique(array, return_inverse=True)
    names = [strings[h] if h else "" for h in distinct.tolist()]
    which = which.reshape(len(array), len(_STRING_FIELDS))

    def words(k: int, lower: bool = False) -> list[str]:
        table = numpy.array([w.lower() for w in names] if lower else names, dtype=object)
        return table[which[:, _STRING_FIELDS.index(k)]].tolist()

    return (words(_TEXT), words(_LOWER), words(_POS), words(_TAG), words(_LEMMA, lower=True), words(_ENT_TYPE), words(_DEP))


class Columns:
    """Token i's character offset, text, lower case, part of speech, tag, lower-cased lemma,
    entity type, title case, dependency label, head and (on first use) children, as lists indexed by token; and
    the sentences as token ranges.

    `strings`: the string columns, when the caller has them already (`engine.parsed.join` keeps
    each paragraph's: a live page's next version is the same paragraphs but one); `numbers`: likewise
    the number fields, as `number_pieces` reads them (the character offset, title case, sentence start
    and head's distance of every token)."""

    def __init__(self, doc: Doc, strings: StringColumns | None = None, numbers: numpy.ndarray | None = None):
        n = len(doc)
        array = numbers if numbers is not None else number_pieces(doc, [(0, n)])[0]
        if strings is None:
            strings = string_columns(doc)
        self.starts: list[int] = array[:, 0].tolist()
        self.text, self.lower, self.pos, self.tag, self.lemma, self.ent_type, self.dep = strings
        self.is_title: list[bool] = array[:, 1].astype(bool).tolist()
        # the head's index (the array holds its signed distance as an unsigned number)
        heads = array[:, 3].astype("int64") + numpy.arange(n)
        self.head: list[int] = heads.tolist()
        self.children = Children(heads)
        # A sentence starts where the parser said so (`Doc.sents` reads the same flag).
        firsts = sorted({0, *numpy.flatnonzero(array[:, 2] == 1).tolist()}) if n else []
        self.sents: list[tuple[int, int]] = list(zip(firsts, firsts[1:] + [n]))
        self.sent_starts: list[int] = firsts

    def __len__(self) -> int:
        return len(self.starts)


def number_pieces(doc: Doc, ranges: list[tuple[int, int]]) -> list[numpy.ndarray]:
    """The number fields (`_NUMBER_FIELDS`: character offset, title case, sentence start, head's
    distance) of the tokens of each of `ranges` ([first, last) token indexes) of `doc`, as rows of
    signed numbers (`Doc.to_array` gives a head before its token as a wrapped unsigned number)."""
    fields = list(_NUMBER_FIELDS)
    empty = numpy.zeros((0, len(fields)), dtype=numpy.int64)
    if not ranges:
        return []
    if sum(b - a for a, b in ranges) * 4 > len(doc):
        array = doc.to_array(fields).astype(numpy.int64) if len(doc) else empty
        return [array[a:b] for a, b in ranges]
    # (a few ranges, a live page's new paragraph: read on their own, as `string_pieces` does)
    return [doc[a:b].to_array(fields).astype(numpy.int64) if b > a else empty for a, b in ranges]


class Children:
    """Each token's children, in order, as `Token.children`: `children[i]` is a list of indexes.

    Kept as two arrays (every token's children one after the other, and where each token's begin)
    and made into a list only for the token asked about: a list per token cost some 100 bytes a
    token, 20 MB for a 900,000-character page, and the passes ask about a few tokens in ten."""

    def __init__(self, heads: numpy.ndarray):
        n = len(heads)
        own = numpy.arange(n)
        children = own[heads != own]  # every token but the roots, in order...
        parents = heads[heads != own]
        order = numpy.argsort(parents, kind="stable")  # ...grouped by head, each group still in order
        self._flat = children[order].astype(numpy.int32)
        self._ends = numpy.cumsum(numpy.bincount(parents, minlength=n)) if n else numpy.zeros(0, dtype=numpy.int64)

    def __getitem__(self, i: int) -> list[int]:
        return self._flat[self._ends[i - 1] if i else 0 : self._ends[i]].tolist()

    def __len__(self) -> int:
        return len(self._ends)


_COLUMNS: WeakKeyDictionary[Doc, Columns] = WeakKeyDictionary()
_KNOWN_STRINGS: WeakKeyDictionary[Doc, StringColumns] = WeakKeyDictionary()
_KNOWN_NUMBERS: WeakKeyDictionary[Doc, numpy.ndarray] = WeakKeyDictionary()


def columns(doc: Doc) -> Columns:
    """The columns of `doc`, read on first use."""
    got = _COLUMNS.get(doc)
    if got is None:
        got = _COLUMNS[doc] = Columns(doc, _KNOWN_STRINGS.pop(doc, None), _KNOWN_NUMBERS.pop(doc, None))
    return got


def know_numbers(doc: Doc, numbers: numpy.ndarray) -> None:
    """Records the number fields of `doc` (as `number_pieces` gives them for the whole document),
    made by a caller who knows them (`engine.parsed.join`, from its paragraphs' own)."""
    _KNOWN_NUMBERS[doc] = numbers


def know_strings(doc: Doc, strings: StringColumns) -> None:
    """Records the string columns of `doc`, made by a caller who knows them (`engine.parsed.join`)."""
    _KNOWN_STRINGS[doc] = strings


# -- the text -----------------------------------------------------------------------------------

_TEXT_KEY = "claimlight.text"


def text_of(doc: Doc) -> str:
    """The document's text, built once: `Doc.text` joins every token each time it is read, and the
    engine's steps each need it (a few percent of the analysis time on a long article)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def know_text(doc: Doc, text: str) -> Doc:
    """Records `text` as the document's text, for a document its caller knows was made from it
    (spaCy keeps every character of what it tokenizes), so that it is never joined again."""
    doc.user_data[_TEXT_KEY] = text
    return doc


_PARAGRAPH_KEYS = "claimlight.paragraph_keys"


def know_paragraph_keys(doc: Doc, keys: list[tuple[int, bytes]]) -> None:
    """Records, for a document joined from its paragraphs' parses (`engine.parsed.join`), each
    paragraph's length and a key that names its parse (a digest of its bytes), in order."""
    doc.user_data[_PARAGRAPH_KEYS] = keys


def paragraph_keys_of(doc: Doc) -> list[tuple[int, bytes]] | None:
    """What `know_paragraph_keys` recorded for `doc`, if anything."""
    return doc.user_data.get(_PARAGRAPH_KEYS)


# -- the view -----------------------------------------------------------------------------------


class DocView:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text_of(doc)
        self.ents: tuple[Span, ...] = doc.ents
        self._sents: list[Span] | None = None
        self._sent_made: dict[int, Span] = {}  # sentences made alone, by number (`_sentence`)

    @cached_property
    def tokens(self) -> TokenList:
        return TokenList(self.doc)

    @property
    def sents(self) -> list[Span]:
        if self._sents is None:
            # The same segmentation as Doc.sents: a sentence starts at every token whose
            # sent_start is 1 (and at the first token). (Those made alone before are the same objects.)
            made = self._sent_made
            self._sents = [made[n] if n in made else Span(self.doc, s, e) for n, (s, e) in enumerate(columns(self.doc).sents)]
        return self._sents

    def _sentence(self, n: int) -> Span:
        """Sentence `n` of `sents`, made alone when the whole list is not made yet: a live page's
        update asks for the sentences of a few tokens and of the page's opening
        (`role_index._openings`), and a Span for each of its hundreds of sentences is not needed."""
        if self._sents is not None:
            return self._sents[n]
        got = self._sent_made.get(n)
        if got is None:
            s, e = columns(self.doc).sents[n]
            got = self._sent_made[n] = Span(self.doc, s, e)
        return got

    def first_sentences(self, n: int) -> list[Span]:
        """`sents[:n]`, made alone when the whole list is not made yet (`_sentence`)."""
        return [self._sentence(k) for k in range(min(n, len(columns(self.doc).sents)))]

    def sentence_of(self, i: int) -> Span:
        """The sentence token `i` is in: what Token.sent and Span.sent (by its first token) return."""
        return self._sentence(bisect_right(columns(self.doc).sent_starts, i) - 1)


class TokenList(Sequence):
    """The document's tokens as a list gives them (`len`, `[i]`, slices as lists, iteration), each
    Token made when it is first asked for and the same object after.

    `list(doc)` makes every token's object (some 0.3 µs each, ~1 ms for a 3,000-word page), and a
    live page's update reads a few hundred of them: the new paragraph's and a few of the old page's."""

    __slots__ = ("doc", "_made", "_missing")

    def __init__(self, doc: Doc):
        self.doc = doc
        self._made: list[Token | None] = [None] * len(doc)
        self._missing = len(doc)  # how many are still to be made

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, i):
        got = self._made[i]
        if got is None:  # one token, not made yet
            got = self._made[i] = self.doc[i]
            self._missing -= 1
            return got
        if got.__class__ is list and self._missing:  # a slice, perhaps with tokens not made yet
            made, doc = self._made, self.doc
            for j in range(*i.indices(len(made))):
                if made[j] is None:
                    made[j] = doc[j]
                    self._missing -= 1
            return made[i]
        return got

    def __iter__(self):
        return iter(self.all())

    def __reversed__(self):
        return reversed(self.all())

    def all(self) -> list[Token]:
        """Every token, as a list (made at once: `list(doc)` makes them faster than one by one)."""
        if self._missing:
            made = self._made
            every = list(self.doc)
            for j, t in enumerate(made):
                if t is not None:
                    every[j] = t
            made[:] = every
            self._missing = 0
        return self._made  # type: ignore[return-value]


_current: DocView | None = None


def shared(fn: F) -> F:
    """`fn(doc, ...)` runs with one DocView of `doc` shared by everything it calls."""

    @functools.wraps(fn)
    def wrapper(doc: Doc, *args, **kwargs):
        if _current is not None and _current.doc is doc:
            return fn(doc, *args, **kwargs)
        with _sharing(DocView(doc)):
            return fn(doc, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def current() -> tuple[DocView, Columns | None] | None:
    """The view shared now and its document's columns, for work on the same document once the
    function sharing it has returned (`shared_again`), or None outside a shared view."""
    if _current is None:
        return None
    return _current, _COLUMNS.get(_current.doc)


@contextmanager
def shared_again(view: DocView, cols: Columns | None) -> Iterator[None]:
    """The view `current` gave, shared again with its columns, as `shared` shared it: work on the
    document after its analysis returned (`engine.idle`) reads what the analysis read, and its
    Token objects and sentences are the ones the analysis made. Removed again on the way out."""
    if cols is not None:
        _COLUMNS[view.doc] = cols
    with _sharing(view):
        yield


@contextmanager
def _sharing(view: DocView) -> Iterator[None]:
    global _current
    doc = view.doc
    outer = _current
    hooks = (doc.user_hooks, doc.user_token_hooks, doc.user_span_hooks)
    saved = [dict(h) for h in hooks]
    doc.user_hooks["sents"] = lambda d: iter(view.sents)
    doc.user_token_hooks["sent"] = lambda t: view.sentence_of(t.i)
    doc.user_span_hooks["sent"] = lambda s: view.sentence_of(s.start)
    _current = view
    try:
        yield
    finally:
        _current = outer
        for h, before in zip(hooks, saved):
            h.clear()
            h.update(before)
        # The analysis is done: its columns go now, not when the document does (the engine's
        # mentions and actors refer to each other, so the document may wait for a collection).
        _COLUMNS.pop(doc, None)


def view_of(doc: Doc) -> DocView:
    """The shared view of `doc`, or a fresh one when none is shared."""
    return _current if _current is not None and _current.doc is doc else DocView(doc)


def tokens_of(doc: Doc) -> list[Token]:
    return view_of(doc).tokens


def token_list(doc: Doc) -> list[Token] | Doc:
    """What gives token i as `[i]` without making a new Token object each time: the shared view's
    tokens, or outside it the Doc itself (a list of a document's tokens kept outside the view would
    keep the document alive)."""
    return _current.tokens if _current is not None and _current.doc is doc else doc


def first_sentences(doc: Doc, n: int) -> list[Span]:
    """The document's first `n` sentences, as `doc.sents` gives them: the shared view's (`DocView.first_sentences`)."""
    if _current is not None and _current.doc is doc:
        return _current.first_sentences(n)
    sents: list[Span] = []
    for sent in doc.sents:
        if len(sents) == n:
            break
        sents.append(sent)
    return sents


def ents_of(doc: Doc) -> tuple[Span, ...]:
    return _current.ents if _current is not None and _current.doc is doc else doc.ents
