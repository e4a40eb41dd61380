"""What a verb, an adjective or a doubt reports by the phrase of its preposition, for the rows added to the
lexicon: "seized on the remarks", "pressed her on the deficit", "spar over who pays", "is passionate about
the pier", "have reservations about the levy", and a statement that goes on ("continued to call for").
Invented sentences; the first line of each text is a title, as on a page."""

import pytest

from claimlight.engine.reported import CLAIM_OBJECT, CONCERN_RAISED, CONTENT_OBJECT, PREPOSITION_OBJECT, SOURCE_PHRASE, STANCE_ADJECTIVE

TITLE = "Harbour news\n\n"


@pytest.fixture(scope="module")
def reported(reported_in):
    return lambda text: reported_in(TITLE + text)


@pytest.mark.parametrize(
    "text, clause, rule, speaker",
    [
        ("The opposition quickly seized on the harbour master's remarks about the dredging contract.",
         "the harbour master's remarks about the dredging contract", PREPOSITION_OBJECT, "opposition"),
        ("Councillor Walsh pressed the minister on why the ferry subsidy had been cut.",
         "why the ferry subsidy had been cut", PREPOSITION_OBJECT, "Walsh"),
        ("The two port authorities have sparred over the cost of the new breakwater.", "the cost of the new breakwater", PREPOSITION_OBJECT, "port authorities"),
        ("Fishermen on the north quay continued to call for a full inquiry into the collision.",
         "a full inquiry into the collision", PREPOSITION_OBJECT, "Fishermen"),
        ("The harbour master continued to deny the reports of a leak in the fuel depot.",
         "the reports of a leak in the fuel depot", CONTENT_OBJECT, "the harbour master"),
        ("Councillor Walsh is passionate about the restoration of the old pier.", "the restoration of the old pier", STANCE_ADJECTIVE, "Walsh"),
        ("Many ferry workers have serious reservations about the new shift rota.", "the new shift rota", CONCERN_RAISED, "ferry workers"),
        # a noun of stance with its possessor
        ("Councillor Walsh repeated her attacks on the harbour board at the meeting.", "the harbour board", CLAIM_OBJECT, "Walsh"),
        # a phrase opening the sentence that gives the clause after it to a view's possessor or a poll
        ("By the harbour master's own admission, the dredging will not be finished before the spring tides.",
         "the dredging will not be finished before the spring tides", SOURCE_PHRASE, "harbour master"),
        ("In the latest island poll, Okafor leads Reid by four points among likely voters.",
         "Okafor leads Reid by four points among likely voters", SOURCE_PHRASE, "poll"),
    ],
)
def test_a_phrase_reported(reported, text, clause, rule, speaker):
    found = reported(text)
    assert (clause, rule) in [(c, r) for c, r, _ in found], found
    assert speaker in next(s for c, r, s in found if c == clause)


@pytest.mark.parametrize(
    "text",
    [
        # a statement tried or needed is not made
        "The harbour master tried to deny the reports of a leak in the fuel depot.",
        # "have" with no doubt or worry: nothing put forward
        "Many ferry workers have long shifts on the new rota this winter.",
        # a clause that reports by a verb of its own is that verb's; a view no one holds is no one's
        "In the report, the harbour board says the pier is safe for another decade.",
        "In the view of many, the pier should never have been sold to the developers.",
    ],
)
def test_no_phrase_reported(reported, text):
    assert [r for r in reported(text) if r[1] in (CONTENT_OBJECT, CONCERN_RAISED, PREPOSITION_OBJECT, SOURCE_PHRASE)] == []
