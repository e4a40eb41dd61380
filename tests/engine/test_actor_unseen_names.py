"""Actor typing rules written for names the small model has not seen (session 25): each case forces
the wrong label (or no label) the model gives such names, and the words around the name decide."""

import pytest

from claimlight.engine.unlabelled_names import unlabelled_organisations, unlabelled_places
from test_actor_types import index_with_labels, types_of


@pytest.mark.parametrize(
    ("text", "labels", "name", "expected"),
    [
        # a last word only an organisation's name ends in
        ("Her paintings hang in the Harrowgate Gallery this spring.", [("Harrowgate Gallery", 1, "GPE")], "Harrowgate Gallery", "organization"),
        ("The Tessaly Coast Guard searched the bay overnight.", [("Tessaly Coast Guard", 1, "GPE")], "Tessaly Coast Guard", "organization"),
        ("Ojara once played for Kesterby Rangers.", [("Kesterby Rangers", 1, "PERSON")], "Kesterby Rangers", "organization"),
        ("Fans of Molvan United waited outside.", [("Molvan United", 1, "PERSON")], "Molvan United", "organization"),
        # ... but a state the model labels a place stays one, whatever its name ends in
        ("Troops left the former Soviet Union in 1994.", [("Soviet Union", 1, "GPE")], "Soviet Union", "place"),
        ("The talks were about the Russian Federation and its neighbours.", [("Russian Federation", 1, "GPE")], "Russian Federation", "place"),
        ("The Varnish City Council met on Tuesday.", [("Varnish City Council", 1, "GPE")], "Varnish City Council", "organization"),
        # "of X" between commas after a person's name is where the person lives
        ("Darnell Pike, of Brookhaven, was arrested on Monday.", [("Darnell Pike", 1, "PERSON"), ("Brookhaven", 1, "PERSON")], "Brookhaven", "place"),
        # a person's word after "in X," is the sentence subject's, not the place's
        ("Okoro grew up in Felling, the daughter of a nurse.", [("Okoro", 1, "PERSON"), ("Felling", 1, "PERSON")], "Felling", "place"),
        # a "who" clause after "from X," is the noun's before it
        ("A mother of two from Tessaly, who asked not to be named, said the ward was full.", [("Tessaly", 1, "PERSON")], "Tessaly", "place"),
        # "on X" after a verb of posting or saying is the medium
        ("The singer told fans on Quillo that she was exhausted.", [("Quillo", 1, "GPE")], "Quillo", "organization"),
        # a particle "off" says nothing of a place; the preposition "off" does
        ("Her father was lost off Varrow in 1961.", [("Varrow", 1, "ORG")], "Varrow", "place"),
        # the name a text gives someone it leaves otherwise unnamed
        ("A gunner who goes by the call sign Borsuk said the nights were long.", [("Borsuk", 1, "ORG")], "Borsuk", "person"),
        ("A trader who gave his name only as Ah Kiat said he had lost stock.", [("Ah Kiat", 1, "ORG")], "Ah Kiat", "person"),
    ],
)
def test_the_text_types_names_the_model_does_not_know(nlp, text, labels, name, expected):
    assert types_of(nlp, text, labels)[name] == expected


def test_a_verb_of_posting_does_not_make_a_street_an_organisation(nlp):
    text = "The mayor told reporters on Kellan Avenue that the works would end soon."
    assert types_of(nlp, text, [("Kellan Avenue", 1, "GPE")])["Kellan Avenue"] == "place"


def test_a_country_beside_a_body_named_after_it_stays_a_place(nlp):
    # the lone country is not a short form of the union, and the union stays an organisation
    text = "The Varuna Rugby Union fined two players. Crowds in Varuna cheered the team. Varuna won the cup."
    labels = [("Varuna Rugby Union", 1, "ORG"), ("Varuna", 2, "GPE"), ("Varuna", 3, "GPE")]
    idx = index_with_labels(nlp, text, labels)
    union = next(a for a in idx.actors if a.name == "Varuna Rugby Union")
    assert union.type == "organization" and [m.text for m in union.mentions] == ["Varuna Rugby Union"]
    assert next(a for a in idx.actors if a.name == "Varuna").type == "place"


def test_a_common_noun_opening_a_quotation_is_no_name(nlp):
    text = "Gavin Copper, a chemist, tested the water. “Copper settles in the mud,” he said."
    idx = index_with_labels(nlp, text, [("Gavin Copper", 1, "PERSON")])
    assert [m.text for a in idx.actors for m in a.mentions] == ["Gavin Copper"]


def test_a_surname_the_tagger_takes_for_a_noun_is_still_a_surname(nlp):
    text = "Lewis Whitmore missed early on. Whitmore restored the lead from the spot."
    idx = index_with_labels(nlp, text, [("Lewis Whitmore", 1, "PERSON")])
    (person,) = idx.actors
    assert [m.text for m in person.mentions] == ["Lewis Whitmore", "Whitmore"]


def names(doc, ranges):
    return [doc[s:e].text for s, e in ranges]


def test_unlabelled_names_a_place_preposition_governs_are_places(nlp):
    doc = nlp("Police spoke to 40 people in Matelot and Toco. He left the jetty at Matelot before dawn.")
    doc.ents = []
    assert names(doc, unlabelled_places(doc, set(), 0, len(doc))) == ["Matelot", "Toco", "Matelot"]


def test_unlabelled_place_finder_leaves_names_of_other_things(nlp):
    doc = nlp("She worked at the Lakeshore Employees' Pension Plan and spoke in Parliament about Rs3,200 fees.")
    doc.ents = []
    assert unlabelled_places(doc, set(), 0, len(doc)) == []
    doc = nlp("Study Links Warmer Fjords to Lice Outbreaks at Salmon Farms")
    doc.ents = []
    assert unlabelled_places(doc, set(), 0, len(doc)) == []


def test_unlabelled_runs_ending_in_an_organisation_word_are_organisations(nlp):
    doc = nlp("Ojara played for Kesterby Town and Ardmore FC before he coached.")
    doc.ents = []
    assert names(doc, unlabelled_organisations(doc, set(), 0, len(doc))) == ["Ardmore FC"]
