"""The compiled attribute table must annotate exactly as the model's own attribute ruler does."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from claimlight.engine.attribute_table import AttributeTable, use_attribute_table
from claimlight.engine.nlp import keep_period_honorifics, load_model

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"

# Text that reaches the ruler's rarer rules: multi-token ones ("gon na", "let 's", "y' all"),
# regex ones ("nothin'"), the expletive "there is", whitespace tokens, modal contractions and
# the determiner / pronoun exceptions.
ODD_CORNERS = (
    "Y'all are gon na love it, let's be honest. C'mon, it ain't nothin' new, and there is more.\n\n"
    "  \n   I'd say we gotta go. That is what those said; but this one? Nobody knows anything.\n"
    "\"We could,\" she said, \"and we will.\" Whether it works, themselves aside, is theirs to judge."
)


def token_view(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def stock():
    # (tokenized as claimlight tokenizes, so that only the attribute table differs)
    return keep_period_honorifics(load_model())


def test_claimlight_pipeline_uses_the_table(nlp):
    assert "attribute_table" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    # Nearly every rule of the shipped model is answered from the table; the rest by a Matcher.
    assert nlp.get_pipe("attribute_table").compiled_share > 0.9


def test_identical_to_the_ruler_on_the_seed_articles(nlp, stock):
    texts = [json.loads(p.read_text())["text"] for p in sorted(SEEDS.glob("*.json"))] + [ODD_CORNERS]
    compared = 0
    for expected, got in zip(stock.pipe(texts), nlp.pipe(texts)):
        assert token_view(got) == token_view(expected)
        compared += len(expected)
    assert compared > 5_000


def test_corners_really_reach_the_exceptions(nlp):
    doc = nlp(ODD_CORNERS)
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["nothin'"] == "nothing"
    assert any(t.is_space and t.dep_ == "dep" for t in doc)


def custom_pipeline(patterns):
    """A blank pipeline with a tagger-free ruler built from `patterns`, and the same with the table."""

    def build():
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        assert isinstance(ruler, AttributeRuler)
        for pattern in patterns:
            ruler.add(**pattern)
        return nlp

    return build(), use_attribute_table(build())


def test_rules_it_cannot_compile_still_apply_in_order():
    # ORTH and an operator are not compiled: those rules go to the Matcher, and the order between
    # them and compiled rules (later wins) still holds, as does a negative index.
    patterns = [
        {"patterns": [[{"LOWER": "new"}]], "attrs": {"LEMMA": "from-table"}},
        {"patterns": [[{"ORTH": "New"}, {"ORTH": "York"}]], "attrs": {"LEMMA": "from-matcher"}, "index": 0},
        {"patterns": [[{"LOWER": {"IN": ["york", "jersey"]}}]], "attrs": {"LEMMA": "place"}},
        {"patterns": [[{"ORTH": "New"}, {"IS_TITLE": True, "OP": "+"}]], "attrs": {"POS": "PROPN"}, "index": -1},
        {"patterns": [[{"LOWER": {"REGEX": "^c(o|ou)lour$"}}]], "attrs": {"MORPH": "Number=Sing"}},
    ]
    ruler, table = custom_pipeline(patterns)
    assert table.pipe_names == ["attribute_table"]
    text = "New York and new jersey, New Jersey City, colour or coulour, new"
    expected, got = ruler(text), table(text)
    assert token_view(got) == token_view(expected)
    assert [t.lemma_ for t in got][:2] == ["from-matcher", "place"]
    assert [t.text for t in got if t.pos_ == "PROPN"] == ["York", "Jersey", "City"]


def test_a_pipeline_without_a_ruler_is_left_alone():
    nlp = spacy.blank("en")
    assert use_attribute_table(nlp).pipe_names == []


def test_table_is_a_component_of_its_own(nlp):
    assert isinstance(nlp.get_pipe("attribute_table"), AttributeTable)


def test_remembered_combinations_stay_bounded_and_answers_do_not_change(stock):
    nlp = use_attribute_table(load_model())
    table = nlp.get_pipe("attribute_table")
    table.cache_limit = 50
    texts = [json.loads(p.read_text())["text"] for p in sorted(SEEDS.glob("*.json"))[:2]]
    for expected, got in zip(stock.pipe(texts), nlp.pipe(texts)):
        assert token_view(got) == token_view(expected)
        assert table.remembered <= 50
