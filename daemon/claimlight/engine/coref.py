"""Coreference: which earlier actor a pronoun or a description stands for, and why.

A reader of "…,” she said" or "the mayor told reporters" knows who is meant from what came before:
the people and organisations named, what each was called ("Surrey Mayor Doug McCallum"), the
gender the text gave them (a title, a given name, "his wife", the pronouns already used for them),
and who was in view (the subject of the sentence before, the last speaker). This module reads a
document once, in order, the same way (on demand, only as far as the questions asked of it need:
`_read_through`):

- every named actor, every unnamed source ("a lawyer for the workers said") and every pronoun or
  description already resolved becomes a *referent* of its sentence: a candidate antecedent with
  its kind (person, organisation, group), gender, number, and whether it was a subject or a speaker;
- a pronoun takes the most salient compatible referent within a few sentences before it: a person
  of the same or unknown gender for "he"/"she", an organisation for "it", an organisation or a group
  for "they"; never a place, never a name inside a quotation. With no compatible referent it stays
  unresolved: a wrong name is worse than none;
- a definite description takes the actor the text gave that role ("the mayor", "the rookie
  defenceman", "the 34-year-old"; `roles`), or for "the company" the organisation in view;
- gender evidence accumulates: once "she" can only be Jones, Jones is a woman for the rest.

Every step looks back a bounded number of sentences, so the whole pass is linear in the document.
A resolution carries its chain of mentions, from the word in the text to the named mention it
stands for, so a reader can be shown why ("she, resolved to Darian Lonechild").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
import re
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Token

from .actors import ActorIndex, ActorRecord, gender_by_ending
from .checkpoints import Checkpoints
from .checkpoints import _restore as restore
from .docview import columns, text_of, token_list
from .lexicon import (
    COMPANY_NOUNS,
    DEMONYM_NOUNS,
    DISTINCT_ROLE_MODIFIERS,
    EVERYDAY_SENSE_VERBS,
    STAND_IN_MODIFIERS,
    EPITHET_ENTITY_LABELS,
    EPITHET_MODIFIERS,
    EPITHET_NOUNS,
    FEMALE_NOUNS,
    FEMALE_TITLES,
    GENERIC_ORG_NOUNS,
    ORG_KIND_CLIPPINGS,
    HONORIFIC_TITLES,
    KINSHIP_NOUNS,
    MISTAGGED_SPEECH_VERBS,
    NAMING_PHRASES,
    MALE_NOUNS,
    MALE_TITLES,
    ORG_FAMILIES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    PRONOUNS_NEUTER,
    PRONOUNS_PLURAL,
    RECIPROCAL_KIN_NOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_FAMILIES,
    ROLE_PHRASES,
    SPOUSE_NOUNS,
    STATEMENT_NOUNS,
    TITLES,
    TOPIC_PREPOSITIONS,
    WORD_PREFIXES,
)
from .speech_subjects import reporting_verbs, speech_subjects
from .role_index import APPOSITION, APPOSITION_PREP_DEPTH, COPULA, TITLE, RoleIndex, age_of, normalise

Chain = tuple[tuple[int, int], ...]  # character ranges of mentions, from the pointing word to the name

PERSON, ORGANIZATION, GROUP = "person", "organization", "group"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_DEFINITE = frozenset("the this that these those".split())
_MALE_TITLES = frozenset(t.rstrip(".") for t in MALE_TITLES)
_FEMALE_TITLES = frozenset(t.rstrip(".") for t in FEMALE_TITLES)
_POSSESSIVE_DETS = frozenset("his her its their".split())
# Gendered words that may open a title of several words (not "lord": a Lord Chancellor may be a woman)
_GENDERED_TITLE_OPENERS = frozenset("mr mrs ms lady dame sir".split())
_GENDERED_PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE
_SOURCE_NOUNS = PERSON_NOUNS | ORG_NOUNS  # an unnamed source's head noun
_OTHER_GENDER = {"m": "f", "f": "m"}
# Where a verb stands inside another clause; a weak verb of speech there is no cue ("open", "close").
_EMBEDDED_DEPS = ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp")
# Role words the tagger takes for proper nouns ("the CEO", "the Governor"): descriptions all the same.
ROLE_PROPER_NOUNS = frozenset(w for w in ROLE_ABBREVIATIONS.keys() | TITLES if w.rstrip(".") not in HONORIFIC_TITLES)


HYPHENS = frozenset("-‐‑")


def _governs(r: "Referent", tok: Token) -> bool:
    """Whether the verb the referent is the subject of has the pronoun `tok` in its clause ("Takunda
    Mapfumo … thought his team should have had a penalty")."""
    verb = tok.doc[r.i]
    for _ in range(GOVERNING_VERB_REACH):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    t = tok
    for _ in range(PRONOUN_CLAUSE_DEPTH):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == verb.i:
            return True
    return False


def _role_noun_of(tok: Token) -> Token | None:
    """The role noun a name is its holder's through a misparse: the noun of the phrase the name hangs
    on in apposition ("The architect for the scheme, Marie-Louise Pitaluga,"), or the role noun right
    before a name the parse made its object ("Rovers coach Takunda Mapfumo")."""
    if tok.dep_ == "appos" and tok.head.dep_ == "pobj":
        t = tok.head
        for _ in range(APPOSITION_PREP_DEPTH):
            if t.dep_ != "pobj" or t.head.dep_ != "prep":
                return None
            t = t.head.head
            if t.pos_ in ("NOUN", "PROPN") and normalise(t.text) in PERSON_NOUNS | TITLES:
                return t
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("for", "of") and head.head.i < head.i and normalise(head.head.text) in TITLES:
        # "Deputy Minister for Civil Protection Stavros Theodorou": the name parsed as the object of
        # the office's "for", after its portfolio (capitalised words only, up to the name)
        if all(t.is_title for t in tok.doc[head.i + 1 : tok.i]):
            return head.head
    if head.i < tok.i and head.pos_ == "NOUN" and tok.dep_ in ("dobj", "npadvmod", "nmod") and head.lower_ in PERSON_NOUNS:
        if all(t.is_title for t in tok.doc[head.i + 1 : tok.i]):  # (a given name, whatever its tag)
            return head
    return None


def named_holder(noun: Token, index: ActorIndex) -> Token | None:
    """The name of a person that `noun`'s own phrase gives it (see `_role_noun_of`), if any."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for t in noun.subtree:
        if t.pos_ != "PROPN" or t.i == noun.i:
            continue
        m = index.mention_at(t.i)
        if m is None or m.actor is None or m.actor.type != "person" or t.i != m.token_end - 1:
            continue
        holder = _role_noun_of(t)
        if holder is not None and holder.i == noun.i:
            return t
    return None


def common_as_proper(word: str) -> bool:
    """Whether a word the tagger called a proper noun is a common one all the same: a role word
    ("the CEO said"), a word in lower case ("the harbour master says", tagged so after a quote), or
    a word for someone of a nation ("the Scot said")."""
    low = word.lower()
    return word.islower() or low in ROLE_PROPER_NOUNS or low in DEMONYM_NOUNS

# A player's height before a role noun ("the 5-foot-11 opposite hitter", "the 6-foot-7 slotman", "the
# 2.08m centre"): a sports writer's epithet for someone already named, like an age.
_HEIGHT = re.compile(r"\d+\s?-?\s?(?:foot|feet|ft)(?:\s?-?\s?\d+(?:\s?-?\s?inch(?:es)?)?)?|\d\.\d\d\s?m|\d{3}\s?cm")

# How many sentences before a pronoun its antecedent is looked for (the sentence itself counts 0).
PRONOUN_SENTENCES = 5
# ... counted in sentences of the narrative: the sentences of a long quotation between a name and
# its pronoun ("Mokoena … “…. …. ….” he shot back") do not push the name out of view, though they
# still lower its salience; a bound on the sentences looked at all the same keeps the look-back short.
PRONOUN_SENTENCES_IN_ALL = 3 * PRONOUN_SENTENCES
# Verbs of speech whose passive subject still speaks: "was quoted as saying", "was heard to say".
PASSIVE_SPEECH_VERBS = frozenset("quote hear".split())
# How many sentences before "the company" the organisation it stands for is looked for.
ORG_DESCRIPTION_SENTENCES = 8
# Salience, in points: each sentence further back costs SENTENCE_COST, each paragraph boundary
# crossed PARAGRAPH_COST; a subject gains SUBJECT_GAIN, the subject of a speech verb SPEAKER_GAIN
# more, a referent whose gender is known to agree GENDER_GAIN, an actor named often PROMINENCE_GAIN.
SENTENCE_COST = 1.0
PARAGRAPH_COST = 0.5
SUBJECT_GAIN = 1.5
SPEAKER_GAIN = 1.0
GENDER_GAIN = 0.5
# A referent whose gender is only guessed from its given name's ending (-a: Olena, but also Nikita)
# and disagrees with the pronoun: more than a subject's gain, so that another person in view of no
# known gender is preferred, yet with nobody else in view the text's "he" overrules the guess.
GUESSED_GENDER_COST = SUBJECT_GAIN + GENDER_GAIN
# How many sentences of the narrative back a "they" that speaks as one person looks for that person.
SINGULAR_THEY_SENTENCES = 3
# ... and only as a subject or a speaker, from this many sentences of the narrative away at most
# ("Sefo Lauina was already at the wheel. ¶ “…,” he says.").
GUESS_OVERRULED_SENTENCES = 2
# A possessive ("his", "her") in the clause of a subject's own verb stands for that subject more often
# than for anyone before it: enough to outweigh a guess from a given name's ending and a sentence.
# Looked for this many steps up from the subject to its verb, and from the possessive up to it.
BOUND_POSSESSIVE_GAIN = GUESSED_GENDER_COST
GOVERNING_VERB_REACH = 3
PRONOUN_CLAUSE_DEPTH = 6
PROMINENCE_GAIN = 0.3
PROMINENT_MENTIONS = 3
# An epithet ("the Vermont senator") stands for someone in its own paragraph or this many before,
# the subject of a main clause (MAIN_CLAUSE_GAIN) before the subject of a clause inside one.
EPITHET_PARAGRAPHS = 1
MAIN_CLAUSE_GAIN = 1.0
# A pronoun's resolution counts as evidence of its antecedent's gender only when the antecedent is
# at most this many sentences back and no other person was named since the sentence before it.
EVIDENCE_SENTENCES = 1


@dataclass(frozen=True)
class Resolution:
    name: str  # the actor's canonical name, or the description of an unnamed source
    actor: ActorRecord | None
    chain: Chain  # the mentions it was resolved through, ending at the named one


@dataclass(frozen=True)
class Referent:
    """A mention a later pronoun or description may stand for."""

    i: int  # its head token
    start: int
    end: int
    name: str
    actor: ActorRecord | None
    kind: str  # PERSON | ORGANIZATION | GROUP
    gender: str | None  # "m" | "f" | None
    plural: bool
    subject: bool
    speaker: bool
    sent: int
    chain: Chain  # this mention first, then what it was resolved to

    def resolution(self) -> Resolution:
        """What a later mention standing for this referent resolves to: through this mention."""
        return Resolution(self.name, self.actor, self.chain)


def pronoun_features(word: str) -> tuple[frozenset[str], str | None, bool] | None:
    """(kinds it may refer to, gender, plural) for a third-person pronoun, else None."""
    low = word.lower()
    if low in PRONOUNS_MALE:
        return frozenset((PERSON,)), "m", False
    if low in PRONOUNS_FEMALE:
        return frozenset((PERSON,)), "f", False
    if low in PRONOUNS_NEUTER:
        return frozenset((ORGANIZATION,)), None, False
    if low in PRONOUNS_PLURAL:
        return frozenset((ORGANIZATION, GROUP)), None, True
    return None


_NOT_MADE = (object(),)  # (an actor the Layout holds nothing of: its "roles" equal no list)


class Layout:
    """What every reading of one document sees alike, whatever it takes for quoted: its sentences and
    paragraphs, where each actor is named, the words a reading looks at. Made once for a document:
    the quotations nested in others have a reading of their own (`engine.nested`), and take this
    from the article's."""

    def __init__(self, doc: Doc, index: ActorIndex, text: str):
        # (a Doc makes a new Token object at each step of a loop: the loops below filter on these
        # columns and make Tokens only for the words they read)
        self.cols = cols = columns(doc)
        self._doc = doc
        self.index = index
        self.sents = cols.sents
        self.sent_of = [n for n, (a, b) in enumerate(self.sents) for _ in range(a, b)]
        line_starts = [m.start() for m in re.finditer(r"[^\n]+", text)]
        self.para_of_sent = [max(0, bisect_right(line_starts, cols.starts[a]) - 1) if a < len(doc) else 0 for a, _ in self.sents]
        self.mention_starts = {a.id: sorted(m.start for m in a.mentions) for a in index.actors}
        # actor id → (its roles, gender, gender guessed from its name, kind) as the first reading made
        # them (`Coreference.__init__`): they read only the actor, the document and those roles, so a
        # reading whose role index gives the actor equal roles would make the same
        self.actor_tables: dict[str, tuple] = {}

    @cached_property
    def reporting_verbs(self) -> list[int]:
        """The verbs of reporting, in order, quoted or not."""
        # (found paragraph by paragraph, those of the last page read taken as they were: `speech_subjects`)
        return reporting_verbs(self._doc)

    @cached_property
    def last_mention_token(self) -> dict[str, int]:
        """Each actor's last mention, by the token a reading takes it at (its last)."""
        last: dict[str, int] = {}
        for m in self.index.by_token.values():
            if m.actor is not None:
                last[m.actor.id] = max(last.get(m.actor.id, -1), m.token_end - 1)
        return last

    @cached_property
    def words(self) -> list[int]:
        """The tokens the reading looks at, in order: where a mention is, pronouns, nouns, "old"; the
        reading passes over every other token without a look, so it is spared the loop over them."""
        cols, mentions = self.cols, self.index.by_token
        pos, tag, lower = cols.pos, cols.tag, cols.lower
        return [
            i
            for i, p in enumerate(pos)
            if p == "NOUN"
            or p == "PRON"
            or i in mentions
            or tag[i] == "PRP$"
            or (p == "ADJ" and lower[i] == "old")
            or (p == "PROPN" and common_as_proper(cols.text[i]))
        ]

    @cached_property
    def definite_heads(self) -> frozenset[int]:
        """The tokens with a possessor or a definite determiner before them among their children:
        found in one pass over the determiners, not by a walk through each noun's children."""
        cols = self.cols
        dep, lower, head = cols.dep, cols.lower, cols.head
        return frozenset(
            head[c]
            for c, d in enumerate(dep)
            if (d == "poss" or (d == "det" and (lower[c] in _DEFINITE or lower[c] in _POSSESSIVE_DETS))) and c < head[c]
        )


class Coreference:
    def __init__(
        self,
        doc: Doc,
        index: ActorIndex,
        in_quote: list[bool],
        roles: RoleIndex,
        subject_of: Callable[[Token], Token | None],
        text: str | None = None,
        layout: Layout | None = None,
    ):
        self.doc = doc
        self.text = text_of(doc) if text is None else text
        self.layout = layout or Layout(doc, index, self.text)
        self.cols = self.layout.cols
        self.index = index
        self.in_quote = in_quote
        self.roles = roles
        self._subject_of = subject_of
        self.sents = self.layout.sents
        self.sent_of = self.layout.sent_of
        self.para_of_sent = self.layout.para_of_sent
        self.mention_starts = self.layout.mention_starts
        # a gender only guessed from a given name's ending: a preference among referents, never a bar
        self.guessed_gender: dict[str, str] = {}
        # (what each actor is follows from the actor, the document and the roles this reading's role
        # index gives it: the document's first reading leaves its tables in the Layout, and the other,
        # the nested quotations', takes them for each actor whose roles are equal, `Layout.actor_tables`)
        tables = self.layout.actor_tables
        own = [a for a in index.actors if tables.get(a.id, _NOT_MADE)[0] != roles.roles(a)]
        made = self._gender_evidence(own)
        self.gender = {a.id: made[a.id] if a.id in made else tables[a.id][1] for a in index.actors}
        self.guessed_gender.update((a.id, tables[a.id][2]) for a in index.actors if a.id not in made and tables[a.id][2] is not None)
        self.kind = {a.id: self._actor_kind(a) if a.id in made else tables[a.id][3] for a in index.actors}
        for a in own:
            tables.setdefault(a.id, (roles.roles(a), self.gender[a.id], self.guessed_gender.get(a.id), self.kind[a.id]))
        self.speech_subjects = self._speech_subjects()
        self.referents: list[list[Referent]] = [[] for _ in self.sents]
        self.resolved: dict[int, Resolution] = {}  # pronoun or description head → what it stands for
        # each sentence with words outside quotations, numbered in order as the reading reaches it
        self.narrative_rank: dict[int, int] = {}
        self._next = 0  # the first token not read yet (`_read_through`)
        self._last_referent: dict[str, int] = {}  # actor id → the sentence of its latest referent so far
        self._pronoun_gender: dict[str, str] = {}  # actor id → the gender of the latest "he"/"she" read as it
        self._whole_genders = False  # whether a question wanted the genders the whole text gives (`_settle`)
        # actor id → the genders that, had the page given that actor one from the start, would have
        # changed a step of the reading so far (`_gender_read`); None once that is not known (a
        # reading taken up under another gender, `engine.checkpoints._relaxed`)
        self._forbid: dict[str, frozenset[str]] | None = {}
        # a saved state this reading was found to resume from (`Checkpoints.resume`), not restored yet:
        # restored when the reading is first read on or asked (`_take_up`)
        self._pending: tuple | None = None
        # the reading's state saved at the last paragraphs' starts, and taken up again for the page's
        # next version when all it depends on is the same (`engine.checkpoints`)
        self._checkpoints = Checkpoints(self)
        self._checkpoints.resume()

    def _take_up(self) -> None:
        """The saved state `Checkpoints.resume` found, restored (`checkpoints.restore`) the first time
        the reading is read on or asked, not when it is made: a live page's update often asks nothing
        of one of its two readings (the nested quotations', when the new entry has none), whose
        restore is then done once the reply is out, when its state is saved (`Checkpoints.save`).

        Why nothing sees the difference: the restore writes only the reading's state (`referents`,
        `resolved`, `narrative_rank`, `_last_referent`, `_pronoun_gender`, `gender`, `_forbid`, and
        `_next`, which `resume` sets at once), from the saved state and the actors `resume` matched,
        neither of which changes meanwhile; and every read or change of that state is in a method
        reached only through the reading's questions (`pronoun`, `compatible`, `pronoun_other_than`,
        `singular_they`, `description`) and `_read_through`, which take it up first, or in
        `Checkpoints.save`, which does too. The reading's __init__ reads none of it after `resume`."""
        pending = self._pending
        if pending is not None:
            self._pending = None
            restore(self, *pending)

    # -- what each actor is -----------------------------------------------------------------------

    def _gender_evidence(self, actors: list[ActorRecord]) -> dict[str, str | None]:
        """What the text calls each person ("his wife, Jane", "spokesman Tom Reid") decides; else
        the title or given name (`actors`). What a name is used with says nothing of it: "Clinton
        spokesman Nick Merrill" is no evidence about Clinton. (Of `actors`, those of the index this
        reading does not take from the Layout.)"""
        out: dict[str, str | None] = {}
        for a in actors:
            if a.type != "person":
                out[a.id] = None
                continue
            said = {w for r in self.roles.roles(a) if r.how in (TITLE, APPOSITION, COPULA) for w in _role_word(r.words)}
            male, female = bool(said & (MALE_NOUNS | _MALE_TITLES)), bool(said & (FEMALE_NOUNS | _FEMALE_TITLES))
            stated = "m" if male and not female else "f" if female and not male else None
            out[a.id] = stated or a.gender
            # (a gender the text states, "His spokeswoman, Fatmata Kamara,", is no guess, whatever the
            # name's ending would have guessed alike)
            if stated is None and a.gender is not None and gender_by_ending(a.tokens, {m.title for m in a.mentions if m.title}):
                self.guessed_gender[a.id] = a.gender
                out[a.id] = None
        return out

    def _actor_kind(self, a: ActorRecord) -> str | None:
        """PERSON or ORGANIZATION for coreference; None for places. A name the tagger called a
        person but the text calls "a shipping company" (and nothing calls a person) is an organisation."""
        if a.type == "place":
            return None
        if a.type == "organization" and all(self._title_of_name(m) for m in a.mentions):
            return None  # "Crown Counsel Odane Francis" with the title taken for a body: nobody "it" stands for
        if a.type == "person" and self.gender.get(a.id) is None:
            heads = self.roles.heads(a)
            if heads & (GENERIC_ORG_NOUNS | COMPANY_NOUNS) and not heads & PERSON_NOUNS and len(a.tokens) == 1:
                return ORGANIZATION
        return PERSON if a.type == "person" else ORGANIZATION

    def _title_of_name(self, m) -> bool:
        """Whether an organisation's mention is a title the recogniser cut from the person's name
        right after it: its last word a title, the next word a person's name."""
        doc = self.doc
        if m.token_end >= len(doc) or normalise(doc[m.token_end - 1].text) not in TITLES or not doc[m.token_end - 1].whitespace_:
            return False
        nxt = self.index.mention_at(m.token_end)
        return nxt is not None and nxt.actor is not None and nxt.actor.type == "person" or (doc[m.token_end].pos_ == "PROPN" and doc[m.token_end].is_title)

    def _speech_subjects(self) -> set[int]:
        # (each verb's subject is its paragraph's business: kept per paragraph, `engine.speech_subjects`)
        cols, in_quote = self.cols, self.in_quote

        def keep(i: int) -> bool:
            # "said their father still opens at 7am": the shop opens, nobody speaks
            return not (cols.lemma[i] in EVERYDAY_SENSE_VERBS and cols.dep[i] in _EMBEDDED_DEPS) and not in_quote[i]

        return speech_subjects(self.doc, self.layout.reporting_verbs, keep, self._subject_of, self.index, in_quote)

    # -- one pass over the document ---------------------------------------------------------------

    def _read_through(self, last: int) -> None:
        """Reads the document in order up to token `last` (included), from where the last read stopped.

        The document is read on demand, never further than a question needs: the quotations nested in
        others ask about a few words, often early in a long page, and their reading of the page
        (`engine.nested`) was a whole second pass. Lazy reading answers as the full reading does: a
        token's resolution is made when the reading reaches it, from what came before it only, and
        no question changes what the reading keeps (only the reading itself adds evidence). A question
        that reads an actor's gender reads on first when that gender is not known yet, as far as it
        may still be learnt (`_settle`): a gender once known never changes."""
        self._take_up()
        doc, cols = self.doc, self.cols
        stop = min(last + 1, len(doc))
        if self._next >= stop:
            return
        self._checkpoints.reach(stop)
        toks = token_list(doc)
        start, self._next = self._next, stop
        words = self.layout.words
        for k in range(bisect_left(words, start), bisect_left(words, stop)):
            i = words[k]
            if self.in_quote[i]:
                continue
            self.narrative_rank.setdefault(self.sent_of[i], len(self.narrative_rank))
            m = self.index.mention_at(i)
            if m is not None:
                if m.token_end - 1 == i and m.actor is not None and self.kind.get(m.actor.id):
                    self._push(self._actor_referent(m.actor, toks[i], (m.start, m.end), ()))
                continue
            pos = cols.pos[i]
            if pos == "PRON" or cols.tag[i] == "PRP$":
                if pronoun_features(cols.text[i]) is not None:
                    tok = toks[i]
                    best = self._antecedent(tok)
                    if best is not None:
                        span = (tok.idx, tok.idx + len(tok.text))
                        self.resolved[i] = best.resolution()
                        # (a "he" stays a man's mention: a later "she" does not go through it, nor
                        # to the one the text has just called "he")
                        said = pronoun_features(cols.text[i])[1]
                        if said is not None and best.actor is not None:
                            self._pronoun_gender[best.actor.id] = said
                        self._push(replace(self._as_mention(best, tok, span), gender=said or best.gender))
                        self._push(self._written_by(tok, best))
                continue
            if pos == "NOUN" or (pos == "PROPN" and common_as_proper(cols.text[i])):
                if not self._names_modifier(i) and self._may_refer(i):
                    self._read_noun(toks[i])
            elif pos == "ADJ" and cols.lower[i] == "old" and is_age_nominal(toks[i]) and not self._names_modifier(i):
                self._read_noun(toks[i])

    def _names_modifier(self, i: int) -> bool:
        """ "Surrey Mayor Doug McCallum", "the rookie defenceman Jones": a role word inside a name's phrase."""
        head = self.cols.head[i]
        return self.cols.dep[i] in ("compound", "amod", "nmod") and (self.index.mention_at(head) is not None or self.cols.pos[head] == "PROPN")

    def _may_refer(self, i: int) -> bool:
        """Whether the noun at i may be a description (definite, singular) or an unnamed source (a
        subject): most nouns are neither, and are passed over without reading their parse further."""
        cols = self.cols
        if cols.dep[i] in SUBJECT_DEPS or i in self.speech_subjects:
            return True
        return cols.tag[i] not in ("NNS", "NNPS") and self._definite(i)

    def _definite(self, i: int) -> bool:
        """ "the mayor", "this official", "her statement", "Lindqvist's coach"; not "a spokesman"."""
        return i in self.layout.definite_heads

    def _read_noun(self, tok: Token) -> None:
        cols = self.cols
        if any(cols.dep[c] == "appos" and self._names(c) for c in cols.children[tok.i]):
            return  # "The first witness, Linda Chau,", "the party's nominee, Omar Hale,": the name is the referent
        if self._person_named_in(tok):
            return  # "The architect for the scheme, Marie-Louise Pitaluga,", "Rovers coach Takunda Mapfumo": the same
        if tok.lower_ in WORD_PREFIXES and not tok.whitespace_ and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in HYPHENS:
            return  # "co" of "Her co-author" (the tokenizer splits at the hyphen): part of a word, no company
        found = self._description_referent(tok)
        if found is not None:
            self.resolved[tok.i] = Resolution(found.name, found.actor, found.chain[1:])
            self._push(found)
            return
        lemma = tok.lemma_.lower()
        is_subject = tok.dep_ in SUBJECT_DEPS or tok.i in self.speech_subjects
        if not is_subject or (lemma not in _SOURCE_NOUNS and not is_age_nominal(tok)):
            return
        # An unnamed source ("a lawyer for the workers said"): later pronouns may stand for it.
        text, *bounds = description_text(tok, self.in_quote)
        span = (bounds[0], bounds[1])
        plural = tok.tag_ in ("NNS", "NNPS") or lemma == "police"
        if plural and lemma not in ORG_NOUNS:
            kind = GROUP
        elif lemma in ORG_NOUNS and lemma not in PERSON_NOUNS:
            kind = ORGANIZATION
        else:
            kind = PERSON
        gender = "f" if lemma in FEMALE_NOUNS else "m" if lemma in MALE_NOUNS else None
        n = self.sent_of[tok.i]
        self._push(Referent(tok.i, span[0], span[1], text, None, kind, gender, plural, True, tok.i in self.speech_subjects, n, (span,)))

    def _person_named_in(self, tok: Token) -> bool:
        """Whether a role noun's own phrase names its holder where the parse does not hang the name in
        apposition to it: on the noun of a phrase after it ("The architect for the scheme, Marie-Louise
        Pitaluga,") or as a name right after it that the parse made its object ("coach Takunda Mapfumo")."""
        return named_holder(tok, self.index) is not None

    def _names(self, i: int) -> bool:
        """Whether the apposition at i is a name, or a role word with the name in apposition to it
        ("Brennan's daughter, the ceramicist Nell Brennan-Hart,")."""
        cols = self.cols
        if self.index.mention_at(i) is not None:
            return True
        return cols.pos[i] == "NOUN" and any(cols.dep[g] == "appos" and self.index.mention_at(g) is not None for g in cols.children[i])

    def _push(self, r: Referent | None) -> None:
        if r is not None:
            self.referents[r.sent].append(r)
            if r.actor is not None:
                self._last_referent[r.actor.id] = r.sent  # (the reading only goes forward)

    def _roles_of(self, tok: Token) -> tuple[bool, bool]:
        """(subject, speaker) for a mention headed by `tok`."""
        # (through a role word between: "Brennan's daughter, the ceramicist Nell Brennan-Hart, helped")
        up = tok.head if tok.dep_ == "appos" and tok.head.dep_ == "appos" and tok.head.pos_ == "NOUN" else tok
        subject = tok.dep_ in SUBJECT_DEPS or (up.dep_ in ("compound", "appos", "flat") and up.head.dep_ in SUBJECT_DEPS)
        # ("The architect for the scheme, Marie-Louise Pitaluga, said": the role noun is the subject,
        # and the speaker when its verb is one of speech)
        holder = _role_noun_of(tok)
        if holder is not None and named_holder(holder, self.index) is None:
            holder = None
        subject = subject or (holder is not None and holder.dep_ in SUBJECT_DEPS)
        # "…was echoed by Jens Stoltenberg": the agent of a passive is who acts; so is "X, who raised…"
        subject = subject or (tok.dep_ == "pobj" and tok.head.dep_ == "agent") or _relative_subject(tok) or _fronted_topic(tok) or _writer_met(tok)
        if tok.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in tok.head.children):
            # "She was joined by her sister, Marie-Ève Bélanger, who …": the agent is who acts and is
            # in view, not the one the passive is about
            subject = False
        speaker = tok.i in self.speech_subjects or (tok.dep_ in ("compound", "flat", "appos") and tok.head.i in self.speech_subjects)
        speaker = speaker or (holder is not None and holder.i in self.speech_subjects)
        # "Kinley Pelden was criticised for it, Choden recalled": whom a passive verb of speech is about
        # is spoken of, not speaking (but "was quoted as saying" speaks)
        spoken_of = tok if tok.dep_ in SUBJECT_DEPS else tok.head
        if speaker and spoken_of.dep_ == "nsubjpass" and spoken_of.head.lemma_.lower() not in PASSIVE_SPEECH_VERBS:
            speaker = False
        # (who speaks is what the sentence is about, where the parse hangs it wrong: "The witness
        # asked for water" with "witness" for its root)
        return subject or speaker, speaker

    def _actor_referent(self, actor: ActorRecord, tok: Token, span: tuple[int, int], via: Chain) -> Referent | None:
        kind = self.kind.get(actor.id)
        if kind is None:
            return None
        subject, speaker = self._roles_of(tok)
        n = self.sent_of[tok.i]
        return Referent(tok.i, span[0], span[1], actor.name, actor, kind, self.gender.get(actor.id), False, subject, speaker, n, (span,) + via)

    def _as_mention(self, r: Referent, tok: Token, span: tuple[int, int]) -> Referent:
        """The referent `r` as mentioned again at `tok` (a pronoun or a description standing for it)."""
        subject, speaker = self._roles_of(tok)
        return replace(r, i=tok.i, start=span[0], end=span[1], subject=subject, speaker=speaker, sent=self.sent_of[tok.i], chain=(span,) + r.chain)

    # -- pronouns ---------------------------------------------------------------------------------

    def _read_all(self) -> None:
        self._read_through(len(self.doc) - 1)

    def pronoun(self, tok: Token) -> Resolution | None:
        """What a pronoun outside quotations stands for, as read in order; None when nothing fits."""
        self._take_up()
        self._read_through(tok.i)
        return self.resolved.get(tok.i)

    def compatible(self, tok: Token, actor: ActorRecord | None) -> bool:
        """Whether an actor (a previous speaker, say) may be what the pronoun `tok` stands for."""
        self._take_up()
        feats = pronoun_features(tok.text)
        if feats is None or actor is None:
            return False
        kinds, gender, plural = feats
        kind = self.kind.get(actor.id)
        if kind is None or kind not in kinds:
            return False
        if gender is not None and self.gender.get(actor.id) is None:
            # the whole text's evidence of the actor's gender (a gender once known stays)
            self._whole_genders = True
            self._settle({actor.id: actor})
        # (a guess from the name's ending counts here: the previous speaker, for want of anyone in view,
        # is weaker evidence than an antecedent the text puts right before the pronoun)
        return gender is None or (self.gender.get(actor.id) or self._pronoun_gender.get(actor.id) or self.guessed_gender.get(actor.id)) in (None, gender)

    def pronoun_other_than(self, tok: Token, actor: ActorRecord) -> Resolution | None:
        """What a pronoun stands for when it cannot be `actor`: inside someone's quotation, "she" is
        not the speaker, who would say "I" ("She'd point a spatula at you," said Pitre)."""
        self._take_up()
        n = self.sent_of[tok.i]
        self._read_through(self.sents[n][1] - 1)
        if n not in self.narrative_rank:
            # A sentence wholly inside quotations is no narrative: what its pronoun stands for is the
            # speaker's business, not something the reading may take up (and the reading would answer
            # by how far it had read, the count of narrative sentences so far)
            return None
        feats = pronoun_features(tok.text)
        # (once a question wanted the whole text's genders, every later one is answered with them)
        if feats is not None and (self._whole_genders or self._gender_open_in_view(tok)):
            # the whole text's evidence of their gender (a gender once known stays)
            self._whole_genders = True
            self._settle(self._in_view(tok, PRONOUN_SENTENCES_IN_ALL, feats[0]))
        best = self._antecedent(tok, exclude=actor)
        return best.resolution() if best is not None else None

    def _written_by(self, tok: Token, writer: Referent) -> Referent | None:
        """ "A statement he wrote was read to the court by …. ¶ “…,” it said": a statement noun, the
        subject of its sentence, whose relative clause has the pronoun `tok` for its subject, stands
        for the writer that pronoun stands for, as "it" later (a statement speaks for its writer)."""
        clause = tok.head
        if tok.dep_ not in SUBJECT_DEPS or clause.dep_ != "relcl" or writer.actor is None or writer.kind != PERSON:
            return None
        noun = clause.head
        if noun.lemma_.lower() not in STATEMENT_NOUNS or noun.dep_ not in SUBJECT_DEPS or noun.tag_ not in ("NN",):
            return None
        span = (noun.left_edge.idx, noun.idx + len(noun.text))
        return replace(writer, i=noun.i, start=span[0], end=span[1], kind=ORGANIZATION, gender=None, subject=True, speaker=False, sent=self.sent_of[noun.i], chain=(span,) + writer.chain)

    def singular_they(self, tok: Token) -> Resolution | None:
        """ "Alex Moreau … wore the watch. ¶ “… woke me …,” they say": for a "they" that speaks as one
        person, the nearest person in view, a subject or a speaker, whom the text has not called "he"
        or "she" nor given a gendered title. None when there is none."""
        self._take_up()
        self._read_through(tok.i)
        n = self.sent_of[tok.i]
        rank = self.narrative_rank.get(n, len(self.narrative_rank))
        for s in range(n, max(-1, n - PRONOUN_SENTENCES_IN_ALL - 1), -1):
            if not self.referents[s]:
                continue
            if rank - self.narrative_rank[s] > SINGULAR_THEY_SENTENCES:
                break
            for r in sorted(self.referents[s], key=lambda r: -r.i):
                if r.i >= tok.i or r.kind != PERSON or r.plural or r.actor is None or not (r.subject or r.speaker):
                    continue
                if self._called_he_or_she(r.actor, tok) or any(m.title for m in r.actor.mentions):
                    continue
                return r.resolution()
        return None

    def _called_he_or_she(self, actor: ActorRecord, tok: Token) -> bool:
        """Whether the reading took a "he" or "she" before `tok` for `actor`. (Not `_pronoun_gender`,
        which holds what the reading has read so far: a reading taken up from a checkpoint further on
        has read the "she" after a quotation whose "they" is asked about, and would answer otherwise.)"""
        cols = self.cols
        for s in range(self.sent_of[tok.i], -1, -1):
            for r in self.referents[s]:
                if r.actor is actor and r.i < tok.i and cols.lower[r.i] in _GENDERED_PRONOUNS:
                    return True
        return False

    def _in_view(self, tok: Token, sentences: int, kinds: frozenset[str]) -> dict[str, ActorRecord]:
        """The actors of the referents of `kinds` from `sentences` sentences before `tok` up to it."""
        n = self.sent_of[tok.i]
        return {
            r.actor.id: r.actor
            for s in range(max(0, n - sentences), n + 1)
            for r in self.referents[s]
            if r.i < tok.i and r.actor is not None and r.kind in kinds
        }

    def _settle(self, actors: dict[str, ActorRecord]) -> None:
        """Reads on until the gender of each of `actors` is the one the whole text gives it, so that a
        question weighing them answers as it does after the whole reading, for a few sentences more
        instead of the rest of a long page (the nested quotations whose speaker is a pronoun each ask,
        with a reading of their own: `engine.nested`). A gender is settled once known (it never
        changes then), or once nothing further on can bring its actor back into view (`_gender_settled`)."""
        s = self.sent_of[self._next] if self._next < len(self.doc) else len(self.sents)
        pending = actors
        while True:
            pending = {k: a for k, a in pending.items() if not self._gender_settled(a, s)}
            if not pending or s >= len(self.sents):
                return
            self._read_through(self.sents[s][1] - 1)
            s += 1

    def _gender_settled(self, actor: ActorRecord, s: int) -> bool:
        """Whether `actor`'s gender can change no more, the reading being in sentence `s` or past it.
        Evidence is only taken from a pronoun resolved to a referent of the actor a few sentences
        before it (`_antecedent`); a new referent of the actor comes only from a mention of it, from a
        description resolved through its roles, or from a referent of it in view. So with no mention
        left ahead, no role and no referent within the longest look-back, it never comes into view again."""
        if self.gender.get(actor.id) is not None or self.kind.get(actor.id) != PERSON:
            return True  # (only a person's gender is ever learnt)
        if self.roles.roles(actor) or self.layout.last_mention_token.get(actor.id, -1) >= self._next:
            return False
        return self._last_referent.get(actor.id, -1) < s - max(PRONOUN_SENTENCES_IN_ALL, ORG_DESCRIPTION_SENTENCES, PRONOUN_SENTENCES)

    def _gender_open_in_view(self, tok: Token) -> bool:
        """Whether a gendered pronoun has in view (`_antecedent`) an actor whose gender is not known
        yet: the text after it may still tell, and the answer is the one the whole text gives."""
        feats = pronoun_features(tok.text)
        if feats is None or feats[1] is None:
            return False
        n = self.sent_of[tok.i]
        return any(
            r.actor is not None and self.gender.get(r.actor.id) is None
            for s in range(max(0, n - PRONOUN_SENTENCES), n + 1)
            for r in self.referents[s]
            if r.i < tok.i
        )

    def _antecedent(self, tok: Token, exclude: ActorRecord | None = None) -> Referent | None:
        feats = pronoun_features(tok.text)
        if feats is None:
            return None
        kinds, gender, plural = feats
        n = self.sent_of[tok.i]
        para = self.para_of_sent[n]
        scored: list[tuple[float, Referent]] = []
        rank = self.narrative_rank.get(n, len(self.narrative_rank))
        for s in range(n, max(-1, n - PRONOUN_SENTENCES_IN_ALL - 1), -1):
            if not self.referents[s]:
                continue  # (every sentence with a referent has a word outside quotations, so a rank)
            if rank - self.narrative_rank[s] > PRONOUN_SENTENCES:
                break
            back = n - s  # (salience still falls with every sentence, a quotation's too)
            for r in self.referents[s]:
                if r.i >= tok.i or not self._agrees(r, kinds, gender, plural) or self._bound(tok, r):
                    continue
                if exclude is not None and r.actor is exclude:
                    continue
                score = -SENTENCE_COST * back - PARAGRAPH_COST * (para - self.para_of_sent[s])
                if r.subject:
                    score += SUBJECT_GAIN
                if r.speaker:
                    score += SPEAKER_GAIN
                # (a guess the text has since overruled, by a pronoun or a title, is no guess any more)
                known = r.actor is not None and (self.gender.get(r.actor.id) or self._pronoun_gender.get(r.actor.id))
                guess = self.guessed_gender.get(r.actor.id) if gender is not None and r.gender is None and r.actor is not None and not known else None
                if guess is not None and guess != gender and (rank - self.narrative_rank[s] > GUESS_OVERRULED_SENTENCES or not (r.subject or r.speaker)):
                    continue  # (far off or in passing, a "he" is more likely someone the text left unnamed)
                if gender is not None and (r.gender == gender or guess == gender):
                    score += GENDER_GAIN
                elif guess is not None:
                    score -= GUESSED_GENDER_COST  # (a guess from a name's ending leans, never bars)
                if r.actor is not None and len(r.actor.mentions) >= PROMINENT_MENTIONS:
                    score += PROMINENCE_GAIN
                if back == 0 and r.subject and self.cols.tag[tok.i] == "PRP$" and _governs(r, tok):
                    score += BOUND_POSSESSIVE_GAIN
                scored.append((score + r.i * 1e-6, r))
        if not scored:
            return None
        scored.sort(key=lambda x: -x[0])
        best = scored[0][1]
        if gender is not None:
            self._gain_read(scored, best, gender)
        if exclude is None and gender is not None and best.actor is not None and self.gender.get(best.actor.id) is None and n - best.sent <= EVIDENCE_SENTENCES:
            # Evidence for the rest of the article, but only when nobody else, of any gender, was
            # in view: "Jones … she said" with no one else around makes Jones a woman.
            others = any(
                r.kind == PERSON and r.actor is not best.actor and r.name != best.name
                for s in range(max(0, n - EVIDENCE_SENTENCES), n + 1)
                for r in self.referents[s]
                if r.i < tok.i
            )
            if not others:
                self.gender[best.actor.id] = gender
        return best

    def _agrees(self, r: Referent, kinds: frozenset[str], gender: str | None, plural: bool) -> bool:
        if r.kind not in kinds:
            return False
        if r.kind == PERSON and r.plural != plural:
            return False
        if gender is not None:
            if r.actor is None:
                return r.gender in (None, gender)
            known = self.gender.get(r.actor.id)
            if known is not None:
                return known == gender
            g = r.gender or self._pronoun_gender.get(r.actor.id)
            agrees = g in (None, gender)
            # (an actor the page gave a gender from the start agrees for that gender only)
            self._gender_read(r.actor.id, _OTHER_GENDER[gender] if agrees else gender)
            return agrees
        return True

    def _gender_read(self, actor_id: str, gender: str) -> None:
        """Notes that this step of the reading would have gone otherwise had the page given the actor
        `gender` from the start (its gender is not known yet where the step is taken). A page's next
        version that gives an actor a gender takes up the old reading only if no step noted that
        gender for it (`engine.checkpoints._relaxed`); a question asked of the reading may note too,
        which only makes that more cautious."""
        got = self._forbid.get(actor_id) if self._forbid is not None else None
        if self._forbid is not None and (got is None or gender not in got):
            self._forbid[actor_id] = (got or frozenset()) | {gender}

    def _gain_read(self, scored: list[tuple[float, Referent]], best: Referent, gender: str) -> None:
        """`_antecedent`'s part of `_gender_read`: an actor whose referents of no gender yet (a
        person's, named before its gender was known) were weighed for a gendered pronoun would have
        had GENDER_GAIN on them, had the page given it that gender from the start (`r.gender ==
        gender`); noted when that gain would have made another referent the best, or a tie."""
        if self._forbid is None:
            return
        for a in {r.actor.id for _, r in scored if r.actor is not None and r.gender is None and r.kind == PERSON}:
            alt = [(x + (GENDER_GAIN if r.actor is not None and r.actor.id == a and r.gender is None and r.kind == PERSON else 0.0), r) for x, r in scored]
            top = max(x for x, _ in alt)
            winners = [r for x, r in alt if x == top]
            if len(winners) != 1 or winners[0] is not best:
                self._gender_read(a, gender)

    @staticmethod
    def _bound(tok: Token, r: Referent) -> bool:
        """ "Smith praised him": a plain pronoun object never stands for the subject of its own verb."""
        if tok.dep_ not in ("dobj", "iobj", "dative") or tok.lower_.endswith(("self", "selves")):
            return False
        # (through a name in apposition to the subject: "The prosecutor, Naledi Kgari, asked her")
        h = tok.doc[r.i]
        while h.dep_ in ("appos", "compound", "flat") and h.head.i != h.i and h.head.i != tok.head.i:
            h = h.head
        return r.subject and h.head.i == tok.head.i

    # -- descriptions -----------------------------------------------------------------------------

    def description(self, tok: Token) -> Resolution | None:
        """What a definite description headed by the noun `tok` stands for, as read in order."""
        self._read_through(tok.i)
        got = self.resolved.get(tok.i)
        return got if got is not None and tok.pos_ != "PRON" else None

    def _description_referent(self, tok: Token) -> Referent | None:
        """ "the mayor" ← "Mayor Doug McCallum"; "the rookie defenceman" ← "Jones, a rookie
        defenceman"; "the 34-year-old" ← "Smith, 34,"; "the company" ← the organisation in view;
        "the official" ← "a senior official" said before."""
        if (tok.pos_ not in ("NOUN", "ADJ") and not common_as_proper(tok.text)) or self.index.mention_at(tok.i) is not None:
            return None
        if not self._definite(tok.i) and not (age_before_verb(tok) and _article_before(tok)):
            return None  # "a spokesman": someone new
        if tok.tag_ in ("NNS", "NNPS"):
            return None  # "the developers": several, not one actor
        span = _noun_phrase(tok)
        age = age_of(self.text[span[0] : span[1]])
        if age is not None:
            return self._latest(self.roles.with_age(age), tok, span, None) or self._person_in_view(tok, span)
        head = normalise(tok.lemma_ if tok.tag_ == "NNS" else tok.text)
        cols = self.cols
        mods = {normalise(cols.text[c]) for c in cols.children[tok.i] if cols.dep[c] in ("compound", "amod", "nmod") and c < tok.i}
        # "the finance chief": a modifier and head that are one role together ("cfo"), as a role's words are
        head = next((ROLE_PHRASES[(m, head)] for m in sorted(mods) if (m, head) in ROLE_PHRASES), head)
        if head in ORG_NOUNS and head not in PERSON_NOUNS:
            named = [a for a in self.roles.with_head(head) if self.kind.get(a.id) == ORGANIZATION]
            # (a name of its own that says "congress": "Congress" alone is a legislature, no party)
            named += [a for h in ORG_FAMILIES.get(head, ()) for a in self.roles.with_head(h) if self.kind.get(a.id) == ORGANIZATION and len(a.tokens) > 1]
            got = self._latest(named, tok, span, mods)
            if got is None and (head in GENERIC_ORG_NOUNS or head in COMPANY_NOUNS):
                got = self._organisation_in_view(tok, span, head)
            return None if got is not None and self._other_kind_of_org(tok, got) else got
        spouse = self._spouse(tok, head)
        if spouse is not None:
            return self._actor_referent(spouse, tok, span, (self._named_mention(spouse, tok.idx),))
        family = ROLE_FAMILIES.get(head, frozenset()) | {head}
        people = [a for h in family for a in self.roles.with_head(h) if self.kind.get(a.id) == PERSON]
        # "the spokeswoman" after "ministry spokesman Ahmed Kamal": a noun that says its gender (one
        # role for both, "spokesperson") is never a person the text made the other one
        said_gender = "f" if tok.lower_ in FEMALE_NOUNS else "m" if tok.lower_ in MALE_NOUNS else None
        if said_gender is not None:
            for a in people:
                if self.gender.get(a.id) is None:
                    self._gender_read(a.id, _OTHER_GENDER[said_gender])
            people = [a for a in people if self.gender.get(a.id) in (None, said_gender)]
        kin_of = self._pronoun_possessor(tok) if head in KINSHIP_NOUNS and tok.i in self.speech_subjects and tok.dep_ != "nsubjpass" else None
        if kin_of is not None:
            # "“…,” her sister replies" where "her" is Carmen: never Carmen herself, and the one Carmen was
            # brought in as the sister of, if any ("Ana Lúcia Lopes and her sister Carmen"). (Only of one
            # speaking: elsewhere, "… the day after her sister was reported missing", the reading keeps
            # the kin the text named, which later pronouns lean on.)
            people = [a for a in people if a is not kin_of]
            other = self._reciprocal_kin(kin_of, head, tok)
            if other is not None:
                return self._actor_referent(other, tok, span, (self._named_mention(other, tok.idx),))
        owner = self._named_possessor(tok)
        if owner is not None:
            # "Lindqvist's first coach" is not the coach the article named, unless named as Lindqvist's
            people = [a for a in people if a is not owner and {t.lower() for t in owner.tokens} & {w for r in self.roles.roles(a) for w in r.words}]
        got = self._latest(people, tok, span, mods, head)
        if head in PERSON_NOUNS:
            # "Lindqvist's first coach gave him advice … the coach told him": an unnamed source with
            # that noun, brought in after the named one was last mentioned, is the one in view
            unnamed = self._unnamed_source(tok, span, head)
            said_at = unnamed.chain[1][0] if unnamed is not None and len(unnamed.chain) > 1 else -1
            if unnamed is not None and (got is None or self._last_mention_before(got.actor, tok.idx) < said_at):
                got = unnamed
        if got is None and head in PERSON_NOUNS and (tok.dep_ in SUBJECT_DEPS or tok.i in self.speech_subjects) and self._epithet(tok):
            gender = "f" if head in FEMALE_NOUNS else "m" if head in MALE_NOUNS else None
            got = self._person_in_view(tok, span, gender=gender, role=family)
        return got

    def _spouse(self, tok: Token, head: str) -> ActorRecord | None:
        """ "Her husband" where "her" is Marcia Baptiste and the text has named a Winston Baptiste: the
        one person of the other gender who shares her surname, named before. None when there are
        several, or none: a husband may keep his own name, and then the text has to say who he is."""
        gender = SPOUSE_NOUNS.get(head)
        if gender is None:
            return None
        poss = next((c for c in self.cols.children[tok.i] if self.cols.dep[c] == "poss" and self.cols.tag[c] == "PRP$"), None)
        res = self.resolved.get(poss) if poss is not None else None
        partner = res.actor if res is not None else None
        if partner is None or self.kind.get(partner.id) != PERSON or len(partner.tokens) < 2:
            return None
        named = []
        for a in self.index.actors:
            if a is not partner and self.kind.get(a.id) == PERSON and len(a.tokens) > 1 and a.tokens[-1] == partner.tokens[-1] and self._last_mention_before(a, tok.idx) >= 0:
                if self.gender.get(a.id) is None:
                    self._gender_read(a.id, gender)
                elif self.gender[a.id] == gender:
                    named.append(a)
        return named[0] if len(named) == 1 else None

    def _pronoun_possessor(self, tok: Token) -> ActorRecord | None:
        """The person "her" or "his" stands for in "her sister", as read so far."""
        poss = next((c for c in self.cols.children[tok.i] if self.cols.dep[c] == "poss" and self.cols.tag[c] == "PRP$"), None)
        res = self.resolved.get(poss) if poss is not None else None
        actor = res.actor if res is not None else None
        return actor if actor is not None and self.kind.get(actor.id) == PERSON else None

    def _reciprocal_kin(self, person: ActorRecord, head: str, tok: Token) -> ActorRecord | None:
        """ "her sister" of Carmen, where the text brought Carmen in as "her sister Carmen" or "Ana's sister,
        Carmen,": the one whose sister Carmen was, when the kin goes both ways and the gender agrees."""
        if head not in RECIPROCAL_KIN_NOUNS:
            return None
        gender = RECIPROCAL_KIN_NOUNS[head]
        cols = self.cols
        for role in self.roles.roles(person):
            if role.head not in RECIPROCAL_KIN_NOUNS or role.start >= tok.idx:
                continue
            k = bisect_left(cols.starts, role.start)
            while k < len(cols.starts) and cols.starts[k] < role.end and normalise(cols.text[k]) != role.head:
                k += 1
            if k >= len(cols.starts) or cols.starts[k] >= role.end:
                continue
            for c in cols.children[k]:
                if cols.dep[c] != "poss":
                    continue
                res = self.resolved.get(c)
                m = self.index.mention_at(c)
                other = res.actor if res is not None else m.actor if m is not None else None
                if other is None or other is person or self.kind.get(other.id) != PERSON:
                    continue
                if gender is not None and self.gender.get(other.id) not in (None, gender):
                    continue
                if gender is not None and self.gender.get(other.id) is None:
                    self._gender_read(other.id, _OTHER_GENDER[gender])
                return other
        return None

    def _epithet(self, tok: Token) -> bool:
        """ "the New York businessman", "the Vermont senator", "the former first lady": a role the
        text never gave anyone, made an epithet by a place, a party or a word like "former"."""
        for c in tok.children:
            if c.dep_ != "prep":
                continue
            if c.lower_ == "of" and normalise(tok.text) in KINSHIP_NOUNS and any(g.dep_ == "pobj" and g.like_num for g in c.children):
                return True  # "the mother-of-three", "the father of two": how a reporter calls someone named
            return False  # "the director of the museum": someone the phrase itself introduces
        if normalise(tok.text) in EPITHET_NOUNS:
            return True  # "the left-hander", "the skipper": only ever someone already in the story
        for c in tok.children:
            if c.i < tok.i and c.dep_ == "nummod" and _HEIGHT.fullmatch(self.text[c.left_edge.idx : c.right_edge.idx + len(c.right_edge.text)]):
                return True  # "the 5-foot-11 opposite hitter", "the 2.08m centre": a height, said as an age is
            if c.i > tok.i or c.dep_ not in ("compound", "amod", "nmod"):
                continue
            if c.lower_ in EPITHET_MODIFIERS or c.ent_type_ in EPITHET_ENTITY_LABELS:
                return True
        return False

    def _last_mention_before(self, actor: ActorRecord, offset: int) -> int:
        starts = self.mention_starts.get(actor.id, [])
        k = bisect_left(starts, offset)
        return starts[k - 1] if k else -1

    def _named_possessor(self, tok: Token) -> ActorRecord | None:
        """The person named as the owner in "Lindqvist's coach", if any."""
        cols = self.cols
        for c in cols.children[tok.i]:
            if cols.dep[c] == "poss" and cols.pos[c] == "PROPN":
                m = self.index.mention_at(c)
                if m is not None and m.actor is not None and self.kind.get(m.actor.id) == PERSON:
                    return m.actor
        return None

    def _latest(
        self, actors: list[ActorRecord], tok: Token, span: tuple[int, int], mods: set[str] | None, head: str | None = None
    ) -> Referent | None:
        """Of the actors the role was said of before `tok`, the one whose role shares the most of the
        description's words, then the one named most recently."""
        best: tuple[tuple[int, int], ActorRecord] | None = None
        for a in {a.id: a for a in actors}.values():
            starts = self.mention_starts.get(a.id, [])
            k = bisect_left(starts, tok.idx)
            if k == 0:
                continue  # not named before the description
            overlap = 0
            if mods is not None:
                words = {normalise(w) for r in self.roles.roles(a) for w in r.words}
                if mods:
                    words |= {p for w in words for p in self._name_partners.get(w, ())}
                # (the role's own head is no modifier: "Lt. Ana Ortiz" is "the lieutenant", though a
                # lieutenant governor is not the governor)
                same_role = {normalise(w) for r in self.roles.roles(a) if r.head == head for w in r.words} - {head}
                if (mods - words) & DISTINCT_ROLE_MODIFIERS or (same_role - mods) & (DISTINCT_ROLE_MODIFIERS - STAND_IN_MODIFIERS):
                    continue  # "the vice presidential nominee" ≠ "presidential nominee Donald Trump", "the mayor" ≠ "Deputy Mayor Ann Roy"
                overlap = len(mods & words)
            key = (overlap, starts[k - 1])
            if best is None or key > best[0]:
                best = (key, a)
        if best is None:
            return None
        actor = best[1]
        return self._actor_referent(actor, tok, span, (self._named_mention(actor, tok.idx),))

    @cached_property
    def _name_partners(self) -> dict[str, frozenset[str]]:
        """The other words of each name of several words the text uses: "the Wexley boss" is
        "Athletic boss Gary Holroyd" where the text names "Wexley Athletic", not the other club's.
        (read from the proper nouns only, once, when a description first has a modifier)"""
        cols = self.cols
        out: dict[str, set[str]] = {}
        run: list[int] = []
        for i in [i for i, p in enumerate(cols.pos) if p == "PROPN" and not self.in_quote[i]] + [-2]:
            if run and i == run[-1] + 1:
                run.append(i)
                continue
            if len(run) > 1:
                words = {cols.lower[j] for j in run}
                for w in words:
                    out.setdefault(w, set()).update(words)
            run = [i]
        return {w: frozenset(ws) for w, ws in out.items()}

    def _named_mention(self, actor: ActorRecord, before: int) -> tuple[int, int]:
        """The mention that best names the actor before a point: the latest full name, else the latest mention."""
        prior = [m for m in actor.mentions if m.start < before]
        full = [m for m in prior if len(m.text.split()) > 1]
        m = max(full or prior, key=lambda m: m.start)
        return m.start, m.end

    def _organisation_in_view(self, tok: Token, span: tuple[int, int], head: str) -> Referent | None:
        """ "the company said": the organisation most recently a subject, else most recently named,
        within a few sentences; for a word that says "company", not one the text calls something else."""
        n = self.sent_of[tok.i]
        best: tuple[tuple[int, int], Referent] | None = None
        for back in range(0, ORG_DESCRIPTION_SENTENCES + 1):
            s = n - back
            if s < 0:
                break
            for r in self.referents[s]:
                if r.i >= tok.i or r.kind != ORGANIZATION or r.actor is None:
                    continue
                if head in COMPANY_NOUNS and not self._may_be_company(r.actor):
                    continue
                key = (1 if r.subject else 0, r.i)
                if best is None or key > best[0]:
                    best = (key, r)
            if best is not None:
                break
        return self._as_mention(best[1], tok, span) if best is not None else None

    def _person_in_view(
        self, tok: Token, span: tuple[int, int], gender: str | None = None, role: frozenset[str] | None = None
    ) -> Referent | None:
        """ "The court heard from Derek Oduya. The 61-year-old told the court…": an age the text never
        stated for anyone is the named person most in view, as a pronoun of unknown gender would be,
        but never someone whose age the text gave as another. For an epithet (`role`: its noun and
        kin), never someone of the other gender or whom the text gave another role."""
        n = self.sent_of[tok.i]
        para = self.para_of_sent[n]
        best: tuple[float, Referent] | None = None
        for back in range(0, PRONOUN_SENTENCES + 1):
            s = n - back
            if s < 0:
                break
            for r in self.referents[s]:
                if r.i >= tok.i or r.kind != PERSON or r.plural or r.actor is None:
                    continue
                if role is None and self._aged(r.actor):
                    continue
                if role is not None and (para - self.para_of_sent[s] > EPITHET_PARAGRAPHS or not (r.subject or r.speaker) or (gender and r.gender and r.gender != gender) or self._other_role(r.actor, role)):
                    continue  # (an epithet names the person the story is about: a subject or a speaker)
                if role is not None and gender and r.gender is None:
                    self._gender_read(r.actor.id, _OTHER_GENDER[gender])
                score = -SENTENCE_COST * back - PARAGRAPH_COST * (para - self.para_of_sent[s])
                score += SUBJECT_GAIN * r.subject + SPEAKER_GAIN * r.speaker + r.i * 1e-6
                if role is not None and self.cols.dep[self.cols.head[r.i]] == "ROOT":
                    score += MAIN_CLAUSE_GAIN  # "… hours after Trump unleashed …": not whom the sentence is about
                if best is None or score > best[0]:
                    best = (score, r)
        return self._as_mention(best[1], tok, span) if best is not None else None

    def _other_role(self, actor: ActorRecord, role: frozenset[str]) -> bool:
        if role & EPITHET_NOUNS:
            return False  # "the left-hander" may be the opener, the captain or anyone else
        if role & KINSHIP_NOUNS:
            return False  # "the father of four" is an engineer or a minister all the same
        # (an honorific says nothing of what someone does: "Dr. Asante-Mensah" may be "the former minister")
        heads = {r.head for r in self.roles.roles(actor) if not (r.how == TITLE and r.words[-1:] and r.words[-1] in HONORIFIC_TITLES)}
        heads &= PERSON_NOUNS
        return bool(heads) and not heads & role and not any(heads & ROLE_FAMILIES.get(h, frozenset()) for h in role)

    def _aged(self, actor: ActorRecord) -> bool:
        return any(r.age is not None for r in self.roles.roles(actor))

    def _other_kind_of_org(self, tok: Token, got: Referent) -> bool:
        """ "the met office said" after the "National Disaster Management Office" spoke: a common noun
        before the description's head that no word of the organisation's names or roles has says it is
        another office. (An adjective or participle, "the regional office", "the Tallinn-based company",
        and a name, "the Tallinn office", say where or what it is like, not which kind.)"""
        cols = self.cols
        kinds = {
            normalise(cols.text[c]) for c in cols.children[tok.i]
            if c < tok.i and cols.dep[c] in ("compound", "amod") and cols.text[c].islower()
            and (cols.pos[c] == "NOUN" or cols.lower[c] in ORG_KIND_CLIPPINGS)
        }
        if not kinds or got.actor is None:
            return False
        words = {normalise(w) for r in self.roles.roles(got.actor) for w in r.words}
        words |= {normalise(w) for m in got.actor.mentions for w in m.text.split()}
        return not kinds & words

    def _may_be_company(self, actor: ActorRecord) -> bool:
        heads = self.roles.heads(actor)
        if heads & COMPANY_NOUNS:
            return True
        # an organisation whose name or description says it is something else: a ministry, a union
        return not (heads & (ORG_NOUNS - COMPANY_NOUNS - GENERIC_ORG_NOUNS))

    def _unnamed_source(self, tok: Token, span: tuple[int, int], head: str) -> Referent | None:
        """ "the official said" after "a senior official said": the same unnamed source."""
        n = self.sent_of[tok.i]
        for back in range(0, PRONOUN_SENTENCES + 1):
            s = n - back
            if s < 0:
                break
            for r in reversed(self.referents[s]):
                # ("officers had recovered …" is no one officer)
                if r.i < tok.i and r.actor is None and not r.plural and normalise(self.cols.lemma[r.i]) == head:
                    return self._as_mention(r, tok, span)
        return None


def _role_word(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a role that may say a gender: its last, and the last before an honorific that
    closes it ("Health Ministry spokesman Dr. Asanka Perera" is a man whatever his given name says)."""
    last = words[-1:]
    before = next((w for w in reversed(words) if w.rstrip(".") not in HONORIFIC_TITLES), None)
    # "Lady Justice Rehema Mkwawa", "Mr Justice Kerr": a judge's title of the courts of East Africa
    # and Britain opens with the judge's gender
    first = words[:1] if len(words) > 1 and words[0].rstrip(".") in _GENDERED_TITLE_OPENERS else ()
    return last + ((before,) if before is not None and last and last[0].rstrip(".") in HONORIFIC_TITLES else ()) + first


def _relative_subject(tok: Token) -> bool:
    """ "Stoltenberg, who raised …": the name is the subject of the relative clause."""
    return any(c.dep_ == "relcl" and any(w.dep_ in SUBJECT_DEPS and w.lower_ in ("who", "that") for w in c.children) for c in tok.children)


def _writer_met(tok: Token) -> bool:
    """ "I met Fonkwo in Buea, … where she teaches": the person the writer's own sentence is about
    (the object of its main verb, the writer the subject) is as much in view as a subject."""
    verb = tok.head
    return tok.dep_ == "dobj" and verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def _fronted_topic(tok: Token) -> bool:
    """ "For Sanne de Graaf, …, the change was felt at once": the person a sentence opens with."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in TOPIC_PREPOSITIONS and prep.i == prep.sent.start and prep.head.dep_ == "ROOT"


def is_age_nominal(tok: Token) -> bool:
    """ "the 34-year-old": an age standing for a person (the recogniser calls it a date)."""
    if tok.lower_ != "old" or (tok.dep_ not in SUBJECT_DEPS + ("dobj", "pobj", "appos") and not age_before_verb(tok)):
        return False
    return age_of(tok.doc[tok.left_edge.i : tok.i + 1].text) is not None


def age_before_verb(tok: Token) -> bool:
    """ "…,” the 24-year-old said": the parser often hangs the age on the verb right after it as
    its adjective, and the article on the verb too; the age is the verb's subject all the same."""
    return tok.dep_ == "amod" and tok.head.i == tok.i + 1 and (tok.head.pos_ == "VERB" or is_mistagged_cue(tok.head))


def is_mistagged_cue(tok: Token) -> bool:
    """ "the 67-year-old said, pointing …" with "said" tagged a noun, the sentence's root."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.lower_ in MISTAGGED_SPEECH_VERBS


def _article_before(tok: Token) -> bool:
    """Whether a definite article opens the age phrase the parser left without one."""
    i = tok.left_edge.i - 1
    return i >= 0 and tok.doc[i].lower_ in _DEFINITE and tok.doc[i].dep_ == "det"


def _noun_phrase(tok: Token) -> tuple[int, int]:
    """The characters of a noun with its determiner and modifiers, without anything after it:
    "the rookie defenceman", "the company"."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and doc[start].is_punct:
        start += 1
    return doc[start].idx, tok.idx + len(tok.text)


# Longest description of an unnamed source, in tokens ("a spokesman for the regional ministry").
DESCRIPTION_MAX_TOKENS = 10
_DESC_STOP = {",", ";", ":", "—", "–", "(", ")", '"', "“", "”"}


def description_tokens(tok: Token, in_quote: list[bool]) -> tuple[int, int]:
    """ "a senior official", "a spokesman for the ministry": the noun phrase, without clauses
    (token indexes, end exclusive)."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and (doc[start].is_punct or in_quote[start]):
        start += 1
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("prep", "compound", "amod", "nummod") and child.i == end:
            sub_end = child.right_edge.i + 1
            if any(t.text in _DESC_STOP or in_quote[t.i] for t in doc[end:sub_end]):
                break
            if sub_end - start > DESCRIPTION_MAX_TOKENS:
                break
            end = sub_end
        else:
            break
    return start, end


# (a name of up to three words: "gave his name only as Ah Seng")
_NAMING = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in NAMING_PHRASES) + r")(?: is| was)?,? ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})")
# How far past the head noun the phrase that names it is looked for.
NAMING_REACH = 16


def given_name(tok: Token, in_quote: list[bool]) -> str | None:
    """ "the driver, a wiry sergeant whose call sign is Lis,": the name the description's own
    phrase gives it (`NAMING_PHRASES`), from the words that hang from it after it."""
    doc = tok.doc
    end = min(tok.right_edge.i + 1, tok.i + NAMING_REACH)
    if end <= tok.i + 2 or any(in_quote[tok.i + 1 : end]):
        return None
    found = _NAMING.search(doc[tok.i + 1 : end].text)
    return found.group(1) if found else None


def description_text(tok: Token, in_quote: list[bool]) -> tuple[str, int, int]:
    """The description as a speaker's name ("A senior official said" → "a senior official") and its
    characters; the name its own phrase gives it, when it gives one ("whose call sign is Lis")."""
    doc = tok.doc
    a, b = description_tokens(tok, in_quote)
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    named = given_name(tok, in_quote)
    if named:
        return named, start, end
    text = doc[a:b].text
    if text[:1].isupper() and doc[a].pos_ == "DET":
        text = text[0].lower() + text[1:]
    return text, start, end
