"""Names the statistical model did not label at all: places ("at Matelot", "near Huliaipole") and
organisations whose name ends in a word only an organisation's does ("Express FC").

The small model leaves many small towns, townships and rivers it has never seen unlabelled, or takes
them for a book or a product ("in Matelot and Toco" as a work of art, "on the Derwent" as a product).
A capitalised proper noun that a preposition of place governs is a place all the same, as a reader
takes it; the actor index adds it as a place mention, and the article's other mentions of the same
name follow it (`actors._add_unlabelled_repeats`). So with a run of capitalised words the model left
unlabelled whose last word is an organisation's ("Uganda Premier League", "Express FC"). Read within
the sentence only.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .docview import columns, token_list
from .given_names import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES
from .lexicon import (
    COUNTRIES,
    ORG_HEADS,
    ORG_NAME_HEADS,
    ORG_NOUNS,
    PERSON_NOUNS,
    TITLES,
    UNLABELLED_PLACE_PREPOSITIONS,
)

# The model's labels that a place it does not know gets instead of one: none, a work, a product.
STRAY_LABELS = frozenset(("", "PRODUCT", "WORK_OF_ART"))
# How many capitalised words in front of the governed word may belong to the name ("Mindolo Dam").
_NAME_REACH = 2
_POSSESSIVE = frozenset(("'s", "’s", "'", "’"))
_NOT_PLACE_WORDS = ORG_NOUNS | ORG_NAME_HEADS | PERSON_NOUNS | TITLES
_ORG_LAST_WORDS = ORG_HEADS | ORG_NAME_HEADS
# How many words an unlabelled organisation's name may have ("Federation of … Associations" aside).
_ORG_NAME_WORDS = 4


def unlabelled_places(doc: Doc, covered: set[int], first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges [start, end) of place names governed by a preposition of place in tokens
    [first, last) that no mention covers and the model labelled nothing (or a work or a product)."""
    toks = token_list(doc)
    cols = columns(doc)
    pos, title, ent, dep = cols.pos, cols.is_title, cols.ent_type, cols.dep
    found: list[tuple[int, int]] = []
    for i in range(first, min(last, len(toks))):
        # (the columns first: one word in some thirty is a capitalised proper noun)
        if pos[i] != "PROPN" or not title[i] or ent[i] not in STRAY_LABELS or dep[i] not in ("pobj", "conj") or i in covered:
            continue
        tok = toks[i]
        if not _name_word(tok) or not _governed_by_place_preposition(tok):
            continue
        s = i
        while s - 1 > tok.head.i and i - s < _NAME_REACH and _name_word(toks[s - 1]) and toks[s - 1].dep_ == "compound" and s - 1 not in covered:
            s -= 1
        if not _opens_name(toks[s - 1], tok):
            continue  # "at the Lakeshore Employees' Pension Plan": the end of a longer name
        if any(toks[k].lower_ in _NOT_PLACE_WORDS for k in range(s, i + 1)):
            continue  # "at Acme Holdings", "in the Commons", "from Inspector Reid"
        if i + 1 < len(toks) and toks[i + 1].text in _POSSESSIVE:
            continue  # "in Halvern's view": whose view, not where
        if _title_case_line(tok):
            continue  # "… Lice Outbreaks at Salmon Farms": a headline capitalises every word
        found.append((s, i + 1))
    return found


def _opens_name(before: Token, tok: Token) -> bool:
    """Whether the word before the name leaves it whole: its preposition, "the" after it, or the
    "and" or comma of a list ("in Matelot and Toco")."""
    if before.i == tok.head.i:
        return True
    if before.dep_ == "det" and before.i == tok.head.i + 1:
        return True
    return tok.dep_ == "conj" and (before.dep_ == "cc" or before.text == ",")


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and len(tok.text) > 2 and tok.ent_type_ in STRAY_LABELS


def _governed_by_place_preposition(tok: Token) -> bool:
    """ "at Matelot", and "Toco" of "in Matelot and Toco"."""
    word = tok
    for _ in range(4):
        if word.dep_ != "conj" or word.head.i >= word.i:
            break
        word = word.head
    prep = word.head
    return (
        word.dep_ == "pobj"
        and prep.i < word.i
        and prep.dep_ == "prep"
        and prep.is_lower
        and prep.lower_ in UNLABELLED_PLACE_PREPOSITIONS
    )


def _title_case_line(tok: Token) -> bool:
    """Whether every word of the sentence that is not a function word is capitalised (a headline)."""
    words = [t for t in tok.sent if t.is_alpha and not t.is_stop]
    return len(words) > 2 and all(t.text[:1].isupper() for t in words)


def unlabelled_organisations(doc: Doc, covered: set[int], first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges [start, end) of runs of two to four capitalised proper nouns in tokens [first, last)
    that no mention covers and the model labelled nothing, whose last word ends an organisation's
    name ("Express FC", "Uganda Premier League"); not in a headline, nor one led by a title or a
    word for a person ("Police Constable Reid")."""
    toks = token_list(doc)
    cols = columns(doc)
    pos, ent = cols.pos, cols.ent_type
    found: list[tuple[int, int]] = []
    i, stop = first, min(last, len(toks))
    while i < stop:
        if pos[i] != "PROPN" or ent[i] not in STRAY_LABELS:
            i += 1  # (the columns first, as above)
            continue
        if not _org_word(toks[i], covered) or (i > 0 and _org_word(toks[i - 1], covered)):
            i += 1
            continue
        end = i
        while end < stop and end - i < _ORG_NAME_WORDS and _org_word(toks[end], covered):
            end += 1
        words = [toks[k].lower_ for k in range(i, end)]
        if end - i >= 2 and words[-1] in _ORG_LAST_WORDS and not (end < stop and _org_word(toks[end], covered)):
            if not any(w in TITLES or w in PERSON_NOUNS for w in words[:-1]) and not _title_case_line(toks[i]):
                found.append((i, end))
        i = end
    return found


def _org_word(tok: Token, covered: set[int]) -> bool:
    """A word of an organisation's name: a capitalised proper noun ("Express"), or one in capitals ("FC")."""
    return (
        tok.i not in covered
        and tok.pos_ == "PROPN"
        and tok.is_alpha
        and (tok.is_title or (tok.is_upper and len(tok.text) > 1))
        and tok.ent_type_ in STRAY_LABELS
    )


def _country_words() -> dict[str, list[tuple[str, ...]]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in COUNTRIES:
        words = tuple(name.split())
        by_first.setdefault(words[0], []).append(words)
    for names in by_first.values():
        names.sort(key=len, reverse=True)  # the longest first: "Antigua and Barbuda" before "Antigua"
    return by_first


_COUNTRY_WORDS = _country_words()
_COUNTRY_JOINS = frozenset(("and", "of", "the"))


def country_names(doc: Doc, first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the names of countries in tokens [first, last), written with
    capitals ("Seychelles’ environment minister", "Antigua and Barbuda’s chief negotiator"): a closed
    list the small model leaves unlabelled, or cuts into two people, often enough on unseen news."""
    cols = columns(doc)
    found: list[tuple[int, int]] = []
    i, stop = first, min(last, len(doc))
    while i < stop:
        names = _COUNTRY_WORDS.get(cols.lower[i]) if cols.is_title[i] else None
        if names and i > 0 and cols.is_title[i - 1] and cols.pos[i - 1] == "PROPN":
            names = None  # "New South Wales", "Papua New Guinea" cut: the end of a longer name
        for words in names or ():
            end = i + len(words)
            if end <= stop and all(cols.lower[i + k] == w and (cols.is_title[i + k] or w in _COUNTRY_JOINS) for k, w in enumerate(words)):
                if end < len(doc) and cols.is_title[end] and cols.pos[end] == "PROPN":
                    break  # "Seychelles Broadcasting Corporation": the opening of a longer name
                if len(words) == 1 and (words[0] in MALE_GIVEN_NAMES or words[0] in FEMALE_GIVEN_NAMES):
                    break  # "Jordan", "Chad", "Georgia" alone may be a person: left to the recogniser
                found.append((i, end))
                i = end - 1
                break
        i += 1
    return found
