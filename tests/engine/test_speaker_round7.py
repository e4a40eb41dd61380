"""Speakers on the seventh held-out round's habits, one rule at a time: men's given names ending in -a
(a guess of "she" that the text's own "he" overrules), an age in an apposition that makes a name a
person's, the words of banners and placards, broader words for a scientist, a prelate and an airline, a
title the recogniser folds into a body's name, "the father of four" for a man the text gave a trade,
"the veteran", and a "they" that speaks as one person. Each case is a short invented text where a
careful reader knows who spoke."""

import pytest

# (why, text, the quotation, its speaker)
CASES = [
    (
        "a given name ending in -a is only a guess of 'she': the text's 'he' right after it overrules it",
        "The boat left Apia at dawn, and Sefo Lauina was already at the wheel of the launch.\n\n"
        "\"We go before the wind comes. The reef does not forgive,\" he says, pointing at the white water.",
        "\"We go before the wind comes. The reef does not forgive,\"",
        "Sefo Lauina",
    ),
    (
        "the guess still leans: with a man in view, 'he' is him, not the woman whose name ends in -a",
        "Dilnoza Karimova met Bakhyt Ospan at the market on Monday.\n\n\"We need generators,\" he said.",
        "\"We need generators,\"",
        "Bakhyt Ospan",
    ),
    (
        "... and 'she' is the woman whose name ends in -a",
        "Ruslana Beketova met Bakhyt Ospan at the market on Monday.\n\n\"We need generators,\" she said.",
        "\"We need generators,\"",
        "Ruslana Beketova",
    ),
    (
        "an age in an apposition makes the name a person's, and 'the 31-year-old' that person",
        "Maura Kewley, a retired midwife, topped the poll. Orrin Quilliam, a 31-year-old software developer, "
        "took the second seat.\n\n\"I did not expect this,\" the 31-year-old said.",
        "\"I did not expect this,\"",
        "Orrin Quilliam",
    ),
    (
        "'the scientist' for a plant pathologist",
        "Dr Grace Atuhaire, a plant pathologist at the institute, said the fungus travelled on tools.\n\n"
        "\"Clean the blade before you touch a healthy tree,\" the scientist said.",
        "\"Clean the blade before you touch a healthy tree,\"",
        "Grace Atuhaire",
    ),
    (
        "'the prelate' for an archbishop, whose title the recogniser folds into a body's name",
        "The Anglican Archbishop of Honiara, Peter Tovua, preached at the cathedral on Sunday.\n\n"
        "\"Put down the machetes,\" the prelate told the congregation.",
        "\"Put down the machetes,\"",
        "Peter Tovua",
    ),
    (
        "'the father of four' for a man the text gave a trade",
        "Khalid Al Shamsi, a 48-year-old surveyor in Ajman, was not convinced.\n\n"
        "\"It counted my steps while I was driving,\" the father of four says.",
        "\"It counted my steps while I was driving,\"",
        "Khalid Al Shamsi",
    ),
    (
        "'the veteran' for the member who has just lost his seat",
        "Corin Faragher, a teacher, took the seat from the sitting member Ewan Crellin.\n\n"
        "Crellin, who had held the seat for twelve years, was gracious in defeat.\n\n"
        "\"The voters were clear,\" the veteran said.",
        "\"The voters were clear,\"",
        "Ewan Crellin",
    ),
    (
        "'the airline' for a name ending in 'Airways', not the flight the text names after it",
        "Nine people were hurt after a Coral Sea Airways flight hit turbulence, the airline said.\n\n"
        "Flight CS412 was carrying 180 passengers.\n\n"
        "\"We are deeply sorry,\" the airline said in a statement.",
        "\"We are deeply sorry,\"",
        "Coral Sea Airways",
    ),
    (
        "'the minister' for a 'Minister for Health …', the office's portfolio between title and name",
        "Minister for Health Grainne Dolan, who opened the ward, promised more beds.\n\n"
        "\"The money is there,\" the minister said.",
        "\"The money is there,\"",
        "Grainne Dolan",
    ),
    (
        "'Minister of State for Agriculture …': the portfolio is no part of the name",
        "Minister of State for Agriculture Joseph Wamala, who attended the meeting, promised more seedlings.\n\n"
        "\"The seedlings are in the nurseries,\" the minister said.",
        "\"The seedlings are in the nurseries,\"",
        "Joseph Wamala",
    ),
    (
        "'the lecturer' for a man the text says 'lectures'",
        "Martin Cheung, who lectures in structural engineering at a university in Kowloon, inspected the bridge.\n\n"
        "\"The cracks are old,\" he said.\n\n\"Nobody needs to panic,\" the lecturer added.",
        "\"Nobody needs to panic,\"",
        "Martin Cheung",
    ),
    (
        "'the organiser' for the name in apposition to 'The regional organiser of … in …'",
        "The regional organiser of the Kavango Farmworkers Union in Rundu, Matheus Hamutenya, said members "
        "would strike.\n\n\"We have waited long enough,\" the organiser added.",
        "\"We have waited long enough,\"",
        "Matheus Hamutenya",
    ),
    (
        "a 'they' that speaks as 'I' is the person the paragraph before is about",
        "Alex Moreau, a doctoral student in Doha, wore the watch through a month of night shifts.\n\n"
        "\"It woke me at the worst possible moment, every single time,\" they say.",
        "\"It woke me at the worst possible moment, every single time,\"",
        "Alex Moreau",
    ),
    (
        "'they added' carries on the quotation of a person the text never called 'he' or 'she'",
        "The bus company said the driver had been suspended.\n\n"
        "\"The driver was on the phone the whole way,\" said Robin Kaur, a passenger.\n\n"
        "\"Nobody from the company has called us,\" they added.",
        "\"Nobody from the company has called us,\"",
        "Robin Kaur",
    ),
]


@pytest.mark.parametrize("why, text, quoted, speaker", CASES, ids=[c[0] for c in CASES])
def test_the_speaker_a_careful_reader_names(run, why, text, quoted, speaker):
    assert dict(run(text).quotes())[quoted] == speaker


def test_a_they_that_speaks_as_one_person_is_no_body(run):
    """With no person in view, a "they" speaking as "I" is left unnamed rather than given to the airline."""
    text = (
        "The airline said the flight had been cancelled because of the storm.\n\n"
        "\"I waited nine hours with two children,\" they said."
    )
    speaker = dict(run(text).quotes())["\"I waited nine hours with two children,\""]
    assert speaker is None or "airline" not in speaker.lower()


def test_residents_speaking_as_i_stay_residents(run):
    text = "Residents of the street were angry. \"I have lived here for forty years,\" they said."
    assert dict(run(text).quotes())["\"I have lived here for forty years,\""] == "Residents of the street"


def test_an_aged_developer_is_a_person(run):
    r = run("Orrin Quilliam, a 31-year-old software developer, took the second seat.")
    assert "Orrin Quilliam" in r.texts("person")


@pytest.mark.parametrize(
    "text, words",
    [
        ("Teachers gathered outside the office with a banner reading \"Consult us first\".", "\"Consult us first\""),
        ("Young farmers held up a placard that read \"No seedlings, no votes\".", "\"No seedlings, no votes\""),
        ("At the pass the board put up a sign that asks walkers to \"carry in, carry out\".", "\"carry in, carry out\""),
    ],
    ids=["a banner reading", "a placard that read", "a sign that asks"],
)
def test_words_of_signs_are_not_speech(run, text, words):
    assert words not in [q for q, _ in run(text).quotes()]


def test_the_second_of_two_provinces_is_a_place(run):
    r = run("The bishop called on leaders in Simbu and Jiwaka provinces to end the fighting.")
    assert "Jiwaka" in r.texts("place")
    assert "Jiwaka" not in r.texts("person")


def test_a_he_is_not_the_previous_speaker_whose_name_says_she(run):
    """For want of anyone in view, "he" does not fall back on the previous speaker whose given name
    ends in -a: the guess still counts against a fallback, if not against an antecedent right before."""
    text = "\"We need generators,\" Olena Kravets said on Monday.\n\n\"The grid will not last the winter,\" he said."
    assert dict(run(text).quotes())["\"The grid will not last the winter,\""] != "Olena Kravets"
