"""Reported speech, rule by rule, on invented sentences: what each rule reports and what it leaves alone."""

import pytest
from spacy.tokens import Doc

from claimlight.engine.nlp import parse
from claimlight.engine.reported import ACCORDING_TO, CLAIM_MADE, CLAIM_NOUN, COLON_BLOCK, CONCERN_RAISED, HEADLINE_VERB, CONTENT_OBJECT, HEADLINE, MADE_CLEAR, PREPOSITION_OBJECT, REPORTING_VERB, STANCE_ADJECTIVE, TRAILING_VERB, _as_verb


@pytest.fixture(scope="module")
def reported(reported_in):
    return reported_in


@pytest.mark.parametrize(
    "text, clause, rule, speaker",
    [
        # the paragraph's line break hangs on its last word when an abbreviation took the full stop
        ("Mayor Walsh said the new bridge would be the longest in the U.S.\n\nWork starts in May.",
         "the new bridge would be the longest in the U.S.", REPORTING_VERB, "Walsh"),
        # "that" brings in a clause whose subject the parse missed
        ("The city of Tromsø is demanding that the ferry company stop using its harbour for repairs.",
         "the ferry company stop using its harbour for repairs", REPORTING_VERB, "the city of Tromsø"),
        # the reason given is said too
        ("The harbour master said the plan was unfair, because the channel had already been dredged.",
         "the plan was unfair, because the channel had already been dredged", REPORTING_VERB, "the harbour master"),
        ("The court ruled that the eviction of the tenants was unlawful.", "the eviction of the tenants was unlawful", REPORTING_VERB, "the court"),
        ("Ms. Adeyemi hoped the council would reopen the library by spring.", "the council would reopen the library by spring", REPORTING_VERB, "Adeyemi"),
        # what comes before the comma, however the parse read it
        ("Rota unclear on whether night nurses are covered, unions say.", "Rota unclear on whether night nurses are covered", TRAILING_VERB, "unions"),
        ("Harbour Board Hid Repair Costs From Public, Former Auditor Says.\n\nThe board denies it.",
         "Harbour Board Hid Repair Costs From Public", TRAILING_VERB, "Auditor"),
        ("The inspector detailed the repairs the ferry needed before its licence ran out.",
         "the repairs the ferry needed before its licence ran out", CONTENT_OBJECT, "the inspector"),
        # what was said, as the object of "say"
        ("Several harbour pilots have said the same thing about the new channel.", "the same thing about the new channel", CONTENT_OBJECT, "harbour pilots"),
        # what was said, as a gerund
        ("The mayor proposed dropping the harbour levy for fishing boats.", "dropping the harbour levy for fishing boats", CONTENT_OBJECT, "the mayor"),
        ("The harbour board pointed to the rising cost of dredging the channel.",
         "the rising cost of dredging the channel", PREPOSITION_OBJECT, "the harbour board"),
        # a stance after "be", by its phrase, its clause or its infinitive
        ("The fishermen's union is critical of the plan to close the ferry.", "the plan to close the ferry", STANCE_ADJECTIVE, "union"),
        ("The harbour master is confident that the dredging will end by May.", "the dredging will end by May", STANCE_ADJECTIVE, "the harbour master"),
        ("Some councillors were willing to back the pier plan in its new form.", "to back the pier plan in its new form", STANCE_ADJECTIVE, "councillors"),
        # clauses the parse hung elsewhere: an adverbial clause with no conjunction, a relative clause
        # opened by "that", a relative pronoun before the verb, a subject read into the phrase before it
        ("The harbour board chair said after the vote she would not seek another term.",
         "she would not seek another term", REPORTING_VERB, "the harbour board chair"),
        ("In Tromsø last week, she told a meeting of harbour pilots that few people understood the risks of the new channel.",
         "few people understood the risks of the new channel", REPORTING_VERB, "she"),
        ("The union bought a stake in the old shipyard, which Ms. Lindqvist says she is doing everything she can to keep open.",
         "she is doing everything she can to keep open", REPORTING_VERB, "Lindqvist"),
        ("At a meeting with the editorial board of the Harbour Gazette Okafor said that fares would rise.",
         "fares would rise", REPORTING_VERB, "Okafor"),
        # "that" as the clause's subject stays in it
        ("Few engineers believe that is possible before the winter.", "that is possible before the winter", REPORTING_VERB, "engineers"),
        # "which" stands for the organisation before it
        ("The ferry company, which insists the timetable is safe, will publish its figures.",
         "the timetable is safe", REPORTING_VERB, "the ferry company"),
        ("The fishermen's union called for the harbour master to resign over the spill.",
         "the harbour master to resign over the spill", PREPOSITION_OBJECT, "union"),
        ("Ms. Okafor's view is that the ferry should stay public.", "the ferry should stay public", CLAIM_NOUN, "Okafor"),
        ("The minister was frank in her acknowledgment that the fares had risen too fast.", "the fares had risen too fast", CLAIM_NOUN, "the minister"),
        ("The ministry tried to make the case that the bridge was safe for lorries.", "the bridge was safe for lorries", CLAIM_MADE, "the ministry"),
        ("The fishermen raised the possibility that the quay would flood.", "the quay would flood", CLAIM_MADE, "the fishermen"),
        # proof or evidence put forward, or none offered, for a claim
        ("The mayor offered no evidence that the ferry contract had been rigged.", "the ferry contract had been rigged", CLAIM_MADE, "the mayor"),
        ("Ferry row\n\nThe harbour board has produced proof that the pier was inspected in May.", "the pier was inspected in May", CLAIM_MADE, "the harbour board"),
        # a stance taken on what is mocked, played down or invoked
        ("The union mocked the council's plan to sell the harbour office.", "the council's plan to sell the harbour office", CONTENT_OBJECT, "union"),
        ("Ferry row\n\nThe minister downplayed the risk of a strike by ferry crews.", "the risk of a strike by ferry crews", CONTENT_OBJECT, "the minister"),
        # what someone ties a thing to
        ("Ferry row\n\nThe inspectors linked the engine fire to a missed repair in May.", "the engine fire to a missed repair in May", CONTENT_OBJECT, "the inspectors"),
        # a doubt or a worry put forward, and what it is about
        ("Ferry row\n\nThe pilots' union raised concerns about the depth of the new channel.", "the depth of the new channel", CONCERN_RAISED, "union"),
        ("Ferry row\n\nResidents have raised questions over who will pay for the repairs.", "who will pay for the repairs", CONCERN_RAISED, "Residents"),
        ("Ferry row\n\nParents aired doubts that the school would reopen in May.", "the school would reopen in May", CONCERN_RAISED, "Parents"),
        # a document that relays someone's words: the words are theirs
        ("Ferry talks\n\nMs. Okafor told the harbour board that the pier would close in May, the readout said.",
         "the pier would close in May", REPORTING_VERB, "Okafor"),
        ("Ferry talks\n\nMs. Okafor told the harbour board that the pier would close in May, according to a transcript of the meeting.",
         "the pier would close in May", REPORTING_VERB, "Okafor"),
        # a poll that finds what people said is their source
        ("Ferry poll\n\nMost islanders said the ferry should stay public, according to a survey by the Gazette.",
         "Most islanders said the ferry should stay public", ACCORDING_TO, "survey"),
        ("The mayor made it clear she would not sign the harbour contract.", "she would not sign the harbour contract", MADE_CLEAR, "the mayor"),
        ("The ministry made clear that the ferry timetable would not change.", "the ferry timetable would not change", MADE_CLEAR, "the ministry"),
        # a title-case headline, read from its words
        ("Railing Against The Council, Okafor Vows To Scrap Ferry Fees Used By Tour Operators.\n\nMara Okafor spoke on Friday.",
         "To Scrap Ferry Fees Used By Tour Operators", HEADLINE_VERB, "Okafor"),
        ("Harbour Unions Slam Pay Offer As An Insult To Crews\n\nThe unions met on Friday.", "Pay Offer As An Insult To Crews", HEADLINE_VERB, "Unions"),
        ("Poll: Most islanders back the new ferry contract.\n\nThe poll was run by the Gazette.", "Most islanders back the new ferry contract", HEADLINE, "Poll"),
        # a verb and its colon ending a paragraph, and the next paragraph without quotation marks
        ("Later the harbour master added:\n\nThe ferry company promises everything and delivers nothing.\n\nThe company did not reply.",
         "The ferry company promises everything and delivers nothing", COLON_BLOCK, "the harbour master"),
        # a headline's source before its colon
        ("Okafor: Ferry fares will rise in spring.\n\nThe transport minister, Mara Okafor, said so on Friday.",
         "Ferry fares will rise in spring", HEADLINE, "Mara Okafor"),
    ],
)
def test_what_a_rule_reports(reported, text, clause, rule, speaker):
    assert (clause, rule) in [(c, r) for c, r, _ in reported(text)], reported(text)
    assert speaker in next(s for c, r, s in reported(text) if c == clause)


@pytest.mark.parametrize(
    "text",
    [
        "The voters will decide who runs the port authority next year.",  # a decision to come, nothing held
        "She will assume the post of harbour master in June.",  # "assume" an office
        "The ferry left the quay, the crowd waved, and she smiled.",
        "The council stopped paying the contractor in May.",
        "The ferry is critical to the island's economy.",  # "critical to": needed, not a stance
        "It is critical that the council acts before the storm season.",  # a gerund after a verb that reports nothing  # weak cues report nothing before them
        "Opinion: Ferry fares will rise in spring.\n\nThe minister said so.",  # a label, not a source
        "The panel heard two witnesses.\n\nOkafor: Ferry fares will rise in spring.",  # an answer of a transcript
        "The harbour master said:\n\n“The ferry company promises everything.”",  # a quotation, not reported speech
        "The harbour master wrote three things on the board:\n\nThe ferry is late. The pier is shut. The café is open.",
        "The Ferry Says Goodbye To Its Last Crew\n\nIt sailed on Friday.",  # a ferry is no source
        "Island Councillors Back New Ferry Contract Despite Protests\n\nThe vote was close.",  # a vote
        "Review: The new ferry terminal is a triumph.\n\nIt opened on Friday.",  # a label, not a source
        "The ferry left on time.\n\nHarbour Minister Vows To Cut Ferry Fares By Spring.",  # not the article's first line
        "Few people knew the skipper when he ran the night ferry in 2009.",  # "when" opens no reported clause
        "New harbour rules that promise to cut the noise will start in May.",  # rules promise nothing said
        "She made the harbour office clear of boxes before the inspection.",  # "made clear" with no clause
        "Ferry fees\n\nThe council raised fees for the harbour car park by a tenth.",  # "raised" what is no doubt
        "Ferry fees\n\nThe decision raises questions about who will pay for the pier.",  # a thing prompts doubts, voices none
        "Ferry fees\n\nThe council offered evidence of its spending to the auditors.",  # evidence with no claim
        "Ferry route\n\nThe new causeway links the island to the coast road.",  # a road ties nothing to anything in words
    ],
)
def test_what_is_no_report(reported, text):
    assert reported(text) == []


def test_a_noun_with_a_subject_is_a_verb(nlp):
    # "But Okafor claims that…" where the tagger read "claims" as a plural noun
    words = ["But", "Okafor", "claims", "that", "he", "lost"]
    doc = Doc(nlp.vocab, words=words, pos=["CCONJ", "PROPN", "NOUN", "SCONJ", "PRON", "VERB"],
              deps=["cc", "nsubj", "ROOT", "mark", "nsubj", "ccomp"], heads=[2, 2, 2, 5, 5, 2])
    assert _as_verb(doc[2])
    plain = Doc(nlp.vocab, words=["Her", "claims", "failed"], pos=["PRON", "NOUN", "VERB"], deps=["poss", "nsubj", "ROOT"], heads=[1, 2, 2])
    assert not _as_verb(plain[1])


def test_a_pronoun_reporter_is_not_the_one_its_clause_is_about(reported):
    text = "Ilse Vos, a night nurse in Utrecht, tried the naps first.\n\nHer manager was sceptical at first, she adds."
    assert all(speaker != "Her manager" for _, _, speaker in reported(text)), reported(text)


def test_a_label_before_a_colon_is_no_reporter(reported):
    text = "Election 2030: Party flagbearer vows to fix the northern roads first\n\nThe campaign heads north."
    assert all(not speaker.startswith("Election") for _, _, speaker in reported(text)), reported(text)


def test_nobody_in_particular_reports_nothing(reported):
    assert reported("Someone plans to take over the shipyard and its debts before the winter.") == []
