"""Numeric claims of round 18 (seeds/README.md, "What counts as a numeric claim"): the shapes the round's
column, obituary, trial, profile, match report, Q&A and restaurant review showed, in sentences of our own."""

import pytest

from claimlight.engine import analyze


def numbers(nlp, text: str) -> list[str]:
    return [s.text for s in analyze(text, nlp).spans if s.category.value == "number"]


@pytest.mark.parametrize(
    "text, claim",
    [
        # how often as "once", with its unit or its hedge
        ("Most adults over 70 fall at least once a year.", "once a year"),
        ("The ferry calls once every two weeks in winter.", "once every two weeks"),
        # a multiple in one word
        ("Rents in the old town rose fourfold in a decade.", "fourfold"),
        ("Cases went up sixfold after the floods.", "sixfold"),
        # an ordinal after a possessive counts what is owned
        ("It was her ninth goal of the campaign.", "ninth goal"),
        ("The club celebrated its third title in five years.", "third title"),
        # a match's minute with the noun left out
        ("Okoro equalised in the 88th with a header.", "88th"),
        ("The visitors scored in the 90th, then held on.", "90th"),
        # a count the recogniser reads into the relative date after it
        ("The council now runs 212 buses, up from 180 last year.", "180"),
        # an age right after "is" whose subject is a name, however the parse hangs the number
        ("Kovalenko is 81 and still rows every morning.", "81"),
    ],
)
def test_a_claim_is_found(nlp, text, claim):
    assert any(claim in n or n in claim for n in numbers(nlp, text)), numbers(nlp, text)


@pytest.mark.parametrize(
    "text, not_a_claim",
    [
        # an hour with its part of the day says when
        ("By six in the morning the queue reached the corner.", "six"),
        ("The last ferry leaves at ten at night.", "ten"),
        # "once" as a conjunction or "formerly"
        ("Once the bridge opens, the ferry will stop.", "Once"),
        ("The mill was once the town's biggest employer.", "once"),
        # "more than once" is as vague as "several times"
        ("The inspectors have been turned away more than once.", "once"),
        # an ordinal that orders the match's goals
        ("After the second goal the home fans went quiet.", "second goal"),
        # a century is no minute: the noun is there
        ("The chapel was built in the 14th century.", "14th"),
    ],
)
def test_no_claim_is_found(nlp, text, not_a_claim):
    assert not any(not_a_claim in n for n in numbers(nlp, text)), numbers(nlp, text)
