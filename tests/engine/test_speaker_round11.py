"""Speakers on the eleventh held-out round's habits, one rule at a time: honorifics written with a
period that the tokenizer would end a sentence at ("Cllr.", "Atty.", "Engr."), an airline named "Air"
and a place that the model takes for a person, a description whose noun says it is another body than
the one last in view ("the met office" after a disaster office spoke), whom a passive verb of speech
is about, who is spoken of rather than speaking, and an unnamed forecaster as a person. Each case is a short invented text where a careful
reader knows who spoke."""

import pytest

# (why, text, the quotation, a word of its speaker's name; None: no speaker is better than a wrong one)
CASES = [
    (
        "'Cllr.' before a name does not end the sentence that names the prosecutor",
        "The prosecutor, Cllr. Hawa Sumo, told the court the ledger was forged.\n\n"
        "“Your Honour, the witness is reading from notes,” the prosecutor said.",
        "“Your Honour, the witness is reading from notes,”",
        "Sumo",
    ),
    (
        "'Atty.' before a Filipino lawyer's name: 'the lawyer' is hers",
        "Her lawyer, Atty. Marites Dumalag, filed the motion on Monday.\n\n"
        "“We will go to the Supreme Court if we must,” the lawyer said.",
        "“We will go to the Supreme Court if we must,”",
        "Dumalag",
    ),
    (
        "'the airline' is the airline named 'Air …', not the office that spoke before it",
        "The Disaster Management Office said 14 shelters were open.\n\n"
        "Air Rarotonga said all domestic flights were cancelled until Saturday. "
        "“The safety of our passengers comes first,” the airline said in a post on its Facebook page.",
        "“The safety of our passengers comes first,”",
        "Air Rarotonga",
    ),
    (
        "'the met office' is no other office the text named: left as it is rather than given away",
        "The Disaster Management Office said 14 shelters were open.\n\n"
        "“A red warning is in force until dawn,” the met office said.",
        "“A red warning is in force until dawn,”",
        "met office",
    ),
    (
        "'the disaster office' is the office whose name says so",
        "The Disaster Management Office said 14 shelters were open.\n\n"
        "“More will open tonight,” the disaster office said.",
        "“More will open tonight,”",
        "Disaster Management Office",
    ),
    (
        "whom a passive verb of speech is about is not the one who speaks after it",
        "Yeshi Tsomo taught for forty years. She retired in 2010, and she died on Sunday.\n\n"
        "Dolkar Yuden, a former pupil who now teaches in Paro, said the older woman had paid fees for poor "
        "children. Yeshi Tsomo was criticised for it at the time, Yuden recalled. "
        "“People said she was wasting her pension on other children,” she said.",
        "“People said she was wasting her pension on other children,”",
        "Yuden",
    ),
    (
        "'was quoted as saying' still makes its subject the speaker",
        "Yeshi Tsomo was quoted as saying the school would stay open. "
        "“We have never closed for rain,” she said.",
        "“We have never closed for rain,”",
        "Tsomo",
    ),
    (
        "an unnamed forecaster is a person a later 'she' may stand for",
        "A forecaster on duty, who asked not to be named because she was not allowed to speak to the press, "
        "said the storm had slowed. “Slow means more rain in the same place,” she said.",
        "“Slow means more rain in the same place,”",
        "forecaster",
    ),
]


@pytest.mark.parametrize("why,text,quote,who", CASES, ids=[c[0][:60] for c in CASES])
def test_speaker(run, why, text, quote, who):
    run(text).check_speaker(why, quote, who)


def test_a_place_before_company_says_where_it_is_based_not_which_kind(run):
    """ "The Riga-based company said": the firm in view, though no name of its says "Riga"."""
    text = "Shops using Norvik Pay could not take cards on Thursday.\n\nThe Riga-based company said about 9,000 shops had been affected."
    got = [s.speaker for s in run(text).spans("reported") if s.text.startswith("about 9,000")]
    assert got and got[0] is not None and "Norvik" in got[0], got


def test_a_period_honorific_is_one_token(nlp):
    doc = nlp("The defence counsel, Cllr. Hawa Sumo, objected.")
    assert "Cllr." in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


# Actor types the round's articles needed: (text, name, type)
ACTORS = [
    (
        "Flights were grounded as the storm neared. Air Rarotonga said all domestic flights were cancelled "
        "until Saturday.",
        "Air Rarotonga",
        "organization",
    ),
]


@pytest.mark.parametrize("text,name,kind", ACTORS, ids=[a[1] for a in ACTORS])
def test_actor_type(run, text, name, kind):
    got = {a.name: a.type.value if hasattr(a.type, "value") else a.type for a in run(text).analysis.actors}
    assert got.get(name) == kind, got
