"""Reported speech of round 18 (seeds/README.md): a study's authors reporting a figure as the object of
"report", a question put to the main clause's subject by an interviewer ("Asked what …, he said"), and
an infinitive of degree ("too rare to say whether …") that nobody says. Sentences of our own."""

import pytest

from claimlight.engine.reported import FINDING


@pytest.fixture(scope="module")
def reported(reported_in):
    return reported_in


@pytest.mark.parametrize(
    "text, clause, speaker",
    [
        ("The authors report a hazard ratio of 0.74 for those who walked daily.", "a hazard ratio of 0.74", "authors"),
        ("In the paper, the researchers report a 12 per cent drop in admissions.", "a 12 per cent drop in admissions", "researchers"),
    ],
)
def test_authors_report_a_finding(reported, text, clause, speaker):
    found = reported(text)
    assert any(c.startswith(clause) and r == FINDING and speaker in s.lower() for c, r, s in found), found


def test_a_company_reporting_results_is_no_finding(reported):
    # the seeds leave a company's results out of reported speech ("reported a 14 per cent fall in profit")
    found = reported("The brewer reported a 9 per cent rise in annual profit on Tuesday.")
    assert not any(r == FINDING for _, r, _ in found), found


@pytest.mark.parametrize(
    "text, question, answer",
    [
        ("Asked what made a good ferry skipper, she said it was mostly patience.", "what made a good ferry skipper", "it was mostly patience"),
        ("Asked by reporters whether he would resign, the minister said he had done nothing wrong.",
         "he would resign", "he had done nothing wrong"),
    ],
)
def test_a_question_put_to_the_subject_is_not_theirs(reported, text, question, answer):
    found = reported(text)
    clauses = [c for c, _, _ in found]
    assert not any(question in c for c in clauses), found
    assert any(c.startswith(answer) for c in clauses), found


@pytest.mark.parametrize(
    "text, question, speaker",
    [
        ("The senator asked whether the hospital would stay open.", "the hospital would stay open", "senator"),
        ("Having asked whether the hospital would stay open, the senator left.", "the hospital would stay open", "senator"),
    ],
)
def test_the_subject_asking_is_still_reported(reported, text, question, speaker):
    found = reported(text)
    assert any(c.startswith(question) and speaker in s.lower() for c, _, s in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Deaths were too few, four in one ward and six in the other, to say whether the drug helped.",
        "The samples were too small to tell whether the water was safe.",
    ],
)
def test_an_infinitive_of_degree_reports_nothing(reported, text):
    assert reported(text) == [], reported(text)

