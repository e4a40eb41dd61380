"""Speakers and actor types on the fourteenth held-out round's habits, one rule at a time: a briefing
transcript labelled by honorific and surname ("MR OKORO:", "MS LINDQVIST:") with "QUESTION:" turns, a
sentence opening "Deposing before Judge X, Y, …, said", counsel's "submitted that", "the SPP", a player's
height as an epithet ("the 6-foot-7 centre"), a regional demonym ("the Ilongga said"), a team named in
the plural that the model calls a person, Thai given names, the barangay captain as "the village chief",
a professor as "the don". Each case is a short invented text where a careful reader knows who spoke and
what each name is."""

import pytest

BRIEFING = (
    "Transcript: port authority briefing on the dredging contract\n\n"
    "The following is an edited transcript of Monday’s briefing at the Harbour Board on the dredging "
    "contract. It was given by the board’s chief engineer, Chinedu Okoro, and its head of procurement, "
    "Ingrid Lindqvist.\n\n"
    "MR OKORO: Good afternoon. The dredger arrives on the ninth and works for eleven weeks.\n\n"
    "QUESTION: Why did the contract go to a foreign firm?\n\n"
    "MS LINDQVIST: Because the two local bids did not meet the depth we asked for. I signed that report myself.\n\n"
    "QUESTION: Will ships be turned away while it works?\n\n"
    "MR OKORO: No ship will be turned away. Some will wait a tide."
)

# (why, text, the quotation, a word of its speaker's name)
CASES = [
    (
        "a turn labelled 'MS' and a surname is hers, though the model makes the capitals a person of their own",
        BRIEFING,
        "Because the two local bids did not meet the depth we asked for. I signed that report myself.",
        "Lindqvist",
    ),
    (
        "a turn labelled 'MR' and a surname, the first turn after the introduction",
        BRIEFING,
        "Good afternoon. The dredger arrives on the ninth and works for eleven weeks.",
        "Okoro",
    ),
    (
        "... and his turn after a 'QUESTION:' in capitals",
        BRIEFING,
        "No ship will be turned away. Some will wait a tide.",
        "Okoro",
    ),
    (
        "'Appearing before Justice X, Y, 52, said': the parse makes the judge the subject, the witness speaks",
        "Appearing before Justice Ramesh Iyer, Dr. Kavita Shenoy, 52, a radiologist at the district hospital, "
        "said the scans showed “no sign of an old injury” on the boy’s arm.",
        "“no sign of an old injury”",
        "Shenoy",
    ),
    (
        "counsel 'submitted that' the accused had done something “…”: counsel's words, not the accused's",
        "Senior Counsel Farida Osei opened for the state on Tuesday. Osei submitted that the driver had "
        "“ignored three red lights in a row.”",
        "“ignored three red lights in a row.”",
        "Osei",
    ),
    (
        "'the SPP' for a Special Public Prosecutor named before",
        "Special Public Prosecutor Anil Deodhar read out the charge sheet.\n\n"
        "The SPP told the court the accused had “planned every step of it.”",
        "“planned every step of it.”",
        "Deodhar",
    ),
    (
        "a player's height before a position: an epithet for the player in view, like an age",
        "Marco Villareal scored 31 points as the Tigers won again.\n\n"
        "“We were patient tonight. The shots came late,” said the 6-foot-7 centre.",
        "“We were patient tonight. The shots came late,”",
        "Villareal",
    ),
    (
        "a regional demonym after a woman's quotation: an epithet for her, not a name of its own",
        "Janelle Soriano had 22 points and 14 digs.\n\n"
        "“My lola was in the stands, so I had no choice,” the Ilongga said.",
        "“My lola was in the stands, so I had no choice,”",
        "Soriano",
    ),
    (
        "a Thai given name says she is a woman: her 'she' is not the coach (a woman) named before her",
        "Coach Mariel Dizon said her players had run out of ideas. The visitors were led by Thai import "
        "Supaporn Wongsawat with 20 points.\n\n"
        "“We are tired, but we are not finished,” she said through an interpreter.",
        "“We are tired, but we are not finished,”",
        "Wongsawat",
    ),
    (
        "'the village chief' for a barangay captain titled 'Kap'",
        "Kap Lito Manalastas of Barangay San Roque said the road had flooded twice in a week.\n\n"
        "“The drainage was promised in March. It is November,” the village chief said.",
        "“The drainage was promised in March. It is November,”",
        "Manalastas",
    ),
    (
        "'the don' for a professor named before, after an official spoke",
        "Prof. Ngozi Eze, who teaches public finance at the University of Ibadan, has studied the levy for a decade. "
        "A treasury official, Bello Yakubu, said the levy would be reviewed.\n\n"
        "The don was unmoved. “Reviews are how a levy becomes permanent,” she said.",
        "“Reviews are how a levy becomes permanent,”",
        "Eze",
    ),
]


@pytest.mark.parametrize("why,text,quote,who", CASES, ids=[c[0][:60] for c in CASES])
def test_speaker(run, why, text, quote, who):
    run(text).check_speaker(why, quote, who)


def test_a_turn_labelled_by_a_role_is_the_roles(run):
    """A 'MODERATOR:' turn in a transcript whose other labels name people is the moderator's words, not
    the official's who spoke before; a 'CLAIM:' or a dateline is no role's turn."""
    text = BRIEFING + "\n\nMODERATOR: We have time for one more.\n\nQUESTION: When does the work start?\n\nMR OKORO: On the ninth."
    got = dict(run(text).quotes())
    assert got.get("We have time for one more.") == "the moderator", got
    assert "Okoro" in (got.get("On the ninth.") or ""), got


def test_a_role_label_without_named_turns_is_no_transcript(run):
    text = ("Council notes\n\nThe council met on Monday.\n\nCHAIR: The budget passed.\n\n"
            "The vote was seven to two.")
    assert run(text).quotes() == []


def _types(run, text: str) -> dict[str, str]:
    return {a.name: a.type.value if hasattr(a.type, "value") else a.type for a in run(text).analysis.actors}


# (why, text, name, type)
ACTORS = [
    (
        "a team named in the plural with 'the', which the model labels a person wherever it is named in full",
        "Tarlac Kingfishers stun the leaders\n\nThe Tarlac Kingfishers beat the Davao Herons 3-1 on Sunday. "
        "Tarlac Kingfishers coach Ramon Abad said the win was deserved.",
        "Tarlac Kingfishers",
        "organization",
    ),
    (
        "a Thai woman's full name the model labels a place",
        "The visitors were led by Thai import Supaporn Wongsawat with 20 points.",
        "Supaporn Wongsawat",
        "person",
    ),
]


@pytest.mark.parametrize("why,text,name,kind", ACTORS, ids=[a[0][:60] for a in ACTORS])
def test_actor_type(run, why, text, name, kind):
    got = _types(run, text)
    assert got.get(name) == kind, (why, got)
