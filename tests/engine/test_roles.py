"""Roles the article gives people and organisations, read from the parse."""

from pathlib import Path

import pytest

from claimlight.engine import analyze
from claimlight.evaluation.articles import load_gold

SEEDS = Path(__file__).parents[2] / "seeds" / "articles"


def roles(analysis):
    return {a.name: a.role for a in analysis.actors if a.role}


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("U.S. Secretary of State Marta Kellen said on Tuesday that talks would resume.", "Marta Kellen", "U.S. Secretary of State"),
        ("“We are ready,” chief executive Renata Olsen said on a call.", "Renata Olsen", "chief executive"),
        ("Priya Raman, an analyst at Holloway Securities, said the quarter was strong.", "Priya Raman", "analyst at Holloway Securities"),
        ("The company’s chief financial officer, Daniel Achterberg, said the unit could be sold.", "Daniel Achterberg", "company’s chief financial officer"),
        ("Her business partner, Ray Ashworth, said the shop would stay open.", "Ray Ashworth", "business partner"),
    ],
)
def test_role_before_the_name_or_in_apposition(nlp, text, name, role):
    assert roles(analyze(text, nlp=nlp)).get(name) == role


def test_honorifics_and_names_are_not_roles(nlp):
    got = roles(analyze("Mr Daniel Osei said the bridge was safe. Florida Governor aide Tom Reyes, a Republican, agreed.", nlp=nlp))
    assert got.get("Daniel Osei") is None
    assert "Republican" not in got.values()


def test_roles_in_the_wire_seed(nlp):
    gold = load_gold(SEEDS / "wire-geneva-water-deal.json")
    got = roles(analyze(gold.text, nlp=nlp))
    assert got == {
        "Aidos Temirbekov": "Kazakh Foreign Minister",
        "Dilnoza Karimova": "Uzbek Deputy Prime Minister",
        "Maria Lindqvist": "UN special envoy",
        "Bakyt Osmonov": "Kyrgyz Energy Minister",
    }


def test_roles_in_the_court_seed(nlp):
    gold = load_gold(SEEDS / "court-whitlock-pension-fraud.json")
    got = roles(analyze(gold.text, nlp=nlp))
    assert got["Anjali Desai"] == "Crown prosecutor"
    assert got["Martin Kovacs"] == "Whitlock's lawyer"
    assert got["Linda Chau"] == "former board chair"


# -- what the strategies found, kept with each paragraph (`roles._Found`) --

# A page written for these tests: roles before names, in apposition, and a name in apposition to its role.
_PAGE = [
    "Harbour board chair Ines Korval said the pier would reopen in May.",
    "“We have the money,” said Tobias Lindgren, a structural engineer at Kellet & Voss, on Monday.",
    "The city’s finance director, Amara Okafor, said the budget allowed for two more inspections.",
    "Korval said the board would meet again on Friday.",
]


def _roles_of(nlp, paras: list[str]) -> dict:
    from claimlight.engine import analyze_doc, parsed
    from claimlight.engine.nlp import parse_each

    with nlp.memory_zone():
        doc = parsed.join(nlp.vocab, [parsed.encode(d) for d in parse_each(nlp, [p + "\n\n" for p in paras[:-1]] + paras[-1:])])
        return roles(analyze_doc(doc))


def test_a_page_read_again_takes_the_kept_findings_and_gets_the_same_roles(nlp, monkeypatch):
    from claimlight.engine import local
    from claimlight.engine import roles as module

    local.forget()
    first = _roles_of(nlp, _PAGE)
    assert first == {"Ines Korval": "Harbour board chair", "Tobias Lindgren": "structural engineer at Kellet & Voss",
                     "Amara Okafor": "city’s finance director"}
    calls = []
    strategies = module.STRATEGIES
    monkeypatch.setattr(module, "STRATEGIES", tuple((lambda f: lambda doc, m: calls.append(f) or f(doc, m))(f) for f in strategies))
    # the same page, grown at its top: every old paragraph moved, none read again
    grown = ["Live: the pier, day three", *_PAGE]
    assert _roles_of(nlp, grown) == first
    assert calls == []
    # an old paragraph edited: the role it now states is read from it, the others are taken as kept
    edited = [*grown[:2], "Tobias Lindgren, a retired engineer, said on Monday that the pier was sound.", *grown[3:]]
    again = _roles_of(nlp, edited)
    local.forget()
    assert again == _roles_of(nlp, edited) == {**first, "Tobias Lindgren": "retired engineer"}
    assert calls
