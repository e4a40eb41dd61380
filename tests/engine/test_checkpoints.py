"""A coreference reading taken up from a state saved on the page's previous version (`engine.checkpoints`)
gives the analysis a reading from the start gives, span for span, actor for actor, figure for figure."""

import json
from pathlib import Path

from claimlight.bench import corpus
from claimlight.engine import analyze_doc, checkpoints, parsed
from claimlight.engine.nlp import parse_each
from claimlight.paragraphs import paragraphs

ROOT = Path(__file__).parents[2]
SHARED = ROOT.parent / "shared" / "eval"
ARTICLES = sorted((ROOT / "seeds" / "articles").glob("*.json")) + sorted((SHARED / "polnear-dev").glob("*.json"))


def _bytes(nlp, texts: list[str]) -> dict[str, bytes]:
    with nlp.memory_zone():
        return {t: parsed.encode(d) for t, d in zip(texts, parse_each(nlp, texts))}


def _analyze(nlp, kept: dict[str, bytes], text: str) -> dict:
    with nlp.memory_zone():
        return analyze_doc(parsed.join(nlp.vocab, [kept[p] for p in paragraphs(text)])).model_dump(mode="json")


def _scratch(nlp, kept: dict[str, bytes], text: str) -> dict:
    checkpoints.forget()
    before = checkpoints.resumed
    got = _analyze(nlp, kept, text)
    assert checkpoints.resumed == before  # (nothing saved to start from)
    return got


def _grown(text: str, entry: str) -> str:
    return text + corpus.PARAGRAPH + entry


def test_every_article_grown_by_its_last_paragraph_is_analysed_as_from_scratch(nlp):
    """Each seed and PolNeAR article, then the same article with its last paragraph added anew."""
    resumed = 0
    for path in ARTICLES:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        parts = paragraphs(text)
        if len(parts) < 3:
            continue
        first = "".join(parts[:-1]).rstrip()
        kept = _bytes(nlp, [*paragraphs(first), *parts])
        expected = _scratch(nlp, kept, text)
        checkpoints.forget()
        _analyze(nlp, kept, first)
        before = checkpoints.resumed
        assert _analyze(nlp, kept, text) == expected, path.name
        resumed += checkpoints.resumed > before
    assert resumed > len(ARTICLES) // 2  # most took their reading up from the version before


# A live blog of invented people, written for this test, through versions the way live pages change.
OPENING = [
    "Live: the ferry strike at Kelsholm enters its third day",
    "07:40 — Crews walked off at dawn again. “We have not been offered anything new,” said Tamsin Oakes of the seafarers' union.",
    "08:05 — The operator's chief, Ruben Hallgrim, said talks would resume at noon. “Our door is open,” he said.",
    "08:30 — Passengers queued outside the terminal. One driver, a baker from Ostby, said he had lost two days of deliveries.",
]
ENTRIES = [
    "08:55 — Oakes said the union would ballot its members on Friday.",
    "09:10 — “Nobody wants this to drag on,” Hallgrim told the regional paper, adding that 40 sailings had been cancelled.",
    "09:25 — A spokesperson for the ministry said the minister, Edda Vilk, was following the talks closely.",
    "09:40 — “We will not be rushed,” she said.",
]
# Changes an earlier entry's reading: a new person of the same surname, named in full, and a role
# given to an actor named before (the state saved before it no longer holds).
ROLE = "09:55 — Vilk, the transport minister, said she had spoken to both sides."
# Gives a gender to someone quoted before it with no gender of their own, in front of an old "she".
GENDER = "10:10 — Oakes, a mother of three who has led the union since 2020, said the ballot would go ahead."


def test_a_live_blog_grown_entry_by_entry_is_analysed_as_from_scratch(nlp):
    checkpoints.forget()
    page = corpus.article(64_000, 1500).split(corpus.PARAGRAPH)
    versions = [[*OPENING, *page]]
    for entry in [*ENTRIES, ROLE, GENDER]:
        versions.append([*versions[-1], entry])
    texts = [corpus.PARAGRAPH.join(v) for v in versions]
    kept = _bytes(nlp, sorted({p for t in texts for p in paragraphs(t)}))
    before = checkpoints.resumed
    for previous, text in zip(texts, texts[1:]):
        expected = _scratch(nlp, kept, text)
        _analyze(nlp, kept, previous)  # the version before, as the daemon saw it
        assert _analyze(nlp, kept, text) == expected
    assert checkpoints.resumed > before


def test_an_entry_that_changes_an_old_quotations_speaker_is_analysed_as_from_scratch(nlp):
    """An entry that names a second woman just before the old "she", then one that makes the first
    one's name ambiguous: the state saved before them would give the old answers."""
    lines = [*OPENING, *ENTRIES]
    she = next(i for i, line in enumerate(lines) if "she said" in line)
    woman = "09:35 — Marit Lund, who chairs the passengers' association, said refunds were too slow."
    versions = [lines, [*lines[:she], woman, *lines[she:]], [*lines, ROLE], [*lines, ROLE, GENDER]]
    texts = [corpus.PARAGRAPH.join(v) for v in versions]
    kept = _bytes(nlp, sorted({p for t in texts for p in paragraphs(t)}))
    speakers = []
    checkpoints.forget()
    for text in texts:
        expected = _scratch(nlp, kept, text)
        checkpoints.forget()
        _analyze(nlp, kept, texts[0])
        assert _analyze(nlp, kept, text) == expected
        speakers.append(next(s["speaker"] for s in expected["spans"] if s["category"] == "quote" and "rushed" in s["text"]))
    assert speakers[0] != speakers[1]  # the woman named just before the old "she" is now who said it


def test_the_saved_states_are_bounded(nlp, monkeypatch):
    monkeypatch.setattr(checkpoints, "KEPT_TOKENS", 3_000)
    checkpoints.forget()
    kept = {}
    for i in range(4):
        text = corpus.article(65_000 + i, 600)
        kept.update(_bytes(nlp, paragraphs(text)))
        _analyze(nlp, kept, text)
    states = [s for states in checkpoints._kept.values() for s in states]
    assert states and checkpoints._kept_tokens == sum(s.next for s in states) <= 3_000
    assert all(len(states) <= checkpoints.KEPT_PER_KEY for states in checkpoints._kept.values())
    long = corpus.article(65_010, 2_000)
    kept.update(_bytes(nlp, paragraphs(long)))
    _analyze(nlp, kept, long)  # read too far to be saved within the bound: at most its first states are
    assert checkpoints._kept_tokens <= 3_000
    checkpoints.forget()



def test_every_part_of_a_reading_is_saved_or_made_from_the_page():
    """A part of the reading's state that a checkpoint leaves out makes a resumed reading differ from one
    from the start, and only on the pages that need it: so a new attribute of `Coreference` must be
    classed here, and saved by `checkpoints._state` / `_restore` when the reading changes it as it goes."""
    import inspect

    from claimlight.engine.coref import Coreference

    # what the reading changes as it reads: each saved and restored by a checkpoint
    read = {"referents", "resolved", "narrative_rank", "_next", "_last_referent", "_pronoun_gender", "gender", "_forbid"}
    # what is made from the whole page before the reading starts: the checkpoint's key and facts
    page = {"doc", "text", "layout", "cols", "index", "in_quote", "roles", "_subject_of", "sents", "sent_of",
            "para_of_sent", "mention_starts", "kind", "speech_subjects", "_whole_genders", "_checkpoints",
            "guessed_gender",  # (from each actor's name, titles and gender, which the checkpoint's key holds)
            "_pending"}  # (a saved state found and not restored yet: `Coreference._take_up`)
    init = inspect.getsource(Coreference.__init__)
    assigned = {line.strip()[len("self.") :].split("=")[0].split(":")[0].strip()
                for line in init.splitlines() if line.strip().startswith("self.") and "=" in line}
    assert assigned == read | page, f"class the new parts of the reading: {sorted(assigned ^ (read | page))}"
    state = inspect.getsource(checkpoints._state) + inspect.getsource(checkpoints._restore)
    assert all(f"coref.{name}" in state for name in read)


def test_a_restored_referent_is_the_one_its_class_would_make_with_the_new_actor():
    """`checkpoints._with_actor` copies a saved Referent or Resolution's fields past the frozen class's
    `__init__`: it must stay what that `__init__` makes (no field it derives, no slots)."""
    import dataclasses

    from claimlight.engine.coref import Referent, Resolution

    old, new = object(), object()
    r = Referent(3, 10, 15, "Tamsin Oakes", old, "person", "f", False, True, True, 1, ((10, 15),))
    res = Resolution("Tamsin Oakes", old, ((10, 15),))
    for saved in (r, res):
        copy = checkpoints._with_actor(saved, new)
        assert copy == dataclasses.replace(saved, actor=new) and copy.actor is new and saved.actor is old
        assert hash(copy) == hash(dataclasses.replace(saved, actor=new))
        assert not hasattr(type(saved), "__post_init__") and not hasattr(type(saved), "__slots__")


def test_the_nested_reading_takes_what_each_actor_is_from_the_articles_only_where_its_roles_are_equal(nlp, monkeypatch):
    """`Layout.actor_tables`: the nested quotations' reading takes an actor's gender, guessed gender and
    kind from the article's reading when its role index gives the actor equal roles; a reading made
    alone (a Layout of its own) must make the same tables, in the same order."""
    from claimlight.engine import analyze_doc as analyse
    from claimlight.engine.coref import Coreference, Layout
    from claimlight.engine.nlp import parse

    made = []
    real = Coreference.__init__

    def init(self, *args, **kwargs):
        real(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Coreference, "__init__", init)
    taken = own = 0
    for path in ARTICLES[::4]:  # (a quarter of them: enough of both ways)
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        made.clear()
        with nlp.memory_zone():
            doc = parse(nlp, text)
            analyse(doc)
            for reading in made[1:]:  # (the first made the Layout's tables)
                assert reading.layout is made[0].layout
                alone = Coreference.__new__(Coreference)
                real(alone, doc, reading.index, reading.in_quote, reading.roles, reading._subject_of, reading.text,
                     Layout(doc, reading.index, reading.text))
                alone._take_up()  # (a state it resumed from, restored as its first question would)
                for name in ("gender", "kind", "guessed_gender"):
                    assert list(getattr(alone, name).items()) == list(getattr(reading, name).items()), (path.name, name)
                differs = sum(made[0].roles.roles(a) != reading.roles.roles(a) for a in reading.index.actors)
                taken += len(reading.index.actors) - differs
                own += differs
        checkpoints._open.clear()
    assert taken and own  # (both ways were taken)
