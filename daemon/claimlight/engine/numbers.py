"""Numeric and statistical claims: "up to 50,000 troops", "7.4 per cent", "$3bn", "a 3-1 win".

Two sources, merged: the NER's quantities, and a pattern pass for what the small model misses
(currency amounts like "€4bn", scores, durations in words). A claim also takes the hedge in front
("up to", "more than") and what is counted ("troops"), since "50,000" alone says little. Dates
and years are not claims and are left out, and so are the numbers of names ("Article 5").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .docview import columns, ents_of, text_of, token_list
from .lexicon import AMOUNT_MAGNITUDES, FRACTION_WORDS, HEDGES, MAGNITUDE_WORDS, NON_COUNTING_WORDS, NUMBER_WORDS, SELF_COUNTING_WORDS, SHARE_WORDS

NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "TIME"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "NORP"}
_WORD_NUMBER = "|".join(NUMBER_WORDS + MAGNITUDE_WORDS + FRACTION_WORDS + SELF_COUNTING_WORDS)
_FIRST_LETTERS = re.escape("".join(sorted({w[0].lower() for w in _WORD_NUMBER.split("|")})))
_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|per ?cent|percent|points?|goals?|times|fold)"
_SCORE = re.compile(r"(?<![\w-])\d{1,3}-\d{1,3}(?![\w-])")  # 3-1
_MAGNITUDE = r"(?:\s?(?:" + "|".join(AMOUNT_MAGNITUDES) + r")\b)?"
_PATTERNS = [
    _SIGNED := re.compile(r"[$€£¥₹₦₵₱₩₽₺₴₪]\s?\d+(?:[,.]\d+)*" + _MAGNITUDE, re.I),
    # a currency's letters against the figure, where no word boundary lets the bare number below
    # match: "KSh300m", "Rs4,200 crore" (the lookahead lets the pattern fail fast elsewhere). Not a
    # lone "R" or "N", which name roads and masks ("the N7", "N95 masks"); the recogniser finds
    # "R1.4 billion" as money.
    _CODED := re.compile(r"\b(?=[GKRSTU])(?:KSh|Ksh|Rs|GH₵|Sh|USh|TSh|Tk)\d+(?:[,.]\d+)*" + _MAGNITUDE),
    re.compile(r"\b\d[\d,.]*\s?(?:%|per ?cent\b|percent\b|bn\b|m\b|tn\b|billion\b|million\b|trillion\b|thousand\b)", re.I),
    _SCORE,
    _BARE := re.compile(r"\b\d+(?:[,.]\d+)*\b"),
    # (the lookahead, the words' first letters, only lets the pattern fail fast at the other words:
    # trying every alternative at every word boundary was most of this pass's time)
    _IN_WORDS := re.compile(r"\b(?=[" + _FIRST_LETTERS + r"])(?:" + _WORD_NUMBER + r")\b(?:[ -]" + _UNITS + r"\b)?", re.I),
]
# What a name never holds, though the recogniser may read it into one: a score, an amount in a currency
# ("GH₵4 billion" labelled an organisation).
_NOT_IN_NAMES = (_SCORE, _SIGNED, _CODED)
_DURATION = re.compile(r"\b(?:\d[\d,.]*|" + _WORD_NUMBER + r")[ -]+" + _UNITS + r"\b", re.I)
# How far a number may stand from what it counts: "5,000 combat helmets", "thousands of Syrian troops".
COUNTED_NOUN_REACH = 3
# Characters after a number inside a date within which a unit makes it a duration ("the past three years").
DURATION_LOOKAHEAD = 12
# What widens a bare number, looked for only around the numbers found (a pattern of its own,
# tried at every word of the text, cost more than the rest of the pass): a currency's code before it
# ("KSh 300 million", "Rs 4,200 crore", "USD 2.6m"), and after it a ratio ("one in five", "nine out
# of ten") or degrees ("46°C", "40 degrees").
_CODE_BEFORE = re.compile(r"(?<![\w$])(?:KSh|Ksh|Sh|USh|TSh|GH₵|Rs\.?|INR|Tk|ZAR|NGN|KES|GHS|USD|EUR|GBP|AUD|CAD|NZD|SGD|HKD|JPY|CNY|RM|Rp)\s$")
CODE_REACH = 6
_RATIO_AFTER = re.compile(r"\s(?:in|out\sof)\s(?:\d+|" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_DEGREES_AFTER = re.compile(r"\s?°\s?[CF]?\b|\s?°|\sdegrees?\b")
# A share a quantity changed by, which the recogniser sometimes reads as a date ("by a quarter in a year").
_BY_SHARE = re.compile(r"\bby (?:" + "|".join(SHARE_WORDS) + r")\b", re.I)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
# A number at all: the recogniser sometimes labels a stray word a cardinal ("else.‹").
_ANY_NUMBER = re.compile(r"\d|\b(?:" + _WORD_NUMBER + r")\b", re.I)



@dataclass
class NumberClaim:
    start: int
    end: int


def find_numbers(doc: Doc) -> list[NumberClaim]:
    text = text_of(doc)
    ents = ents_of(doc)
    dates = [e for e in ents if e.label_ == "DATE"]
    names = [e for e in ents if e.label_ in NAME_LABELS]
    date_starts, name_starts = [e.start_char for e in dates], [e.start_char for e in names]
    candidates: list[tuple[int, int]] = []
    for ent in ents:
        if ent.label_ in NUMERIC_LABELS or (ent.label_ == "DATE" and _DURATION.search(ent.text)):
            if ent.label_ == "TIME" and not any(ch.isdigit() for ch in ent.text):
                continue  # "morning", "an hour ago"
            if _counts(ent) and _ANY_NUMBER.search(ent.text) and not _no_claim(doc, ent.start_char, ent.end_char):
                candidates.append((ent.start_char, ent.end_char))
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if _inside(s, e, names, name_starts) and pattern not in _NOT_IN_NAMES:
                continue  # F-16, COVID-19: a number inside a name (but "Northgate United 3-1" is a score)
            s, e, widened = _widen(text, s, e) if pattern is _BARE or pattern is _IN_WORDS else (s, e, False)
            # "September 18", "in 2014": dates are not claims (but "46°C", "one in five" and "rose by a
            # quarter", which the recogniser sometimes calls dates, are none)
            if (not widened and _inside(s, e, dates, date_starts)
                    and not _DURATION.search(text, max(0, s - 1), min(len(text), e + DURATION_LOOKAHEAD))
                    and not _BY_SHARE.search(text, max(0, s - 3), e)):
                continue
            word = m.group(0)
            if _YEAR.match(word):
                continue
            if pattern is _IN_WORDS and not widened and not _counts_words(doc, s, e):
                continue
            if _no_claim(doc, s, e):
                continue
            candidates.append((s, e))
    return [NumberClaim(s, e) for s, e in _merge(_extend(doc, c) for c in candidates)]


def _widen(text: str, s: int, e: int) -> tuple[int, int, bool]:
    """A bare number with its currency's code before it, or the ratio or degrees after it."""
    word = text[s:e]
    plain = word.isdigit() or word.lower() in NUMBER_WORDS  # "one in five", not "a quarter in six weeks"
    widened = False
    code = _CODE_BEFORE.search(text, max(0, s - CODE_REACH), s)
    if code is not None:
        s, widened = code.start(), True
    after = (_RATIO_AFTER.match(text, e) if plain else None) or _DEGREES_AFTER.match(text, e)
    if after is not None:
        e, widened = after.end(), True
    return s, e, widened


def _no_claim(doc: Doc, s: int, e: int) -> bool:
    """The number in a name, which counts nothing: "Article 5", "Route 9" (a bare whole number right
    after a capitalised name that is not a date's month, with nothing counted after it)."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) != 1 or not span.text.isdigit() or span.start == 0:
        return False
    before = doc[span.start - 1]
    after = doc[span.end] if span.end < len(doc) else None
    # (with what it counts after it, a number after a name is a count: "took Riverside 58 minutes")
    return (before.pos_ == "PROPN" and before.is_title and before.ent_type_ != "DATE" and before.whitespace_ != ""
            and not (after is not None and (after.pos_ in ("NOUN", "ADJ", "NUM", "SYM") or after.lower_ in ("per", "percent", "%"))))


def _inside(s: int, e: int, ents: list[Span], starts: list[int]) -> bool:
    """Whether [s, e) lies within one of `ents` (a document's entities: sorted, never overlapping;
    `starts` their start offsets), found by binary search: the only candidate is the last entity
    starting at or before s."""
    i = bisect_right(starts, s) - 1
    return i >= 0 and e <= ents[i].end_char


def _counts(ent: Span) -> bool:
    """A cardinal that counts something: not "One need only…", not a name's number."""
    return ent.text.lower() not in NON_COUNTING_WORDS


def _counts_words(doc: Doc, s: int, e: int) -> bool:
    """A number in words counts only when followed by what it counts ("three days", "two goals")."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    if _DURATION.fullmatch(span.text) or span.text.lower() in SELF_COUNTING_WORDS:
        return True
    if span.text.lower().startswith(SHARE_WORDS):
        # "a third of the crop" and "rose by a quarter" are shares; "a third boat" is an ordinal
        return (span.end < len(doc) and doc[span.end].lower_ == "of") or (span.start > 0 and doc[span.start - 1].lower_ == "by")
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        nxt = doc[span.end + 1] if span.end + 1 < len(doc) else None
    # "one analyst said" names a person, it does not count anything
    return nxt is not None and nxt.pos_ in ("NOUN", "ADJ") and span.text.lower() != "one"


def _extend(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    if span is None:
        return rng
    toks = token_list(doc)
    start, end = span.start, span.end
    # the first token of the span's sentence: a hedge is looked for back to it, not beyond
    sent_starts = columns(doc).sent_starts
    sent_start = sent_starts[bisect_right(sent_starts, start) - 1]
    while start > sent_start:
        before = toks[start - 1].lower_
        if before in HEDGES:
            start -= 1
        elif before == "at" and toks[start].lower_ in ("least", "most"):
            start -= 1
        elif before == "to" and start > 1 and toks[start - 2].lower_ == "up":
            start -= 2  # "up to 50,000"
        else:
            break
    while end > start + 1 and toks[end - 1].text in (".", ",", ";", ":", "!", "?"):
        end -= 1
    end = _counted_noun_end(doc, end)
    return toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text)


def _counted_noun_end(doc: Doc, end: int) -> int:
    # "5,000 combat helmets": the quantity modifies a noun to its right.
    last = doc[end - 1]
    head = last.head
    if head.i >= end and head.pos_ in ("NOUN", "PROPN") and head.i - end <= COUNTED_NOUN_REACH and last.dep_ in ("nummod", "quantmod", "compound", "amod"):
        if not any(t.is_punct for t in doc[end : head.i + 1]):
            return head.i + 1
    # "thousands of troops"
    if end + 1 < len(doc) and doc[end].lower_ == "of" and last.lower_.endswith("s"):
        pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i - end <= COUNTED_NOUN_REACH:
            return pobj.i + 1
    return end


def _merge(ranges) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
