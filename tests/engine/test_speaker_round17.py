"""Speakers and actor types on the seventeenth held-out round's habits, and on the names of the sixteenth
round's articles, one rule at a time: a father and son of one surname told apart by "the elder", a bare
surname that goes on meaning the one the text has called by it, a bare quotation named by "That was …"
in the next paragraph, a body that never speaks as "I", the letter a sentence opened with, an unnamed source brought in by an indefinite
noun before "she said", a priest called "Father", a role noun in lower case before a name the parse
took for an object, an office's portfolio before the name; and a party named after its leader, a river's
name alone, a team's name alone, a body's name cut at a paragraph's start or before "of Canada", a
price in a currency's letters, a headline's first word. Each case is a short invented text where a
careful reader knows who spoke and what each name is."""

import pytest

FARM = (
    "Sheep moved as the river rose\n\n"
    "Farmer Hamish Duthie, 71, and his son Callum moved 200 ewes to the ridge before midnight.\n\n"
    "“Dad has done this every winter of my life,” Callum Duthie said.\n\n"
    "“The boy frets,” the elder Duthie said."
)

# (why, text, the quotation, a word of its speaker's name; None: no speaker)
CASES = [
    (
        "'the elder Duthie' is the father (the one with the age, not the one brought in as 'his son')",
        FARM,
        "“The boy frets,”",
        "Hamish",
    ),
    (
        "a bare surname goes on meaning the man the text has called by it, not his father named last",
        "A ferry captain was jailed on Monday.\n\n"
        "Ronel Baptiste, 29, had pleaded guilty. Baptiste had been warned twice not to sail.\n\n"
        "His father, Clement Baptiste, 63, owns the boat. “I taught him the sea,” the elder Baptiste said.\n\n"
        "In a short address to the court, Baptiste said: “I am sorry for what I did.”",
        "“I am sorry for what I did.”",
        "Ronel",
    ),
    (
        "a bare quotation paragraph named by 'That was …' in the paragraph after it",
        "The ferry company said in a statement that it had held fares for three years.\n\n"
        "“I get the first boat to be in school by nine.”\n\n"
        "That was Niamh Boyle, a student on the island, who posted a video about the fares.",
        "“I get the first boat to be in school by nine.”",
        "Niamh Boyle",
    ),
    (
        "a body whose statement the paragraph before reported does not speak a bare 'I' quotation",
        "Harbour Ferries said in a statement that fuel had added €90,000 to its costs.\n\n"
        "“I pay the fare twice a week and I cannot keep doing it.”",
        "“I pay the fare twice a week and I cannot keep doing it.”",
        None,
    ),
    (
        "'she' after an unnamed trader brought in by 'An elderly trader who … said' is the trader, "
        "not the woman named in the paragraph before",
        "His sister, Grace Nakato, sells bags at the next table. “I will go if they give us a stall,” she said.\n\n"
        "An elderly trader who has sold sandals on the street since 1996 said in Luganda that she "
        "had nowhere else to go. “This town grew up around me,” she said.",
        "“This town grew up around me,”",
        "trader",
    ),
    (
        "'they said' after a named organiser who came in after the group the paragraph spoke of: the organiser",
        "At the hall, where about 90 people slept on camp beds, volunteers had served soup since dawn. One of "
        "the organisers, Sefa Tuilagi, said the kitchen had fed 200 people by noon.\n\n"
        "“People just turned up with bread. Nobody asked them to,” they said.",
        "“People just turned up with bread. Nobody asked them to,”",
        "Tuilagi",
    ),
    (
        "'the priest' for a man the text called 'Father …'",
        "In Limni, Father Spyros Manolis kept the church open all night.\n\n"
        "The mayor said the village had lost 30 houses. “The church has stood through worse fires,” the priest said.",
        "“The church has stood through worse fires,”",
        "Manolis",
    ),
    (
        "a role noun in lower case right before a name, parsed as the object of the verb before it",
        "Eight helicopters were fighting the blaze, fire service spokeswoman Dora Petridou said.\n\n"
        "“The wind changes every hour,” the spokeswoman said.",
        "“The wind changes every hour,”",
        "Petridou",
    ),
    (
        "an office's portfolio of two capitalised words before the name is no part of the name, and "
        "'he' after it is the minister",
        "Deputy Minister for Civil Protection Manos Vlachos, who flew to the island, said the state had "
        "learned from past fires. “Every road out is guarded,” he said.",
        "“Every road out is guarded,”",
        "Vlachos",
    ),
    (
        "'the letter read' for the letter a sentence opened with ('In a letter …, the union's secretary, …, asked')",
        "Market traders were given a month to move.\n\n"
        "In a letter to the council dated Monday, the union’s secretary, Hajji Musa Kiwanuka, asked for more time.\n\n"
        "“Our members bought stock on credit. A month is a sentence, not a notice,” the letter read.",
        "“Our members bought stock on credit. A month is a sentence, not a notice,”",
        "Kiwanuka",
    ),
    (
        "a job title at a sentence's start is not part of the name: 'the producer' is the person",
        "Producer Lydia Ong said the budget was small.\n\n"
        "“We shot at night, after the stalls closed,” the producer said.",
        "“We shot at night, after the stalls closed,”",
        "Lydia Ong",
    ),
]


@pytest.mark.parametrize("why,text,quote,who", CASES, ids=[c[0][:60] for c in CASES])
def test_speaker(run, why, text, quote, who):
    run(text).check_speaker(why, quote, who)


def _types(run, text: str) -> dict[str, str]:
    return {a.name: a.type.value if hasattr(a.type, "value") else a.type for a in run(text).analysis.actors}


# (why, text, name, type; None: no such actor)
ACTORS = [
    (
        "a party named after its leader: the person after 'of' is a person of their own",
        "The Democratic Alliance of Goran Petrović finished second with 22 seats.",
        "Goran Petrović",
        "person",
    ),
    (
        "... while a body 'of' a field keeps its whole name",
        "Researchers at the Institute of Marine Research in Bergen found the lice earlier.",
        "Institute of Marine Research",
        "organization",
    ),
    (
        "a river's name alone after 'the River …' is the river, whatever the model labelled it",
        "Silt entered the River Blackwater after the storm.\n\n"
        "Anglers said the Blackwater had lost its trout. The agency will monitor the Blackwater twice a year.",
        "River Blackwater",
        "place",
    ),
    (
        "a body's name at a paragraph's start, of which the model took the last words, is the whole name",
        "Anglers called on Inland Fisheries Ireland to restock the river.\n\n"
        "Inland Fisheries Ireland said it would monitor the river.",
        "Fisheries Ireland",
        None,
    ),
    (
        "a body's name goes on through 'of' and the country it serves",
        "According to the Public Health Agency of Canada, one in three adults will get shingles.",
        "Canada",
        None,
    ),
    (
        "a price in a currency's letters is no organisation",
        "An analyst cut her price target on the shares to R98 from R112.",
        "R98",
        None,
    ),
    (
        "a party called a list is an organisation",
        "The Green List came third with six seats. Its leader said the Green List would not join.",
        "Green List",
        "organization",
    ),
    (
        "a headline's first word that the text writes in lower case elsewhere is no name",
        "Quarry firm fined over fish kill\n\n"
        "A quarry company was fined €95,000 on Thursday after silt from its quarry killed fish.",
        "Quarry",
        None,
    ),
]


@pytest.mark.parametrize("why,text,name,kind", ACTORS, ids=[a[0][:60] for a in ACTORS])
def test_actor_type(run, why, text, name, kind):
    got = _types(run, text)
    assert got.get(name) == kind, (why, got)


def test_a_team_name_alone_is_the_team(run):
    """ "the Thunderhawks" after "the Taichung Thunderhawks": the team, wherever it stands, labelled or not."""
    text = ("TAICHUNG — For six months the Taichung Thunderhawks were the best team in Taiwan.\n\n"
            "In two seasons the coach made the Thunderhawks the league’s best defence. The Thunderhawks were not always this good.")
    analysis = run(text).analysis
    found = [s.text for s in analysis.spans if s.category.value == "organization"]
    assert found.count("Thunderhawks") == 2, found
