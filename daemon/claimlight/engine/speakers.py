"""From a cue (a speech verb, "according to") to the speaker: the mention, its actor, its name.

The mention is what the text points at ("Jones", "she", "the mayor", "her statement"); pronouns
and descriptions are resolved to the actor they stand for by `coref`, and the speaker keeps the
chain of mentions that led there, so the reader can be told why.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from .actors import ActorIndex, ActorRecord
from .coref import Chain, Coreference, Layout, age_before_verb, common_as_proper, description_text, is_age_nominal, is_mistagged_cue, named_holder
from .lexicon import CLAIM_NOUNS, MAKING_VERBS, ORG_NOUNS, PERSON_NOUNS, ROLE_FAMILIES, SPEECH_VERBS, STATEMENT_NOUNS, PRONOUNS_FEMALE, PRONOUNS_FIRST, PRONOUNS_MALE, PRONOUNS_NEUTER, PRONOUNS_PLURAL
from .docview import text_of
from .role_index import RoleIndex, StatedRoles, build_role_index

SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVE = {"who", "which", "that", "whom"}


def _is_dateline(tok: Token) -> bool:
    """ "CORK — …", "PORT ELIZABETH, South Africa — …": a place in capitals or a place opening its
    paragraph, set off by a dash."""
    doc = tok.doc
    start = tok.left_edge.i
    if start > 0 and "\n" not in doc[start - 1].whitespace_ + doc[start - 1].text:
        return False
    if not (tok.is_upper or tok.ent_type_ in ("GPE", "LOC")):
        return False
    after = next((t for t in doc[tok.i + 1 : tok.i + DATELINE_TAIL] if t.is_punct and t.text != ","), None)
    if after is None or after.text not in _SETTING_OFF[1:]:
        return False
    # (only names and commas up to the dash: "FELLOW DOCTORS DON'T WANT TO … —" is a section's heading)
    return all(t.pos_ in ("PROPN", "NOUN", "PUNCT") for t in doc[start : after.i])


def _past_opening_object(subj: Token) -> Token:
    """ "Deposing before Judge S.K. Deshpande, Dr. Vasudha Menon, 46, said …", "Appearing for the
    State, Ms Rane told the court …": the parse ends the opening phrase's object at its comma and
    makes the object the subject, with the real subject a conjunct of it (no "and" between). The
    conjunct speaks: the object of a preposition that a participle opening the sentence governs."""
    start = subj.left_edge.i
    if start < 2 or subj.left_edge.dep_ not in ("compound", "det", "amod") and start != subj.i:
        return subj
    prep = subj.doc[start - 1]
    if prep.pos_ != "ADP" or prep.head.tag_ not in ("VBG", "VBN") or prep.head.i != subj.sent.start or prep.head.dep_ != "advcl":
        return subj
    conj = next((c for c in subj.children if c.dep_ == "conj" and c.i > subj.i), None)
    if conj is None or any(c.dep_ == "cc" for c in subj.children) or subj.doc[conj.left_edge.i - 1].text != ",":
        return subj
    return conj


def _person_for_who(rel: Token, noun: Token) -> Token:
    """ "A former manager at the company, who asked …": "who" stands for a person, so when the parse
    hangs the clause on a thing named after a person noun, the person noun is what it is about."""
    if rel.lower_ not in ("who", "whom") or noun.dep_ != "pobj" or noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PERSON_NOUNS:
        return noun
    owner = noun.head.head if noun.head.dep_ == "prep" else None
    if owner is not None and owner.pos_ == "NOUN" and owner.lemma_.lower() in PERSON_NOUNS:
        return owner
    return noun
_THIRD_PERSON_PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL  # of a speaker: not "it"
_ALL_PRONOUNS = _THIRD_PERSON_PRONOUNS | PRONOUNS_NEUTER | PRONOUNS_FIRST
# Pronouns that are never a subject.
_OBJECT_PRONOUNS = frozenset("him them me us whom".split())
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "ccomp", "acl", "pcomp", "relcl", "dep", "prep", "pobj"}
# A relative clause with one of these is complete: a participle after it is not its own.
_RELATIVE_CLAUSE_COMPLETE = ("ccomp", "dobj")
_SETTING_OFF = (",", "-", "—", "–")
# How many steps up the parse a speech verb's subject is looked for ("…, she said, adding that …").
SUBJECT_CLIMB = 4
# How far after a dateline's place its dash may stand ("HULIAIPOLE DISTRICT, Ukraine —").
DATELINE_TAIL = 8
# How many prepositional phrases deep a description's name in apposition may hang ("The organiser of the
# Union in Rundu, Matheus Hamutenya,": two).
APPOSITION_PREP_DEPTH = 2
# How far after a speech verb its inverted subject may stand: "…," said the former minister.
INVERTED_SUBJECT_REACH = 8


@dataclass
class Speaker:
    name: str  # canonical name of the actor, or the descriptive text of an unnamed source
    start: int  # the mention the attribution points to (characters)
    end: int
    actor: ActorRecord | None
    # The mentions that lead to the speaker: the one pointed to first, then what it was resolved
    # to ("she" → "Darian Lonechild"); just the one for a name.
    chain: Chain = ()

    def __post_init__(self) -> None:
        if not self.chain:
            self.chain = ((self.start, self.end),)

    def at(self, start: int, end: int) -> "Speaker":
        """The same speaker, pointed to by another mention ("who" in "McConnell, who said …")."""
        return Speaker(self.name, start, end, self.actor, ((start, end),) + self.chain)


# How far back (tokens) "the statement" looks for the statement the text brought in.
STATEMENT_REACH = 120
# How many words after an opening "In a statement …," the name of its owner may come ("the association’s chairperson, Hajji …").
OPENING_OWNER_WORDS = 10


class SpeakerFinder:
    """`like`: the finder of the same document with other quotations (the article's, for the
    quotations nested in its quotations), whose reading of what quotations do not change is taken."""

    def __init__(self, doc: Doc, index: ActorIndex, in_quote: list[bool], text: str | None = None, like: SpeakerFinder | None = None):
        self.doc = doc
        self.index = index
        self.in_quote = in_quote  # per token: inside a quotation
        self._text = text
        self._like = like

    # Read on first use: the quotations nested in others often find no cue at all, and then their
    # finder never needs the pass over the whole document.
    @cached_property
    def roles(self) -> RoleIndex:
        return build_role_index(self.doc, self.index, self.in_quote, self._stated_roles)

    @cached_property
    def coref(self) -> Coreference:
        return Coreference(self.doc, self.index, self.in_quote, self.roles, self.subject_of, self._text, self._layout)

    @cached_property
    def _stated_roles(self) -> StatedRoles:
        return self._like._stated_roles if self._like is not None else StatedRoles(self.doc, self.index)

    @cached_property
    def _layout(self) -> Layout:
        return self._like._layout if self._like is not None else Layout(self.doc, self.index, self._text if self._text is not None else text_of(self.doc))

    # -- cue → subject token ------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a speech verb, climbing through participles and coordinated verbs."""
        if verb.tag_ == "VBG" and verb.i > 0:
            # "footage of Hillary Clinton asking, “…”": the person right before the participle
            m = self.index.mention_at(verb.i - 1)
            if m is not None and m.token_end == verb.i and m.actor is not None and m.actor.type == "person":
                return self.doc[verb.i - 1]
        if is_mistagged_cue(verb):
            # ("the 67-year-old said" with "said" a noun: the words right before it are its subject)
            before = next((c for c in verb.children if c.i == verb.i - 1 and c.dep_ in ("amod", "compound", "nmod") and not self.in_quote[c.i]), None)
            if before is not None:
                return before
        v = self._past_relative_clause(verb)
        for _ in range(SUBJECT_CLIMB):
            # (a dash the parser took for a noun is no subject)
            subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS and not self.in_quote[c.i] and any(ch.isalnum() for ch in c.text)]
            if any(_is_dateline(c) for c in subjects):
                # "CORK — The Tánaiste, …, has defended …": a dateline the parse made a subject, of
                # its own or with the real one in apposition to it
                subjects = [c for c in subjects if not _is_dateline(c)] or [a for c in subjects for a in c.children if a.dep_ == "appos"][:1]
            if subjects:
                # (two subjects is a parse that cut a name: "Ch. Zaheer Warraich accused", where
                # the honorific is one and the name the other; the name is who speaks)
                subj = next((c for c in subjects if self.index.mention_at(c.i) is not None), subjects[0]) if len(subjects) > 1 else subjects[0]
                return _past_opening_object(subj)
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                noun = v.head
                if self.index.mention_at(noun.i) or noun.pos_ == "PROPN" or noun.lemma_.lower() not in STATEMENT_NOUNS:
                    return noun  # "footage of Hillary Clinton asking, “…”": the noun is the speaker
                # "a statement saying …": the statement's author is the subject of its verb
                if noun.dep_ in SUBJECT_DEPS:
                    return None
                v = noun.head
                continue
            if v.dep_ == "xcomp" and v.head is not v:
                # "prompted Clinton to make …", "urged him to say …": the object of the verb above is
                # the one who does it
                obj = next((c for c in v.head.children if c.dep_ == "dobj" and not self.in_quote[c.i]), None)
                if obj is not None and (obj.pos_ in ("PROPN", "PRON") or self.index.mention_at(obj.i)) and obj.lower_ not in ("it", "this", "that"):
                    return obj
            if v.dep_ in _CLIMB_DEPS and v.head is not v:
                v = v.head
                continue
            break
        return self._opening_apposition(v) or self._stray_subject(verb)

    @staticmethod
    def _past_relative_clause(verb: Token) -> Token:
        """Where a participle set off by a comma starts its climb to a subject. The parser often
        hangs it on the relative clause just before it ("defending not paying an architect who
        said he was stiffed, saying, “…”", "looping the streets where the Panthers played the
        Vikings - while chanting, “…”"); a relative clause complete with its own object or clause
        does not lend its subject: the participle goes with the clause the relative one is in."""
        # (set off: a comma or a dash right before it or before its "while")
        if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not any(t.text in _SETTING_OFF for t in verb.doc[max(0, verb.i - 2) : verb.i]):
            return verb
        head = verb.head
        if head.i > verb.i or not any(c.dep_ in _RELATIVE_CLAUSE_COMPLETE for c in head.children):
            return verb
        if head.dep_ == "relcl":
            up = head.head  # the noun the clause is about, then the verb that noun belongs to
            for _ in range(SUBJECT_CLIMB):
                if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
                    break
                up = up.head
            return up if up.pos_ in ("VERB", "AUX") else verb
        if any(c.lower_ == "where" and c.dep_ == "advmod" and c.i < head.i for c in head.children) and head.head.i != head.i:
            return head.head
        return verb

    def _opening_apposition(self, verb: Token) -> Token | None:
        """ "Appearing before Justice Ramesh Iyer, Dr. Kavita Shenoy, 52, …, said …" parsed with no
        subject and the witness in apposition to the judge: the name set off after the object of a
        participle opening the sentence is the one who speaks."""
        opener = next((c for c in verb.children if c.dep_ == "advcl" and c.i == verb.sent.start and c.tag_ in ("VBG", "VBN")), None)
        if opener is None or verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        for prep in opener.children:
            if prep.dep_ != "prep":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                named = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.doc[c.left_edge.i - 1].text == ","), None)
                m = self.index.mention_at(named.i) if named is not None else None
                if m is not None and m.actor is not None and m.actor.type == "person":
                    return named
        return None

    def _stray_subject(self, verb: Token) -> Token | None:
        """When the parse lost the subject of a speech verb ("Outside the court, a lawyer for
        the workers, who …, said"), the first noun before it that heads no phrase of its own."""
        if verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        for tok in verb.sent:
            if tok.i >= verb.i:
                break
            if tok.i == verb.i - 1 and not self.in_quote[tok.i] and age_before_verb(tok) and is_age_nominal(tok):
                return tok  # "…,” the 24-year-old said", parsed with the age as the verb's adjective
            if tok.i == verb.i - 1 and not self.in_quote[tok.i] and tok.pos_ == "ADJ" and tok.lower_ in PERSON_NOUNS and tok.i > 0 and self.doc[tok.i - 1].lower_ == "the":
                return tok  # "…,” the fiscal said", a role noun parsed as the verb's adjective
            if self.in_quote[tok.i] or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.dep_ in ("pobj", "dobj", "poss", "compound", "amod", "appos", "attr", "npadvmod", "nmod", "nsubjpass"):
                continue
            if self.index.mention_at(tok.i) and self.index.mention_at(tok.i).token_end - 1 != tok.i:
                continue
            return tok
        return None

    def inverted_subject(self, verb: Token) -> Token | None:
        """ "…," said the minister: the speaker follows the verb. Only a finite verb inverts
        ("…,” comparing him to …" has an object after it, not a subject)."""
        if verb.tag_ in ("VBG", "VBN"):
            return None
        for tok in self.doc[verb.i + 1 : verb.i + INVERTED_SUBJECT_REACH]:
            if tok.is_punct and tok.text not in ("'", "’"):
                break
            if self.in_quote[tok.i]:
                break
            if tok.pos_ == "PRON" and tok.dep_ == "poss":
                continue  # "said her lawyer": the noun it belongs to
            if tok.pos_ == "PRON" and tok.lower_ in _OBJECT_PRONOUNS:
                return None
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
        return SpeakerFinder.relative_antecedent(tok) is not None

    @staticmethod
    def relative_antecedent(tok: Token) -> Token | None:
        """The noun a relative pronoun stands for; also where the parse missed the relative clause
        ("the Chicago Police Department which reported …")."""
        if tok.lower_ not in _RELATIVE:
            return None
        if tok.head.dep_ == "relcl":
            return _person_for_who(tok, tok.head.head)
        if tok.lower_ in ("who", "which") and tok.dep_ in SUBJECT_DEPS and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN"):
            return tok.doc[tok.i - 1]
        return None

    # -- subject token → speaker ----------------------------------------------------------------

    def speaker_for(self, tok: Token, last_speaker: Speaker | None) -> Speaker | None:
        antecedent = self.relative_antecedent(tok)
        if antecedent is not None:
            # "McConnell, who in 2010 said …": the speaker is the noun the clause is about; the
            # relative pronoun is the mention the attribution points to.
            sp = self.speaker_for(antecedent, last_speaker)
            return sp.at(tok.idx, tok.idx + len(tok.text)) if sp else None
        mention = self.index.mention_at(tok.i)
        # (unless it is a description the text resolves: in "the Moncton mayor", not the name before it)
        if mention is None and self.coref.description(tok) is None:
            # "Secretary of State Antony Blinken": the head may sit on a title; look at its name parts.
            # (only people: in "a Northgate player" the club is not the speaker, the player is)
            for child in tok.children:
                m = self.index.mention_at(child.i) if child.dep_ in ("compound", "appos", "flat") else None
                if m is not None and m.actor is not None and m.actor.type == "person":
                    mention = m
                    break
            if mention is None and tok.is_title:
                # "Deputy Minister for Civil Protection Stavros Theodorou … said": the name the parse
                # made the object of the office's "for"
                holder = named_holder(tok, self.index)
                mention = self.index.mention_at(holder.i) if holder is not None else None
        if mention is not None and mention.actor is not None and mention.actor.type == "organization":
            # "The Bureau of Meteorology's senior forecaster, Joanna Pirelli, said", parsed with the
            # organisation as the subject: a person's name in apposition to it is who speaks
            for child in tok.children:
                m = self.index.mention_at(child.i) if child.dep_ == "appos" else None
                if m is not None and m.actor is not None and m.actor.type == "person":
                    mention = m
                    break
        if mention is not None and mention.actor is not None:
            return Speaker(mention.actor.name, mention.start, mention.end, mention.actor)
        low = tok.lower_
        if tok.pos_ == "PRON" or low in _THIRD_PERSON_PRONOUNS:
            if low in PRONOUNS_FIRST:
                return None
            return self.resolve_pronoun(tok, last_speaker) or Speaker(tok.text, tok.idx, tok.idx + len(tok.text), None)
        # ("the CEO said", "the harbour master says": a common noun the tagger took for a name is a
        # description all the same)
        described = tok.pos_ in ("NOUN", "NUM", "ADJ") or (common_as_proper(tok.text) and any(c.dep_ == "det" for c in tok.children))
        if tok.pos_ == "PROPN" and not described:
            start, end = self._name_bounds(tok)
            span = self.doc[start:end]
            return Speaker(span.text, span.start_char, span.end_char, None)
        if described:
            for appos in self._appositions(tok):
                m = self.index.mention_at(appos.i)
                if m is None:
                    m = next((self.index.mention_at(t.i) for t in appos.subtree if self.index.mention_at(t.i)), None)
                if m and m.actor and m.actor.type == "person":
                    return Speaker(m.actor.name, m.start, m.end, m.actor)
                if m and m.actor and m.actor.type == "organization" and appos.head.i == tok.i and tok.lemma_.lower() in ORG_NOUNS and tok.lemma_.lower() not in PERSON_NOUNS:
                    # "Estonia's financial regulator, the Finantsinspektsioon, said": the body's name
                    return Speaker(m.actor.name, m.start, m.end, m.actor)
            owner = self._owner(tok)
            if owner is not None:
                # "her statement read", "the letter reads": a statement speaks for its owner; the words
                # at the cue ("the letter") are the mention, resolved to the owner
                sp = self.speaker_for(owner, last_speaker)
                if sp is None:
                    return None
                _, start, end = description_text(tok, self.in_quote)
                return sp.at(start, end)
            res = self.coref.description(tok)
            name, start, end = description_text(tok, self.in_quote)
            if res is not None:
                return Speaker(res.name, start, end, res.actor, ((start, end),) + res.chain)
            holder = self._adjectival_role_holder(tok)
            if holder is not None:
                m = max((m for m in holder.mentions if m.start < tok.idx), key=lambda m: (len(m.text.split()) > 1, m.start))
                return Speaker(holder.name, start, end, holder, ((start, end), (m.start, m.end)))
            principal = self._principal(tok, last_speaker)
            if principal is not None:
                # "his spokesperson said": the spokesperson speaks, for the person "his" stands for
                rest = self.doc[principal[1] + 1 : tok.i + 1].text.strip()
                return Speaker(f"{principal[0].name}'s {rest}", start, end, None, ((start, end),) + principal[0].chain)
            return Speaker(name, start, end, None)
        return None

    def _adjectival_role_holder(self, tok: Token) -> ActorRecord | None:
        """ "…,” the fiscal said" with "fiscal" parsed as the verb's adjective (so no description the
        reading resolves): the person the text last named with that role ("Depute fiscal Lorna Baird")."""
        low = tok.lower_
        if tok.pos_ != "ADJ" or low not in PERSON_NOUNS or tok.i == 0 or self.doc[tok.i - 1].lower_ != "the":
            return None
        family = ROLE_FAMILIES.get(low, frozenset()) | {low}
        best: tuple[int, ActorRecord] | None = None
        for a in {a.id: a for h in family for a in self.roles.with_head(h) if a.type == "person"}.values():
            last = max((m.start for m in a.mentions if m.start < tok.idx), default=-1)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, a)
        return best[1] if best is not None else None

    @staticmethod
    def _appositions(tok: Token):
        """What stands in apposition to a description: "a lawyer, Ann Lee,"; also where the parse
        hung it on the description's last noun ("His partner at Lenox, Lawrence Cummings, said"; "The
        regional organiser of the … Union in Rundu, Matheus Hamutenya, said")."""
        for child in tok.children:
            if child.dep_ == "appos":
                yield child
        objs = [tok]
        for _ in range(APPOSITION_PREP_DEPTH):
            objs = [o for t in objs for p in t.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
            for obj in objs:
                yield from (g for g in obj.children if g.dep_ == "appos" and g.pos_ == "PROPN")

    def _principal(self, tok: Token, last_speaker: Speaker | None) -> tuple[Speaker, int] | None:
        """Whom a possessed description speaks for ("his spokesperson" → the person "his" stands
        for), and the last token of the possessive."""
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.left_edge.i == tok.left_edge.i), None)
        if poss is None or self.in_quote[poss.i]:
            return None
        sp = self.speaker_for(self.head_of_name(poss), last_speaker)
        return (sp, poss.right_edge.i) if sp is not None and sp.actor is not None else None

    def _owner(self, tok: Token) -> Token | None:
        """Whose statement a statement noun is: its possessor, the object of "from"/"by", or
        whoever made, issued or gave it ("Clinton made a comment that described …")."""
        if tok.lemma_.lower() not in STATEMENT_NOUNS | CLAIM_NOUNS:
            return None
        for c in tok.children:
            if c.dep_ == "poss":
                return self._introduced_owner(tok, c) or self.head_of_name(c)
        owner = self._prep_owner(tok)
        if owner is not None:
            return owner
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in MAKING_VERBS:
            subj = self.subject_of(tok.head)
            if subj is not None and not self.in_quote[subj.i] and subj.i != tok.i:
                return self.head_of_name(subj)
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() in SPEECH_VERBS:
            # "The owner said in a statement that …": the statement is the speaker's
            subj = self.subject_of(tok.head.head)
            if subj is not None and not self.in_quote[subj.i]:
                return self.head_of_name(subj)
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.i == tok.sent.start:
            # "In a letter to the authority …, the association's chairperson, Hajji …, asked …": the
            # name that opens the sentence's subject after the phrase (which the parse often hangs elsewhere)
            k = tok.head.right_edge.i + 1
            while k < tok.sent.end and self.doc[k].is_punct:
                k += 1
            for t in self.doc[k : min(k + OPENING_OWNER_WORDS, tok.sent.end)]:
                if t.pos_ in ("VERB", "AUX") or self.in_quote[t.i]:
                    break
                m = self.index.mention_at(t.i)
                if m is not None and m.actor is not None and m.actor.type in ("person", "organization"):
                    return self.head_of_name(t)
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return self._earlier_owner(tok)
        return None

    def _prep_owner(self, tok: Token) -> Token | None:
        """The owner a statement noun names after it: the object of "from"/"by" ("a text message from
        a listener"), or a name after "of" ("the statement of Agnes Temba"; not "a statement of intent")."""
        # ("read a text message from a listener", the parse hanging "from" on the verb)
        preps = [c for c in tok.children if c.dep_ == "prep"]
        if tok.dep_ == "dobj":
            preps += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > tok.i]
        for c in preps:
            if c.lower_ not in ("from", "by", "of"):
                continue
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None or self.in_quote[obj.i]:
                continue
            if c.lower_ == "of":
                m = self.index.mention_at(obj.i)
                if m is None or m.actor is None or m.actor.type == "place":
                    continue
            return self.head_of_name(obj)
        return None

    def statement_before(self, tok: Token) -> Token | None:
        """ "Usher read a text message from a listener. “…,” it said": the "it" that speaks is a
        statement noun of the sentence before (or of its own, before it) that names its owner, and
        speaks for that owner. None when that sentence brought in no such statement."""
        if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        start = tok.sent.start
        first = self.doc[start - 1].sent.start if start > 0 else start
        for i in range(tok.i - 1, first - 1, -1):
            t = self.doc[i]
            if t.pos_ == "NOUN" and not self.in_quote[i] and t.lemma_.lower() in STATEMENT_NOUNS:
                return self._prep_owner(t)
        return None

    def _introduced_owner(self, tok: Token, poss: Token) -> Token | None:
        """ "Baird read a victim impact statement from Mrs Fraser. ¶ “…,” her statement read": "her"
        is whoever the statement the text brought in shortly before was from, when the pronoun fits
        them (not the one reading it out, who is the nearer subject)."""
        if poss.tag_ != "PRP$":
            return None
        lemma = tok.lemma_.lower()
        for i in range(tok.i - 1, max(-1, tok.i - STATEMENT_REACH), -1):
            t = self.doc[i]
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or self.in_quote[i]:
                continue
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    m = self.index.mention_at(obj.i) if obj is not None and not self.in_quote[obj.i] else None
                    if m is not None and m.actor is not None and self.coref.compatible(poss, m.actor):
                        return self.head_of_name(obj)
            return None
        return None

    def _earlier_owner(self, tok: Token) -> Token | None:
        """ "The owner said in a statement that … ¶ “…,” the statement read": a definite statement
        noun is the one the text brought in shortly before, and speaks for that one's owner."""
        lemma = tok.lemma_.lower()
        for i in range(tok.i - 1, max(-1, tok.i - STATEMENT_REACH), -1):
            t = self.doc[i]
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not self.in_quote[i]:
                if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
                    # ("read the statement of Agnes Temba": a definite one that names its owner)
                    owner = self._prep_owner(t)
                    if owner is not None:
                        return owner
                    continue  # another "the statement": look further back for the one introducing it
                return self._owner(t)
        return None

    def _name_bounds(self, tok: Token) -> tuple[int, int]:
        start = tok.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].dep_ in ("compound", "flat"):
            start -= 1
        return start, tok.i + 1

    # -- pronouns -----------------------------------------------------------------------------------

    def resolve_pronoun(self, tok: Token, last_speaker: Speaker | None) -> Speaker | None:
        """The antecedent of a pronoun, as a speaker whose mention is the pronoun (see `coref`).
        With none in view, the previous speaker if the pronoun fits them; else None."""
        span = (tok.idx, tok.idx + len(tok.text))
        owner = self.statement_before(tok)
        if owner is not None:
            sp = self.speaker_for(owner, last_speaker)
            return sp.at(*span) if sp is not None else None
        res = self.coref.pronoun(tok)
        if res is not None and last_speaker is not None and res.actor is not None and res.actor is last_speaker.actor and self._called_otherwise(tok, last_speaker):
            return None  # "…,” they said (Sam Okafor, one person). ¶ “…,” she said": not Sam Okafor
        if res is not None:
            return Speaker(res.name, span[0], span[1], res.actor, (span,) + res.chain)
        if last_speaker is not None and last_speaker.actor is not None and self.coref.compatible(tok, last_speaker.actor) and not self._called_otherwise(tok, last_speaker):
            return Speaker(last_speaker.name, span[0], span[1], last_speaker.actor, (span,) + last_speaker.chain)
        return None

    def _called_otherwise(self, tok: Token, speaker: Speaker) -> bool:
        """Whether the text called the previous speaker by a pronoun of the other gender ("…,” he said.
        ¶ “…,” she retorted": not him again, whatever his name leaves open), or by the "they" of one
        person, whom a "he" or "she" after it is not."""
        if not speaker.chain:
            return False
        a, b = speaker.chain[0]
        word = (self._text if self._text is not None else text_of(self.doc))[a:b].lower()
        low = tok.lower_
        if low in PRONOUNS_MALE | PRONOUNS_FEMALE and word in PRONOUNS_PLURAL and speaker.actor is not None:
            return True  # "…,” they said (one person, Sam Olivero). ¶ “…,” she said": someone else
        return (low in PRONOUNS_FEMALE and word in PRONOUNS_MALE) or (low in PRONOUNS_MALE and word in PRONOUNS_FEMALE)


def mention_kind(speaker: Speaker, text: str) -> str:
    """How the text points at a speaker: "named", "pronoun" or "description" (protocol.CueKind)."""
    a, b = speaker.chain[0] if speaker.chain else (speaker.start, speaker.end)
    words = text[a:b].split()
    first = words[0].lower() if words else ""
    if len(words) == 1 and (first in _ALL_PRONOUNS or first in _RELATIVE):
        return "pronoun"
    if speaker.actor is not None and len(speaker.chain) == 1:
        return "named"
    if words and all(w[:1].isupper() for w in words if w[:1].isalpha()) and first not in ("the", "a", "an"):
        return "named"  # a name the actor index does not know
    return "description"
