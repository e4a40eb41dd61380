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
        # amounts in other currencies, by symbol, code or letter
        ("The district was promised Rs 4,200 crore for repairs.", "Rs 4,200 crore"),
        ("The board approved KSh 300 million for the clinics.", "KSh 300 million"),
        ("The contract is worth ₦2.5bn over three years.", "₦2.5bn"),
        ("The utility lost R1.4 billion last year.", "R1.4 billion"),
        # the recogniser reads this one as an organisation's name
        ("He said an NRP government would set aside GH₵4 billion in its first budget.", "GH₵4 billion"),
        # ratios, temperatures, shares after "by"
        ("Nine out of ten teachers said the rooms were too hot.", "Nine out of ten teachers"),
        ("One in five pupils missed a week.", "One in five pupils"),
        ("Temperatures reached 46°C in the capital.", "46°C"),
        ("Rents rose by a quarter in a year.", "a quarter"),
    ],
)
def test_a_count_is_a_claim(nlp, text, claim):
    assert any(claim in n for n in numbers(nlp, text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ukraine could invoke Article 5 of the treaty.", "5"),
        ("Commuters on Route 9 waited in the rain.", "9"),
    ],
)
def test_the_number_of_a_name_is_no_claim(nlp, text, name):
    assert not any(name in n for n in numbers(nlp, text))


def test_a_share_is_no_ratio(nlp):
    # "in six weeks" after a share is when, not the second half of a ratio as in "one in five"
    found = numbers(nlp, "Prices rose by a quarter in six weeks.")
    assert "a quarter" in found and not any("quarter in" in n for n in found)
