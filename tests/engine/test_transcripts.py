"""Q&A transcripts: every answer is a quote of whoever gives it, with or without quotation marks;
the questions are the outlet's own words."""

import pytest


def para(*ps):
    return "\n\n".join(ps)


INTRO = (
    "Marta Quiroga has run the harbour ferry service in Valparaíso for nine years. "
    "We spoke to her about fuel, fares and fog. The interview has been edited for length."
)


def answers(run, text):
    return [(s.text, s.speaker) for s in run(text).spans("quote") if s.nested_in is None]


# Each case: the article's paragraphs, and its answers as (text, speaker), quotations nested in
# an answer left out.
CASES = [
    pytest.param(
        (
            "Ferries in the fog",
            INTRO + " Her deputy, Tomás Ibarra, joined us.",
            "Q: What is the hardest month?",
            "Quiroga: July. The fog sits on the bay for days and the timetable becomes a wish list.",
            "Ibarra: She means that kindly. I write the timetable.",
            "Q: Will fares go up?",
            "Quiroga: Not this year.",
        ),
        [
            ("July. The fog sits on the bay for days and the timetable becomes a wish list.", "Marta Quiroga"),
            ("She means that kindly. I write the timetable.", "Tomás Ibarra"),
            ("Not this year.", "Marta Quiroga"),
        ],
        id="labelled answers are quotes of the named person and questions are not",
    ),
    pytest.param(
        (
            "Ferries in the fog",
            INTRO,
            "Q. What is the hardest month?",
            "A. July. The fog sits on the bay for days.",
            "And August is not much better, if I am honest.",
            "Q. Will fares go up?",
            "A. Not this year.",
        ),
        [
            ("July. The fog sits on the bay for days.", "Marta Quiroga"),
            ("And August is not much better, if I am honest.", "Marta Quiroga"),
            ("Not this year.", "Marta Quiroga"),
        ],
        id="Q and A labels with full stops give answers to the interviewee",
    ),
    pytest.param(
        (
            "Ferries in the fog",
            INTRO,
            "What is the hardest month?",
            "July. The fog sits on the bay for days and the timetable becomes a wish list.",
            "We once ran a single crossing in a whole week.",
            "Will fares go up?",
            "Not this year. Ask me again when diesel costs what it did in 2022.",
            "Marta Quiroga is the director of the Valparaíso harbour ferries.",
        ),
        [
            ("July. The fog sits on the bay for days and the timetable becomes a wish list.", "Marta Quiroga"),
            ("We once ran a single crossing in a whole week.", "Marta Quiroga"),
            ("Not this year. Ask me again when diesel costs what it did in 2022.", "Marta Quiroga"),
        ],  # the closing line names her: it is the outlet's, not hers
        id="unlabelled questions then answer paragraphs in an interview",
    ),
    pytest.param(
        (
            "Ferries in the fog",
            INTRO,
            "Q: What would you tell a new captain?",
            "Quiroga: “Trust the radar, not your eyes.”",
            "Q: And the passengers?",
            "Quiroga: Bring a coat.",
        ),
        [("“Trust the radar, not your eyes.”", "Marta Quiroga"), ("Bring a coat.", "Marta Quiroga")],
        id="an answer that is one quotation is that quotation",
    ),
    pytest.param(
        (
            "What the ferry fight is really about",
            "Marta Quiroga has run the harbour ferry service in Valparaíso for nine years, and the city owes her a great deal.",
            "So why is the council cutting her budget?",
            "Nobody at city hall could give a straight answer this week.",
            "And who pays when the last crossing of the night is gone?",
            "The nurses and cooks who live across the bay, as usual.",
        ),
        [],
        id="rhetorical questions in an article that is not an interview make no answers",
    ),
    pytest.param(
        (
            "Quiroga: the fog is winning",
            "Marta Quiroga said on Monday that the ferries would run a reduced timetable.",
            "Quiroga: the city will pay for the new radar, officials say.",
        ),
        [],
        id="a headline with a name and a colon is not a label",
    ),
    # an interview word in the introduction, questions as paragraphs, but what follows them is
    # reporting in the third person, not someone speaking
    pytest.param(
        (
            "What the ferry fight is really about",
            "Marta Quiroga spoke at the council meeting on Monday about the harbour ferries.",
            "Why does the service lose money?",
            "Fuel prices doubled between 2021 and 2023, and fares stayed where they were.",
            "Who will pay for the new radar?",
            "The regional government has promised half of the cost, according to council papers.",
        ),
        [],
        id="questions in a report whose answers are the writer's prose make no answers",
    ),
    pytest.param(
        (
            "Ferries in the fog",
            "Marta Quiroga (MQ) has run the harbour ferry service in Valparaíso for nine years. "
            "She spoke to our reporter Tomás Ibarra (TI). The interview has been edited for length.",
            "TI: What is the hardest month?",
            "MQ: July. The fog sits on the bay for days and the timetable becomes a wish list.",
            "TI: Will fares go up?",
            "MQ: Not this year.",
        ),
        [
            ("July. The fog sits on the bay for days and the timetable becomes a wish list.", "Marta Quiroga"),
            ("Not this year.", "Marta Quiroga"),
        ],
        id="initials the introduction defines are labels, and the one who only asks is the interviewer",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_answers_are_quotes_of_whoever_gives_them(run, paragraphs, expected):
    assert answers(run, para(*paragraphs)) == expected


def test_a_label_in_capitals_names_its_person_and_is_a_mention_of_them(run):
    text = para(
        "Ferries in the fog",
        INTRO,
        "Q. What is the hardest month?",
        "QUIROGA: July. The fog sits on the bay for days.",
        "Q. Will fares go up?",
        "QUIROGA: Not this year.",
    )
    r = run(text)
    assert [(s.text, s.speaker) for s in r.spans("quote")] == [
        ("July. The fog sits on the bay for days.", "Marta Quiroga"),
        ("Not this year.", "Marta Quiroga"),
    ]
    assert r.texts("person").count("QUIROGA") == 2


def test_a_quotation_inside_an_answer_keeps_its_own_speaker(run):
    text = para(
        "Ferries in the fog",
        INTRO,
        "Q: Who taught you the job?",
        "Quiroga: My first captain, Hugo Serrano, used to tell every new deckhand, “The sea does not read the timetable.” He was right.",
        "Q: Will fares go up?",
        "Quiroga: Not this year.",
    )
    spans = run(text).spans("quote")
    inner = [(s.text, s.speaker) for s in spans if s.nested_in is not None]
    assert inner == [("“The sea does not read the timetable.”", "Hugo Serrano")]


def test_the_interviewee_is_the_person_the_paragraph_before_the_questions_introduces(run):
    # Others are named more often in the story above; the introduction just before the questions
    # says whose answers follow.
    text = para(
        "Nurses walk out in Regina",
        "Health Minister Paul Okafor said the strike was avoidable. Okafor met the union twice this week, "
        "and Okafor's office said talks would resume on Monday.",
        "We interviewed Sheila Fontaine, a nurse at the general hospital for eleven years, on the picket line.",
        "How long have you been on strike?",
        "Three days. I have never seen the ward this short of staff.",
        "What would end it?",
        "More nurses on every shift. That is all we ask.",
    )
    got = answers(run, text)
    assert [s for _, s in got] == ["Sheila Fontaine"] * 2
