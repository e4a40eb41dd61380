"""The spans and actors `engine.spans` makes without validation (`Unchecked`) are the models
validation would make: every seed article's analysis validates, field for field, to itself."""

import json
from pathlib import Path

import pytest

from claimlight.engine import analyze
from claimlight.engine.spans import Unchecked
from claimlight.protocol import Analysis, Category, Span, Via

ROOT = Path(__file__).parents[2]
SEEDS = sorted((ROOT / "seeds" / "articles").glob("*.json"))


def test_every_seed_analysis_is_what_validation_would_make(nlp):
    for path in SEEDS:
        analysis = analyze(json.loads(path.read_text(encoding="utf-8"))["text"], nlp=nlp)
        validated = Analysis.model_validate(analysis.model_dump())
        assert validated == analysis
        assert analysis.model_dump_json() == validated.model_dump_json()


def test_an_unchecked_model_is_the_validated_one():
    fields = dict(start=3, end=9, category=Category.quote, text="ferry", speaker="Ines", cue="said", quote_id=2)
    assert Unchecked(Span)(**fields) == Span(**fields)
    assert Unchecked(Span)(**fields).model_fields_set == Span(**fields).model_fields_set


def test_an_unchecked_model_still_refuses_a_missing_or_unknown_field():
    with pytest.raises(TypeError):
        Unchecked(Span)(start=3, end=9, category=Category.quote)  # no text
    with pytest.raises(TypeError):
        Unchecked(Span)(start=3, end=9, category=Category.quote, text="x", colour="red")
    with pytest.raises(TypeError):
        Unchecked(Via)(rule="cue_after", kind="named")  # a list made per instance must be given


# Invented lines, written for these tests.
_PAGE = [
    "Live: the Ostby ferry strike",
    "“We will sail when the pay is fixed,” said Anselm Drever, who leads the crews' union.",
    "Passengers queued at the terminal all morning. “Nobody told us anything,” one traveller said.",
    "The ferry company said talks would resume on Monday.",
]


def _quotes(analysis) -> dict[str, Span]:
    return {s.text: s for s in analysis.spans if s.category in (Category.quote, Category.speaker, Category.reported)}


def test_a_grown_page_takes_the_old_pages_attributed_spans_when_their_keys_are_equal(nlp):
    """`spans._Made`: the next version's spans of the old quotations are the previous analysis's own,
    and the analysis is the one made with nothing kept."""
    from claimlight.engine import spans

    old, new = "\n\n".join(_PAGE), "\n\n".join([*_PAGE, "Later, Drever said the crews would meet at noon."])
    spans.forget()
    expected = analyze(new, nlp=nlp)
    spans.forget()
    first = _quotes(analyze(old, nlp=nlp))
    got = analyze(new, nlp=nlp)
    assert got == expected
    taken = [t for t, s in _quotes(got).items() if first.get(t) is s]
    assert "“We will sail when the pay is fixed,”" in taken and len(taken) >= 3
    spans.forget()


def test_a_span_whose_speaker_changed_is_made_anew(nlp):
    """An entry that names in full the surname an old quotation was attributed to: the old quote's
    span has the new name, as from scratch."""
    from claimlight.engine import spans

    page = ["Live: the Ostby ferry strike", "“The boats stay in,” Lopez said on Tuesday.", "The ferry company said talks would resume."]
    new = "\n\n".join([*page, "Union organiser Maria Lopez addressed the crews at noon."])
    spans.forget()
    expected = analyze(new, nlp=nlp)
    spans.forget()
    first = _quotes(analyze("\n\n".join(page), nlp=nlp))
    got = analyze(new, nlp=nlp)
    assert got == expected
    quote = "“The boats stay in,”"
    assert first[quote].speaker == "Lopez" and _quotes(got)[quote].speaker == "Maria Lopez"
    assert _quotes(got)[quote] is not first[quote]
    spans.forget()


def test_a_grown_page_takes_the_old_pages_mentions_numbers_and_actors(nlp):
    """`spans._Made`'s plain store: the next version's actor mentions, numbers and actors whose key
    is equal are the previous analysis's own; an actor the entry names in full is made anew, with
    its mentions; the analysis is the one made with nothing kept."""
    from claimlight.engine import spans

    page = [*_PAGE, "Lopez, a deckhand, said 40 sailings were cancelled on Tuesday."]
    new = "\n\n".join([*page, "Union organiser Maria Lopez addressed 300 crew members at noon."])
    spans.forget()
    expected = analyze(new, nlp=nlp)
    spans.forget()
    first = analyze("\n\n".join(page), nlp=nlp)
    got = analyze(new, nlp=nlp)
    assert got == expected
    assert got.model_dump_json() == expected.model_dump_json()
    old_spans = {id(s) for s in first.spans}
    old_actors = {id(a) for a in first.actors}
    plain = [s for s in got.spans if s.category in (Category.person, Category.organization, Category.number)]
    taken = [s for s in plain if id(s) in old_spans]
    assert any(s.text == "Anselm Drever" for s in taken) and any(s.category == Category.number for s in taken)
    assert not any(s.text == "Lopez" and id(s) in old_spans for s in plain)  # its actor is now "Maria Lopez"
    assert any(id(a) in old_actors for a in got.actors)
    lopez = next(a for a in got.actors if "Lopez" in a.name)
    assert lopez.name == "Maria Lopez" and id(lopez) not in old_actors
    spans.forget()


def test_a_nested_quote_whose_id_an_entry_shifts_is_copied_with_its_new_id(nlp):
    """`spans._with_ids`: a nested quotation is numbered after all others, so an entry that adds a
    quotation shifts its quote_id; the kept span is copied with the new id (its Via shared), and the
    analysis is the one made with nothing kept; and so it is when an entry at the top shifts every
    quotation (nothing kept is taken: every place moved)."""
    from claimlight.engine import spans

    page = [
        "Live: the Ostby ferry strike",
        "“Our skipper told us, ‘Nobody sails until the pay is fixed,’ and we agreed,” said Anselm Drever.",
        *_PAGE[2:],
    ]
    for new in (["Updates", "“We are still talking,” a company spokeswoman said.", *page],
                [*page, "“The crews will meet at noon,” Drever said later."]):
        spans.forget()
        expected = analyze("\n\n".join(new), nlp=nlp)
        spans.forget()
        first = analyze("\n\n".join(page), nlp=nlp)
        got = analyze("\n\n".join(new), nlp=nlp)
        assert got == expected
        assert got.model_dump_json() == expected.model_dump_json()
        assert [s.model_fields_set for s in got.spans] == [s.model_fields_set for s in expected.spans]
        old = {(s.start, s.text): s for s in first.spans if s.category == Category.quote}
        shift = len(new[0]) + len(new[1]) + 4 if new[0] == "Updates" else 0
        moved = [(s, old.get((s.start - shift, s.text))) for s in got.spans if s.category == Category.quote]
        assert any(o is not None and o.quote_id != s.quote_id for s, o in moved)
        if not shift:
            inner = next(s for s, o in moved if s.nested_in is not None)
            kept = old[(inner.start, inner.text)]
            assert inner is not kept and inner.via is kept.via and inner.quote_id == kept.quote_id + 1
    spans.forget()
