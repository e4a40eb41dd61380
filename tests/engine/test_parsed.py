"""A paragraph's parse as bytes, and the document rebuilt from many: the one `nlp.parse` gives.

A process keeps the decoded form of the bytes it made or read (`engine.parsed`), so a live page's
next version is rebuilt without decoding again: a rebuild from kept parses must be the rebuild from
fresh ones, annotation for annotation (but the morphology, which no pass reads), and what is kept
stays within its bound.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy
import pytest

from claimlight.engine import parsed
from claimlight.engine.docview import text_of
from claimlight.engine.nlp import parse, parse_each
from claimlight.paragraphs import paragraphs

TEXT = "\n\n".join(
    f"LYON, May {day} — “It will not close,” said Dr Ana Pereira of the Rhône Clinic, on Friday. "
    f"Some {day * 120} patients, she said, were moved; the board voted 5-{day}."
    for day in range(1, 7)
)


def annotations(doc) -> numpy.ndarray:
    return doc.to_array(list(parsed.JOINED))


def test_a_rebuilt_document_lacks_only_an_annotation_no_pass_reads():
    """The morphology is not given to a rebuilt document (`parsed.JOINED`): no module of the engine
    may read it, or a page rebuilt from its paragraphs would be read otherwise than one parsed whole."""
    assert set(parsed.ATTRS) - set(parsed.JOINED) == {"MORPH"}
    engine = Path(parsed.__file__).parent
    # (parsed and local read every annotation to carry it or digest it; attribute_table is part of
    # the parse, which runs before the bytes are made)
    readers = [p.name for p in engine.glob("*.py") if p.name not in ("parsed.py", "local.py", "attribute_table.py")
               and re.search(r"\.morph\b|\bMORPH\b|morph_", p.read_text(encoding="utf-8"))]
    assert readers == []


@pytest.fixture(autouse=True)
def fresh():
    parsed.forget()
    yield
    parsed.forget()


def test_a_document_rebuilt_from_kept_parses_is_the_one_parsed_whole(nlp):
    with nlp.memory_zone():
        parts = [parsed.encode(doc) for doc in parse_each(nlp, paragraphs(TEXT))]  # kept as they are made
        whole = parse(nlp, TEXT)
        from_kept = parsed.join(nlp.vocab, parts)
        assert from_kept.text == TEXT
        assert (annotations(from_kept) == annotations(whole)).all()
        assert [t.whitespace_ for t in from_kept] == [t.whitespace_ for t in whole]
        parsed.forget()  # as a worker that never saw the page
        from_bytes = parsed.join(nlp.vocab, parts)
        assert (annotations(from_bytes) == annotations(whole)).all()
        # the text a rebuilt document is known by (from its paragraphs', made or read) is its tokens'
        for doc in (from_kept, from_bytes):
            assert text_of(doc) == "".join(t.text_with_ws for t in doc) == TEXT


def test_kept_parses_stay_within_their_bound(nlp, monkeypatch):
    monkeypatch.setattr(parsed, "KEPT_BYTES", 20_000)
    with nlp.memory_zone():
        parts = [parsed.encode(doc) for doc in parse_each(nlp, paragraphs(TEXT) * 3)]
        assert 0 < len(parsed._kept) < len(parts) and parsed._kept_weight <= 20_000
        # the oldest went first; what went is decoded again from its bytes, the same
        doc = parsed.join(nlp.vocab, parts)
        assert doc.text == "".join(paragraphs(TEXT) * 3)
        assert parsed._kept_weight <= 20_000


def test_a_page_bigger_than_the_store_keeps_none_of_its_paragraphs(nlp, monkeypatch):
    # A long page of its own, several times the weight of TEXT's six paragraphs.
    long_text = "\n\n".join(
        f"Volunteers counted {n * 37} birds at the {n}th marsh on Sunday, the trust said; "
        f"“We were {'surprised' if n % 2 else 'pleased'},” its warden, Tomas Reyes, told the council."
        for n in range(1, 41)
    )
    with nlp.memory_zone():
        long_parts = [parsed.encode(doc) for doc in parse_each(nlp, paragraphs(long_text))]
        short_parts = [parsed.encode(doc) for doc in parse_each(nlp, paragraphs(TEXT))]
        parsed.forget()
        parsed.join(nlp.vocab, short_parts)  # a normal page, read and kept
        kept = dict(parsed._kept)
        assert list(kept) == short_parts
        monkeypatch.setattr(parsed, "KEPT_BYTES", 2 * parsed._kept_weight)
        parsed.decode(long_parts[0])  # one of the long page's own, kept as its parse was in this worker
        whole = parse(nlp, long_text)
        doc = parsed.join(nlp.vocab, long_parts)
        # the same document, and the short page's paragraphs all still there, none of the long page's
        assert doc.text == long_text and (annotations(doc) == annotations(whole)).all()
        assert list(parsed._kept) == short_parts and all(parsed._kept[k] is kept[k] for k in short_parts)
        assert parsed._kept_weight == sum(entry.weight for entry in kept.values())
        # the short page again: every paragraph found as it was kept, none decoded anew
        again = parsed.join(nlp.vocab, short_parts)
        assert again.text == TEXT and all(parsed._kept[k] is kept[k] for k in short_parts)


def test_the_columns_of_a_page_rebuilt_from_kept_paragraphs_are_the_ones_read_from_it(nlp):
    from claimlight.engine import docview

    def fresh(doc) -> tuple:
        c = docview.Columns(doc)
        return (c.starts, c.text, c.lower, c.pos, c.tag, c.lemma, c.ent_type, c.is_title, c.dep, c.head, c.sents, c.sent_starts,
                [c.children[i] for i in range(len(doc))])

    first = paragraphs(TEXT)
    entry = "“Not yet,” the board's chair, Ines Duarte, told reporters on Monday."
    # Grown at the end (the old last paragraph ends anew), at the top and in the middle: the kept
    # paragraphs' strings and numbers (offsets counted from their own start) are moved to where they are now.
    # The same page again, and the page without its last paragraph: every paragraph the last document's
    # too, its columns a slice of that document's (`parsed._LastPage`).
    growths = [[*first[:-1], first[-1] + "\n\n", entry], [entry + "\n\n", *first], [*first[:3], entry + "\n\n", *first[3:]],
               list(first), [*first[:-2], first[-2].rstrip()]]
    for grown in growths:
        with nlp.memory_zone():
            kept = {p: parsed.encode(doc) for p, doc in zip(first, parse_each(nlp, first))}
            parsed.join(nlp.vocab, [kept[p] for p in first])  # the page's first version: its paragraphs' columns kept
            assert all(parsed._kept[kept[p]].numbers is not None and parsed._kept[kept[p]].strings is not None for p in first)
            todo = [p for p in grown if p not in kept]
            new = {p: parsed.encode(doc) for p, doc in zip(todo, parse_each(nlp, todo))}
            doc = parsed.join(nlp.vocab, [kept.get(p) or new[p] for p in grown])  # mostly kept, one or two new
            c = docview.columns(doc)
            assert (c.starts, c.text, c.lower, c.pos, c.tag, c.lemma, c.ent_type, c.is_title, c.dep, c.head, c.sents, c.sent_starts,
                    [c.children[i] for i in range(len(doc))]) == fresh(doc)
            assert c.starts == [t.idx for t in doc] and c.head == [t.head.i for t in doc]
            assert doc.text == "".join(grown)


def test_a_page_that_begins_as_the_last_one_takes_its_columns_as_they_were_made_not_as_a_pass_left_them(nlp):
    from claimlight.engine import docview

    first = paragraphs(TEXT)
    grown = [*first[:-1], first[-1] + "\n\n", "Ines Duarte, the chair, said nothing more."]
    with nlp.memory_zone():
        kept = {p: parsed.encode(doc) for p, doc in zip(grown, parse_each(nlp, grown))} | {
            p: parsed.encode(doc) for p, doc in zip(first, parse_each(nlp, first))}
        old = parsed.join(nlp.vocab, [kept[p] for p in first])
        c = docview.columns(old)
        c.text[0], c.starts[0] = "spoiled", -1  # (no pass writes to them; if one did, the next page must not see it)
        doc = parsed.join(nlp.vocab, [kept[p] for p in grown])
        assert parsed._LastPage.parts[: len(first) - 1] == [kept[p] for p in first[:-1]]
        fresh = docview.Columns(doc, None, None)
        got = docview.columns(doc)
        assert (got.text, got.lemma, got.dep, got.starts, got.head, got.sents) == (fresh.text, fresh.lemma, fresh.dep, fresh.starts, fresh.head, fresh.sents)


def test_a_rebuild_adds_only_the_strings_the_store_does_not_hold_for_good_and_reads_them_all(nlp):
    from spacy.vocab import Vocab

    from claimlight.engine import docview

    def fresh(doc) -> tuple:
        c = docview.Columns(doc)
        return (c.starts, c.text, c.lower, c.pos, c.tag, c.lemma, c.ent_type, c.is_title, c.dep, c.head, c.sents)

    # Words no model holds, in names, lemmas and numbers, so that some strings are the page's own.
    text = TEXT + "\n\nZbrovka Quillenfarth, 61, told Ortwyn Vassilakou that 4,817,233 krubels were quizzled."
    with nlp.memory_zone():
        parsed.know_permanent_strings(nlp.vocab)
        assert parsed._permanent is None  # (inside a memory zone the store holds the zone's strings too: nothing recorded)
    parsed.know_permanent_strings(nlp.vocab)
    permanent = parsed._permanent
    assert permanent is not None and permanent.holds(numpy.array([nlp.vocab.strings["NNP"], nlp.vocab.strings["nsubj"]], dtype=numpy.uint64)).all()
    for _ in range(2):  # the second time in a zone of its own: the page's own strings were dropped with the first
        with nlp.memory_zone():
            parts = [parsed.encode(doc) for doc in parse_each(nlp, paragraphs(text))]
            whole = parse(nlp, text)
            doc = parsed.join(nlp.vocab, parts)
            rare = {name for part in parts for name in parsed._kept[part].rare(permanent)}
            assert {"Zbrovka", "Quillenfarth", "4,817,233"} <= rare and not rare & {"NNP", "nsubj", "said", "the", "PERSON"}
            assert (annotations(doc) == annotations(whole)).all() and doc.text == text
            # every string of the document is in the store: its columns read as from the document parsed whole
            assert docview.columns(doc) is not None and fresh(doc) == fresh(whole)
            assert [(t.text, t.lemma_, t.tag_, t.dep_, t.ent_type_) for t in doc] == [(t.text, t.lemma_, t.tag_, t.dep_, t.ent_type_) for t in whole]
    # a rebuild for another vocab than the one recorded adds every string
    other = Vocab()
    with nlp.memory_zone():
        parts = [parsed.encode(doc) for doc in parse_each(nlp, paragraphs(text))]
        doc = parsed.join(other, parts)
        assert doc.text == text and [t.tag_ for t in doc] == [t.tag_ for t in parse(nlp, text)]


def test_the_record_of_the_strings_held_for_good_is_made_in_steps_and_names_no_zone_s_strings(nlp):
    """A worker records the strings in steps between jobs (`parsed.permanent_strings`): a job's memory
    zone between two steps adds strings the record never names, and the record names the model's."""
    parsed.forget()
    steps = parsed.permanent_strings(nlp.vocab, size=20_000)
    next(steps)  # the store's strings, read
    with nlp.memory_zone():
        parse(nlp, "Quorvath Exlinsky met Drazhenko Pelluvar in Vostrenburg on Tuesday.")
        theirs = numpy.array([nlp.vocab.strings[w] for w in ("Quorvath", "Pelluvar", "Vostrenburg")], dtype=numpy.uint64)
        assert all(w in nlp.vocab.strings for w in ("Quorvath", "Pelluvar", "Vostrenburg"))
    assert parsed._permanent is None
    assert sum(1 for _ in steps) >= 2 and parsed._permanent is not None
    ours = numpy.array([nlp.vocab.strings[w] for w in ("said", "the", "NNP", "PERSON")], dtype=numpy.uint64)
    assert not parsed._permanent.holds(theirs).any() and parsed._permanent.holds(ours).all()
