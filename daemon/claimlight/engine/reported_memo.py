"""Reported speech found paragraph by paragraph, and taken again from what was kept when the page
answers the rules' questions as it did.

A live page is analysed again on every change, and `engine.reported`'s rules ran over the whole page
each time: their matching (a verb's clause, its bounds, the many checks on the parse) is most of their
cost, and for an old paragraph it finds what it found before. What a rule finds in one paragraph
depends on two kinds of thing:

- the paragraph's own words and parse and those of its neighbours as far as a rule reads (a block
  quotation after a verb and its colon is the next paragraph), and which of their tokens are quoted:
  the window of `engine.local` (`window_at`, whole paragraphs, at least the next one) and the quoted
  flags of its tokens name them all, and are the key the paragraph's findings are kept under;
- what the rule asks of the page through the speaker finder: a verb's subject (`subject_of`, which
  reads the actor index), who a subject is (`speaker_for`: names, coreference, the whole page), the
  name a token is part of (`head_of_name`, `index.mention_at`), the object of "according to". These
  are the page-level state; a rule sees them only through a `_Recorder`, which asks the finder and
  writes down each question (its token, relative to the paragraph) with its answer's fingerprint
  (`_Fingerprints.of`: every field a rule may read of a token, a mention, a speaker or an actor,
  offsets relative to the paragraph).

So the page's next version asks the same questions again, in the order they were asked, and takes
the kept findings only if every answer's fingerprint is the same: the rule, given the same words
and the same answers, would have taken the same branches and found the same spans. Of those
questions, a verb's subject, the name a token is in and the object of "according to" read nothing
of the page but the window's parse, its quoted tokens and the actor index's entries at its tokens
(`ActorIndex.by_token`: each a mention, its bounds, label, title and actor's name, type and gender);
a digest of those entries is kept with the findings (`_mentions_by_paragraph`), and while it is the
same they are not asked again. Who a subject is reads the whole page (coreference, the actors'
names), so it is always asked again: the expensive part of the rules, their matching, is what is
saved. The speakers in
the findings are the answers just given (the kept finding names the question that gave its speaker),
so the findings are this page's objects, not the last version's. An answer that differs, a question
the recorder does not know (any other attribute of the finder or the index), a speaker that is no
answer and has an actor, a token answered outside the window: the rule runs again on the paragraph
(the fallback), and what cannot be checked is not kept.

The rules run rule after rule, each over the paragraphs in order, as the whole-page run did, so the
finder is asked the same questions in the same order from scratch, and a replay asks them again where
the run would have: coreference keeps state between questions (`engine.replay`'s docstring). A rule
whose run on a paragraph asked nothing and found nothing is not asked again. A page too long to keep
anything (`local.keeps`) is read by the rules over the whole document at once, as before.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import cached_property

from spacy.tokens import Doc, Token

from . import local
from .actors import ActorRecord, Mention
from .docview import token_list
from .local import paragraphs_of, window_at
from .speakers import Speaker

_NAME = "reported"
# The questions the parse, the quoted tokens and the actor index's entries of the window answer alone.
_INDEX_ONLY_QUESTIONS = ("subject_of", "head_of_name", "mention_at", "according_to")

# A kept rule's run on a paragraph: the questions it asked, (question, token relative to the
# paragraph, answer's fingerprint), and its findings, (their fields by `_FIELDS`, the speaker as the
# number of the question that gave it or as a speaker of no actor, offsets relative to the paragraph).
Record = tuple[tuple, tuple]

# The questions a rule may ask of the finder, and how they are asked again.
_ASK: dict[str, Callable] = {
    "subject_of": lambda finder, tok: finder.subject_of(tok),
    "speaker_for": lambda finder, tok: finder.speaker_for(tok, None),
    "head_of_name": lambda finder, tok: finder.head_of_name(tok),
    "according_to": lambda finder, tok: finder.according_to(tok),
    "mention_at": lambda finder, tok: finder.index.mention_at(tok.i),
}


# (kept as small numbers, which cost a kept record nothing)
_QUESTIONS = tuple(_ASK)
_CODE = {name: code for code, name in enumerate(_QUESTIONS)}
_ASKED = tuple(_ASK.values())
_TOKEN, _SPEAKER, _MENTION = 0, 1, 2
_INDEX_ONLY = frozenset(_CODE[name] for name in _INDEX_ONLY_QUESTIONS)


class _Unkeepable(Exception):
    """What a rule asked or found cannot be checked against the next version: not kept."""


def _actor(actor: ActorRecord | None) -> tuple | None:
    return None if actor is None else (actor.name, actor.type, actor.gender)


class _Fingerprints:
    """Answers as plain values relative to one paragraph (`base_char`, `base_token`), for tokens
    within its window [lo, hi)."""

    def __init__(self, in_quote: list[bool], base_char: int, base_token: int, lo: int, hi: int):
        self.in_quote, self.base_char, self.base_token, self.lo, self.hi = in_quote, base_char, base_token, lo, hi

    def of(self, answer) -> tuple | None:
        if answer is None:
            return None
        c, t = self.base_char, self.base_token
        kind = type(answer)
        if kind is Token:
            if not self.lo <= answer.i < self.hi:
                raise _Unkeepable()  # (its words are not in the key)
            return (_TOKEN, answer.i - t, self.in_quote[answer.i])
        if kind is Speaker:
            return (_SPEAKER, answer.name, answer.start - c, answer.end - c, tuple((a - c, b - c) for a, b in answer.chain), _actor(answer.actor))
        if kind is Mention:
            return (_MENTION, answer.start - c, answer.end - c, answer.token_start - t, answer.token_end - t, answer.label, answer.text,
                    answer.title, answer.stated, _actor(answer.actor))
        raise _Unkeepable()


class _Index:
    """The actor index as a rule sees it while recorded: `mention_at` asked and written down."""

    def __init__(self, recorder: "_Recorder"):
        self._recorder = recorder

    def mention_at(self, i: int):
        toks = token_list(self._recorder.doc)
        if not 0 <= i < len(toks):
            self._recorder.keepable = False
            return self._recorder.finder.index.mention_at(i)
        return self._recorder.ask("mention_at", toks[i])

    def __getattr__(self, name):
        self._recorder.keepable = False  # (read, but not checked next time)
        return getattr(self._recorder.finder.index, name)


class _Recorder:
    """The speaker finder a rule sees on one paragraph: every question passed on to the page's finder
    and written down with its answer's fingerprint."""

    def __init__(self, doc: Doc, finder, prints: _Fingerprints):
        self.doc, self.finder, self.prints = doc, finder, prints
        self.calls: list[tuple] = []
        self.speakers: dict[int, int] = {}  # id() of a Speaker answered → the question's number
        self.answers: list = []  # (kept alive, so that their id()s stay theirs)
        self.keepable = True

    def ask(self, name: str, tok: Token):
        answer = _ASK[name](self.finder, tok)
        if self.keepable:
            try:
                self.calls.append((_CODE[name], tok.i - self.prints.base_token, self.prints.of(answer)))
            except _Unkeepable:
                self.keepable = False
            if type(answer) is Speaker:
                self.speakers.setdefault(id(answer), len(self.calls) - 1)
            self.answers.append(answer)
        return answer

    @cached_property
    def index(self) -> _Index:
        # (made when a rule first reads it: most of a page's rule runs, some 24 a paragraph, never do)
        return _Index(self)

    def subject_of(self, verb: Token):
        return self.ask("subject_of", verb)

    def speaker_for(self, tok: Token, last_speaker: Speaker | None):
        if last_speaker is not None:
            self.keepable = False
            return self.finder.speaker_for(tok, last_speaker)
        return self.ask("speaker_for", tok)

    def head_of_name(self, tok: Token):
        return self.ask("head_of_name", tok)

    def according_to(self, tok: Token):
        return self.ask("according_to", tok)

    def __getattr__(self, name):
        self.keepable = False
        return getattr(self.finder, name)

    def record(self, found: list) -> Record | None:
        """The run's record, or None if it cannot be checked next time."""
        if not self.keepable:
            return None
        if not self.calls and not found:
            return _NOTHING  # (most rules on most paragraphs)
        try:
            return tuple(self.calls), tuple(self._finding(r) for r in found)
        except _Unkeepable:
            return None

    def _finding(self, r) -> tuple:
        c = self.prints.base_char
        out = []
        for name in _FIELDS:
            value = getattr(r, name)
            if name in _OFFSETS:
                out.append(value - c)
            elif name == "speaker":
                asked = self.speakers.get(id(value))
                if asked is not None:
                    out.append(asked)
                elif value.actor is None:  # a speaker the rule made of the words (a headline's "Poll")
                    out.append((value.name, value.start - c, value.end - c, tuple((a - c, b - c) for a, b in value.chain)))
                else:
                    raise _Unkeepable()
            elif value is None or type(value) is str:
                out.append(value)
            else:
                raise _Unkeepable()  # (a field this module does not know how to move)
        return tuple(out)


# The record of a run that asked nothing and found nothing.
_NOTHING: Record = ((), ())


def _replay(record: Record, doc: Doc, finder, toks, prints: _Fingerprints, make: type, same_mentions: bool) -> list | None:
    """The findings of `record` for this page, if each of its questions is answered as before (those
    the window's mentions answer are, when they are the same: `same_mentions`)."""
    calls, findings = record
    answers = []
    t = prints.base_token
    for code, i, expected in calls:
        if same_mentions and code in _INDEX_ONLY:
            answers.append(None)  # (never a speaker: only `speaker_for`'s answers are)
            continue
        answer = _ASKED[code](finder, toks[i + t])
        try:
            if prints.of(answer) != expected:
                return None
        except _Unkeepable:
            return None
        answers.append(answer)
    c = prints.base_char
    out = []
    for finding in findings:
        values = {}
        for name, value in zip(_FIELDS, finding):
            if name in _OFFSETS:
                value += c
            elif name == "speaker":
                if type(value) is int:
                    value = answers[value]
                else:
                    sname, start, end, chain = value
                    value = Speaker(sname, start + c, end + c, None, tuple((a + c, b + c) for a, b in chain))
            values[name] = value
        out.append(make(**values))
    return out


def by_paragraph_checked(doc: Doc, finder, in_quote: list[bool], rules: Sequence[Callable], verbs_of: Callable, whole: Callable) -> list:
    """Every rule's findings, rule after rule, each over the paragraphs in order (see the module
    docstring). `verbs_of(first, last, opening)`: what the rules start from in tokens [first, last);
    `whole()`: the same for the whole document, for a page too long to keep."""
    if not local.keeps(doc):
        verbs = whole()
        return [r for rule in rules for r in rule(doc, finder, in_quote, verbs)]
    paras = paragraphs_of(doc)
    toks = token_list(doc)
    n = len(rules)
    by_paragraph = _mentions_by_paragraph(finder.index, paras)
    flags = bytes(in_quote)  # (each window's quoted flags are a slice of it)
    keys, bounds, entries, mentions = [], [], [], []
    todo: list[list[int]] = [[] for _ in rules]  # by rule, the paragraphs it must look at
    for k, p in enumerate(paras):
        w = window_at(doc, k)
        lo, hi = paras[w.paragraphs.start].first, paras[w.paragraphs.stop - 1].last
        # (which of the window's tokens are quoted, digested: some 300 flags a window)
        key = (_NAME, w.key, hashlib.blake2b(flags[lo:hi], digest_size=16).digest())
        entry = local.kept(key)
        keys.append(key)
        bounds.append((p.start, p.first, lo, hi))
        # (the mentions of the window's paragraphs, each relative to its own paragraph)
        mentions.append(tuple(by_paragraph[j] for j in w.paragraphs) if by_paragraph is not None else None)
        entries.append(entry)
        for r in (range(n) if entry is None else (r for r, _ in entry[1])):
            todo[r].append(k)
    same = [e is not None and mentions[k] is not None and e[0] == mentions[k] for k, e in enumerate(entries)]
    changed = [e is None or not same[k] for k, e in enumerate(entries)]
    made: list[dict[int, Record | None]] = [dict(e[1]) if e is not None else {} for e in entries]
    verbs: dict[int, object] = {}
    prints: dict[int, _Fingerprints] = {}  # (made for the paragraphs some rule looks at)
    found = []
    for r, rule in enumerate(rules):
        for k in todo[r]:
            if k not in prints:
                prints[k] = _Fingerprints(in_quote, *bounds[k])
            record = made[k].get(r)
            got = _replay(record, doc, finder, toks, prints[k], _MAKE, same[k]) if record is not None else None
            if got is None:
                if k not in verbs:
                    verbs[k] = verbs_of(paras[k].first, paras[k].last, k == 0)
                recorder = _Recorder(doc, finder, prints[k])
                got = rule(doc, recorder, in_quote, verbs[k])
                record = recorder.record(got)
                if record != made[k].get(r, ((), ())):
                    changed[k] = True
                if record == ((), ()):
                    made[k].pop(r, None)  # (asked nothing, found nothing: not looked at again)
                else:
                    made[k][r] = record
            found.extend(got)
    for k, key in enumerate(keys):
        if changed[k]:
            local.keep(key, (mentions[k], tuple(made[k].items())))
    return found


def _mentions_by_paragraph(index, paras) -> list[bytes] | None:
    """Each paragraph's entries of the actor index (`by_token`: a token → its mention), as plain
    values relative to the paragraph, digested: what `subject_of`, `head_of_name` and `mention_at`
    read of the index. None if the index does not have them so (they are then asked again)."""
    by_token = getattr(index, "by_token", None)
    if type(by_token) is not dict:
        return None
    firsts = [p.first for p in paras]
    buckets: list[list] = [[] for _ in paras]
    for t, m in by_token.items():
        buckets[bisect_right(firsts, t) - 1].append((t, m))
    # (kept with a paragraph's findings, in three windows: a digest, not the values. The values are
    # plain (numbers, strings, None, tuples), pickled without the pickler's memo (`fast`), so the
    # same values give the same bytes whichever objects hold them, and other values other bytes; all
    # the paragraphs' rows one after the other into one buffer, each digested from its own bytes:
    # their repr cost three times as much)
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    ends = []
    for p, items in zip(paras, buckets):
        f, c = p.first, p.start
        seen: dict[int, tuple] = {}
        row = []
        for t, m in sorted(items, key=_first):
            x = seen.get(id(m))
            if x is None:
                x = seen[id(m)] = (m.token_start - f, m.token_end - f, m.start - c, m.end - c, m.label, m.text, m.title, m.stated, _actor(m.actor))
            row.append((t - f, x))
        if row:
            pickler.dump(row)
        ends.append(buffer.tell())
    out = []
    with buffer.getbuffer() as data:
        start = 0
        for end in ends:
            out.append(hashlib.blake2b(data[start:end], digest_size=16).digest() if end > start else b"")
            start = end
    return out


def _first(item: tuple):
    return item[0]


def _configure():
    from .reported import Reported

    names = tuple(f.name for f in fields(Reported))
    return names, Reported


_FIELDS, _MAKE = _configure()
# The fields of a finding that are offsets in the text (moved with their paragraph).
_OFFSETS = frozenset(("start", "end", "cue_start"))
