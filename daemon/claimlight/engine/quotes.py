"""Finding quotations by their marks: straight "…", curly “…”, single ‘…’ / '…', German „…“ and ‚…‘,
guillemets «…», »…« and »…», single guillemets ‹…› and ›…‹.

Works on raw text, before any parsing, so it costs almost nothing. The hard parts are telling a
single quotation mark from an apostrophe (it’s, Russia’s, rock 'n' roll, the '90s, the states’),
following a quotation across paragraphs (no closing mark at the paragraph end, the next
paragraph reopens), and marks whose direction depends on the convention: “ opens in English and
closes in German („…“), » closes in French and opens in German and Danish (»…«). Those are read by
the text around them, as a reader does: a mark after a space and before a word opens, a mark after
a word and before a space or punctuation closes.

A quotation inside another one is kept with it (`Quotation.nested`): the outer one is what the
article quotes, the inner one may be someone else's words ("One customer told us, 'Just send …'").

Each line (paragraph) is read on its own, so a line's quotations are kept by its text for the
page's next version (a live page's lines are the same but one or two; `KEPT_BYTES`).

Linear in the length of the text, whatever it holds: every question about what comes after a mark
(is there a better closer later? do whole words follow?) is answered from one pass over the
paragraph, never by scanning the rest of it again for each mark, so a paragraph of 100,000 marks
costs what 100,000 characters of prose do.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from ..lru import LRUCache
from .ranges import outermost

# Marks that may open, and marks that may close, a quotation in some convention: “ and ‘ are both
# (English opening, German closing), and so are the guillemets.
OPEN_DOUBLE = "“„«»"
CLOSE_DOUBLE = "”“»«"
OPEN_SINGLE = "‘‚‹›"
CLOSE_SINGLE = "’‘›‹"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = "".join(dict.fromkeys(OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE))
# Low marks only ever open („…“, ‚…‘).
_LOW_OPENERS = "„‚"
# Marks read by the text around them; where that does not tell (spaces on both sides, as French
# sets « … », or none), the mark does what it does in its usual convention: these open.
# (” always closes: news text that opens with it is mistyped, and is rarely speech the outlet quotes.)
_SIDED = {"“": "double", "«": "guillemet", "»": "guillemet", "‹": "single guillemet", "›": "single guillemet"}
_OPENS_BY_DEFAULT = "“«‹"
# The marks that stand for a missing letter as well as for a quotation ('n', ’em).
_ELISION_MARKS = STRAIGHT_SINGLE + "‘’"
# A quotation is at least its two marks and one character between them.
MIN_QUOTE_CHARS = 3
# Each kind pairs only with its own kind.
KINDS = ("double", "single", "guillemet", "single guillemet")

# Elisions that begin with an apostrophe: 'n', 'em, 'til, 'tis, 'cause, and '90s (digits).
LEADING_ELISIONS = ("n", "em", "til", "tis", "twas", "cause", "bout", "round", "s")
_LEADING_ELISION = re.compile("(?:" + "|".join(LEADING_ELISIONS) + r")\b|\d\d?s?\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile("[" + re.escape(ALL_MARKS) + "]")
_WORD_RUN = re.compile(r"\S+")


def rules() -> dict:
    """The marks and the words that tell a mark's part, as data: the extension's copy of the
    scanner reads the same (engine.early.rules, contract.py)."""
    return {
        "open_double": OPEN_DOUBLE, "close_double": CLOSE_DOUBLE, "open_single": OPEN_SINGLE, "close_single": CLOSE_SINGLE,
        "straight_double": STRAIGHT_DOUBLE, "straight_single": STRAIGHT_SINGLE, "low_openers": _LOW_OPENERS,
        "sided": dict(_SIDED), "opens_by_default": _OPENS_BY_DEFAULT, "elision_marks": _ELISION_MARKS,
        "kinds": list(KINDS), "leading_elisions": list(LEADING_ELISIONS),
        "before_opening": BEFORE_OPENING, "after_closing": AFTER_CLOSING, "min_quote_chars": MIN_QUOTE_CHARS,
    }


@dataclass(frozen=True)
class Quotation:
    start: int  # at the opening mark
    end: int  # one past the closing mark, or the paragraph end for an unclosed piece
    closed: bool  # False when the quotation runs on into the next paragraph
    paragraph: int  # index of the paragraph (line) it starts in
    nested: tuple[Quotation, ...] = ()  # quotations one level inside it, in text order
    marked: bool = True  # False for words quoted without marks (a Q&A answer): start and end are the words

    @property
    def inner_start(self) -> int:
        return self.start + 1 if self.marked else self.start

    def inner_end(self, text: str) -> int:
        return self.end - 1 if self.closed and self.marked else self.end


class _Mark(NamedTuple):
    pos: int
    kind: str  # "double" | "single"
    can_open: bool
    can_close: bool


# What may stand before an opening mark and after a closing one (besides spaces).
BEFORE_OPENING = "([{—–-/" + OPEN_DOUBLE + OPEN_SINGLE + STRAIGHT_DOUBLE
AFTER_CLOSING = ".,;:!?)]}—–-…" + CLOSE_DOUBLE + CLOSE_SINGLE + STRAIGHT_DOUBLE
_BEFORE_OPENING = frozenset(BEFORE_OPENING)
_AFTER_CLOSING = frozenset(AFTER_CLOSING)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, lo: int, hi: int) -> _Mark | None:
    ch = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    space_before = before.isspace() or before in _BEFORE_OPENING
    space_after = after.isspace() or after in _AFTER_CLOSING
    if ch in _LOW_OPENERS:
        if after.isspace():
            return None  # a low comma-like mark with nothing to quote
        return _Mark(i, "double" if ch == "„" else "single", True, False)
    if ch == "”":
        return _Mark(i, "double", False, True)
    if ch in _SIDED:
        if space_before != space_after:
            opens = space_before
        else:
            opens = ch in _OPENS_BY_DEFAULT
        return _Mark(i, _SIDED[ch], opens, not opens)
    if ch == "‘" and not space_before and space_after and not _is_word(after):
        return _Mark(i, "single", False, True)  # the closing mark of ‚…‘
    if ch == STRAIGHT_DOUBLE:
        if before.isdigit() and not after.isalpha():
            return None  # inches: a 12" record
        return _Mark(i, "double", space_before or not space_after, space_after or not space_before)
    # Single marks: most are apostrophes.
    if _is_word(before) and _is_word(after):
        return None  # it’s, don't, O'Brien
    if space_before and not after.isspace():
        if ch == "’" or _LEADING_ELISION.match(text, i + 1, hi):
            return None  # ’80s, 'n', 'em: a right mark at a word start is an apostrophe
        return _Mark(i, "single", True, False)
    if not space_before and space_after:
        if _ends_elided_word(text, i, lo):
            return None  # the second mark of rock 'n' roll
        # A closing single after "s" may be a plural possessive (the states’ rights); decided
        # later by whether a better closer follows.
        return _Mark(i, "single", False, True)
    return None


def _ends_elided_word(text: str, i: int, lo: int) -> bool:
    # A word of one or two letters right after a single mark; looking further back cannot change
    # the answer, so a long word before the mark costs nothing.
    j = i
    while j > lo and i - j <= 2 and _is_word(text[j - 1]):
        j -= 1
    return j > lo and text[j - 1] in _ELISION_MARKS and i - j <= 2


def _pair(marks: list[_Mark], text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Pairs opening and closing marks of one kind with a stack; returns pairs and unclosed openers."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    later = _later_closers(marks)
    for idx, m in enumerate(marks):
        if m.can_open and m.can_close:
            # Ambiguous straight mark: closes if something is open, else opens.
            if stack:
                pairs.append((stack.pop(), m.pos))
            else:
                stack.append(m.pos)
        elif m.can_open:
            stack.append(m.pos)
        elif m.can_close and stack:
            if m.kind == "single" and text[m.pos - 1] in "sS" and later[idx]:
                continue  # a possessive s’ with a real closer still to come
            pairs.append((stack.pop(), m.pos))
    return pairs, stack


def _later_closers(marks: list[_Mark]) -> list[bool]:
    """For each mark: does a mark that can close come after it before one that can only open?

    One pass from the end, instead of a scan forward from every mark.
    """
    later = [False] * len(marks)
    for idx in range(len(marks) - 2, -1, -1):
        after = marks[idx + 1]
        later[idx] = after.can_close or (later[idx + 1] if not after.can_open else False)
    return later


def find_quotations(text: str) -> list[Quotation]:
    """Top-level quotations in document order, each with the quotations one level inside it."""
    found: list[Quotation] = []
    keep = len(text) <= KEPT_TEXT_CHARS
    for p_index, para in enumerate(_PARAGRAPH.finditer(text)):
        lo, line = para.start(), para.group()
        in_line = _kept.get(line) if keep else None
        if in_line is None:
            in_line = _line_quotations(line)
            if keep:
                _kept.put(line, in_line, _weight(line, in_line))
        for start, end, closed, inner in in_line:
            nested = tuple(Quotation(lo + a, lo + b, True, p_index) for a, b in inner)
            found.append(Quotation(lo + start, lo + end, closed, p_index, nested))
    return found


# The quotations of a line, by the line's text (`find_quotations`): everything the scanner reads of
# a line is in it, so a live page's next version scans only its new or changed lines. Bounded by
# bytes, least recently used out; a text longer than `KEPT_TEXT_CHARS` keeps nothing (its lines
# would push out every live page's, and one another).
KEPT_BYTES = 2**20
KEPT_TEXT_CHARS = 300_000
_ENTRY_OVERHEAD = 200  # the entry, its tuple; a quotation's tuple is counted apart
_QUOTATION_BYTES = 150
_kept: LRUCache[tuple] = LRUCache(None, max_weight=KEPT_BYTES)

InLine = tuple[tuple[int, int, bool, tuple[tuple[int, int], ...]], ...]  # (start, end, closed, nested), from the line's start


def _line_quotations(text: str) -> InLine:
    """The quotations of one line (a paragraph: no line break in it), offsets from its start."""
    lo, hi = 0, len(text)
    marks = [m for found in _MARK.finditer(text, lo, hi) if (m := _classify(text, found.start(), lo, hi))]
    spans: list[tuple[int, int, bool]] = []
    rest = _Rest(text, lo, hi)
    for kind in KINDS:
        of_kind = [m for m in marks if m.kind == kind]
        pairs, unclosed = _pair(of_kind, text)
        spans.extend((a, b + 1, True) for a, b in pairs)
        # An opener never closed in its paragraph runs to the paragraph end: a quotation that
        # continues in the next paragraph, which reopens it with a new mark.
        for a in unclosed:
            if kind == "single" and not rest.looks_like_open_single(a):
                continue
            spans.append((a, rest.end, False))
    # Empty marks ("") quote nothing.
    spans = [s for s in spans if s[1] - s[0] >= MIN_QUOTE_CHARS]
    return tuple((start, end, closed, tuple((a, b) for a, b, _ in inner)) for (start, end, closed), inner in _nest(spans))


def _weight(line: str, in_line: InLine) -> int:
    return _ENTRY_OVERHEAD + sys.getsizeof(line) + _QUOTATION_BYTES * sum(1 + len(q[3]) for q in in_line)


def kept_bytes() -> int:
    """What the kept lines' quotations take now, as `_weight` counts them."""
    return _kept.weight


def forget() -> None:
    """Drops every line's kept quotations."""
    _kept.clear()


def _nest(spans: list[tuple[int, int, bool]]) -> list[tuple[tuple[int, int, bool], list[tuple[int, int, bool]]]]:
    """The outermost quotations, each with the closed ones directly inside it; a quotation that
    crosses another, or sits two levels down, is part of the one around it."""
    bounds = lambda s: (s[0], s[1])  # noqa: E731
    top = outermost(spans, bounds)
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    out: list[tuple[tuple[int, int, bool], list[tuple[int, int, bool]]]] = []
    i = 0
    for outer in top:
        while i < len(ordered) and ordered[i][0] < outer[0]:
            i += 1
        inside: list[tuple[int, int, bool]] = []
        while i < len(ordered) and ordered[i][0] < outer[1]:
            s = ordered[i]
            if s != outer and s[2] and s[1] <= outer[1] and s[0] > outer[0]:
                inside.append(s)
            i += 1
        out.append((outer, outermost(inside, bounds)))
    return out


class _Rest:
    """What follows a position in one paragraph, from one pass over it (made when first asked)."""

    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.lo, self.hi = text, lo, hi
        self._word_starts: list[int] | None = None
        # An unclosed quotation ends at the paragraph's last non-space character (a mark is one).
        self.end = lo + len(text[lo:hi].rstrip())

    def words_after(self, a: int) -> int:
        """How many whitespace-separated words text[a+1:hi] has."""
        if self._word_starts is None:
            self._word_starts = [m.start() for m in _WORD_RUN.finditer(self.text, self.lo, self.hi)]
        inside = a + 1 < self.hi and not self.text[a + 1].isspace()  # a word cut by the slice counts too
        return len(self._word_starts) - bisect_left(self._word_starts, a + 2) + inside

    def looks_like_open_single(self, a: int) -> bool:
        # An unclosed single mark is an apostrophe unless a whole sentence follows it; one right after
        # a capitalised word that no punctuation ends is part of a name ("Rev. Sione ‘Ofa Lolohea": a
        # Polynesian glottal stop printed as a turned comma), not a quotation opening mid-name.
        return self.text[a + 1 : a + 2].isupper() and self.words_after(a) >= 4 and not self._after_name_word(a)

    def _after_name_word(self, a: int) -> bool:
        j = a
        while j > self.lo and self.text[j - 1] == " ":
            j -= 1
        if j == a or j == self.lo or not self.text[j - 1].isalpha():
            return False
        k = j
        while k > self.lo and not self.text[k - 1].isspace():
            k -= 1
        return self.text[k].isupper()


