"""Figure: text that is not news costs no more than news. Pathological text against ordinary prose.

A page can show code, JSON or a run of marks (in a <pre>, a comment box, a hostile page), and the
daemon analyses whatever the extension extracts. Each kind here is 100,000 characters: quotation
marks (curly and straight, no spaces), apostrophes, and JSON on one line (a quotation mark every
few characters); the yardstick is 100,000 characters of ordinary news prose. Each is analysed the
way a worker does it (`analyze_text`: parse, extraction, reply as JSON), in this process, on one
core. The kinds alternate with the prose round after round, and each figure is the median of the
per-round ratios, so a change of load on the machine moves both sides of a ratio alike. Quadratic
work anywhere (the tokenizer, quotation pairing, attribution, assembly) shows as a ratio in the
tens or hundreds; the target is at most 3×.
"""

from __future__ import annotations

import json
import time

from . import corpus
from .report import Row, median

CHARS = 100_000
TARGET_RATIO = 3.0


def run(quick: bool) -> tuple[list[Row], dict]:
    from ..engine.jobs import analyze_text
    from ..engine.nlp import load_nlp

    nlp = load_nlp()
    chars = CHARS // 4 if quick else CHARS
    rounds = 1 if quick else 3
    texts = {"prose": corpus.prose(chars, first=70_000), **{name: make(chars) for name, make in corpus.PATHOLOGICAL.items()}}

    def timed(text: str) -> float:
        start = time.perf_counter()
        json.dumps(analyze_text(nlp, text))
        return time.perf_counter() - start

    timed(texts["prose"][:5000])  # warm-up: first calls allocate
    samples: dict[str, list[float]] = {name: [] for name in texts}
    for _ in range(rounds):
        for name, text in texts.items():
            samples[name].append(timed(text))
    ratios = {name: median([s / p for s, p in zip(samples[name], samples["prose"])]) for name in texts if name != "prose"}
    details = {"chars": chars, "rounds": rounds, "samples_s": samples, "ratios": ratios}
    rows = [Row("pathological.prose_s", f"{chars:,} characters of news prose, analysed on 1 core", median(samples["prose"]), "s")]
    for name, ratio in ratios.items():
        key = name.lower().replace(" ", "_")
        rows.append(Row(f"pathological.{key}_ratio", f"{chars:,} characters of {name} / prose", round(ratio, 2), "×",
                        ("<=", TARGET_RATIO), note=f"{median(samples[name]):.2f} s"))
    return rows, details
