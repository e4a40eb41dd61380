"""What the article says each actor is: the role words, titles, ages and kinds it gives them.

"Surrey Mayor Doug McCallum", "Jones, a rookie defenceman,", "Smith, 34,", "Ortiz is the club's
president", "Vantor, a Norwegian shipping company": a reader remembers these, and later reads "the
mayor", "the rookie defenceman", "the 34-year-old", "the company" as the same actors. The index is
built once per document from the parse, with every place the text states a role, so that
coreference can resolve descriptions and anything else (an actor panel, typing) can show or weigh
what an actor is called. Looking a role up costs a dictionary access, never a scan of the text.
The roles stated at each mention are read once per document for every role index made of them (the
article's reading and the nested quotations' leave out different quoted mentions), and kept per
paragraph across a live page's versions (`StatedRoles`: its docstring gives the argument).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Token

from .actors import ActorIndex, ActorRecord, Mention
from .docview import first_sentences, token_list
from .pseudonyms import is_pseudonym
from .lexicon import (
    ABBREVIATIONS,
    HONORIFIC_TITLES,
    ORG_CONTEXT,
    ORG_HEADS,
    PERSON_NOUNS,
    QUALIFYING_ROLE_NOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_IGNORED_WORDS,
    ROLE_NOUNS,
    ROLE_PHRASES,
    ROLE_VERBS,
    TITLES,
    UNNAMED_PERSON_NOUNS,
)

_ABBREVIATIONS = ABBREVIATIONS | ROLE_ABBREVIATIONS.keys()  # words a period ends without ending a sentence

# How a role was stated.
TITLE = "title"  # words before the name: "Mayor Doug McCallum", "rookie defenceman Jones"
APPOSITION = "apposition"  # "Jones, a rookie defenceman," / "the team's captain, Ana Ortiz,"
COPULA = "copula"  # "Ortiz is the club's president"
NAME = "name"  # an organisation's own name says what it is: "Surrey Police Service"
LEDE = "lede"  # "The transport minister was forced to … . Rachel Fennimore told MPs …": named a sentence later
USAGE = "usage"  # "Vantor shares fell": a company, by what the name is used with

# Ages outside this range are years or counts, not a person's age ("Smith, 2019,").
MIN_AGE, MAX_AGE = 1, 120
# The opening sentences (a headline and a lede or two) where a role may be named a sentence later.
LEDE_SENTENCES = 5
# The role words such an opening uses for one person (not "the man", "the victim": someone unnamed).
LEDE_ROLE_WORDS = (TITLES | PERSON_NOUNS) - UNNAMED_PERSON_NOUNS
# How many prepositional phrases back from a name in apposition its role may stand ("The organiser of
# the Union in Rundu, Matheus Hamutenya,": two).
APPOSITION_PREP_DEPTH = 2
# How many capitalised words of a portfolio may stand between "Minister for" and the name ("Minister for
# Arts, Heritage and the Gaeltacht" is longer, and left alone).
PORTFOLIO_MAX_WORDS = 4
# How many words before a name are read as its title or role ("former Surrey Mayor Doug McCallum").
TITLE_MAX_WORDS = 5
# How many given names the recogniser left out of a name may stand between its title and it.
GIVEN_NAMES_CUT = 1
_AGE_WORDS = re.compile(r"(\d{1,3})\s*-?\s*years?\s*-?\s*old", re.IGNORECASE)
_ROLE_DEPS = ("compound", "amod", "nmod", "nummod", "npadvmod")


@dataclass(frozen=True)
class Role:
    head: str  # the role noun, lower case, abbreviations spelt out: "mayor", "sergeant", "company"
    words: tuple[str, ...]  # the whole role phrase as written, lower case: ("surrey", "mayor")
    start: int  # where the text states it (characters)
    end: int
    how: str  # TITLE | APPOSITION | COPULA | NAME | USAGE
    age: int | None = None
    name_start: int = 0  # the mention of the actor it was said of
    name_end: int = 0


@dataclass
class RoleIndex:
    by_actor: dict[str, list[Role]] = field(default_factory=dict)
    # role head → the actors it was said of, in the order the text first says it
    by_head: dict[str, list[ActorRecord]] = field(default_factory=dict)
    by_age: dict[int, list[ActorRecord]] = field(default_factory=dict)
    # every head `with_head` was asked for, by anyone, over the index's life: an actor listed under
    # none of them was never a candidate of a lookup by role, so no lookup read its roles
    # (`engine.checkpoints._relaxed`, which takes up a reading whose page has since given someone a title)
    asked: set[str] = field(default_factory=set, compare=False, repr=False)

    def roles(self, actor: ActorRecord) -> list[Role]:
        return self.by_actor.get(actor.id, [])

    def heads(self, actor: ActorRecord) -> set[str]:
        return {r.head for r in self.roles(actor)}

    def with_head(self, head: str) -> list[ActorRecord]:
        self.asked.add(head)
        return self.by_head.get(head, [])

    def with_age(self, age: int) -> list[ActorRecord]:
        return self.by_age.get(age, [])

    def add(self, actor: ActorRecord, role: Role) -> None:
        roles = self.by_actor.setdefault(actor.id, [])
        if any(r.head == role.head and r.words == role.words and r.age == role.age for r in roles):
            return
        roles.append(role)
        # ("the consultant physician" is "the consultant" too: a role word that qualifies another)
        heads = [role.head] + [normalise(w) for w in role.words[:-1] if normalise(w) in QUALIFYING_ROLE_NOUNS] if role.head else []
        # (by identity: two actors of one index are never equal, and comparing the records field by
        # field costs a tuple of their fields each time)
        for head in heads:
            bucket = self.by_head.setdefault(head, [])
            if not any(a is actor for a in bucket):
                bucket.append(actor)
        if role.age is not None:
            bucket = self.by_age.setdefault(role.age, [])
            if not any(a is actor for a in bucket):
                bucket.append(actor)


def normalise(word: str) -> str:
    """ "Sgt." → "sergeant", "Mayor" → "mayor": the form roles are compared in."""
    low = word.lower().rstrip(".")
    return ROLE_ABBREVIATIONS.get(low, low)


def _word(word: str) -> str:
    return word.lower().rstrip(".")


def age_of(text: str) -> int | None:
    m = _AGE_WORDS.search(text)
    if m and MIN_AGE <= int(m.group(1)) <= MAX_AGE:
        return int(m.group(1))
    return None


def build_role_index(doc: Doc, index: ActorIndex, in_quote: list[bool] | None = None, stated: "StatedRoles | None" = None) -> RoleIndex:
    """Every role the text states for an actor, outside quotations. Linear in the mentions."""
    stated = stated or StatedRoles(doc, index)
    roles = RoleIndex()
    for actor in index.actors:
        if actor.type == "place":
            continue
        for m in actor.mentions:
            if in_quote is not None and in_quote[m.token_start]:
                continue
            for role in stated.at(m, actor):
                roles.add(actor, role)
    _delayed_identification(doc, index, roles, stated)
    return roles


def _delayed_identification(doc: Doc, index: ActorIndex, roles: RoleIndex, stated: "StatedRoles | None" = None) -> None:
    """A news opening that brings someone in by what they are and names them in the next sentence
    ("The transport minister was forced to defend … . Rachel Fennimore told MPs …"): the role is the
    person's, when the text gives that role to nobody and the name comes with no role of its own.
    Only the opening sentences are read: further on, a role with no name is someone unnamed.
    (What the sentences say is read once per document, `StatedRoles.openings`; whether the role
    index already gives the role out, per role index.)"""
    for head, actor, role in (stated or StatedRoles(doc, index)).openings:
        if roles.with_head(head):
            continue
        if any(r.head and r.head not in HONORIFIC_TITLES for r in roles.roles(actor)):
            continue
        roles.add(actor, role)


def _openings(doc: Doc, index: ActorIndex) -> list[tuple[str, ActorRecord, Role]]:
    """The opening's unnamed role subjects and the person the next sentence names (see
    `_delayed_identification`), in order: (the role's head, the person, the role)."""
    out = []
    sents = first_sentences(doc, LEDE_SENTENCES)
    for first, second in zip(sents, sents[1:]):
        described = next((t for t in first if _unnamed_role_subject(t, index)), None)
        if described is None:
            continue
        head = normalise(described.text)
        subject = next((t for t in second if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        m = index.mention_at(subject.i) if subject is not None else None
        actor = m.actor if m is not None else None
        if actor is None or actor.type != "person" or len(m.text.split()) < 2 or actor.mentions[0] is not m:
            continue
        words = tuple(_word(t.text) for t in described.lefts if t.dep_ in ("compound", "amod")) + (_word(described.text),)
        out.append((head, actor, Role(head, words, described.idx, described.idx + len(described.text), LEDE, None, m.start, m.end)))
    return out


def _unnamed_role_subject(tok: Token, index: ActorIndex) -> bool:
    """ "The transport minister" as a sentence's subject: a definite role noun, with no name to it."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN" or tok.tag_ != "NN" or index.mention_at(tok.i) is not None:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(c.dep_ in ("appos", "poss") for c in tok.children):
        return False
    return normalise(tok.text) in LEDE_ROLE_WORDS


class StatedRoles:
    """The roles the text states at each mention, read once for a document however many role indexes,
    each leaving out what another set of quotations holds, are made of them (`engine.nested`).

    And kept per paragraph across a page's versions (`engine.local`'s store, under the paragraph's
    window): a live page's next version states the same roles in every paragraph it did not change.
    What `_roles_of_mention` reads of a mention is the parse of its own paragraph (heads never leave
    a paragraph, each is parsed alone), the tokens a title or portfolio is read back through (which
    stop at the whitespace token that ends the paragraph before, and so never read past it; the
    window holds it and says whether the document starts there), the token after the mention (its
    paragraph's own, or the document's end, which the window says too), which tokens there are
    mentions and of what type of actor (`index.mention_at`), and the mention's own bounds, title and
    actor's type. The window's key and those mentions, relative to the paragraph, key the kept roles,
    so equal keys read equal things and state equal roles (moved by where the paragraph now starts).
    A mention outside this (its tokens across a paragraph's end, which the recogniser never makes)
    and a page too long to keep (`local.keeps`) are read as before. A 3,000-word page's roles take
    some 55 kB of the store (as `local.weight` counts them; its other passes, some 300 kB)."""

    def __init__(self, doc: Doc, index: ActorIndex):
        self.doc = doc
        self.index = index
        self._at: dict[tuple[int, str], list[Role]] = {}
        self._kept_read = False

    @cached_property
    def openings(self) -> list[tuple[str, ActorRecord, Role]]:
        """`_openings`: read once for the document, whichever role index asks first."""
        return _openings(self.doc, self.index)

    def at(self, m: Mention, actor: ActorRecord) -> list[Role]:
        key = (id(m), actor.id)  # (the mentions live as long as the index, and this with it)
        got = self._at.get(key)
        if got is None and not self._kept_read:
            self._kept_read = True
            self._read_kept()
            got = self._at.get(key)
        if got is None:
            got = self._at[key] = self._read(m, actor)
        return got

    def _read(self, m: Mention, actor: ActorRecord) -> list[Role]:
        return [replace(role, name_start=m.start, name_end=m.end) for role in _roles_of_mention(self.doc, self.index, m, actor)]

    def _read_kept(self) -> None:
        """The roles of every mention of an actor that may have roles, paragraph by paragraph: taken
        from the store where the paragraph's key is there, else read and kept (see the class docstring)."""
        from . import local

        doc, index = self.doc, self.index
        if not local.keeps(doc):
            return
        paras = local.paragraphs_of(doc)
        firsts = [p.first for p in paras]
        todo: dict[int, list] = {}
        for actor in index.actors:
            if actor.type == "place":
                continue
            for m in actor.mentions:
                k = bisect_right(firsts, m.token_start) - 1
                if k >= 0 and m.token_end <= paras[k].last:
                    todo.setdefault(k, []).append((m, actor))
        at_tokens: dict[int, list] = {}
        for t, m in index.by_token.items():
            at_tokens.setdefault(bisect_right(firsts, t) - 1, []).append((t, m))
        last = local.last_run(_KEPT_NAME)
        mine: dict[int, tuple] = {}
        at = self._at
        for k, pairs in todo.items():
            p = paras[k]
            first, start = p.first, p.start
            sigs = [(m.token_start - first, m.token_end - first, m.start - start, m.end - start, m.title, actor.type) for m, actor in pairs]
            around = sorted((t - first, None if m.actor is None else m.actor.type) for t, m in at_tokens.get(k, ()))
            wkey = local.window_at(doc, k).key
            got = last.get(k)
            if got is not None and got[1] == start and got[2] == first and got[0] == wkey and got[3] == sigs and got[4] == around:
                # the paragraph at this place in the last document this process read, with the same
                # window and inputs: its roles are what the store holds for that key, moved to the same
                # place (see `_LAST` below), so they are taken as they were (roles are frozen: shared)
                for (m, actor), roles in zip(pairs, got[5]):
                    at[(id(m), actor.id)] = list(roles)
                mine[k] = got
                continue
            inputs = hashlib.blake2b(repr((sorted(set(sigs)), around)).encode(), digest_size=16).digest()
            key = (_KEPT_NAME, wkey, inputs)
            kept = local.kept(key)
            if kept is None:
                made = {}
                for (m, actor), sig in zip(pairs, sigs):
                    if sig not in made:
                        made[sig] = tuple(_plain(r, -start) for r in self._read(m, actor))
                # (only the mentions with roles: the key holds every mention, so one not kept has none)
                kept = tuple((sig, roles) for sig, roles in made.items() if roles)
                local.keep(key, kept)
            by_sig = dict(kept)
            made_roles = []
            for (m, actor), sig in zip(pairs, sigs):
                roles = at[(id(m), actor.id)] = [Role(*fields[:2], fields[2] + start, fields[3] + start, *fields[4:6], fields[6] + start, fields[7] + start)
                                                 for fields in by_sig.get(sig, ())]
                made_roles.append(tuple(roles))
            mine[k] = (wkey, start, first, sigs, around, made_roles)
        local.note_run(_KEPT_NAME, mine)


# The name the stated roles are kept under in `engine.local`'s store.
_KEPT_NAME = "stated roles"
# `_LAST`: what `_read_kept` read of each paragraph of the last document (`engine.local.last_run`, under
# `_KEPT_NAME`): the window's key, where the paragraph starts (characters, tokens), its mentions'
# signatures in order, the mentions around, and each mention's roles as taken. A live page's next
# version is the same paragraphs at the same places but its last one or two; a paragraph whose window,
# place, signatures and mentions around are equal to those of the paragraph at its place there has
# the inputs the store's key digests equal too (the same key), so its roles are the store's for that
# key moved to the same place: the ones taken then. That spares the digest of its inputs, the look-up
# and a new Role per role for each of a page's hundred-odd paragraphs. One page (the last read) of a
# page whose roles are kept (`local.keeps`); a carried paragraph is not brought forward in the store's
# order of use (should it be pushed out, a later version reads it again as new).


def _plain(r: Role, by: int) -> tuple:
    """A role as plain values (as the store weighs them), its places moved by `by` characters."""
    return (r.head, r.words, r.start + by, r.end + by, r.how, r.age, r.name_start + by, r.name_end + by)


def _roles_of_mention(doc: Doc, index: ActorIndex, m: Mention, actor: ActorRecord):
    head = token_list(doc)[m.token_end - 1]
    if actor.type == "organization":
        yield from _org_name_roles(doc, m)
    if m.title:
        yield Role(normalise(m.title), (_word(m.title),), m.start, m.end, TITLE)
    if actor.type == "person" and is_pseudonym(m.text.split()):
        # "Witness A … the witness said": the pseudonym's noun is what the text calls that person
        noun = _word(m.text.split()[0])
        yield Role(noun, (noun,), m.start, m.end, NAME)
    title = _title_before(doc, index, m) or _portfolio_title(doc, m)
    if title is not None:
        yield title
    for noun in _appositions(head):
        role = _noun_role(doc, index, noun, APPOSITION)
        if role is not None:
            yield role
    titled = _title_before_honorific(doc, m)
    if titled is not None:
        role = _noun_role(doc, index, titled, APPOSITION)
        if role is not None:
            yield role
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == "be":
        for c in head.head.children:
            if c.dep_ == "attr" and c.i > head.i:
                role = _noun_role(doc, index, c, COPULA)
                if role is not None:
                    yield role
    for c in head.children:
        # "Mayor Tom Reid of Moncton": where a role is held tells one mayor from another
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at") and c.i == head.i + 1:
            place = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if place:
                words = tuple(_word(t.text) for t in place[0].subtree if t.pos_ == "PROPN")
                yield Role("", words, c.idx, place[0].idx + len(place[0].text), TITLE)
    for c in head.children:
        # "Smith, who is 45," / "Smith, who is the club's president,"
        if c.dep_ == "relcl" and c.lemma_ == "be" and any(w.lower_ in ("who", "that") and w.dep_ == "nsubj" for w in c.children):
            for attr in c.children:
                if attr.dep_ == "attr":
                    role = _noun_role(doc, index, attr, COPULA)
                    if role is not None:
                        yield role
    for c in head.children:
        # "Cheung, who lectures in engineering," / "Baptiste, who owns the shop,": what the clause says they do
        if c.dep_ == "relcl" and c.pos_ == "VERB" and c.lemma_.lower() in ROLE_VERBS and any(w.lower_ == "who" and w.dep_ == "nsubj" for w in c.children):
            role = ROLE_VERBS[c.lemma_.lower()]
            yield Role(role, (role,), c.idx, c.idx + len(c.text), COPULA)
    if actor.type == "organization" or head.pos_ == "PROPN":
        nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if nxt is not None and head.dep_ == "compound" and head.head.i == nxt.i and nxt.lower_ in ORG_CONTEXT:
            yield Role("company", (nxt.lower_,), nxt.idx, nxt.idx + len(nxt.text), USAGE)


def _org_name_roles(doc: Doc, m: Mention):
    for tok in doc[m.token_start : m.token_end]:
        word = tok.lower_
        if word in ORG_HEADS and not tok.is_punct:
            yield Role(normalise(word), (_word(word),), m.start, m.end, NAME)


def _title_before(doc: Doc, index: ActorIndex, m: Mention) -> Role | None:
    """The words before a name that describe it: "former Surrey Mayor", "rookie defenceman", "34-year-old"."""
    name_head = m.token_end - 1
    inside = set(range(m.token_start, m.token_end))
    i = m.token_start - 1
    words: list[Token] = []
    toks = token_list(doc)
    while i >= 0 and len(words) < TITLE_MAX_WORDS:
        tok = toks[i]
        if i > 0 and not toks[i - 1].whitespace_ and (tok.text == "-" or (tok.text == "." and toks[i - 1].lower_ in _ABBREVIATIONS)):
            i -= 1  # "Sgt." / "34-year-old" (a sentence's last period is no part of a title)
            continue
        # ("the Brazilian forward Thiago Ramos": a role noun the tagger took for an adverb)
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ", "NUM") and not (tok.pos_ == "ADV" and tok.lower_ in PERSON_NOUNS and tok.dep_ in _ROLE_DEPS):
            break
        # a title right before the name belongs to it whatever the parse says ("Const. Mark Dube"
        # parsed as a sentence of its own); other words must hang from the name
        adjacent_title = not words and _is_title_word(tok)
        # ... and so does a role noun the parse made the name's head ("Rovers coach Takunda Mapfumo",
        # the name taken for the object of "coach")
        adjacent_title = adjacent_title or (not words and tok.pos_ == "NOUN" and doc[name_head].head.i == tok.i and tok.lower_ in PERSON_NOUNS)
        # ... and so does a role noun in lower case right before the name, whatever the parse made of
        # it ("…, fire service spokeswoman Ioanna Karagianni said": the noun taken for an object before)
        adjacent_title = adjacent_title or (
            not words and i == m.token_start - 1 and tok.pos_ == "NOUN" and tok.is_lower and tok.whitespace_ and tok.lower_ in ROLE_NOUNS
        )
        if not adjacent_title and (tok.dep_ not in _ROLE_DEPS or not _reaches(tok, inside | {t.i for t in words}, name_head)):
            break
        other = index.mention_at(i)
        if other is not None and other.actor is not None and other.actor.type == "person":
            break  # another person's name: "Bill Clinton's wife Hillary"
        words.append(tok)
        i -= 1
    if not words:
        return None
    words.reverse()
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    age = age_of(doc[words[0].i : words[-1].i + 1].text)
    # ("Depute fiscal Lorna Baird": a role noun the tagger took for an adjective is a role all the same)
    role_words = [t for t in words if (t.pos_ in ("PROPN", "NOUN") or t.lower_ in PERSON_NOUNS) and not t.like_num and t.lower_ not in ("year", "years")]
    # "Health Cabinet Secretary Dr. Miriam Kiptoo": the role is the secretary's, not the honorific's
    role_words = [t for t in role_words if t.lower_.rstrip(".") not in HONORIFIC_TITLES] or role_words
    if not role_words and age is None:
        return None
    # ("Crown Counsel Odane Francis" with "Francis" alone the name: a given name the recogniser left
    # out stands between the title and the name, and is no part of the role)
    given = 0
    while (
        len(role_words) > 1 and given < GIVEN_NAMES_CUT and role_words[-1].i == m.token_start - 1 - given
        and not _role_like(role_words[-1]) and role_words[-1].pos_ == "PROPN" and _role_like(role_words[-2])
    ):
        role_words, given = role_words[:-1], given + 1
    if role_words and not _role_like(role_words[-1]):
        role_words = []
    if not role_words and age is None:
        return None
    head_word = phrase_head([t.text for t in words if t.i == role_words[-1].i - 1] + [role_words[-1].text]) if role_words else ""
    return Role(head_word, tuple(_word(t.text) for t in words if not t.like_num), start, end, TITLE, age)


def _title_before_honorific(doc: Doc, m: Mention) -> Token | None:
    """ "said the Speaker, Hon. Cheryl Kellman,": a title set off by a comma before an honorific and
    the name, which the parse hangs on the name as a modifier (or the honorific on it in apposition)
    rather than the name on it."""
    i = m.token_start - 1
    if i < 0 or doc[i].lower_.rstrip(".") not in HONORIFIC_TITLES:
        return None
    if i < 2 or doc[i - 1].text != ",":
        return None
    title = doc[i - 2]
    if not (_is_title_word(title) or (title.pos_ == "NOUN" and title.lower_ in PERSON_NOUNS)):
        return None
    inside = range(m.token_start - 1, m.token_end)
    return title if title.head.i in inside or doc[i].head.i == title.i else None


def _portfolio_title(doc: Doc, m: Mention) -> Role | None:
    """ "Minister for Health Grainne Dolan", "Minister of State for Agriculture Joseph Wamala",
    "Secretary for Education Ronald Chan": a title, then "for" or "of" and the office's portfolio in
    capitals, right before the name (the recogniser may have taken the portfolio into the name)."""
    toks = token_list(doc)  # (a Token each, not a new one per look)
    i = m.token_start - 1
    skipped = 0
    while i >= 0 and skipped < PORTFOLIO_MAX_WORDS and (toks[i].is_title or toks[i].lower_ == "and") and toks[i].lower_ not in ("for", "of"):
        i, skipped = i - 1, skipped + 1
    if i < 1 or toks[i].lower_ not in ("for", "of"):
        return None
    i -= 1
    if i >= 2 and toks[i].lower_ == "state" and toks[i - 1].lower_ == "of":
        i -= 2  # "Minister of State for …"
    title = toks[i]
    if not (title.is_title and _word(title.text) in TITLES):
        return None
    return Role(normalise(title.text), (_word(title.text),), title.idx, title.idx + len(title.text), TITLE)


def phrase_head(words: list[str]) -> str:
    """The role a phrase names: its last word, unless the last two are one role ("chief executive officer")."""
    pair = tuple(_word(w) for w in words[-2:])
    return ROLE_PHRASES.get(pair) or normalise(words[-1])


def _is_title_word(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    # (an office's letters too: "a senior opposition MPA", "the CS")
    return (tok.is_title or (tok.is_upper and len(low) > 1)) and (low in TITLES or low in ROLE_ABBREVIATIONS)


def _role_like(tok: Token) -> bool:
    """A title word ("Mayor", "Sgt.") or a common noun in lower case ("defenceman"); a capitalised
    noun that is not a title is more likely part of another name ("Surrey")."""
    low = normalise(tok.text)
    if tok.text[:1].islower():
        return low not in ROLE_IGNORED_WORDS
    # ("Economist Mark Zammit said": a sentence's first word is capitalised whatever it is)
    if tok.is_sent_start and tok.text[1:].islower() and low in PERSON_NOUNS:
        return True
    return low in TITLES or tok.lower_ in TITLES or _is_title_word(tok) or (tok.text.isupper() and tok.lower_ in ROLE_ABBREVIATIONS)


def _reaches(tok: Token, targets: set[int], name_head: int) -> bool:
    """Whether `tok` hangs (through compounds and modifiers) from the name or words already taken."""
    t = tok
    for _ in range(TITLE_MAX_WORDS + 2):
        if t.head.i in targets or t.head.i == name_head:
            return True
        if t.head is t or t.head.i < tok.i:
            return False
        t = t.head
    return False


def _appositions(head: Token):
    """The nouns in apposition to a name, either way round ("Jones, a defenceman" / "the captain, Ortiz")."""
    for c in head.children:
        if c.dep_ == "appos":
            yield c
    # (a capitalised title too: "The Ogun State Governor, Prince Dapo Bello,")
    if head.dep_ == "appos" and (head.head.pos_ in ("NOUN", "NUM") or _is_title_word(head.head)):
        yield head.head
        # ("Seeb’s captain, the 35-year-old defender Saleh Al-Amri,": the name hangs on the
        # description that is itself in apposition to the role before it; both are the name's)
        outer = head.head.head
        if head.head.dep_ == "appos" and outer.pos_ == "NOUN" and outer.lower_ in PERSON_NOUNS and outer.i < head.head.i:
            yield outer
    elif head.dep_ == "appos" and head.head.dep_ == "pobj":
        # ("The Archbishop of Honiara, Peter Tovua,", "The organiser of the … Union in Rundu, Matheus
        # Hamutenya,": the parse hangs the name on the last noun of the phrases after the role)
        t = head.head
        for _ in range(APPOSITION_PREP_DEPTH):
            if t.dep_ != "pobj" or t.head.dep_ != "prep":
                return
            t = t.head.head
            if _is_title_word(t) or (t.pos_ == "NOUN" and t.lower_ in PERSON_NOUNS):
                yield t
                return


def _noun_role(doc: Doc, index: ActorIndex, noun: Token, how: str) -> Role | None:
    if noun.pos_ == "NUM":
        if noun.like_num and noun.text.isdigit() and MIN_AGE <= int(noun.text) <= MAX_AGE and noun.ent_type_ in ("DATE", "CARDINAL", ""):
            return Role("", (), noun.idx, noun.idx + len(noun.text), how, int(noun.text))
        return None
    if noun.pos_ != "NOUN" and not _is_title_word(noun):
        return None
    inside = index.mention_at(noun.i)
    if inside is not None and not (_is_title_word(noun) and inside.actor is not None and inside.actor.type == "organization"):
        # (the recogniser takes "The Anglican Archbishop of Honiara, Peter Tovua," for a body:
        # its title word is still the role of the name in apposition)
        return None
    if noun.lower_ in ROLE_IGNORED_WORDS:
        return None
    # ("nmod": the parser's link for "vice" in "vice presidential nominee")
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    words = tuple(_word(t.text) for t in sorted(mods + [noun], key=lambda t: t.i))
    first = min([noun] + mods, key=lambda t: t.i)
    start, end = first.idx, noun.idx + len(noun.text)
    age = age_of(doc[first.i : noun.i + 1].text)
    head_word = "" if age is not None and noun.lower_ == "old" else phrase_head([t.text for t in mods if t.i == noun.i - 1] + [noun.lemma_ if noun.tag_ == "NNS" else noun.text])
    return Role(head_word, words, start, end, how, age)
