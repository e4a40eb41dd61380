"""Reported speech found paragraph by paragraph and replayed from what was kept (`engine.reported_memo`)
is what the rules find over the whole document at once; a kept paragraph whose questions are answered
otherwise on the page's next version is read again."""

import json
from pathlib import Path

from claimlight.bench import corpus
from claimlight.engine import analyze_doc, local, reported_memo
from claimlight.engine.nlp import parse

ROOT = Path(__file__).parents[2]
SEEDS = sorted((ROOT / "seeds" / "articles").glob("*.json"))


def _reported(analysis) -> list[dict]:
    return [s.model_dump(mode="json") for s in analysis.spans if s.category.value in ("reported", "speaker")]


def test_by_paragraph_kept_and_replayed_equals_the_whole_document_run(nlp, monkeypatch):
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in SEEDS] + [corpus.article(60_000, 3000)]
    for text in texts:
        local.forget()
        with monkeypatch.context() as m:
            m.setattr(local, "KEPT_PAGE_PARAGRAPHS", 0)  # nothing kept: the rules over the whole document
            whole = analyze_doc(parse(nlp, text))
        local.forget()
        fresh = analyze_doc(parse(nlp, text))
        replayed = analyze_doc(parse(nlp, text))  # every paragraph's findings taken from the store
        assert fresh == whole and replayed == whole
    local.forget()


# Paragraphs long enough that a paragraph's window is itself and its two neighbours: a paragraph two
# away changes no window of the paragraph "She said…", only whom "she" is.
FILLER = [
    "The harbour office opened its doors at nine, and a queue had formed along the quay well before then.",
    "Fishing boats stayed in port for a third day while the wind kept the swell above four metres offshore.",
]
BEFORE = ["Mayor Ilse Varga visited the flooded quay on Monday morning with two engineers from the council.", *FILLER,
          "She said that the bridge to the island would reopen next week once the pillars had been checked."]
NEWER = "Port director Agnes Holm arrived in the afternoon and spent an hour on the damaged pier with the divers."


def test_a_kept_paragraph_whose_speaker_is_someone_else_now_is_read_again(nlp, monkeypatch):
    outcomes: list[bool] = []
    replay = reported_memo._replay

    def spy(*args):
        got = replay(*args)
        outcomes.append(got is not None)
        return got

    before = corpus.PARAGRAPH.join(BEFORE)
    after = corpus.PARAGRAPH.join([BEFORE[0], NEWER, *BEFORE[1:]])
    local.forget()
    scratch = analyze_doc(parse(nlp, after))
    local.forget()
    first = analyze_doc(parse(nlp, before))
    monkeypatch.setattr(reported_memo, "_replay", spy)
    update = analyze_doc(parse(nlp, after))
    assert update == scratch
    speakers = [[s.speaker for s in a.spans if s.category.value == "reported"] for a in (first, update)]
    assert speakers == [["Ilse Varga"], ["Agnes Holm"]]
    assert False in outcomes  # the old paragraph's record was tried, and its answer had changed
    local.forget()


def test_the_mentions_digest_names_the_values_not_the_objects_holding_them():
    """What `_mentions_by_paragraph` digests is the values of each paragraph's index entries: the same
    values held by other objects (the page's next version makes every mention anew) digest the same,
    a value changed anywhere digests otherwise, and a paragraph without entries digests as none."""
    from types import SimpleNamespace

    from claimlight.engine.local import Paragraph

    paras = [Paragraph(0, 40, 0, 8, b"a"), Paragraph(42, 90, 8, 17, b"b"), Paragraph(92, 120, 17, 22, b"c")]

    def index(name: str, label: str = "person", gender: str | None = "female"):
        actor = SimpleNamespace(name="".join(name), type="person", gender=gender)  # (a string of its own)
        first = SimpleNamespace(token_start=9, token_end=11, start=44, end=56, label="".join(label), text="".join(name),
                                title="", stated=None, actor=actor)
        second = SimpleNamespace(token_start=18, token_end=19, start=93, end=97, label="org", text="NATO", title="", stated=None, actor=None)
        return SimpleNamespace(by_token={9: first, 10: first, 18: second})

    one = reported_memo._mentions_by_paragraph(index("Ilse Varga"), paras)
    assert one[0] == b"" and one[1] and one[2] and one[1] != one[2]
    assert reported_memo._mentions_by_paragraph(index("Ilse Varga"), paras) == one
    assert reported_memo._mentions_by_paragraph(index("Ilse Vargas"), paras)[1:] != one[1:] and \
        reported_memo._mentions_by_paragraph(index("Ilse Vargas"), paras)[2] == one[2]
    assert reported_memo._mentions_by_paragraph(index("Ilse Varga", gender=None), paras)[1] != one[1]
    assert reported_memo._mentions_by_paragraph(index("Ilse Varga", label="place"), paras)[1] != one[1]


def test_a_page_analysed_again_takes_every_paragraph_as_kept(nlp, monkeypatch):
    """The same page parsed again (every object new): each paragraph's mentions digest as they did, so
    no rule runs again on any paragraph."""
    runs: list[int] = []
    digests: list[list[bytes]] = []
    recorder, mentions = reported_memo._Recorder, reported_memo._mentions_by_paragraph

    def counted(*args):
        runs.append(1)
        return recorder(*args)

    def kept(*args):
        digests.append(mentions(*args))
        return digests[-1]

    text = corpus.article(60_001, 1500)
    local.forget()
    monkeypatch.setattr(reported_memo, "_mentions_by_paragraph", kept)
    first = analyze_doc(parse(nlp, text))
    monkeypatch.setattr(reported_memo, "_Recorder", counted)
    again = analyze_doc(parse(nlp, text))
    assert again == first and runs == []
    assert len(digests) == 2 and digests[0] == digests[1] and sum(map(bool, digests[0])) > 10
    local.forget()
