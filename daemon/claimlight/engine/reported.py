"""Reported speech without quotation marks: "Blinken added that this policy had been decided…".

A reporting verb outside any quotation, with a clausal complement: the complement is the reported
clause and the verb's subject its speaker. "According to X, <clause>" reports the whole clause.
Each result records which of the two rules found it (`Reported.rule`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from spacy.tokens import Doc, Token

from .docview import columns, text_of, token_list
from .lexicon import CLAUSE_OPENERS, REPORTING_VERBS, VAGUE_SUBJECTS
from .ranges import outermost
from .speakers import SUBJECT_DEPS, Speaker, SpeakerFinder

REPORTING_VERB = "reporting_verb"
ACCORDING_TO = "according_to"

# A clause has a subject of its own: "he said of US plans to…" has none, whatever the parse calls it.
_CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS + ("expl", "csubj")
# "who" too: the reporting verb of a relative clause ("Holm, who said that …") is not read here.
_NO_REPORTER = VAGUE_SUBJECTS | {"who"}
# A clause may end with a quotation it contains: its closing mark stays with it.
_CLOSING_MARKS = ("”", "’", '"', "'")
# Shortest reported clause, in tokens.
MIN_CLAUSE_TOKENS = 3
# A clause this much inside quotation marks is a direct quotation, reported as a quote already.
MOSTLY_QUOTED = Fraction(3, 5)


@dataclass
class Reported:
    start: int
    end: int
    speaker: Speaker
    cue: str
    cue_start: int
    rule: str  # REPORTING_VERB or ACCORDING_TO


def _clause_bounds(doc: Doc, head: Token) -> tuple[int, int]:
    toks = token_list(doc)
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < end and (toks[start].lower_ in CLAUSE_OPENERS or toks[start].is_punct):
        start += 1
    while end > start and toks[end - 1].is_punct and toks[end - 1].text not in _CLOSING_MARKS:
        end -= 1
    return start, end


def _has_newline(doc: Doc, start: int, end: int) -> bool:
    """Whether `doc[start:end].text` has a line break (read from the text, not token by token)."""
    if end <= start:
        return False
    toks = token_list(doc)
    return "\n" in text_of(doc)[toks[start].idx : toks[end - 1].idx + len(toks[end - 1].text)]


def _too_short_or_quoted(start: int, end: int, in_quote: list[bool]) -> bool:
    if end - start < MIN_CLAUSE_TOKENS:
        return True
    return sum(in_quote[start:end]) * MOSTLY_QUOTED.denominator >= (end - start) * MOSTLY_QUOTED.numerator


def find_reported(doc: Doc, finder: SpeakerFinder, in_quote: list[bool]) -> list[Reported]:
    found = _reporting_verbs(doc, finder, in_quote) + _according_to(doc, finder, in_quote)
    # A clause reported inside another reported clause is shown once, as the outer one.
    return outermost(found, lambda r: (r.start, r.end))


def _reporting_verbs(doc: Doc, finder: SpeakerFinder, in_quote: list[bool]) -> list[Reported]:
    out = []
    cols = columns(doc)
    toks = token_list(doc)
    for i in range(len(doc)):
        if in_quote[i] or cols.pos[i] not in ("VERB", "AUX") or cols.lemma[i] not in REPORTING_VERBS:
            continue
        tok = toks[i]
        for k in cols.children[i]:
            if cols.dep[k] != "ccomp" or cols.pos[k] not in ("VERB", "AUX"):
                continue
            if not any(cols.dep[c] in _CLAUSE_SUBJECT_DEPS for c in cols.children[k]):
                continue
            comp = toks[k]
            start, end = _clause_bounds(doc, comp)
            if _too_short_or_quoted(start, end, in_quote):
                continue
            if start <= tok.i < end or _has_newline(doc, start, end) or _has_newline(doc, min(start, tok.i), max(end, tok.i)):
                continue  # a clause reaching across the verb or into another paragraph is a misparse
            subj = finder.subject_of(tok)
            if subj is None or in_quote[subj.i] or start <= subj.i < end or subj.pos_ == "NUM" or subj.lower_ in _NO_REPORTER:
                continue
            speaker = finder.speaker_for(subj, None)
            if speaker is None:
                continue
            out.append(Reported(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), speaker, tok.text, tok.idx, REPORTING_VERB))
    return out


def _according_to(doc: Doc, finder: SpeakerFinder, in_quote: list[bool]) -> list[Reported]:
    out = []
    lower = columns(doc).lower
    for i in range(len(doc)):
        if lower[i] != "according" or in_quote[i]:
            continue  # (a quick test before the parse is read)
        tok = token_list(doc)[i]
        obj = finder.according_to(tok)
        if obj is None:
            continue
        speaker = finder.speaker_for(finder.head_of_name(obj), None)
        if speaker is None:
            continue
        sent = tok.sent
        phrase_lo, phrase_hi = tok.i, obj.right_edge.i + 1
        # The clause is the rest of the sentence, on whichever side of the phrase it stands.
        left = (sent.start, phrase_lo)
        right = (phrase_hi, sent.end)
        lo, hi = right if right[1] - right[0] >= left[1] - left[0] else left
        while lo < hi and (doc[lo].is_punct or doc[lo].lower_ == "that"):
            lo += 1
        while hi > lo and doc[hi - 1].is_punct:
            hi -= 1
        if _too_short_or_quoted(lo, hi, in_quote):
            continue
        out.append(Reported(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), speaker, "according to", tok.idx, ACCORDING_TO))
    return out
