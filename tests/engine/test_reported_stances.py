"""Stances towards someone or something, reported without a clause: a name alone as what a stance is towards
("endorsed Okafor", "is critical of Reid"), and a noun for one who holds a stance ("a staunch opponent of the
levy"). Invented sentences; the first line of each text is a title, as on a page."""

import pytest

from claimlight.engine.reported import CONTENT_OBJECT, STANCE_ADJECTIVE, STANCE_NOUN

TITLE = "Harbour news\n\n"


@pytest.fixture(scope="module")
def reported(reported_in):
    return lambda text: reported_in(TITLE + text)


@pytest.mark.parametrize(
    "text, clause, rule, speaker",
    [
        ("The dockworkers' union has endorsed Amara Okafor in the race for harbour master.", "Amara Okafor", CONTENT_OBJECT, "union"),
        ("Councillor Brenda Walsh has long been critical of Tomas Reid.", "Tomas Reid", STANCE_ADJECTIVE, "Walsh"),
        ("Tomas Reid is a staunch opponent of the new ferry levy.", "the new ferry levy", STANCE_NOUN, "Reid"),
        ("Brenda Walsh, a longtime critic of the harbour board, voted against the budget on Tuesday.", "the harbour board", STANCE_NOUN, "Walsh"),
    ],
)
def test_a_stance_towards_a_name_or_a_phrase(reported, text, clause, rule, speaker):
    found = reported(text)
    assert (clause, rule) in [(c, r) for c, r, _ in found], found
    assert speaker in next(s for c, r, s in found if c == clause)


@pytest.mark.parametrize(
    "text",
    [
        # a short object that is no name is still too short to be a report
        "The harbour board endorsed it on Tuesday after a long debate.",
        # a noun of stance that is no one's: not after "be", not beside anyone
        "Opponents of the levy gathered on the quay before the vote on Tuesday.",
    ],
)
def test_no_stance_reported(reported, text):
    assert [r for r in reported(text) if r[1] in (CONTENT_OBJECT, STANCE_NOUN)] == []
