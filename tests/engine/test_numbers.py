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


# -- The definition in seeds/README.md ("What counts as a numeric claim"), case by case ------------


@pytest.mark.parametrize(
    "text, claim",
    [
        # ages, which the recogniser reads as dates, in the forms news gives them
        ("Priya Nandakumar, 64, chairs the residents' group.", "64"),
        ("The caretaker, now 83, still opens the hall.", "83"),
        ("The ferryman, aged 66, retires on Friday.", "66"),
        ("Tobias Renner died at the age of 92.", "92"),
        ("She moved to Glasgow at 17 and never left.", "17"),
        ("He was 58 when the mill closed.", "58"),
        ("Her daughter was six at the time of the flood.", "six"),
        ("The 19-year-old was arrested on Monday.", "19-year-old"),
        # multiples and changes
        ("Bus fares have nearly doubled since the spring.", "nearly doubled"),
        ("Waiting lists halved in a year.", "halved"),
        ("Admissions at the clinic double every winter.", "double"),
        # number words past twelve, and hundreds
        ("The inquiry sat for seventeen days.", "seventeen days"),
        ("The abbey has stood for seven hundred years.", "seven hundred years"),
        ("Thieves took less than three hundred dollars from the till.", "three hundred dollars"),
        # a currency's letters against the figure
        ("The council approved R3.6bn for new pipes.", "R3.6bn"),
        ("She borrowed Shs5 million from a savings group.", "Shs5 million"),
        ("The levy would raise RM12 million a year.", "RM12 million"),
        # ordinals that count, and placings
        ("The union walked out for a third time this year.", "third time"),
        ("The strike entered its fourth week on Monday.", "fourth week"),
        ("Lindell scored the winner in the 72nd minute.", "72nd minute"),
        ("The Rovers finished seventh last season.", "finished seventh"),
        # a unit's "a" with a hedge
        ("The bridge has been closed for more than a decade.", "more than a decade"),
        ("Repairs would start within a month.", "within a month"),
        ("The agency asked to extend the deadline by a year.", "by a year"),
    ],
)
def test_a_claim_by_the_definition(nlp, text, claim):
    assert any(claim in n for n in numbers(nlp, text)), numbers(nlp, text)


@pytest.mark.parametrize(
    "text, not_a_claim",
    [
        # clock times say when
        ("The polls close at 10 p.m. on Thursday.", "10"),
        ("The first train leaves at 05:40 and the last at 23:10.", "40"),
        ("The shop opens at nine and closes at six.", "nine"),
        ("The shop opens at nine and closes at six.", "six"),
        ("We met at three o'clock by the gate.", "three"),
        ("The bus comes at ten to seven most days.", "seven"),
        # a reporting period says when
        ("Profit for the first six months rose to $40 million.", "six"),
        ("Revenue for the three months to June fell.", "three"),
        # labels and identifiers
        ("Her son is in class eight at the local school.", "eight"),
        ("Turn to page three of the report.", "three"),
        ("Call Crime Stoppers on 800-TIPS with any information.", "800"),
        # a part of a match or a period, not a share
        ("Rovers scored twice after half-time.", "half"),
        ("The club had a poor second half of the season.", "half"),
        # figures of speech
        ("One day I will open my own bakery, she said.", "One"),
        ("I did not think twice about it.", "twice"),
        # years, alone or as a range
        ("The average for the 2010–2019 period was lower.", "2010"),
    ],
)
def test_no_claim_by_the_definition(nlp, text, not_a_claim):
    assert not any(not_a_claim in n for n in numbers(nlp, text)), numbers(nlp, text)


def test_a_count_after_a_name_is_no_age(nlp):
    # "Gibraltar 164 homes": a number with what it counts after it is a count, never an age
    found = numbers(nlp, "Priya Nandakumar, 64 flats and a shop, said the developer.")
    assert not any(n == "64" for n in found)


def test_both_ages_of_a_couple(nlp):
    found = numbers(nlp, "Mr and Mrs Osei, who are 80 and 77, still run the stall.")
    assert any("80" in n for n in found) and any("77" in n for n in found)


def test_a_share_still_counts_and_a_rise_by_half(nlp):
    found = numbers(nlp, "Half of the stalls closed, and rents rose by half.")
    assert sum("alf" in n for n in found) == 2
