"""Reported speech, rule by rule, on invented sentences: what each rule reports and what it leaves alone."""

import pytest
from spacy.tokens import Doc

from claimlight.engine.actors import build_actor_index
from claimlight.engine.attribution import Attributor
from claimlight.engine.nlp import parse
from claimlight.engine.quotes import find_quotations
from claimlight.engine.reported import CONTENT_OBJECT, HEADLINE, PREPOSITION_OBJECT, REPORTING_VERB, STANCE_ADJECTIVE, TRAILING_VERB, _as_verb, find_reported
from claimlight.engine.transcript import with_answers


@pytest.fixture(scope="module")
def reported(nlp):
    def _reported(text):
        doc = parse(nlp, text)
        index = build_actor_index(doc)
        attributor = Attributor(doc, text, with_answers(doc, index, find_quotations(text)), index)
        attributor.run()
        return [(text[r.start : r.end], r.rule, r.speaker.name) for r in find_reported(doc, attributor.finder, attributor.in_quote)]

    return _reported


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
