"""People a court or an inquiry names by a pseudonym: "Witness A", "Patient B", "Soldier F", "Witness 7".

Courts, tribunals and inquiries shield witnesses and victims behind a capitalised noun and a letter or
a number, and a report then calls each by it ("Witness A told the court …", "the witness said"). The
small model labels such a name now and then (with the sentence's full stop, "Witness A."), mostly not
at all; a reader takes each for one person all the same, and "the witness" for the one last in view.
So the pseudonym is a person's name (`actors`), and its noun is a role of that person (`role_index`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .docview import columns
from .lexicon import PSEUDONYM_NOUNS

# The largest number a pseudonym carries ("Witness 12"): a bigger one is a count or a year.
MAX_PSEUDONYM_NUMBER = 99


def _letter_or_number(word: str) -> str | None:
    """The pseudonym's letter or number as written, without a sentence's full stop: "A." → "A"."""
    bare = word[:-1] if word.endswith(".") else word
    if len(bare) == 1 and bare.isupper() and bare.isalpha() and bare != "I":
        return bare  # (not "I": "Officer I spoke to" opens with a pronoun)
    if bare.isdigit() and 0 < int(bare) <= MAX_PSEUDONYM_NUMBER and bare == word:
        return bare
    return None


def pseudonyms(doc: Doc, first: int, last: int) -> list[tuple[int, int, int, int]]:
    """(token start, token end, start char, end char) of each pseudonym in tokens [first, last)."""
    cols = columns(doc)
    found = []
    for i in range(first, min(last, len(doc)) - 1):
        if not cols.is_title[i] or cols.lower[i] not in PSEUDONYM_NOUNS:
            continue
        mark = _letter_or_number(cols.text[i + 1])
        if mark is None or doc[i].whitespace_ != " ":
            continue
        after = doc[i + 2] if i + 2 < len(doc) else None
        if after is not None and not doc[i + 1].whitespace_ and after.is_alpha:
            continue  # "Patient A-level": no pseudonym
        start = doc[i].idx
        found.append((i, i + 2, start, doc[i + 1].idx + len(mark)))
    return found


def is_pseudonym(words: list[str]) -> bool:
    """Whether a person's name is a pseudonym: its noun, then its letter or number."""
    return len(words) == 2 and words[0].lower() in PSEUDONYM_NOUNS and words[0][:1].isupper() and _letter_or_number(words[1]) == words[1]
