"""Speakers on unseen outlets' habits, one rule at a time (the fifth held-out round): a dateline the parse
makes a subject, a question put to someone inside another's account, a name the parse cut in two, an
office in letters inside a name the model typed an organisation, the titles "Cr" and "Aunty", and a name
the text gives an unnamed person ("whose call sign is …"). Each case is a short invented text where a
careful reader knows who spoke."""

import pytest

# (why, text, the quotation, its speaker)
CASES = [
    (
        "a dateline in capitals is not the subject of the lede's verb",
        "CORK — The Tánaiste, Brendan Ó Laoire, has defended the budget, telling reporters the figures were "
        "\"prudent, not timid\".",
        "\"prudent, not timid\"",
        "Brendan Ó Laoire",
    ),
    (
        "a question put to someone is the asker's words, even when another relays it",
        "Maura Kinsella says a steward once asked her, at the gate, whether she had \"come to the wrong match\". "
        "She complained. Nobody answered.",
        "\"come to the wrong match\"",
        "a steward",
    ),
    (
        "a speech verb in a relative clause on the one spoken to is not the cue of what was told them",
        "At a town hall on Friday, Senator Ruth Okonedo told a student who argued that young people had given up "
        "on elections that \"giving up is exactly what the people in charge are hoping for.\"",
        "\"giving up is exactly what the people in charge are hoping for.\"",
        "Ruth Okonedo",
    ),
    (
        "a hyphenated name cut in two by the parse is still the speaker its pronouns refer to",
        "Priya Hartley-Osei joined the board in 2019.\n\nHartley-Osei says a shareholder once asked her, in a meeting, "
        "whether she was \"the minute-taker\". She laughed it off.\n\n\"I have heard worse,\" she says.",
        "\"I have heard worse,\"",
        "Priya Hartley-Osei",
    ),
    (
        "an office in letters between a party and a name makes the name a person's",
        "Labour MP Deirdre Fallon spoke for an hour. Independent TD Colm Mac Giolla Bhríde followed her.\n\n"
        "\"Nobody in Donegal believes a word of it,\" the TD said.",
        "\"Nobody in Donegal believes a word of it,\"",
        "Colm Mac Giolla Bhríde",
    ),
    (
        "'Cr' is a councillor's title: the name after it is a person's, and 'the councillor' later",
        "Cr Ngaire Paewai moved the motion on Wednesday.\n\nThe councillor, who chairs the parks committee, said the "
        "trees were a hundred years old.\n\n\"You cannot replant a century,\" she said.",
        "\"You cannot replant a century,\"",
        "Ngaire Paewai",
    ),
    (
        "'Aunty' before an elder's name makes her a person and a woman",
        "Aunty Rangi Whaanga, 79, still walks to the beach each morning. Her nephew runs the shop.\n\n"
        "\"The sand has moved a long way since I was young,\" she said.",
        "\"The sand has moved a long way since I was young,\"",
        "Rangi Whaanga",
    ),
    (
        "a call sign is the name of a soldier the text names no other way",
        "The driver, a wiry sergeant whose call sign is Lis, has said nothing all morning. Asked about the road, "
        "he shook his head.\n\n\"Mines,\" he said.",
        "\"Mines,\"",
        "Lis",
    ),
    (
        "a person who gave only a first name is called by it",
        "A mother of three, who gave only her first name, Oksana, waited at the bus stop with two bags.\n\n"
        "\"We leave today or never,\" she said.",
        "\"We leave today or never,\"",
        "Oksana",
    ),
]


@pytest.mark.parametrize("why, text, quoted, speaker", CASES, ids=[c[0] for c in CASES])
def test_the_speaker_a_careful_reader_names(run, why, text, quoted, speaker):
    assert dict(run(text).quotes())[quoted] == speaker


def test_a_dateline_in_a_name_is_still_a_place(run):
    r = run("GALWAY — Councillor Nuala Breathnach said the road would close. \"It has to,\" she said.")
    assert dict(r.quotes())["\"It has to,\""] == "Nuala Breathnach"
