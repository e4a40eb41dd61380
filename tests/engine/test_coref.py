"""Coreference for speakers, one rule at a time: each case is a short invented text where a careful reader
knows who spoke, and the words the text used for the speaker (a pronoun, a title, a description) must lead
to the named actor."""

import pytest

# (why, text, the quotation, its speaker)
CASES = [
    (
        "a title of the other gender parts two people sharing a surname",
        "Dinesh Patel runs the corner shop in Leeds. His wife helps on weekends.\n\n“We never close on Sundays,” said Mrs Patel.",
        "“We never close on Sundays,”",
        "Patel",
    ),
    (
        "where a role is held tells one mayor from another",
        "Mayor Tom Reid of Moncton opened the bridge on Friday. Mayor Ellen Shaw of Dieppe did not attend.\n\n"
        "“It is a good day for the city,” the Moncton mayor said.",
        "“It is a good day for the city,”",
        "Tom Reid",
    ),
    (
        "a given name used by men and women does not rule out 'she'",
        "Alex Moreau, a nurse, waited outside while Paul Grant went in.\n\n“It took six hours,” she said.",
        "“It took six hours,”",
        "Alex Moreau",
    ),
    (
        "a company suffix makes the name a company that 'the company' refers to",
        "Halvern Inc said profits fell. “We expect a better year,” the company said.",
        "“We expect a better year,”",
        "Halvern Inc",
    ),
]


@pytest.mark.parametrize("why, text, quoted, speaker", CASES, ids=[c[0] for c in CASES])
def test_the_words_for_the_speaker_lead_to_the_named_actor(run, why, text, quoted, speaker):
    r = run(text)
    assert dict(r.quotes())[quoted] == speaker
