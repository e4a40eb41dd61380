"""The per-token columns agree with what spaCy's Token objects say, so a pass may read either."""

import gc

from claimlight.engine.columns import columns
from claimlight.engine.nlp import parse

TEXT = (
    "Councillor Mara Quellin said on Tuesday that the ferry would run again by May.\n"
    "“We’re not there yet,” she told reporters. The 52-year-old added: “Ask the harbour board.”\n"
    "According to Ostvale Marine, repairs will cost $3.4 million.\n"
)


def test_columns_match_the_tokens(nlp):
    doc = parse(nlp, TEXT)
    cols = columns(doc)
    assert len(cols) == len(doc)
    for t in doc:
        i = t.i
        assert (cols.starts[i], cols.text[i], cols.lower[i], cols.pos[i], cols.tag[i]) == (t.idx, t.text, t.lower_, t.pos_, t.tag_)
        assert (cols.lemma[i], cols.ent_type[i], cols.is_title[i], cols.dep[i]) == (t.lemma_.lower(), t.ent_type_, t.is_title, t.dep_)
        assert cols.head[i] == t.head.i
        assert cols.children[i] == [c.i for c in t.children]
    assert cols.sents == [(s.start, s.end) for s in doc.sents]


def test_columns_are_read_once_per_document(nlp):
    doc = parse(nlp, TEXT)
    assert columns(doc) is columns(doc)
    other = parse(nlp, TEXT)
    assert columns(other) is not columns(doc)


def test_an_empty_document_has_empty_columns(nlp):
    cols = columns(parse(nlp, ""))
    assert len(cols) == 0 and cols.sents == [] and cols.children == []


def test_the_cache_lets_the_document_go(nlp):
    import weakref

    from claimlight.engine import columns as module

    doc = parse(nlp, TEXT)
    cols = weakref.ref(columns(doc))
    gone = weakref.ref(doc)
    assert doc in module._CACHE
    # Other tests' documents may be collected at the same time, so the cache's size says nothing:
    # what matters is that neither this document nor its columns outlive it.
    del doc
    gc.collect()
    assert gone() is None and cols() is None
