"""From a cue (a speech verb, "according to") to the speaker: the mention, its actor, its name.

Pronouns are resolved to the person they most plausibly refer to: a subject of the same or a
recent sentence, of compatible gender, never a name that only appears inside a quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .actors import ActorIndex, ActorRecord
from .lexicon import SPEECH_VERBS, STATEMENT_NOUNS, PRONOUNS_FEMALE, PRONOUNS_FIRST, PRONOUNS_MALE, PRONOUNS_NEUTER, PRONOUNS_PLURAL

SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVE = {"who", "which", "that", "whom"}
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "ccomp", "acl", "pcomp", "relcl", "dep", "prep", "pobj"}
_DESC_STOP = {",", ";", ":", "—", "–", "(", ")", '"', "“", "”"}
# How many steps up the parse a speech verb's subject is looked for ("…, she said, adding that …").
SUBJECT_CLIMB = 4
# How far after a speech verb its inverted subject may stand: "…," said the former minister.
INVERTED_SUBJECT_REACH = 8
# Longest description of an unnamed source, in tokens ("a spokesman for the regional ministry").
DESCRIPTION_MAX_TOKENS = 10
# How many sentences back a pronoun's antecedent is looked for.
ANTECEDENT_SENTENCES = 5


@dataclass
class Speaker:
    name: str  # canonical name of the actor, or the descriptive text of an unnamed source
    start: int  # the mention the attribution points to (characters)
    end: int
    actor: ActorRecord | None


class SpeakerFinder:
    def __init__(self, doc: Doc, index: ActorIndex, in_quote: list[bool]):
        self.doc = doc
        self.index = index
        self.in_quote = in_quote  # per token: inside a quotation

    # -- cue → subject token ------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a speech verb, climbing through participles and coordinated verbs."""
        v = verb
        for _ in range(SUBJECT_CLIMB):
            subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS and not self.in_quote[c.i]), None)
            if subj is not None:
                return subj
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                noun = v.head
                if self.index.mention_at(noun.i) or noun.pos_ == "PROPN" or noun.lemma_.lower() not in STATEMENT_NOUNS:
                    return noun  # "footage of Hillary Clinton asking, “…”": the noun is the speaker
                # "a statement saying …": the statement's author is the subject of its verb
                if noun.dep_ in SUBJECT_DEPS:
                    return None
                v = noun.head
                continue
            if v.dep_ in _CLIMB_DEPS and v.head is not v:
                v = v.head
                continue
            break
        return self._stray_subject(verb)

    def _stray_subject(self, verb: Token) -> Token | None:
        """When the parse lost the subject of a speech verb ("Outside the court, a lawyer for
        the workers, who …, said"), the first noun before it that heads no phrase of its own."""
        if verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        for tok in verb.sent:
            if tok.i >= verb.i:
                break
            if self.in_quote[tok.i] or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.dep_ in ("pobj", "dobj", "poss", "compound", "amod", "appos", "attr", "npadvmod", "nmod"):
                continue
            if self.index.mention_at(tok.i) and self.index.mention_at(tok.i).token_end - 1 != tok.i:
                continue
            return tok
        return None

    def inverted_subject(self, verb: Token) -> Token | None:
        """ "…," said the minister: the speaker follows the verb."""
        for tok in self.doc[verb.i + 1 : verb.i + INVERTED_SUBJECT_REACH]:
            if tok.is_punct and tok.text not in ("'", "’"):
                break
            if self.in_quote[tok.i]:
                break
            if self.index.mention_at(tok.i) or tok.pos_ in ("PROPN", "PRON"):
                return self.head_of_name(tok)
            if tok.pos_ == "NOUN":
                return tok
        return None

    def head_of_name(self, tok: Token) -> Token:
        """The last word of the name `tok` is part of ("Antony Blinken" → "Blinken"); `tok` itself outside a name."""
        m = self.index.mention_at(tok.i)
        return self.doc[m.token_end - 1] if m else tok

    def according_to(self, tok: Token) -> Token | None:
        """When `tok` is the "according" of "according to X": X as the parse attached it to "to"."""
        if tok.lower_ != "according" or tok.i + 1 >= len(self.doc) or self.doc[tok.i + 1].lower_ != "to":
            return None
        return next((c for c in self.doc[tok.i + 1].children if c.dep_ == "pobj"), None)

    @staticmethod
    def is_relative(tok: Token) -> bool:
        """ "who", "which", "that" opening a relative clause: it stands for the noun the clause is about."""
        return tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl"

    # -- subject token → speaker ----------------------------------------------------------------

    def speaker_for(self, tok: Token, last_speaker: Speaker | None) -> Speaker | None:
        if self.is_relative(tok):
            # "McConnell, who in 2010 said …": the speaker is the noun the clause is about; the
            # relative pronoun is the mention the attribution points to.
            sp = self.speaker_for(tok.head.head, last_speaker)
            return Speaker(sp.name, tok.idx, tok.idx + len(tok.text), sp.actor) if sp else None
        mention = self.index.mention_at(tok.i)
        if mention is None:
            # "Secretary of State Antony Blinken": the head may sit on a title; look at its name parts.
            # (only people: in "a Northgate player" the club is not the speaker, the player is)
            for child in tok.children:
                m = self.index.mention_at(child.i) if child.dep_ in ("compound", "appos", "flat") else None
                if m is not None and m.actor is not None and m.actor.type == "person":
                    mention = m
                    break
        if mention is not None and mention.actor is not None:
            return Speaker(mention.actor.name, mention.start, mention.end, mention.actor)
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL:
            if low in PRONOUNS_FIRST:
                return None
            resolved = self.resolve_pronoun(tok, last_speaker)
            return resolved or Speaker(tok.text, tok.idx, tok.idx + len(tok.text), None)
        if tok.pos_ == "PROPN":
            start, end = self._name_bounds(tok)
            span = self.doc[start:end]
            return Speaker(span.text, span.start_char, span.end_char, None)
        if tok.pos_ in ("NOUN", "NUM", "ADJ"):
            for child in tok.children:
                if child.dep_ == "appos":
                    m = self.index.mention_at(child.i)
                    if m is None:
                        m = next((self.index.mention_at(t.i) for t in child.subtree if self.index.mention_at(t.i)), None)
                    if m and m.actor and m.actor.type == "person":
                        return Speaker(m.actor.name, m.start, m.end, m.actor)
            span = self._description(tok)
            return Speaker(self._describe(tok), span.start_char, span.end_char, None)
        return None

    def _describe(self, tok: Token) -> str:
        span = self._description(tok)
        text = span.text
        if text[:1].isupper() and span[0].pos_ == "DET":
            text = text[0].lower() + text[1:]  # "A senior official said" → "a senior official"
        return text

    def _name_bounds(self, tok: Token) -> tuple[int, int]:
        start = tok.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].dep_ in ("compound", "flat"):
            start -= 1
        return start, tok.i + 1

    def _description(self, tok: Token):
        """ "a senior official", "a spokesman for the ministry": the noun phrase, without clauses."""
        start = tok.left_edge.i
        while start < tok.i and (self.doc[start].is_punct or self.in_quote[start]):
            start += 1
        end = tok.i + 1
        for child in tok.rights:
            if child.dep_ in ("prep", "compound", "amod", "nummod") and child.i == end:
                sub_end = child.right_edge.i + 1
                if any(t.text in _DESC_STOP or self.in_quote[t.i] for t in self.doc[end:sub_end]):
                    break
                if sub_end - start > DESCRIPTION_MAX_TOKENS:
                    break
                end = sub_end
            else:
                break
        return self.doc[start:end]

    # -- pronouns -----------------------------------------------------------------------------------

    def resolve_pronoun(self, tok: Token, last_speaker: Speaker | None) -> Speaker | None:
        """The antecedent of a pronoun subject, as a speaker (the pronoun stays the mention).

        Walks back sentence by sentence: the nearest subject that can be referred to this way
        wins, whether a named actor of compatible gender or a described source ("a lawyer for
        the workers said …. “…,” he said"). Names inside quotations never count.
        """
        low = tok.lower_
        if low in PRONOUNS_MALE:
            want, gender = {"person"}, "m"
        elif low in PRONOUNS_FEMALE:
            want, gender = {"person"}, "f"
        elif low in PRONOUNS_PLURAL | PRONOUNS_NEUTER:
            want, gender = {"organization"}, None
        else:
            return None

        def compatible(actor: ActorRecord | None) -> bool:
            if actor is None or actor.type not in want:
                return False
            return gender is None or actor.gender in (None, gender)

        def described(head: Token) -> bool:
            # a common-noun subject of a speech verb: "a senior official said", "the ministry said"
            if head.pos_ != "NOUN" or head.dep_ in ("pobj", "dobj", "poss", "compound", "amod"):
                return False
            verb = next((t for t in head.sent if t.i > head.i and t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB"), None)
            if verb is None or self.subject_of(verb) is not head:
                return False
            plural = head.tag_ == "NNS"
            return plural if low in PRONOUNS_PLURAL else not plural

        fallback: Speaker | None = None
        for lo, hi in self._recent_sentences(tok, ANTECEDENT_SENTENCES):
            for i in range(hi - 1, lo - 1, -1):
                if self.in_quote[i]:
                    continue
                head = self.doc[i]
                m = self.index.mention_at(i)
                if m is not None and m.token_end - 1 == i and compatible(m.actor):
                    is_subject = head.dep_ in SUBJECT_DEPS or (head.dep_ in ("compound", "appos") and head.head.dep_ in SUBJECT_DEPS)
                    if is_subject:
                        return Speaker(m.actor.name, tok.idx, tok.idx + len(tok.text), m.actor)
                    if fallback is None:
                        fallback = Speaker(m.actor.name, tok.idx, tok.idx + len(tok.text), m.actor)
                elif m is None and described(head) and head.i != tok.i:
                    return Speaker(self._describe(head), tok.idx, tok.idx + len(tok.text), None)
        if last_speaker and (compatible(last_speaker.actor) or (last_speaker.actor is None and gender is None)):
            return Speaker(last_speaker.name, tok.idx, tok.idx + len(tok.text), last_speaker.actor)
        return fallback

    def _recent_sentences(self, tok: Token, count: int) -> list[tuple[int, int]]:
        """Token ranges: the current sentence up to `tok`, then up to `count` sentences before it."""
        sent = tok.sent
        out = [(sent.start, tok.i)]
        s = sent.start
        while len(out) <= count and s > 0:
            prev = self.doc[s - 1].sent
            out.append((prev.start, prev.end))
            s = prev.start
        return out
