"""Named actors, consolidated per document.

The statistical NER labels each mention on its own: "Blinken" may come out as a person once, a
place the next time. Here mentions are cleaned (titles, "the", possessives dropped), grouped into
actors ("U.S. Secretary of State Antony Blinken", "Blinken", "Blinken’s" are one person), and each
actor gets one canonical name and one type, which every mention then shares.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import ORTH
from spacy.strings import get_string_id

from spacy.tokens import Doc, Span as SpacySpan, Token

from .actor_evidence import decide_type, mention_evidence, placed, states_a_place
from .docview import columns, text_of, token_list
from .local import by_paragraph, ents_starting, keep, keeps, kept, paragraphs_of, window_at
from .recurring import occurrences
from .resume import evidence_reader
from .nlp import common_nouns
from .unlabelled_names import country_names, unlabelled_organisations, unlabelled_places
from .pseudonyms import is_pseudonym, pseudonyms
from .lexicon import (
    PORTFOLIO_WORDS,
    AMOUNT_MAGNITUDES,
    COUNTRIES,
    CURRENCY_LETTERS,
    CURRENCY_SIGNS,
    LEADING_PLACE_WORDS,
    DEMONYM_NOUNS,
    FEMALE_NAMES,
    FEMALE_TITLES,
    HONORIFIC_PAIRS,
    HONORIFIC_TITLES,
    HUMAN_VERBS,
    MALE_NAMES,
    MALE_TITLES,
    NAME_PREFIX_WORDS,
    NOT_ACTORS,
    OFFICE_LETTERS,
    ORG_CONTEXT,
    ORG_HEADS,
    ORG_NAME_FIRSTS,
    ORG_NAME_HEADS,
    STATE_NAME_HEADS,
    ORG_NOUNS,
    PATRONYMIC_WORDS,
    PERSON_NOUNS,
    PLACE_ALIASES,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    PUBLIC_BODY_HEADS,
    RANK_ABBREVIATIONS,
    ROLE_ABBREVIATIONS,
    ROLE_NAME_ENDINGS,
    ROLE_NOUNS,
    SURNAME_PARTICLES,
    TITLES,
    QUESTION_LABELS,
    ANSWER_LABELS,
    ROLE_LABELS,
)

# (unions of the lexicons used per word, made once)
_ROLE_OR_PERSON_NOUNS = ROLE_NOUNS | PERSON_NOUNS
_ORG_LAST_WORDS = ORG_HEADS | ORG_NAME_HEADS
# How many words the rest of an organisation's name the model cut may have ("and Tobago Coast Guard").
_ORG_REST_WORDS = 4
_NAME_JOINS = frozenset(("and", "&"))
_ORG_OR_PLACE_WORDS = ORG_NOUNS | PLACE_HEADS
_NOT_A_PERSONS_WORDS = ORG_HEADS | ORG_NAME_HEADS | PLACE_HEADS | ORG_NOUNS
# Words a colon after them makes a label or a title, not a dateline ("QUESTION:", "MODERATOR:")
_NOT_A_DATELINE = TITLES | QUESTION_LABELS | ANSWER_LABELS | ROLE_LABELS

# A figure written after a currency's letters, as one word ("R98", "Shs3,000", "KSh450", "RM12.50").
_CURRENCY_AMOUNT = re.compile(r"(?:" + "|".join(CURRENCY_LETTERS) + r")\d[\d,.]*")

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_STRIP_LEADING = {"the", "a", "an"}
_PLACE_TITLES = frozenset(("st", "saint"))  # "St. Kilda", "Saint Lucia": places
_RANK_GRADES = frozenset("I II III IV".split())  # "ACFO I", "DCOP II": a Ghanaian rank's grade


@dataclass
class Mention:
    start: int  # character offsets of the cleaned mention
    end: int
    token_start: int
    token_end: int
    label: str  # the type this mention suggests: person | organization | place
    text: str
    actor: "ActorRecord | None" = None
    title: str = ""  # a title word just before a person's name ("Mr", "President")
    stated: str | None = None  # a type the article states for this name elsewhere ("Kent" of "Kent Police")


@dataclass
class ActorRecord:
    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None  # "m" | "f" | None (unknown)

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


@dataclass
class ActorIndex:
    actors: list[ActorRecord]
    by_token: dict[int, Mention]

    def mention_at(self, token_i: int) -> Mention | None:
        return self.by_token.get(token_i)


def _clean(ent: SpacySpan) -> tuple[int, int, str] | None:
    """Token bounds of the entity without leading articles/titles and trailing possessives."""
    doc = ent.doc
    toks = token_list(doc)
    s, e = ent.start, ent.end
    title = ""
    while s < e and (toks[s].lower_ in _STRIP_LEADING or toks[s].is_space):
        s += 1
    if _country_name(toks[s:e]):
        pass  # "Sri Lanka", "Sri Lankan": a place (or its people) whose name opens with an honorific's word
    elif ent.label_ == "PERSON":
        if s + 1 < e and (toks[s].lower_, toks[s + 1].lower_) in HONORIFIC_PAIRS:
            if s + 2 == e:
                return None  # "Tan Sri" alone: the honorific of the name the recogniser labels next
            title, s = f"{toks[s].lower_} {toks[s + 1].lower_}", s + 2
        while s < e - 1 and (toks[s].lower_ in TITLES or toks[s].lower_.rstrip(".") in TITLES) and not _saint(toks[s]):
            title = toks[s].lower_
            s += 1
    else:
        # "Mr Tunde Bello" labelled an organisation: the honorific is no part of the name, and says
        # what it is a name of
        while s < e - 1 and (
            (toks[s].is_title and toks[s].lower_.rstrip(".") in HONORIFIC_TITLES)
            # "CS Kiptoo insists …" in a headline: a role's abbreviation in capitals is a title too;
            # so is a rank's abbreviated ("Snr Supt Anil Persad" labelled an organisation)
            or (toks[s].is_upper and len(toks[s].text) > 1 and toks[s].lower_ in ROLE_ABBREVIATIONS)
            or (toks[s].is_title and toks[s].lower_.rstrip(".") in RANK_ABBREVIATIONS)
        ):
            title = toks[s].lower_
            s += 1
            if s < e - 1 and toks[s].text in _RANK_GRADES:
                s += 1  # "ACFO II Daniel Osei": the grade of the rank before the name
        # "Independent TD Nóra Ní Bhriain", "Labour MP Jane Ross" labelled an organisation: a party
        # before an office in letters, then the person's name
        office = next((k for k in range(s + 1, e - 1) if toks[k].is_upper and toks[k].lower_ in OFFICE_LETTERS), None)
        if office is not None and all(t.is_title for t in toks[office + 1 : e]):
            s, title = office + 1, toks[office].lower_
        # "Middleton Mayor Sylvie Thériault" labelled an organisation: a title word inside, then a name
        # of two words or more that ends in no word of a body's or a place's, is the title of that name
        office = next((k for k in range(s + 1, e - 2) if toks[k].is_title and toks[k].lower_ in TITLES and not _saint(toks[k])), None)
        if office is not None and all(t.is_title for t in toks[office + 1 : e]) and toks[e - 1].lower_ not in _NOT_A_PERSONS_WORDS:
            s, title = office + 1, toks[office].lower_
    # "Goalie Marc Fontaine" at a sentence start: a role word the recogniser took in, not a name
    # (whatever it labelled the whole; a given name after the role word says it is a person)
    while s < e - 2 and toks[s].is_title and toks[s].lower_ in _ROLE_OR_PERSON_NOUNS and (
        ent.label_ == "PERSON" or toks[s + 1].lower_ in MALE_NAMES or toks[s + 1].lower_ in FEMALE_NAMES
    ):
        s += 1
    # "SAN FRANCISCO - Lumora unveiled …": a dash with spaces round it ends a dateline, never lies in a name
    e = next((k for k in range(s + 1, e) if toks[k].text in ("-", "–", "—") and toks[k - 1].whitespace_ and toks[k].whitespace_), e)
    while e > s and (toks[e - 1].text in _POSSESSIVE or toks[e - 1].is_punct or toks[e - 1].is_space or (toks[e - 1].is_lower and toks[e - 2].whitespace_)):
        e -= 1  # "Merrigan council": the name is the capitalised part (but "Ban Ki-moon" is whole)
    if s >= e:
        return None
    if e == ent.end:
        # "Los Glaciares" + "National Park": the rest of a place's name the model left out.
        j = e
        while j < len(doc) and j - e < 2 and toks[j].is_title and toks[j].pos_ == "PROPN" and not toks[j].ent_type_:
            j += 1
        if j > e and toks[j - 1].lower_ in PLACE_HEADS:
            e = j
    if e == ent.end or all(t.lower_ in _NAME_JOINS for t in toks[e : ent.end]):
        e = _rest_of_organisation(toks, e)  # (also "the Moi Teaching and", cut inside the name)
    if ent.label_ == "ORG" and e >= ent.end - 1 and toks[e - 1].is_title and toks[e - 1].lower_ in ORG_HEADS:
        # "the Public Health Agency (of)" + "Canada" labelled apart: a body's name goes on through
        # "of" and the place it serves (which is then no mention of its own)
        if e + 1 < len(toks) and toks[e].lower_ == "of" and toks[e + 1].ent_iob_ == "B" and toks[e + 1].ent_type_ == "GPE":
            e += 2
            while e < len(toks) and toks[e].ent_iob_ == "I":
                e += 1
    return s, e, title


def _rest_of_organisation(toks: list[Token], e: int) -> int:
    """ "Nkana Water" + "and Sanitation Company", "Adjumani Young" + "Stars": the rest of an
    organisation's name the model left out, up to the word that ends it (and through an "and")."""
    j, end = e, e
    while j < len(toks) and j - e < _ORG_REST_WORDS:
        tok = toks[j]
        joins = tok.lower_ in _NAME_JOINS and j + 1 < len(toks) and toks[j + 1].is_title
        if not (joins or (tok.is_title and not tok.is_sent_start and tok.ent_type_ in ("", "ORG", "FAC", "GPE"))):
            break
        j += 1
        if tok.lower_ in _ORG_LAST_WORDS:
            end = j  # (the last such word: "Police Service")
    return end


def _country_name(toks) -> bool:
    """Whether the words are a country's name (with a people's "-n": "Sri Lankan")."""
    words = " ".join(t.lower_ for t in toks)
    return words in COUNTRIES or words.removesuffix("n") in COUNTRIES or words.removesuffix("ns") in COUNTRIES


def _saint(tok) -> bool:
    """Whether the word is the title of a saint (\"St\", \"St.\", \"Saint\"), which names places and
    churches in the news, not people."""
    return (tok.is_title or tok.is_upper) and tok.lower_.rstrip(".") in _PLACE_TITLES  # ("ST. PAUL, Minn." too)


def _honorific_before(doc: Doc, s: int) -> str:
    """The honorific just before a name the recogniser left out of it: "Smt. Kalyani Rao" (with the
    full stop a token of its own), "Engr. (Mrs) Ada Obi" (the nearer one, in brackets, says more)."""
    toks = token_list(doc)
    k = s - 1
    if k >= 0 and toks[k].text == ")":
        k -= 1
    if k >= 0 and toks[k].text == ".":
        k -= 1
    if k < 0 or not toks[k].is_title:
        return ""
    word = toks[k].lower_.rstrip(".")
    if k > 0 and (toks[k - 1].lower_, word) in HONORIFIC_PAIRS:
        return f"{toks[k - 1].lower_} {word}"  # "Tan Sri Rosnah …": one honorific, not "Sri"
    return word if word in HONORIFIC_TITLES else ""


def _given_name_after_title(doc: Doc, s: int) -> tuple[int, str]:
    """ "Prince Dapo Adeyemi-Okoro" of which the recogniser took only the surname, and for a place:
    a title, then a capitalised word it left unlabelled, then the name is a person's full name."""
    toks = token_list(doc)
    if s < 2:
        return s, ""
    given, title = toks[s - 1], toks[s - 2]
    if not (given.is_title and given.pos_ == "PROPN" and not given.ent_type_ and title.is_title):
        return s, ""
    if given.lower_.rstrip(".") in TITLES or given.lower_ in _ROLE_OR_PERSON_NOUNS:  # "Deputy Mayor Ines Qorri"
        return s, ""
    word = title.lower_.rstrip(".")
    if word in TITLES and word not in _PLACE_TITLES:
        return s - 1, title.lower_
    return s, ""


def _whole_name(doc: Doc, s: int, e: int, label: str) -> tuple[int, int]:
    """The name the entity is part of: a hyphenated name the recogniser cut ("Marbury" of
    "Marbury-Tal"), and a person's surname it left out ("Dr. Amara" of "Dr. Amara Obi")."""
    toks = token_list(doc)
    def joined(i: int) -> bool:  # toks[i] is a hyphen written with no space on either side
        return toks[i].text == "-" and not toks[i - 1].whitespace_ and not toks[i].whitespace_
    while s >= 2 and joined(s - 1) and toks[s - 2].is_title and not toks[s - 2].ent_type_:
        s -= 2
    while e + 1 < len(doc) and joined(e) and toks[e + 1].is_title and not toks[e + 1].ent_type_:
        e += 2
    if label == "PERSON" and e < len(doc):
        nxt = toks[e]
        # the head of the name's phrase, not one more word leading to it ("Surrey Mayor Doug McCallum")
        if toks[e - 1].dep_ == "compound" and toks[e - 1].head.i == e and nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_:
            if nxt.dep_ != "compound" and nxt.lower_.rstrip(".") not in TITLES:
                e += 1
        elif _name_piece(toks[e - 1], nxt) and (e + 1 == len(doc) or toks[e + 1].ent_iob_ != "I"):
            e += 1  # "Khalid Mahmood" + "Khokhar", "Syeda Nusrat" + "Bukhari": one name the model cut in two
    if label in ("PERSON", "ORG"):
        # "Norhayati" + "binti" + "Ismail", labelled apart or not at all: one name, across the patronymic
        def name_word(i: int) -> bool:
            return 0 <= i < len(doc) and toks[i].pos_ == "PROPN" and toks[i].is_title and toks[i].ent_type_ in ("", "PERSON", "ORG")
        if e + 1 < len(doc) and toks[e].lower_ in PATRONYMIC_WORDS and name_word(e + 1):
            e += 2
            if name_word(e) and toks[e - 1].dep_ == "compound" and toks[e - 1].head.i == e:
                e += 1
        if s >= 2 and toks[s - 1].lower_ in PATRONYMIC_WORDS and name_word(s - 2):
            s -= 2
    if label == "PERSON" and e - s >= 2:
        # "Ch. Zaheer" + "Ahmad Warraich": a given name the model left out, hanging from the name
        # (a full name's: one word alone may be a name's last word only, "the 1994 Crime Bill")
        while s > 0 and e - s < 4 and s <= toks[s - 1].head.i < e and _name_piece(toks[s - 1], toks[toks[s - 1].head.i]) and not toks[s - 1].ent_type_:
            if toks[s - 1].lower_ in PORTFOLIO_WORDS and s > 1 and toks[s - 2].lower_ in ("for", "of"):
                break  # "Minister for Agriculture Joseph Wamala": the office's portfolio, no given name
            if _after_an_office(toks, s - 1):
                break  # "Deputy Minister for Civil Protection Stavros Theodorou": a portfolio of two words
            s -= 1
    return s, e


def _after_an_office(toks: list[Token], k: int) -> bool:
    """Whether the capitalised word at k ends a run of capitalised words that an office's "for" or
    "of" opens ("Minister for Civil Protection", "Secretary of Home Affairs"): a portfolio, which
    no given name is part of."""
    j = k
    while j >= 0 and toks[j].is_title and k - j < 4:
        j -= 1
    if j < 1 or toks[j].lower_ not in ("for", "of"):
        return False
    office = toks[j - 1]
    return office.is_title and office.lower_.rstrip(".") in TITLES


def _name_piece(before: Token, after: Token) -> bool:
    """Whether two capitalised words next to each other are one person's name: the first leads to the
    second (the parse's compound), both are plain proper nouns, and neither is a title, a role or a
    public body's word (the small model cuts names it does not know, mostly South Asian and African ones)."""
    return (
        before.dep_ == "compound"
        and before.head.i == after.i
        and before.whitespace_ != ""
        and all(t.pos_ == "PROPN" and t.is_title and not t.is_upper and t.ent_type_ in ("", "PERSON", "ORG") for t in (before, after))
        # (in the plural too: "Senators Charles E. Grassley and …")
        and not any(w in TITLES or w in ROLE_ABBREVIATIONS or w in ORG_HEADS or w in PERSON_NOUNS for t in (before, after) for w in (t.lower_.rstrip("."), t.lower_.removesuffix("s")))
    )


def _mention_type(span: SpacySpan, label: str) -> str | None:
    words = [t.lower_ for t in span]
    doc = span.doc
    toks = token_list(doc)
    before = toks[span.start - 1] if span.start > 0 else None
    after = toks[span.end] if span.end < len(doc) else None
    if label not in ("GPE", "LOC", "FAC") and not ORG_HEADS.intersection(words):
        if len(span) > 1 and words[-1] in PLACE_HEADS and span[-1].is_title:
            return "place"  # "Upsala Glacier", "Los Glaciares National Park"
        if after is not None and after.is_lower and after.lower_ in PLACE_HEADS and span.root.head.i == after.i:
            return "place"  # "the Syr Darya river", "the Shardara reservoir"
        if before is not None and before.lower_ in PLACE_PREPOSITIONS and before.is_lower:
            return "place"  # "warehouses near Rotterdam"
    if 2 <= len(span) <= 3 and words[0] in LEADING_PLACE_WORDS and all(t.is_title for t in span) and not _ORG_LAST_WORDS.intersection(words):
        return "place"  # "the River Blackwater", "Lake Naivasha", "Mount Elgon": whatever the label
    if label == "PERSON" and len(span) == 1 and words[0] in COUNTRIES:
        return "place"
    if label == "PERSON" and len(span) > 2 and words[-1] in _ORG_LAST_WORDS:
        return "organization"  # "Nkana Water and Sanitation Company": no person's name ends so
    if label == "PERSON" and len(span) > 1 and _saint(span[0]):
        return "place"  # "St Catherine", "Saint Lucia": a living person is not named after a saint's title
    if label in ("FAC", "LOC", "GPE") and words[-1] in _ORG_LAST_WORDS and len(span) > 1:
        if not (label == "GPE" and words[-1] in STATE_NAME_HEADS):
            return "organization"  # ("Trinidad and Tobago Coast Guard"; not "the Soviet Union")
    if label == "ORG" and " ".join(words) in COUNTRIES:
        return "place"
    if (
        label in ("ORG", "GPE")
        and 2 <= len(span) <= 3
        and all(t.is_title for t in span)
        and words[-1] not in ORG_HEADS
        and (
            words[0] in MALE_NAMES
            or words[0] in FEMALE_NAMES
            or (before is not None and before.is_lower and (before.lower_ in ROLE_NOUNS or before.lower_ in TITLES))
        )
    ):
        # "Elena Reyes" or "chief executive Renata Olsen" labelled an organisation: a given name,
        # or a role word before the name, says who it is.
        return "person"
    return LABEL_TYPES.get(label)


def _plausible(span: SpacySpan, kind: str) -> bool:
    text = span.text
    words = text.split()
    # ("van Rooyen", "de la Cruz": a surname that opens with its particle in lower case)
    particled = len(words) > 1 and words[0] in SURNAME_PARTICLES and words[-1][:1].isupper()
    if not any(ch.isalpha() for ch in text) or not (text[:1].isupper() or (particled and kind == "person")):
        return False
    root = span.root
    # "Ukrainian regime": an adjective the model mistook for a place.
    if len(span) == 1 and root.pos_ == "ADJ" and kind != "person":
        return False
    if len(span) == 1 and root.is_stop and not text.isupper():
        return False
    if len(span) == 1 and _common_word_opening(root):
        return False  # "Meltwater carries iron", "“Drains,” the member said": a sentence's first word
    if text.lower() in NOT_ACTORS or text.rstrip(".") == "I" or "[" in text or "]" in text:
        return False  # "GMT", "Q&A"; "So am I." with the pronoun labelled a person; an editor's "[W]e"
    if len(span) == 1 and (text.lower().rstrip(".") in HONORIFIC_TITLES or text.lower() in ROLE_ABBREVIATIONS):
        return False  # "Smt" of "Smt. Kalyani Rao", cut off by its full stop; "the CS", "the CEO"
    if len(span) == 1 and (text.lower() in DEMONYM_NOUNS or text.lower() in TITLES) and span.start > 0 and span.doc[span.start - 1].lower_ in ("the", "a", "an"):
        return False  # "the Scot said", "the TD said", "the Taoiseach said": a word for someone, not a name
    if len(span) == 1 and (text.isupper() or text[:-1].isupper()) and text.lower().removesuffix("s") in OFFICE_LETTERS:
        return False  # "a senior opposition MPA", "the Labour MP", "MPs": an office's letters, never a name
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if CURRENCY_SIGNS.intersection(text) or (any(ch.isdigit() for ch in text) and nxt is not None and nxt.lower_ in AMOUNT_MAGNITUDES):
        return False  # "GH₵4" of "GH₵4 billion", "R1.4" of "R1.4 billion": an amount, not a name
    if len(span) == 1 and _CURRENCY_AMOUNT.fullmatch(text):
        return False  # "to R98 from R112", "Shs3,000": a price in a currency's letters
    if len(span) == 1 and text.lower() in TITLES and nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
        return False  # "Taoiseach Ciarán Doyle" with the title labelled apart: the title of the name after it
    # "the Prime Minister said": a role, which the text may give to a name elsewhere (a person's only:
    # an organisation may end in a title word, "the Auditor-General", "the Court of Justice")
    if kind == "person" and len(span) > 1 and span[-1].lower_ in TITLES and span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return False
    if _role_before_name(span, nxt):
        return False
    return True


def _role_before_name(span: SpacySpan, nxt: Token | None) -> bool:
    """ "The Ashanti Regional Fire Commander, ACFO I Kofi Mensah,", "The Kumasi Metropolitan Chief
    Executive, Hon. …": an office in apposition to the name after its comma, whatever the model
    labelled it (an organisation's name seldom ends in a word only people hold)."""
    if len(span) < 2 or span[-1].lower_ not in ROLE_NAME_ENDINGS or nxt is None or nxt.text != ",":
        return False
    if span.start == 0 or span.doc[span.start - 1].lower_ != "the":
        return False
    after = span.doc[nxt.i + 1] if nxt.i + 1 < len(span.doc) else None
    return after is not None and (after.lower_.rstrip(".") in TITLES or after.ent_type_ == "PERSON" or after.pos_ == "PROPN")


def _common_word_opening(tok: Token) -> bool:
    """Whether the word is a common noun capitalised only because it opens a sentence or a quotation:
    "Meltwater carries iron", "“Water will be supplied …”", "Farmers, meanwhile, …" (a noun to the
    tagger and one of the English nouns the model's lemmatizer knows: not "Whitmore restored …",
    a surname the tagger took for a noun)."""
    if tok.lower_ in COUNTRIES or tok.lower_ in PLACE_ALIASES:
        return False  # ("England are two down": the tagger's noun; the lemmatizer's list has places too)
    plural_noun = tok.tag_ == "NNPS" and tok.lower_.endswith("s") and tok.lower_[:-1] in common_nouns()  # "Tributes poured in"
    if not plural_noun and (tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS") or tok.lemma_.lower() not in common_nouns()):
        return False
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or "\n" in prev.whitespace_ or (prev.is_quote and prev.is_punct and not prev.whitespace_ and prev.i + 1 == tok.i and (prev.i == 0 or prev.doc[prev.i - 1].whitespace_ != "" or prev.doc[prev.i - 1].is_space or prev.is_sent_start))


def _gender(names: list[str], titles: set[str]) -> str | None:
    if titles & MALE_TITLES:
        return "m"
    if titles & FEMALE_TITLES:
        return "f"
    first = _given_name(names)
    if first in MALE_NAMES and first not in FEMALE_NAMES:
        return "m"
    if first in FEMALE_NAMES and first not in MALE_NAMES:
        return "f"
    if gender_by_ending(names, titles):
        return "f"  # Dilnoza, Olena, Anjali: given names ending in -a are mostly women's
    return None


def _first_name_gender(doc: Doc, person: "ActorRecord") -> str | None:
    """The gender of a person the article only ever calls by a known given name ("Her friend Birta",
    "Kristín, 19,", a fan, a child): none when any mention of the name follows a capitalised word or a
    title ("Detective Senior Sergeant Aroha Mitchell" cut to "Mitchell": a surname, which many given
    names also are)."""
    low = person.tokens[0].lower()
    gender = "f" if low in FEMALE_NAMES and low not in MALE_NAMES else "m" if low in MALE_NAMES and low not in FEMALE_NAMES else None
    if gender is None or any(m.title for m in person.mentions):
        return None
    for m in person.mentions:
        before = doc[m.token_start - 1] if m.token_start > 0 else None
        if before is not None and (before.is_title or before.lower_.rstrip(".") in TITLES):
            return None
    return gender


def _given_name(names: list[str]) -> str:
    """The given name: the first word of a full name that is a known one ("Landlord Peter Voss"), or
    the first word; a lone surname ("Garcia") has none."""
    given = [w.lower() for w in names[:-1]]
    # (the first word that is a name: "Rosnah Abdul Majid" is no man for her father's "Abdul")
    return next((w for w in given if w in MALE_NAMES or w in FEMALE_NAMES or (len(w.rstrip(".")) > 1 and w not in PERSON_NOUNS)), "")


def gender_by_ending(names: list[str], titles: set[str]) -> bool:
    """Whether a name's gender is only a guess from its unlisted given name's ending in -a (or the
    French-made -elle, -ette of Caribbean and North American names: Shernelle, Lynette): a guess,
    since many men's names end so too (Nikita, Luca, Mustafa, many Pacific, Himalayan and Bantu
    names), which the text's own "he" must be free to overrule (`coref`)."""
    if titles & (MALE_TITLES | FEMALE_TITLES):
        return False
    first = _given_name(names)
    return len(first) > 3 and first.endswith(("a", "elle", "ette")) and first not in MALE_NAMES and first not in FEMALE_NAMES


# The gender a lone name with no title is known to have: none (`_gender` of no words and no title,
# made once: a page has a hundred lone names, and it was a tenth of grouping them).
_UNTITLED = _gender([], set())


def _place_key(text: str) -> str:
    low = text.lower()
    return PLACE_ALIASES.get(low, text).lower()


def _labelled_mentions(doc: Doc, first: int = 0, last: int | None = None) -> list[Mention]:
    """The names the recogniser labelled, cleaned, of the entities that start in tokens [first, last)."""
    mentions: list[Mention] = []
    for ent in ents_starting(doc, first, len(doc) if last is None else last):
        if ent.label_ not in LABEL_TYPES:
            continue
        cleaned = _clean(ent)
        if not cleaned:
            continue
        s, e, title = cleaned
        if mentions and mentions[-1].token_start <= s and e <= mentions[-1].token_end:
            continue  # a piece of a name the one before took in (`_whole_name`)
        leader = _person_after_of(doc, s, e) if ent.label_ in ("ORG", "GPE") else None
        if leader is not None:
            # "The Democratic Alliance of Marko Radonjić" labelled one organisation: the party, and the
            # person it is called after (a given name opens what follows "of")
            person = doc[leader + 1 : e]
            e = leader
        s, e = _whole_name(doc, s, e, ent.label_)
        while mentions and s <= mentions[-1].token_start and mentions[-1].token_end <= e:
            mentions.pop()  # ("Norhayati" before "binti Ismail": a piece of the whole name now found)
        if s > 0 and _saint(doc[s - 1]):
            s -= 1  # "in St Catherine" with the saint's title left out: the place's name is the whole
        title = title or _honorific_before(doc, s)
        if not title and ent.label_ != "PERSON":
            s, title = _given_name_after_title(doc, s)
        span = doc[s:e]
        kind = "person" if title.rstrip(".") in HONORIFIC_TITLES or title in OFFICE_LETTERS or title.rstrip(".") in RANK_ABBREVIATIONS or any(t.lower_ in PATRONYMIC_WORDS for t in span[1:-1]) else _mention_type(span, ent.label_)
        stated = None
        if e < ent.end and doc[e].lower_ in PUBLIC_BODY_HEADS:
            kind = stated = "place"  # "Merrigan council", "the Halifax police": the place they serve
        if not kind or not _plausible(span, kind):
            continue
        mentions.append(Mention(span.start_char, span.end_char, s, e, kind, span.text, title=title, stated=stated))
        if leader is not None:
            mentions.append(Mention(person.start_char, person.end_char, person.start, person.end, "person", person.text))

    return mentions


def _person_after_of(doc: Doc, s: int, e: int) -> int | None:
    """The "of" of an organisation's name that a person's full name follows to the name's end (a known
    given name, then capitalised words): "the Alliance of Marko Radonjić", not "the Bank of Canada"."""
    toks = token_list(doc)
    for k in range(s + 1, e - 2):
        if toks[k].lower_ != "of":
            continue
        given = toks[k + 1]
        last = toks[e - 1].lower_
        # (the surname no dictionary word: "the Institute of Marine Research" names a field, not a person)
        if (given.lower_ in MALE_NAMES or given.lower_ in FEMALE_NAMES) and all(t.is_title and t.pos_ == "PROPN" for t in toks[k + 1 : e]) and e - k - 1 <= 3 and last not in common_nouns() and last not in _NOT_A_PERSONS_WORDS:
            return k
        return None
    return None


def find_mentions(doc: Doc) -> list[Mention]:
    """Every mention of a name, before they are grouped: the names the recogniser labelled, then the
    full names it missed, then the names it missed that the sentence treats as a person's.

    Worked out paragraph by paragraph and kept for the page's next version (`engine.local`): no
    mention runs across the whitespace between two paragraphs, and each rule reads a few tokens
    beyond a mention at most, so each paragraph's mentions are those the whole document gives
    there. A document with a paragraph cut inside a line (one longer than a paragraph may be,
    `claimlight.paragraphs`, has no whitespace between its pieces) is read whole."""
    if not _sealed(doc):
        return _mentions_in(doc)
    found = _last_page.mentions(doc) if keeps(doc) else by_paragraph(doc, _MENTIONS, _find_records, _shift_record, shift_all=_shift_records)
    # (stage by stage, each in the order of the text: what a stable sort by stage gives, in one pass)
    staged: tuple[list[Mention], ...] = tuple([] for _ in range(_STAGES))
    for stage, (start, end, token_start, token_end, label, text, title, stated) in found:
        staged[stage].append(Mention(start, end, token_start, token_end, label, text, None, title, stated))
    return [m for mentions in staged for m in mentions]


def _find_records(doc: Doc, k: int, p, w) -> list[tuple[int, "_Record"]]:
    """A paragraph's mentions as `find_mentions` keeps them: (stage, record), in the text's order."""
    return [(stage, _record(m)) for stage, m in _staged(doc, p.first, p.last)]


# The name `find_mentions` keeps its findings under in `engine.local`'s store.
_MENTIONS = "mentions"


class _LastPage:
    """What `find_mentions` and `_where` read of the last page in this process, paragraph by
    paragraph, for its next version: a live page grown at its end (or edited in its middle) is the
    same paragraphs, at the same places, but the last one or two.

    - Each paragraph's mentions, at their offsets in the page, with the paragraph's window key
      (`engine.local.window`) and its place (first character and token). A paragraph of the next
      version with the same window key at the same place takes them as they are: what `by_paragraph`
      would give it is the findings kept under that key (the same, since the same window gives the
      same findings: `engine.local`), moved to that place, which is these. That spares a look-up in
      the store and the move of each record for each of the page's hundred-odd paragraphs. Any other
      paragraph (every one, when an entry at the top moved them all) is read as `by_paragraph` reads
      it, through the same store (`engine.local.kept` and `keep`), so the fallback is that pass as it was.
    - The word ids (ORTH) of the page's tokens, for `_where`: the tokens of the paragraphs that lead
      both pages with the same keys (a key names a paragraph's parse, its words with it) are the same
      tokens at the same indexes, so their ids are the old array's; only the rest is read from the
      new document.

    Bounded: one page, and only a page whose findings are kept (`engine.local.keeps`, at most
    `KEPT_PAGE_PARAGRAPHS` paragraphs): a 3,000-word page's ~150 mention records (~70 kB, their
    texts counted) and ~3,700 word ids (30 kB), some 110 kB in all, measured. The carried paragraphs are not brought forward in `engine.local`'s store (its
    order of use): should they be pushed out of it, a later version finds them again as new."""

    def __init__(self):
        self.forget()

    def forget(self) -> None:
        self.paragraphs: list[tuple] = []  # (window key, first character, first token, records)
        self.keys: list[bytes] = []  # the paragraphs' keys, for the word ids
        self.orths: numpy.ndarray | None = None

    def mentions(self, doc: Doc) -> list[tuple[int, "_Record"]]:
        """`by_paragraph(doc, _MENTIONS, …)` for a page whose findings are kept: the same records."""
        old = self.paragraphs
        mine: list[tuple] = []
        out: list[tuple[int, _Record]] = []
        for k, p in enumerate(paragraphs_of(doc)):
            w = window_at(doc, k)
            got = old[k] if k < len(old) else None
            if got is not None and got[1] == p.start and got[2] == p.first and got[0] == w.key:
                records = got[3]
            else:
                key = (_MENTIONS, w.key, ())  # (as `by_paragraph` keys a pass with no other inputs)
                found = kept(key)
                if found is None:
                    found = tuple(_shift_records(_find_records(doc, k, p, w), -p.start, -p.first))
                    keep(key, found)
                records = _shift_records(found, p.start, p.first)
            mine.append((w.key, p.start, p.first, records))
            out.extend(records)
        self.paragraphs = mine
        return out

    def orths_of(self, doc: Doc) -> numpy.ndarray:
        """`doc.to_array(ORTH)`, with the ids of the paragraphs the last page led with too taken from it."""
        paras = paragraphs_of(doc) if len(doc) else []
        same = 0
        if self.orths is not None:
            for p, key in zip(paras, self.keys):
                if p.key != key:
                    break
                same += 1
        if same == 0:
            orths = doc.to_array(ORTH) if len(doc) else numpy.zeros(0, dtype="uint64")
        else:
            cut = paras[same].first if same < len(paras) else len(doc)
            rest = doc[cut:].to_array([ORTH])[:, 0] if cut < len(doc) else numpy.zeros(0, dtype="uint64")
            orths = numpy.concatenate([self.orths[:cut], rest])
        if len(doc) and keeps(doc):
            self.keys, self.orths = [p.key for p in paras], orths
        return orths


_last_page = _LastPage()


def forget() -> None:
    """Drops what this process kept of the last page (`_LastPage`)."""
    _last_page.forget()


def _mentions_in(doc: Doc) -> list[Mention]:
    """`find_mentions` over the whole document at once."""
    return [m for _, m in _staged(doc, 0, len(doc))]


def _staged(doc: Doc, first: int, last: int) -> list[tuple[int, Mention]]:
    mentions = _with_countries(doc, _with_pseudonyms(doc, _labelled_mentions(doc, first, last), first, last), first, last)
    unlabelled = _unlabelled_full_names(doc, mentions, first, last)
    by_deeds = _names_by_what_they_do(doc, mentions + unlabelled, first, last)
    covered = {t for m in mentions + unlabelled + by_deeds for t in range(m.token_start, m.token_end)}
    # (names the model left unlabelled that a preposition of place governs, or that end as an
    # organisation's do: `engine.unlabelled_names`)
    places = [_unlabelled(doc, s, e, "place") for s, e in unlabelled_places(doc, covered, first, last)]
    covered.update(t for m in places for t in range(m.token_start, m.token_end))
    orgs = [_unlabelled(doc, s, e, "organization") for s, e in unlabelled_organisations(doc, covered, first, last)]
    # (in the order of the text, as a paragraph at a time gives them: `find_mentions`)
    found = sorted(by_deeds + places + orgs, key=lambda m: m.token_start)
    return [(0, m) for m in mentions] + [(1, m) for m in unlabelled] + [(2, m) for m in found]


# How many stages `_staged` tags its mentions with (0, 1, 2).
_STAGES = 3


def _with_pseudonyms(doc: Doc, mentions: list[Mention], first: int, last: int) -> list[Mention]:
    """The labelled mentions, with each pseudonym ("Witness A", labelled or not) a person's name of its
    own in place of whatever the recogniser made of it ("Witness A." with the sentence's full stop)."""
    found = pseudonyms(doc, first, last)
    if not found:
        return mentions
    taken = {t for s, e, _, _ in found for t in range(s, e)}
    kept = [m for m in mentions if not any(t in taken for t in range(m.token_start, m.token_end))]
    named = [Mention(a, b, s, e, "person", text_of(doc)[a:b]) for s, e, a, b in found]
    return sorted(kept + named, key=lambda m: m.token_start)


def _with_countries(doc: Doc, mentions: list[Mention], first: int, last: int) -> list[Mention]:
    """The mentions, with the name of a country the recogniser left unlabelled ("Seychelles’ minister")
    or cut in pieces ("Antigua" and "Barbuda" as two people) a place of its own; a name labelled
    exactly, or inside a longer one ("Trinidad and Tobago Police Service"), is left as it is."""
    found = country_names(doc, first, last)
    if not found:
        return mentions
    for s, e in found:
        across = [m for m in mentions if m.token_start < e and s < m.token_end and not (s <= m.token_start and m.token_end <= e)]
        rest = doc[e + 1 : across[0].token_end] if len(across) == 1 and across[0].token_start == s and e < len(doc) and doc[e].text in _POSSESSIVE else None
        if rest and (across[0].label == "person" or rest[0].lower_ in MALE_NAMES or rest[0].lower_ in FEMALE_NAMES):
            # "Uruguay’s Sofía Pereyra" labelled as one: the country, and the person named after its
            # possessive ("Uzbekistan’s Ministry of Foreign Affairs" stays whole: which ministry it is)
            m = across[0]
            mentions = [x for x in mentions if x is not m] + [Mention(rest.start_char, rest.end_char, e + 1, m.token_end, "person", rest.text)]
        elif across:
            continue  # labelled as it is, part of a longer name, or a name that runs across it
        mentions = [m for m in mentions if not (s <= m.token_start and m.token_end <= e)]
        span = doc[s:e]
        mentions.append(Mention(span.start_char, span.end_char, s, e, "place", span.text))
    return sorted(mentions, key=lambda m: m.token_start)


def _unlabelled(doc: Doc, s: int, e: int, kind: str) -> Mention:
    span = doc[s:e]
    return Mention(span.start_char, span.end_char, s, e, kind, span.text)


def _sealed(doc: Doc) -> bool:
    """Whether whitespace of its own stands between every two paragraphs (see `find_mentions`); made
    once per document (`find_mentions` and `_vote_types` both ask)."""
    sealed = doc.user_data.get(_SEALED_KEY)
    if sealed is None:
        text = columns(doc).text
        sealed = doc.user_data[_SEALED_KEY] = all(p.first == 0 or text[p.first - 1].isspace() for p in paragraphs_of(doc))
    return sealed


_SEALED_KEY = "claimlight.actors.sealed"


_Record = tuple  # a Mention's fields, but its actor: (start, end, token_start, token_end, label, text, title, stated)


def _record(m: Mention) -> _Record:
    return (m.start, m.end, m.token_start, m.token_end, m.label, m.text, m.title, m.stated)


def _shift_record(item: tuple[int, _Record], chars: int, tokens: int) -> tuple[int, _Record]:
    stage, (start, end, token_start, token_end, *rest) = item
    return stage, (start + chars, end + chars, token_start + tokens, token_end + tokens, *rest)


def _shift_records(items, chars: int, tokens: int) -> list[tuple[int, _Record]]:
    """`_shift_record` of each of a paragraph's items, in one comprehension (some 150 a page)."""
    return [(stage, (start + chars, end + chars, token_start + tokens, token_end + tokens, label, text, title, stated))
            for stage, (start, end, token_start, token_end, label, text, title, stated) in items]


def build_actor_index(doc: Doc) -> ActorIndex:
    mentions = _coordinated_given_names(doc, find_mentions(doc))
    _complete_cut_names(doc, mentions)

    actors: list[ActorRecord] = []
    persons_full: list[ActorRecord] = []
    keyed: dict[tuple[str, str], ActorRecord] = {}

    def new_actor(name: str, kind: str) -> ActorRecord:
        actor = ActorRecord(id=f"a{len(actors) + 1}", name=name, type=kind)
        actors.append(actor)
        return actor

    # Multi-word person names first: they anchor surnames mentioned alone. (People are looked up by
    # surname, not by a scan of everyone met so far: a page naming thousands stays linear.)
    by_surname: dict[str, list[ActorRecord]] = {}
    for m in mentions:
        if len(m.text.split()) > 1 and (m.label == "person" or _opened_by_given_name(m.text.split())) and not _names_a_body(m.text.split()):
            words = m.text.split()
            match = next(
                (a for a in by_surname.get(words[-1], ()) if _same_given_name(words, a.tokens) or _particle_surname(words, a.tokens)),
                None,
            )
            if match is None:
                match = new_actor(m.text, "person")
                persons_full.append(match)
                by_surname.setdefault(words[-1], []).append(match)
            m.actor = match
            match.mentions.append(m)
    for person in persons_full:
        person.name = _canonical_name(person)

    people = _People(persons_full, doc)
    for m in mentions:
        if m.actor is not None:
            continue
        words = m.text.split()
        person = people.for_single(words, m) if len(words) <= 2 else None
        if person is not None:
            m.actor = person
            people.add(person, m)
            continue
        key_text = _place_key(m.text) if m.label == "place" else m.text.lower()
        kind = m.label
        key = (kind if kind == "person" else "thing", key_text)
        actor = keyed.get(key)
        if actor is None:
            name = PLACE_ALIASES.get(m.text.lower(), m.text) if kind == "place" else m.text
            actor = keyed[key] = new_actor(name, kind)
        m.actor = actor
        actor.mentions.append(m)

    _merge_same_names(keyed)
    _add_short_forms(doc, actors, keyed, mentions)
    _add_unlabelled_surnames(doc, persons_full, mentions, [a for a in keyed.values() if a.type == "person" and len(a.tokens) == 1])
    # (what the mentions cover, read by both: the repeats' own are added to it as they are found)
    taken = _Taken(len(text_of(doc)), mentions)
    _add_defined_acronyms(doc, actors, mentions, taken)
    _add_unlabelled_repeats(doc, actors, mentions, taken)
    _add_names_proper(doc, actors, mentions, taken)
    _drop_capitalised_common_words(doc, actors, mentions)
    _add_datelines(doc, actors, mentions, keyed, new_actor, taken)
    _vote_types(actors, doc)
    for a in actors:
        if a.type == "person":
            a.gender = _gender(a.tokens, {m.title for m in a.mentions if m.title})
            if a.gender is None and len(a.tokens) == 1 and a.mentions:
                a.gender = _first_name_gender(doc, a)
    actors = [a for a in actors if a.mentions]
    _title_shared_surnames(actors)
    for i, a in enumerate(actors, 1):
        a.id = f"a{i}"
    by_token = {t: m for m in mentions for t in range(m.token_start, m.token_end)}
    return ActorIndex(actors, by_token)


def _complete_cut_names(doc: Doc, mentions: list[Mention]) -> None:
    """ "Inland Fisheries Ireland said …" at a paragraph's start, of which the model took "Fisheries
    Ireland" (a place): a capitalised word before a mention that makes it a longer name the text
    gives elsewhere is that name, of that name's type."""
    longer = {m.text: m.label for m in mentions if " " in m.text}
    if not longer:
        return
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    toks = token_list(doc)
    for m in mentions:
        k = m.token_start - 1
        if k < 0 or k in covered or not toks[k].is_title or toks[k].whitespace_ != " ":
            continue
        text = f"{toks[k].text} {m.text}"
        if text not in longer:
            continue
        m.start, m.token_start, m.text, m.label = toks[k].idx, k, text, longer[text]
        covered.add(k)


def _coordinated_given_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A given name joined by "and" to a full name shares its surname: in "Winston and Marcia
    Baptiste" Winston is Winston Baptiste (a person, whatever the recogniser made of the lone word).
    Only a known given name, so that "Leeds and Simone Baptiste" stays a place."""
    toks = token_list(doc)
    at = {m.token_start: m for m in mentions}
    out = list(mentions)
    for m in mentions:
        # (the cheap tests first: a page has hundreds of mentions, and few follow an "and")
        if m.label != "person" or m.token_start < 2 or toks[m.token_start - 1].lower_ != "and":
            continue
        words = m.text.split()
        if len(words) != 2:
            continue
        given = toks[m.token_start - 2]
        if not (given.pos_ == "PROPN" and given.is_title and (given.lower_ in MALE_NAMES or given.lower_ in FEMALE_NAMES)):
            continue
        old = at.get(given.i)
        if old is not None and old.token_end != given.i + 1:
            continue  # part of a longer name of its own
        named = Mention(given.idx, given.idx + len(given.text), given.i, given.i + 1, "person", f"{given.text} {words[-1]}")
        if old is not None:
            out[out.index(old)] = named
        else:
            out.insert(out.index(m), named)
    return out


def _title_shared_surnames(actors: list[ActorRecord]) -> None:
    """A person known by surname alone who shares it with another person is named with their title
    ("Mr Baptiste" beside "Marcia Baptiste"), so that a reader is not shown a name that fits both."""
    surnames = {a.tokens[-1] for a in actors if a.type == "person" and len(a.tokens) > 1}
    for a in actors:
        if a.type != "person" or len(a.tokens) != 1 or a.name not in surnames:
            continue
        title = next((m.title for m in a.mentions if m.title.rstrip(".") in HONORIFIC_TITLES), "")
        if title:
            a.name = f"{title[:1].upper()}{title[1:]} {a.name}"


def _canonical_name(person: ActorRecord) -> str:
    """The most frequent full form of the name; the longer one on a tie ("Antony Blinken")."""
    counts: dict[str, int] = {}
    for m in person.mentions:
        words = m.text.split()
        if len(words) > 1 and not _particle_surname(words, person.tokens):  # ("Van Wyk" is the surname alone)
            counts[m.text] = counts.get(m.text, 0) + 1
    return max(counts, key=lambda n: (counts[n], len(n))) if counts else person.name


class _People:
    """The people named in full, by surname and by given name, each with the sorted offsets of their
    mentions, so that finding whom a lone name refers to costs a lookup and a binary search."""

    def __init__(self, persons: list[ActorRecord], doc: Doc | None = None):
        self.doc = doc
        self._by_text: dict[str, list[int]] | None = None  # (`_tokens_of`)
        self.by_last: dict[str, list[ActorRecord]] = {}
        self.by_first: dict[str, list[ActorRecord]] = {}
        self.by_inner: dict[str, list[ActorRecord]] = {}
        self.starts: dict[str, list[int]] = {}
        for p in persons:  # in order of first mention, as the candidates were listed before
            self.starts[p.id] = sorted(x.start for x in p.mentions)
            if is_pseudonym(p.tokens):
                continue  # ("Witness A" is never "Witness" or "A" alone)
            self.by_last.setdefault(p.tokens[-1], []).append(p)
            if len(p.tokens) > 1:
                self.by_first.setdefault(p.tokens[0], []).append(p)
            inner = inner_surname(p.tokens)
            if inner:
                self.by_inner.setdefault(inner, []).append(p)

    def add(self, person: ActorRecord, m: Mention) -> None:
        person.mentions.append(m)
        insort(self.starts[person.id], m.start)

    def for_single(self, words: list[str], m: Mention) -> ActorRecord | None:
        """A lone surname (or given name) that belongs to a person named in full elsewhere."""
        if len(words) == 2 and words[0].lower() in SURNAME_PARTICLES:
            # "The words were Van Wyk's", labelled apart from "Charlene van Wyk": her surname
            candidates = [p for p in self.by_last.get(words[1], ()) if _particle_surname(words, p.tokens)]
        elif len(words) == 1:
            candidates = self.by_last.get(words[0]) or self._by_given_name(words[0], m) or self.by_inner.get(words[0])
        else:
            return None
        # "Mrs Patel" is not her husband "Dinesh Patel": a title of the other gender parts them
        said = _gender([], {m.title}) if m.title else _UNTITLED
        if said is not None and candidates:
            candidates = [p for p in candidates if _gender(p.tokens, {x.title for x in p.mentions if x.title}) in (None, said)]
        if m.title and candidates and len(candidates) > 1:
            # "Mrs Baptiste" after her daughter "Simone Baptiste" was named: the one the text has
            # called "Mrs Baptiste" before, not whoever shares the surname and was named last
            titled = [p for p in candidates if any(x.title == m.title for x in p.mentions)]
            candidates = titled or candidates
        if not candidates:
            return None
        if len(candidates) > 1 and self.doc is not None:
            candidates = self._by_seniority(candidates, m) or candidates
        if len(candidates) > 1 and len(words) == 1 and not m.title:
            # "Joseph had dived …" before his father "Augustin Joseph" came in: the surname alone goes on
            # meaning the one the text has been calling by it, not whoever shares it and was named last
            candidates = self._called_alone(candidates, words[0], m) or candidates
        # Several people share the name: the one mentioned most recently before this mention.
        latest = {p.id: self._latest_before(p, m.start) for p in candidates}
        before = [p for p in candidates if latest[p.id] >= 0]
        pool = before or candidates
        return max(pool, key=lambda p: latest[p.id])

    def _called_alone(self, candidates: list[ActorRecord], word: str, m: Mention) -> list[ActorRecord] | None:
        """The one of the people sharing a surname whom the text has called by it alone before `m`: a
        bare use before (no given name, title or "the elder" before it) while only one of them had been
        named in full is that one's; when all such uses are the same person's, that person. (A bare use
        once two are known says nothing: "former President Bill Clinton …, said that in 1998, Clinton
        allowed her staff …" is the other Clinton.)"""
        doc = self.doc
        cols = columns(doc)
        firsts = {p.id: self.starts[p.id][0] for p in candidates if self.starts[p.id]}
        never = len(text_of(doc))
        owners: set[str] = set()
        # (only the word's own tokens: a walk over every token before each such mention was quadratic,
        # minutes on a 900,000-character page)
        for i in self._tokens_of(word):
            if i >= m.token_start:
                break
            if i > 0:
                lower = cols.lower[i - 1]
                if (cols.is_title[i - 1] and cols.pos[i - 1] == "PROPN") or lower in _SENIORITY or lower.rstrip(".") in TITLES:
                    continue
            known = [p for p in candidates if firsts.get(p.id, never) < cols.starts[i]]
            if len(known) == 1:
                owners.add(known[0].id)
        return [p for p in candidates if p.id in owners] if len(owners) == 1 else None

    def _tokens_of(self, word: str) -> list[int]:
        """The indexes of the tokens whose text is `word`, in order (the page's tokens grouped by text
        once, on the first question)."""
        if self._by_text is None:
            self._by_text = {}
            for i, text in enumerate(columns(self.doc).text):
                self._by_text.setdefault(text, []).append(i)
        return self._by_text.get(word, [])

    def _by_seniority(self, candidates: list[ActorRecord], m: Mention) -> list[ActorRecord] | None:
        """ "the elder Keepa", "the younger Joseph": of the people sharing a surname, the parent or the
        child. The child is who the text brings in as one ("his son Rawiri", "her daughter, Ana,");
        with a stated age for each ("Tom Keepa, 68,"), the ages decide."""
        doc = self.doc
        k = m.token_start - 1
        if k < 1 or doc[k].lower_ not in _SENIORITY or doc[k - 1].lower_ != "the":
            return None
        elder = _SENIORITY[doc[k].lower_]
        ages = {p.id: _stated_age(doc, p) for p in candidates}
        if all(a is not None for a in ages.values()):
            best = (max if elder else min)(ages.values())
            return [p for p in candidates if ages[p.id] == best]
        text = text_of(doc)
        child = {p.id: any(re.search(rf"\b(?:son|daughter|child|grandson|granddaughter),? {re.escape(w)}\b", text) for w in p.tokens[:1]) for p in candidates}
        if len(set(child.values())) < 2:
            return None
        return [p for p in candidates if child[p.id] != elder]

    def _by_given_name(self, word: str, m: Mention) -> list[ActorRecord]:
        """The people named in full whose given name a lone word is, unless the word is a place there:
        news names a person in full before it uses a given name alone ("drops its Florence charters"
        long before "Florence Chua"), and a given name the sentence places ("the capital of Chad",
        "the state of Victoria", "a visit to Jordan") is the place, not "Chad Morrison"."""
        candidates = [p for p in self.by_first.get(word, ()) if self.starts[p.id] and self.starts[p.id][0] < m.start]
        if candidates and self.doc is not None and placed(self.doc, m):
            return []
        return candidates

    def _latest_before(self, person: ActorRecord, offset: int) -> int:
        starts = self.starts[person.id]
        i = bisect_left(starts, offset)
        return starts[i - 1] if i else -1


# "the elder Keepa" (True) and "the younger Keepa" (False): which of two people of one surname
_SENIORITY = {"elder": True, "older": True, "senior": True, "younger": False, "junior": False}


def _stated_age(doc: Doc, person: ActorRecord) -> int | None:
    """The age the text gives a person right after a mention of their name ("Tom Keepa, 68,")."""
    for m in person.mentions:
        after = doc[m.token_end : m.token_end + 3]
        if len(after) == 3 and after[0].text == "," and after[1].text.isdigit() and after[2].text in (",", ".") and 0 < int(after[1].text) < 120:
            return int(after[1].text)
    return None


def _opened_by_given_name(words: list[str]) -> bool:
    """ "Nino Beridze" labelled a place: a known given name opening a two- or three-word name that ends
    in no word of a place's, a body's or a country's is a person's, whose surname alone is then found
    like any other's (the vote over all its mentions still decides its type)."""
    if len(words) > 3 or words[0].lower() not in MALE_NAMES and words[0].lower() not in FEMALE_NAMES:
        return False
    return not any(w.lower() in _NOT_A_PERSONS_WORDS or w.lower() in COUNTRIES for w in words[1:])


def _names_a_body(words: list[str]) -> bool:
    """ "Universidad Católica de Chile" labelled a person: a name that only a body's begins with is no
    person's, whose last word ("Chile") would stand for it alone."""
    return words[0].lower() in ORG_NAME_FIRSTS and len(words) > 2


def inner_surname(tokens: list[str]) -> str | None:
    """The first of two family names ("Fuentes" of "María José Fuentes Araya", "Olivares" of "Tomás
    Olivares Rojas"), by which Spanish and Latin American usage names a person alone: the word before
    the last of a name of three or more, capitalised, and neither a given name, a particle nor a title."""
    if len(tokens) < 3:
        return None
    word = tokens[-2]
    low = word.lower()
    if len(word) < 3 or not word[:1].isupper() or word.endswith("."):
        return None
    if low in MALE_NAMES or low in FEMALE_NAMES or low in SURNAME_PARTICLES or low in PATRONYMIC_WORDS or low in TITLES:
        return None
    return word


def _particle_surname(words: list[str], tokens: list[str]) -> bool:
    """ "Van Wyk" at a sentence start is the surname of "Charlene van Wyk", not a given name and a surname."""
    return len(words) == 2 and len(tokens) > 2 and words[0].lower() in SURNAME_PARTICLES and tokens[-2].lower() == words[0].lower()


def _same_given_name(words: list[str], tokens: list[str]) -> bool:
    """Two full names with one surname are one person when the given names agree: "Keith Scott" and
    "Keith Lamont Scott", "K. Scott" and "Keith Scott", but not "Rakeyia Scott" and "Keith Lamont Scott"."""
    a, b = words[0].rstrip("."), tokens[0].rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return len(words) != len(tokens) and (words[0] in tokens or tokens[0] in words)


def _unlabelled_full_names(doc: Doc, mentions: list[Mention], first: int = 0, last: int | None = None) -> list[Mention]:
    """ "Elena Reyes leads the programme": a known given name and a capitalised surname that
    the NER did not label at all."""
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    cols = columns(doc)
    title, ent_type = cols.is_title, cols.ent_type
    i, stop = first, len(doc) - 1 if last is None else min(last, len(doc) - 1)
    while i < stop:
        low = cols.lower[i]
        if i not in covered and title[i] and (low in MALE_NAMES or low in FEMALE_NAMES) and not ent_type[i]:
            end = i + 1
            while end < len(doc) and end - i < 3 and title[end] and cols.pos[end] == "PROPN" and end not in covered and not ent_type[end]:
                end += 1
            end = _through_hyphens(cols, i, end, covered)
            if end > i + 1 and cols.lower[end - 1] not in ORG_HEADS:
                span = doc[i:end]
                found.append(Mention(span.start_char, span.end_char, i, end, "person", span.text))
                i = end
                continue
        i += 1
    return found


# Verbs whose subject is a person, for a name the recogniser missed ("Darian Lonechild spoke …").
PERSON_SUBJECT_VERBS = HUMAN_VERBS | frozenset("say tell speak recall remember explain ask add".split())
# Labels the recogniser gives a given name it does not know, alone ("Darian" as a nationality).
_STRAY_LABELS = frozenset({"NORP", ""})


def _names_by_what_they_do(doc: Doc, mentions: list[Mention], first: int = 0, last: int | None = None) -> list[Mention]:
    """ "Darian Lonechild spoke to reporters": two or three capitalised words the recogniser left
    unlabelled (or took the first for a nationality), which the sentence treats as a person: the
    subject of a verb only people do, a name with a person's role in apposition ("…, an elder,"),
    or after a title. Given names of every culture cannot all be listed; what the text says can be read."""
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    cols = columns(doc)
    pos, title, ent_type, lower = cols.pos, cols.is_title, cols.ent_type, cols.lower
    i, stop = first, len(doc) - 1 if last is None else min(last, len(doc) - 1)
    while i < stop:
        end = i
        while end < len(doc) and end - i < 3 and end not in covered and pos[end] == "PROPN" and title[end] and ent_type[end] in _STRAY_LABELS:
            end += 1
        end = _through_hyphens(cols, i, end, covered)
        named = _honorific_name(doc, i, covered) if end > i else None
        if named is not None:
            # "Miss Ivy, from Orange Walk,": an honorific and a name the recogniser left unlabelled,
            # which no other mention of the article names (a caller, a reader known by one name)
            span = doc[i + 1 : named]
            found.append(Mention(span.start_char, span.end_char, i + 1, named, "person", span.text, title=lower[i].rstrip(".")))
            i = named
            continue
        if end > i and (lower[i] in TITLES or lower[i].rstrip(".") in TITLES):
            i += 1  # "Mr Prichard": a title and a surname, which the surname lookup takes care of
            continue
        if end - i >= 2 and _acts_as_person(doc, i, end) or end - i == 1 and _described_as_person(doc[i]):
            span = doc[i:end]
            found.append(Mention(span.start_char, span.end_char, i, end, "person", span.text))
            i = end
            continue
        i = max(end, i + 1)
    return found


def _honorific_name(doc: Doc, i: int, covered: set[int]) -> int | None:
    """The end of the name after the honorific at `i` ("Miss Ivy", "Mrs Nkemelu Bate") when the
    recogniser labelled none of it (a surname a full name elsewhere has joins that person, as
    `build_actor_index` links lone surnames); None otherwise ("Mr Speaker", "Madam Chair": a role)."""
    cols = columns(doc)
    pos, title, ent_type, lower = cols.pos, cols.is_title, cols.ent_type, cols.lower
    if not title[i] or lower[i].rstrip(".") not in HONORIFIC_TITLES:
        return None
    end = i + 1
    while (
        end < len(doc) and end - i <= 2 and end not in covered and pos[end] == "PROPN" and title[end]
        and ent_type[end] in _STRAY_LABELS and lower[end] not in TITLES and lower[end] not in _ROLE_OR_PERSON_NOUNS
    ):
        end += 1
    if end == i + 1 or {lower[k] for k in range(i + 1, end)} & _ORG_OR_PLACE_WORDS or lower[end - 1] in COUNTRIES:
        return None
    return end


def _through_hyphens(cols, start: int, end: int, covered: set[int]) -> int:
    """The end of a run of capitalised words [start, end) carried over a hyphenated surname
    ("Dapo Adeyemi-Okoro", which the tokenizer splits in three)."""
    starts, text, title = cols.starts, cols.text, cols.is_title
    while (
        start < end < len(text) - 1
        and text[end] == "-"
        and starts[end - 1] + len(text[end - 1]) == starts[end] == starts[end + 1] - 1
        and title[end + 1]
        and end + 1 not in covered
    ):
        end += 2
    return end


def _described_as_person(tok) -> bool:
    """ "Jones, a rookie defenceman,": one capitalised word with a person's role in apposition; or
    with an age between commas ("Gwen, 72, has sung …": a feature that calls people by first name)."""
    if tok.lower_ in _ORG_OR_PLACE_WORDS or tok.lower_ in COUNTRIES:
        return False
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_NOUNS for c in tok.children):
        return True
    doc = tok.doc
    # "Ffion, who at 24 is …": a clause with "who" for its subject, set off by a comma
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i + 2].lower_ == "who" and doc[tok.i + 2].head.head.i == tok.i:
        return True
    after = doc[tok.i + 1 : tok.i + 4]
    return (
        len(after) == 3 and after[0].text == "," and after[1].text.isdigit() and after[2].text in (",", ".")
        and 0 < int(after[1].text) < 120 and after[1].head.i == tok.i
    )


def _acts_as_person(doc: Doc, s: int, e: int) -> bool:
    head = doc[e - 1]
    words = {doc[k].lower_ for k in range(s, e)}
    if words & _ORG_OR_PLACE_WORDS or head.lower_ in COUNTRIES or any(doc[k].ent_type_ == "NORP" for k in range(s + 1, e)):
        return False
    if head.lower_ in TITLES:
        return False  # "the Prime Minister said", "the Chief Minister said": a role, not a name
    if any(doc[k].head.i not in range(s, e) for k in range(s, e - 1)):
        return False  # not one phrase
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in PERSON_SUBJECT_VERBS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in head.children):
        return True
    if _described_as_person(head):
        return True  # "Mere Houkamau, 71, was one of the last to leave": an age between commas
    before = doc[s - 1] if s > 0 else None
    return before is not None and (before.lower_.rstrip(".") in TITLES or before.lower_ in TITLES)


def _add_unlabelled_surnames(doc: Doc, persons: list[ActorRecord], mentions: list[Mention], by_surname_only: list[ActorRecord] = ()) -> None:
    """Surnames of known people that the NER missed ("Blinken’s remarks…") become mentions too."""
    if not persons:
        return
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    surnames: dict[str, ActorRecord] = {}
    sharing: dict[str, list[ActorRecord]] = {}
    for p in persons:
        if is_pseudonym(p.tokens):
            continue  # "Witness A" has no surname: a lone "A" is nobody
        surnames.setdefault(p.tokens[-1], p)
        sharing.setdefault(p.tokens[-1], []).append(p)
        if any(t.lower() in PATRONYMIC_WORDS for t in p.tokens[1:-1]):
            # "Zainal Abidin bin Harun" is "Zainal" later: a given name, not the father's, stands alone
            surnames.setdefault(p.tokens[0], p)
            sharing.setdefault(p.tokens[0], []).append(p)
        elif inner_surname(p.tokens) and inner_surname(p.tokens) not in surnames:
            surnames[inner_surname(p.tokens)] = p  # "Olivares said" for "Tomás Olivares Rojas"
            sharing.setdefault(inner_surname(p.tokens), []).append(p)
    for p in by_surname_only:
        if p.name in sharing:
            sharing[p.name].append(p)
    given = _lone_given_names(persons, surnames)
    _add_hyphenated_surnames(doc, surnames, mentions, covered)
    cols = columns(doc)
    # (the page's few words that are a surname first: a test of each of its thousands of tokens in
    # this loop cost most of a live update's pass)
    for i in _where(doc, surnames):
        if i in covered or not (cols.pos[i] == "PROPN" or cols.is_title[i]):
            continue
        tok = doc[i]
        if _common_word_opening(tok):
            continue  # "“Copper and cobalt settle …”" beside a firm the model took for "Nkana Ridge Copper"
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.pos_ == "PROPN" and prev.i not in covered and prev.lower_.rstrip(".") not in TITLES:
            continue  # part of a longer name the NER did not label: not our person ("Mr Prichard" is ours)
        person = surnames[tok.text]
        title = prev.lower_ if prev is not None and prev.lower_.rstrip(".") in HONORIFIC_TITLES else ""
        said = _gender([], {title}) if title else None
        if said is not None:
            # "Mr Baptiste" where Marcia and Simone Baptiste were named in full: the one of that title
            fits = [p for p in sharing[tok.text] if _gender(p.tokens, {x.title for x in p.mentions if x.title}) in (None, said)]
            person = next((p for p in fits if any(x.title == title for x in p.mentions)), fits[0] if fits else None)
            if person is None:
                continue
        m = Mention(tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1, "person", tok.text, actor=person, title=title)
        person.mentions.append(m)
        mentions.append(m)
    for i in _where(doc, given) if given else ():
        # "Tigist laughed when asked why.": a given name alone, of one person named in full, which the
        # recogniser left unlabelled, where the sentence treats it as a person's
        if i in covered or not cols.is_title[i] or _common_word_opening(doc[i]):
            continue
        if any(0 <= k < len(doc) and (k in covered or cols.pos[k] == "PROPN") for k in (i - 1, i + 1)):
            continue  # part of a longer name, or next to one
        if not _acts_as_person(doc, i, i + 1):
            continue
        tok, person = doc[i], given[doc[i].text]
        m = Mention(tok.idx, tok.idx + len(tok.text), i, i + 1, "person", tok.text, actor=person)
        person.mentions.append(m)
        mentions.append(m)


def _lone_given_names(persons: list[ActorRecord], surnames: dict[str, ActorRecord]) -> dict[str, ActorRecord]:
    """The given names that stand for one person alone: of a person named in full, no one else's given
    name, and nobody's surname (Ethiopian, Icelandic and Indonesian usage; a feature's first names)."""
    firsts: dict[str, list[ActorRecord]] = {}
    for p in persons:
        if len(p.tokens) > 1 and not is_pseudonym(p.tokens) and p.tokens[0][:1].isupper() and len(p.tokens[0]) > 2:
            firsts.setdefault(p.tokens[0], []).append(p)
    return {name: ps[0] for name, ps in firsts.items() if len(ps) == 1 and name not in surnames and not name.endswith(".")}


def _add_hyphenated_surnames(doc: Doc, surnames: dict[str, ActorRecord], mentions: list[Mention], covered: set[int]) -> None:
    """ "Marbury-Tal said": a hyphenated surname of a known person, which the tokenizer splits in three."""
    hyphenated = [n for n in surnames if "-" in n]
    if not hyphenated:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in hyphenated) + r")(?![\w-])")
    for match in pattern.finditer(text_of(doc)):
        bounds = _token_bounds(doc, *match.span())
        if bounds is None or any(t in covered for t in range(*bounds)):
            continue
        person = surnames[match.group(0)]
        m = Mention(match.start(), match.end(), bounds[0], bounds[1], "person", match.group(0), actor=person)
        person.mentions.append(m)
        mentions.append(m)
        covered.update(range(*bounds))


def _used_like_organisation(a: ActorRecord, doc: Doc) -> bool:
    """ "Vantor said profits rose… Vantor shares fell": a lone name, never given in full, that
    modifies company or club nouns is an organisation even if the NER said person."""
    if any(len(m.text.split()) > 1 or m.title for m in a.mentions):
        return False
    for m in a.mentions:
        tok = doc[m.token_end - 1]
        if tok.dep_ in ("compound", "poss") and tok.head.lemma_.lower() in ORG_CONTEXT | {tok.head.lower_}:
            if tok.head.lower_ in ORG_CONTEXT:
                return True
    return False


def _free_occurrences(doc: Doc, names: dict[str, ActorRecord], taken: _Taken) -> Iterator[tuple[int, int, str, tuple[int, int]]]:
    """(start, end, name, its tokens) of each occurrence of one of `names` in the text that no mention
    in `taken` overlaps and that starts and ends a token (the search kept line by line for the page's
    next version, `engine.recurring`)."""
    for s, e, name in occurrences(text_of(doc), frozenset(names), keeps(doc)):
        if taken.overlaps(s, e):
            continue
        bounds = _token_bounds(doc, s, e)
        if bounds is not None:
            yield s, e, name, bounds


def _token_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The tokens `doc.char_span(start, end)` covers (None when the characters do not start a token
    and end one), found in the columns' offsets without a Span: each token's characters with its
    trailing space partition the text, as spaCy's own search over them assumes."""
    cols = columns(doc)
    starts = cols.starts
    first = bisect_left(starts, start)
    if first == len(starts) or starts[first] != start:
        return None
    last = bisect_right(starts, end - 1) - 1  # the token the last character is in
    if last < 0 or starts[last] + len(cols.text[last]) != end:
        return None
    return first, last + 1


# The document's word ids (ORTH), read once for `_where`; weakly keyed, so the document can go.
_ORTHS: WeakKeyDictionary[Doc, numpy.ndarray] = WeakKeyDictionary()


def _where(doc: Doc, words) -> list[int]:
    """The tokens whose text is one of `words`, in order. Found among the document's word ids in one
    numpy test rather than by a look at each of a page's thousands of tokens in Python (two such
    scans were a sixth of a live update's actor index); the text is compared after, so an id shared
    by two strings could never add a token.

    The test is a binary search of each token's id among the words' sorted ids: `numpy.isin` sorts
    the page's ids with them once there are more than a few dozen words (a page's surnames), some
    0.3 ms a live update, eight times the search's cost; the tokens found are the same."""
    if not words:
        return []
    orths = _ORTHS.get(doc)
    if orths is None or len(orths) != len(doc):
        orths = _ORTHS[doc] = _last_page.orths_of(doc)  # (for a grown page, mostly the last one's: `_LastPage`)
    ids = numpy.sort(numpy.fromiter((get_string_id(w) for w in words), dtype="uint64", count=len(words)))
    at = numpy.searchsorted(ids, orths)
    at[at == len(ids)] = 0  # (an id past the last word's: compared with the first, which it is not)
    text = columns(doc).text
    return [i for i in numpy.flatnonzero(ids[at] == orths).tolist() if text[i] in words]


class _Taken:
    """The characters mentions already cover: whether a span overlaps one costs the span's length,
    not a look at every mention (a long page has tens of thousands)."""

    def __init__(self, length: int, mentions: list[Mention]):
        self._covered = bytearray(length)
        for m in mentions:
            self.add(m.start, m.end)

    def add(self, start: int, end: int) -> None:
        self._covered[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self._covered.find(1, start, end) != -1


def _add_defined_acronyms(doc: Doc, actors: list[ActorRecord], mentions: list[Mention], taken: _Taken) -> None:
    """ "the Sindh Mass Transit Authority (SMTA)": the letters in brackets right after a body's name,
    made of its words' initials, name that body wherever they stand ("SMTA managing director", "hired
    by the SMTA"), which `_add_unlabelled_repeats` then finds as it finds any name met once."""
    toks = token_list(doc)
    for a in actors:
        if a.type == "person":
            continue
        for m in list(a.mentions):
            k = m.token_end
            if k + 2 >= len(toks) or toks[k].text != "(" or toks[k + 2].text != ")":
                continue
            letters = toks[k + 1]
            if not (letters.is_upper and letters.is_alpha and len(letters.text) > 1) or taken.overlaps(letters.idx, letters.idx + len(letters.text)):
                continue
            if letters.text != "".join(w[0] for w in m.text.split() if w[:1].isupper()):
                continue
            acronym = Mention(letters.idx, letters.idx + len(letters.text), k + 1, k + 2, a.type, letters.text, actor=a)
            a.mentions.append(acronym)
            mentions.append(acronym)
            taken.add(acronym.start, acronym.end)


def _drop_capitalised_common_words(doc: Doc, actors: list[ActorRecord], mentions: list[Mention]) -> None:
    """ "Quarry firm fined …", "Hawker centre drama puts …": a headline's or a sentence's first word,
    one the dictionary knows as a noun, that the text writes in lower case elsewhere ("the company's
    quarry", "a hawker centre"), is that noun capitalised, not a name, wherever it only ever opens a
    sentence. (The whole text is read here: mentions are found paragraph by paragraph.)"""
    text = None
    for a in actors:
        if len(a.mentions) == 0 or any(" " in m.text for m in a.mentions):
            continue
        word = a.mentions[0].text
        low = word.lower()
        if not word[:1].isupper() or word.isupper() or low not in common_nouns() or low in COUNTRIES or low in PLACE_ALIASES:
            continue
        if not all(m.token_start == 0 or doc[m.token_start].is_sent_start or doc[m.token_start - 1].is_space for m in a.mentions):
            continue
        if text is None:
            text = text_of(doc)
        if not re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text):
            continue
        for m in a.mentions:
            mentions.remove(m)
        a.mentions = []


def _add_unlabelled_repeats(doc: Doc, actors: list[ActorRecord], mentions: list[Mention], taken: _Taken) -> None:
    """A name the NER recognised once ("Riverside Athletic", "Riverside") is the same actor
    wherever else it appears, labelled or not. (`taken`: the characters `mentions` cover.)"""
    names: dict[str, ActorRecord] = {}
    for a in actors:
        for m in a.mentions:
            text = m.text
            # (a text that opens with a capital has a word that does: the test of each word, for the rest)
            if len(text) > 2 and (text[:1].isupper() or any(w[:1].isupper() for w in text.split())):
                names.setdefault(text, a)
    if not names:
        return
    # (the search of the text for every name, kept line by line for the page's next version)
    for s, e, name, bounds in _free_occurrences(doc, names, taken):
        actor = names[name]
        m = Mention(s, e, bounds[0], bounds[1], actor.type, name, actor=actor)
        actor.mentions.append(m)
        mentions.append(m)
        taken.add(s, e)


_DATELINE = re.compile(r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?=(?:,[^\n—–]{0,40})? [—–-] )", re.M)
# "THANE: A structural engineer …", "LAHORE: …": the colon of South Asian and Malaysian papers, only
# where the story opens (the paragraph after the headline), where a transcript's "QUESTION:" never is.
_COLON_DATELINE = re.compile(r"\A[^\n]*\n\n([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?=: )")


def _add_datelines(doc: Doc, actors: list[ActorRecord], mentions: list[Mention], keyed: dict, new_actor, taken: _Taken) -> None:
    """ "TORONTO — A former …": the city a wire story was filed from. (`taken`: the characters
    `mentions` cover.)"""
    text = text_of(doc)
    colon = _COLON_DATELINE.match(text)
    colon = [colon] if colon is not None and colon.group(1).lower() not in _NOT_A_DATELINE else []
    for match in [*_DATELINE.finditer(text), *colon]:
        s, e = match.span(1)
        if taken.overlaps(s, e):
            continue
        bounds = _token_bounds(doc, s, e)
        if bounds is None:
            continue
        name = match.group(1).title()
        key = ("thing", _place_key(name))
        # ("MINDELO — …" beside "Mindelo" that the model labelled a person each time: one actor, whose
        # type the dateline then weighs in on)
        actor = keyed.get(key) or keyed.get(("person", name.lower())) or new_actor(PLACE_ALIASES.get(name.lower(), name), "place")
        keyed[key] = actor
        m = Mention(s, e, bounds[0], bounds[1], "place", match.group(1), actor=actor)
        actor.mentions.append(m)
        mentions.append(m)
        taken.add(s, e)


def _vote_types(actors: list[ActorRecord], doc: Doc) -> None:
    # (each mention's evidence is local, so kept for the page's next version: `engine.resume`)
    evidence = evidence_reader(doc) if _sealed(doc) else mention_evidence
    for a in actors:
        if not a.mentions:
            continue  # (merged into another: no vote, and its type is never read)
        if all(m.label == "person" for m in a.mentions) and _used_like_organisation(a, doc):
            a.type = "organization"
            continue
        a.type = decide_type(doc, a.mentions, evidence) or a.type
    for a in actors:
        for m in a.mentions:
            m.label = a.type


def _merge_same_names(keyed: dict[tuple[str, str], ActorRecord]) -> None:
    """ "Moncton" labelled a person in the headline and a place in the body is one actor, whose type
    the whole article then decides."""
    for (kind, key), single in keyed.items():
        thing = keyed.get(("thing", key)) if kind == "person" else None
        if thing is None or thing is single:
            continue
        for m in single.mentions:
            m.actor = thing
        thing.mentions.extend(single.mentions)
        single.mentions = []


def _name_proper(a: ActorRecord) -> str | None:
    """The word of a two-word name that stands alone for it though it is not the first: the name proper
    after a word that opens a place's name ("Awbeg" of "River Awbeg"), or a team's name after its
    town's ("Thunderhawks" of "Taichung Thunderhawks": a plural no dictionary knows, and no word for
    a kind of body or place)."""
    words = a.name.split()
    if a.type == "person" or len(words) != 2 or not a.mentions:
        return None
    rest = words[1]
    low = rest.lower()
    if len(rest) < 3 or not rest[:1].isupper() or low in COUNTRIES or low in PLACE_ALIASES or low in MALE_NAMES or low in FEMALE_NAMES:
        return None
    if a.type == "place" and words[0].lower() in LEADING_PLACE_WORDS:
        return rest
    if (
        low.endswith("s")
        and not rest.isupper()
        and words[0][:1].isupper()
        and not any(w in ORG_NOUNS or w in PLACE_HEADS or w in ORG_NAME_HEADS or w in NAME_PREFIX_WORDS for w in (low, words[0].lower()))
        and low[:-1] not in common_nouns()
        and low.removesuffix("es") not in common_nouns()
    ):
        return rest
    return None


def _add_names_proper(doc: Doc, actors: list[ActorRecord], mentions: list[Mention], taken: _Taken) -> None:
    """ "the Awbeg" after "the River Awbeg", "the Thunderhawks" after "the Taichung Thunderhawks": the
    name proper alone is that place or team wherever it stands, whatever actor the model's label for
    it (or a longer name that opens with it, "Awbeg Anglers") made it. (`taken`: what `mentions` cover.)"""
    proper: dict[str, ActorRecord] = {}
    for a in actors:
        name = _name_proper(a)
        if name is not None:
            proper.setdefault(name, a)
    if not proper:
        return
    for b in actors:
        moved = [m for m in b.mentions if m.text in proper and proper[m.text] is not b]
        for m in moved:
            a = proper[m.text]
            b.mentions.remove(m)
            m.actor = a
            a.mentions.append(m)
            if a.type == "place" and a.name.split()[0].lower() in LEADING_PLACE_WORDS:
                m.stated = "place"
    for s, e, name, bounds in _free_occurrences(doc, proper, taken):
        a = proper[name]
        # (a team's name alone is a plural, which says a body of people, whatever the model made of its town's)
        kind = "place" if a.name.split()[0].lower() in LEADING_PLACE_WORDS else "organization"
        m = Mention(s, e, bounds[0], bounds[1], kind, name, actor=a, stated="place" if kind == "place" else None)
        a.mentions.append(m)
        mentions.append(m)
        taken.add(s, e)


def _add_short_forms(doc: Doc, actors: list[ActorRecord], keyed: dict[tuple[str, str], ActorRecord], mentions: list[Mention]) -> None:
    """The first word of an organisation's or a place's name, alone, is that organisation or place
    ("Saltmarsh" after "Saltmarsh Property Group", "Upsala" after "the Upsala Glacier"), even where the
    model labelled it a person or did not label it. A public body named after its place ("Kent
    Police", "Merrigan Shire Council") is the exception: its first word alone is the place; and so is
    a first word the text calls a place outright ("Kano Pillars" and "the Emir of Kano")."""
    unlabelled: dict[str, ActorRecord] = {}
    for a in list(actors):
        words = a.name.split()
        if a.type == "person" or len(words) < 2 or not a.mentions:
            continue
        first = words[0]
        low = first.lower()
        if len(first) < 3 or not first[:1].isupper() or low in NAME_PREFIX_WORDS or low in MALE_NAMES or low in FEMALE_NAMES:
            continue
        if any(w.lower() == "of" for w in words):
            continue  # "University of Bergen": the first word is not a name
        place_named = words[-1].lower() in PUBLIC_BODY_HEADS
        for kind in ("person", "thing"):
            lone = keyed.get((kind, low))
            if lone is None or lone is a or any(len(m.text.split()) > 1 for m in lone.mentions):
                continue
            # ("Montevideo’s tango" beside the "Montevideo Philharmonic", where the dateline "MONTEVIDEO —"
            # is an actor of its own: the text calls the word a place all the same)
            spelt_alike = [m for b in actors if b is not a and b is not lone and b.name.lower() == low for m in b.mentions]
            if place_named or states_a_place(doc, lone.mentions) or (spelt_alike and states_a_place(doc, spelt_alike)):
                for m in lone.mentions:
                    m.stated = "place"
                continue
            for m in lone.mentions:
                m.actor = a
            a.mentions.extend(lone.mentions)
            lone.mentions = []
        if not place_named and a.type == "organization":
            unlabelled.setdefault(first, a)
    if not unlabelled:
        return
    # (what the mentions cover, made only when there is a first word to look for: the loop above adds no mention)
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    cols = columns(doc)
    # (the page's few words that are such a first word first, as in `_add_unlabelled_surnames`)
    for i in _where(doc, unlabelled):
        a = unlabelled[cols.text[i]]
        if i in covered or cols.ent_type[i] or cols.pos[i] != "PROPN":
            continue
        tok = doc[i]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "PROPN":
            continue  # part of a longer name
        m = Mention(tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1, a.type, tok.text, actor=a)
        if states_a_place(doc, [m]):
            continue  # "the Emir of Kano" beside "Kano Pillars": the place, which is not the club
        a.mentions.append(m)
        mentions.append(m)
