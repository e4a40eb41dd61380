"""Speakers on the tenth held-out round's habits, one rule at a time: a description that says its
gender ("the spokeswoman") after a man with the same role, a judge's title that opens with her gender
("Lady Justice"), given names of East Africa and the Caribbean, a place at the end of a sentence before
a colon that is no interview label, an "it" that speaks for a message the sentence before brought in,
a statement "of" its writer, a caller known by an honorific and one name, a taxi driver in
apposition, a role noun the tagger took for an adverb, a role in apposition to a description in
apposition, the person the writer's own sentence is about, and the third turn of a quick exchange. Each case is a short invented text where a careful
reader knows who spoke."""

import pytest

# (why, text, the quotation, a word of its speaker's name; None: no speaker is better than a wrong one)
CASES = [
    (
        "'the spokeswoman' is not the man the text called a spokesman",
        "When we called her office, a spokeswoman said the MP stood by her words.\n\n"
        "Ministry spokesman Ahmed Kamal said the figures were right. “Nobody lost a card,” Mr Kamal said.\n\n"
        "The spokeswoman said the MP “never meant the cards.”",
        "“never meant the cards.”",
        "spokeswoman",
    ),
    (
        "'Lady Justice' makes the judge a woman: her 'she' is not the driver's",
        "A driver who overtook a tanker was jailed on Thursday.\n\n"
        "Lady Justice Imani Mkwawa said the court had weighed his plea against what she called “a choice made in a hurry.”",
        "“a choice made in a hurry.”",
        "Mkwawa",
    ),
    (
        "a Swahili given name tells a woman, so 'his plea' is not hers",
        "A driver who overtook a tanker was jailed on Thursday.\n\n"
        "Judge Rehema Mwita said the court had weighed his plea against what she called “a choice made in a hurry.”",
        "“a choice made in a hurry.”",
        "Mwita",
    ),
    (
        "'it said' after a message from someone is that someone's",
        "Mr Usher spoke to Leonel Cho of the Transport Board last week.\n\n"
        "Near the end of the programme, Mr Usher read a text message from a listener in Corozal. "
        "“Tell the minister the price of flour went up too,” it said.",
        "“Tell the minister the price of flour went up too,”",
        "listener",
    ),
    (
        "'the statement went on' after 'read the statement of' someone",
        "State Attorney Neema Mrisho read the statement of Agnes Temba, whose son died in the crash.\n\n"
        "“On the first night I laid out his uniform before I remembered,” the statement went on.",
        "“On the first night I laid out his uniform before I remembered,”",
        "Temba",
    ),
    (
        "'Miss' and one name the model left unlabelled: a caller, whose 'she' is hers",
        "The minister, Hon. Aliyah Flowers, said prices would fall.\n\n"
        "Miss Ivy, from Orange Walk, was not satisfied. She said she had heard the same answer before.\n\n"
        "“Every minister has the arithmetic,” she said.",
        "“Every minister has the arithmetic,”",
        "Ivy",
    ),
    (
        "'a taxi driver' in apposition makes a name the model took for a place a person's",
        "The first caller was Delroy, a taxi driver from Dangriga.\n\n“I drive all day,” Delroy said.\n\n"
        "Delroy rang back later. “Minister, I heard you,” the taxi driver said.",
        "“Minister, I heard you,”",
        "Delroy",
    ),
    (
        "'the forward' for 'the Brazilian forward Thiago Ramos' (forward tagged an adverb)",
        "Dhofar led through a penalty by the Brazilian forward Thiago Ramos.\n\nThe hosts then scored twice.\n\n"
        "“Maybe it was a penalty,” the forward said.",
        "“Maybe it was a penalty,”",
        "Ramos",
    ),
    (
        "'the captain' for 'Seeb’s captain, the 35-year-old defender Saleh Al-Amri,'",
        "Seeb’s captain, the 35-year-old defender Saleh Al-Amri, had been booked.\n\n“I was very quiet,” the captain said.",
        "“I was very quiet,”",
        "Al-Amri",
    ),
    (
        "'I met Fonkwo …, where she teaches': the writer's sentence is about the one met, not the character before",
        "Ebude Fonkwo’s first novel was long. Her second is better.\n\n"
        "The grandmother, Mami Ngwe, is the book’s great creation. She runs the compound like a small government. "
        "“Water does not argue with the hill,” she tells Lum.\n\n"
        "I met Fonkwo in Buea last month, at a café near the university where she teaches literature. "
        "She said the grandmother was built from several women.\n\n“Every family has a Mami Ngwe,” she told me.",
        "“Every family has a Mami Ngwe,”",
        "Fonkwo",
    ),
    (
        "a bare reply to a retort is the words of the one the retort answered",
        "Khoury shook her head. “The mayor is cutting a ribbon on a building she tried to stop,” Khoury said.\n\n"
        "“That is simply not true,” Rosenfeld shot back.\n\n“It is in the minutes.”",
        "“It is in the minutes.”",
        "Khoury",
    ),
]


@pytest.mark.parametrize("why,text,quote,who", CASES, ids=[c[0][:60] for c in CASES])
def test_speaker(run, why, text, quote, who):
    run(text).check_speaker(why, quote, who)


def test_a_bare_paragraph_after_a_plain_short_turn_still_carries_it_on(run):
    """No retort and no question in the middle turn: the bare paragraph carries on its speaker."""
    text = (
        "“The court has heard enough,” the judge said.\n\n"
        "“We will appeal,” said Nikos Pavlou, the defence lawyer.\n\n“And we will win.”"
    )
    assert "Pavlou" in dict(run(text).quotes())["“And we will win.”"]


def test_a_statement_of_intent_names_no_writer(run):
    """ "of" names a statement's writer only when what follows is a name."""
    text = "The council read a statement of intent to the meeting.\n\n“We will build it,” the statement went on."
    got = dict(run(text).quotes())["“We will build it,”"]
    assert got is None or "intent" not in got


def test_mr_speaker_is_no_person(run):
    text = "“Order,” said Mr Speaker, as the House rose."
    assert all(a.name != "Speaker" for a in run(text).analysis.actors)


def test_a_place_ending_a_sentence_before_a_colon_is_no_interview_label(run):
    """ "… sent in by a viewer in Kiryat Haim: “…”": the place is nobody's name to speak under (the
    viewer is the one asking, whom no strategy names yet: no speaker is better than the place)."""
    text = "The debate ended with a question sent in by a viewer in Kiryat Haim: “Will either of you take the bus?”"
    got = dict(run(text).quotes())["“Will either of you take the bus?”"]
    assert got is None or "Kiryat" not in got


def test_an_interview_label_still_names_its_speaker(run):
    text = "Reporter: How did it start?\n\nElena Reyes: “With a single measurement.”"
    assert dict(run(text).quotes())["“With a single measurement.”"] == "Elena Reyes"


# Actor types the round's articles needed: (text, name, type)
ACTORS = [
    ("Costas Neophytou, 58, a developer, denies forgery.", "Costas Neophytou", "person"),  # after an age, a trade
    ("The three hosts of one of Bermuda’s most downloaded podcasts argued all week.", "Bermuda", "place"),
    ("The claim was made by an independent MP for a Giza constituency on Tuesday.", "Giza", "place"),
]


@pytest.mark.parametrize("text,name,kind", ACTORS, ids=[a[1] for a in ACTORS])
def test_actor_type(run, text, name, kind):
    got = {a.name: a.type.value if hasattr(a.type, "value") else a.type for a in run(text).analysis.actors}
    assert got.get(name) == kind, got
