"""Reported speech of round 16 (seeds/README.md): a clause that sits a partial quotation in it, the
courts' "deposed that", a forecast as the object of "expects", and a headline's trailing cue that is
no clause of the verb before it. Sentences of our own."""

import pytest

from claimlight.engine.reported import CONTENT_OBJECT, REPORTING_VERB


@pytest.fixture(scope="module")
def reported(reported_in):
    return reported_in


@pytest.mark.parametrize(
    "text, clause, speaker",
    [
        # a clause that opens with its own subject before a partial quotation is reported speech with
        # the quotation in it
        ("The Kilkenny Anglers said in a statement that the fine “will not bring back a single salmon.”",
         "the fine “will not bring back a single salmon", "Kilkenny Anglers"),
        ("The coastguard said in its statement that it would keep “watching every cove on the coast.”",
         "it would keep “watching every cove on the coast", "coastguard"),
    ],
)
def test_a_clause_with_a_partial_quotation_is_reported(reported, text, clause, speaker):
    found = reported(text)
    assert any(c.startswith(clause) and r == REPORTING_VERB and speaker.lower() in s.lower() for c, r, s in found), found


def test_a_quotation_alone_is_not_reported_again(reported):
    # the clause is the quotation, opening with its mark: a quote, not reported speech
    found = reported("The mayor said “we will rebuild every bridge in the district before winter.”")
    assert not any(r == REPORTING_VERB for _, r, _ in found), found


def test_deposed_that_reports_a_witness(reported):
    found = reported("The site supervisor, examined as prosecution witness PW-4, deposed that he had warned the contractor twice.")
    assert ("he had warned the contractor twice", REPORTING_VERB) in [(c, r) for c, r, _ in found], found


def test_deposed_without_that_reports_nothing(reported):
    found = reported("The regime was deposed in a coup that lasted two days.")
    assert found == [], found


def test_a_forecast_is_what_expects_reports(reported):
    found = reported("The cooperative now expects a harvest of about 40,000 tonnes, down from 52,000 last year.")
    assert any(c.startswith("a harvest of about 40,000 tonnes") and r == CONTENT_OBJECT for c, r, _ in found), found


def test_a_headline_cue_after_the_comma_is_not_reported(reported):
    found = reported("Mill owner ignored warnings about the boiler, inspector tells inquiry\n\nThe inquiry resumes on Monday.")
    assert not any(c == "inspector tells inquiry" for c, _, _ in found), found


@pytest.mark.parametrize(
    "text, clause, speaker",
    [
        ("The two newspapers filed a motion to unseal the court records.", "to unseal the court records", "newspapers"),
        ("The mayor announced plans to close the old ferry terminal by June.", "to close the old ferry terminal by June", "mayor"),
    ],
)
def test_an_intention_put_forward_is_its_subject_s(reported, text, clause, speaker):
    found = reported(text)
    assert any(clause in c and speaker in s.lower() for c, _, s in found), found


def test_an_intention_not_put_forward_is_no_one_s(reported):
    found = reported("Ferry terminal to close\n\nThe mayor did not unveil plans to pay for the new terminal.")
    assert not any("to pay for the new terminal" in c for c, _, _ in found), found


def test_that_on_the_subject_still_opens_the_clause(reported):
    found = reported("Auditors have discovered that payments to the contractor were made twice.")
    assert any(c.startswith("payments to the contractor were made twice") for c, _, _ in found), found
