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
