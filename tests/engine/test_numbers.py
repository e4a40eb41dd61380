"""Numeric claims: what counts something, and numbers that state nothing."""

import pytest

from claimlight.engine import analyze


def numbers(nlp, text: str) -> list[str]:
    return [s.text for s in analyze(text, nlp).spans if s.category.value == "number"]


@pytest.mark.parametrize(
    "text, claim",
    [
        ("The council will spend up to $4 million on the pier.", "up to $4 million"),
        ("It took Riverside 58 minutes to score.", "58 minutes"),
        ("Turnout fell to 41 per cent.", "41 per cent"),
    ],
)
def test_a_count_is_a_claim(nlp, text, claim):
    assert claim in numbers(nlp, text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ukraine could invoke Article 5 of the treaty.", "5"),
        ("Commuters on Route 9 waited in the rain.", "9"),
    ],
)
def test_the_number_of_a_name_is_no_claim(nlp, text, name):
    assert not any(name in n for n in numbers(nlp, text))
