"""Speakers and actor types on the thirteenth held-out round's habits, one rule at a time: a person the
text says goes by "they", a quotation after a colon that closes a reported clause, a participle naming
a thing before a partial quotation, family names in the Spanish order, Georgian given names, places
that are also given names (Darwin, Florence, Chad, Victoria), a country the model calls a person, a
university named in Spanish, a sentence that opens "In Yerevan,". Each case is a short invented text
where a careful reader knows who spoke and what each name is."""

import pytest

# (why, text, the quotation, a word of its speaker's name)
CASES = [
    (
        "a 'they' for one person the text says uses they/them, after a reported clause about crews",
        "Sam Okonkwo, a steward with the dockers’ union who uses they/them pronouns, said some crews were "
        "working fourteen hours. “Nobody should sit in a crane for that long,” they said.",
        "“Nobody should sit in a crane for that long,”",
        "Okonkwo",
    ),
    (
        "'they agreed' a paragraph on, after a body spoke: still the person who goes by 'they'",
        "Sam Okonkwo, a steward who uses they/them pronouns, spoke first.\n\n"
        "The port authority said it would review the rosters.\n\n"
        "Okonkwo agreed. “On that, the port and the union are on the same side,” they said.",
        "“On that, the port and the union are on the same side,”",
        "Okonkwo",
    ),
    (
        "a colon after a reported clause: the quotation is the reporter's, not the clause's subject's",
        "A spokeswoman for the Coastal Growers Association said members were asking for the same review: "
        "“Nobody wants a bad season twice.”",
        "“Nobody wants a bad season twice.”",
        "spokeswoman",
    ),
    (
        "'a hearing called for Monday' before a partial quotation: the thing called is no speaker",
        "Thandeka Ndlovu, the council’s spokeswoman, spoke on Friday.\n\n"
        "Ndlovu said the council would attend a hearing called for Monday, “but only to listen.”",
        "“but only to listen.”",
        "Ndlovu",
    ),
    (
        "the first of two family names alone ('Herrera' of 'Ana Lucía Herrera Cárdenas') is her",
        "Ana Lucía Herrera Cárdenas, a geologist, led the survey. A hydrologist who was not involved, "
        "Paula Ibáñez, called it careful.\n\n"
        "Herrera said the next step was a drill. “The slope is moving a centimetre a week,” she said.",
        "“The slope is moving a centimetre a week,”",
        "Herrera",
    ),
    (
        "a Georgian woman's surname alone, beside a Georgian man of no other gender cue",
        "The ministry’s spokeswoman, Nino Abashidze, spoke in Tbilisi. The union’s chairman, Levan Gelovani, "
        "disputed her account.\n\n"
        "Abashidze rejected that. “The bridges are two files on two desks,” she said.",
        "“The bridges are two files on two desks,”",
        "Abashidze",
    ),
]


@pytest.mark.parametrize("why,text,quote,who", CASES, ids=[c[0][:60] for c in CASES])
def test_speaker(run, why, text, quote, who):
    run(text).check_speaker(why, quote, who)


def _types(run, text: str) -> dict[str, str]:
    return {a.name: a.type.value if hasattr(a.type, "value") else a.type for a in run(text).analysis.actors}


# (why, text, name, type)
ACTORS = [
    (
        "a city the model calls a person in most mentions, but the text flies to and is in",
        "Kestrel Air will start flying to Darwin in June.\n\n“Darwin is close,” its chief executive said. "
        "A tourism official in Darwin welcomed the route. The Darwin schedule is not final.",
        "Darwin",
        "place",
    ),
    (
        "a given name alone long before the person of that given name is named: the city",
        "Kestrel Air drops its Florence charters\n\nThe airline will end its summer charters to Florence, "
        "it said. The decision disappointed Florence Adeyemi, who runs a travel agency in Gadong.",
        "Florence",
        "place",
    ),
    (
        "the woman of the same given name stays a person",
        "Kestrel Air drops its Florence charters\n\nThe airline will end its summer charters to Florence, "
        "it said. The decision disappointed Florence Adeyemi, who runs a travel agency in Gadong.",
        "Florence Adeyemi",
        "person",
    ),
    (
        "'the capital of Chad' is the country, not the man named Chad two sentences on",
        "“The route is good for us,” said Chad Whitby, a tourism official. A firm asked about charters to "
        "N’Djamena, the capital of Chad, the airline said.",
        "Chad",
        "place",
    ),
    (
        "... and the man keeps his type",
        "“The route is good for us,” said Chad Whitby, a tourism official. A firm asked about charters to "
        "N’Djamena, the capital of Chad, the airline said.",
        "Chad Whitby",
        "person",
    ),
    (
        "a country's name alone that the model labels a person",
        "Kelp forests off central Chile are shrinking\n\nThe forests along Chile’s central coast have lost a third.",
        "Chile",
        "place",
    ),
    (
        "'In Yerevan,' opening a sentence is where, whatever the capital letter",
        "The ministry spoke first.\n\nIn Yerevan, the economy ministry said hauliers had 300 tankers on the road.",
        "Yerevan",
        "place",
    ),
    (
        "a university named in Spanish is no person, and the country its name ends in stays a country",
        "The paper, by researchers at the Pontificia Universidad Católica de Chile, was published on Monday. "
        "Kelp along the coast of Chile has shrunk by a third.",
        "Chile",
        "place",
    ),
]


@pytest.mark.parametrize("why,text,name,kind", ACTORS, ids=[a[0][:60] for a in ACTORS])
def test_actor_type(run, why, text, name, kind):
    got = _types(run, text)
    assert got.get(name) == kind, (why, got)


def test_a_given_name_alone_after_the_full_name_is_the_person_not_the_country(run):
    """ "Sen. Chad Whitfield … “Chad calls me every morning,”": a country's name that is also the given
    name of a person named before, in no place's words, is that person."""
    got = _types(run, "The bill, sponsored by Sen. Chad Whitfield, a Macon Republican, passed on Tuesday.\n\n"
                      "Rep. Jordan Ellis laughed. “Chad calls me every morning. I let it ring,” she said.")
    assert got.get("Chad") != "place", got
    assert got.get("Chad Whitfield") == "person", got


def test_letters_in_brackets_after_a_body_name_it_wherever_they_stand(run):
    """ "the Multan Mass Transit Authority (MMTA)": the initials in brackets, and "MMTA managing
    director" later, are that body's mentions, though the model labels neither."""
    actors = {a.name: a for a in run(
        "Forty buses bought by the Multan Mass Transit Authority (MMTA) have sat idle. MMTA managing director "
        "Asad Rana told reporters the road was not finished.").analysis.actors}
    body = actors.get("Multan Mass Transit Authority")
    assert body is not None and body.type == "organization" and body.mentions == 3, actors


def test_a_they_speaking_as_i_is_the_unnamed_source_reported_after_a_named_person(run):
    """ "A driver hired by the agency, who asked that their name not be used, said …. “… my …,” they
    said": the driver whose words the paragraph reported, not the commuter named in the one before."""
    run(
        "“I have never seen one move,” said Rukhsana Bibi, a teacher.\n\n"
        "A driver hired by the Multan Mass Transit Authority last year, who asked that their name not be used, "
        "said the drivers were still paid. “We polish the buses and go home. My children think I drive a museum,” "
        "they said."
    ).check_speaker("the driver", "“We polish the buses and go home. My children think I drive a museum,”", "driver")
