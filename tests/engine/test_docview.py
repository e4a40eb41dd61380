"""The document read once: its columns agree with what spaCy's Token objects say, and its shared
view with what the Doc answers, so a pass may read either."""

import gc

import pytest

from claimlight.engine.docview import columns, ents_of, shared, text_of, tokens_of
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
    assert len(cols) == 0 and cols.sents == [] and len(cols.children) == 0


def test_the_cache_lets_the_document_go(nlp):
    import weakref

    from claimlight.engine import docview as module

    doc = parse(nlp, TEXT)
    cols = weakref.ref(columns(doc))
    gone = weakref.ref(doc)
    assert doc in module._COLUMNS
    # Other tests' documents may be collected at the same time, so the cache's size says nothing:
    # what matters is that neither this document nor its columns outlive it.
    del doc
    gc.collect()
    assert gone() is None and cols() is None


def test_the_text_is_the_parsed_text(nlp):
    for text in (TEXT, "", "One line only.", "{\"a\": [1, 2, 3], \"b\": \"“”“”“”“”“”“”“”“”\"}\n\nThen prose, said Quellin.\n"):
        doc = parse(nlp, text)
        assert text_of(doc) == doc.text == text


def test_the_shared_view_answers_as_the_document(nlp):
    doc = parse(nlp, TEXT)
    expected_sents = [(s.start, s.end) for s in doc.sents]
    expected_token_sents = [(t.sent.start, t.sent.end) for t in doc]
    expected_ents = [(e.start, e.end, e.label_) for e in doc.ents]

    @shared
    def read(d):
        assert [(s.start, s.end) for s in d.sents] == expected_sents
        assert [(t.sent.start, t.sent.end) for t in d] == expected_token_sents
        assert [(d[a:b].sent.start, d[a:b].sent.end) for a, b in ((0, 2), (20, 25))] == [expected_token_sents[0], expected_token_sents[20]]
        assert [(e.start, e.end, e.label_) for e in ents_of(d)] == expected_ents
        assert [t.i for t in tokens_of(d)] == list(range(len(d)))
        assert text_of(d) == TEXT
        return True

    assert read(doc)
    # the hooks go with the call
    assert not doc.user_hooks and not doc.user_token_hooks and not doc.user_span_hooks


def test_the_token_list_makes_each_token_once_when_asked_and_reads_as_a_list(nlp):
    from claimlight.engine.docview import TokenList

    doc = parse(nlp, TEXT)
    n = len(doc)
    toks = TokenList(doc)
    assert len(toks) == n and toks._missing == n  # nothing made yet
    third = toks[3]
    assert third.i == 3 and toks[3] is third and toks[-1].i == n - 1 and toks[-1] is toks[n - 1]
    assert toks._missing == n - 2
    part = toks[2:7]
    assert isinstance(part, list) and [t.i for t in part] == [2, 3, 4, 5, 6] and part[1] is third
    assert [t.i for t in toks[::-3]] == list(range(n))[::-3] and toks[5:2] == []
    assert [t.i for t in reversed(toks)] == list(range(n))[::-1]
    every = list(toks)
    assert [t.i for t in every] == list(range(n)) and every[3] is third and every[2] is part[0] and toks._missing == 0
    assert all(a is b for a, b in zip(toks, every)) and toks[n - 1] is every[-1]
    with pytest.raises(IndexError):
        toks[n]


def test_the_shared_view_gives_each_token_one_object(nlp):
    doc = parse(nlp, TEXT)

    @shared
    def read(d):
        from claimlight.engine.docview import token_list

        first = token_list(d)[4]
        assert tokens_of(d)[4] is first and tokens_of(d)[3:5][1] is first
        return [t.i for t in tokens_of(d)]

    assert read(doc) == list(range(len(doc)))
