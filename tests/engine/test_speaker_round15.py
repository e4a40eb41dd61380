"""Speakers and actor types on the fifteenth held-out round's habits, one rule at a time: two siblings
who share a surname answering each other ("her sister replies", "his brother teases"), a quick exchange
that goes on in bare paragraphs, an unnamed source whose own relative clause calls them "they", South
African "Advocate" counsel, Ghanaian and Kenyan offices by their letters ("the MCE", "the CEC"), an
office in apposition that the model takes for a body, a firm's name the model labels a person each time
it is mentioned, a dateline town the model calls a person, a mayor's town glued to her name. Each case is
a short invented text where a careful reader knows who spoke and what each name is."""

import pytest

BAKERS = (
    "Rye and rivalry on Długa Street\n\n"
    "Tomasz Wiśniewski and his brother Piotr have baked on Długa Street since their father retired, and "
    "they have argued about rye for just as long.\n\n"
    "“He wants every loaf black. I want people to buy them,” says Piotr, 41, the younger of the two.\n\n"
    "“Rye is supposed to be sour,” his brother answers. “Sour is the whole point of rye.”\n\n"
    "“You hear him? Always the sour.”\n\n"
    "“Because it is always the sour.”"
)

# (why, text, the quotation, a word of its speaker's name)
CASES = [
    (
        "'his brother answers' where 'his' is the brother just quoted: the other brother, not himself",
        BAKERS,
        "“Rye is supposed to be sour,”",
        "Tomasz",
    ),
    (
        "... and the quotation that carries on his answer",
        BAKERS,
        "“Sour is the whole point of rye.”",
        "Tomasz",
    ),
    (
        "a bare short paragraph after an answer of two short quotations and a cue answers back",
        BAKERS,
        "“You hear him? Always the sour.”",
        "Piotr",
    ),
    (
        "... and the bare paragraph after that bare turn answers back again",
        BAKERS,
        "“Because it is always the sour.”",
        "Tomasz",
    ),
    (
        "'teases' is a verb of saying: the brother who teases, not the accent that is the subject",
        "Ewa Zielińska and her brother Marek grew up in Gdańsk.\n\n"
        "“I left at eighteen,” Ewa says. Her Polish, her brother teases, is now “half Glasgow.”",
        "“half Glasgow.”",
        "Marek",
    ),
    (
        "an unnamed source whose relative clause says 'they': their 'they said', not a group named before",
        "The ministry said it had hired 40 nurses for the district. Unions said they were not enough.\n\n"
        "A nurse at the clinic, who asked not to be named because they feared losing their post, said "
        "night shifts had been cut. “We are doing two jobs at once. Our ward has no porter,” they said.",
        "“We are doing two jobs at once. Our ward has no porter,”",
        "nurse",
    ),
    (
        "'the advocate' after two counsel titled 'Advocate': the one the paragraph is about",
        "Advocate Johan Steyn opened the State’s case on Monday.\n\n"
        "Cross-examining the first witness, Advocate Thandeka Mahlangu suggested the ledger had been altered.\n\n"
        "Mahlangu told the court her client had never signed a cheque. “She kept the minutes. That is all "
        "she kept,” the advocate said.",
        "“She kept the minutes. That is all she kept,”",
        "Mahlangu",
    ),
    (
        "'the MCE' for a Metropolitan Chief Executive named in apposition",
        "The Tamale Metropolitan Chief Executive, Hon. Abdul-Rahman Sulemana, toured the flooded market on "
        "Friday.\n\n“We warned the traders about the drains in March,” the MCE said.",
        "“We warned the traders about the drains in March,”",
        "Sulemana",
    ),
    (
        "'the Fire Commander' for the commander named in apposition after his rank",
        "The Regional Fire Commander, ACFO II Daniel Osei, said the fire began in a storeroom.\n\n"
        "“The hydrant nearest the gate was dry,” the Fire Commander explained.",
        "“The hydrant nearest the gate was dry,”",
        "Osei",
    ),
    (
        "'the CEC' for a Kenyan county's executive named with a 'Dr'",
        "Nakuru's County Executive for Health, Dr Jane Muthoni, said the wards were full.\n\n"
        "“We have two patients to a bed,” the CEC said.",
        "“We have two patients to a bed,”",
        "Muthoni",
    ),
]


@pytest.mark.parametrize("why,text,quote,who", CASES, ids=[c[0][:60] for c in CASES])
def test_speaker(run, why, text, quote, who):
    run(text).check_speaker(why, quote, who)


def test_a_sibling_is_never_the_sibling_whose_kin_they_are(run):
    """With nobody the text made that person's sister, 'her sister' is left a description rather than
    given to the woman 'her' stands for."""
    text = ("Halina Mazur runs the stall alone now.\n\n"
            "“I open at six,” Mazur says. “Don’t believe her, she opens at seven,” her sister says.")
    got = dict(run(text).quotes())
    assert "Mazur" not in (got.get("“Don’t believe her, she opens at seven,”") or ""), got


def _types(run, text: str) -> dict[str, str]:
    return {a.name: a.type.value if hasattr(a.type, "value") else a.type for a in run(text).analysis.actors}


# (why, text, name, type)
ACTORS = [
    (
        "a firm the text calls 'a maker of … software' is an organisation, however often the model labels it a person",
        "Harbour Ledger cuts jobs\n\n"
        "Harbour Ledger, a maker of accounting software, said on Friday it would cut 200 jobs. "
        "Harbour Ledger said the cuts would fall on support staff. A spokesperson for Harbour Ledger "
        "said staff had been told.",
        "Harbour Ledger",
        "organization",
    ),
    (
        "a dateline in capitals and the same town labelled a person below are one place",
        "Flood waters recede\n\n"
        "ALICE SPRINGS — Flood waters in Alice Springs fell overnight, the council said.\n\n"
        "Residents of Alice Springs began cleaning up on Sunday.",
        "Alice Springs",
        "place",
    ),
    (
        "a town and a title glued to a name by the model: the name after the title is the person's",
        "Kitale Mayor Grace Wanjiku said the market would reopen on Monday.",
        "Grace Wanjiku",
        "person",
    ),
    (
        "a hospital named in Portuguese is an organisation",
        "She works two night shifts a week at the Hospital São Francisco in Praia.",
        "Hospital São Francisco",
        "organization",
    ),
]


@pytest.mark.parametrize("why,text,name,kind", ACTORS, ids=[a[0][:60] for a in ACTORS])
def test_actor_type(run, why, text, name, kind):
    got = _types(run, text)
    assert got.get(name) == kind, (why, got)


def test_an_office_in_apposition_is_no_actor(run):
    text = ("The Ashanti Regional Fire Commander, ACFO I Kwame Boateng, said the blaze was under control.")
    names = _types(run, text)
    assert not any("Commander" in n for n in names), names
