"""A page's next version that gives a person named before a gender (an honorific title in a new entry,
"Mr. Quillby") takes the old coreference reading up only where no step of it would have gone otherwise
under that gender (`engine.checkpoints._relaxed`), and gives the analysis from scratch either way."""

import json
from pathlib import Path

import pytest

from claimlight.bench import corpus
from claimlight.engine import analyze_doc, checkpoints, local, parsed, quotes, recurring, replay, resume, spans
from claimlight.engine.nlp import parse_each
from claimlight.paragraphs import paragraphs

ROOT = Path(__file__).parents[2]
SEEDS = sorted((ROOT / "seeds" / "articles").glob("*.json"))

# Invented people and places, written for these tests. Quillby's given name says no gender; he is
# named three times before the entry, so its mention does not make him prominent (another fact).
OPENING = "Harbour board to change the Varnholm ferry timetable"
BOARD = ("Vantor Quillby, who chairs the Varnholm harbour board, said on Monday that the timetable would "
         "change in May. “We have listened to the islanders,” Quillby said.")
CLOSING = "Quillby will publish the board's full plan next week, a spokesman for the port said."
TITLED = "14:05 — “The old timetable served nobody,” Mr. Quillby told reporters after the meeting."


def _forget() -> None:
    for store in (local, resume, checkpoints, recurring, replay, parsed, quotes, spans):
        store.forget()


def _analyze(nlp, kept: dict[str, bytes], text: str) -> dict:
    with nlp.memory_zone():
        return analyze_doc(parsed.join(nlp.vocab, [kept[p] for p in paragraphs(text)])).model_dump(mode="json")


def _update(nlp, old: str, new: str) -> tuple[int, bool]:
    """How many readings of `new` were taken up after `old`'s analysis; asserts the analysis is the
    one from scratch."""
    texts = sorted({*paragraphs(old), *paragraphs(new)})
    with nlp.memory_zone():
        kept = {t: parsed.encode(d) for t, d in zip(texts, parse_each(nlp, texts))}
    _forget()
    expected = _analyze(nlp, kept, new)
    _forget()
    _analyze(nlp, kept, old)
    before = checkpoints.resumed
    got = _analyze(nlp, kept, new)
    assert got == expected
    return checkpoints.resumed - before


def _page(*middle: str) -> str:
    return corpus.PARAGRAPH.join([OPENING, BOARD, *middle, CLOSING])


def test_a_gender_no_step_read_is_taken_up(nlp):
    """No gendered pronoun before the entry had Quillby in view: the reading is taken up."""
    old = _page()
    assert _update(nlp, old, old + corpus.PARAGRAPH + TITLED) >= 1


def test_a_gender_read_alike_is_taken_up_with_the_new_gender(nlp):
    """A "he" read as Quillby, the only one in view, before the title was known: under "m" from the start
    the step goes the same, and the resumed reading's referents of Quillby take the gender."""
    old = _page("He added that fares would not rise this year.")
    assert _update(nlp, old, old + corpus.PARAGRAPH + TITLED) >= 1


def test_a_gender_a_step_read_otherwise_falls_back(nlp):
    """A "she" read as Quillby: under "m" from the start it would not have been, so no reading is taken up."""
    old = _page("She added that fares would not rise this year.")
    assert _update(nlp, old, old + corpus.PARAGRAPH + TITLED) == 0


def test_a_gender_that_would_have_made_another_the_antecedent_falls_back(nlp):
    """ "He" read as Brandt, a man by his title, a subject one sentence back, over Quillby, a speaker two
    back: with the gain of a known gender Quillby would have come first, so no reading is taken up."""
    old = _page("Quillby said the crossings were safe. Mr. Orrin Brandt checked the hulls. He added that fares would not rise this year.")
    assert _update(nlp, old, old + corpus.PARAGRAPH + TITLED) == 0


def test_a_title_whose_head_a_description_asked_for_falls_back(nlp):
    """ "the doctor" asks the role index for doctors: a "Dr." given later may make Quillby one, and the
    reading is not taken up under the new title (whatever the lexicon makes of it), yet gives the same."""
    old = _page("The doctor at the harbour clinic said the crossings had been rough.")
    _update(nlp, old, old + corpus.PARAGRAPH + TITLED.replace("Mr.", "Dr."))


def _titled_person(nlp, text: str) -> str | None:
    """The surname of the first person named in `text` whose name is two words or more, or None."""
    doc = nlp(text)
    for ent in doc.ents:
        words = ent.text.split()
        if ent.label_ == "PERSON" and len(words) >= 2 and words[-1].isalpha() and words[-1][:1].isupper():
            return words[-1]
    return None


@pytest.mark.parametrize("where", ["end", "middle", "top"])
def test_every_seed_whose_person_a_new_paragraph_titles_is_analysed_as_from_scratch(nlp, where):
    """Every seed, with a paragraph calling its first named person "Mr." or "Ms." (taking turns) added at
    the end, in the middle, at the top: the analysis from scratch, taken up or not."""
    taken = 0
    for k, path in enumerate(SEEDS):
        parts = json.loads(path.read_text(encoding="utf-8"))["text"].split("\n\n")
        surname = _titled_person(nlp, "\n\n".join(parts))
        if len(parts) < 2 or surname is None:
            continue
        entry = f"16:40 — “Nothing more will be said today,” {('Mr.', 'Ms.')[k % 2]} {surname} told reporters."
        at = {"end": len(parts), "middle": len(parts) // 2, "top": 0}[where]
        try:
            taken += _update(nlp, corpus.PARAGRAPH.join(parts), corpus.PARAGRAPH.join([*parts[:at], entry, *parts[at:]])) > 0
        except AssertionError:
            raise AssertionError(f"{path.name}, a title at the {where}") from None
    if where == "end":
        assert taken > 0
    _forget()
