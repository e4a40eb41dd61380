"""The coreference reading of a page as it stood at a paragraph boundary, kept for the page's next version.

The reading (`engine.coref.Coreference._read_through`) goes through the document in order, and what
it holds when it reaches a token (the referents of every sentence before, the pronouns and
descriptions resolved, the genders learnt, the rank of each sentence of the narrative) depends on
the tokens before it and on a few facts of the whole page that it consults: which actor each
mention before it belongs to, and of each of those actors its name, type, kind, the gender the page
gives it, its roles (stated anywhere on the page), whether it is named often enough to be
prominent, the other words of the names its role words are part of (`_name_partners`); and which
tokens before it are quoted or a speech verb's subject. A live blog's next version is the same page
with a new entry at the end, so all of that is most often the same up to the old page's last
paragraph, and the reading there can be taken as it was instead of being done again.

So a reading saves its state at the start of the document's last paragraph (`MARKS`) as it passes
it, and at the end of the analysis where it stopped (a reading goes only as far as its questions
need, and the next version's asks at least as much), under the exact text and annotations of every
paragraph it has read into (`engine.local` paragraph keys) and which of their tokens are quoted;
with it the facts above as they were, made as the state is saved (the page's first analysis pays
for them, not its next version's, whose time is the one the reader waits for; a state saved while
its analysis is under way, as a reading passes a mark, is copied then and its facts made once the
analysis is over, after the reply in a worker: `Checkpoints.save`). A reading of a
new document starts from a saved state only when those facts, read from the new document, are
equal to the saved ones; the actors it holds are then those of the new document (matched by the
order in which the text first names them: their ids may differ). Anything else, an entry inserted
at the top, an edit in the middle, a role the new entry gives an actor named before, a mention that
makes an actor prominent, finds no equal state and reads from the start, as before. One change is
let through: a person named before who had no gender and now has one from an honorific title
("Mr. Okonjo" in a new entry, live pages' commonest fact change), when no step of the reading would
have gone otherwise under that gender (`_relaxed`, which gives the argument). The questions
asked of a reading (`compatible`, `pronoun_other_than`, which may read ahead to settle a gender)
are not part of its state: a reading answers them the same whatever it was resumed from. A state
found is restored when the reading is first read on or asked, not when it is made
(`Coreference._take_up`), and in a worker that replies early the analysis's own states are saved
after its reply (`hand_over`, `engine.idle`).

The store is bounded (`KEPT_TOKENS`, least recently used out); `tests/engine/test_checkpoints.py` checks
live pages version after version against from scratch.
"""

from __future__ import annotations

import hashlib
import weakref
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .local import paragraphs_of

if TYPE_CHECKING:
    from .coref import Coreference

# Boundaries a reading saves its state at: the starts of the document's last MARKS paragraphs (a
# new entry at the end changes the last paragraph's ending too, `server.foresight`: the state at its
# start is the one the next version takes up).
MARKS = 1
# Saved states per process, weighed by the tokens they have read: a state costs some 20 bytes a
# token (its referents and resolutions, the old page's actors and their mentions, and its facts; the
# states of one page share the actors), measured at ~315 kB for a 3,000-word page and its update
# (everything the store reaches), so 1-2 MB in all; the notes `_relaxed` reads add some 4 bytes a token
# (measured on the bench's pages: 2-7 kB of genders noted per state, and the 1-17 kB set of heads its
# role index was asked for, shared by the states of one reading). A page too long for half of it is not saved: it would only push the
# others out.
KEPT_TOKENS = 60_000
# Saved states after the same paragraphs: one per reading (the article's, the nested quotations').
KEPT_PER_KEY = 2

_kept: OrderedDict[bytes, list["_State"]] = OrderedDict()  # paragraphs read → the states saved after them
_kept_tokens = 0
_open: list["Checkpoints"] = []  # the readings of the analysis under way (`close`)
# The states saved while their analysis was under way whose facts are not made yet, with how to make them (`_make_facts`).
_unmade: list[tuple] = []
# How many readings started from a saved state, for tests and the bench's details.
resumed = 0
# The latest index's `_read_of_index`, by place read (held weakly: the index goes with its analysis).
_index_reads: tuple = (lambda: None, {})


@dataclass
class _Page:
    """What a reading consults of the whole page, as it was (`_facts` reads it)."""

    index: object  # the ActorIndex
    roles: object  # the RoleIndex
    kind: dict
    given: dict  # the genders the page gives
    mention_starts: dict
    speech_subjects: list  # sorted
    partners: dict | None  # `Coreference._name_partners`, when the reading had read it
    tokens: int  # where the paragraphs read end
    chars: int


@dataclass
class _State:
    quoted: bytes  # which tokens of the paragraphs read the reading takes for quoted
    facts: tuple | None  # what the reading consulted of the whole page (`_facts`); None until made (`Checkpoints.save`)
    actors: list  # the actors named before the mark, in the order the text first names them
    next: int  # the mark: the first token not read
    referents: list  # per sentence before the mark
    resolved: dict
    narrative_rank: dict
    last_referent: dict  # actor id → sentence
    pronoun_gender: dict  # actor id → the gender of the latest "he"/"she" read as it
    gender: dict  # actor id → the gender as the reading knew it at the mark, for `actors`
    # actor id → the genders that page giving it from the start would have changed a step of the
    # reading (`Coreference._forbid`), None when not known; and the heads its role index was asked
    # for (`RoleIndex.asked`, the same set: complete once that analysis is over): `_relaxed` reads both
    forbid: dict | None = None
    asked: set | None = None
    origin: object = None  # the reading that saved it (`Checkpoints.origin`)


class Checkpoints:
    """One reading's link to the store: the marks where it saves its state, and their keys."""

    def __init__(self, coref: Coreference):
        paras = paragraphs_of(coref.doc)
        self._coref = coref
        self._firsts = [p.first for p in paras]
        self._starts = [p.start for p in paras] + [len(coref.text)]
        # the digest of the paragraphs before each boundary (and of them all, last)
        self._prefix = prefixes(coref.doc)
        self.marks = [f for f in self._firsts[max(1, len(paras) - MARKS) :] if 0 < f < len(coref.doc)]
        self._saved: set[int] = set()
        # who this reading is, and whose saved state it started from: `engine.replay` replays only
        # what the reading that saved the state found (its facts are the ones checked equal)
        self.origin = object()
        self.resumed_from: object | None = None
        # the genders the page gives, before the reading learns any (the reading's own are its state)
        self._given = dict(coref.gender)
        # (what `facts` makes once per reading: the roles, kinds and genders above are fixed once it is made)
        self._rows: dict = {}
        self._subjects: list[int] | None = None
        if _open and _open[0]._coref.doc is not coref.doc:
            _open.clear()  # (a reading made outside an analysis: `close` was never called)
        _open.append(self)

    def resume(self) -> None:
        """Starts the reading from a saved state equal to what it would hold there, if there is one."""
        global resumed
        coref = self._coref
        n = len(self._firsts)
        for c in range(n, 0, -1):  # (the latest first; a lookup is a hash's)
            states = _kept.get(self._prefix[c])
            for state in states or ():
                tokens, chars = self._bounds(state.next)
                if state.next > len(coref.doc) or state.quoted != bytes(coref.in_quote[:tokens]):
                    continue
                if state.facts is None:
                    _make_facts()  # (saved earlier in this analysis, its facts not made yet: `save`)
                    if state.facts is None:
                        continue
                partners = coref._name_partners if state.facts[2] is not None else None
                facts, actors = self.facts(tokens, chars, partners)
                given = None
                if facts != state.facts:
                    given = _relaxed(state, facts, actors, coref.roles)
                    if given is None:
                        continue
                _kept.move_to_end(self._prefix[c])
                # (restored when the reading is first read or asked, `Coreference._take_up`; where it
                # stands is known now: the replayed quotations go as far, `engine.replay`)
                coref._pending = (state, actors, given)
                coref._next = state.next
                self.resumed_from = state.origin
                resumed += 1
                return

    def reach(self, stop: int) -> None:
        """Called as the reading is asked to read on to `stop` (excluded): reads to each mark before
        it first, and saves the state there (and at a mark the reading stands at, if not saved yet)."""
        coref = self._coref
        for mark in self.marks:
            if mark in self._saved or mark > stop:
                continue
            if coref._next < mark < stop:
                coref._read_through(mark - 1)
            if coref._next == mark:
                self.save()

    def save(self) -> None:
        """Saves the state of the reading where it stands (once per place).

        Its facts are made at once, or, for a state saved while the analysis is under way (a
        reading passing a mark, `reach`), after it (`_make_facts`): the facts read only what is
        fixed once the reading is made (the page's actors, mentions, roles, kinds, given genders,
        speech subjects) and whether the reading had read `_name_partners` when it saved, which
        is noted now; so they are the facts made now, whenever they are made. A state whose facts
        are not made is never taken up (`resume` makes them first), and they are made before any
        other save, at `close`, and after the reply by the idle work's first save (`engine.idle`)."""
        _make_facts()
        coref = self._coref
        global _kept_tokens
        mark = coref._next
        if mark <= 0 or mark in self._saved or mark > KEPT_TOKENS // 2:
            return
        self._saved.add(mark)
        coref._take_up()  # (a state resumed from and not restored yet: `_state` reads the reading's state)
        tokens, chars = self._bounds(mark)
        state = _state(coref, mark, tokens, chars, self.actors)
        if state is None:
            return
        state.origin = self.origin
        partners = coref.__dict__.get("_name_partners")  # (whether the reading had read them: as it is now)
        if self in _open:
            _unmade.append((state, lambda: self.facts(tokens, chars, partners)[0]))
        else:
            state.facts = self.facts(tokens, chars, partners)[0]
        key = self._prefix[bisect_left(self._firsts, mark)]  # (the paragraphs with tokens read)
        old = _kept.pop(key, [])
        states = ([s for s in old if s.quoted != state.quoted] + [state])[-KEPT_PER_KEY:]
        _kept[key] = states
        _kept_tokens += sum(s.next for s in states) - sum(s.next for s in old)
        while _kept_tokens > KEPT_TOKENS:
            _, dropped = _kept.popitem(last=False)
            _kept_tokens -= sum(s.next for s in dropped)

    def actors(self, tokens: int, chars: int) -> list:
        """The actors `facts` would give (those first named before `chars`), without the facts."""
        return _actors_before(_Page(self._coref.index, None, None, None, self._coref.mention_starts, [], None, tokens, chars))

    def facts(self, tokens: int, chars: int, partners: dict | None) -> tuple[tuple, list]:
        """`_facts` of this reading's page before token `tokens` (character `chars`): the part of each
        actor's row that does not depend on the place made once per reading, and its speech
        subjects sorted once (a reading looks up its resumed state at one place, saves at another)."""
        coref = self._coref
        if self._subjects is None:
            self._subjects = sorted(coref.speech_subjects)
        return _facts(_Page(coref.index, coref.roles, coref.kind, self._given, coref.mention_starts, self._subjects, partners, tokens, chars),
                      self._rows)

    def _bounds(self, mark: int) -> tuple[int, int]:
        """The token and the character where the paragraphs with tokens before `mark` end: `mark`
        itself at a paragraph's start; the end of its paragraph when the reading stopped inside one,
        whose later tokens the reading of the earlier ones may look at (a head, a mention there)."""
        c = bisect_left(self._firsts, mark)
        return (self._firsts[c] if c < len(self._firsts) else len(self._coref.doc)), self._starts[c]


_PREFIXES_KEY = "claimlight.paragraph_prefixes"


def prefixes(doc) -> list[bytes]:
    """The digest of the paragraphs (`engine.local` keys) before each paragraph of `doc`, and of
    them all, last: the key of what a reading saves at a boundary. Made once per document: both
    readings and both replay sessions of an analysis key by the same."""
    got = doc.user_data.get(_PREFIXES_KEY)
    if got is None:
        got = []
        h = hashlib.blake2b(digest_size=16)
        for p in paragraphs_of(doc):
            got.append(h.digest())
            h.update(p.key)
        got.append(h.digest())
        doc.user_data[_PREFIXES_KEY] = got
    return got


def readings() -> list[Coreference]:
    """The readings of the analysis under way (`engine.idle` reads them on to their marks once the
    analysis's reply is out, for the page's next version)."""
    return [cp._coref for cp in _open]


def close() -> None:
    """The end of an analysis: each of its readings saves its state where it stopped, for the
    page's next version, whose reading will go at least as far (see the module docstring)."""
    closing = list(_open)
    _open.clear()  # (the analysis is over: these states' facts are made as they are saved)
    for cp in closing:
        cp.save()


def hand_over() -> list[Checkpoints]:
    """The readings of the analysis under way, no longer this module's to save at `close`: the
    caller saves each (`Checkpoints.save`) where it stopped, after the analysis's reply is out
    (`engine.idle`); the first such save also makes the facts of the states saved during the
    analysis (`_make_facts`). A state saved then is the one `close` would have saved: the reading does not
    move between the two (only a reading's own reading moves it, and the analysis is over)."""
    handed = list(_open)
    _open.clear()
    return handed


def _read_of_index(page: _Page) -> tuple[list, tuple, dict]:
    """The actors named in the paragraphs read, in the order they are first named, and the mentions of their tokens, as the
    facts hold them; and each of those actors' mentions as `_named_at` reads them. Made once per
    index and place, since both readings of a document (the article's and the nested quotations',
    `engine.nested`) ask for the same; and what does not depend on the place (the actors and the
    mentions in their order) once per index, each place taking a prefix of it: a reading's resumed
    state and the one it saves are at two places of the same index."""
    global _index_reads
    held, memo = _index_reads
    if held() is not page.index:
        memo = {}
        _index_reads = (weakref.ref(page.index), memo)
    key = (page.tokens, page.chars)
    got = memo.get(key)
    if got is None:
        firsts, ordered, ts, ats, named_at = _whole_index(page, memo)
        actors = ordered[: bisect_left(firsts, page.chars)]
        seen = {id(a): n for n, a in enumerate(actors)}
        mentions = tuple(
            (t, m.start, m.end, m.token_start, m.token_end, m.label, m.text, seen.get(id(m.actor)))
            for t, m in ats[: bisect_left(ts, page.tokens)]
        )
        got = memo[key] = (actors, mentions, named_at)
    return got


def _whole_index(page: _Page, memo: dict) -> tuple:
    """What `_read_of_index` makes once per index, whatever the place (`memo`: its memo of that index)."""
    whole = memo.get(None)
    if whole is None:
        # (by where each is first named, then its name: the sort is stable, so ties keep the index's order,
        # as a sort of only the actors first named before a place would; a prefix of this order is that sort)
        starts_of = page.mention_starts
        actors = sorted((a for a in page.index.actors if starts_of.get(a.id)), key=lambda a: (starts_of[a.id][0], a.name))
        ats = sorted(page.index.by_token.items())  # (token numbers are unique: mentions never compared)
        whole = memo[None] = ([starts_of[a.id][0] for a in actors], actors, [t for t, _ in ats], ats,
                              {a.id: tuple(sorted((m.start, m.end, m.text) for m in a.mentions)) for a in actors})
    return whole


def _actors_before(page: _Page) -> list:
    """The actors of `_read_of_index(page)`, without its mentions."""
    global _index_reads
    held, memo = _index_reads
    if held() is not page.index:
        memo = {}
        _index_reads = (weakref.ref(page.index), memo)
    got = memo.get((page.tokens, page.chars))
    if got is not None:
        return got[0]
    firsts, ordered, *_ = _whole_index(page, memo)
    return ordered[: bisect_left(firsts, page.chars)]


def _make_facts() -> None:
    """The facts of the states saved while their analysis was under way (`Checkpoints.save`),
    made now; a state whose facts cannot be made is dropped from the store (the next version then
    reads from the start, as without it)."""
    global _kept_tokens
    while _unmade:
        state, make = _unmade.pop(0)
        try:
            state.facts = make()
        except Exception:
            for key, states in list(_kept.items()):
                if state in states:
                    states.remove(state)
                    _kept_tokens -= state.next
                    if not states:
                        del _kept[key]


def _facts(page: _Page, rows: dict | None = None) -> tuple[tuple, list]:
    """What the reading of the paragraphs before token `page.tokens` (character `page.chars`)
    consults of the whole page, actors by the order they are first named in; and those actors.
    The other words of names (`_name_partners`) only when the reading had read them: one that had
    not, did not consult them before where it stood, nor will the same reading of the same words.

    `rows`: what one reading has made of its actors (`Checkpoints._rows`), all but where they are
    named, which is the only part that depends on the place: the rest reads the actor, the page's
    roles, kinds and given genders, all fixed for a reading once it is made (its own genders, which
    it learns as it reads, are its state, not these)."""
    from .coref import PROMINENT_MENTIONS
    from .role_index import normalise

    tokens, chars = page.tokens, page.chars
    actors, mentions, named_of = _read_of_index(page)
    rows = {} if rows is None else rows
    about = []
    words: set[str] = set()
    for a in actors:
        row = rows.get(a.id)
        if row is None:
            roles = tuple(page.roles.roles(a))
            row = rows[a.id] = ((a.name, a.type, a.gender, page.kind.get(a.id), page.given.get(a.id), len(a.mentions) >= PROMINENT_MENTIONS, roles),
                                {normalise(w) for r in roles for w in r.words})
        words |= row[1]
        # (its mentions in the paragraphs read, as `_named_mention` reads them, whether or not the
        # index found them at their tokens: sorted by start first, so those before `chars` are a prefix)
        named = named_of[a.id]
        about.append((*row[0], named[: bisect_left(named, (chars,))]))
    partners = page.partners
    named = None if partners is None else tuple(sorted((w, tuple(sorted(partners[w]))) for w in words if w in partners))
    subjects = tuple(page.speech_subjects[: bisect_left(page.speech_subjects, tokens)])
    return (mentions, tuple(about), named, subjects), actors


def _state(coref: Coreference, mark: int, tokens: int, chars: int, actors_of) -> _State | None:
    """The reading's state at `mark`, its facts not made yet (`Checkpoints.save` makes them: not
    when a lookup first finds the state, for the page's next version would pay for them, and its
    analysis is the one that must be quick, `bench.live`)."""
    actors = actors_of(tokens, chars)
    ids = {a.id for a in actors}
    n = coref.sent_of[mark] if mark < len(coref.doc) else len(coref.sents)
    # (the lists of the sentences before the mark's are complete, and a reading only ever adds to its
    # current sentence's: the mark's own, which may be read in part, is copied)
    referents = [*coref.referents[:n], *(list(rs) for rs in coref.referents[n : n + 1])]
    held = {r.actor.id for rs in referents for r in rs if r.actor is not None}
    held |= {res.actor.id for res in coref.resolved.values() if res.actor is not None}
    if not held <= ids:
        return None  # (a reading holds only actors named before where it stands: else it is not this one)
    forbid = coref._forbid
    return _State(bytes(coref.in_quote[:tokens]), None, actors, mark, referents, dict(coref.resolved), dict(coref.narrative_rank),
                  {k: s for k, s in coref._last_referent.items() if k in ids},
                  {k: g for k, g in coref._pronoun_gender.items() if k in ids}, {k: coref.gender.get(k) for k in ids},
                  None if forbid is None else {k: f for k, f in forbid.items() if k in ids}, coref.roles.asked)


def _relaxed(state: _State, facts: tuple, actors: list, roles) -> tuple[int, str] | None:
    """Whether a saved reading holds for a page whose facts differ from its own only in this: one
    actor, named before the mark, that had no gender has one now, `g`, from an honorific title the
    page now gives it ("Mr. Okonjo" in a new entry), and nothing else of it, of anyone else or of the
    page the reading consults is otherwise. Then (its number in the order of `actors`, `g`); else None.

    The argument. The reading learns nothing of that actor X's gender from the title but the gender
    itself (`Coreference._gender_evidence`), so the new page's reading differs from the old one only
    where a step of it reads X's gender: the genders given at the start (`gender`), and the gender of
    X's referents, which is the one known when each was made or passed on from one. Every such step
    notes the genders under which it would have gone otherwise (`Coreference._gender_read`: whether a
    referent agrees with a gendered pronoun, the gain of a known gender among the pronoun's
    candidates, a description of a gender, a spouse, an epithet); if none noted `g` for X, each step
    goes the same, step by step, and the two readings differ only in what is stored of X's gender:
    X's referents of a person with no gender take `g` (an actor's referent is made with the gender
    then known, and passes it on to the pronouns read as it; one made after the old reading learnt
    X's gender has the one learnt, which is `g`, or the step that learnt it would have noted the
    other), and X's gender is `g` (`_restore`). A reading taken up so notes nothing sure of the
    old steps under the new gender: it keeps no notes (`Coreference._forbid` None).

    The title: an honorific ("Mr.", "Dr."), with no age, added to X's roles. A reading reads roles
    through lookups by head (`RoleIndex.with_head`: a description's candidates and their roles'
    words, `_latest`; SpeakerFinder's, which the replayed quotations read), by age (unchanged), and,
    for one actor, its heads (no organisation or company word in an honorific: `_may_be_company`, and
    `_other_role` leaves honorifics out) or whether it has any (`_gender_settled`, a question: it
    decides only how far the reading reads, never what). So if no head X is listed under was asked
    for by the old analysis (`RoleIndex.asked`, all of it), no step read X's roles."""
    from .lexicon import COMPANY_NOUNS, HONORIFIC_TITLES, ORG_NOUNS
    from .role_index import TITLE

    if state.forbid is None or state.asked is None:
        return None
    old_mentions, old_about, old_named, old_subjects = state.facts
    mentions, about, named, subjects = facts
    if mentions != old_mentions or named != old_named or subjects != old_subjects or len(about) != len(old_about):
        return None
    changed = [k for k, (a, b) in enumerate(zip(about, old_about)) if a != b]
    if len(changed) != 1:
        return None
    k = changed[0]
    name, kind_of, gender, kind, given, prominent, got_roles, named_at = about[k]
    was = old_about[k]
    if (name, kind_of, kind, prominent, named_at) != (was[0], was[1], was[3], was[5], was[7]):
        return None
    if gender is None or given != gender or was[2] is not None or was[4] is not None:
        return None
    added = [r for r in got_roles if r not in was[6]]
    if any(r not in got_roles for r in was[6]) or len(got_roles) != len(was[6]) + len(added):
        return None
    if not all(r.how == TITLE and r.age is None and r.words[-1:] and r.words[-1] in HONORIFIC_TITLES
               and r.head not in ORG_NOUNS and r.head not in COMPANY_NOUNS for r in added):
        return None
    if gender in state.forbid.get(state.actors[k].id, ()):
        return None
    actor = actors[k]
    if any(h in state.asked and any(a is actor for a in listed) for h, listed in roles.by_head.items()):
        return None
    return k, gender


def _restore(coref: Coreference, state: _State, actors: list, given: tuple[int, str] | None = None) -> None:
    """The saved state, its actors those of `coref`'s document (`actors`, in the same order); with
    `given` (the number of an actor in that order, and a gender, `_relaxed`), as the reading would
    be had the page given that actor that gender from the start: its referents of a person that
    have no gender (made before the old reading knew one, or passed on from such) take it."""
    new = {id(old): a for old, a in zip(state.actors, actors)}
    ids = {old.id: a.id for old, a in zip(state.actors, actors)}
    changed, gender = (state.actors[given[0]], given[1]) if given is not None else (None, None)

    def referent(r):
        if r.actor is None:
            return r
        copy = _with_actor(r, new[id(r.actor)])
        fields = r.__dict__  # (a Referent's; a Resolution has no gender)
        if r.actor is changed and fields.get("gender", "") is None and fields.get("kind") == "person":
            copy.__dict__["gender"] = gender
        return copy

    for s, rs in enumerate(state.referents):
        coref.referents[s] = [referent(r) for r in rs]
    coref.resolved.update((i, referent(res)) for i, res in state.resolved.items())
    coref.narrative_rank.update(state.narrative_rank)
    coref._last_referent.update((ids[k], s) for k, s in state.last_referent.items())
    coref._pronoun_gender.update((ids[k], g) for k, g in state.pronoun_gender.items())
    for k, g in state.gender.items():
        coref.gender[ids[k]] = g
    if changed is not None:
        coref.gender[ids[changed.id]] = gender
    # (what was noted under the old genders says nothing sure of a reading under the new one)
    coref._forbid = None if changed is not None or state.forbid is None else {ids[k]: f for k, f in state.forbid.items()}
    coref._next = state.next


_new_object = object.__new__


def _with_actor(saved, actor):
    """A copy of a saved `Referent` or `Resolution` (frozen dataclasses: fields in the instance's
    dict, an `__init__` that only sets them, no `__post_init__`) with another actor: its fields
    copied as they are instead of set one by one through the frozen class's `__setattr__` guard,
    which made the restore of a long page's referents cost more than its lookups."""
    copy = _new_object(type(saved))
    fields = copy.__dict__
    fields.update(saved.__dict__)
    fields["actor"] = actor
    return copy


def forget() -> None:
    """Drops every saved state of this process."""
    global _kept_tokens
    _kept.clear()
    _unmade.clear()
    _kept_tokens = 0
