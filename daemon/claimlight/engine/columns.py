"""Per-token columns of a parsed document, read once in bulk and shared by every pass.

Iterating a spaCy Doc, or indexing it, makes a new Token object each time, and every attribute
read goes through the string store; the engine's passes over whole documents (finding names the
recogniser missed, reading pronouns and descriptions in order, finding reporting verbs) spent more
time on that than on their rules. The few columns those passes filter on are read here with one
`Doc.to_array` call, so a pass makes Token objects only for the tokens its rules look at.

The columns hold plain strings and numbers, never Tokens (a Token refers to its Doc), so the cache,
keyed weakly by the Doc, lets the Doc go when the analysis is done.
"""

from __future__ import annotations

from functools import cached_property
from weakref import WeakKeyDictionary

import numpy

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_TITLE, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

_FIELDS = (IDX, ORTH, LOWER, POS, TAG, LEMMA, ENT_TYPE, IS_TITLE, SENT_START, DEP, HEAD)


class Columns:
    """Token i's character offset, text, lower case, part of speech, tag, lower-cased lemma,
    entity type, title case, dependency label, head and (on first use) children, as lists indexed by token; and
    the sentences as token ranges."""

    def __init__(self, doc: Doc):
        n = len(doc)
        array = doc.to_array(list(_FIELDS)) if n else numpy.zeros((0, len(_FIELDS)), dtype="uint64")
        strings = doc.vocab.strings

        # A text has a few hundred distinct words, tags and labels: each is looked up once, and a
        # column is mapped in C, one column at a time. (Turning the whole array into Python ints
        # first held two objects per token and field at once: ~70 MB for a 900,000-character page.)
        def words(k: int, lower: bool = False) -> list[str]:
            distinct, which = numpy.unique(array[:, k], return_inverse=True)
            names = [strings[h] if h else "" for h in distinct.tolist()]
            table = numpy.array([w.lower() for w in names] if lower else names, dtype=object)
            return table[which.reshape(-1)].tolist()

        self.starts: list[int] = array[:, 0].tolist()
        self.text = words(1)
        self.lower = words(2)
        self.pos = words(3)
        self.tag = words(4)
        self.lemma = words(5, lower=True)
        self.ent_type = words(6)
        self.is_title: list[bool] = array[:, 7].astype(bool).tolist()
        self.dep = words(9)
        # the head's index (the array holds its signed distance as an unsigned number)
        self.head: list[int] = (array[:, 10].astype("int64") + numpy.arange(n)).tolist()
        # A sentence starts where the parser said so (`Doc.sents` reads the same flag).
        firsts = sorted({0, *numpy.flatnonzero(array[:, 8] == 1).tolist()}) if n else []
        self.sents: list[tuple[int, int]] = list(zip(firsts, firsts[1:] + [n]))

    @cached_property
    def children(self) -> list[list[int]]:
        """Each token's children, in order, as `Token.children`."""
        out: list[list[int]] = [[] for _ in self.head]
        for i, h in enumerate(self.head):
            if h != i:
                out[h].append(i)
        return out

    def __len__(self) -> int:
        return len(self.starts)


_CACHE: WeakKeyDictionary[Doc, Columns] = WeakKeyDictionary()


def columns(doc: Doc) -> Columns:
    """The columns of `doc`, read on first use."""
    got = _CACHE.get(doc)
    if got is None:
        got = _CACHE[doc] = Columns(doc)
    return got
