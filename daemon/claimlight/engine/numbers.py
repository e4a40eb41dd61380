"""Numeric and statistical claims: "up to 50,000 troops", "7.4 per cent", "$3bn", "thousands of troops".

The NER finds the quantity; the claim also takes what is counted ("troops") and the hedge in front
("up to", "more than"), since "50,000" alone says little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_DURATION = re.compile(r"\d.*\b(years?|months?|weeks?|days?|decades?|hours?|minutes?|centuries|century)\b", re.I)
_HEDGES = {"up", "to", "more", "less", "fewer", "than", "at", "least", "most", "about", "around", "nearly", "almost", "roughly", "some", "over", "under", "approximately", "just", "only"}
_NUMBER_WORDS = re.compile(r"^(?:\d|one\b|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|quarter|third)", re.I)


@dataclass
class NumberClaim:
    start: int
    end: int


def find_numbers(doc: Doc) -> list[NumberClaim]:
    found: list[NumberClaim] = []
    for ent in doc.ents:
        if ent.label_ == "DATE":
            if not _DURATION.search(ent.text):
                continue
        elif ent.label_ not in NUMERIC_LABELS:
            continue
        elif ent.label_ == "CARDINAL" and not _counts(ent):
            continue
        start, end = ent.start, ent.end
        while start > 0 and doc[start - 1].lower_ in _HEDGES and doc[start - 1].sent is ent.sent:
            start -= 1
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        end = _counted_noun_end(doc, ent.start, end)
        found.append(NumberClaim(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return found


def _counts(ent) -> bool:
    """A cardinal that counts something: not "One need only…", not a list number."""
    text = ent.text
    if not any(_NUMBER_WORDS.match(w) for w in text.split()) and not text.lower().endswith(("s", "dozen")):
        return False
    if text.lower() == "one" and (ent.end >= len(ent.doc) or ent.doc[ent.end].pos_ not in ("NOUN", "ADJ")):
        return False
    return True


def _counted_noun_end(doc: Doc, start: int, end: int) -> int:
    # "5,000 combat helmets": the quantity modifies a noun to its right.
    last = doc[end - 1]
    head = last.head
    if head.i >= end and head.pos_ in ("NOUN", "PROPN") and head.i - end <= 3 and last.dep_ in ("nummod", "quantmod", "compound", "amod"):
        return head.i + 1
    # "thousands of troops"
    if end + 1 < len(doc) and doc[end].lower_ == "of" and last.lower_.endswith("s"):
        pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i - end <= 3:
            return pobj.i + 1
    return end
