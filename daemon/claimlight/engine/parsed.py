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
is the document `nlp.parse` gives for the same text, annotation for annotation
(`tests/engine/test_parsed.py`).
"""

from __future__ import annotations

import pickle
import zlib

import numpy
from spacy.attrs import intify_attr
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token annotations the engine reads: pos_, tag_, dep_, head, lemma_, ent_iob_/ent_type_ (doc.ents),
# sentence starts, morphology; DocBin's default set.
ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH", "POS", "SENT_START")
_IDS = [intify_attr(name) for name in ATTRS]
_ORTH = ATTRS.index("ORTH")
# The columns that hold string hashes: their strings travel with the bytes.
_STRING_COLUMNS = [ATTRS.index(name) for name in ("ORTH", "NORM", "TAG", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH")]
# Fast over slow: the bytes are made once per paragraph and read on every analysis of its page.
_LEVEL = 1
# The bytes are made and read by the daemon's own workers only, never taken from a client.
_PICKLE = pickle.HIGHEST_PROTOCOL


def encode(doc: Doc) -> bytes:
    """One paragraph's parse (a Doc of the paragraph alone) as bytes."""
    array = doc.to_array(_IDS)
    spaces = numpy.fromiter((bool(t.whitespace_) for t in doc), dtype=numpy.bool_, count=len(doc))
    strings = doc.vocab.strings
    hashes = numpy.unique(array[:, _STRING_COLUMNS]) if len(doc) else ()
    names = [strings[int(h)] for h in hashes]
    return zlib.compress(pickle.dumps((len(doc), array.tobytes(), spaces.tobytes(), names), _PICKLE), _LEVEL)


def join(vocab: Vocab, parts: list[bytes]) -> Doc:
    """The document whose paragraphs' parses are `parts`, in order: their texts concatenated."""
    arrays, spaces = [], []
    # The paragraphs of a page share most of their strings (tags, labels, common words): each is added once.
    strings: set[str] = set()
    for data in parts:
        n, array, space, names = pickle.loads(zlib.decompress(data))
        strings.update(names)
        arrays.append(numpy.frombuffer(array, dtype=numpy.uint64).reshape(n, len(_IDS)))
        spaces.append(numpy.frombuffer(space, dtype=numpy.bool_))
    add = vocab.strings.add
    for name in strings:
        add(name)
    array = numpy.concatenate(arrays) if arrays else numpy.zeros((0, len(_IDS)), dtype=numpy.uint64)
    if not len(array):
        return Doc(vocab, words=[], spaces=[])
    # Words by their hashes, as DocBin does: no string is looked up twice.
    return Doc(vocab, words=array[:, _ORTH], spaces=numpy.concatenate(spaces)).from_array(_IDS, array)
