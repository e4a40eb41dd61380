"""What a live update takes from the last page this process read, paragraph by paragraph, is what
reading the page afresh gives: the verbs of reporting (`speech_subjects.reporting_verbs`), the roles
stated at each mention (`role_index.StatedRoles`, carried besides the store), a quotation's echo key
(`attribution._echo_key`), and the page's opening sentences made alone (`docview`). Every seed and
PolNeAR dev article split into entries and grown an entry at a time, and a live blog with entries
appended, inserted in the middle and at the top, and one edited."""

import json
import re
from pathlib import Path

import pytest

from claimlight.engine import local, parsed
from claimlight.engine.actors import build_actor_index
from claimlight.engine.attribution import _ECHO_KEY_CHARS, _echo_key, _echo_keys
from claimlight.engine.docview import columns, first_sentences, shared
from claimlight.engine.lexicon import REPORTING_VERBS
from claimlight.engine.nlp import parse, parse_each
from claimlight.engine.role_index import StatedRoles
from claimlight.engine.speech_subjects import reporting_verbs
from claimlight.paragraphs import paragraphs

ROOT = Path(__file__).parents[2]
SHARED = ROOT.parent / "shared" / "eval"
PAGES = sorted((ROOT / "seeds" / "articles").glob("*.json")) + sorted((SHARED / "polnear-dev").glob("*.json"))

# A live blog written for these tests: entries of a fictional storm's coverage.
BLOG = [
    "Storm Ilse live: ferries cancelled, thousands without power",
    "The Coastguard said on Monday that all crossings to Varrin Island were suspended until further notice.",
    "“We will not put crews at risk,” said harbour master Odile Brannock, who added that the port was closed.",
    "Energy minister Tomas Reyl told parliament the grid had lost three substations overnight.",
    "Residents in Kelsby reported flooding on the main road, according to the district council.",
    "Reyl said engineers would work through the night. “Every home will be reconnected,” he said.",
]
NEW = "Brannock later told reporters the first ferry could sail on Wednesday, weather permitting."
EDIT = "The Coastguard said on Tuesday that crossings to Varrin Island would resume in the afternoon."


def _verbs_whole(doc) -> list[int]:
    cols = columns(doc)
    return [i for i in range(len(doc)) if cols.pos[i] in ("VERB", "AUX") and cols.lemma[i] in REPORTING_VERBS]


@shared
def _read(doc) -> tuple[list[int], list[int], list[tuple], list[tuple]]:
    """The verbs as kept and as read whole; each mention's roles as kept and as read afresh."""
    verbs = reporting_verbs(doc)
    index = build_actor_index(doc)
    kept, fresh = StatedRoles(doc, index), StatedRoles(doc, index)
    roles = [(kept.at(m, a), fresh._read(m, a)) for a in index.actors if a.type != "place" for m in a.mentions]
    return verbs, _verbs_whole(doc), [k for k, _ in roles], [f for _, f in roles]


def _versions(nlp, versions: list[list[str]]):
    """Each version's paragraphs joined from their bytes, as a worker joins a page (`parsed.join`),
    each paragraph parsed once, as the daemon keeps them."""
    known: dict[str, bytes] = {}
    for parts in versions:
        texts = paragraphs("\n\n".join(parts))
        new = [p for p in dict.fromkeys(texts) if p not in known]
        with nlp.memory_zone():
            known.update(zip(new, (parsed.encode(d) for d in parse_each(nlp, new))))
            yield parsed.join(nlp.vocab, [known[p] for p in texts])


def _check(nlp, versions: list[list[str]], name: str) -> int:
    roles = 0
    for doc in _versions(nlp, versions):
        verbs, whole, kept, fresh = _read(doc)
        assert verbs == whole, name
        assert kept == fresh, name
        roles += sum(map(bool, fresh))
    return roles


def test_articles_grown_an_entry_at_a_time(nlp):
    local.forget()
    roles = 0
    for path in PAGES:
        parts = paragraphs(json.loads(path.read_text(encoding="utf-8"))["text"])
        # (entries of a few paragraphs each, the page grown one at a time at its end)
        cuts = list(range(2, len(parts), 3)) + [len(parts)]
        roles += _check(nlp, [parts[:n] for n in cuts], path.name)
    assert roles > 100  # (roles were stated, and taken again)
    local.forget()


@pytest.mark.parametrize("how", ["appended", "inserted in the middle", "at the top", "edited"])
def test_a_live_blog(nlp, how):
    local.forget()
    if how == "appended":
        versions = [BLOG[:n] for n in range(2, len(BLOG) + 1)] + [[*BLOG, NEW]]
    elif how == "inserted in the middle":
        versions = [BLOG, [*BLOG[:3], NEW, *BLOG[3:]], [*BLOG[:3], NEW, EDIT, *BLOG[3:]]]
    elif how == "at the top":
        versions = [BLOG, [BLOG[0], NEW, *BLOG[1:]], [BLOG[0], EDIT, NEW, *BLOG[1:]]]
    else:
        versions = [BLOG, [BLOG[0], EDIT, *BLOG[2:]], [BLOG[0], EDIT, *BLOG[2:], NEW], [BLOG[0], BLOG[1], *BLOG[2:], NEW]]
    assert _check(nlp, versions, how) > 0
    local.forget()


def test_a_paragraph_whose_mentions_changed_type_is_read_again(nlp):
    """A paragraph the last page had at the same place, with the same window, whose mention's actor
    is now of another type: its roles are read again (the carried ones were stated of the other type)."""
    local.forget()

    @shared
    def roles_of(doc, retype: str | None):
        index = build_actor_index(doc)
        if retype is not None:
            for actor in index.actors:
                if actor.type == "organization":
                    actor.type = retype
        kept, fresh = StatedRoles(doc, index), StatedRoles(doc, index)
        return [(kept.at(m, a), fresh._read(m, a)) for a in index.actors if a.type != "place" for m in a.mentions]

    for doc in _versions(nlp, [BLOG]):  # (the document lives in its version's memory zone)
        assert all(k == f for k, f in roles_of(doc, None))
        after = roles_of(doc, "person")
        assert all(k == f for k, f in after)
        assert any(f for _, f in after)
    local.forget()


def test_the_echo_key_is_the_quotations_words():
    for inner in ("We will not put crews at risk,", "“Every home — every one — will be reconnected!”", "", "Ça va, l’été"):
        want = " ".join(re.sub(r"[^\w\s]", " ", inner.lower()).split())
        assert _echo_key(inner) == want
        assert _echo_key(inner) == want  # (and again, kept)
    long = "word " * _ECHO_KEY_CHARS
    assert _echo_key(long) == " ".join(long.split()) and long not in _echo_keys


def test_the_first_sentences_are_the_documents(nlp):
    text = " ".join(BLOG[1:]) + "\n\n" + NEW

    @shared
    def opening(doc):
        first = first_sentences(doc, 3)
        # (the same objects as the view's whole list, once that is made, and as a token's sentence)
        assert first[1] is doc[first[1].start].sent
        return [(s.start, s.end) for s in first], [s is t for s, t in zip(first, list(doc.sents))]

    doc = parse(nlp, text)
    got, same = opening(doc)
    assert got == [(s.start, s.end) for s in list(parse(nlp, text).sents)[:3]]
    assert all(same)
    assert [(s.start, s.end) for s in first_sentences(doc, 2)] == got[:2]  # (outside a shared view)
    assert first_sentences(parse(nlp, ""), 5) == []
