"""The attribution chain, one strategy at a time: each fires on its own invented example, the chain
records its name, and the module docstring lists the chain in the order the code runs it."""

import re

import pytest

from claimlight.engine import attribution
from claimlight.engine.actors import build_actor_index
from claimlight.engine.attribution import CHAIN, ECHO, Attributor, Context, _cite_line_after, dash_name
from claimlight.engine.quotes import find_quotations
from claimlight.engine.reported import ACCORDING_TO, CLAIM_NOUN, CLAIM_OBJECT, CONTENT_OBJECT, FINDING, INFINITIVE, INTENTION, INTENTION_NOUN, PARENTHETICAL, PASSIVE_AGENT, PREPOSITION_OBJECT, REPORTING_VERB, find_reported
from claimlight.engine.nlp import parse
from claimlight.engine.transcript import with_answers


class Attributed:
    def __init__(self, nlp, text):
        self.text = text
        doc = parse(nlp, text)
        index = build_actor_index(doc)
        self.attributor = Attributor(doc, text, with_answers(doc, index, find_quotations(text)), index)
        self.results = self.attributor.run()
        self.reported = find_reported(doc, self.attributor.finder, self.attributor.in_quote)

    def quote(self, quoted):
        return next(r for r in self.results if self.text[r.quotation.start : r.quotation.end] == quoted)

    def context(self, quoted):
        """The quotation as the chain saw it (without a previous speaker)."""
        at = self.attributor
        return next(Context(at, q, before, after, None) for q, before, after in at._with_segments(at.quotations) if self.text[q.start : q.end] == quoted)


@pytest.fixture(scope="module")
def attributed(nlp):
    return lambda text: Attributed(nlp, text)


# (rule, text, the quotation, its speaker)
CASES = [
    ("answer", "Elena Reyes leads the programme. We talked to her.\n\nQ: How did it start?\n\nReyes: With a single measurement.\n\nQ: And now?\n\nReyes: Thousands.", "With a single measurement.", "Elena Reyes"),
    ("dash_name", "“Best concert of my life.” ― Dana Wells", "“Best concert of my life.”", "Dana Wells"),
    ("cue_before", "Finance Minister Laura Bennett said: “We will not raise taxes this year.”", "“We will not raise taxes this year.”", "Laura Bennett"),
    ("governing_cue", "Councillor Ana Ortiz tweeted that the plan was “a disgrace to the city”.", "“a disgrace to the city”", "Ana Ortiz"),
    ("governing_cue", "Peter Holm’s claim that the reactor was “perfectly safe” did not survive the inquiry.", "“perfectly safe”", "Peter Holm"),
    ("cue_after", "“Is the bridge safe?” the engineer Tom Walsh asked the council on Monday.", "“Is the bridge safe?”", "Tom Walsh"),
    ("cue_earlier", "Asked about the merger, Renata Olsen spent an hour on the “long and difficult road ahead”, then the board voted.", "“long and difficult road ahead”", "Renata Olsen"),
    ("according_to", "The plant will close. “It is over,” according to Peter Holm.", "“It is over,”", "Peter Holm"),
    ("colon_paragraph", "The health ministry said in a statement on Friday:\n\n“All clinics will reopen on Monday.”", "“All clinics will reopen on Monday.”", "the health ministry"),
    ("label", "Reporter: How did it start?\n\nElena Reyes: “With a single measurement.”", "“With a single measurement.”", "Elena Reyes"),
    ("reply", "“We lost,” said captain James Reid.\n\n“Was it the pitch?” one reporter asked.\n\n“No,” came the reply.", "“No,”", "James Reid"),
    ("governing_subject", "The mayor rejected the “reckless and costly plan” after a long debate.", "“reckless and costly plan”", "the mayor"),
    ("previous_subject", "Nora Banks founded the bakery in 1998. “I wanted a place that smelled like home.”", "“I wanted a place that smelled like home.”", "Nora Banks"),
    ("continuation", "“We lost focus,” said captain James Reid.\n\n“It will not happen again.”", "“It will not happen again.”", "James Reid"),
    # standing alone; the parser ran the sentence on past "p.m." into the quotation
    ("governing_subject", "The council met until 11 p.m. “Nothing was decided at all.”", "“Nothing was decided at all.”", "the council"),
    ("paragraph_before", "“We lost focus,” said captain James Reid.\n\nCoach Dana Whitfield says the team has been tired for weeks.\n\n“They need a rest.”", "“They need a rest.”", "Dana Whitfield"),
    (ECHO, "“We will rebuild the bridge”\n\nMayor Ana Ortiz spoke on Monday. “We will rebuild the bridge,” Ortiz said.", "“We will rebuild the bridge”", "Ana Ortiz"),
    # a block quotation with its citation on the line after it, the lead-in only describing the writer
    ("dash_name", "The head of the transit authority wrote to the council on Friday:\n\n“Not one route will be cut this year.”\n\n"
     "— Marisol Okonjo, chief executive of the Lakeshore Transit Authority\n\nThe council meets again in March.",
     "“Not one route will be cut this year.”", "Marisol Okonjo"),
    ("colon_subject", "Nora Okafor, a baker, spoke first.\n\nOkafor was more blunt: “The rent will close us.”", "“The rent will close us.”", "Nora Okafor"),
    ("next_subject", "“We lost focus,” said captain James Reid.\n\n“It was the heat.” Coach Ana Moy was not persuaded. “We trained in worse.”", "“It was the heat.”", "Ana Moy"),
    ("named_after", "“We lost focus,” said captain James Reid.\n\n“The pitch was a swamp.”\n\nThat was Dana Whitfield, the coach, after the match.", "“The pitch was a swamp.”", "Dana Whitfield"),
]


@pytest.mark.parametrize("rule, text, quoted, speaker", CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_the_chain_records_the_strategy_that_named_the_speaker(attributed, rule, text, quoted, speaker):
    aq = attributed(text).quote(quoted)
    assert (aq.speech, aq.speaker and aq.speaker.name, aq.rule) == (True, speaker, rule)


@pytest.mark.parametrize("rule, text, quoted, speaker", [c for c in CASES if c[0] != ECHO], ids=[f"{c[0]}:{c[1][:30]}" for c in CASES if c[0] != ECHO])
def test_each_strategy_finds_the_speaker_of_its_example_on_its_own(attributed, rule, text, quoted, speaker):
    a = attributed(text)
    ctx = a.context(quoted)
    ctx.last = next((r for r in reversed(a.results) if r.quotation.start < ctx.q.start and r.speaker), None)
    (strategy,) = {s.find for s in CHAIN if s.name == rule}
    found = strategy(ctx)
    assert found is not None and found.speaker.name == speaker


def test_woven_and_standalone_quotations_take_the_governing_subject_at_different_places(attributed):
    woven = attributed(CASES[9][1]).context(CASES[9][2])
    alone = attributed(CASES[12][1]).context(CASES[12][2])
    assert (woven.woven, alone.woven) == (True, False)
    positions = [i for i, s in enumerate(CHAIN) if s.name == "governing_subject"]
    assert [CHAIN[i].applies(woven) for i in positions] == [True, False]
    assert [CHAIN[i].applies(alone) for i in positions] == [False, True]
    continuation = next(i for i, s in enumerate(CHAIN) if s.name == "continuation")
    assert positions[0] < continuation < positions[1]


def test_every_strategy_has_an_example():
    assert {s.name for s in CHAIN} | {ECHO} == {c[0] for c in CASES}


def test_a_reply_with_no_question_before_it_names_nobody(attributed):
    a = attributed("The vote was close.\n\n“We will appeal,” came the reply from the back of the room.")
    aq = a.quote("“We will appeal,”")
    assert aq.speaker is None or aq.speaker.name != "the reply"


def test_no_speaker_no_rule(attributed):
    a = attributed("The so-called “reform” has cost the city millions. Officials met on Monday. “Nothing was decided.”")
    assert [(r.speech, r.rule) for r in a.results] == [(False, None), (True, None)]


def test_the_docstring_lists_the_chain_in_its_order():
    listed = re.findall(r"^  ([a-z_]+) {2,}\S", attribution.__doc__, flags=re.M)
    assert listed == [s.name for s in CHAIN]


def test_a_strategy_name_names_one_function():
    by_name: dict[str, set] = {}
    for s in CHAIN:
        by_name.setdefault(s.name, set()).add(s.find)
    assert all(len(fns) == 1 for fns in by_name.values())
    assert all(s.find.__name__ == s.name for s in CHAIN)


@pytest.mark.parametrize(
    "text, clause, rule",
    [
        ("Walsh said that the bridge would reopen in May.", "the bridge would reopen in May", REPORTING_VERB),
        ("According to the ministry, the bridge will reopen in May.", "the bridge will reopen in May", ACCORDING_TO),
        # the clause the phrase follows, even when another one comes after it
        ("Fares rose by a tenth in 2023, according to the rail regulator, and the old ferry closed.", "Fares rose by a tenth in 2023", ACCORDING_TO),
        ("In March, according to the ministry, prices rose by three percent.", "prices rose by three percent", ACCORDING_TO),
        ("The plant, according to two engineers, will close next year.", "The plant, according to two engineers, will close next year", ACCORDING_TO),
        ("The new terminal, Mayor Ilse Brandt said, would open before the summer.",
         "The new terminal, Mayor Ilse Brandt said, would open before the summer", PARENTHETICAL),
        ("The delay, the minister said then, was the contractor's doing.",
         "The delay, the minister said then, was the contractor's doing", PARENTHETICAL),
        # the clause opens with a phrase of its own and has its subject after the parenthesis
        ("Too often, the harbour master said, the ferries leave the quay late.",
         "Too often, the harbour master said, the ferries leave the quay late", PARENTHETICAL),
        ("Back in Lisbon, Mr. Duarte said, he decided to sell the vineyard.",
         "Back in Lisbon, Mr. Duarte said, he decided to sell the vineyard", PARENTHETICAL),
        ("Senator Ruth Okafor promised to cut fares for students.", "to cut fares for students", INFINITIVE),
        ("Mayor Joan Pratt urged the council to approve the budget before July.", "the council to approve the budget before July", INFINITIVE),
        ("The bishop appealed to residents to stay calm during the storm.", "residents to stay calm during the storm", INFINITIVE),
        ("Mayor Joan Pratt called on the council to halt the demolition.", "the council to halt the demolition", INFINITIVE),
        ("The ferry company plans to replace its oldest boats next year.", "to replace its oldest boats next year", INTENTION),
        ("Councillor Mara Lind refused to back the new parking rules.", "to back the new parking rules", INTENTION),
        ("The harbour board hopes to finish the dredging by March.", "to finish the dredging by March", INTENTION),
        ("Police denied the allegations of misconduct at the station.", "the allegations of misconduct", CONTENT_OBJECT),
        ("Clinton called her vote in favor of the Iraq War a mistake.", "her vote in favor of the Iraq War a mistake", CONTENT_OBJECT),
        ("The union leader attacked the board as reckless and out of touch.", "the board as reckless and out of touch", CONTENT_OBJECT),
        ("The minister cited rising costs at the shipyard in Gdansk.", "rising costs at the shipyard in Gdansk", CONTENT_OBJECT),
        ("The fishermen's union welcomed the decision to reopen the harbour.", "the decision to reopen the harbour", CONTENT_OBJECT),
        ("Dr. Hale has been called a charlatan by fellow surgeons in Leeds.", "Dr. Hale has been called a charlatan", PASSIVE_AGENT),
        ("The new stadium plan has been endorsed by three local newspapers.", "The new stadium plan", PASSIVE_AGENT),
        ("Polls show a close race for the mayor's office in Porto.", "a close race for the mayor's office in Porto", FINDING),
        ("A 2019 audit of the port found forty faulty cranes on the docks.", "forty faulty cranes on the docks", FINDING),
        ("Councillor Amir Haddad commented on the ruling by the planning panel.", "the ruling by the planning panel", PREPOSITION_OBJECT),
        ("The central bank warned of a sharp slowdown in lending.", "a sharp slowdown in lending", PREPOSITION_OBJECT),
        ("The senator's warning that the fund would run dry by 2030 went unheeded.", "the fund would run dry by 2030", CLAIM_NOUN),
        ("The mayor's comments on the closure of the fish market came after the vote.", "the closure of the fish market", CLAIM_OBJECT),
        ("The harbour board's refusal to publish the safety report drew criticism.", "to publish the safety report", INTENTION_NOUN),
        ("Yet the governor's determination to act alone inflamed her opponents.", "to act alone", INTENTION_NOUN),
    ],
)
def test_reported_speech_records_its_rule(attributed, text, clause, rule):
    (r,) = attributed(text).reported
    assert (text[r.start : r.end], r.rule) == (clause, rule)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor called a meeting for Friday.",  # a characterising verb with nothing said of its object
        "The army attacked the village at dawn.",
        "Residents of the estate, who asked not to be named, gathered outside.",  # a source's terms
        "A senior official said, speaking on condition of anonymity, that talks had stalled.",
        "The minister was criticised by unions over the delay.",  # the object is the subject
        "The candidates took questions from veterans invited to take part in the forum.",  # invited by someone unnamed
        "The Senate needs a majority to confirm the new judges.",
        "Republicans have been trying to question the officials for weeks.",  # a statement tried, not made
        "Her promise to cut fares for students won votes.",  # the parse took the sentence's verb into the clause
        "The ferry is expected to reach the island by noon.",  # expected by someone the text does not name
        "A spokesperson for the airline declined to comment on the delays.",  # nothing said
        "His plan for the harbour includes a new ferry terminal.",  # a plan, not what it is about
        "The mayor's decision to close the pier angered fishermen.",  # the parse took the sentence's verb into the clause
        "Mayor Ortiz's comments on the closure of the fish market angered traders.",
        "The minister called to congratulate the winning team.",  # a call that urges nobody
        "An emergency meeting was called by the mayor of Tromsø.",  # a characterising verb with nothing said of its subject
        "The rescue team found the missing hikers near the summit.",  # a finding by people, not a source of information
        "Two board members refused to speak to reporters after the vote.",
    ],
)
def test_what_is_not_reported_speech(attributed, text):
    rules = {r.rule for r in attributed(text).reported}
    assert not rules & {PARENTHETICAL, INFINITIVE, INTENTION, FINDING, CONTENT_OBJECT, PREPOSITION_OBJECT, CLAIM_NOUN, CLAIM_OBJECT, INTENTION_NOUN, PASSIVE_AGENT}, [text[r.start : r.end] for r in attributed(text).reported]


def test_a_block_quotation_is_signed_by_the_citation_line_after_it(attributed):
    """A page's `<cite>` arrives as the line after the quotation: a name and a title, with or without a dash."""
    lead = "The head of the transit authority wrote to the council on Friday:\n\n“Not one route will be cut this year.”\n\n"
    for cite in ("— Marisol Okonjo, chief executive of the Lakeshore Transit Authority",
                 "Marisol Okonjo, chief executive of the Lakeshore Transit Authority"):
        aq = attributed(lead + cite + "\n\nThe council meets again in March.").quote("“Not one route will be cut this year.”")
        assert (aq.speaker.name, aq.rule) == ("Marisol Okonjo", "dash_name"), cite


def test_a_line_after_a_quotation_that_is_no_citation_signs_nothing(attributed):
    """A sentence with a verb, a list item after a dash, or a quotation that does not close its line."""
    quoted = "“Not one route will be cut this year.”"
    for text in (
        f"The authority wrote to the council.\n\n{quoted}\n\nMarisol Okonjo, the authority's chief, said the buses were full.",
        f"The authority wrote to the council.\n\n{quoted}\n\n— The council will vote again in March",
        f"The authority wrote to the council.\n\n{quoted} It was read aloud.\n\n— Marisol Okonjo, chief executive",
    ):
        a = attributed(text)
        ctx = a.context(quoted)
        line = _cite_line_after(ctx)
        signed = dash_name(ctx)
        assert line is None or signed is None, text
