"""What the whole article says about each actor's type, beyond the model's label for each mention.

The small statistical model labels every mention on its own, from the few words around it: a town in
a headline comes out a person ("who fed Moncton's night shift"), a firm a person ("to found
Restwerk"), a county a person ("of Ashford, Kent"). A reader settles the type from everything the
article says about the name, and so does this module: each mention of an actor is read by the rules
in RULES, and the actor's type is decided over all of them.

Evidence comes in three strengths:
  decisive  the text says what it is: an apposition ("Restwerk, a Leipzig company"; "her husband,
            Léon") or a word for its kind before it ("tech firm Lumora"), an age ("Marsh, 52,"), an address ("of Ashford, Kent"), a dateline, "Leipzig-based",
            a title or a given name, a team named in the plural ("the Harbourside Pilots"), a verb
            only people do ("Arsenault died"), the sides of a score line ("Wexley Athletic 2 Brindle
            Vale 2"), a verb in the plural for a name in the singular ("Hartwell are"), what a place's people, parts or governor are of
            ("the people of Dhemaji", "Governor Chemutai of Uasin Gishu");
  veto      the text rules one type out: "X, which …" is no person, "X, who …" no place, a name
            with a number in it ("Pier 4") no person, nor one whose clause says "its" ("Petronas
            would review its contracts"), nor one in front of a team's staff ("Vale manager");
  vote      the model's label, and for a place "in X" / "from X" (or a later name of a list they
            govern: "in Lagos, Malmö and Multan"), "flew to X" and a name in front of a road or a pitch.
Decisive evidence decides (the heaviest type wins; a veto cancels only what the text implies, not
what it states); without it the votes no veto rules out do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

import re

from .docview import text_of, token_list
from .lexicon import (
    FEMALE_NAMES,
    HOLDING_NOUNS,
    HUMAN_VERBS,
    INSTITUTION_NOUNS,
    ORG_KIND_NOUNS,
    KINSHIP_NOUNS,
    LOCATIVE_PREPOSITIONS,
    COUNTRIES,
    COUNTRIES_ALSO_GIVEN_NAMES,
    DRIVEN_VEHICLES,
    MEDIUM_NOUNS,
    MEDIUM_VERBS,
    ORG_NAME_FIRSTS,
    ORG_NAME_HEADS,
    MALE_NAMES,
    NAMING_PHRASES,
    OCCUPATION_NOUNS,
    ORG_HEADS,
    ORGANISATION_NOUNS,
    CLUB_STAFF_NOUNS,
    ORIGIN_SUFFIXES,
    PLACE_HEADS,
    PLACE_ALIASES,
    PLACE_MODIFIED_NOUNS,
    PLACE_NOUNS,
    PLACE_OF_NOUNS,
    PERSON_NOUNS,
    PLACE_OFFICE_TITLES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    TRAVEL_NOUNS,
    TRAVEL_VERBS,
)

_PERSON_WORDS = KINSHIP_NOUNS | ROLE_NOUNS | TITLES | OCCUPATION_NOUNS  # a noun only a person is called

DECISIVE, VETO, VOTE = "decisive", "veto", "vote"
PERSON, ORG, PLACE = "person", "organization", "place"
# How much decisive evidence weighs: what the text states outright, then what it implies.
STATED = 3
IMPLIED = 2
# How many words after its subject's verb a clause's "its" is looked for, and how deep under the verb.
ITS_REACH = 10
# How many words after a name its verb in the plural may stand ("Hartwell are", "Kestrel have now won").
SUBJECT_VERB_REACH = 2
# The highest number a score line's side can have ("Wexley Athletic 2 Brindle Vale 2", "Arsenal 3-1 Chelsea").
SCORE_MAX = 30
# How many names back a list may go to the preposition that governs it ("in A, B, C and D").
_LIST_REACH = 6
# The model's label for a name of several words that it calls a person: decisive, but the lightest.
LABELLED_FULL_NAME = 1
_GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
_GENDERED_PRONOUNS = frozenset("he him his himself she her hers herself".split())
_PLACE_OR_ORG_HEADS = ORG_HEADS | ORG_NAME_HEADS | PLACE_HEADS
_ANY_ORG_HEAD = ORG_HEADS | ORG_NAME_HEADS
# "29-year-old", "51 year old": an age in an apposition's words.
_AGE_IN_YEARS = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b", re.IGNORECASE)
# Nouns an age does not make a person's: bodies and places ("a 150-year-old firm", "a 60-year-old chain").
_NEVER_AGED_PERSON = (INSTITUTION_NOUNS | PLACE_NOUNS | ORGANISATION_NOUNS) - _PERSON_WORDS - PERSON_NOUNS


@dataclass(frozen=True)
class Evidence:
    strength: str  # DECISIVE | VETO | VOTE
    type: str
    weight: int = 1


Rule = Callable[[Doc, "object"], Iterator[Evidence]]


# (every rule reads the words around every mention: they come from the shared token list, not as
# new Token objects each time)
def _root(doc: Doc, m) -> Token:
    return token_list(doc)[m.token_end - 1]


def _after(doc: Doc, m, k: int = 0) -> Token | None:
    i = m.token_end + k
    return token_list(doc)[i] if i < len(doc) else None


def _before(doc: Doc, m, k: int = 1) -> Token | None:
    i = m.token_start - k
    return token_list(doc)[i] if i >= 0 else None


def label(doc: Doc, m) -> Iterator[Evidence]:
    """The model's label (as cleaned by the actor index), one vote per mention."""
    yield Evidence(VOTE, m.label)
    if m.label == PERSON and m.token_end - m.token_start > 1:
        yield Evidence(DECISIVE, PERSON, LABELLED_FULL_NAME)


def stated_elsewhere(doc: Doc, m) -> Iterator[Evidence]:
    """What the article's other names say of this one: "Kent" is the place "Kent Police" serves."""
    if m.stated:
        yield Evidence(DECISIVE, m.stated, STATED)


def title_or_given_name(doc: Doc, m) -> Iterator[Evidence]:
    """ "Mr Prichard", "Judge Greaves"; "Elena Reyes" (a known given name opens a longer name)."""
    prev = _before(doc, m)
    if m.title or (prev is not None and prev.is_title and prev.lower_.rstrip(".") in TITLES):
        yield Evidence(DECISIVE, PERSON, STATED)  # also "Deputy Prime Minister Olena Kravets" labelled otherwise
    words = m.text.split()
    if len(words) > 1 and words[0].lower() in _GIVEN_NAMES and words[-1].lower() not in _PLACE_OR_ORG_HEADS:
        yield Evidence(DECISIVE, PERSON, STATED)
    elif len(words) == 1 and words[0].lower() in _GIVEN_NAMES:
        # "Birta answered for both of them" labelled an organisation, "Birta" a person elsewhere: a
        # known given name alone leans to a person (the lists leave out names that are places or words)
        yield Evidence(VOTE, PERSON)


def apposition(doc: Doc, m) -> Iterator[Evidence]:
    """ "Restwerk, a Leipzig company", "Jonah Tremblay-Sauvé, a rookie defenceman", "her husband, Léon"."""
    root = _root(doc, m)
    nouns = []
    # set off by commas, as an apposition is; the parse also calls "TORONTO — A former manager" one
    after, before = _after(doc, m), _before(doc, m)
    if after is not None and after.text == ",":
        nouns += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if before is not None and before.text == "," and root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    elif before is not None and before.text == "," and _conj_as_apposition(doc, root, before):
        nouns.append(root.head)
    # "Haneul Pay, one of South Korea’s fastest-growing payment apps,": what it is one of
    if after is not None and after.text == ",":
        nouns += [g for c in root.children if c.dep_ == "appos" and c.lower_ == "one" for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    # "a Washington-based developer and spokeswoman for the coalition": a person, whatever the other
    # nouns joined to a person's role could also name
    nouns += [c for n in nouns for c in n.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    if _after_locative(root):
        # "grew up in Bathgate, the daughter of a nurse": a person's word after a place the sentence's
        # subject is in is the subject's, which the parse hangs on the nearer name
        nouns = [n for n in nouns if n.lemma_.lower() not in _PERSON_WORDS]
    if any(n.lemma_.lower() in _PERSON_WORDS or _drives(n) for n in nouns):
        yield Evidence(DECISIVE, PERSON, STATED)
        return
    if any(_aged(doc, n) and n.lemma_.lower() not in _NEVER_AGED_PERSON for n in nouns):
        # "Orrin Quilliam, a 31-year-old software developer": an age in years makes the noun a person's
        # (a developer may be a firm, but not a 29-year-old one; "a 60-year-old chain" stays a chain)
        yield Evidence(DECISIVE, PERSON, STATED)
        return
    # ("Costas Neophytou, 58, a developer": after an age, a word for a firm is a person's trade)
    aged = any(True for _ in age(doc, m))
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma in KINSHIP_NOUNS or lemma in ROLE_NOUNS or lemma in TITLES:
            yield Evidence(DECISIVE, PERSON, STATED)
        elif (lemma in INSTITUTION_NOUNS or lemma in ORGANISATION_NOUNS) and not aged:
            yield Evidence(DECISIVE, ORG, STATED)
        elif lemma in PLACE_NOUNS:
            yield Evidence(DECISIVE, PLACE, STATED)


def _drives(noun: Token) -> bool:
    """ "a taxi driver", "a bus driver": a driver of a vehicle, a person's trade."""
    return noun.lemma_.lower() == "driver" and any(c.dep_ in ("compound", "nmod", "amod") and c.lower_ in DRIVEN_VEHICLES for c in noun.children)


def _conj_as_apposition(doc: Doc, root: Token, comma: Token) -> bool:
    """ "called the airline, Lucayan Skyways, eleven times": the parse may join a name to the noun
    just before its comma as a conjunct; with no "and" or "or" on that noun it is an apposition."""
    head = root.head
    return (
        root.dep_ == "conj" and head.pos_ == "NOUN" and head.i == comma.i - 1
        and not any(c.dep_ == "cc" or c.dep_ == "conj" and c.i != root.i for c in head.children)
    )


def _aged(doc: Doc, noun: Token) -> bool:
    """Whether a noun's own modifiers give an age: "a 31-year-old developer", "a 51-year-old"."""
    words = doc[noun.left_edge.i : noun.i + 1].text
    m = _AGE_IN_YEARS.search(words)
    return m is not None and 0 < int(m.group(1)) < 120


def kind_before(doc: Doc, m) -> Iterator[Evidence]:
    """ "Premier League side Hartwell City", "tech firm Lumora", "the newspaper Diário Desportivo": a
    word for a business or a body right before a name, as a role word before a person's, says what
    it is."""
    kind = _before(doc, m)
    if kind is None or not kind.is_lower or kind.pos_ != "NOUN":
        return
    if kind.lemma_.lower() not in ORG_KIND_NOUNS:
        return
    root = _root(doc, m)
    # (joined to it by the parse, or set beside it as one more object of the same word: "shares in tech
    # firm Quellar"; not "told the club Smith would leave", where the name starts a clause of its own)
    if kind.head.i == root.i or root.head.i == kind.i or (kind.head.i == root.head.i and kind.dep_ == root.dep_):
        yield Evidence(DECISIVE, ORG, STATED)


def age(doc: Doc, m) -> Iterator[Evidence]:
    """ "Gillian Marsh, 52, of Ashford": a bare number between commas right after a name is an age."""
    comma, num, close = _after(doc, m), _after(doc, m, 1), _after(doc, m, 2)
    if comma is not None and num is not None and comma.text == "," and num.like_num and num.text.isdigit():
        if close is None or close.text in (",", ".", ";"):
            if 0 < int(num.text) < 120:
                yield Evidence(DECISIVE, PERSON, STATED)


def relative(doc: Doc, m) -> Iterator[Evidence]:
    """ "Spinning Disc, which opened in 1963" is no person; "Harbour City, who drew 2-2" is no place."""
    comma, rel = _after(doc, m), _after(doc, m, 1)
    if comma is None or rel is None or comma.text != ",":
        return
    if _of_something(doc, m):
        return  # "Governor Chemutai of Uasin Gishu, who chairs …": the clause is the governor's
    if _after_locative(_root(doc, m)):
        return  # "a mother of two from Katugastota, who asked not to be named": the mother's clause
    if rel.lower_ == "which":
        yield Evidence(VETO, PERSON)
    elif rel.lower_ == "who":
        yield Evidence(VETO, PLACE)


def relative_says_person(doc: Doc, m) -> Iterator[Evidence]:
    """ "Litia Naivalu, who had travelled from Lautoka with her three sons": a "who" clause that
    speaks of its subject as "her" or "his" is about a person (a team "who" won is "their"); so is
    one that says what it is with a word only a person is called ("Carys, who is a singer")."""
    comma, rel = _after(doc, m), _after(doc, m, 1)
    if comma is None or rel is None or comma.text != "," or rel.lower_ != "who" or rel.dep_ not in ("nsubj", "nsubjpass"):
        return
    clause = rel.head
    if clause.dep_ != "relcl" or clause.head.i != m.token_end - 1 or _root(doc, m).dep_ == "pobj":
        return  # ("Sandhu, an analyst at Pellworth Capital Markets, who cut his …": the analyst's clause)
    if any(t.lower_ in _GENDERED_PRONOUNS for t in clause.subtree if t.i > rel.i and t.head.i != rel.i and t.pos_ == "PRON"):
        yield Evidence(DECISIVE, PERSON, STATED)
    elif clause.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in _PERSON_WORDS for c in clause.children):
        yield Evidence(DECISIVE, PERSON, STATED)


def number_in_name(doc: Doc, m) -> Iterator[Evidence]:
    """ "Pier 4", "Terminal 5": no person is named with a number."""
    toks = token_list(doc)
    if any(toks[k].like_num for k in range(m.token_start, m.token_end)):
        yield Evidence(VETO, PERSON)
        yield Evidence(VOTE, PLACE)


def address(doc: Doc, m) -> Iterator[Evidence]:
    """ "of Ashford, Kent,", "in Moncton, N.B.", "from Rimouski, Que.": a place and its region."""
    prep = _before(doc, m)
    comma, region, end = _after(doc, m), _after(doc, m, 1), _after(doc, m, 2)
    if (
        prep is not None and prep.lower_ in ("in", "of", "from", "near")
        and comma is not None and comma.text == ","
        and region is not None and _region_like(region)
        and (end is None or end.is_punct)
    ):
        yield Evidence(DECISIVE, PLACE, STATED)
    # the region itself: "Kent" after "of Ashford,"
    comma, place, prep = _before(doc, m), _before(doc, m, 2), _before(doc, m, 3)
    nxt = _after(doc, m)
    if (
        m.token_end - m.token_start == 1
        and comma is not None and comma.text == ","
        and place is not None and place.is_title and place.pos_ == "PROPN"
        and prep is not None and prep.lower_ in ("in", "of", "from", "near")
        and (nxt is None or nxt.is_punct)
    ):
        yield Evidence(DECISIVE, PLACE, STATED)


def _region_like(tok: Token) -> bool:
    # "Kent", "N.B.", "Que.", "Ont"; not a name that goes on ("Jane Smith").
    if not tok.text[:1].isupper() or tok.like_num:
        return False
    return tok.pos_ == "PROPN" and tok.lower_ not in _GIVEN_NAMES


def dateline(doc: Doc, m) -> Iterator[Evidence]:
    """ "TORONTO — A former manager …": the city a story is filed from opens its paragraph in capitals."""
    nxt = _after(doc, m)
    prev = _before(doc, m)
    starts_paragraph = prev is None or "\n" in prev.whitespace_ or prev.is_space
    # ("NEW DELHI:" and "NAIROBI:" where a colon follows it, as many papers print it)
    if starts_paragraph and m.text.isupper() and len(m.text) > 2 and nxt is not None and nxt.text in ("—", "–", "-", ",", ":"):
        yield Evidence(DECISIVE, PLACE, STATED + 1)


def origin(doc: Doc, m) -> Iterator[Evidence]:
    """ "Leipzig-based", "Preston-born": where something is based or someone is born."""
    dash, word = _after(doc, m), _after(doc, m, 1)
    if dash is not None and word is not None and dash.text == "-" and word.lower_ in ORIGIN_SUFFIXES:
        yield Evidence(DECISIVE, PLACE, STATED)


def plural_team(doc: Doc, m) -> Iterator[Evidence]:
    """ "the Harbourside Pilots", "the Lakeshore Comets": a name in the plural is a team or a band."""
    words = token_list(doc)[m.token_start : m.token_end]
    last = words[-1]
    the = _before(doc, m)
    name = m.text.lower()
    if (
        len(words) > 1
        and the is not None and the.lower_ == "the"
        and (last.tag_ == "NNPS" or (last.is_title and last.text.endswith("s") and not last.text.endswith("ss")))
        and last.lower_ not in PLACE_HEADS
        and last.lower_[:-1] not in PLACE_HEADS
        and name not in COUNTRIES
        and name not in PLACE_ALIASES
    ):
        # (stated, as an apposition is: the model labels a team's full name a person on every mention,
        # "the Lakandula Spikers" too, and those labels must not outweigh the plural)
        yield Evidence(DECISIVE, ORG, STATED)


def located(doc: Doc, m) -> Iterator[Evidence]:
    """ "in Moncton", "on Friargate", "from El Calafate": a vote for a place, never for a name with an
    organisation word or one that owns something ("in Trump's view")."""
    prep = _locative_preposition(doc, m)
    nxt = _after(doc, m)
    if prep is None:
        return
    if nxt is not None and (nxt.text in ("'s", "’s") or (nxt.text in ("'", "’") and m.text.endswith("s"))):
        return
    if any(w.lower() in _ANY_ORG_HEAD for w in m.text.split()):
        return
    if _medium(prep):
        if not any(w.lower() in PLACE_HEADS for w in m.text.split()) and m.text.lower() not in COUNTRIES:
            yield Evidence(VOTE, ORG, 2)  # "telling fans on Instagram", "a video on TikTok"
        return
    if prep.lower_ == "in" and prep.head.pos_ == "NOUN" and prep.head.lower_ in HOLDING_NOUNS:
        yield Evidence(VOTE, ORG, 2)  # "shares in Northwind Energy"
        return
    yield Evidence(VOTE, PLACE, LOCATIVE_PREPOSITIONS[prep.lower_])


def _locative_preposition(doc: Doc, m) -> Token | None:
    """The preposition of place a name follows, directly ("in Moncton") or as the next name in a list
    the preposition governs ("in Lagos, Malmö and now Multan")."""
    prep = _before(doc, m)
    # (or opening the sentence: "In Yerevan, the ministry said …")
    opening = prep is not None and prep.is_title and prep.is_sent_start
    if prep is not None and (prep.is_lower or opening) and prep.lower_ in LOCATIVE_PREPOSITIONS and (prep.dep_ != "prt" or _passive(prep.head)):
        return prep
    first = _root(doc, m)
    for _ in range(_LIST_REACH):
        if first.dep_ != "conj" or first.head.i >= first.i:
            break
        first = first.head
    else:
        return None
    if first.i == m.token_end - 1 or first.dep_ != "pobj":
        return None
    prep = first.head
    return prep if prep.is_lower and prep.lower_ in LOCATIVE_PREPOSITIONS else None


def _passive(verb: Token) -> bool:
    """Whether the verb is passive ("was lost off Fleetwood"): it takes no object, so the "particle"
    the parse gives it is a preposition and the name after it no object."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _medium(prep: Token) -> bool:
    """Whether "on X" names where something was posted or said ("telling fans on X", "a post on X")."""
    head = prep.head
    if prep.lower_ != "on" or head.i == prep.i:
        return False
    if head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() in MEDIUM_VERBS
    return head.pos_ == "NOUN" and head.lemma_.lower() in MEDIUM_NOUNS


def _after_locative(root: Token) -> bool:
    """Whether the name is the object of a preposition of place ("in Bathgate", "from Katugastota")."""
    return root.dep_ == "pobj" and root.head.is_lower and root.head.lower_ in LOCATIVE_PREPOSITIONS


def residence(doc: Doc, m) -> Iterator[Evidence]:
    """ "Marcus Whitfield, of Riverside, was arrested": "of X" set off by commas after a person's name
    is where the person lives (a vote: "Jane Roy, of Restwerk," may be her employer)."""
    of, comma, name = _before(doc, m), _before(doc, m, 2), _before(doc, m, 3)
    nxt = _after(doc, m)
    if of is None or comma is None or name is None or of.lower_ != "of" or comma.text != ",":
        return
    if name.ent_type_ != "PERSON" or (nxt is not None and nxt.text not in (",", ".", ";")):
        return
    if any(w.lower() in _ANY_ORG_HEAD for w in m.text.split()):
        return
    yield Evidence(VOTE, PLACE, 2)


# "goes by the call sign ", "gave his name only as ", "a soldier whose call sign is ": the words
# right before the only name a text gives a person (`NAMING_PHRASES`, which coreference reads too).
_NAMED_AS = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in NAMING_PHRASES) + r")(?: is| was)?,? $")
# How many characters before a name its naming phrase may start (the longest phrase, "is", a comma).
_NAMED_AS_REACH = max(len(p) for p in NAMING_PHRASES) + 6


def named_as(doc: Doc, m) -> Iterator[Evidence]:
    """ "a drone pilot who goes by the call sign Bober", "a seller who gave his name only as Ah Seng":
    the name a text gives someone it leaves otherwise unnamed is a person's."""
    before = text_of(doc)[max(0, m.start - _NAMED_AS_REACH) : m.start]
    if _NAMED_AS.search(before):
        yield Evidence(DECISIVE, PERSON, STATED)


def org_name_head(doc: Doc, m) -> Iterator[Evidence]:
    """ "Walker Gallery", "Coast Guard", "Busoga United": a last word that only an organisation's name
    ends in, or "Air Vanuatu" a first word that only one begins with (implied, so a title before a name
    still says it is a person's)."""
    words = m.text.split()
    if len(words) > 1 and (words[-1].lower() in ORG_NAME_HEADS or words[0].lower() in ORG_NAME_FIRSTS):
        yield Evidence(DECISIVE, ORG, IMPLIED)


def country(doc: Doc, m) -> Iterator[Evidence]:
    """ "central Chile", "Chile’s coast": a country's name alone is the country, two votes against the
    model's one for a person (not a name that is also a given name: "Jordan", "Chad"; a national side
    that shares the name is told by what the sentence says of it, "England are")."""
    name = m.text.lower()
    if name in COUNTRIES and name not in COUNTRIES_ALSO_GIVEN_NAMES and name not in _GIVEN_NAMES:
        yield Evidence(VOTE, PLACE, 2)


def place_of(doc: Doc, m) -> Iterator[Evidence]:
    """ "the people of Dhemaji", "the outskirts of Eldoret", "Governor Agnes Chemutai of Uasin Gishu":
    who live in a place, its parts, and the office that governs it are "of" a place."""
    owner = _of_something(doc, m)
    if owner is None or any(w.lower() in ORG_HEADS for w in m.text.split()):
        return
    office = owner.lower_ in PLACE_OFFICE_TITLES or any(
        c.dep_ == "compound" and c.lower_ in PLACE_OFFICE_TITLES for c in owner.children)
    if office or owner.lemma_.lower() in PLACE_OF_NOUNS or owner.lower_ in PLACE_OF_NOUNS:
        yield Evidence(DECISIVE, PLACE, STATED)


def _of_something(doc: Doc, m) -> Token | None:
    """What the name is "of" ("the people" of "the people of Dhemaji"), if it is."""
    root = _root(doc, m)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.i == m.token_start - 1:
        return root.head.head
    return None


def modifies_place_noun(doc: Doc, m) -> Iterator[Evidence]:
    """ "the Perth pitch", "the Ilaro–Owode road": a name in front of a noun of ground, roads and
    coasts is where they are (a vote: "the Harbin City ground" is a club's); so is the second of two
    ("in Simbu and Jiwaka provinces")."""
    head = _root(doc, m)
    if head.dep_ == "conj" and head.head.i < head.i and head.head.dep_ in ("compound", "nmod"):
        head = head.head
    for _ in range(2):  # "Ilaro" of "Ilaro–Owode road" modifies "Owode", which modifies "road"
        if head.dep_ not in ("compound", "nmod") or head.head.i <= head.i:
            return
        head = head.head
        if head.lower_ in PLACE_MODIFIED_NOUNS:
            yield Evidence(VOTE, PLACE, 2)
            return
        if head.pos_ != "PROPN":
            return


def its_own(doc: Doc, m) -> Iterator[Evidence]:
    """ "Petronas would review its contracts": what a name's own clause calls "its" is no person's."""
    root = _root(doc, m)
    verb = root.head
    if root.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.i < root.i:
        return
    toks = token_list(doc)
    for i in range(verb.i + 1, min(len(doc), verb.i + ITS_REACH)):
        tok = toks[i]
        if tok.is_sent_start:
            return
        # (a possessive, not the "its" of "a first-of-its-kind summit")
        if tok.lower_ == "its" and tok.dep_ == "poss" and toks[i - 1].text != "-" and _governed_by(tok, verb):
            yield Evidence(VETO, PERSON)
            yield Evidence(VOTE, ORG)
            return


def _governed_by(tok: Token, verb: Token) -> bool:
    """Whether `verb` is the first verb above `tok` (so `tok` is in its clause, not a clause of its own)."""
    head = tok.head
    for _ in range(ITS_REACH):
        if head.i == verb.i:
            return True
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            return False
        head = head.head
    return False


def club_staff(doc: Doc, m) -> Iterator[Evidence]:
    """ "Vale manager Alan McCrindle", "the Wexley winger", "Apple boss Tim Cook": a name right in front of
    a word for a team's staff is the team's (or the firm's), which is no person, whatever the model's
    label for its full name says ("Brindle Vale" read as a given name and a surname)."""
    staff = _after(doc, m)
    if staff is None or not staff.is_lower or staff.lower_ not in CLUB_STAFF_NOUNS or m.text.lower() in COUNTRIES:
        return  # ("Australia captain": the country and its national side share the name)
    if _root(doc, m).head.i == staff.i or staff.head.i == _root(doc, m).head.i:
        yield Evidence(VETO, PERSON)
        yield Evidence(VOTE, ORG, 2)


def scoreline(doc: Doc, m) -> Iterator[Evidence]:
    """ "Wexley Athletic 2 Brindle Vale 2", "Arsenal 3-1 Chelsea": the names on either side of a score are
    teams (implied, so that a driver's points in a standings line do not outweigh his given name)."""
    toks = token_list(doc)
    after = _score_at(toks, m.token_end, 1)
    if after is not None and after < len(toks) and toks[after].pos_ == "PROPN" and toks[after].is_title:
        yield Evidence(DECISIVE, ORG, IMPLIED)
        return
    before = _score_at(toks, m.token_start - 1, -1)
    if before is not None and before >= 0 and toks[before].pos_ == "PROPN" and toks[before].is_title:
        yield Evidence(DECISIVE, ORG, IMPLIED)


def _score_at(toks: list[Token], i: int, step: int) -> int | None:
    """The index past a score ("2", "3-1", "3–1") starting at toks[i] and read in the direction of
    `step`, or None when there is none."""
    def goal(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].text.isdigit() and int(toks[k].text) <= SCORE_MAX
    if not goal(i):
        return None
    if goal(i + 2 * step) and 0 <= i + step < len(toks) and toks[i + step].text in ("-", "–"):
        return i + 3 * step
    return i + step


def collective_subject(doc: Doc, m) -> Iterator[Evidence]:
    """ "Hartwell are prepared to pay", "Atlântico are understood to want", "Kestrel have won four in a
    row": a name in the singular with a verb in the plural is a team, a firm or a band (as British
    papers write of them); a person or a place takes the singular. Not a country (a national side and
    the country share the name) nor names joined by "and"."""
    root = _root(doc, m)
    if root.dep_ not in ("nsubj", "nsubjpass") or root.text.endswith("s") or m.text.lower() in COUNTRIES:
        return
    if any(c.dep_ == "conj" for c in root.children):
        return
    verb = root.head
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    # right after the name, as a subject's verb stands (a parse that hangs a name on a verb before it or
    # far away is more often wrong than a team); not "were", the subjunctive's too ("if Trump were")
    plural = [w for w in words if w.tag_ == "VBP" and 0 < w.i - root.i <= SUBJECT_VERB_REACH]
    # a verb other than "are" or "have" only in a sentence, not in a headline ("… after Perth collapse")
    if any(w.lower_ in ("are", "have") for w in plural) or (plural and _in_a_sentence(root)):
        yield Evidence(DECISIVE, ORG, IMPLIED)


def _in_a_sentence(tok: Token) -> bool:
    """Whether the word is in a sentence that ends as one does, not in a headline or a label."""
    last = tok.sent[-1]
    while last.is_space and last.i > tok.i:
        last = token_list(tok.doc)[last.i - 1]
    return last.text in (".", "!", "?", "”", "\"", "’", "'")


def destination(doc: Doc, m) -> Iterator[Evidence]:
    """ "flew to Brussels", "Athletic travel to Doncaster", "a visit to Jordan", "charters to Florence":
    where someone goes is a place (a vote)."""
    to = _before(doc, m)
    root = _root(doc, m)
    if to is None or to.lower_ != "to" or root.head.i != to.i:
        return
    going = to.head.lemma_.lower()
    if going not in TRAVEL_VERBS and not (to.head.pos_ == "NOUN" and going in TRAVEL_NOUNS):
        return
    if any(w.lower() in ORG_HEADS for w in m.text.split()):
        return
    yield Evidence(VOTE, PLACE, 2)


def says_of_self(doc: Doc, m) -> Iterator[Evidence]:
    """ "Arumugam said she had taken leave": a name that says something of itself as "he" or "she" is
    a person's (a body speaks of itself as "it" or "we")."""
    root = _root(doc, m)
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS or verb.i < root.i:
        return
    for clause in verb.children:
        if clause.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she") for c in clause.children):
            yield Evidence(DECISIVE, PERSON, IMPLIED)
            return


def human_subject(doc: Doc, m) -> Iterator[Evidence]:
    """ "Arsenault died in 2024", "Vold laughs": verbs only people do."""
    root = _root(doc, m)
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in HUMAN_VERBS:
        yield Evidence(DECISIVE, PERSON, IMPLIED)
    if root.dep_ == "poss" and root.head.lemma_.lower() in KINSHIP_NOUNS:
        yield Evidence(DECISIVE, PERSON, IMPLIED)  # "Tremblay-Sauvé's parents"


# The rules, in the order they are read; each names what it found so a test can force it.
RULES: tuple[Callable, ...] = (
    label,
    stated_elsewhere,
    title_or_given_name,
    apposition,
    kind_before,
    age,
    relative,
    relative_says_person,
    number_in_name,
    address,
    residence,
    org_name_head,
    named_as,
    dateline,
    origin,
    plural_team,
    located,
    country,
    place_of,
    modifies_place_noun,
    its_own,
    club_staff,
    scoreline,
    collective_subject,
    destination,
    human_subject,
    says_of_self,
)


def states_a_place(doc: Doc, mentions: list) -> bool:
    """Whether the text says that one of these mentions is a place ("the Emir of Kano", "in Moncton,
    N.B.", a dateline, "in Suva"), or names a country: then a lone first word of a club's or firm's name
    ("Kano" beside "Kano Pillars", "Fiji" beside "Fiji Rugby Union") is that place, not a short form of
    the club. (Consolidation: the lone mentions may stand in other paragraphs than the full name.)"""
    if any(m.text.lower() in COUNTRIES for m in mentions):
        return True
    return any(placed(doc, m) for m in mentions)


def placed(doc: Doc, m) -> bool:
    """Whether the words around this one mention say it is a place ("the capital of Chad", "in Suva",
    "a visit to Jordan"), whatever the name is elsewhere."""
    for rule in _PLACE_STATEMENTS:
        if any(ev.type == PLACE and (ev.strength == DECISIVE or ev.weight >= _PLACE_VOTE) for ev in rule(doc, m)):
            return True
    return False


# The rules that can state a place outright.
_PLACE_STATEMENTS = (address, dateline, origin, place_of, located, destination)
# The weight of a vote that says a place as plainly as a statement: "in X", "near X", "flew to X".
_PLACE_VOTE = 2


# How many plain place votes outweigh a one-word name's person labels ("flying to X" and "in X").
_PLACED_TWICE = 2


def _person_only_by_label(mentions: list, votes: dict[str, int]) -> bool:
    """Whether the only votes for a person are the model's labels of one-word mentions (one vote each)."""
    if any(m.token_end - m.token_start != 1 for m in mentions):
        return False
    return votes.get(PERSON, 0) <= sum(1 for m in mentions if m.label == PERSON)


def mention_evidence(doc: Doc, m) -> list[Evidence]:
    """What every rule finds about one mention, in the rules' order."""
    return [ev for rule in RULES for ev in rule(doc, m)]


def decide_type(doc: Doc, mentions: list, evidence: Callable[[Doc, object], list[Evidence]] = mention_evidence) -> str | None:
    """The type all the mentions of one actor point to; None when they say nothing. (`evidence` is
    `mention_evidence`, or the same findings kept from the page's previous version.)"""
    decisive: list[Evidence] = []
    # (plain dicts, not Counters: a page's hundred actors each made two, a tenth of the actor index's time)
    votes: dict[str, int] = {}
    vetoed: set[str] = set()
    placed = 0  # votes that place a name as plainly as a statement ("in X", "flew to X")
    for m in mentions:
        for ev in evidence(doc, m):
            if ev.strength == VETO:
                vetoed.add(ev.type)
            elif ev.strength == DECISIVE:
                decisive.append(ev)
            else:
                votes[ev.type] = votes.get(ev.type, 0) + ev.weight
                placed += ev.type == PLACE and ev.weight >= _PLACE_VOTE
    # A veto outweighs what the text only implies, never what it states ("for Clinton, which is
    # something…" does not make Hillary Clinton a thing).
    stated: dict[str, int] = {}
    # (the model's person label on a full name is the lightest of findings: however many mentions it
    # labels so, it never outweighs what the words state, "Kaveri Cloud, a maker of … software,")
    said = any(ev.weight > LABELLED_FULL_NAME and (ev.type not in vetoed or ev.weight >= STATED) for ev in decisive)
    for ev in decisive:
        if said and ev.weight <= LABELLED_FULL_NAME:
            continue
        if ev.type not in vetoed or ev.weight >= STATED:
            stated[ev.type] = stated.get(ev.type, 0) + ev.weight
    if stated:
        return max(stated, key=lambda t: (stated[t], votes.get(t, 0)))
    if placed >= _PLACED_TWICE and PLACE not in vetoed and _person_only_by_label(mentions, votes):
        # "flying to Darwin", "an official in Darwin" beside "Darwin is two hours away": the model's
        # person label on a lone word is its weakest finding, and the text says nothing else of a person
        return PLACE
    allowed = {t: w for t, w in votes.items() if t not in vetoed}
    if allowed:
        return max(allowed, key=lambda t: (allowed[t], t == PLACE))
    if not votes:
        return None
    # Every vote ruled out: what is left. Something "who" speaks of that is not a place is a person
    # when it has a one-word name (a surname), an organisation otherwise ("Harbour City, who drew").
    if PLACE in vetoed and PERSON not in vetoed:
        one_word = all(m.token_end - m.token_start == 1 for m in mentions)
        return PERSON if one_word else ORG
    return next(t for t in (ORG, PLACE, PERSON) if t not in vetoed)
