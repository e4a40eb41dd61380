"""Who said each quotation, and which quoted strings are not speech at all.

For every quotation the text around it, outside quotation marks, is read the way a reader does:
the words after a quote ending in a comma (“…,” she said), the words before it (He said: “…”,
claiming that “…”), then "according to", then the previous speaker when a quotation simply
continues, then the subject of the sentence for a partial quote. Titles, nicknames and scare
quotes become `mention`s.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .actors import ActorIndex
from .lexicon import MENTION_INTRODUCERS, SPEECH_VERBS, WEAK_SPEECH_VERBS, WORK_NOUNS
from .quotes import OPEN_DOUBLE, OPEN_SINGLE, STRAIGHT_DOUBLE, STRAIGHT_SINGLE, Quotation
from .speakers import Speaker, SpeakerFinder

OPENING_MARKS = OPEN_DOUBLE + OPEN_SINGLE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s")
_STOP_WORDS_TITLE = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "is", "are", "from", "by", "as", "vs", "vs.", "&"}


@dataclass
class AttributedQuote:
    quotation: Quotation
    speech: bool  # False: a title, nickname, scare quote or mention
    why: str | None = None
    speaker: Speaker | None = None
    cue: str | None = None
    cue_start: int | None = None


class Attributor:
    def __init__(self, doc: Doc, text: str, quotations: list[Quotation], index: ActorIndex):
        self.doc = doc
        self.text = text
        self.quotations = quotations
        self.index = index
        self.tok_starts = [t.idx for t in doc]
        self.in_quote = [False] * len(doc)
        for q in quotations:
            for i in range(*self.token_range(q.start, q.end)):
                self.in_quote[i] = True
        self.finder = SpeakerFinder(doc, index, self.in_quote)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.tok_starts, start), bisect_left(self.tok_starts, end)

    # ------------------------------------------------------------------------------------------

    def run(self) -> list[AttributedQuote]:
        results: list[AttributedQuote] = []
        last: AttributedQuote | None = None
        for idx, q in enumerate(self.quotations):
            prev_q = self.quotations[idx - 1] if idx else None
            next_q = self.quotations[idx + 1] if idx + 1 < len(self.quotations) else None
            before = self._before_segment(q, prev_q)
            after = self._after_segment(q, next_q)
            why = self._not_speech(q, before, after)
            if why:
                results.append(AttributedQuote(q, False, why))
                continue
            found = self._attribute(q, before, after, last)
            if found is None:
                found = self._continuation(q, prev_q, last)
            if found is None:
                found = self._sentence_subject(q, last)
            if found is None and self._short(q):
                results.append(AttributedQuote(q, False, "scare quote"))
                continue
            aq = AttributedQuote(q, True)
            if found:
                aq.speaker, aq.cue, aq.cue_start = found
            results.append(aq)
            if aq.speaker:
                last = aq
        return results

    # -- segments around a quotation --------------------------------------------------------------

    def _paragraph_bounds(self, pos: int) -> tuple[int, int]:
        lo = self.text.rfind("\n", 0, pos) + 1
        hi = self.text.find("\n", pos)
        return lo, len(self.text) if hi < 0 else hi

    def _before_segment(self, q: Quotation, prev_q: Quotation | None) -> tuple[int, int]:
        lo, _ = self._paragraph_bounds(q.start)
        if prev_q and prev_q.end > lo:
            lo = prev_q.end
        for m in _SENTENCE_END.finditer(self.text, lo, q.start):
            lo = m.end()
        return lo, q.start

    def _after_segment(self, q: Quotation, next_q: Quotation | None) -> tuple[int, int]:
        _, hi = self._paragraph_bounds(max(q.end - 1, q.start))
        if next_q and next_q.start < hi:
            hi = next_q.start
        m = _SENTENCE_END.search(self.text, q.end, hi)
        if m:
            hi = m.start() + 1
        return q.end, hi

    def _tokens(self, seg: tuple[int, int]) -> list[Token]:
        a, b = self.token_range(*seg)
        return [t for t in self.doc[a:b] if not self.in_quote[t.i]]

    # -- what is not speech ------------------------------------------------------------------------

    def _not_speech(self, q: Quotation, before: tuple[int, int], after: tuple[int, int]) -> str | None:
        inner = self.text[q.inner_start : q.inner_end(self.text)].strip(" ,.;:!?")
        words = inner.split()
        if not words:
            return "mention"
        prev_words = self.text[max(before[0], q.start - 40) : q.start].lower().split()
        prev = prev_words[-1].strip(",:") if prev_words else ""
        prev2 = " ".join(prev_words[-2:])
        if prev in MENTION_INTRODUCERS or prev2 in ("known as", "referred to", "the word", "the phrase", "the term"):
            return "mention"
        # Dwayne “The Rock” Johnson: a nickname inside a name.
        name_before = self.text[max(0, q.start - 30) : q.start].split()[-1:]
        name_after = self.text[q.end : q.end + 30].split()[:1]
        if (
            len(words) <= 3
            and self.text[q.start - 1 : q.start] == " "
            and name_before and name_before[0].isalpha() and name_before[0][:1].isupper()
            and name_after and name_after[0].isalpha() and name_after[0][:1].isupper()
        ):
            return "nickname"
        if self._title_like(words) and len(words) <= 8 and not self._has_cue(before, after, q):
            if any(w.strip(",.").lower() in WORK_NOUNS for w in prev_words[-3:]) or not inner.endswith((".", "!", "?")):
                return "title"
        return None

    @staticmethod
    def _title_like(words: list[str]) -> bool:
        content = [w for w in words if w.lower() not in _STOP_WORDS_TITLE]
        return len(words) >= 2 and bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)

    def _short(self, q: Quotation) -> bool:
        inner = self.text[q.inner_start : q.inner_end(self.text)]
        return len(inner.split()) <= 2 and not inner.rstrip().endswith(("?", "!"))

    def _has_cue(self, before, after, q) -> bool:
        return any(self._is_cue(t) for t in self._tokens(before) + self._tokens(after))

    # -- attribution -------------------------------------------------------------------------------

    @staticmethod
    def _is_cue(tok: Token) -> bool:
        return tok.lemma_.lower() in SPEECH_VERBS and tok.lemma_.lower() not in WEAK_SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")

    def _attribute(self, q: Quotation, before, after, last: AttributedQuote | None):
        last_speaker = last.speaker if last else None
        inner = self.text[q.inner_start : q.inner_end(self.text)].rstrip()
        before_toks = self._tokens(before)
        after_toks = self._tokens(after)
        after_text = self.text[after[0] : after[1]].strip()
        # “…,” she said / “…?” he asked: the sentence goes on after the closing mark.
        continues = inner.endswith((",", "—", "–", "-")) or after_text[:1].islower()

        # The quotation is the object of a cue just before it: claiming that “…”, he said: “…”.
        tail = [t for t in before_toks[-4:] if not t.is_punct and t.pos_ not in ("ADP", "DET", "SCONJ") and t.lower_ not in ("that", "as")]
        if tail and self._is_cue(tail[-1]):
            got = self._from_cue(tail[-1], before[1], last_speaker)
            if got:
                return got
        # After a quotation that ends its sentence, the words that follow belong to it only when
        # they end there too (“….” Trump said.); words leading into the next quotation are its own.
        leads_on = after[1] < len(self.text) and self.text[after[1] : after[1] + 1] in OPENING_MARKS
        if continues or (after_toks and not leads_on and self._cue_near_start(after_toks)):
            got = self._cue_in(after_toks, after[1], last_speaker, inverted=True)
            if got:
                return got
        got = self._cue_in(list(reversed(before_toks)), before[1], last_speaker, inverted=False)
        if got:
            return got
        got = self._according_to(before_toks + after_toks, last_speaker)
        if got:
            return got
        # A label: "Reyes: “…”" (interviews, transcripts)
        colon = self.text[before[0] : before[1]].rstrip()
        if colon.endswith(":") and before_toks:
            name_tok = next((t for t in reversed(before_toks) if not t.is_punct), None)
            if name_tok is not None and (self.index.mention_at(name_tok.i) or name_tok.pos_ == "PROPN"):
                sp = self.finder.speaker_for(name_tok, last_speaker)
                if sp:
                    return sp, None, None
        return None

    def _cue_near_start(self, toks: list[Token]) -> bool:
        return any(self._is_cue(t) for t in toks[:5])

    def _cue_in(self, toks: list[Token], limit: int, last_speaker, inverted: bool):
        for tok in toks:
            if self._is_cue(tok):
                got = self._from_cue(tok, limit, last_speaker, inverted)
                if got:
                    return got
        return None

    def _from_cue(self, verb: Token, limit: int, last_speaker, inverted: bool = False):
        subj = self.finder.subject_of(verb)
        if subj is None or (inverted and subj.i > verb.i and self.in_quote[subj.i]):
            subj = self.finder.inverted_subject(verb, self.token_range(limit, limit)[0] + 8)
        if subj is None:
            return None
        sp = self.finder.speaker_for(subj, last_speaker)
        if sp is None:
            return None
        return sp, self._cue_text(verb), verb.idx

    def _cue_text(self, verb: Token) -> str:
        parts = [verb]
        for child in verb.children:
            if child.dep_ == "prt" and child.i == verb.i + 1:
                parts.append(child)
        return " ".join(t.text for t in parts)

    def _according_to(self, toks: list[Token], last_speaker):
        for tok in toks:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                to = self.doc[tok.i + 1]
                obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if obj is None and tok.i + 2 < len(self.doc):
                    obj = self.doc[tok.i + 2]
                if obj is not None:
                    obj = self.finder._head_of_name(obj)
                    sp = self.finder.speaker_for(obj, last_speaker)
                    if sp:
                        return sp, "according to", tok.idx
        return None

    def _continuation(self, q: Quotation, prev_q: Quotation | None, last: AttributedQuote | None):
        """A quotation with no cue that carries on the previous speaker's words."""
        if last is None or last.speaker is None:
            return None
        lq = last.quotation
        same_para = lq.paragraph == q.paragraph
        para_start = self.text[self._paragraph_bounds(q.start)[0] : q.start].strip() == ""
        if same_para or (para_start and q.paragraph - lq.paragraph <= 2) or (not lq.closed and q.paragraph - lq.paragraph == 1):
            return last.speaker, last.cue, None
        return None

    def _sentence_subject(self, q: Quotation, last: AttributedQuote | None):
        """A partial quote woven into a sentence: its subject is the likely speaker."""
        a, _ = self.token_range(q.start, q.end)
        if a >= len(self.doc):
            return None
        sent = self.doc[a].sent
        if sent.start >= a and sent.end <= self.token_range(q.end, q.end)[0]:
            return None  # the sentence is all quotation: nothing outside it to read
        verb = self.doc[a].head
        seen = 0
        while verb.dep_ != "ROOT" and verb.pos_ not in ("VERB", "AUX") and seen < 6:
            verb = verb.head
            seen += 1
        subj = self.finder.subject_of(verb)
        if subj is None or self.in_quote[subj.i]:
            return None
        sp = self.finder.speaker_for(subj, last.speaker if last else None)
        if sp is None or (sp.actor is None and subj.pos_ not in ("PRON", "PROPN")):
            return None
        return sp, verb.text, verb.idx
