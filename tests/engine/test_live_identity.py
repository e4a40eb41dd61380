"""A page analysed again after a change gives what its analysis from scratch gives, whatever the worker
kept from the version before (`engine.local`, `engine.resume`, `engine.checkpoints`,
`engine.recurring`, `engine.replay`, `engine.parsed`, `engine.quotes`): a new paragraph at the end, in
the middle and at the top of every seed article (a paragraph written for these tests, or another
article's longest, with its own people, quotations and figures), and entries written to change what
an old paragraph's reading depends on."""

import json
from pathlib import Path

import pytest

from claimlight.bench import corpus
from claimlight.engine import actors, analyze_doc, checkpoints, ledger, local, parsed, quotes, recurring, replay, resume, spans
from claimlight.engine.nlp import parse_each
from claimlight.paragraphs import paragraphs

ROOT = Path(__file__).parents[2]
SEEDS = sorted((ROOT / "seeds" / "articles").glob("*.json"))

# An entry of invented people and places, written for these tests: a quotation, a name in full, a
# surname alone, a place and an organisation.
ENTRY = ("11:20 — “We expect the crossing to reopen by Thursday,” said Odile Marchetti, who heads the "
         "Varnholm Port Authority. Marchetti added that inspectors from Lisdorf had finished their checks.")


def _forget() -> None:
    for store in (local, resume, checkpoints, recurring, replay, parsed, quotes, spans, ledger, actors):
        store.forget()


def _bytes(nlp, texts: list[str]) -> dict[str, bytes]:
    with nlp.memory_zone():
        return {t: parsed.encode(d) for t, d in zip(texts, parse_each(nlp, texts))}


def _analyze(nlp, kept: dict[str, bytes], text: str) -> dict:
    with nlp.memory_zone():
        return analyze_doc(parsed.join(nlp.vocab, [kept[p] for p in paragraphs(text)])).model_dump(mode="json")


def _versions_agree(nlp, versions: list[list[str]]) -> list[dict]:
    """Each version analysed after the one before (the worker's stores as they were left) equals it
    analysed with nothing kept; the analyses from scratch, in order."""
    texts = [corpus.PARAGRAPH.join(v) for v in versions]
    kept = _bytes(nlp, sorted({p for t in texts for p in paragraphs(t)}))
    out = []
    for previous, text in zip(texts, texts[1:]):
        _forget()
        expected = _analyze(nlp, kept, text)
        _forget()
        _analyze(nlp, kept, previous)
        assert _analyze(nlp, kept, text) == expected
        out.append(expected)
    return out


@pytest.mark.parametrize("where", ["end", "middle", "top"])
def test_every_seed_article_grown_by_a_paragraph_is_analysed_as_from_scratch(nlp, where):
    articles = [json.loads(path.read_text(encoding="utf-8"))["text"].split("\n\n") for path in SEEDS]
    for k, (path, parts) in enumerate(zip(SEEDS, articles)):
        if len(parts) < 2:
            continue
        at = {"end": len(parts), "middle": len(parts) // 2, "top": 0}[where]
        # every other article gets the next one's longest paragraph instead of ENTRY
        other = articles[(k + 1) % len(articles)]
        entry = ENTRY if k % 2 == 0 else max(other[1:] or other, key=len)
        try:
            _versions_agree(nlp, [parts, [*parts[:at], entry, *parts[at:]]])
        except AssertionError:
            raise AssertionError(f"{path.name}, entry at the {where}") from None
    _forget()


# A live blog whose entries change the grouping of old mentions: a surname first met alone, then the
# full name; an organisation's short form before its full name; a new name that occurs, unlabelled,
# in an old paragraph.
BLOG = [
    "Live: storm damage along the Kelsholm coast",
    "07:30 — Crews worked through the night at the harbour. “The sea wall held, mostly,” Brannock said.",
    "07:55 — Trains to Ostby are suspended. Skelby said its buses would run a replacement service.",
    "08:20 — Residents of Harrowgate Lane were told to stay indoors until the wind drops.",
]
GROWING = [
    "08:45 — Council leader Wilma Brannock said the clean-up would take weeks.",
    "09:05 — Skelby Transit Group confirmed that 40 buses had been sent to the coast.",
    "09:30 — Harrowgate residents said the lane had flooded twice this year.",
    "09:50 — “Nobody was hurt, and that is what matters,” she said.",
]


def test_entries_that_regroup_old_mentions_are_analysed_as_from_scratch(nlp):
    versions = [BLOG]
    for entry in GROWING:
        versions.append([*versions[-1], entry])
    analyses = _versions_agree(nlp, versions)
    actors = [{a["name"] for a in analysis["actors"]} for analysis in analyses]
    # the full name took the surname met alone before it (the grouping of old mentions changed)
    assert "Wilma Brannock" in actors[0] and "Brannock" not in actors[0]
    _forget()


def test_entries_added_on_top_one_after_another_are_analysed_as_from_scratch(nlp):
    """The newest entry on top: every paragraph moves down, and what was kept of it is found again
    by its text, never at its old place."""
    page = corpus.article(66_000, 1200).split(corpus.PARAGRAPH)
    _versions_agree(nlp, [page, [ENTRY, *page], [GROWING[0], ENTRY, *page]])
    _forget()


# Entries that change an old quotation's speaker: a surname that spoke alone is named in full later
# (its actor, and so the old quotation's speaker, takes the full name), and a person named in full
# is then met by surname alone (a mention added to an actor of the old paragraphs).
VOTE = [
    "Live: the Tarnby bridge vote",
    "10:00 — “We will not support the plan as it stands,” Ostrander said outside the chamber.",
    "10:20 — Deputy mayor Ilse Karvonen said the vote would go ahead at noon.",
    "10:40 — “The numbers are close,” she told reporters.",
]
VOTE_ENTRIES = [
    "11:00 — Councillor Reta Ostrander, who chairs the finance committee, said she had asked for a delay.",
    "11:15 — Karvonen said the delay had been refused.",
    "11:30 — “It passed by two votes,” Ostrander said.",
]


def test_entries_that_change_an_old_quotations_speaker_are_analysed_as_from_scratch(nlp):
    versions = [VOTE]
    for entry in VOTE_ENTRIES:
        versions.append([*versions[-1], entry])
    analyses = _versions_agree(nlp, versions)
    speakers = [_speaker_of(a, "support the plan") for a in analyses]
    # the old quotation's speaker is the surname's actor, named in full once the entry names her
    assert speakers == ["Reta Ostrander"] * len(VOTE_ENTRIES)
    _forget()
    # and before that entry, the surname alone
    page = corpus.PARAGRAPH.join(VOTE)
    assert _speaker_of(_analyze(nlp, _bytes(nlp, paragraphs(page)), page), "support the plan") == "Ostrander"
    _forget()


def _speaker_of(analysis: dict, words: str) -> str | None:
    return next(s["speaker"] for s in analysis["spans"] if s["category"] == "quote" and words in s["text"])


# An organisation met by its letters first, then by its full name; and names whose repeats stand,
# unlabelled, in old lines, so that the kept search of those lines (`engine.recurring`) is taken
# under a new set of names, version after version.
ACRONYM = [
    "Live: the Dunmere water shortage",
    "06:10 — The KWSA said reservoirs at Tollan were at a third of capacity.",
    "06:40 — Farmers near Tollan said the KWSA had not warned them. Pellworth was not available for comment.",
    "07:05 — “We are trucking water in from the hills,” a KWSA engineer said.",
]
ACRONYM_ENTRIES = [
    "07:30 — The Kessel Water and Sanitation Authority (KWSA) said rationing would begin on Monday.",
    "07:50 — Its director, Anselm Pellworth, said the Tollan dam was safe.",
    "08:15 — Pellworth said the authority would publish daily figures.",
]


def test_entries_that_name_an_organisation_after_its_letters_are_analysed_as_from_scratch(nlp):
    versions = [ACRONYM]
    for entry in ACRONYM_ENTRIES:
        versions.append([*versions[-1], entry])
    analyses = _versions_agree(nlp, versions)
    actors = [{a["name"] for a in analysis["actors"]} for analysis in analyses]
    # the old lone surname joined the full name the entry brought (an old mention regrouped)
    assert "Anselm Pellworth" in actors[1] and "Pellworth" not in actors[1]
    _forget()
