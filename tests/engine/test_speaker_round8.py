"""Speakers on the eighth held-out round's habits, one rule at a time: "Hon." before a member's name, a
title set off before an honorific ("the Speaker, Hon. …"), a role whose name the parse hangs on a phrase
after it ("The architect for the scheme, …,") or takes for its object ("Rovers coach …"), the Crown
Counsel who is "the prosecutor" and the reverend who is "the pastor", a possessive bound by its own
clause's subject, a "they" that stands for one person, a statement that speaks for its writer, a verb of
speech the tagger called a noun, and a quotation talked about as a phrase. Each case is a short
invented text where a careful reader knows who spoke."""

import pytest

# (why, text, the quotation, its speaker)
CASES = [
    (
        "'Hon.' is an honorific, not the end of a sentence",
        "\"The clinic will open in March,\" said Hon. Marlene Cadogan, the Member for St Lucy.",
        "\"The clinic will open in March,\"",
        "Marlene Cadogan",
    ),
    (
        "a minister named after 'Hon.' is a person 'he' may stand for",
        "The Minister of Health, Hon. Desmond Payne-Clarke, rose to reply.\n\n\"The nurses are being hired,\" he said.",
        "\"The nurses are being hired,\"",
        "Desmond Payne-Clarke",
    ),
    (
        "'the Speaker' for the name after 'the Speaker, Hon.'",
        "\"Silence in the gallery,\" said the Speaker, Hon. Joan Athill, rising from her chair.\n\n"
        "\"I will have it cleared,\" the Speaker said.",
        "\"I will have it cleared,\"",
        "Joan Athill",
    ),
    (
        "a role whose name hangs on the phrase after it: the name is who 'she' stands for",
        "The architect for the scheme, Marie-Claire Azzopardi, said the design had been cut.\n\n\"We have listened,\" she said.",
        "\"We have listened,\"",
        "Marie-Claire Azzopardi",
    ),
    (
        "a role noun before a name the parse took for its object, and 'his' in that subject's own clause: "
        "the coach, not the man sent off, whatever a given name's ending guesses",
        "The game turned after an hour. Tafadzwa Moyo, already booked, went through the back of Chivasa, and referee Gift "
        "Ncube showed him a second yellow card.\n\nCity coach Simba Gumbo, whose side are second, thought his team should "
        "have had a penalty before then, when Chivasa went down in the box.\n\n\"Everyone in the ground saw it,\" he said.",
        "\"Everyone in the ground saw it,\"",
        "Simba Gumbo",
    ),
    (
        "'the prosecutor' for Crown Counsel",
        "The letter was read to the jury by Crown Counsel Dainton Reid. The prosecutor asked for a custodial sentence.\n\n"
        "\"There was no remorse at any point,\" he said.",
        "\"There was no remorse at any point,\"",
        "Dainton Reid",
    ),
    (
        "a given name the recogniser cut off stands between a title and the rest of the name: the title is theirs",
        "Taoiseach Ciarán Doyle was asked about housing on Tuesday.\n\n“We are building more homes than ever,” the Taoiseach said.",
        "“We are building more homes than ever,”",
        "Doyle",
    ),
    (
        "'the pastor' for a reverend",
        "Rev. Talia Mose, who leads the choir, said the hall would stay open.\n\n\"Everyone is welcome,\" the pastor said.",
        "\"Everyone is welcome,\"",
        "Talia Mose",
    ),
    (
        "'one supporter', unnamed, is someone 'he' may stand for",
        "In the stand behind the home bench, one supporter was less interested in the referee.\n\n"
        "\"We had twenty shots and scored once,\" he said.",
        "\"We had twenty shots and scored once,\"",
        "supporter",
    ),
    (
        "a statement speaks for the one who wrote it, not for whoever read it out",
        "The victim's uncle, Arnold Pryce, was not in court. A statement he wrote was read to the court by Crown Counsel "
        "Lisa Grant.\n\n\"I will not come to another funeral like this one,\" it said.",
        "\"I will not come to another funeral like this one,\"",
        "Arnold Pryce",
    ),
]


@pytest.mark.parametrize("why, text, quoted, speaker", CASES, ids=[c[0] for c in CASES])
def test_the_speaker_a_careful_reader_names(run, why, text, quoted, speaker):
    got = dict(run(text).quotes())[quoted]
    assert got is not None and speaker in got


def test_a_title_the_recogniser_takes_for_a_body_is_not_it(run):
    """With no statement's writer in view, "it" is left unnamed rather than given to "Crown Counsel"."""
    text = "A statement was read to the court by Crown Counsel Lisa Grant.\n\n\"I have forgiven nobody,\" it said."
    speaker = dict(run(text).quotes())["\"I have forgiven nobody,\""]
    assert speaker is None or "Counsel" not in speaker


def test_a_person_called_they_is_not_the_next_she(run):
    text = (
        "Another resident, Sam Okafor, said they were worried.\n\n\"I will need the lights on at noon,\" they said.\n\n"
        "The council said it would publish the studies.\n\n\"We will listen,\" she said."
    )
    speaker = dict(run(text).quotes())["\"We will listen,\""]
    assert speaker is None or "Okafor" not in speaker


def test_a_quotation_that_is_a_phrase_talked_about_is_no_quote(run):
    text = "\"Work in progress\" is a phrase the council has used about the harbour wall for six years."
    assert "\"Work in progress\"" not in [q for q, _ in run(text).quotes()]


def test_words_of_a_petition_headed_are_no_quote(run):
    text = "Several residents carried copies of a petition headed \"Keep Our Views\", which had 900 signatures."
    assert "\"Keep Our Views\"" not in [q for q, _ in run(text).quotes()]
