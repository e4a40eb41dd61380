"""Reported speech whose cue stands apart from what it reports: a verb and its subject set off before the
clause ("In May, advisers to the mayor say, she…"), or in a clause of "as" ("As the pilots have pointed
out, the channel…"). Invented sentences; the first line of each text is a title, as on a page."""

import pytest

from claimlight.engine.reported import AS_CLAUSE, FRONTED_VERB

TITLE = "Harbour news\n\n"


@pytest.fixture(scope="module")
def reported(reported_in):
    return lambda text: reported_in(TITLE + text)


@pytest.mark.parametrize(
    "text, clause, rule, speaker",
    [
        ("Advisers to the mayor say, the harbour master has grown weary of the long dredging dispute.",
         "the harbour master has grown weary of the long dredging dispute", FRONTED_VERB, "Advisers"),
        ("As several ferry pilots have pointed out, the new channel is too shallow for the larger boats at low tide.",
         "the new channel is too shallow for the larger boats at low tide", AS_CLAUSE, "pilots"),
        ("The ferry will be late again this winter, as the harbour master predicted on Monday.",
         "The ferry will be late again this winter", AS_CLAUSE, "the harbour master"),
        ("As the inspectors noted in their letter, the pier has not been painted since the storm.",
         "the pier has not been painted since the storm", AS_CLAUSE, "the inspectors"),
    ],
)
def test_a_cue_apart_from_its_clause(reported, text, clause, rule, speaker):
    found = reported(text)
    assert (clause, rule) in [(c, r) for c, r, _ in found], found
    assert speaker in next(s for c, r, s in found if c == clause)


@pytest.mark.parametrize(
    "text",
    [
        # "as" of time, and "as" with what is said of its own: nothing given to the clause beside it
        "As the harbour master spoke, the crowd on the pier grew quiet and the rain stopped.",
        "As the pilots told the story of the storm, the ferry left the quay without them.",
        # no one says: "as expected" has no subject
        "As expected, the ferry left the quay an hour late because of the fog.",
    ],
)
def test_no_cue_apart_from_its_clause(reported, text):
    assert [r for r in reported(text) if r[1] in (AS_CLAUSE, FRONTED_VERB)] == []
