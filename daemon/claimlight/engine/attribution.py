"""Who said each quotation, and which quoted strings are not speech at all.

Each quotation is read the way a reader does, trying in order:
1. a cue right before it that takes it as object: He said: “…” / claiming that “…”;
2. a speech verb the quotation hangs from in the parse (“…,” she said / tweeted that X was “…”);
3. the words after a quotation whose sentence goes on: “…,” said the minister;
4. a speech verb elsewhere in the words before it, "according to X", a "Name:" label;
5. for a quotation standing alone, the previous speaker (it continues their words); for a partial
   quote woven into a sentence, the subject of the verb governing it.
Titles, nicknames and scare quotes are found first and become `mention`s.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .actors import ActorIndex
from .lexicon import ABBREVIATIONS, CLAIM_NOUNS, MENTION_INTRODUCERS, SPEECH_VERBS, WEAK_SPEECH_VERBS, WORK_NOUNS
from .quotes import OPEN_DOUBLE, OPEN_SINGLE, STRAIGHT_DOUBLE, STRAIGHT_SINGLE, Quotation
from .speakers import Speaker, SpeakerFinder

DASHES = "―—–-"
OPENING_MARKS = OPEN_DOUBLE + OPEN_SINGLE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s")
_GENERIC = {"it", "this", "that", "there", "which", "what", "one", "i", "we", "you"}
_STOP_WORDS_TITLE = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "is", "are", "from", "by", "as", "vs", "vs.", "&"}
_NON_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}

Found = tuple[Speaker, "str | None", "int | None"]  # speaker, cue text, cue offset
Segment = tuple[int, int]


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
        self.index = index
        self.tok_starts = [t.idx for t in doc]
        self.in_quote = [False] * len(doc)
        self._mark(quotations)
        # Mentions first: a nickname inside a name ("Marcia “Cia” Price") must not cut the
        # attribution around it, and its words are not speech.
        self.mentions: dict[Quotation, str] = {}
        for q, before, after in self._with_segments(quotations):
            why = self._not_speech(q, before, after)
            if why:
                self.mentions[q] = why
        self.quotations = [q for q in quotations if q not in self.mentions]
        self.in_quote = [False] * len(doc)
        self._mark(self.quotations)
        self.finder = SpeakerFinder(doc, index, self.in_quote)

    def _mark(self, quotations: list[Quotation]) -> None:
        for q in quotations:
            for i in range(*self.token_range(q.start, q.end)):
                self.in_quote[i] = True

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.tok_starts, start), bisect_left(self.tok_starts, end)

    # ------------------------------------------------------------------------------------------

    def run(self) -> list[AttributedQuote]:
        results = [AttributedQuote(q, False, why) for q, why in self.mentions.items()]
        last: AttributedQuote | None = None
        for q, before, after in self._with_segments(self.quotations):
            found = self._attribute(q, before, after, last)
            if found is None:
                woven = self._has_words_outside(before, after)
                # A partial quote woven into a sentence belongs to that sentence's subject; a
                # quotation standing alone carries on the previous speaker's words.
                steps = (self._governing_subject, self._continuation) if woven else (self._previous_subject, self._continuation, self._governing_subject)
                for step in steps:
                    found = found or step(q, last)
            if found is None and self._short(q):
                results.append(AttributedQuote(q, False, "scare quote"))
                continue
            aq = AttributedQuote(q, True)
            if found:
                aq.speaker, aq.cue, aq.cue_start = found
                last = aq
            results.append(aq)
        results.sort(key=lambda a: a.quotation.start)
        self._echo(results)
        return results

    def _echo(self, results: list[AttributedQuote]) -> None:
        """A quotation repeated elsewhere (a headline quoting the body, a lede quoting a later
        paragraph) is whatever its fuller occurrence is: same speaker, or the same nickname."""
        def norm(q: Quotation) -> str:
            return " ".join(re.sub(r"[^\w\s]", " ", self._inner(q).lower()).split())

        keyed = [(norm(r.quotation), r) for r in results]
        for key, r in keyed:
            headline = r.quotation.paragraph == 0
            if not key or not r.speech or not (headline or r.speaker is None):
                continue
            source = next(
                (o for k, o in keyed if o is not r and o.quotation.paragraph > 0 and k and (k == key or (len(key.split()) >= 2 and key in k)) and (o.speaker or not o.speech)),
                None,
            )
            if source is not None:
                r.speech, r.why, r.speaker, r.cue, r.cue_start = source.speech, source.why, source.speaker, source.cue, None

    # -- segments around a quotation --------------------------------------------------------------

    def _with_segments(self, quotations: list[Quotation]):
        for idx, q in enumerate(quotations):
            prev_q = quotations[idx - 1] if idx else None
            next_q = quotations[idx + 1] if idx + 1 < len(quotations) else None
            yield q, self._before_segment(q, prev_q), self._after_segment(q, next_q)

    def _paragraph_bounds(self, pos: int) -> tuple[int, int]:
        lo = self.text.rfind("\n", 0, pos) + 1
        hi = self.text.find("\n", pos)
        return lo, len(self.text) if hi < 0 else hi

    def _sentence_ends(self, lo: int, hi: int):
        """Sentence ends between lo and hi, skipping abbreviations (Rep., Fla.) and initials (H.)."""
        for m in _SENTENCE_END.finditer(self.text, lo, hi):
            if self.text[m.start()] == ".":
                word = self.text[max(lo, m.start() - 8) : m.start()].split()[-1:] or [""]
                w = word[0].lstrip("(\"“‘'").lower()
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                    continue
            yield m

    def _before_segment(self, q: Quotation, prev_q: Quotation | None) -> Segment:
        lo, _ = self._paragraph_bounds(q.start)
        if prev_q and prev_q.end > lo:
            lo = prev_q.end
        for m in self._sentence_ends(lo, q.start):
            lo = m.end()
        return lo, q.start

    def _after_segment(self, q: Quotation, next_q: Quotation | None) -> Segment:
        _, hi = self._paragraph_bounds(max(q.end - 1, q.start))
        if next_q and next_q.start < hi:
            hi = next_q.start
        m = next(self._sentence_ends(q.end, hi), None)
        if m:
            hi = m.start() + 1
        return q.end, hi

    def _has_words_outside(self, before: Segment, after: Segment) -> bool:
        outside = self.text[before[0] : before[1]] + " " + self.text[after[0] : after[1]]
        return sum(w[:1].isalpha() for w in outside.split()) >= 2

    def _tokens(self, seg: Segment) -> list[Token]:
        a, b = self.token_range(*seg)
        return [t for t in self.doc[a:b] if not self.in_quote[t.i]]

    def _inner(self, q: Quotation) -> str:
        return self.text[q.inner_start : q.inner_end(self.text)]

    # -- what is not speech ------------------------------------------------------------------------

    def _not_speech(self, q: Quotation, before: Segment, after: Segment) -> str | None:
        inner = self._inner(q).strip(" ,.;:!?")
        words = inner.split()
        if not words:
            return "mention"
        prev_words = self.text[max(before[0], q.start - 40) : q.start].lower().split()
        named = prev_words[:-1] if prev_words[-1:] == ["the"] else prev_words  # known as the “Iron Wall”
        prev = named[-1].strip(",:") if named else ""
        prev2 = " ".join(named[-2:])
        if prev in MENTION_INTRODUCERS or prev2 in ("known as", "referred to", "the word", "the phrase", "the term"):
            return "mention"
        # Dwayne “The Rock” Johnson: a nickname inside a name.
        name_before = self.text[max(0, q.start - 30) : q.start].split()[-1:]
        name_after = self.text[q.end : q.end + 30].split()[:1]
        if (
            len(words) <= 3
            and self.text[q.start - 1 : q.start] == " "
            and name_before and name_before[0].isalpha() and name_before[0][:1].isupper()
            and name_after and name_after[0].strip(",.").isalpha() and name_after[0][:1].isupper()
        ):
            return "nickname"
        if self._title_like(words) and len(words) <= 4 and prev_words[-1:] == ["the"] and not self._has_cue(before, after, naming=False):
            return "nickname"  # fans call the defence the “Iron Wall”
        after_work_noun = any(w.strip(",.").lower() in WORK_NOUNS for w in prev_words[-3:])
        if self._title_like(words) and len(words) <= (14 if after_work_noun else 8) and not self._has_cue(before, after):
            if after_work_noun or not inner.endswith((".", "!", "?")):
                return "title"
        if prev == "as" and len(words) <= 3 and any(w.startswith(("refer", "known")) for w in prev_words[-7:]):
            return "mention"  # a practice he referred to in emails as "smoothing"
        return None

    @staticmethod
    def _title_like(words: list[str]) -> bool:
        content = [w for w in words if w.lower() not in _STOP_WORDS_TITLE]
        return len(words) >= 2 and bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)

    def _short(self, q: Quotation) -> bool:
        inner = self._inner(q)
        return len(inner.split()) <= 2 and not inner.rstrip().endswith(("?", "!"))

    def _has_cue(self, before: Segment, after: Segment, naming: bool = True) -> bool:
        """A speech verb around the quotation; with naming=False, verbs that name things
        ("call", "dub", "label") do not count."""
        return any(
            self._is_cue(t) and (naming or t.lemma_.lower() not in WEAK_SPEECH_VERBS)
            for t in self._tokens(before) + self._tokens(after)
        )

    # -- cues ----------------------------------------------------------------------------------------

    def _is_cue(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in SPEECH_VERBS:
            return False
        if lemma in WEAK_SPEECH_VERBS:
            # "as the memo put it", "called it a “disgrace”": speech only in these frames
            return any(c.lower_ == "it" for c in tok.children) or lemma in ("call", "liken", "compare", "label", "refer")
        return True

    def _attribute(self, q: Quotation, before: Segment, after: Segment, last: AttributedQuote | None) -> Found | None:
        last_speaker = last.speaker if last else None
        before_toks = self._tokens(before)
        after_toks = self._tokens(after)
        after_text = self.text[after[0] : after[1]].strip()

        # “…” ― Carla Sanchez: a dash, then the name (reader comments, epigraphs, social posts).
        if after_text[:1] in DASHES:
            name_tok = next((t for t in after_toks if not t.is_punct), None)
            if name_tok is not None and (self.index.mention_at(name_tok.i) or name_tok.pos_ == "PROPN"):
                sp = self._speaker(self.finder._head_of_name(name_tok), last_speaker)
                if sp:
                    return sp, None, None

        # 1. The quotation is the object of a cue just before it: he said: “…”, claiming that “…”.
        tail = [t for t in before_toks if not t.is_punct and any(c.isalnum() for c in t.text)][-4:]
        tail = [t for t in tail if t.pos_ not in ("ADP", "DET", "SCONJ") and t.lower_ not in ("that", "as")]
        if tail and self._is_cue(tail[-1]):
            got = self._from_cue(tail[-1], before[1], last_speaker)
            if got:
                return got

        # 2. A speech verb the quotation hangs from.
        got = self._governing_cue(q, last_speaker)
        if got:
            return got

        # 3. “…,” she said / “…?” he asked: the sentence goes on after the closing mark. After a
        # quotation that ends its sentence, the words that follow belong to it only when they end
        # there too (“….” Trump said.); words leading into the next quotation are its own.
        inner = self._inner(q).rstrip()
        continues = inner.endswith((",", "—", "–", "-")) or after_text[:1].islower()
        leads_on = after[1] < len(self.text) and self.text[after[1] : after[1] + 1] in OPENING_MARKS
        if continues or (after_toks and not leads_on and any(self._is_cue(t) for t in after_toks[:5])):
            for tok in after_toks:
                if self._is_cue(tok):
                    got = self._from_cue(tok, after[1], last_speaker, after_start=after[0])
                    if got:
                        return got

        # 4. A speech verb anywhere before it in the sentence, "according to", a "Name:" label.
        for tok in reversed(before_toks):
            if self._is_cue(tok):
                got = self._from_cue(tok, before[1], last_speaker)
                if got:
                    return got
        got = self._according_to(before_toks + after_toks, last_speaker)
        if got:
            return got
        got = self._introduced_by_previous_paragraph(q, last_speaker)
        if got:
            return got
        if self.text[before[0] : before[1]].rstrip().endswith(":") and before_toks:
            name_tok = next((t for t in reversed(before_toks) if not t.is_punct), None)
            if name_tok is not None and (self.index.mention_at(name_tok.i) or name_tok.pos_ == "PROPN"):
                sp = self._speaker(name_tok, last_speaker)
                if sp:
                    return sp, None, None
        return None

    def _introduced_by_previous_paragraph(self, q: Quotation, last_speaker: Speaker | None) -> Found | None:
        """ "The ministry said in a statement:" ¶ “…”: a paragraph ending in a colon introduces
        the quotation that opens the next one."""
        lo, _ = self._paragraph_bounds(q.start)
        if self.text[lo : q.start].strip() or lo == 0:
            return None
        prev_end = lo - 1
        while prev_end > 0 and self.text[prev_end - 1].isspace():
            prev_end -= 1
        if self.text[prev_end - 1 : prev_end] != ":":
            return None
        plo, _ = self._paragraph_bounds(prev_end - 1)
        sentence_start = plo
        for m in self._sentence_ends(plo, prev_end - 1):
            sentence_start = m.end()
        toks = self._tokens((sentence_start, prev_end))
        for tok in reversed(toks):
            if self._is_cue(tok):
                got = self._from_cue(tok, prev_end, last_speaker)
                if got:
                    return got
        name_tok = next((t for t in reversed(toks) if not t.is_punct), None)
        if name_tok is not None and self.index.mention_at(name_tok.i):
            sp = self._speaker(name_tok, last_speaker)
            if sp:
                return sp, None, None
        return None

    def _from_cue(self, verb: Token, limit: int, last_speaker: Speaker | None, after_start: int | None = None) -> Found | None:
        subj = self.finder.subject_of(verb)
        if subj is not None and (self.in_quote[subj.i] or subj.ent_type_ in _NON_SPEAKER_ENTS):
            subj = None
        if subj is None and after_start is not None:
            # “…,” Flynn, a top surrogate, said Thursday: the first name after the quotation.
            a, _ = self.token_range(after_start, after_start)
            for tok in self.doc[a : verb.i]:
                if self.index.mention_at(tok.i) or tok.pos_ in ("PROPN", "PRON"):
                    subj = self.finder._head_of_name(tok)
                    break
        if subj is None and after_start is not None:
            subj = self.finder.inverted_subject(verb, self.token_range(limit, limit)[0] + 8)
        if subj is None or subj.ent_type_ in _NON_SPEAKER_ENTS:
            return None
        sp = self._speaker(subj, last_speaker)
        if sp is None:
            return None
        return sp, self._cue_text(verb), verb.idx

    def _speaker(self, tok: Token, last_speaker: Speaker | None) -> Speaker | None:
        relative = tok.lower_ in ("which", "that", "who") and tok.head.dep_ == "relcl"
        if tok.lower_ in _GENERIC and tok.lower_ != "it" and not relative:
            return None
        return self.finder.speaker_for(tok, last_speaker)

    def _cue_text(self, verb: Token) -> str:
        parts = [verb]
        for child in verb.children:
            if child.dep_ == "prt" and child.i == verb.i + 1:
                parts.append(child)
        return " ".join(t.text for t in parts)

    def _according_to(self, toks: list[Token], last_speaker: Speaker | None) -> Found | None:
        for tok in toks:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                to = self.doc[tok.i + 1]
                obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if obj is None and tok.i + 2 < len(self.doc):
                    obj = self.doc[tok.i + 2]
                if obj is not None:
                    sp = self._speaker(self.finder._head_of_name(obj), last_speaker)
                    if sp:
                        return sp, "according to", tok.idx
        return None

    # -- walking the parse from the quotation -------------------------------------------------------

    def _ancestors_outside(self, q: Quotation):
        """The words the quotation hangs from in the parse, nearest first, outside any quotation."""
        a, b = self.token_range(q.start, q.end)
        if a >= min(b, len(self.doc)):
            return
        inside = range(a, b)
        # the quotation's own root: the token inside whose head lies outside it
        root = next((t for t in self.doc[a:b] if t.head.i not in inside or t.head is t), self.doc[a])
        lo, hi = self._paragraph_bounds(q.start)
        tok = root
        for _ in range(10):
            if tok.head is tok:
                return
            tok = tok.head
            if not lo <= tok.idx < hi:
                return  # the parser joined two paragraphs: what it found is not this quote's
            if not self.in_quote[tok.i]:
                yield tok

    def _governing_cue(self, q: Quotation, last: Speaker | None) -> Found | None:
        found: Found | None = None
        for tok in self._ancestors_outside(q):
            if self._is_cue(tok):
                # "Trump said that Clinton described it as “the gold standard”": the quotation
                # reaches the reader through the outermost speaker, who is its source here.
                found = self._from_cue(tok, q.start, last) or found
                continue
            if found:
                continue
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in CLAIM_NOUNS:
                owner = next((c for c in tok.children if c.dep_ == "poss"), None)
                if owner is not None:
                    sp = self._speaker(self.finder._head_of_name(owner), last)
                    if sp:
                        return sp, tok.text, tok.idx
        return found

    def _governing_subject(self, q: Quotation, last: AttributedQuote | None) -> Found | None:
        """A partial quote woven into a sentence with no speech verb: the subject of the nearest
        verb it hangs from ("Trump likened the refugees to a “vicious snake”")."""
        last_speaker = last.speaker if last else None
        for tok in self._ancestors_outside(q):
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "acomp"):
                subj = self.finder.subject_of(tok)
                if subj is None or self.in_quote[subj.i] or subj.ent_type_ in _NON_SPEAKER_ENTS:
                    return None
                sp = self._speaker(subj, last_speaker)
                if sp is not None and (sp.actor is not None or subj.pos_ in ("PRON", "PROPN", "NOUN")):
                    return sp, tok.text, tok.idx
                return None
        return None

    def _previous_subject(self, q: Quotation, last: AttributedQuote | None) -> Found | None:
        """A quotation standing alone right after a sentence about someone, in the same paragraph:
        "Cummings called him a master at the deal. “He showed again and again…”"."""
        a, _ = self.token_range(q.start, q.end)
        lo, _ = self._paragraph_bounds(q.start)
        if a == 0 or a >= len(self.doc) or self.doc[a - 1].idx < lo:
            return None
        prev = self.doc[a - 1].sent
        if prev.start_char < lo or any(self.in_quote[i] for i in range(prev.start, prev.end)):
            return None  # no plain sentence before it, or that sentence already quotes someone
        root = prev.root
        subj = self.finder.subject_of(root) if root.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.pos_ == "PRON" and subj.lower_ in _GENERIC:
            return None
        sp = self._speaker(subj, last.speaker if last else None)
        if sp is None or (sp.actor is None and subj.pos_ != "PRON") or (sp.actor and sp.actor.type == "place"):
            return None
        return sp, None, None

    def _continuation(self, q: Quotation, last: AttributedQuote | None) -> Found | None:
        """A quotation with no cue that carries on the previous speaker's words."""
        if last is None or last.speaker is None:
            return None
        lq = last.quotation
        same_para = lq.paragraph == q.paragraph
        para_start = self.text[self._paragraph_bounds(q.start)[0] : q.start].strip() == ""
        if same_para or (para_start and q.paragraph - lq.paragraph <= 2) or (not lq.closed and q.paragraph - lq.paragraph == 1):
            return last.speaker, last.cue, None
        return None
