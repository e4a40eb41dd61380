"""The lexemes a worker makes between jobs: the analysis is the same with them, and they are a fixed set."""
# (Imports: the model's pipeline is made here, not shared, so that the other tests' stays cold.)

from __future__ import annotations

import json
from pathlib import Path

from claimlight.engine import lexemes
from claimlight.engine.jobs import analyze_text
from claimlight.engine.nlp import load_model
from claimlight.engine.attribute_table import use_attribute_table

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds" / "articles").glob("*.json"))


def test_made_lexemes_are_the_model_words_and_leave_every_analysis_unchanged():
    nlp = use_attribute_table(load_model())  # a pipeline of its own: the shared one stays as it is
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in SEEDS[:4]]
    before = [analyze_text(nlp, t) for t in texts]
    cold = len(nlp.vocab)
    steps = sum(1 for _ in lexemes.slices(nlp, size=5_000))
    words = lexemes.known_words(nlp)
    assert len(words) > 10_000 and steps == 1 + -(-len(words) // 5_000)
    warm = len(nlp.vocab)
    assert cold < warm <= cold + len(words)
    assert [analyze_text(nlp, t) for t in texts] == before
    assert [analyze_text(nlp, t) for t in texts] == before
