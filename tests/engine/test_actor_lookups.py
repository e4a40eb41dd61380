"""The look-ups the actor index makes faster than a plain reading, against that reading: the tokens
that are one of a set of words (`actors._where`), and each mention's type evidence read through the
kept findings (`resume.evidence_reader`), on every seed article, including their fallbacks."""

import json

import pytest

from claimlight.engine import actors, local, resume
from claimlight.engine.actor_evidence import mention_evidence
from claimlight.engine.actors import Mention, _mentions_in, _record, _where, build_actor_index, find_mentions
from claimlight.engine.docview import columns, shared
from claimlight.engine.nlp import parse

from test_live_identity import SEEDS, _forget

# Written for these tests: names, a word that opens two sentences, and a paragraph break.
TEXT = ("Harbour master Ilse Varga said the Kestrel Bay pier would close. Varga said repairs would take a month.\n\n"
        "Repairs began on Monday, said Ilse. The pier stays shut.")


def _plain(doc, words) -> list[int]:
    return [i for i, w in enumerate(columns(doc).text) if w in words]


@pytest.fixture(scope="module")
def seed_docs(nlp):
    return [parse(nlp, json.loads(path.read_text(encoding="utf-8"))["text"]) for path in SEEDS]


def test_where_finds_the_tokens_a_plain_scan_finds_for_few_words_and_many(nlp, seed_docs):
    for doc in [*seed_docs, parse(nlp, TEXT)]:
        vocabulary = sorted(set(columns(doc).text))
        # (no word; one; a few, some of them absent from the text; more than a search sorts the page for)
        for words in ([], vocabulary[:1], [*vocabulary[::37], "Zyxqvort", "pier"], vocabulary[::3], vocabulary, ["Nowhere-at-all"]):
            assert _where(doc, frozenset(words)) == _plain(doc, frozenset(words)), words[:5]


def test_where_in_an_empty_document(nlp):
    assert _where(parse(nlp, ""), frozenset({"pier"})) == []


@shared
def _all_evidence(doc, read) -> list:
    index = build_actor_index(doc)
    mentions = [m for a in index.actors for m in a.mentions]
    # (and a mention the index never makes: one across the paragraph break, read afresh)
    cols = columns(doc)
    brk = next(i for i, w in enumerate(cols.text) if "\n" in w)
    mentions.append(Mention(cols.starts[brk - 1], cols.starts[brk + 1] + len(cols.text[brk + 1]), brk - 1, brk + 2, "person", "x"))
    return [(read(doc, m), tuple(mention_evidence(doc, m))) for m in mentions]


def test_the_evidence_reader_gives_each_mentions_own_evidence_kept_or_not(nlp, seed_docs, monkeypatch):
    _forget()
    docs = [d for d in seed_docs if "\n" in d.text] + [parse(nlp, TEXT)]
    for doc in docs:
        for _ in range(2):  # (found, then taken as kept)
            for got, expected in _all_evidence(doc, lambda d, m: resume.evidence_reader(d)(d, m)):
                assert got == expected
    assert resume.kept_bytes() > 0
    # a page too long for its findings to be kept is read afresh, and keeps nothing
    _forget()
    monkeypatch.setattr(local, "KEPT_PAGE_PARAGRAPHS", 0)
    doc = parse(nlp, TEXT)
    for got, expected in _all_evidence(doc, lambda d, m: resume.evidence_reader(d)(d, m)):
        assert got == expected
    assert resume.kept_bytes() == 0
    _forget()


def test_each_window_made_from_the_paragraphs_lists_is_the_window_of_its_paragraph(nlp, seed_docs):
    from claimlight.bench import corpus
    from claimlight.engine.local import paragraphs_of, window, window_at

    page = parse(nlp, corpus.article(60_000, 1_500))
    for doc in [*seed_docs, page, parse(nlp, TEXT), parse(nlp, "One line only.")]:
        paras = paragraphs_of(doc)
        for k in reversed(range(len(paras))):  # (asked in any order, each made once)
            expected = window(paras, k)
            got = window_at(doc, k)
            assert got == expected and hash(got) == hash(expected) and got is window_at(doc, k)


# More of the same invented page, so that its first paragraphs' windows stand clear of its end.
MORE = ["The harbour board met on Tuesday to hear the engineers' report on the pier.",
        "Board chair Nadia Okonkwo said the report would be published in full.",
        "Okonkwo said ferry services would run from the north quay until the work was done."]


def _versions() -> list[str]:
    """A page (written for these tests), then grown at its end, edited at its top, edited in its
    middle, and cut short; an empty one last."""
    parts = [*TEXT.split("\n\n"), *MORE]
    grown = [*parts, "Varga later said the Kestrel Bay Trust would pay for the work."]
    edited = ["Dock worker Piet Haas said the pier had cracked.", *grown[1:]]
    middle = [*grown[:2], "Okonkwo said nothing more.", *grown[3:]]
    return ["\n\n".join(v) for v in (parts, grown, edited, middle, parts, parts[:2], [])]


def test_where_after_another_page_takes_its_word_ids_only_where_the_paragraphs_are_the_same(nlp, seed_docs):
    """`_where` on each version after the one before (the word ids of the paragraphs they lead with
    carried, `actors._LastPage`; none when the first paragraph differs; a page cut short; an empty
    one) finds what a plain scan finds."""
    actors.forget()
    for text in [*_versions(), *[d.text for d in seed_docs[:3]], TEXT, TEXT + "\n\nA last line."]:
        doc = parse(nlp, text)
        vocabulary = sorted(set(columns(doc).text))
        for words in (vocabulary[::3], vocabulary, ["pier", "Varga", "Haas"]):
            assert _where(doc, frozenset(words)) == _plain(doc, frozenset(words)), (text[:40], words[:5])
    actors.forget()


def test_mentions_after_another_page_are_those_found_afresh_with_or_without_the_kept_findings(nlp):
    """`find_mentions` on each version after the one before (the mentions of the paragraphs whose
    window and place are the same carried, `actors._LastPage`) gives the mentions from scratch: also
    when `engine.local`'s store was emptied in between (every other paragraph found anew), and for
    a page too long to keep (read through `by_paragraph`, the carry left alone)."""
    versions = _versions()
    expected = []
    for text in versions:
        _forget()
        expected.append([_record(m) for m in find_mentions(parse(nlp, text))])
    _forget()
    for emptied in (False, True):
        for text, mentions in zip(versions, expected):
            if emptied:
                local.forget()
            assert [_record(m) for m in find_mentions(parse(nlp, text))] == mentions, text[:40]
    _forget()


def test_mentions_of_a_page_too_long_to_keep_leave_the_last_page_as_it_was(nlp, monkeypatch):
    _forget()
    versions = _versions()
    find_mentions(parse(nlp, versions[0]))
    carried = list(actors._last_page.paragraphs)
    monkeypatch.setattr(local, "KEPT_PAGE_PARAGRAPHS", 0)
    local.forget()
    doc = parse(nlp, versions[1])
    assert [_record(m) for m in find_mentions(doc)] == [_record(m) for m in _mentions_in(doc)]
    assert actors._last_page.paragraphs == carried
    _forget()
