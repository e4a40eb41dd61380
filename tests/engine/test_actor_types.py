"""An actor's type comes from how the text names it when the statistical label says otherwise.

Each case forces the entity label the small model sometimes gives, so the rule is tested whatever
the model happens to predict for the sentence.
"""

import pytest
from spacy.tokens import Span

from claimlight.engine.actors import build_actor_index


def types_with_label(nlp, text: str, name: str, label: str) -> dict[str, str]:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    doc.ents = [Span(doc, span.start, span.end, label=label)]
    return {a.name: a.type for a in build_actor_index(doc).actors}


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        # a place word ends the name
        ("Hikers crossed the Morvan Glacier at dawn.", "Morvan Glacier", "ORG", "place"),
        ("The festival moved to Delacourt Park last year.", "Delacourt Park", "PERSON", "place"),
        ("Traffic was stopped on Halloway Avenue for an hour.", "Halloway Avenue", "ORG", "place"),
        # a place word follows the name in lower case
        ("Farmers rely on the Tesmir river for irrigation.", "Tesmir", "PERSON", "place"),
        ("Levels in the Obrava reservoir fell again.", "Obrava", "ORG", "place"),
        # a preposition that only takes places
        ("The company sold two warehouses near Vellmar on Friday.", "Vellmar", "PERSON", "place"),
        # a role word before a name
        ("\"We are done,\" chief executive Marisol Quent said.", "Marisol Quent", "ORG", "person"),
        ("Retail analyst Tobin Hale expects more closures.", "Tobin Hale", "GPE", "person"),
        # an organisation word anywhere in the name keeps it an organisation
        ("Students at Darrow University on Kessel Island protested.", "Darrow University on Kessel Island", "ORG", "organization"),
        # club names that end in City or Town are not made places
        ("Harbin City beat Oldfield Town 2-1.", "Harbin City", "ORG", "organization"),
        # what a place's people, parts or governor are "of"; a clause after it is theirs, not the place's
        ("Residents of Kolmar have waited a year for the bridge.", "Kolmar", "PERSON", "place"),
        ("Governor Ruth Awino of Tana Ridge, who chairs the council, disagreed.", "Tana Ridge", "PERSON", "place"),
        ("The leader of Corven said the party would vote no.", "Corven", "ORG", "organization"),
        # a later name of a list that "in" governs
        ("She has worked in Lagos, Vexmo and now Multan.", "Vexmo", "PERSON", "place"),
        # a name in front of a pitch or a road
        ("The captain refused to blame the Kestrel pitch after the defeat.", "Kestrel", "PERSON", "place"),
        # a dateline followed by a colon
        ("KARVO: Health officials said on Tuesday that talks would go on.", "KARVO", "ORG", "place"),
        # the statistical label stands when nothing in the text contradicts it
        ("Kessler Mining reported higher profits.", "Kessler Mining", "ORG", "organization"),
        ("Officials in Tavira said the bridge would reopen.", "Tavira", "GPE", "place"),
    ],
)
def test_the_label_stands_unless_the_text_says_otherwise(nlp, text, name, label, expected):
    assert types_with_label(nlp, text, name, label)[name] == expected


def index_with_labels(nlp, text: str, labels: list[tuple[str, int, str]]):
    """The actor index of `text` with exactly these entities: (name, occurrence from 1, label)."""
    doc = nlp(text)
    ents = []
    for name, occurrence, label in labels:
        start = -1
        for _ in range(occurrence):
            start = text.index(name, start + 1)
        span = doc.char_span(start, start + len(name))
        assert span is not None, name
        ents.append(Span(doc, span.start, span.end, label=label))
    doc.ents = sorted(ents, key=lambda s: s.start)
    return build_actor_index(doc)


def types_of(nlp, text, labels):
    return {m.text: a.type for a in index_with_labels(nlp, text, labels).actors for m in a.mentions}


# The whole article decides: each case forces the wrong label the small model gives such names, and
# the words around the name say what it is.
@pytest.mark.parametrize(
    ("text", "labels", "name", "expected"),
    [
        # an apposition says what it is
        ("Analysts praised Korvane, a Lisbon company that builds ferries.", [("Korvane", 1, "PERSON")], "Korvane", "organization"),
        ("She is survived by her brother, Anselm, and two nieces.", [("Anselm", 1, "ORG")], "Anselm", "person"),
        ("Tullagh, a village of 400 people, flooded again on Sunday.", [("Tullagh", 1, "PERSON")], "Tullagh", "place"),
        # an age between commas
        ("Dorran Vasko, 71, was fined for the fire.", [("Dorran Vasko", 1, "GPE")], "Dorran Vasko", "person"),
        # an address: a place and its region
        ("A man of Wexley, Dorset, was fined £300.", [("Wexley", 1, "ORG"), ("Dorset", 1, "PERSON")], "Wexley", "place"),
        ("A man of Wexley, Dorset, was fined £300.", [("Wexley", 1, "ORG"), ("Dorset", 1, "PERSON")], "Dorset", "place"),
        ("She grew up in Tarnby, Ont., and moved west.", [("Tarnby", 1, "PERSON")], "Tarnby", "place"),
        # a dateline, and "X-based"
        ("HALVERTON — The council voted on Monday to close the pool.", [("HALVERTON", 1, "PERSON")], "HALVERTON", "place"),
        ("The Brevik-based firm hired 40 people.", [("Brevik", 1, "PERSON")], "Brevik", "place"),
        # no person has a number in the name, a team is named in the plural
        ("Crowds gathered at Berth 9 on Sunday.", [("Berth 9", 1, "PERSON")], "Berth 9", "place"),
        ("Last night the Marlow Kestrels won again.", [("Marlow Kestrels", 1, "GPE")], "Marlow Kestrels", "organization"),
        # which / who
        ("Calloway Books, which opened in 1988, will close.", [("Calloway Books", 1, "PERSON")], "Calloway Books", "organization"),
        ("Ostend Rovers, who lost 3-0 on Saturday, are bottom.", [("Ostend Rovers", 1, "GPE")], "Ostend Rovers", "organization"),
        ("Tamsworth, who spoke first, wanted a recount.", [("Tamsworth", 1, "GPE")], "Tamsworth", "person"),
        # a title before a name the model calls something else; a verb only people do
        ("Deputy Mayor Ines Qorri opened the bridge.", [("Ines Qorri", 1, "ORG")], "Ines Qorri", "person"),
        ("Feldane died on Tuesday at home.", [("Feldane", 1, "ORG")], "Feldane", "person"),
        # "in X" is a vote for a place, against one label
        ("She moved to a flat in Corrigan last year.", [("Corrigan", 1, "ORG")], "Corrigan", "place"),
    ],
)
def test_the_article_outweighs_a_wrong_label(nlp, text, labels, name, expected):
    assert types_of(nlp, text, labels)[name] == expected


def test_what_the_text_states_outweighs_what_it_suggests(nlp):
    # "in Velmor" suggests a place; the apposition states a company
    text = "Velmor, a bakery chain, has 30 shops. Queues formed in Velmor on Monday."
    assert types_of(nlp, text, [("Velmor", 1, "PERSON"), ("Velmor", 2, "GPE")])["Velmor"] == "organization"
    # a relative "which" about the whole clause does not unmake a person named in full
    text = "The crowd cheered for Linda Rilke, which surprised nobody. Linda Rilke waved."
    assert types_of(nlp, text, [("Linda Rilke", 1, "ORG"), ("Linda Rilke", 2, "ORG")])["Linda Rilke"] == "person"


def test_one_name_labelled_two_ways_is_one_actor_typed_by_the_article(nlp):
    text = "Who feeds Tarvik's night shift? Most cafés in Tarvik, Ont., close at ten."
    idx = index_with_labels(nlp, text, [("Tarvik", 1, "PERSON"), ("Tarvik", 2, "GPE")])
    (tarvik,) = [a for a in idx.actors if a.name == "Tarvik"]
    assert tarvik.type == "place" and len(tarvik.mentions) == 2


def test_the_first_word_of_an_organisation_alone_is_that_organisation(nlp):
    text = "Holloway Freight Group said profits fell. Holloway did not comment further. Holloway shares slid."
    idx = index_with_labels(nlp, text, [("Holloway Freight Group", 1, "ORG"), ("Holloway", 2, "PERSON")])
    (org,) = [a for a in idx.actors if a.name == "Holloway Freight Group"]
    assert org.type == "organization"
    assert [m.text for m in org.mentions] == ["Holloway Freight Group", "Holloway", "Holloway"]


def test_a_public_body_named_after_its_place_leaves_the_place_a_place(nlp):
    text = "Dunmore Police said the road would reopen. Residents of Dunmore were told to wait."
    types = types_of(nlp, text, [("Dunmore Police", 1, "ORG"), ("Dunmore", 2, "PERSON")])
    assert types["Dunmore Police"] == "organization" and types["Dunmore"] == "place"


def test_a_first_word_the_text_calls_a_place_is_not_the_club_named_after_it(nlp):
    text = "The Kesto Pillars coach met the Emir of Kesto on Friday. Residents of Kesto cheered."
    types = types_of(nlp, text, [("Kesto Pillars", 1, "ORG"), ("Kesto", 3, "PERSON")])
    assert types["Kesto Pillars"] == "organization" and types["Kesto"] == "place"
    (club,) = [a for a in index_with_labels(nlp, text, [("Kesto Pillars", 1, "ORG")]).actors if a.name == "Kesto Pillars"]
    assert [m.text for m in club.mentions] == ["Kesto Pillars"]  # "the Emir of Kesto" is not the club


def test_what_a_names_own_clause_calls_its_is_no_person(nlp):
    assert types_of(nlp, "Officials said Karsavo would review its contracts.", [("Karsavo", 1, "PERSON")])["Karsavo"] == "organization"
    # a hyphenated phrase's "its" says nothing of the subject
    text = "Ilse Varnhagen presided over a first-of-its-kind summit."
    assert types_of(nlp, text, [("Ilse Varnhagen", 1, "PERSON")])["Ilse Varnhagen"] == "person"


def test_shares_in_a_name_make_it_a_firm(nlp):
    types = types_of(nlp, "Shares in Dunmore Energy fell sharply on Monday.", [("Dunmore Energy", 1, "GPE")])
    assert types["Dunmore Energy"] == "organization"


def test_a_name_is_its_capitalised_words_and_the_rest_of_a_place_name(nlp):
    # "Carrick council": the council's town; "Sella Vane" + "National Park": one place
    types = types_of(nlp, "The Carrick council voted 6-3.", [("Carrick council", 1, "ORG")])
    assert types == {"Carrick": "place"}
    types = types_of(nlp, "Hikers in the Sella Vane National Park were rescued.", [("Sella Vane", 1, "ORG")])
    assert types == {"Sella Vane National Park": "place"}


def test_a_spaced_dash_ends_a_dateline_the_recogniser_ran_into_a_name(nlp):
    types = types_of(nlp, "OAKLAND - Brivane opened a store on Monday.", [("OAKLAND - Brivane", 1, "GPE")])
    assert types == {"OAKLAND": "place"}


def test_time_zones_are_not_actors(nlp):
    assert types_of(nlp, "The session opens at 09:00 GMT on Friday.", [("GMT", 1, "ORG")]) == {}


def test_a_surname_after_a_title_is_the_person_named_in_full(nlp):
    text = "Defending, Owen Prichard spoke first. Mr Prichard said his client was sorry."
    idx = index_with_labels(nlp, text, [("Owen Prichard", 1, "PERSON")])
    (owen,) = idx.actors
    assert [m.text for m in owen.mentions] == ["Owen Prichard", "Prichard"]


def people_without_labels(nlp, text: str, label_first: str | None = None) -> dict[str, str]:
    """The actors of a text whose entities are all removed (the first word of the name given
    `label_first`, as the model sometimes labels a given name it does not know as a nationality)."""
    doc = nlp(text)
    first = next(t for t in doc if t.pos_ == "PROPN")
    doc.ents = [Span(doc, first.i, first.i + 1, label=label_first)] if label_first else []
    return {a.name: a.type for a in build_actor_index(doc).actors}


@pytest.mark.parametrize(
    ("text", "label_first", "expected"),
    [
        # the subject of a verb only people do
        ("Darian Lonechild spoke to reporters on Monday.", "NORP", {"Darian Lonechild": "person"}),
        ("Later that night Tuvik Anguk laughed at the question.", None, {"Tuvik Anguk": "person"}),
        # a person's role in apposition
        ("Tuvik Anguk, an elder from the coast, leads the walk.", None, {"Tuvik Anguk": "person"}),
        # a company is no person, whatever it says (its last word makes it an organisation)
        ("Ribble Property Holdings said the site was sold.", None, {"Ribble Property Holdings": "organization"}),
    ],
)
def test_a_name_the_model_missed_is_a_person_by_what_the_text_says(nlp, text, label_first, expected):
    assert people_without_labels(nlp, text, label_first) == expected


@pytest.mark.parametrize("text, name", [("Goalie Marc Fontaine signed a new deal on Friday.", "Marc Fontaine"), ("Winger Nadia Okoro, 34, scored twice.", "Nadia Okoro")])
def test_a_role_word_at_the_start_of_a_sentence_is_not_part_of_the_name(run, text, name):
    assert name in [a.name for a in run(text).analysis.actors]


@pytest.mark.parametrize(
    ("text", "labels", "name", "gender"),
    [
        # an honorific outside the entity, after its own full stop, as Indian English writes "Smt."
        ("Party leader Smt. Kalyani Rao called it a delay.", [("Smt", 1, "ORG"), ("Kalyani Rao", 1, "ORG")], "Kalyani Rao", "f"),
        # an honorific the model took into an organisation's name
        ("A statement signed by Mr Tunde Bello was read out.", [("Mr Tunde Bello", 1, "ORG")], "Tunde Bello", "m"),
        # "(Mrs)" between a professional title and the name
        ("His deputy, Engr. (Mrs) Ada Obi, spoke.", [("Ada Obi", 1, "GPE")], "Ada Obi", "f"),
    ],
)
def test_an_honorific_makes_a_person_and_says_their_gender(nlp, text, labels, name, gender):
    idx = index_with_labels(nlp, text, labels)
    people = {a.name: a for a in idx.actors}
    assert name in people and people[name].type == "person" and people[name].gender == gender
    assert not any(a.name.rstrip(".") in ("Smt", "Mr", "Engr") for a in idx.actors)


def test_a_title_and_an_unlabelled_given_name_before_a_surname_make_a_full_name(nlp):
    # the model labelled only the surname, and as a place
    idx = index_with_labels(nlp, "The governor, Prince Dapo Akinola, spoke first.", [("Akinola", 1, "GPE")])
    assert {a.name: a.type for a in idx.actors} == {"Dapo Akinola": "person"}
    # a second title word is no given name
    idx = index_with_labels(nlp, "Deputy Mayor Ines Qorri opened the bridge.", [("Ines Qorri", 1, "ORG")])
    assert [a.name for a in idx.actors] == ["Ines Qorri"]
    # nor is a saint's name a person's title
    idx = index_with_labels(nlp, "Ferries leave St Mary Harbour daily.", [("Harbour", 1, "GPE")])
    assert all(a.type != "person" for a in idx.actors)


def test_an_unlabelled_name_with_a_hyphenated_surname_after_a_title(nlp):
    idx = index_with_labels(nlp, "The Ogun State Governor, Prince Dapo Adeyemi-Okoro, flagged off the road.", [])
    assert [(a.name, a.type) for a in idx.actors] == [("Dapo Adeyemi-Okoro", "person")]


def test_a_surname_with_a_particle_capitalised_at_a_sentence_start_is_that_person(nlp):
    text = "Opposition MP Charlene van Wyk was not satisfied. Van Wyk asked for the figures. Van Wyk left early."
    idx = index_with_labels(nlp, text, [("Charlene van Wyk", 1, "PERSON"), ("Van Wyk", 1, "PERSON"), ("Van Wyk", 2, "PERSON")])
    assert [(a.name, len(a.mentions)) for a in idx.actors] == [("Charlene van Wyk", 3)]


def test_a_name_in_front_of_a_teams_staff_is_the_team(nlp):
    text = ("Corrow Dene had the better of the first half. Corrow Dene led at the break. "
            "Dene manager Ivo Marsh was pleased with the result.")
    labels = [("Corrow Dene", 1, "PERSON"), ("Corrow Dene", 2, "PERSON"), ("Dene", 3, "PERSON"), ("Ivo Marsh", 1, "PERSON")]
    types = types_of(nlp, text, labels)
    assert types["Corrow Dene"] == types["Dene"] == "organization"
    assert types["Ivo Marsh"] == "person"
    # a person's adviser or campaign manager leaves the person a person
    text = "Pelham campaign manager Rosa Vint quit. Obrin Pelham said nothing."
    types = types_of(nlp, text, [("Pelham", 1, "PERSON"), ("Rosa Vint", 1, "PERSON"), ("Obrin Pelham", 1, "PERSON")])
    assert types["Pelham"] == types["Obrin Pelham"] == "person"


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        ("Tamsby Rovers 2 Orlen Vale 1: a late winner settles it", [("Tamsby Rovers", 1, "ORG"), ("Orlen Vale", 1, "PERSON")], "organization"),
        ("Orlen Vale 3-1 Tamsby Rovers: Vale cruise home", [("Orlen Vale", 1, "PERSON"), ("Tamsby Rovers", 1, "ORG")], "organization"),
    ],
)
def test_the_sides_of_a_score_line_are_teams(nlp, text, labels, expected):
    assert types_of(nlp, text, labels)["Orlen Vale"] == expected


def test_a_score_does_not_outweigh_a_given_name(nlp):
    # a standings line of drivers: points after a name, but the given names say who they are
    text = "Standings: Lewis Darnell 25 Max Orvik 18 after the opening race."
    types = types_of(nlp, text, [("Lewis Darnell", 1, "PERSON"), ("Max Orvik", 1, "PERSON")])
    assert types["Lewis Darnell"] == types["Max Orvik"] == "person"


def test_where_someone_travels_to_is_a_place(nlp):
    assert types_of(nlp, "The squad will travel to Harnby on Tuesday.", [("Harnby", 1, "PERSON")])["Harnby"] == "place"
    # a vote only: the text's own word for it wins ("to Harnby Council" is no place)
    types = types_of(nlp, "The minister flew to Harnby Council for talks.", [("Harnby Council", 1, "ORG")])
    assert types["Harnby Council"] == "organization"


def test_an_amount_the_model_reads_as_a_name_is_no_actor(nlp):
    text = "The party would set aside GH₵4 billion for roads and R1.4 billion for rail."
    index = index_with_labels(nlp, text, [("GH₵4 billion", 1, "ORG"), ("R1.4", 1, "ORG")])
    assert index.actors == []


def test_a_saints_name_is_a_place_not_a_person(nlp):
    text = "She chairs a commuters' association in St Corvin, east of the capital."
    # the recogniser labels the given name alone, or the whole with the title, a person
    for name in ("Corvin", "St Corvin"):
        index = index_with_labels(nlp, text, [(name, 1, "PERSON")])
        assert [(a.name, a.type) for a in index.actors] == [("St Corvin", "place")]


def test_the_pronoun_i_is_no_actor(nlp):
    index = index_with_labels(nlp, "They say improvements are coming. So am I.", [("I.", 1, "PERSON")])
    assert index.actors == []


def test_a_surname_with_its_particle_is_the_person_named_in_full(nlp):
    text = "Opposition MP Ms Idalene van Rooyen was not satisfied. The words were Van Rooyen's."
    index = index_with_labels(nlp, text, [("Idalene van Rooyen", 1, "PERSON"), ("Van Rooyen", 1, "ORG")])
    assert [(a.name, a.type, len(a.mentions)) for a in index.actors] == [("Idalene van Rooyen", "person", 2)]


def test_a_roles_abbreviation_in_capitals_is_a_title(nlp):
    # a headline's "CS Kiptanui" (a cabinet secretary) labelled an organisation
    text = "Strike enters third week as CS Kiptanui insists talks go on"
    assert types_of(nlp, text, [("CS Kiptanui", 1, "ORG")])["Kiptanui"] == "person"


@pytest.mark.parametrize(
    ("text", "labels", "name", "expected"),
    [
        # a name in the singular with a verb in the plural is a team or a firm, as British papers write
        ("Talks went on. Tolvar are prepared to pay more. Tolvar know the price.", [("Tolvar", 1, "GPE"), ("Tolvar", 2, "GPE")], "Tolvar", "organization"),
        ("Mirrow have won four in a row.", [("Mirrow", 1, "PERSON")], "Mirrow", "organization"),
        # not the subjunctive, not a headline's noun read as a verb, not a country's side
        ("Can you imagine if Dalby were a woman?", [("Dalby", 1, "PERSON")], "Dalby", "person"),
        ("Captain refuses to blame pitch after Kelton collapse", [("Kelton", 1, "GPE")], "Kelton", "place"),
        ("England are two down.", [("England", 1, "GPE")], "England", "place"),
        # a word for its kind right before a name
        ("Ferreira is closing in on a move to Premier League side Hartley City.", [("Hartley City", 1, "GPE")], "Hartley City", "organization"),
        ("Shares in tech firm Quellar rose on Monday.", [("Quellar", 1, "PERSON")], "Quellar", "organization"),
        # not a word a state can be called ("coal-producer West Virginia")
        ("States led by coal-producer Kessia are suing.", [("Kessia", 1, "GPE")], "Kessia", "place"),
    ],
)
def test_the_verb_and_the_word_before_a_name_say_what_it_is(nlp, text, labels, name, expected):
    assert types_of(nlp, text, labels)[name] == expected


def test_office_letters_in_the_plural_are_no_actor(nlp):
    index = index_with_labels(nlp, "MPs voted against the contract.", [("MPs", 1, "ORG")])
    assert index.actors == []


def test_a_kind_word_before_a_name_that_starts_a_clause_says_nothing_of_it(nlp):
    text = "The manager told the club Tomlinson would leave in May."
    assert types_of(nlp, text, [("Tomlinson", 1, "PERSON")])["Tomlinson"] == "person"
