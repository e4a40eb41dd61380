"""Speakers on the twelfth held-out round's habits, one rule at a time: witnesses a court names by
pseudonym ("Witness A") and then as "the witness", the answer to a question put to someone, who replies
to a question, a given name alone that the model leaves unlabelled, a person the article only ever
calls by a given name, the agent of "was joined by", "the detective" for a "Det. Sgt.". Each case is a
short invented text where a careful reader knows who spoke."""

import pytest

# (why, text, the quotation, a word of its speaker's name; None: no speaker is better than a wrong one)
CASES = [
    (
        "'the witness' is the pseudonymous witness last named, not the prosecutor questioning her",
        "Witness K gave evidence from behind a screen on Tuesday. The prosecutor, Neo Sebego, asked about the ledger.\n\n"
        "“I kept it for six years,” the witness said.",
        "“I kept it for six years,”",
        "Witness K",
    ),
    (
        "a second pseudonym with a trade in apposition: 'the driver' is him",
        "Witness K, a clerk, gave evidence in the morning. Witness M, a driver, gave evidence after lunch.\n\n"
        "“I only drove where I was told,” the driver said.",
        "“I only drove where I was told,”",
        "Witness M",
    ),
    (
        "a pseudonym's letter is no surname: 'A' opening a sentence is nobody",
        "Witness A told the court she had seen the car. A man in the gallery shouted.\n\n"
        "“It was blue,” Witness A said.",
        "“It was blue,”",
        "Witness A",
    ),
    (
        "the quotation after 'X asked her what …' answers, and is hers",
        "Nthabiseng Dube, a clerk, told the court she had kept the register.\n\n"
        "The prosecutor, Naledi Kgari, asked her what she had done next. “I took it to my supervisor.”",
        "“I took it to my supervisor.”",
        "Dube",
    ),
    (
        "'pressed her on costs' before a question: the question is the asker's",
        "Sara Holm, the finance chief, spoke first.\n\n"
        "Ms Okonjo pressed her on costs. “Then why is the margin holding up so well?”",
        "“Then why is the margin holding up so well?”",
        "Okonjo",
    ),
    (
        "'she replied' after a question another woman asked is not the asker",
        "Lerato Moeng, the clerk, took the stand. The prosecutor, Kefilwe Tau, stood up.\n\n"
        "“And what did he tell you?” the prosecutor asked.\n\n"
        "“He said the register was full of errors,” she replied.",
        "“He said the register was full of errors,”",
        "Moeng",
    ),
    (
        "a given name alone the model does not label, of a woman named in full before",
        "Tigist Alemu, 38, has waited since 2008. Meseret Haile has waited longer.\n\n"
        "“Maybe next time,” Meseret said.\n\n"
        "Tigist laughed when asked why. “If it comes for me, I will call her,” she said.",
        "“If it comes for me, I will call her,”",
        "Tigist",
    ),
    (
        "a person only ever called by a given name has that name's gender",
        "In the front row, Kristín, 19, had driven five hours. “I know these songs,” she said. "
        "Her friend Birta was more practical. “We have a tent. The tent has a lake in it. It does not matter,” she said.",
        "“We have a tent. The tent has a lake in it. It does not matter,”",
        "Birta",
    ),
    (
        "'She was joined by her sister, X, who …': the agent is who is in view next",
        "Det. Sgt. Anne Roussel said officers had spoken to 60 people.\n\n"
        "She was joined by the missing woman's sister, Claire Dufour, who flew in from Halifax. "
        "“Our mother knew when she did not call,” she said.",
        "“Our mother knew when she did not call,”",
        "Dufour",
    ),
    (
        "'the detective' is the detective sergeant",
        "Det. Sgt. Anne Roussel, who leads the inquiry, spoke to reporters with the missing woman's sister.\n\n"
        "The detective said nothing suggested she had been harmed. “She is an adult,” she said.",
        "“She is an adult,”",
        "Roussel",
    ),
]


@pytest.mark.parametrize("why,text,quote,who", CASES, ids=[c[0][:60] for c in CASES])
def test_speaker(run, why, text, quote, who):
    run(text).check_speaker(why, quote, who)


# Actor types the round's articles needed: (text, name, type)
ACTORS = [
    (
        "Witness B, a surveyor, gave evidence. Witness B said he was paid.",
        "Witness B",
        "person",
    ),
    (
        "Lumen Pay, one of Malaysia's fastest-growing payment apps, said on Tuesday that it had fixed the flaw.",
        "Lumen Pay",
        "organization",
    ),
    (
        "Her friend Birta was more practical. Birta answered for both of them and laughed.",
        "Birta",
        "person",
    ),
]


@pytest.mark.parametrize("text,name,kind", ACTORS, ids=[a[1] for a in ACTORS])
def test_actor_type(run, text, name, kind):
    got = {a.name: a.type.value if hasattr(a.type, "value") else a.type for a in run(text).analysis.actors}
    assert got.get(name) == kind, got


def test_country_names_the_model_leaves_out_or_cuts(run):
    """A country unlabelled ("Seychelles’"), cut in two people ("Antigua and Barbuda’s"), or read into the
    name after its possessive ("Uruguay’s Inés Falco" as one organisation); not the end of a longer name."""
    text = (
        "Seychelles’ environment minister spoke first. Antigua and Barbuda’s chief negotiator, Kendra Hughes, "
        "followed. The chair, Uruguay’s Inés Falco, closed the session. New South Wales sent an observer."
    )
    actors = {a.name: a.type.value if hasattr(a.type, "value") else a.type for a in run(text).analysis.actors}
    assert actors.get("Seychelles") == "place", actors
    assert actors.get("Antigua and Barbuda") == "place", actors
    assert actors.get("Uruguay") == "place", actors
    assert actors.get("Inés Falco") == "person", actors
    assert "Wales" not in actors, actors


def test_a_pseudonym_keeps_no_full_stop(run):
    """ "The court knows her as Witness A." ends the sentence: the name is "Witness A"."""
    names = [a.name for a in run("The court knows her as Witness A. She was a clerk.").analysis.actors]
    assert "Witness A" in names, names
