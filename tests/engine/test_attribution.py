"""Who said it: one test per attribution pattern, with the answer a careful reader gives."""

import pytest

CASES = [
    # speaker before the quote, with a colon
    ("Finance Minister Laura Bennett said: “We will not raise taxes this year.”", [("“We will not raise taxes this year.”", "Laura Bennett")]),
    # quote, then "said X" (inverted) and "X said"
    ("“The bridge is safe,” said city engineer Tom Walsh.", [("“The bridge is safe,”", "Tom Walsh")]),
    ("“The bridge is safe,” Tom Walsh said on Monday.", [("“The bridge is safe,”", "Tom Walsh")]),
    # split quote around the attribution
    (
        "“First we fix the roads,” Mayor Ana Ortiz said, “and then we talk about the stadium.”",
        [("“First we fix the roads,”", "Ana Ortiz"), ("“and then we talk about the stadium.”", "Ana Ortiz")],
    ),
    # pronoun resolved to the right person, two genders in play
    (
        "Coach Mark Dillon praised his goalkeeper, Sarah Quinn. “She kept us in the game,” he said. "
        "Quinn was modest. “It was a team effort,” she said.",
        [("“She kept us in the game,”", "Mark Dillon"), ("“It was a team effort,”", "Sarah Quinn")],
    ),
    # a quote with no cue continues the previous speaker
    (
        "“We lost focus,” said captain James Reid.\n\n“It will not happen again.”",
        [("“We lost focus,”", "James Reid"), ("“It will not happen again.”", "James Reid")],
    ),
    # a bare quotation after a paragraph bringing in an unnamed source with a speech verb is theirs,
    # and "who" stands for the person, not the organisation the parse hung the clause on
    (
        "“The cuts were needed,” said a spokeswoman for Tarrow Buses.\n\n"
        "A former manager at the company, who asked me not to use her name because she still works in the sector, put it more bluntly.\n\n"
        "“The cuts were about money, not safety.”",
        [("“The cuts were needed,”", "a spokeswoman for Tarrow Buses"), ("“The cuts were about money, not safety.”", "a former manager")],
    ),
    # according to
    ("The plant will close, according to Peter Holm. “It is over,” according to Holm.", [("“It is over,”", "Peter Holm")]),
    # an organisation as speaker
    ("“The delay was unavoidable,” the ministry said in a statement.", [("“The delay was unavoidable,”", "the ministry")]),
    # an unnamed source: the description is the speaker
    ("“Nobody expected this,” a senior official said.", [("“Nobody expected this,”", "a senior official")]),
    # a partial quote woven into a sentence
    ("Senator Ruth Ames called the bill “a betrayal of working families” on Tuesday.", [("“a betrayal of working families”", "Ruth Ames")]),
    # British single quotes, apostrophes inside
    ("‘It’s the end of an era,’ said shop owner Graham Hale. ‘We’ve been here since the ’70s.’", [("‘It’s the end of an era,’", "Graham Hale"), ("‘We’ve been here since the ’70s.’", "Graham Hale")]),
    # quote-then-cue does not steal the next quotation's speaker
    (
        "Paula Grant backed the plan, claiming that “it pays for itself,” while Leo Marsh warned, “It will bankrupt the city.”",
        [("“it pays for itself,”", "Paula Grant"), ("“It will bankrupt the city.”", "Leo Marsh")],
    ),
    # a relative clause: the speaker is the person it is about
    ("The award went to Nora Banks, who said she was “completely stunned.”", [("“completely stunned.”", "Nora Banks")]),
    # a dash and a name after the quote (reader comments, social posts)
    ("“Best concert of my life.” ― Dana Wells", [("“Best concert of my life.”", "Dana Wells")]),
    # a paragraph ending in a colon introduces the quotation below it
    ("The health ministry said in a statement on Friday:\n\n“All clinics will reopen on Monday.”", [("“All clinics will reopen on Monday.”", "the health ministry")]),
    # a verb of talking takes what is said with "about"; unless it is what another speaker reports
    ("As Mayor Ana Ortiz went on about “a city that works,” the crowd cheered and Tom Walsh said nothing.", [("“a city that works,”", "Ana Ortiz")]),
    ("Aide Tom Walsh recalled Ana Ortiz talking about “the end of the old port,” a story she loved.", [("“the end of the old port,”", "Tom Walsh")]),
    # an interview label
    ("Reporter: How did it start?\n\nElena Reyes: “With a single measurement.”", [("“With a single measurement.”", "Elena Reyes")]),
    # the cue's own when and where between it and the quotation
    (
        "The video ends with a clip of Mayor Anna Lindqvist saying at a rally in Malmo last spring, “We will not back down.”",
        [("“We will not back down.”", "Anna Lindqvist")],
    ),
    # a participle after a relative clause goes with the main clause, not the relative one
    (
        "Councillor Ben Okafor defended the contract with a builder who said he was never paid for the bridge, saying, “The work was late and the invoices were wrong.”",
        [("“The work was late and the invoices were wrong.”", "Ben Okafor")],
    ),
    (
        "Striking nurses circled the hospital, marching past the arena - where the Rivertown Hawks played the Lakeside Owls - while chanting, “Staff the wards now.”",
        [("“Staff the wards now.”", "Striking nurses")],
    ),
    # ... but not a cue inside the quotation's own clause, nor one with a verb between
    (
        "Senator Lena Park mocked the idea, saying anyone who complains about the rules “is simply losing the argument.”",
        [("“is simply losing the argument.”", "Lena Park")],
    ),
    ("Premier Alan Dufresne said his critics are to blame for focusing on “who said what.”", [("“who said what.”", "Alan Dufresne")]),
    # capitalised words with a sentence break inside are speech, not a title
    (
        "“Here comes the Captain,” Mara Quist shouted. “The Captain. Our Captain.”",
        [("“Here comes the Captain,”", "Mara Quist"), ("“The Captain. Our Captain.”", "Mara Quist")],
    ),
    # someone's answer, reply or statement, then a colon
    ("Councillor Rita Moss was asked about the closure. Her reply: “We fought and we lost.”", [("“We fought and we lost.”", "Rita Moss")]),
    # after a colon, a quotation that closes on its own cue is that cue's, not a verb's before the colon
    (
        "The letter also listed the changes it said Mayor Ortiz, the first engineer elected to the office, would bring to the port: "
        "“Thanks to our members' work on the docks, the mayor's plan, long and careful, has opened the harbour to new trade "
        "and to new jobs for our families,” the dockworkers' union wrote.",
        [
            (
                "“Thanks to our members' work on the docks, the mayor's plan, long and careful, has opened the harbour to new trade "
                "and to new jobs for our families,”",
                "the dockworkers' union",
            )
        ],
    ),
    # a verdict on someone's statement is the judge's words, not the statement's author's
    (
        "The ethics panel ruled on Friday that Councillor Dana Hart's statement about the contract was “misleading and incomplete,” and closed the case.",
        [("“misleading and incomplete,”", "the ethics panel")],
    ),
    # "according to" opening the sentence sources every quotation woven into it
    (
        "According to a lawsuit filed by the city of Leeds, the two landlords ran a “decade-long rent scheme” in which they “quietly pocketed” the deposits of hundreds of tenants.",
        [("“decade-long rent scheme”", "a lawsuit"), ("“quietly pocketed”", "a lawsuit")],
    ),
    # a verb of saying set into the sentence before a bare quotation says whose it is
    (
        "Sara Lind has painted for years. The change, she says, came during lockdown. “I could not go anywhere. I went home and got the big brushes out.”",
        [("“I could not go anywhere. I went home and got the big brushes out.”", "Sara Lind")],
    ),
    # who a rule lets or makes do something does not author its quoted words: no speaker, not a wrong one
    (
        "The bylaw allowed Halton to recoup “extraordinary policing costs” from organisers. The mayor was pleased.",
        [("“extraordinary policing costs”", None)],
    ),
    # a surname two people share is named with its title, so neither is shown the other's name
    (
        "Amara Patel and her daughter, Leela Patel, run the shop with Mr Patel.\n\n“We never close,” said Mr Patel.",
        [("“We never close,”", "Mr Patel")],
    ),
    # a titled surname is the one the text called so before, not whoever shares it and was named last
    (
        "Grace Mensah runs the bakery. Mrs Mensah opened it in 1988. Her daughter, Efua Mensah, joined in 2010.\n\n"
        "“I still bake at four every morning,” said Mrs Mensah.",
        [("“I still bake at four every morning,”", "Grace Mensah")],
    ),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_speaker(run, text, expected):
    assert run(text).quotes() == expected


def test_a_name_in_apposition_to_an_organisation_subject_is_who_speaks(run):
    r = run("The Bureau of Statistics's chief economist, Dana Whitlow, said prices would rise again in the spring.")
    assert [s.speaker for s in r.spans("reported")] == ["Dana Whitlow"]


def test_speaker_fields_point_at_the_mention_and_the_actor(run):
    r = run("U.S. Secretary of State Antony Blinken spoke first. “There is no change,” he said.")
    (q,) = r.spans("quote")
    assert q.speaker == "Antony Blinken"
    assert r.text[q.speaker_start : q.speaker_end] == "he"
    assert q.cue == "said"
    assert q.actor == r.actor("Antony Blinken").id
    speaker_spans = [s for s in r.spans("speaker") if s.start == q.speaker_start]
    assert speaker_spans and speaker_spans[0].speaker == "Antony Blinken"


@pytest.mark.parametrize(
    "text, quoted, why",
    [
        ("The so-called “reform” has cost the city millions.", "“reform”", "mention"),
        ("She reviewed the novel “The Quiet Harbour” for the paper.", "“The Quiet Harbour”", "title"),
        ("Goalkeeper Joe “Safe Hands” Pryce made six saves.", "“Safe Hands”", "nickname"),
        ("Fans call the defence the “Iron Wall” these days.", "“Iron Wall”", None),
    ],
)
def test_quoted_words_that_are_not_speech(run, text, quoted, why):
    r = run(text)
    assert quoted not in r.texts("quote")
    if why:
        assert [(s.text, s.why) for s in r.spans("mention")] == [(quoted, why)]


def test_multi_paragraph_quote_shares_one_quote_id_and_speaker(run):
    text = (
        "Prosecutor Anjali Desai addressed the jury. \"You will see the emails,\" she said. \"And you will see the ledgers.\n\n"
        "\"Then you will decide.\"\n\nThe defence will reply on Monday."
    )
    quotes = run(text).spans("quote")
    assert [q.speaker for q in quotes] == ["Anjali Desai"] * 3
    assert quotes[1].quote_id == quotes[2].quote_id != quotes[0].quote_id


def test_the_sentence_before_a_quotation_is_read_within_a_bounded_reach(nlp, monkeypatch):
    """A page of quotation marks has no sentence end: reading back from every quotation to the
    paragraph's start cost the paragraph's length squared (20× prose at 100,000 characters)."""
    from claimlight.engine import analyze
    from claimlight.engine.attribution import Attributor

    read = []
    tokens = Attributor.tokens

    def counted(self, seg):
        got = tokens(self, seg)
        read.append(len(got))
        return got

    monkeypatch.setattr(Attributor, "tokens", counted)

    def words_read(chars: int) -> int:
        read.clear()
        analyze(("“”„“«»\"‘’" * chars)[:chars], nlp=nlp)
        return sum(read)

    small, large = words_read(3_000), words_read(12_000)
    assert large <= 5 * small  # four times the text: about four times the reading, never sixteen
    # ...and "according to" still reaches the start of an ordinary sentence
    text = "According to the harbour board, the ferry was “safe to sail” and the crossing “a model for others”."
    quotes = [s for s in analyze(text, nlp=nlp).spans if s.category.value == "quote"]
    assert quotes and all(q.speaker == "harbour board" or (q.speaker or "").endswith("harbour board") for q in quotes)
