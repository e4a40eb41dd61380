"""A page's actor index built after its previous version (with what the worker kept of that one:
`engine.local`'s mentions, `engine.resume`'s evidence, `engine.recurring`'s matches) equals the one
built from scratch, field for field: every actor's id, name, type and gender, every mention's
offsets, label, text, title and stated type in its actor's order, and the token map. The analysis
identity tests (`test_live_identity`) see the index through the reply only; this one sees all of
it, for the entries that regroup old mentions above all: a surname alone after the full name, a
full name after the surname alone, an organisation's full name after its short form, a surname
two people share, a place named again."""

import json

import pytest
from spacy.tokens import Doc

from claimlight.bench import corpus
from claimlight.engine import parsed
from claimlight.engine.actors import ActorIndex, build_actor_index
from claimlight.engine.docview import shared
from claimlight.paragraphs import paragraphs

from test_live_identity import ENTRY, SEEDS, _bytes, _forget

# A live page of invented people, places and bodies, written for these tests.
PAGE = [
    "Live: the Halvard dam inquiry",
    "09:00 — Engineer Tomasz Welland told the inquiry that the spillway gates had jammed twice. "
    "Welland said the Orvik Water Board had known since March.",
    "09:20 — Board secretary Lopez said the board would answer every question. The OWB declined to comment further.",
    "09:40 — Residents of Brackley said the water rose within minutes.",
]
# Each grows PAGE at its end, and each joins or parts the old page's groups.
JOINING = [
    "10:00 — Welland added that he had warned the board in writing.",  # a surname after the full name
    "10:05 — Inquiry chair Maria Lopez said the hearing would resume on Monday.",  # full name after "Lopez said"
    "10:10 — The Orvik Water Board said in a statement that it regretted the delay.",  # full name again
    "10:15 — OWB spokesman Piet Adler said the gates were inspected in May.",  # the acronym again
    "10:20 — Anna Welland, the engineer's sister, said he had been threatened.",  # a surname two people share
    "10:25 — Mr Welland said he stood by his report.",  # the surname, with a title, now shared
    "10:30 — Brackley council said it would house the families.",  # a place as a public body's name
    "10:35 — Nobody else spoke before the break.",  # no name at all
]


def _dump(index: ActorIndex) -> tuple:
    actors = [(a.id, a.name, a.type, a.gender,
               [(m.start, m.end, m.token_start, m.token_end, m.label, m.text, m.title, m.stated, m.actor.id) for m in a.mentions])
              for a in index.actors]
    by_token = sorted((t, m.start, m.end, m.actor.id if m.actor is not None else None) for t, m in index.by_token.items())
    return actors, by_token


@shared
def _index(doc: Doc) -> tuple:
    return _dump(build_actor_index(doc))


def _built(nlp, kept: dict[str, bytes], text: str) -> tuple:
    with nlp.memory_zone():
        return _index(parsed.join(nlp.vocab, [kept[p] for p in paragraphs(text)]))


def _grown_agrees(nlp, old: list[str], new: list[str]) -> tuple:
    texts = [corpus.PARAGRAPH.join(old), corpus.PARAGRAPH.join(new)]
    kept = _bytes(nlp, sorted({p for t in texts for p in paragraphs(t)}))
    _forget()
    expected = _built(nlp, kept, texts[1])
    _forget()
    _built(nlp, kept, texts[0])
    assert _built(nlp, kept, texts[1]) == expected
    _forget()
    return expected


@pytest.mark.parametrize("where", ["end", "middle", "top"])
def test_every_seed_grown_by_a_paragraph_has_the_actor_index_from_scratch(nlp, where):
    articles = [json.loads(path.read_text(encoding="utf-8"))["text"].split("\n\n") for path in SEEDS]
    for k, (path, parts) in enumerate(zip(SEEDS, articles)):
        at = {"end": len(parts), "middle": len(parts) // 2, "top": 0}[where]
        other = articles[(k + 1) % len(articles)]
        entry = ENTRY if k % 2 == 0 else max(other[1:] or other, key=len)
        try:
            _grown_agrees(nlp, parts, [*parts[:at], entry, *parts[at:]])
        except AssertionError:
            raise AssertionError(f"{path.name}, entry at the {where}") from None


@pytest.mark.parametrize("entry", JOINING)
def test_an_entry_that_joins_or_parts_old_groups_gives_the_index_from_scratch(nlp, entry):
    for at in (len(PAGE), 1):
        _grown_agrees(nlp, PAGE, [*PAGE[:at], entry, *PAGE[at:]])


def test_the_joining_entries_do_join_old_groups(nlp):
    """(What the cases above are for: each entry changes the old page's grouping as meant.)"""
    def names(index: tuple) -> dict[str, int]:
        return {name: len(mentions) for _, name, _, _, mentions in index[0]}

    before = names(_grown_agrees(nlp, PAGE[:-1], PAGE))
    assert before["Tomasz Welland"] == 2 and "Lopez" in before
    after = [names(_grown_agrees(nlp, PAGE, [*PAGE, entry])) for entry in JOINING[:2]]
    assert after[0]["Tomasz Welland"] == 3  # the surname alone joined the full name
    assert "Maria Lopez" in after[1] and "Lopez" not in after[1]  # the old "Lopez said" is hers now
