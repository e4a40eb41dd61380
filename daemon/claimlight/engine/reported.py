"""Reported speech without quotation marks: "Blinken added that this policy had been decided…".

A reporting verb outside any quotation, with a clausal complement: the complement is the reported
clause and the verb's subject its speaker. "According to X, <clause>" reports the whole clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import REPORTING_VERBS
from .ranges import outermost
from .speakers import Speaker, SpeakerFinder

_GENERIC_SUBJECTS = {"one", "this", "that", "which", "what", "who", "you", "i", "we"}
_LEADING = {"that", "whether", "if", ",", ":", "—", "–", "-"}


@dataclass
class Reported:
    start: int
    end: int
    speaker: Speaker
    cue: str
    cue_start: int


def _clause_bounds(doc: Doc, head: Token) -> tuple[int, int]:
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < end and (doc[start].lower_ in _LEADING or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in ("”", "’", '"', "'"):
        end -= 1
    return start, end


def find_reported(doc: Doc, finder: SpeakerFinder, in_quote: list[bool]) -> list[Reported]:
    found: list[Reported] = []
    for tok in doc:
        if in_quote[tok.i] or tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in REPORTING_VERBS:
            continue
        for comp in tok.children:
            if comp.dep_ != "ccomp" or comp.pos_ not in ("VERB", "AUX"):
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children):
                continue  # "he said of US plans to…": no clause, whatever the parse calls it
            start, end = _clause_bounds(doc, comp)
            if end - start < 3:
                continue
            quoted = sum(in_quote[i] for i in range(start, end))
            if quoted * 10 >= (end - start) * 6:
                continue  # mostly a direct quotation: reported as a quote already
            if start <= tok.i < end or doc[start:end].text.count("\n") or doc[min(start, tok.i) : max(end, tok.i)].text.count("\n"):
                continue  # a clause reaching across the verb or into another paragraph is a misparse
            subj = finder.subject_of(tok)
            if subj is None or in_quote[subj.i] or start <= subj.i < end or subj.pos_ == "NUM" or subj.lower_ in _GENERIC_SUBJECTS:
                continue
            speaker = finder.speaker_for(subj, None)
            if speaker is None:
                continue
            found.append(Reported(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), speaker, tok.text, tok.idx))
    found.extend(_according_to(doc, finder, in_quote))
    # A clause reported inside another reported clause is shown once, as the outer one.
    return outermost(found, lambda r: (r.start, r.end))


def _according_to(doc: Doc, finder: SpeakerFinder, in_quote: list[bool]) -> list[Reported]:
    out = []
    for tok in doc:
        if tok.lower_ != "according" or in_quote[tok.i] or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        speaker = finder.speaker_for(finder._head_of_name(obj), None)
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
        if hi - lo < 3 or sum(in_quote[i] for i in range(lo, hi)) * 10 >= (hi - lo) * 6:
            continue
        out.append(Reported(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), speaker, "according to", tok.idx))
    return out
