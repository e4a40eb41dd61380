"""A state a reading saves while its analysis is under way (passing a mark, `Checkpoints.reach`) has its
facts made after the analysis (`checkpoints._make_facts`): the facts made then are those made at once,
no state is taken up before its facts are made, and a state whose facts cannot be made is dropped."""

from claimlight.bench import corpus, live
from claimlight.engine import analyze_doc, checkpoints, parsed
from claimlight.engine.nlp import parse_each
from claimlight.paragraphs import paragraphs


def _analyze(nlp, text: str) -> None:
    with nlp.memory_zone():
        data = [parsed.encode(d) for d in parse_each(nlp, paragraphs(text))]
        analyze_doc(parsed.join(nlp.vocab, data))


def test_facts_made_after_the_analysis_are_the_facts_made_at_once(nlp, monkeypatch):
    page = corpus.PARAGRAPH.join([*corpus.article(60_001, 800).split(corpus.PARAGRAPH), live.entry(1)])
    saves = []
    real_save = checkpoints.Checkpoints.save

    def save(self):
        under_way = self in checkpoints._open
        real_save(self)
        if under_way:
            # what an immediate save would have made, from the same reading where it stands
            for state, make in checkpoints._unmade:
                saves.append((state, make()))

    monkeypatch.setattr(checkpoints.Checkpoints, "save", save)
    checkpoints.forget()
    _analyze(nlp, page)
    assert not checkpoints._unmade
    kept = [s for states in checkpoints._kept.values() for s in states]
    assert kept and all(s.facts is not None for s in kept)
    assert saves  # (the article's reading passed the mark of the page's last paragraph)
    for state, facts in saves:
        assert state.facts == facts
    checkpoints.forget()


def test_a_state_whose_facts_cannot_be_made_is_dropped(nlp):
    checkpoints.forget()
    state = checkpoints._State(b"", None, [], 40, [], {}, {}, {}, {}, {})
    checkpoints._kept[b"k"] = [state]
    checkpoints._kept_tokens += state.next

    def fails():
        raise RuntimeError("the page's index is gone")

    checkpoints._unmade.append((state, fails))
    checkpoints._make_facts()
    assert b"k" not in checkpoints._kept and checkpoints._kept_tokens == 0 and not checkpoints._unmade
    checkpoints.forget()
