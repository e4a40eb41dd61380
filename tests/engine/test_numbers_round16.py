"""Numeric claims of round 16 (seeds/README.md, "What counts as a numeric claim"): the shapes the
round's budget, election, study, season, results and sentencing stories and round 14's misses showed,
in sentences of our own."""

import pytest

from claimlight.engine import analyze


def numbers(nlp, text: str) -> list[str]:
    return [s.text for s in analyze(text, nlp).spans if s.category.value == "number"]


@pytest.mark.parametrize(
    "text, claim",
    [
        # a number in words of tens and units, which the recogniser reads as a date
        ("“Eighty-three wins is a club record,” the coach said.", "Eighty-three"),
        # a duration in seasons, read as a date
        ("In three seasons she has rebuilt the squad.", "three seasons"),
        # a measure joined to its noun by a hyphen
        ("The final was a four-set thriller in Cebu.", "four"),
        ("The two-dose vaccine is free for pensioners.", "two"),
        # a height in feet and inches, one claim
        ("The 6-foot-2 centre scored 19 points.", "6-foot-2"),
        # a share without "of": after a hedge, before a verb or a comparison
        ("Roughly a fifth will be exported to Italy.", "a fifth"),
        ("Vaccinated patients were a third less likely to fall ill.", "a third"),
        # a unit's "a" with its hedge after it
        ("Three of the nurses were off sick for a month or more.", "a month or more"),
        # a range of a duration in words, which reads like a clock time ("five to seven")
        ("It will take five to seven years for the trout to return.", "seven years"),
        # ages with a hedge
        ("The share of voters aged under 30 rose again.", "under 30"),
        ("Records for people over 85 are less reliable.", "over 85"),
        # ordinals that count
        ("She had her third dose in March.", "third dose"),
        ("The deficit will be the province’s fourth in a row.", "fourth in a row"),
        # set scores in a line, which the recogniser reads as a date
        ("Larkspur won 25-19, 21-25, 25-22, 16-25, 15-11 at the Ninoy Aquino Stadium.", "15-11"),
    ],
)
def test_a_claim_is_found(nlp, text, claim):
    assert any(claim in n or n in claim for n in numbers(nlp, text)), numbers(nlp, text)


@pytest.mark.parametrize(
    "text, not_a_claim",
    [
        # a clock time after "after" or "before"
        ("There is no bus to the market after nine,” she said.", "nine"),
        # a series' format names it, as "the under-20s" names a team
        ("They meet the Rangers in a best-of-seven final.", "seven"),
        ("The best of five series opens on Friday.", "five"),
        # a period or a part of a match after "the first"
        ("She scored only four points in the first two sets.", "two sets"),
        ("Arrivals rose in the first nine months of the year.", "nine months"),
        # a label's number
        ("A Phase 3 trial would take years.", "3"),
        ("Next season No. 7 bats second.", "7"),
        # a date the recogniser reads as a time
        ("The wall gave way on the night of March 3, 2025, after heavy rain.", "3, 2025"),
    ],
)
def test_no_claim_is_found(nlp, text, not_a_claim):
    assert not any(not_a_claim in n for n in numbers(nlp, text)), numbers(nlp, text)


def test_a_height_is_one_claim(nlp):
    found = numbers(nlp, "“We fought,” said the 5-foot-9 libero.")
    assert len(found) == 1 and found[0].startswith("5-foot-9"), found
