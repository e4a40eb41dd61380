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
