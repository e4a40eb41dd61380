"""Speakers on the ninth held-out round's habits, one rule at a time: a spokeswoman relaying the
president's words ("quoting the president") and reading out a minister's letter, a finance chief and
a church minister named by the words a desk uses for them, a clause about a person set before the
quotation by a colon, "one" who speaks for a group just named, an unnamed person whose words the
sentence before reports, an answer to a question that is not the asker's, a question standing as a
sentence that is said rather than a title, a turned comma inside a Polynesian name that opens no
quotation, and a spokeswoman whose stated role outranks a guess from her name's ending. Each case is a
short invented text where a careful reader knows who spoke."""

import pytest

# (why, text, the quotation, its speaker)
CASES = [
    (
        "'quoting the president, she said': the words are the president's",
        "The spokeswoman, Adama Koroma, took questions for an hour. Quoting the president, she said: "
        "“No family should have to travel to a clinic twice.”",
        "“No family should have to travel to a clinic twice.”",
        "president",
    ),
    (
        "'she said, quoting the governor' after the words",
        "Mr Okello's aide spoke to reporters. “We will finish the road before the rains,” she said, quoting the governor.",
        "“We will finish the road before the rains,”",
        "governor",
    ),
    (
        "a letter read out is its writer's",
        "The health minister, Dr Ibrahim Turay, stayed in the north. His deputy, Aminata Sesay, chaired the briefing.\n\n"
        "She read from a letter the minister had sent to the nurses: “Treat first and fill in the forms afterwards.”",
        "“Treat first and fill in the forms afterwards.”",
        "Ibrahim Turay",
    ),
    (
        "'the finance chief' for a chief financial officer",
        "The chief financial officer, Noura Al-Sayegh, took most of the questions.\n\n"
        "“We sold the older ships early,” the finance chief replied.",
        "“We sold the older ships early,”",
        "Noura Al-Sayegh",
    ),
    (
        "'the minister' for a reverend",
        "Rev. Tevita Fonua, who will lead the service, said the hall would be open all week.\n\n"
        "“She taught a whole town to run,” the minister said.",
        "“She taught a whole town to run,”",
        "Tevita Fonua",
    ),
    (
        "a clause about a named person set before the quotation by a colon",
        "Ruth Amankwah, a hydrologist, and Peter Lindahl, an engineer, studied the dam.\n\n"
        "Lindahl was more blunt: “It will not survive another flood like that.”",
        "“It will not survive another flood like that.”",
        "Lindahl",
    ),
    (
        "'one shouted' after a group is named",
        "Opposition members rose as the minister sat down. “Where is the money?” one shouted.",
        "“Where is the money?”",
        "members",
    ),
    (
        "an unnamed person whose words the sentence before reports speaks on",
        "A farmer who sells maize beside the road said the price had doubled since June. "
        "“Nobody can pay that and still eat.”",
        "“Nobody can pay that and still eat.”",
        "farmer",
    ),
    (
        "a 'they' speaking as 'I' after an unnamed person whose words were reported: that person",
        "Her former players gathered on Monday. One former player, who now coaches in Apia, said they had learned "
        "patience from her. “She made me captain when I was the worst on the court,” they said.",
        "“She made me captain when I was the worst on the court,”",
        "former player",
    ),
    (
        "the same after a group was named: the one person, not the group",
        "Residents packed the hall. One official, who was not authorised to speak, said they expected delays. "
        "“I would not book a holiday,” they said.",
        "“I would not book a holiday,”",
        "official",
    ),
    (
        "a question standing as its own sentence is said, not a title: the subject of the sentence before",
        "Mr Banda said the pumps were late.\n\nThe deputy promised water by March. Mr Banda laughed. “Which March?”",
        "“Which March?”",
        "Banda",
    ),
]


@pytest.mark.parametrize("why, text, quoted, speaker", CASES, ids=[c[0] for c in CASES])
def test_the_speaker_a_careful_reader_names(run, why, text, quoted, speaker):
    got = dict(run(text).quotes())[quoted]
    assert got is not None and speaker in got


def test_an_answer_to_a_question_is_not_the_askers(run):
    """ "“…?” he asked." ¶ "“Never.”": the answer is left unnamed rather than given to the one who asked;
    the asker's next question, and the witness's answer with its own cue, keep their speakers."""
    text = (
        "The witness, Elena Markou, was questioned by Nikos Pavlou, for the prosecution.\n\n"
        "“Did you ever see the contract signed?” he asked.\n\n“Never. It came to me already signed.”\n\n"
        "“Who brought it to you?”\n\n“A courier, always on a Monday,” she said."
    )
    got = dict(run(text).quotes())
    assert "Pavlou" in got["“Did you ever see the contract signed?”"]
    assert got["“Never. It came to me already signed.”"] is None or "Pavlou" not in got["“Never. It came to me already signed.”"]
    assert "Markou" in got["“A courier, always on a Monday,”"]


def test_a_quotation_after_a_plain_speaker_keeps_carrying_on(run):
    """A bare quotation after one that is no question still carries on its speaker."""
    text = "“We will appeal,” said Nikos Pavlou, the defence lawyer.\n\n“And we will win.”"
    assert "Pavlou" in dict(run(text).quotes())["“And we will win.”"]


def test_one_with_no_group_before_it_names_nobody(run):
    """ "“…,” one said." with no plural noun for people before it in its paragraph: no speaker."""
    text = "The gates opened at nine after a two-hour delay. “It is about time we got in,” one said."
    assert dict(run(text).quotes())["“It is about time we got in,”"] is None


def test_a_turned_comma_inside_a_name_opens_no_quotation(run):
    text = "Rev. Sione ‘Ofa Lolohea, who will lead the funeral service on Thursday, said the church hall would be open."
    assert run(text).quotes() == []


def test_a_group_that_speaks_as_they_stays_the_group(run):
    text = "Residents packed the hall on Monday. “I would not book a holiday,” they said."
    assert dict(run(text).quotes())["“I would not book a holiday,”"] == "Residents"


def test_a_quotation_before_a_sentence_about_someone_and_their_next_quotation_is_theirs(run):
    text = (
        "Mariam Yusuf, an engineer, and Kaja Berg, an ecologist, studied the dredging.\n\n"
        "“Dredging is cleaner than it was,” Yusuf said.\n\n“Cleaner is not clean.” Berg was not persuaded. “Nobody checks afterwards.”"
    )
    got = dict(run(text).quotes())
    assert "Berg" in got["“Cleaner is not clean.”"] and "Berg" in got["“Nobody checks afterwards.”"]


def test_a_quotation_before_a_sentence_about_someone_with_no_quotation_after_carries_on(run):
    text = "“Dredging is cleaner than it was,” said Mariam Yusuf, an engineer.\n\n“It is the best we have.” Kaja Berg was not persuaded."
    assert "Yusuf" in dict(run(text).quotes())["“It is the best we have.”"]


def test_a_slogan_woven_into_the_sentence_before_leaves_it_about_its_subject(run):
    text = (
        "Hon. Grace Mtambo said the pumps were late.\n\n"
        "She rose again when the deputy minister promised “water for every home” by March. “Which March?”"
    )
    assert "Mtambo" in dict(run(text).quotes())["“Which March?”"]


def test_a_statement_quoted_in_the_sentence_before_still_carries_on(run):
    text = "“We will fix the pumps by March,” said the minister, Hon. Peter Banda. “Nobody will go without.”"
    assert "Banda" in dict(run(text).quotes())["“Nobody will go without.”"]


def test_a_stated_spokeswoman_is_a_woman_whatever_a_he_before_would_make_her(run):
    """ "The minister's spokeswoman, Fatmata Kamara, said he was away": her role says she is a woman, so
    "he" is not her and the "she" after is; a name ending as hers does is no reason to call that a guess."""
    text = "The minister's spokeswoman, Fatmata Kamara, said he was away.\n\n“We are ready,” she said."
    assert dict(run(text).quotes())["“We are ready,”"] == "Fatmata Kamara"
