"""The old quotations' attribution of a page's previous version, replayed for its next version.

A live blog's next version is the old page with an entry at its end. The coreference reading then
starts from the state it saved at a paragraph boundary (`engine.checkpoints`: taken up only when
the paragraphs before it, which of their tokens are quoted, and every fact of the whole page the
reading consults about the actors named before it are equal). The strategies (`CHAIN`) would then
run again for every old quotation and find what they found before. They are replayed instead, when
everything each strategy reads is provably what it read the first time. The audit, strategy by
strategy (`READS` holds it; `tests/engine/test_replay.py` fails on a strategy not classed there):

  answer             QUOTATION: the Answer's speaker, settled by the transcript's layout of the
                     whole page: compared, by the order the text first names actors, with the old one
  dash_name          NEXT_PARAGRAPH: its paragraph, and the line after it (a block quotation's
                     citation): replayed only a paragraph short of the boundary
  named_after        NEXT_PARAGRAPH: its paragraph, and the first sentence of the next one
  cue_before, governing_cue, cue_after, cue_earlier, according_to, label, colon_subject,
  governing_subject, previous_subject, next_subject
                     PARAGRAPH: the words, parse and quoted tokens of its own sentence and paragraph
  colon_paragraph, paragraph_before
                     PARAGRAPH: and of the paragraph before it
  reply, continuation
                     SEQUENCE: the quotations before it and their speakers (`Context.last`,
                     `Attributor.speakers`), themselves replayed or attributed in order;
                     continuation also the words of its paragraph and of the two before it
                     (a quick exchange's turns: all before the boundary, whose digest covers them)

Every strategy that names a speaker does it through `SpeakerFinder` (`Context.speaker`,
`Context.from_cue`), which reads the actor index at the tokens it looks at (mentions, their actors'
names, types, roles, mentions before the token: all in the checkpoint's facts for the tokens before
the boundary), and the coreference reading. Of the reading it asks two kinds of thing (`COREF_ASKS`):
what a pronoun or a description before the boundary stands for (`pronoun`, `description`: the
reading's state, saved and taken up by the checkpoint), and questions whose answer may read the
rest of the page (`compatible`, which may read on to settle a gender; `singular_they`, which weighs
an actor's titles in all its mentions). The questions are recorded with their answers as the old
version asks them, asked again in the same order as the replay goes, and a quotation is replayed
only if each answer is the same (asking them again also leaves the reading as the strategies
would: how far it has read, the genders it has settled). A quotation's strategies see the list of
quotations around it, so all the quotations starting before the replay's limit must be the same
(their places, kinds and answers' speakers); the quotations that are not speech are found afresh.

What is replayed: the quotations ending before the page's second last paragraph (the checkpoint
is at the start of the last one, whose end an entry may change; a citation line after a quotation
may be the paragraph after its own), up to the first whose record differs; the echoes (a headline
quoting the body) are found afresh over every result. The records are kept per process, bounded by
bytes (`KEPT_BYTES`, least recently used out), under the digest of the paragraphs before the
boundary (the checkpoints' key), with the reading that saved the state (`Checkpoints.origin`): the
facts checked equal on the next version are that reading's, so only its records are replayed, and
only as far as the paragraphs those facts cover (a reading saves where it stopped, which may be
before the last paragraph), with only the actors named there.

The quotations nested in others (`engine.nested`) are replayed the same way by their own session
(`nested._Replay`: their own reading and store, the outer quotation and its speaker in each key).
Their reading's questions leave state a later question reads (`Coreference._whole_genders`, set by
`compatible`, read by `pronoun_other_than`): all three kinds are recorded and asked again in order,
so a replayed quotation leaves the reading as its strategies would have.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections import OrderedDict
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .checkpoints import prefixes
from .local import paragraphs_of
from .speakers import Speaker

if TYPE_CHECKING:
    from .attribution import Attributor, Context, Found

QUOTATION = "quotation"
PARAGRAPH = "paragraph"
NEXT_PARAGRAPH = "next paragraph"
SEQUENCE = "sequence"

# What each strategy of CHAIN reads besides what SpeakerFinder reads (see above).
READS: dict[str, str] = {
    "answer": QUOTATION,
    "dash_name": NEXT_PARAGRAPH,
    "cue_before": PARAGRAPH,
    "governing_cue": PARAGRAPH,
    "cue_after": PARAGRAPH,
    "cue_earlier": PARAGRAPH,
    "according_to": PARAGRAPH,
    "colon_paragraph": PARAGRAPH,
    "label": PARAGRAPH,
    "colon_subject": PARAGRAPH,
    "reply": SEQUENCE,
    "governing_subject": PARAGRAPH,
    "previous_subject": PARAGRAPH,
    "next_subject": PARAGRAPH,
    "named_after": NEXT_PARAGRAPH,
    "paragraph_before": PARAGRAPH,
    "continuation": SEQUENCE,
}
# What the attribution asks of the coreference reading: its state, or questions asked again.
COREF_ASKS: dict[str, str] = {"pronoun": "state", "description": "state", "compatible": "question", "singular_they": "question",
                              "pronoun_other_than": "question"}  # (the last: the nested quotations', `engine.nested`)

# What the records of each store may take per process, as `_weight` counts them: about 2,400 quotations, the old
# quotations of some twenty 3,000-word live pages.
KEPT_BYTES = 1 * 2**20
# A quotation's key, and its record, with what they hold (measured: 175 kB for the 407 quotations of
# three bench pages, their strings copied, so an upper bound); a question's entry in a record.
_RECORD_BYTES = 220
_QUESTION_BYTES = 100



class _Store:
    """Records by prefix digest → (the reading that made them, quotations' keys, records), bounded by
    KEPT_BYTES, least recently used out: one store per reading (the article's, the nested quotations')."""

    def __init__(self):
        self.kept: OrderedDict[bytes, tuple] = OrderedDict()
        self.weight = 0

    def put(self, key: bytes, value: tuple) -> None:
        old = self.kept.pop(key, None)
        if old is not None:
            self.weight -= _weight(old)
        self.kept[key] = value
        self.weight += _weight(value)
        while self.weight > KEPT_BYTES and self.kept:
            _, dropped = self.kept.popitem(last=False)
            self.weight -= _weight(dropped)

    def clear(self) -> None:
        self.kept.clear()
        self.weight = 0


_article = _Store()
_nested = _Store()
_kept = _article.kept  # (the article's records, as the tests read them)
# How many quotations were replayed, for tests and the bench's details.
replayed = 0


class _Unnamed(Exception):
    """An actor not among those named before the boundary: that record cannot be replayed."""


class _Asking:
    """The reading, with its questions (`COREF_ASKS`) recorded as they are asked."""

    def __init__(self, coref, order: dict[int, int]):
        self._coref = coref
        self._order = order
        self.log: list[tuple] = []
        self.unnamed = False

    def __getattr__(self, name):
        return getattr(self._coref, name)

    def _idx(self, actor) -> int | None:
        if actor is None:
            return None
        n = self._order.get(id(actor))
        if n is None:
            self.unnamed = True
        return n

    def compatible(self, tok, actor):
        got = self._coref.compatible(tok, actor)
        self.log.append(("compatible", tok.i, self._idx(actor), got))
        return got

    def singular_they(self, tok):
        res = self._coref.singular_they(tok)
        self.log.append(("singular_they", tok.i, None, None if res is None else (res.name, self._idx(res.actor), res.chain)))
        return res

    def pronoun_other_than(self, tok, actor):
        res = self._coref.pronoun_other_than(tok, actor)
        self.log.append(("pronoun_other_than", tok.i, self._idx(actor), None if res is None else (res.name, self._idx(res.actor), res.chain)))
        return res


class Session:
    """One Attributor.run: replays what is kept for its page, and keeps what it found for the next version."""

    _store = _article

    def __init__(self, at: Attributor):
        self.at = at
        self._records: tuple = ()
        self._actors: list = []  # the actors of the records, by their numbers there
        self._replay_order: dict[int, int] = {}
        self._replay_limit = -1  # only quotations ending before it are replayed
        self._covered = 0  # the records' actors numbered below it are the same on both versions
        self._next = 0  # the next record to replay
        self._new: list[tuple] = []
        self._recording = False
        paras = paragraphs_of(at.doc)
        self._prefix = prefixes(at.doc)
        # this version's limit, for its own records: the quotations ending before its second last paragraph
        self._limit = paras[-2].start if len(paras) >= 3 else -1
        self._order = {id(a): n for n, a in enumerate(_actors_named(at, paras[-1].start))} if self._limit > 0 else {}
        self._recording = self._limit > 0
        self._keys = self._quotation_keys(self._limit, self._order) if self._recording else None
        if self._keys is None:
            self._recording = False
        if at.quotations:
            self._take(paras)

    def _take(self, paras) -> None:
        coref = self.at.finder.coref
        if coref._next <= 0 or coref._checkpoints.resumed_from is None:
            return  # the reading starts from the beginning: nothing of the old page is taken up
        # the paragraphs whose facts the checkpoint checked: those with tokens the saved reading had read
        k = bisect_left([p.first for p in paras], coref._next)
        for c in range(len(paras) - 1, 1, -1):
            kept = self._store.kept.get(self._prefix[c])
            if kept is None:
                continue
            origin, keys, records = kept
            if origin is not coref._checkpoints.resumed_from:
                return  # another version's records: the facts checked equal are not theirs
            # (a quotation is replayed a paragraph short of both: the line after it is read too)
            limit = paras[min(c, k) - 1].start
            if min(c, k) < 2:
                return
            actors = _actors_named(self.at, paras[c].start)
            self._replay_order = {id(a): n for n, a in enumerate(actors)}
            if self._quotation_keys(limit, self._replay_order) != tuple(key for key in keys if key[1] < limit):
                return
            self._store.kept.move_to_end(self._prefix[c])
            self._records, self._actors, self._replay_limit = records, actors, limit
            # (the actors the checked facts are about: numbered alike on both versions)
            self._covered = len(actors) if k >= c else len(_actors_named(self.at, paras[k].start))
            return

    def _attempt(self, ctx: Context) -> tuple[str, Found] | None:
        """What the replay stands in for: the strategies run on `ctx`."""
        from .attribution import attribute

        return attribute(ctx)

    def _key(self, q, order: dict[int, int]) -> tuple:
        return _key(q, order)

    def _quotation_keys(self, limit: int, order: dict[int, int]) -> tuple | None:
        """The quotations that are speech starting before `limit`, as a replay compares them."""
        try:
            return tuple(self._key(q, order) for q in self.at.quotations if q.start < limit)
        except _Unnamed:
            return None

    def attribute(self, ctx: Context) -> tuple[str, Found] | None:
        """`self._attempt(ctx)`, replayed when its record holds (see the module docstring)."""
        attribute = self._attempt
        q = ctx.q
        record = self._records[self._next] if self._next < len(self._records) and q.end <= self._replay_limit else None
        try:
            key = self._key(q, self._replay_order)
        except _Unnamed:
            key = None
        if record is not None and record[0] == key:
            self._next += 1
            got = self._replay(record)
            if got is not _REFUSED:
                self._keep(q, record)
                return got
            self._records = ()  # asked again and answered otherwise: the rest is attributed as before
        else:
            self._records = ()
        if not (self._recording and q.end <= self._limit):
            return attribute(ctx)
        finder = self.at.finder
        real = finder.coref
        asking = finder.__dict__["coref"] = _Asking(real, self._order)
        try:
            got = attribute(ctx)
        finally:
            finder.__dict__["coref"] = real
        try:
            record = (self._key(q, self._order), _outcome(got, self._order), tuple(asking.log))
            if asking.unnamed:
                raise _Unnamed
        except _Unnamed:
            self._recording = False
            return got
        self._keep(q, record)
        return got

    def _replay(self, record: tuple):
        global replayed
        key, outcome, questions = record
        coref = self.at.finder.coref
        doc = self.at.doc
        used = [key[6], None if outcome is None else outcome[1][3], *(idx for _, _, idx, _ in questions)]
        used += [a[1] for kind, _, _, a in questions if kind != "compatible" and a is not None]
        if any(idx is not None and idx >= self._covered for idx in used):
            return _REFUSED
        for kind, i, idx, answer in questions:
            actor = None if idx is None else self._actors[idx]
            if kind == "compatible":
                got = coref.compatible(doc[i], actor)
            else:
                res = coref.singular_they(doc[i]) if kind == "singular_they" else coref.pronoun_other_than(doc[i], actor)
                got = None if res is None else (res.name, self._index_of(res.actor), res.chain)
            if got != answer:
                return _REFUSED
        replayed += 1
        if outcome is None:
            return None
        rule, (name, start, end, idx, chain), cue, cue_start = outcome
        from .attribution import Found

        return rule, Found(Speaker(name, start, end, None if idx is None else self._actors[idx], chain), cue, cue_start)

    def _index_of(self, actor) -> int | None:
        if actor is None:
            return None
        return self._replay_order.get(id(actor), -1)

    def _keep(self, q, record: tuple) -> None:
        if self._recording and q.end <= self._limit:
            self._new.append(record)

    def save(self) -> None:
        """Keeps this version's records for its next version."""
        coref = self.at.finder.__dict__.get("coref")
        if self._keys is None or not self._new or coref is None:
            return
        key = self._prefix[len(self._prefix) - 2]  # (the paragraphs before the last)
        self._store.put(key, (coref._checkpoints.origin, self._keys, tuple(self._new)))


_REFUSED = object()


def _weight(value: tuple) -> int:
    _, keys, records = value
    return _RECORD_BYTES * (len(keys) + len(records)) + _QUESTION_BYTES * sum(len(r[2]) for r in records)


def _actors_named(at: Attributor, chars: int) -> list:
    """The actors first named before `chars`, in the order the text first names them (as the
    checkpoints match a saved state's actors to a new page's): an actor's number in a record is its
    place here, the same for every boundary after it.

    The index's actors are put in that order once (both readings and every boundary ask of the
    same index): those first named before `chars` are a prefix of it, since it is sorted by where
    each is first named first (and the sort is stable, so ties keep the index's order either way)."""
    global _named_order
    held, firsts, ordered = _named_order
    if held() is not at.index:
        named = []
        for a in at.index.actors:
            first = min((m.start for m in a.mentions), default=None)
            if first is not None:
                named.append((first, a.name, a))
        named.sort(key=_first_and_name)
        firsts, ordered = [f[0] for f in named], [f[2] for f in named]
        _named_order = (weakref.ref(at.index), firsts, ordered)
    return ordered[: bisect_left(firsts, chars)]


def _first_and_name(f: tuple) -> tuple:
    return f[0], f[1]


# The latest index's actors in the order the text first names them, and where (`_actors_named`;
# held weakly: the index goes with its analysis).
_named_order: tuple = (lambda: None, [], [])


def _key(q, order: dict[int, int]) -> tuple:
    actor = getattr(q, "speaker_actor", None)
    if actor is not None and id(actor) not in order:
        raise _Unnamed
    return (type(q).__name__, q.start, q.end, q.closed, q.paragraph, q.marked, None if actor is None else order[id(actor)],
            getattr(q, "speaker_start", None), getattr(q, "speaker_end", None), getattr(q, "speaker_name", None))


def _outcome(got, order: dict[int, int]) -> tuple | None:
    if got is None:
        return None
    rule, found = got
    sp = found.speaker
    idx = None
    if sp.actor is not None:
        idx = order.get(id(sp.actor))
        if idx is None:
            raise _Unnamed
    return rule, (sp.name, sp.start, sp.end, idx, sp.chain), found.cue, found.cue_start


def kept_bytes() -> int:
    return _article.weight + _nested.weight


def forget() -> None:
    """Drops every record of this process."""
    _article.clear()
    _nested.clear()
