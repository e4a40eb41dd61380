"""The roles stated at each mention, kept per paragraph across a page's versions (`role_index.StatedRoles`),
are what reading the mention again states: on every seed article grown at its end and at its top (the
paragraphs then move down: their roles are kept relative to the paragraph), and when an unchanged
paragraph's mention now belongs to an actor of another type (part of the key)."""

import json
from pathlib import Path

import pytest

from claimlight.engine import local
from claimlight.engine.actors import build_actor_index
from claimlight.engine.docview import shared
from claimlight.engine.nlp import parse_each
from claimlight.engine import parsed
from claimlight.engine.role_index import StatedRoles, build_role_index
from claimlight.paragraphs import paragraphs

ROOT = Path(__file__).parents[2]
SEEDS = sorted((ROOT / "seeds" / "articles").glob("*.json"))

# Written for these tests: an organisation whose name states what it is, a person with a title and a
# role in apposition, a copula.
ENTRY = ("Officials at the Tavrel Water Authority said on Friday that the pumps were working again. "
         "Deputy Mayor Ines Korval, a former engineer, said the repairs took four days.")


def _bytes(nlp, text: str) -> list[bytes]:
    with nlp.memory_zone():
        return [parsed.encode(d) for d in parse_each(nlp, paragraphs(text))]


def _compared(nlp, text: str, retype: str | None = None) -> list[tuple]:
    data = _bytes(nlp, text)
    with nlp.memory_zone():
        return _kept_and_read(parsed.join(nlp.vocab, data), retype)


@shared
def _kept_and_read(doc, retype: str | None = None) -> list[tuple]:
    """Each mention's roles as the store gives them (after `retype` made every organisation that
    type, if given) and as reading it again gives them."""
    index = build_actor_index(doc)
    build_role_index(doc, index, None, StatedRoles(doc, index))  # (fills the store for this page)
    if retype is not None:
        for actor in index.actors:
            if actor.type == "organization":
                actor.type = retype
    kept, fresh = StatedRoles(doc, index), StatedRoles(doc, index)
    return [(kept.at(m, a), fresh._read(m, a)) for a in index.actors if a.type != "place" for m in a.mentions]


@pytest.mark.parametrize("where", ["end", "top"])
def test_kept_roles_are_the_roles_read_again_as_a_page_grows(nlp, where):
    local.forget()
    compared = 0
    for path in SEEDS:
        parts = json.loads(path.read_text(encoding="utf-8"))["text"].split("\n\n")
        grown = [*parts, ENTRY] if where == "end" else [ENTRY, *parts]
        _compared(nlp, "\n\n".join(parts))
        for kept, fresh in _compared(nlp, "\n\n".join(grown)):
            assert kept == fresh, path.name
            compared += bool(fresh)
    assert compared > 50  # (roles were stated, and taken from the store)
    local.forget()


def test_a_mention_now_of_another_type_of_actor_is_read_again(nlp):
    local.forget()
    text = "Storm update\n\n" + ENTRY
    before = _compared(nlp, text)
    assert any(r.how == "name" for kept, _ in before for r in kept)  # ("Authority": an organisation's name)
    after = _compared(nlp, text, retype="person")
    assert all(kept == fresh for kept, fresh in after)
    assert not any(r.how == "name" for kept, _ in after for r in kept)
    local.forget()
