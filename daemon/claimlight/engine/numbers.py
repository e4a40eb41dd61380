"""Numeric and statistical claims: "up to 50,000 troops", "7.4 per cent", "$3bn", "a 3-1 win".

Two sources, merged: the NER's quantities, and a pattern pass for what the small model misses
(currency amounts like "€4bn", scores, durations in words, multiples like "doubled", ordinals that
count like "a third week"). A claim also takes the hedge in front ("up to", "more than") and what is
counted ("troops"), since "50,000" alone says little. What counts is seeds/README.md's definition
("What counts as a numeric claim"): ages are claims, though the recogniser reads "Dunmore, 71," as a
date; dates, years, clock times and reporting periods say when and are left out, and so are the
numbers of names and labels ("Article 5", "class eight") and figures of speech ("one day").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .docview import columns, ents_of, text_of, token_list
from .local import by_paragraph, paragraphs_of
from .lexicon import (
    AMOUNT_MAGNITUDES, CLOCK_AFTER, CLOCK_BEFORE, COUNTING_ORDINALS, CURRENCY_WORDS, FRACTION_WORDS, HALF_NOT_SHARE_AFTER, HALF_NOT_SHARE_BEFORE,
    HEDGES, HUNDREDS_WORDS, MAGNITUDE_WORDS, MULTIPLIED_WORDS, MULTIPLY_BEFORE, MULTIPLY_WORDS, NAMING_BEFORE, NON_COUNTING_WORDS,
    NUMBER_IDIOMS, NUMBER_WORDS, ONCE_UNITS, ORDINAL_COUNTED, ORDINAL_OWNED_COUNTED, OWNER_WORDS, PLACING_BEFORE, SELF_COUNTING_WORDS, SHARE_WORDS,
    AGED_PEOPLE_NOUNS, PERIOD_PART_NOUNS, SHARE_AFTER, TENS_WORDS,
)

NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "TIME"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "NORP"}
_TENS_UNITS = r"(?:" + "|".join(TENS_WORDS) + r")-(?:" + "|".join(NUMBER_WORDS[:9]) + r")"  # "seventy-eight"
_WORD_NUMBER = "|".join((_TENS_UNITS,) + NUMBER_WORDS + MAGNITUDE_WORDS + FRACTION_WORDS + SELF_COUNTING_WORDS)
_FIRST_LETTERS = re.escape("".join(sorted({w[0].lower() for w in _WORD_NUMBER.split("|")})))
_UNITS = r"(?:years?|months?|weeks?|days?|nights?|summers?|winters?|seasons?|hours?|minutes?|seconds?|decades?|centuries|per ?cent|percent|points?|goals?|times|fold)"
_HUNDREDS = r"(?:[ -](?:" + "|".join(HUNDREDS_WORDS) + r"))?"  # "seven hundred years"
_ORDINAL = r"(?:" + "|".join(COUNTING_ORDINALS) + r"|\d+(?:st|nd|rd|th))"
_ORDINAL_LETTERS = r"\d" + re.escape("".join(sorted({w[0] for w in COUNTING_ORDINALS + PLACING_BEFORE})))
_SCORE = re.compile(r"(?<![\w-])\d{1,3}-\d{1,3}(?![\w-])")  # 3-1
_MAGNITUDE = r"(?:\s?(?:" + "|".join(AMOUNT_MAGNITUDES) + r")\b)?"
_PATTERNS = [
    _SIGNED := re.compile(r"[$€£¥₹₦₵₱₩₽₺₴₪]\s?\d+(?:[,.]\d+)*" + _MAGNITUDE, re.I),
    # a currency's letters against the figure, where no word boundary lets the bare number below
    # match: "KSh300m", "Rs4,200 crore" (the lookahead lets the pattern fail fast elsewhere). Not a
    # lone "R" or "N", which name roads and masks ("the N7", "N95 masks"), but for an amount with a
    # magnitude, which no road or mask has: "R2.3bn", "R1.4 billion", "K12 million", "N5bn".
    _CODED := re.compile(r"\b(?=[GKNPRSTU])(?:(?:KSh|Ksh|Rs|GH₵|Shs|Sh|USh|TSh|Tk|RM)\d+(?:[,.]\d+)*" + _MAGNITUDE
                         + r"|[KNPR]\d+(?:[,.]\d+)*\s?(?:bn|m|tn|billion|million|trillion)\b)"),
    re.compile(r"\b\d[\d,.]*\s?(?:%|per ?cent\b|percent\b|bn\b|m\b|tn\b|billion\b|million\b|trillion\b|thousand\b)", re.I),
    _SCORE,
    _BARE := re.compile(r"\b\d+(?:[,.]\d+)*\b"),
    # (the lookahead, the words' first letters, only lets the pattern fail fast at the other words:
    # trying every alternative at every word boundary was most of this pass's time)
    _IN_WORDS := re.compile(r"\b(?=[" + _FIRST_LETTERS + r"])(?:" + _WORD_NUMBER + r")\b" + _HUNDREDS + r"(?:[ -]" + _UNITS + r"\b)?", re.I),
    # a change as a multiple: "doubled", "halved", "cases double"
    _MULTIPLE := re.compile(r"\b(?=[dthq])(?:" + "|".join(sorted(MULTIPLIED_WORDS) + list(MULTIPLY_WORDS)) + r")\b", re.I),
    # ordinals that count ("a third week", "the 54th minute") and placings ("finished fifth")
    # (and what counts only after a possessive, which `numbers_in` checks: "his eighth goal", one
    # alternation with the rest, since an alternative of its own cost the pass a sixth more)
    _ORDINAL_COUNT := re.compile(r"\b(?=[" + _ORDINAL_LETTERS + r"])(?:" + _ORDINAL + r"[ -](?:" + "|".join(ORDINAL_COUNTED + ORDINAL_OWNED_COUNTED) + r")\b|" + _ORDINAL + r"-placed\b|"
                                 r"(?:" + "|".join(PLACING_BEFORE) + r")\s" + _ORDINAL + r"(?![\w-])"
                                 # a match's minute with the noun left out: "scored again in the 67th with a free kick"
                                 r"|(?<=\bin the )\d{1,3}(?:st|nd|rd|th)(?=[,.;)]|\s(?:with|after|before|and|when|as|from|to|but|for|off)\b))", re.I),
    # a unit's "a" with a hedge: "more than a decade", "within a week", "half a century"
    _A_UNIT := re.compile(r"\b(?=[mlfwhba])(?:(?:(?:more|less|fewer) than an?|within an?|by an?|half an?|half the) "
                          r"(?:years?|decades?|century|months?|weeks?|days?|hours?|minutes?|metres?|meters?|kilometres?|kilometers?|miles?)\b"
                          # and with the hedge after it: "a month or more", "a year or so"
                          r"|an? (?:year|decade|century|month|week|day|hour|minute) or (?:more|longer|less|so)\b)", re.I),
    # a height in feet and inches: "the 5-foot-11 opposite hitter", "6ft 2in"
    _HEIGHT := re.compile(r"\b\d-(?:foot|feet)-\d{1,2}\b|\b\d\s?ft\s?\d{1,2}\s?in\b", re.I),
    # how often as "once", with its unit: "(at least) once a year", "once every two weeks". Alone it is
    # a conjunction or "formerly" ("once the bridge opens", "was once"), and "more than once" is as vague
    # as "several times".
    # (no "\b" before it, which would make the pass try every position: "once" ending a word, "sconce
    # a week", is for `numbers_in` to set aside)
    _ONCE := re.compile(r"once\s(?:a|an|per|every)\s(?:\w+\s)?(?:" + "|".join(ONCE_UNITS) + r")s?\b", re.I),
]
# Matches that stand on their own, whatever entity the recogniser puts them in. They are looked for
# in one pass, each its own group (a pass each cost as much as all the others together).
_SELF_STANDING = (_MULTIPLE, _ORDINAL_COUNT, _A_UNIT, _HEIGHT)
# (their words' first letters: a lookahead that lets the pass fail fast at the other words)
_STANDING_LETTERS = "".join(sorted({w[0] for w in (*MULTIPLIED_WORDS, *MULTIPLY_WORDS, *COUNTING_ORDINALS, *PLACING_BEFORE, "more", "less", "fewer", "within", "by", "half", "a")}))
_STANDING = re.compile(r"\b(?=[\d" + _STANDING_LETTERS + r"])(?:" + "|".join(f"(?P<k{_PATTERNS.index(p)}>{p.pattern})" for p in _SELF_STANDING) + ")", re.I)
_SCANS = [(k, p) for k, p in enumerate(_PATTERNS) if p not in _SELF_STANDING] + [(-1, _STANDING)]
# What a name never holds, though the recogniser may read it into one: a score, an amount in a currency
# ("GH₵4 billion" labelled an organisation).
_NOT_IN_NAMES = (_SCORE, _SIGNED, _CODED, _ORDINAL_COUNT)
_DURATION = re.compile(r"\b(?:\d[\d,.]*|" + _WORD_NUMBER + r")" + _HUNDREDS + r"[ -]+" + _UNITS + r"\b", re.I)
# An amount in a currency's words, which the recogniser sometimes reads as a date.
_IN_CURRENCY = re.compile(r"\b(?:" + "|".join(CURRENCY_WORDS) + r")\b", re.I)
# A reporting period, which says when and not how long: "the first six months", "the three months to June".
_PERIOD = re.compile(r"^(?:the\s)?(?:first|second|final)\s(?:\w+\s)?(?:months|weeks|quarter|half)\b|^(?:the\s)?\w+\smonths?\s(?:to|ended|ending|through)\b", re.I)
# A clock time, which says when: "06:40", "11 p.m.", "7am", "17:42 GMT", "three o'clock", "ten to seven".
_SMALL_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_CLOCK = re.compile(r"\b(?:\d{1,2}(?:[:.]\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)|\d{1,2}:\d\d\b|(?:\d{1,2}|" + _SMALL_WORDS + r")\s?o['’]clock\b"
                    r"|(?:half|quarter|ten|five|twenty|twenty-five)\spast\s(?:\d{1,2}|" + _SMALL_WORDS + r")\b|(?:quarter|ten|five|twenty)\sto\s(?:\d{1,2}|" + _SMALL_WORDS + r")\b"
                    # an hour with its part of the day: "by seven in the morning", "ten at night"
                    r"|(?:\d{1,2}|" + _SMALL_WORDS + r")\s(?:in\sthe\s(?:morning|afternoon|evening)|at\snight)\b)", re.I)
CLOCK_REACH = 16  # characters around a number within which its clock time is looked for
# What makes a clock time's words a range of a duration instead: "five to seven years".
_UNIT_AFTER = re.compile(r"[ -]+" + _UNITS + r"\b", re.I)
# A month's name or a year: a "time" the recogniser reads into a date ("the night of June 14, 2024") says when.
_DATE_WORDS = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|1[89]\d\d|20\d\d)\b")
# "the first two sets", "the first 100 days": a period or a part of a match, which says when.
_NUMBER_SIGN = re.compile(r"\b(?:No|Nos|no)\.\s?$")
_FIRST_BEFORE = re.compile(r"\bfirst[ -]$", re.I)
_PERIOD_PART_AFTER = re.compile(r"[ -](?:" + "|".join(PERIOD_PART_NOUNS) + r")\b", re.I)
_SMALL_VALUES = {w: i for i, w in enumerate(NUMBER_WORDS[:19], 1)} | {w: 10 * i for i, w in enumerate(NUMBER_WORDS[19:], 2)}
# An identifier's number: "800-TIPS".
_ID_AFTER = re.compile(r"-[A-Z]{2}")
# What an ordinal counts only after a possessive, and the possessive: "his eighth goal", "their fifth win".
_OWNED_COUNTED = re.compile(r"[ -](?:" + "|".join(ORDINAL_OWNED_COUNTED) + r")$", re.I)
_OWNER_BEFORE = re.compile(r"\b(?:" + "|".join(OWNER_WORDS) + r")\s$", re.I)
# A date relative to now right after a number, which the recogniser reads together: "150 last year".
_RELATIVE_DATE_AFTER = re.compile(r"\s(?:last|this|next)\s(?:year|month|week|season|quarter|spring|summer|autumn|fall|winter)\b", re.I)
# A year, alone or as a range of years: the recogniser sometimes calls one a cardinal ("2011–2020").
_YEARS = re.compile(r"^(?:1[89]\d\d|20\d\d)(?:s|[–-](?:1[89]\d\d|20\d\d|\d\d))?$")
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
_ENT_STARTS = "claimlight.ent_starts"
Match = tuple[int, int, int]  # a pattern's index in _PATTERNS, where its match starts and ends



@dataclass
class NumberClaim:
    start: int
    end: int


def find_numbers(doc: Doc) -> list[NumberClaim]:
    # Worked out paragraph by paragraph, each one's claims kept for the page's next version
    # (`engine.local`). A match holds no two whitespace characters in a row and neither starts nor
    # ends with one, so where two stand between paragraphs (a blank line, as in news) no match runs
    # across, and a paragraph's matches are those of its own text. Elsewhere the patterns are
    # looked for over the whole text (where one match ends is where the next is looked for), and a
    # paragraph's matches become part of its key.
    text = text_of(doc)
    paras = paragraphs_of(doc)
    if all(p.start >= 2 and text[p.start - 2 : p.start].isspace() for p in paras[1:]):
        found = by_paragraph(doc, "numbers", lambda d, i, p, w: numbers_in(d, p.start, p.end, find_matches(text, p.start, p.end), w.start, w.end), _shift)
    else:
        starts = [p.start for p in paras]
        matches: list[list[Match]] = [[] for _ in paras]
        for k, s, e in find_matches(text):
            i = bisect_right(starts, s) - 1
            matches[i].append((k, s - starts[i], e - starts[i]))
        found = by_paragraph(doc, "numbers", lambda d, i, p, w: numbers_in(d, p.start, p.end, matches[i], w.start, w.end), _shift,
                             inputs=lambda i: tuple(matches[i]))
    return [NumberClaim(s, e) for s, e in _merge(found)]


def find_matches(text: str, start: int = 0, end: int | None = None) -> list[Match]:
    """Every pattern's matches in the characters [start, end) of `text`, as `numbers_in` takes
    them: by pattern, each at its offsets from `start`."""
    end = len(text) if end is None else end
    return [(k if k >= 0 else int(m.lastgroup[1:]), m.start() - start, m.end() - start) for k, pattern in _SCANS for m in pattern.finditer(text, start, end)]


def _shift(rng: tuple[int, int], chars: int, tokens: int) -> tuple[int, int]:
    return rng[0] + chars, rng[1] + chars


def numbers_in(doc: Doc, start: int, end: int, matches: list[Match], seen_from: int = 0, seen_to: int | None = None) -> list[tuple[int, int]]:
    """The number claims that start in the characters [start, end) of `doc`, before they are
    merged, from the patterns' `matches` there (offsets from `start`): the rules read no further
    than [seen_from, seen_to) (a window of whole paragraphs around them, `engine.local`)."""
    text = text_of(doc)
    seen_to = len(text) if seen_to is None else seen_to
    ents = _ents_between(doc, seen_from, seen_to)
    dates = [e for e in ents if e.label_ == "DATE"]
    names = [e for e in ents if e.label_ in NAME_LABELS]
    date_starts, name_starts = [e.start_char for e in dates], [e.start_char for e in names]
    candidates: list[tuple[int, int]] = []
    for ent in ents:
        if not start <= ent.start_char < end:
            continue
        if ent.label_ in NUMERIC_LABELS or (ent.label_ == "DATE" and _DURATION.search(ent.text) and not _PERIOD.match(ent.text)):
            if (ent.label_ == "TIME" and (not any(ch.isdigit() for ch in ent.text) or _DATE_WORDS.search(ent.text))) or _tells_time(ent.text):
                continue  # "morning", "an hour ago"; a clock time says when ("11 p.m.", "ten to seven")
            if _YEARS.match(ent.text) or (len(ent) == 1 and _is_clock(doc, text, ent.start_char, ent.end_char, start)):
                continue
            if _counts(ent) and _ANY_NUMBER.search(ent.text) and not _no_claim(doc, ent.start_char, ent.end_char):
                candidates.append((ent.start_char, ent.end_char))
    for k, s, e in matches:
        pattern = _PATTERNS[k]
        s, e = s + start, e + start
        word = text[s:e]
        if _inside(s, e, names, name_starts) and pattern not in _NOT_IN_NAMES:
            continue  # F-16, COVID-19: a number inside a name (but "Northgate United 3-1" is a score)
        if pattern in _SELF_STANDING:
            if pattern is _MULTIPLE and not _multiplies(doc, s, e):
                continue
            if pattern is _ORDINAL_COUNT and _OWNED_COUNTED.search(word) and not _OWNER_BEFORE.search(text, max(start, s - 7), s):
                continue  # "the second goal came after a corner" orders the match's goals; "his eighth goal" counts his
            candidates.append((s, e))
            continue
        if pattern is _ONCE and s > 0 and text[s - 1].isalnum():
            continue  # "sconce a week"
        bare = pattern is _BARE or pattern is _IN_WORDS
        s, e, widened = _widen(text, s, e) if bare else (s, e, False)
        if bare and not widened and _is_clock(doc, text, s, e, start):
            continue  # "06:40", "at three": when, not how much
        # "September 18", "in 2014": dates are not claims (but "46°C", "one in five" and "rose by a
        # quarter", which the recogniser sometimes calls dates, are none, and nor is an age, "Dunmore, 71,")
        date = None if widened else _within(s, e, dates, date_starts)
        if date is not None and (_IN_CURRENCY.search(date.text) or re.fullmatch(_WORD_NUMBER, date.text, re.I)):
            date = None  # "less than two hundred dollars"; "Seventy-eight" alone, which no date is
        if date is not None and pattern is _SCORE and not _DATE_WORDS.search(date.text):
            date = None  # a set's score in a line of them, "25-23, 15-12", read as a date with no month or year
        if date is not None and date.start_char == s and _RELATIVE_DATE_AFTER.match(text, e, date.end_char):
            date = None  # "up from 150 last year": a count the recogniser read into the date after it
        if date is not None and (_PERIOD.match(date.text) or (
                not _DURATION.search(text, max(0, s - 1), min(len(text), e + DURATION_LOOKAHEAD))
                and not _BY_SHARE.search(text, max(0, s - 3), e))) and not (bare and _is_age(doc, s, e, start)):
            continue
        if _YEAR.match(word):
            continue
        if pattern is _IN_WORDS and not widened and not _counts_words(doc, s, e) and not _is_age(doc, s, e, start):
            continue
        if _no_claim(doc, s, e, start):
            continue
        candidates.append((s, e))
    return [c for c in map(_extend, [doc] * len(candidates), candidates) if not _idiom(text, c)]


def _ents_between(doc: Doc, a: int, b: int) -> tuple[Span, ...]:
    """The entities that start in the characters [a, b), found by binary search."""
    ents = ents_of(doc)
    starts = doc.user_data.get(_ENT_STARTS)
    if starts is None or len(starts) != len(ents):
        starts = doc.user_data[_ENT_STARTS] = [e.start_char for e in ents]
    return ents[bisect_left(starts, a) : bisect_left(starts, b)]


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


def _no_claim(doc: Doc, s: int, e: int, start: int = 0) -> bool:
    """The number in a name, which counts nothing: "Article 5", "Route 9" (a bare whole number right
    after a capitalised name that is not a date's month, with nothing counted after it); a number
    after a word that labels with one ("class eight", "page three", "call 105"); an identifier's
    ("800-TIPS"); a bare "half" that names a part ("half-time", "the second half")."""
    text = text_of(doc)
    if text.startswith(("half-year", "half-time"), s):
        return True  # a period or a match's interval, as in "half-year profit"
    if _NUMBER_SIGN.search(text, max(start, s - 5), s):
        return True  # "No. 8", a place in an order or a shirt's number (the tokenizer parts "No" from its period)
    if text[max(start, s - 8) : s].lower().endswith(("best-of-", "best of ")):
        return True  # a series' format, "a best-of-five final", as "the under-20s" names a team
    if _FIRST_BEFORE.search(text, max(start, s - 6), s) and _PERIOD_PART_AFTER.match(text, e):
        return True  # "the first two sets", "the first ten months": when, not how many
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) != 1 or span.start == 0 or doc[span.start - 1].idx < start:
        return False
    before = doc[span.start - 1]
    if span.text.lower() == "half":
        after = doc[span.end] if span.end < len(doc) else None
        return before.lower_ in HALF_NOT_SHARE_BEFORE or (after is not None and after.lower_ in HALF_NOT_SHARE_AFTER)
    if before.lower_ in NAMING_BEFORE and (span.text.isdigit() or span.text.lower() in _SMALL_VALUES):
        return True
    if not span.text.isdigit():
        return False
    if _ID_AFTER.match(text_of(doc), e):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    # (with what it counts after it, a number after a name is a count: "took Riverside 58 minutes")
    return (before.pos_ == "PROPN" and before.is_title and before.ent_type_ != "DATE" and before.whitespace_ != ""
            and not (after is not None and (after.pos_ in ("NOUN", "ADJ", "NUM", "SYM") or after.lower_ in ("per", "percent", "%"))))


def _inside(s: int, e: int, ents: list[Span], starts: list[int]) -> bool:
    """Whether [s, e) lies within one of `ents` (a document's entities: sorted, never overlapping;
    `starts` their start offsets), found by binary search: the only candidate is the last entity
    starting at or before s."""
    return _within(s, e, ents, starts) is not None


def _within(s: int, e: int, ents: list[Span], starts: list[int]) -> Span | None:
    """The one of `ents` that [s, e) lies within, if any (as `_inside`)."""
    i = bisect_right(starts, s) - 1
    return ents[i] if i >= 0 and e <= ents[i].end_char else None


def _token(doc: Doc, s: int, e: int) -> Token | None:
    """The one token [s, e) is, if it is one."""
    span = doc.char_span(s, e, alignment_mode="expand")
    return span[0] if span is not None and len(span) == 1 else None


def _value(word: str) -> int | None:
    """A small whole number, in digits or in words ("71", "six"), or None."""
    if word.isdigit():
        return int(word) if len(word) <= 3 else None
    return _SMALL_VALUES.get(word.lower())


def _tells_time(said: str) -> bool:
    """Whether an entity's text holds a clock time ("11 p.m.", "ten to seven"), not the words of a
    duration's range ("five to seven years")."""
    return any(not _UNIT_AFTER.match(said, m.end()) for m in _CLOCK.finditer(said))


def _is_clock(doc: Doc, text: str, s: int, e: int, start: int) -> bool:
    """A number that tells the time: inside a clock time ("06:40", "11 p.m.", "ten to seven"), or a
    bare hour after "at", "until" or "past" with nothing counted after it ("at three with my youngest")."""
    a = max(start, s - CLOCK_REACH)
    if any(m.start() < e and s < m.end() and not _UNIT_AFTER.match(text, m.end()) for m in _CLOCK.finditer(text, a, min(len(text), e + CLOCK_REACH))):
        return True
    before = text[max(start, s - 7) : s].split()
    if not before or before[-1].lower() not in CLOCK_BEFORE:
        return False
    tok = _token(doc, s, e)
    if tok is None or tok.i == 0 or not 1 <= (_value(tok.text) or 0) <= 12 or doc[tok.i - 1].lower_ not in CLOCK_BEFORE or doc[tok.i - 1].idx < start:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or nxt.is_punct or nxt.lower_ in CLOCK_AFTER


def _is_age(doc: Doc, s: int, e: int, start: int) -> bool:
    """A person's age, which the recogniser reads as a date: "Dunmore, 71,", "Pitre, now 68,", "aged
    34", "at the age of 88", "she was six", "who are 71 and 68", "joined the workshop at 14". Only
    the paragraph from `start` is read."""
    tok = _token(doc, s, e)
    if tok is None or not 1 <= (_value(tok.text) or 0) <= 119 or tok.i == 0 or doc[tok.i - 1].idx < start:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM"):
        return False  # "71 homes": a count
    before = doc[tok.i - 1]
    if before.lower_ == "aged" or (before.lower_ == "of" and tok.i > 1 and doc[tok.i - 2].lower_ == "age"):
        return True
    if before.lower_ in ("over", "under") and tok.i > 1 and (doc[tok.i - 2].lower_ == "aged" or doc[tok.i - 2].lower_ in AGED_PEOPLE_NOUNS):
        return True  # "voters aged under 30", "people over 85"
    closed = nxt is None or nxt.text in (",", ".", ";", ")", "—", "–", "and", "when")
    j = tok.i - 1 - (before.lower_ == "now")
    if closed and j > 0 and doc[j].text == "," and doc[j].idx >= start and doc[j - 1].pos_ in ("PROPN", "NOUN") and doc[j - 1].ent_type_ != "DATE":
        return True  # "Dunmore, 71," / "The winger, 21, said"
    if before.lower_ == "at" and 13 <= int(_value(tok.text) or 0) <= 99 and tok.text.isdigit() and before.head.pos_ == "VERB":
        return True  # "moved to London at 18"
    # "she was six", "who are 71 and 68", "I'm 66"
    head = tok.head if tok.dep_ == "conj" else tok
    if closed and head.dep_ in ("attr", "acomp") and head.head.lemma_ == "be":
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        return subject is not None and _has_an_age(subject)
    # "Hernández is 76 and four foot ten": right after "be", however the parse hung the number (here on
    # the height after it)
    if closed and before.lemma_ == "be" and before.pos_ == "AUX":
        subject = next((c for c in before.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.i < before.i and _has_an_age(subject)
    return False


def _has_an_age(subject: Token) -> bool:
    """Whether the subject of "is 76" is someone whose age that is: a personal pronoun, or a name that
    is no place's (the recogniser types a surname it does not know an organisation as often as a person)."""
    return subject.lower_ in ("he", "she", "i", "they", "we", "you", "who") or subject.ent_type_ == "PERSON" or (
        subject.pos_ == "PROPN" and subject.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "NORP"))


def _multiplies(doc: Doc, s: int, e: int) -> bool:
    """A change as a multiple: "doubled" always, "double" as a verb or before what it multiplies."""
    tok = _token(doc, s, e)
    if tok is None:
        return False
    if tok.lower_ in MULTIPLIED_WORDS:
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.pos_ == "VERB" or nxt is None or nxt.lower_ in MULTIPLY_BEFORE


def _idiom(text: str, rng: tuple[int, int]) -> bool:
    """A figure of speech that counts nothing ("one day", "I did not think twice")."""
    s, e = rng
    said = text[s:e].lower()
    if said in NUMBER_IDIOMS:
        return True
    before = text[max(0, s - 9) : s].lower().split()
    return bool(before) and f"{before[-1]} {said}" in NUMBER_IDIOMS


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
        # "a third of the crop" and "rose by a quarter" are shares, and so are a share with a hedge or
        # a verb or a comparison after it ("around a fifth will be sold", "a fifth less likely"); "a
        # third boat" is an ordinal
        after = doc[span.end] if span.end < len(doc) else None
        return (after is not None and (after.lower_ == "of" or after.lower_ in SHARE_AFTER or after.pos_ in ("AUX", "VERB"))) or (
            span.start > 0 and (doc[span.start - 1].lower_ == "by" or doc[span.start - 1].lower_ in HEDGES))
    if re.fullmatch(_TENS_UNITS, span.text, re.I):
        return True  # "seventy-eight" is never an article or a pronoun
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text == "-" and span.text.lower() != "one" and span.end + 1 < len(doc) and doc[span.end + 1].pos_ in ("NOUN", "ADJ"):
        return True  # a measure joined to its noun: "a five-set thriller", "the two-dose vaccine"
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
