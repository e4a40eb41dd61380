"""The old quotations' attribution replayed for a page's next version (`engine.replay`): every strategy
classed by what it reads, and entries written to change an old quotation's speaker, after which the
replay must give what the analysis from scratch gives."""

import inspect
import re

from claimlight.bench import corpus
from claimlight.engine import attribution, nested, replay, speakers
from claimlight.paragraphs import paragraphs
from test_live_identity import _analyze, _bytes, _forget, _versions_agree

# Invented pages, written for these tests: an old quotation well before the last paragraph, then
# paragraphs of other news, then the entry.
FILLER = [
    "08:10 — Ferries to Quillan Island are running an hour late because of the swell.",
    "08:25 — The coast road north of Dunmere remains closed to lorries.",
]


def _speaker_of(analysis: dict, words: str) -> str | None:
    return next(s["speaker"] for s in analysis["spans"] if s["category"] == "quote" and words in s["text"])


def test_every_strategy_is_classed_by_what_it_reads():
    """A new strategy reads something the replay's checks may not cover: class it in `replay.READS`
    (and make the replay check it) before it joins CHAIN."""
    names = {s.name for s in attribution.CHAIN}
    assert names == set(replay.READS), f"class these strategies in engine.replay.READS: {sorted(names ^ set(replay.READS))}"
    assert set(replay.READS.values()) <= {replay.QUOTATION, replay.PARAGRAPH, replay.NEXT_PARAGRAPH, replay.SEQUENCE}


def test_every_question_to_the_reading_is_classed():
    """What the attribution asks of the coreference reading is either its state (taken up by the
    checkpoint) or a question the replay asks again: a new kind of ask must be classed."""
    source = inspect.getsource(attribution) + inspect.getsource(speakers) + inspect.getsource(nested)
    asked = set(re.findall(r"coref\.(\w+)\(", source))
    assert asked and asked <= set(replay.COREF_ASKS), f"class these in engine.replay.COREF_ASKS: {sorted(asked - set(replay.COREF_ASKS))}"
    assert {k for k, v in replay.COREF_ASKS.items() if v == "question"} == {"compatible", "singular_they", "pronoun_other_than"}


def test_a_page_grown_at_the_end_replays_its_old_quotations(nlp):
    page = [
        "Live: the Dunmere harbour repairs",
        "07:30 — “The sea wall held, mostly,” said Wilma Brannock, who leads the council.",
        "07:50 — “We had crews out all night,” she added. The harbour master, Idris Penhale, agreed.",
        *FILLER,
    ]
    before = replay.replayed
    _versions_agree(nlp, [page, [*page, "11:40 — “We are nearly there,” said Odile Marchetti."]])
    assert replay.replayed > before
    _forget()


def test_a_name_completed_by_the_entry_is_not_replayed(nlp):
    lines = ["Live: the Dunmere harbour repairs", "07:30 — “The sea wall held, mostly,” Brannock said.", *FILLER]
    entry = "09:00 — Council leader Wilma Brannock said the clean-up would take weeks."
    first, second = _versions_agree(nlp, [lines, [*lines, "08:40 — Buses replace the trains to Ostby."], [*lines, entry]])
    assert _speaker_of(first, "sea wall") != _speaker_of(second, "sea wall")  # the old quotation's speaker changed
    _forget()


def test_a_transcript_label_defined_by_the_entry_is_not_replayed(nlp):
    lines = [
        "Interview: the ferryman of Quillan",
        "We spoke to Tomas Hale, who has run the island ferry for thirty years.",
        "HALE: The swell this winter was the worst I have known.",
        *FILLER,
    ]
    entry = "HALE: We will keep sailing as long as the harbour lets us."
    first, second = _versions_agree(nlp, [lines, [*lines, "08:40 — The pier is open."], [*lines, entry]])
    old = [s for s in first["spans"] if s["category"] == "quote" and "swell this winter" in s["text"]]
    new = [s for s in second["spans"] if s["category"] == "quote" and "swell this winter" in s["text"]]
    assert old != new  # a second labelled turn made the page a transcript: the old answer is now a quote
    _forget()


def test_a_gender_the_entry_settles_is_asked_again(nlp):
    """An old "she" after a speaker whose gender the page leaves open until the entry: the reading's
    answers are asked again, and the page is what it is from scratch whichever way they go."""
    lines = [
        "Live: the Dunmere council vote",
        "07:30 — “This budget is late and it is thin,” said Sam Vale, a councillor.",
        "07:45 — “We cannot cut the ferry subsidy again,” she added.",
        *FILLER,
    ]
    entry = "09:00 — Vale told reporters he would vote against the budget, and his deputy agreed with him."
    _versions_agree(nlp, [lines, [*lines, "08:40 — The vote is expected at noon."], [*lines, entry]])
    _forget()


def test_a_question_answered_otherwise_stops_the_replay(nlp):
    """The records say the reading answered a question one way; asked again it answers the other: that
    quotation and every one after it are attributed afresh, as from scratch."""
    lines = [
        "Live: the Dunmere harbour repairs",
        "07:30 — “The sea wall held, mostly,” said Wilma Brannock.",
        "“We had crews out all night,” they said.",
        "“We will open the pier by noon,” she added.",
        *FILLER,
    ]
    old, new = (corpus.PARAGRAPH.join(v) for v in (lines, [*lines, "09:00 — The pier is open."]))
    kept = _bytes(nlp, sorted({*paragraphs(old), *paragraphs(new)}))
    _forget()
    expected = _analyze(nlp, kept, new)
    counts = []
    for tamper in (False, True):
        _forget()
        _analyze(nlp, kept, old)
        (origin, keys, records), = replay._kept.values()
        asked = [n for n, r in enumerate(records) if r[2]]
        assert asked  # the "they" asks whether it may be the previous speaker
        if tamper:
            n = asked[0]
            (kind, i, actor, answer), = records[n][2]
            records = (*records[:n], (records[n][0], records[n][1], ((kind, i, actor, not answer),)), *records[n + 1 :])
            replay._kept[next(iter(replay._kept))] = (origin, keys, records)
        before = replay.replayed
        assert _analyze(nlp, kept, new) == expected
        counts.append(replay.replayed - before)
    # as recorded, the quotation asking is replayed; answered otherwise, only those before it are
    assert counts[0] > asked[0] and counts[1] == asked[0]
    _forget()


def test_the_records_are_bounded(nlp, monkeypatch):
    monkeypatch.setattr(replay, "KEPT_BYTES", 2_000)
    _forget()
    for i in range(3):
        page = corpus.article(67_100 + i, 700).split(corpus.PARAGRAPH)
        _versions_agree(nlp, [page, [*page, "11:40 — “We are nearly there,” said Odile Marchetti."]])
        assert replay.kept_bytes() <= 2_000
    assert replay.kept_bytes() == sum(replay._weight(v) for s in (replay._article, replay._nested) for v in s.kept.values())
    _forget()
