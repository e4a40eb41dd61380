"""The document read once: its columns agree with what spaCy's Token objects say, and its shared
view with what the Doc answers, so a pass may read either."""

import gc

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
    assert len(cols) == 0 and cols.sents == [] and cols.children == []


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
