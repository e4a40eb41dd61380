"""The verdicts of `Attributor._not_speech` (a title, a nickname, a mention, or speech) taken from a
page's previous version (`attribution._Verdicts`) are what reading each quotation again gives: on
seed articles grown at their end (most taken), at their top and in their middle (none taken: the
paragraphs before the last differ), and when the quoted tokens kept with them differ (the fallback:
every quotation read again)."""

import json
from pathlib import Path

from claimlight.engine import attribution, local
from claimlight.engine.actors import build_actor_index
from claimlight.engine.docview import shared, text_of
from claimlight.engine.nlp import parse
from claimlight.engine.quotes import find_quotations
from claimlight.engine.transcript import with_answers

ROOT = Path(__file__).parents[2]
# (every twelfth seed, in name order: all of them would take long)
SEEDS = sorted((ROOT / "seeds" / "articles").glob("*.json"))[::12]
PARAGRAPH = "\n\n"

# Written for these tests: a title, a nickname inside a name, a scare quote and a quotation with its speaker.
ENTRY = ("The council's report, “Water for Every Street”, was published on Friday. Tomas “The Pump” Ardel, "
         "who runs the works, called the delay “regrettable”. “We will finish by March,” Ardel said.")


@shared
def _verdicts(doc) -> tuple[list[tuple], int]:
    """Each quotation's verdict (start, end, why), and how many `_not_speech` read (not taken)."""
    text = text_of(doc)
    index = build_actor_index(doc)
    quotations = with_answers(doc, index, find_quotations(text))
    read = []
    real = attribution.Attributor._not_speech

    def counted(self, q, before, after):
        read.append(q.start)
        return real(self, q, before, after)

    attribution.Attributor._not_speech = counted
    try:
        at = attribution.Attributor(doc, text, quotations, index)
    finally:
        attribution.Attributor._not_speech = real
    verdicts = sorted((q.start, q.end, at.mentions.get(q)) for q in quotations)
    return verdicts, len(read)


def _grown(text: str, where: str) -> str:
    paras = text.split(PARAGRAPH)
    at = {"end": len(paras), "top": 1, "middle": len(paras) // 2}[where]
    return PARAGRAPH.join([*paras[:at], ENTRY, *paras[at:]])


def _texts() -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in SEEDS]
    return [t for t in texts if t.count(PARAGRAPH) >= 3]


def test_kept_verdicts_are_read_again_verdicts(nlp):
    taken = 0
    for text in _texts():
        for where in ("end", "top", "middle"):
            local.forget()
            _verdicts(parse(nlp, text))  # (the page's previous version: its verdicts kept)
            grown = _grown(text, where)
            got, read = _verdicts(parse(nlp, grown))
            local.forget()
            fresh, all_read = _verdicts(parse(nlp, grown))
            assert got == fresh, (where, text[:60])
            assert read <= all_read
            if where != "end":
                assert read == all_read  # (no boundary with the same paragraphs before it)
            taken += all_read - read
    assert taken > 0  # (pages grown at their end took most of their verdicts)
    local.forget()


def test_other_quoted_tokens_before_the_boundary_read_every_quotation_again(nlp):
    text = next(t for t in _texts() if t.count("“") >= 4)
    local.forget()
    _verdicts(parse(nlp, text))
    names = [key for key in local._kept if str(key[0]).startswith(attribution._VERDICTS_NAME)]
    assert names
    for key in names:
        quoted, held = local._kept[key]
        local._kept[key] = (bytes(1 - b for b in quoted), held)  # (as if other tokens had been quoted there)
    grown = _grown(text, "end")
    got, read = _verdicts(parse(nlp, grown))
    local.forget()
    fresh, all_read = _verdicts(parse(nlp, grown))
    assert got == fresh and read == all_read > 0
    local.forget()
