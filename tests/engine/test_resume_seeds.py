"""Every seed article grown by one paragraph, at its end, in its middle and at its top, analysed
with everything its previous version left kept in this process (`engine.local`, `engine.resume`,
`engine.parsed`, `engine.quotes`, `engine.checkpoints`), is analysed exactly as from scratch."""

import json
from pathlib import Path

from claimlight.engine import analyze_doc, checkpoints, local, parsed, quotes, resume
from claimlight.engine.nlp import parse, parse_each
from claimlight.paragraphs import paragraphs

ROOT = Path(__file__).parents[2]
SEEDS = sorted((ROOT / "seeds" / "articles").glob("*.json"))


def _forget() -> None:
    for module in (local, parsed, resume, checkpoints, quotes):
        module.forget()


class _Parses:
    """Each paragraph parsed once, kept as bytes, as the daemon keeps them (`server.parsecache`)."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.kept: dict[str, bytes] = {}

    def analyze(self, text: str) -> dict:
        parts = paragraphs(text)
        todo = [p for p in dict.fromkeys(parts) if p not in self.kept]
        with self.nlp.memory_zone():
            self.kept.update(zip(todo, (parsed.encode(d) for d in parse_each(self.nlp, todo))))
        with self.nlp.memory_zone():
            return analyze_doc(parsed.join(self.nlp.vocab, [self.kept[p] for p in parts])).model_dump(mode="json")


def _grown(blocks: list[str], entry: str) -> dict[str, str]:
    middle = len(blocks) // 2
    return {"end": "\n\n".join([*blocks, entry]), "middle": "\n\n".join([*blocks[:middle], entry, *blocks[middle:]]),
            "top": "\n\n".join([entry, *blocks])}


def test_every_seed_grown_by_a_paragraph_is_analysed_as_from_scratch(nlp):
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in SEEDS]
    blocks = [[b for b in t.split("\n\n") if b.strip()] for t in texts]
    parses = _Parses(nlp)
    checked = 0
    for k, page in enumerate(blocks):
        # the new entry: a paragraph of another article, with its own people, quotations and figures
        other = blocks[(k + 1) % len(blocks)]
        entry = max(other[1:] or other, key=len)
        for where, grown in _grown(page, entry).items():
            _forget()
            parses.analyze("\n\n".join(page))  # the page's previous version, analysed by this process
            incremental = parses.analyze(grown)
            _forget()
            scratch = parses.analyze(grown)
            assert incremental == scratch, (SEEDS[k].name, where)
            checked += 1
    assert checked == 3 * len(SEEDS)
    # and the from-scratch analysis from bytes is the one of the text parsed whole
    _forget()
    with nlp.memory_zone():
        assert analyze_doc(parse(nlp, grown)).model_dump(mode="json") == parses.analyze(grown)
