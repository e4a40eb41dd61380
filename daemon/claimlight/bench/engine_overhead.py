"""Figure 1: the cost of claimlight's analysis on top of the bare spaCy parse.

Both sides run in this process, on one core, over the same texts. The bare side is
`nlp.pipe(texts)` with the model exactly as shipped. The claimlight side is what a worker does for
a request (`analyze_text`: the paragraph-by-paragraph parse, extraction, consolidation of actors,
and the reply serialised to JSON), with claimlight's pipeline (the same model, its attribute ruler
compiled to a table) prepared as a worker prepares it: the lexemes of the model's known words made
once (`engine.lexemes`). (A worker's job runs in a memory zone, which frees the lexemes a text
adds; the bare side keeps every lexeme of every text from its first round on, so without that a
ratio would count making the same common words' lexemes again, a few percent of a parse, as the
engine's cost.) They alternate, round after round, and the figure is the median of the
per-round ratios, so a change of load on the machine moves both sides of a ratio alike.

The details in results.json also time the old whole-text parse (`nlp(text)` then the engine) and the
parallel path's pieces and merge run one after the other (its CPU cost, not its latency), and split
the parse into its components.
"""

from __future__ import annotations

import itertools
import json
import time

from . import corpus
from .report import Row, median

TARGET_RATIO = 1.10  # "the engine's cost stays within 1.10× of a bare parse"


def run(quick: bool) -> tuple[list[Row], dict]:
    from ..engine import analyze_doc, lexemes, parsed
    from ..engine.jobs import analyze_text, merge_and_analyze, parse_paragraph_list
    from ..engine.nlp import load_model, load_nlp
    from ..paragraphs import paragraphs
    from ..server.pieces import split_at, split_points

    shipped = load_model()
    nlp = load_nlp()
    for _ in itertools.chain(lexemes.slices(nlp), parsed.permanent_strings(nlp.vocab)):
        pass  # as a worker does between its first jobs
    texts = corpus.seed_texts()[:2] if quick else corpus.seed_texts() + corpus.articles(16, 550, first=50_000)
    rounds = 3 if quick else 7
    n_words = sum(corpus.words(t) for t in texts)

    def bare() -> None:
        for _ in shipped.pipe(texts):
            pass

    def claimlight() -> None:
        for text in texts:
            json.dumps(analyze_text(nlp, text))

    def whole_text_parse() -> None:  # before parsing by paragraph
        for text in texts:
            with nlp.memory_zone():
                json.dumps(analyze_doc(nlp(text)).model_dump(mode="json"))

    def in_two_pieces() -> None:
        for text in texts:
            parts = [part for piece in split_at(text, split_points(text, 2)) for part in parse_paragraph_list(nlp, paragraphs(piece))[0]]
            json.dumps(merge_and_analyze(nlp, parts, text))

    def timed(fn) -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    sides = {"bare_s": bare, "claimlight_s": claimlight, "whole_text_parse_s": whole_text_parse, "two_pieces_s": in_two_pieces}
    for fn in sides.values():
        fn()  # warm-up: first calls allocate
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, fn in sides.items():
            samples[name].append(timed(fn))

    def ratios(name: str) -> list[float]:
        return [s / b for b, s in zip(samples["bare_s"], samples[name])]

    details = {
        "texts": len(texts),
        "words": n_words,
        "rounds": rounds,
        "samples": samples,
        "ratio_medians": {name: median(ratios(name)) for name in sides if name != "bare_s"},
        "components_ms_per_1000_words": _component_costs(nlp, texts, n_words),
        "shipped_components_ms_per_1000_words": _component_costs(shipped, texts, n_words),
    }
    rows = [
        Row("engine.bare_wps", "bare nlp.pipe throughput (model as shipped), 1 core", median([n_words / s for s in samples["bare_s"]]), "words/s"),
        Row("engine.claimlight_wps", "claimlight analysis throughput, 1 core", median([n_words / s for s in samples["claimlight_s"]]), "words/s"),
        Row("engine.overhead_ratio", "engine overhead: claimlight time / bare parse time", median(ratios("claimlight_s")), "×",
            ("<=", TARGET_RATIO), note=f"median of {rounds} rounds over {n_words:,} words"),
    ]
    return rows, details


def _component_costs(nlp, texts: list[str], n_words: int) -> dict:
    """Milliseconds per 1,000 words in the tokenizer, each pipeline component, and claimlight's extraction."""
    from ..engine import analyze_doc

    costs = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "claimlight extraction": 0.0}
    for text in texts:
        with nlp.memory_zone():
            start = time.perf_counter()
            doc = nlp.make_doc(text)
            costs["tokenizer"] += time.perf_counter() - start
            for name, proc in nlp.pipeline:
                start = time.perf_counter()
                doc = proc(doc)
                costs[name] += time.perf_counter() - start
            start = time.perf_counter()
            analyze_doc(doc)
            costs["claimlight extraction"] += time.perf_counter() - start
    return {k: round(v * 1_000_000 / n_words, 2) for k, v in costs.items()}
