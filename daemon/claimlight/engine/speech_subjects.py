"""The subjects of the page's verbs of reporting, found paragraph by paragraph and kept for its next version.

A coreference reading (`engine.coref.Coreference`) marks the subject of every reporting verb outside
quotations as a speaker before it reads anything, so the whole page's verbs were climbed to their
subjects on every version of a live page, twice (the article's reading and the nested quotations'
one, whose quoted tokens differ). What a verb's subject is depends on little that is not its
paragraph's: `speakers.SpeakerFinder.subject_of` reads the verb's tree (a paragraph's parse is its
own: heads and children never leave it), its sentence (which starts in its paragraph: checked,
`_sentences_sealed`), and tokens a few places before and after it (the two before a participle, the
one before a sentence or a name, the `DATELINE_TAIL` after a dateline); of the page it reads which
of those tokens are quoted and the actor index at them (a mention's bounds, and whether its actor is
a person). So a paragraph's findings are kept (`engine.local.by_paragraph`) under its window (its
parse and enough of its neighbours': `REACH_TOKENS` each side, more than any of those reads) and,
as its other inputs, a digest of the quoted flags and the mentions (bounds relative to the token,
actor's type: `_mention_codes`) of every token within `REACH_TOKENS` of it (some 50 kB in the store
for a 3,000-word page's two readings). Same key, same reads, same subjects; anything the
argument does not cover (a finder other than `SpeakerFinder.subject_of` over this index and these
quoted flags, a sentence running across a paragraph's start, a page too long to keep) is read over
the whole document as before. `tests/engine/test_speech_subjects.py` checks both ways agree.
"""

from __future__ import annotations

import hashlib
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Token

from .docview import columns, token_list
from .lexicon import REPORTING_VERBS
from .local import REACH_TOKENS, Paragraph, Window, by_paragraph, keeps, last_run, note_run, paragraphs_of

_SEALED_KEY = "claimlight.sentences_sealed"
# The latest index's `_mention_codes` (held weakly: the index goes with its analysis).
_codes: tuple = (lambda: None, b"")
# A token's code: whether a mention covers it, the mention's start and end relative to it, its actor's type.
_CODE = 4
_TYPES = {None: 1, "person": 2, "organization": 3, "place": 4}


def reporting_verbs(doc: Doc) -> list[int]:
    """The verbs of reporting in `doc`, in order, quoted or not (`coref.Layout.reporting_verbs`).

    A page whose findings are kept (`local.keeps`) is read paragraph by paragraph, and a paragraph
    with the same key at the same first token as in the last page read (`_VERBS`, `local.last_run`)
    takes that page's verbs there: its key names its words, tags and lemmas (`local.paragraphs_of`),
    so its tokens at the same places are the same, and so are its verbs. (A loop over a page's
    every token, some 3,700, was a quarter of a reading's set-up on a live update.)"""
    cols = columns(doc)
    pos, lemma = cols.pos, cols.lemma

    def found(first: int, last: int) -> list[int]:
        return [i for i in range(first, last) if pos[i] in ("VERB", "AUX") and lemma[i] in REPORTING_VERBS]

    if not keeps(doc):
        return found(0, len(doc))
    last = last_run(_VERBS)
    mine: dict[int, tuple] = {}
    out: list[int] = []
    # (the paragraphs' tokens, [first, last) each, follow one another from the first token to the last)
    for k, p in enumerate(paragraphs_of(doc)):
        got = last.get(k)
        if got is None or got[0] != p.key or got[1] != p.first:
            got = (p.key, p.first, found(p.first, p.last))
        mine[k] = got
        out.extend(got[2])
    note_run(_VERBS, mine)
    return out


# The name `reporting_verbs` notes what it read of the last page under (`local.note_run`).
_VERBS = "reporting verbs"


def speech_subjects(doc: Doc, verbs: list[int], keep: Callable[[int], bool], subject_of: Callable[[Token], Token | None],
                    index, in_quote: list[bool]) -> set[int]:
    """The token of each verb's subject in `verbs` that `keep(i)` takes (and a name's last token,
    for a subject inside a mention), `subject_of` reading `index` and `in_quote`: kept per
    paragraph when the argument above holds, else over the whole document."""
    if not _keepable(doc, subject_of, index, in_quote):
        return _subjects(doc, verbs, keep, subject_of, index, 0, len(doc))
    codes = _mention_codes(index, len(doc))
    if codes is None:
        return _subjects(doc, verbs, keep, subject_of, index, 0, len(doc))
    paras = paragraphs_of(doc)
    n = len(doc)
    quoted = bytes(in_quote)

    def inputs(k: int) -> bytes:
        p = paras[k]
        lo, hi = max(0, p.first - REACH_TOKENS), min(n, p.last + REACH_TOKENS)
        # (each token's mention relative to the token itself: a slice is the paragraph's wherever it
        # stands; a digest of the two, so that an entry costs 16 bytes for them, not a byte a token)
        return hashlib.blake2b(quoted[lo:hi] + codes[_CODE * lo : _CODE * hi], digest_size=16).digest()

    def find(d: Doc, k: int, p: Paragraph, w: Window) -> list[int]:
        return sorted(_subjects(d, verbs, keep, subject_of, index, p.first, p.last))

    # (a paragraph with no verb to read finds nothing: no key is made for it)
    firsts = [p.first for p in paras]
    with_verbs = sorted({bisect_right(firsts, i) - 1 for i in verbs if keep(i)})
    found = by_paragraph(doc, "speech subjects", find, lambda i, chars, tokens: i + tokens, inputs,
                         lambda items, chars, tokens: [i + tokens for i in items], only=with_verbs)
    return set(found)


def _subjects(doc: Doc, verbs: list[int], keep: Callable[[int], bool], subject_of, index, first: int, last: int) -> set[int]:
    """What `speech_subjects` finds for the verbs in tokens [first, last)."""
    out: set[int] = set()
    toks = token_list(doc)
    for i in verbs[bisect_left(verbs, first) : bisect_left(verbs, last)]:
        if not keep(i):
            continue
        subj = subject_of(toks[i])
        if subj is not None:
            out.add(subj.i)
            # ("Hartley - Osei says": a name the parse cut in two is the speaker by its last word)
            m = index.mention_at(subj.i)
            if m is not None:
                out.add(m.token_end - 1)
    return out


def _mention_codes(index, n: int) -> bytes | None:
    """Per token, what `subject_of` reads of the actor index there, relative to the token, in `_CODE`
    bytes: whether a mention covers it, where that mention starts and ends (relative to the token),
    its actor's type. None when a mention is too long for a byte or its actor's type is not one of
    `_TYPES` (the page is then read whole). Made once per index (both readings of a page ask; an
    index is not changed once they start: `transcript.with_answers` sets its mentions before)."""
    global _codes
    held, codes = _codes
    if held() is index and len(codes) == _CODE * n:
        return codes
    out = bytearray(_CODE * n)
    for t, m in index.by_token.items():
        if not 0 <= t < n:
            continue
        kind = _TYPES.get(None if m.actor is None else m.actor.type)
        before, after = t - m.token_start, m.token_end - t
        if kind is None or not (0 <= before < 256 and 0 <= after < 256):
            return None
        out[_CODE * t : _CODE * t + _CODE] = bytes((1, before, after, kind))
    codes = bytes(out)
    # (dropped with the index: a long page's codes are not held until the next page's analysis)
    _codes = (weakref.ref(index, _drop_codes), codes)
    return codes


def _drop_codes(ref) -> None:
    global _codes
    if _codes[0] is ref:  # (not a later index's)
        _codes = (lambda: None, b"")


def _keepable(doc: Doc, subject_of, index, in_quote: list[bool]) -> bool:
    """Whether the paragraph-by-paragraph argument holds (see the module docstring)."""
    from .speakers import SpeakerFinder

    finder = getattr(subject_of, "__self__", None)
    if getattr(subject_of, "__func__", None) is not SpeakerFinder.subject_of or type(finder).subject_of is not SpeakerFinder.subject_of:
        return False
    if finder.index is not index or finder.in_quote is not in_quote or finder.doc is not doc:
        return False
    return keeps(doc) and _sentences_sealed(doc)


def _sentences_sealed(doc: Doc) -> bool:
    """Whether every paragraph starts a sentence (a paragraph parsed alone does), made once."""
    got = doc.user_data.get(_SEALED_KEY)
    if got is None:
        starts = set(columns(doc).sent_starts)
        got = doc.user_data[_SEALED_KEY] = all(p.first in starts or p.first == p.last for p in paragraphs_of(doc))
    return got
