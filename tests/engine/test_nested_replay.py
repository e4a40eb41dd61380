"""The old page's nested quotations replayed for its next version (`engine.nested._Replay`): the
replay's argument holds for the nested chain, a page grown at the end replays them, and a page grown
in the middle or on top, or by an entry that changes an old inner quotation's speaker, is analysed
as from scratch."""

from claimlight.bench import corpus
from claimlight.engine import nested, replay
from claimlight.paragraphs import paragraphs
from test_live_identity import _analyze, _bytes, _forget, _versions_agree

# Invented pages, written for these tests: outer quotations with inner ones of their own source,
# well before the last paragraph, then other news.
PAGE = [
    "Live: the Dunmere harbour repairs",
    "07:30 — “Our foreman rang at dawn and said, ‘The east wall is gone,’ so we went down,” said Wilma Brannock.",
    "07:50 — Idris Penhale runs the boatyard. “Penhale told me, ‘Nothing floats out until Friday,’ and he meant it,” said Tomas Reyl.",
    "08:05 — “A neighbour shouted, ‘Mind the cables!’ just as the lights went,” Reyl added.",
    "08:10 — Ferries to Quillan Island are running an hour late because of the swell.",
    "08:25 — The coast road north of Dunmere remains closed to lorries.",
]
ENTRY = "11:40 — “We are nearly there,” said Odile Marchetti. “My deputy wrote, ‘Pier open by noon,’ an hour ago.”"


def _inner(analysis: dict) -> dict[str, str | None]:
    """Each nested quote's text → its speaker."""
    return {s["text"]: s["speaker"] for s in analysis["spans"] if s["category"] == "quote" and s.get("nested_in") is not None}


def test_the_nested_chain_reads_no_sequence():
    """`nested._Replay`'s argument: each nested strategy is classed, and none reads the quotations before it."""
    names = {s.name for s in nested.NESTED_CHAIN}
    assert names <= set(replay.READS)
    assert all(replay.READS[n] != replay.SEQUENCE for n in names)


def test_a_page_grown_at_the_end_replays_its_old_nested_quotations(nlp):
    before = nested.replayed
    (analysis,) = _versions_agree(nlp, [PAGE, [*PAGE, ENTRY]])
    assert nested.replayed > before
    assert len(_inner(analysis)) >= 3  # the page's inner quotations are found, replayed or not
    _forget()


def test_a_page_grown_in_the_middle_or_on_top_is_analysed_as_from_scratch(nlp):
    _versions_agree(nlp, [PAGE, [*PAGE[:3], ENTRY, *PAGE[3:]]])
    _versions_agree(nlp, [PAGE, [ENTRY, *PAGE], [PAGE[-1], ENTRY, *PAGE]])
    _forget()


def test_an_entry_that_renames_an_old_inner_quotations_speaker_is_not_replayed(nlp):
    """The inner quotation's source, a surname alone, is named in full by the entry: its actor, and
    so the old inner quotation's speaker, takes the full name."""
    lines = [
        "Live: the Dunmere harbour repairs",
        "07:30 — “Ostrander told us, ‘The east wall is gone,’ so we went down,” said Wilma Brannock.",
        *PAGE[-2:],
    ]
    entry = "09:00 — Harbour engineer Reta Ostrander said the wall would be rebuilt in stone."
    first, second = _versions_agree(nlp, [lines, [*lines, "08:40 — Buses replace the trains to Ostby."], [*lines, entry]])
    wall = next(t for t in _inner(first) if "east wall" in t)
    assert _inner(first)[wall] == "Ostrander" and _inner(second)[wall] == "Reta Ostrander"
    _forget()


def test_a_question_answered_otherwise_stops_the_nested_replay(nlp):
    """"She" in Hale's quotation is not Hale (`pronoun_other_than`, a question asked again): its
    recorded answer changed, the inner quotation is attributed afresh, as from scratch."""
    lines = [
        "Live: the Dunmere bakery closes",
        "07:30 — Rosa Quint ran the bakery on Mill Street for forty years.",
        "07:45 — Robin Hale started there at 15.",
        "08:00 — “She'd wave a ladle and say, ‘Nobody leaves without bread,’” said Hale.",
        # (a description read further on: the reading saved goes past Hale's paragraph)
        *PAGE[3:],
    ]
    old, new = (corpus.PARAGRAPH.join(v) for v in (lines, [*lines, ENTRY]))
    kept = _bytes(nlp, sorted({*paragraphs(old), *paragraphs(new)}))
    _forget()
    expected = _analyze(nlp, kept, new)
    assert "Rosa Quint" in _inner(expected).values()
    counts = []
    for tamper in (False, True):
        _forget()
        _analyze(nlp, kept, old)
        ((key, (origin, keys, records)),) = replay._nested.kept.items()
        record = records[0]
        (question,) = record[2]
        assert question[0] == "pronoun_other_than"
        if tamper:
            replay._nested.kept[key] = (origin, keys, ((record[0], record[1], ((*question[:3], None),)), *records[1:]))
        before = nested.replayed
        assert _analyze(nlp, kept, new) == expected
        counts.append(nested.replayed - before)
    assert counts == [1, 0]
    _forget()
