"""Linear time in the input, whatever it holds: runs of quotation marks, apostrophes, JSON, a name
repeated thousands of times. Bounds are generous (quadratic work on these inputs takes minutes);
`claimlight bench` measures the real ratios against prose (docs/bench.md, "pathological text")."""

from __future__ import annotations

import json
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimlight.bench import corpus
from claimlight.engine import analyze
from claimlight.engine.nlp import parse_paragraphs
from claimlight.engine.plaintext import is_prose, plain_doc
from claimlight.engine.quotes import find_quotations
from claimlight.paragraphs import paragraphs

ROOT = Path(__file__).resolve().parents[2]
NEWS = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((ROOT / "seeds" / "articles").glob("*.json"))]
NEWS += [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((ROOT.parent / "shared" / "eval" / "polnear-dev").glob("*.json"))]


def cpu_seconds(fn, *args) -> float:
    started = time.process_time()
    fn(*args)
    return time.process_time() - started


def test_quotation_marks_are_found_in_linear_time():
    for text in (corpus.quote_marks(200_000), corpus.apostrophes(200_000), "s’ " * 70_000, "'A" * 100_000,
                 "“a” " * 50_000, corpus.json_like(200_000)):
        assert cpu_seconds(find_quotations, text) < 20  # quadratic: hours


def test_quotations_in_marks_and_json_are_still_found():
    assert [(q.start, q.end) for q in find_quotations("“a” “bc”")] == [(0, 3), (4, 8)]
    data = '{"name": "Maria", "note": "it\'s \\"quoted\\""}'
    assert data[find_quotations(data)[0].start :].startswith('"name"')


def test_news_paragraphs_are_all_prose():
    assert len(NEWS) >= 8
    for text in NEWS:
        assert all(is_prose(p) for p in paragraphs(text))


def test_code_data_and_runs_of_marks_are_not_prose():
    for text in (corpus.quote_marks(100), corpus.apostrophes(100), corpus.json_like(300), "“”“”“”“”",
                 "for (int i = 0; i < n; i++) { a[i] = b[i] * 2; }"):
        assert not is_prose(text), text
    # Short lines are always parsed; so is news prose however many marks it has.
    for text in ("***", "(AP)", "“No!”", "Riverside 3, Northgate 1", '"Trump walked onto the stage, chanting “U-S-A! U-S-A!”'):
        assert is_prose(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab9_ é“”'{}.\n\t\u00a0") + ["  ", "word"]), max_size=40).map("".join))
def test_plain_docs_keep_every_character(nlp, text):
    doc = plain_doc(nlp.vocab, text)
    assert doc.text == text
    assert all(not t.ent_type_ for t in doc)


def test_a_text_of_marks_is_tokenized_not_parsed_and_joins_exactly(nlp):
    text = "Prose first, said Maria Lopez.\n\n" + corpus.quote_marks(20_000) + "\n\n" + corpus.json_like(20_000)
    assert cpu_seconds(parse_paragraphs, nlp, text) < 20  # spaCy's own tokenizer: about ten minutes
    docs = parse_paragraphs(nlp, text)
    assert "".join(d.text for d in docs) == text
    assert docs[0].has_annotation("DEP") and any(e.label_ == "PERSON" for e in docs[0].ents)


def test_a_surname_repeated_thousands_of_times_costs_linear_time(nlp):
    text = "Maria Lopez, the mayor, spoke first.\n\n" + "\n\n".join(f"Lopez said it {i} times." for i in range(3000))
    seconds = cpu_seconds(analyze, text, nlp)
    assert seconds < 120
    result = analyze(text, nlp=nlp)
    lopez = next(a for a in result.actors if a.name == "Maria Lopez")
    assert lopez.mentions > 3000


def _echo_by_pairs(keyed):
    """The echo rule as first written, comparing every pair: the reference `Echoes` must agree with."""
    from claimlight.engine.attribution import ECHO, ECHO_MIN_WORDS

    for key, r in keyed:
        if not key or not r.speech or not (r.quotation.paragraph == 0 or r.speaker is None):
            continue
        source = next((o for k, o in keyed if o is not r and o.quotation.paragraph > 0 and k
                       and (k == key or (len(key.split()) >= ECHO_MIN_WORDS and key in k)) and (o.speaker or not o.speech)), None)
        if source is not None:
            r.speech, r.why, r.speaker, r.cue, r.cue_start = source.speech, source.why, source.speaker, source.cue, None
            r.rule = ECHO


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(["we", "will", "win", "wi", "ll", "a"]), max_size=4),
                          st.integers(0, 2), st.sampled_from([None, "Maria Lopez", "Jon Park"]), st.booleans()),
                max_size=14))
def test_echoes_found_by_search_are_those_found_by_comparing_every_pair(items):
    from claimlight.engine.attribution import AttributedQuote, apply_echoes
    from claimlight.engine.quotes import Quotation

    def build():
        return [(" ".join(words), AttributedQuote(Quotation(i, i + 1, True, para), speech, None if speech else "title", speaker, None, None))
                for i, (words, para, speaker, speech) in enumerate(items)]

    by_pairs, by_index = build(), build()
    _echo_by_pairs(by_pairs)
    apply_echoes(by_index)
    assert [vars(r) for _, r in by_pairs] == [vars(r) for _, r in by_index]


def test_echo_search_is_linear_in_the_number_of_quotations():
    from claimlight.engine.attribution import AttributedQuote, apply_echoes
    from claimlight.engine.quotes import Quotation

    keyed = [("it s quoted here", AttributedQuote(Quotation(i, i + 1, True, 1 + i % 3), True)) for i in range(20_000)]
    keyed[-1][1].speaker = "Maria Lopez"  # the one occurrence with a speaker comes last
    assert cpu_seconds(apply_echoes, keyed) < 20  # every pair: 400 million comparisons
    assert all(r.speaker == "Maria Lopez" for _, r in keyed)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n ", max_size=40), st.data())
def test_paragraph_bounds_by_binary_search_are_the_line_around_a_position(text, data):
    import re
    from types import SimpleNamespace

    from claimlight.engine.attribution import Attributor

    at = SimpleNamespace(text=text, newlines=[m.start() for m in re.finditer("\n", text)])
    pos = data.draw(st.integers(0, len(text)))
    hi = text.find("\n", pos)
    assert Attributor.paragraph_bounds(at, pos) == (text.rfind("\n", 0, pos) + 1, len(text) if hi < 0 else hi)
