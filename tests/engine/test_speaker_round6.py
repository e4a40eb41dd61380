"""Speakers on the sixth held-out round's habits, one rule at a time: police ranks and Scottish court
titles, a role word at a sentence's start, demonyms and sports writers' words for a coach, a body named
in apposition to its description, a statement "from" someone read out by another, Malay honorifics and
patronymics, people a feature calls by first name only, and pronouns that must not cross genders. Each
case is a short invented text where a careful reader knows who spoke."""

import pytest

# (why, text, the quotation, its speaker)
CASES = [
    (
        "'Sri Lanka' is a country, not 'Sri' (an honorific) and a man called Lanka; 'spokesman' before 'Dr.' says he",
        "Dengue has spread across Sri Lanka this year.\n\nHealth Ministry spokesman Dr. Chaminda Perera said the "
        "count had doubled.\n\n\"Every household must clear standing water,\" he said.",
        "\"Every household must clear standing water,\"",
        "Chaminda Perera",
    ),
    (
        "'Snr Supt' is a senior superintendent's rank, and 'the senior superintendent' later",
        "Snr Supt Anil Persad, who leads the inquiry, spoke to reporters on Monday.\n\n"
        "\"We have no suspect yet,\" the senior superintendent said.",
        "\"We have no suspect yet,\"",
        "Anil Persad",
    ),
    (
        "'Sheriff' before a name is a title, and 'the sheriff' later",
        "Sheriff Fiona Lamont imposed a community payback order.\n\n\"You were lucky,\" the sheriff told him.",
        "\"You were lucky,\"",
        "Fiona Lamont",
    ),
    (
        "'the fiscal said' with the role noun parsed as an adjective of the verb",
        "Depute fiscal Gordon Laird said the car had been travelling at speed.\n\n"
        "\"He did not stop at the junction,\" the fiscal said.",
        "\"He did not stop at the junction,\"",
        "Gordon Laird",
    ),
    (
        "a role word capitalised at a sentence's start still names the role",
        "Economist Helen Gatt said rents would keep rising.\n\n\"The numbers do not lie,\" the economist said.",
        "\"The numbers do not lie,\"",
        "Helen Gatt",
    ),
    (
        "'the Tongan' is an epithet for the player already named, not a name",
        "Paul Fonua scored twice in the second half.\n\n\"We wanted it more,\" the Tongan said.",
        "\"We wanted it more,\"",
        "Paul Fonua",
    ),
    (
        "'mentor' is a sports writer's word for the coach",
        "Head coach Simon Crane was unhappy with the handling.\n\n\"We were sloppy,\" the Kiwi-born mentor said.",
        "\"We were sloppy,\"",
        "Simon Crane",
    ),
    (
        "a body named in apposition to its description speaks under its name",
        "The country's banking regulator, the Finance Supervisory Board, said in a statement that it was reviewing "
        "the outage.\n\n\"We expect a full account,\" the statement said.",
        "\"We expect a full account,\"",
        "Finance Supervisory Board",
    ),
    (
        "'her statement' is the one brought in as 'from' a woman, not the woman reading it out",
        "Ms Dunne read part of a statement from Mrs Okoro, who was not in court.\n\n"
        "\"I still cannot sleep,\" her statement read.",
        "\"I still cannot sleep,\"",
        "Okoro",
    ),
    (
        "a 'who' clause that says 'her' makes the name before it a person's",
        "Among the crowd was Mereani Tora, who had come from Nadi with her two daughters.\n\n"
        "\"I have no voice left,\" she said.",
        "\"I have no voice left,\"",
        "Mereani Tora",
    ),
    (
        "'binti' joins a Malay given name to her father's: one name, called by the given name",
        "Association chairman Rohani binti Yusof said members were angry.\n\n\"We were never asked,\" she said.",
        "\"We were never asked,\"",
        "Rohani binti Yusof",
    ),
    (
        "'Tan Sri' is one honorific of either gender, not a name",
        "Former chief secretary Tan Sri Azizah Hamid said the drains were old.\n\n\"Nobody maintained them,\" she said.",
        "\"Nobody maintained them,\"",
        "Azizah Hamid",
    ),
    (
        "a qualifying role word names the person too: a consultant physician is 'the consultant'",
        "\"We are full,\" said Dr. Mala Herath, the consultant physician on the ward.\n\n"
        "The hospital's director, Dr. Ruwan Silva, said beds would be moved.\n\n"
        "\"Families take children home too early,\" the consultant said.",
        "\"Families take children home too early,\"",
        "Mala Herath",
    ),
    (
        "a first name with an age between commas is a person the feature calls by it",
        "The conductor, Non Davies, is a former teacher.\n\nGwen, 80, has sung alto for decades.\n\n"
        "\"Nobody said a word to me,\" she says.",
        "\"Nobody said a word to me,\"",
        "Gwen",
    ),
    (
        "a first name with a 'who' clause saying what she is: a person the feature calls by it",
        "The chapel is cold on a Tuesday. Next to the piano sits Carys, who at 19 is the choir's youngest singer.\n\n"
        "\"They spoil me,\" she says.",
        "\"They spoil me,\"",
        "Carys",
    ),
]


@pytest.mark.parametrize("why, text, quoted, speaker", CASES, ids=[c[0] for c in CASES])
def test_the_speaker_a_careful_reader_names(run, why, text, quoted, speaker):
    assert dict(run(text).quotes())[quoted] == speaker


def test_sri_lanka_is_a_place_not_a_person(run):
    r = run("Tea prices in Sri Lanka rose again. \"It is the rain,\" said a broker in Colombo.")
    assert "Lanka" not in [s.text for s in r.spans("person")]


def test_she_is_not_the_man_the_text_just_called_he(run):
    """With the woman out of view, "she retorted" is not the previous speaker when the text has just
    called him "he": no name is better than his."""
    text = (
        "Klang MP Sarojini Pillai said the levy was a tax by another name.\n\n"
        "The levy would be collected with the quarterly bills. Officials expect sixty thousand premises to pay. "
        "The first pump house could open next year. Two ponds would follow.\n\n"
        "Zulkifli Omar dismissed the claim at a briefing. The rates were set by floor area, officials said. "
        "\"That is not true,\" he said.\n\n"
        "\"Then publish the rates today,\" she retorted."
    )
    quotes = dict(run(text).quotes())
    assert quotes["\"That is not true,\""] == "Zulkifli Omar"
    assert quotes["\"Then publish the rates today,\""] != "Zulkifli Omar"


@pytest.mark.parametrize(
    "text, words",
    [
        ("A banner outside the town hall reads \"Save Our Pier\". Residents have gathered there every Sunday.", "\"Save Our Pier\""),
        ("Near the clinic, a poster urges mothers to \"Check, Clean, Cover\" every week.", "\"Check, Clean, Cover\""),
        ("Customers were shown the message \"Service temporarily unavailable\" for most of the morning.", "\"Service temporarily unavailable\""),
        ("The court heard that the dog, a bull terrier called \"Rocky\", had escaped twice before.", "\"Rocky\""),
        (
            "She pointed to a 2021 council study, \"Homes for the People Who Work Here\", whose findings she said were ignored.",
            "\"Homes for the People Who Work Here\"",
        ),
    ],
    ids=["a banner's words", "a poster's words", "an error message", "a dog's name", "a study's title in apposition"],
)
def test_words_of_things_are_not_speech(run, text, words):
    assert words not in [q for q, _ in run(text).quotes()]
