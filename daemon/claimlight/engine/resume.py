"""What the document-level passes over actors find about one mention, kept for the page's next version.

Grouping mentions into actors is the whole page's business (a surname here is the full name named
pages up), so it is redone on every version; but most of its cost is the evidence the type rules
(`engine.actor_evidence.RULES`) read around each mention, and that is local: every rule reads the
mention's own fields and the tokens within a few places of it or in its sentence, which lies in its
paragraph. So each mention's evidence is kept under an explicit key: the mention's paragraph window
(`engine.local.window`, the paragraph's parse and enough of its neighbours for any rule's reach),
the mention's place relative to the paragraph, and every field of the mention a rule reads (its
text, label, title and what the article states of it). Same key, same tokens read, same evidence;
the type vote over an actor's mentions, the document-level step, then runs as from scratch.

A mention that does not lie within one paragraph (a regular expression's match over the whole text
may in principle run across) is read afresh, and so is every mention of a page too long for its
findings to be kept (`engine.local.keeps`). The store is bounded by bytes (`KEPT_BYTES`, least
recently used out). Most mentions' findings are one of a few dozen tuples (a person's title, an
organisation's head noun), so each distinct tuple is kept once (`_FINDINGS`) and an entry costs
about its key. `tests/engine/test_local.py` checks a live blog through its versions against from
scratch.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable

from spacy.tokens import Doc

from .actor_evidence import Evidence, mention_evidence
from .local import keeps, paragraphs_of, weight, window_at

# What the kept findings may take per process, as `_entry_weight` counts them: some 400 bytes a
# mention (its key; the window's key is shared with `engine.local`'s), so about 5,000 mentions, the
# named people, places and bodies of some forty 3,000-word pages.
KEPT_BYTES = 2 * 2**20
# An entry's place in the store (with the slack of its tables) and its key's tuple, besides the
# fields it holds: measured, what 6,000 kept mentions took over what their fields did.
_ENTRY_OVERHEAD = 260
# How many distinct findings tuples are shared before that table starts again (a few dozen in news).
DISTINCT_FINDINGS = 4_096

_kept: OrderedDict[tuple, tuple[Evidence, ...]] = OrderedDict()
_kept_weight = 0
_FINDINGS: dict[tuple[Evidence, ...], tuple[Evidence, ...]] = {}
_PLACES_KEY = "claimlight.resume.places"


def kept_evidence(doc: Doc, m) -> tuple[Evidence, ...]:
    """`mention_evidence(doc, m)`, kept per mention under its window and fields (see above). For a
    document whose paragraphs are sealed (`engine.actors._sealed`): the caller's to check."""
    return evidence_reader(doc)(doc, m)


def evidence_reader(doc: Doc) -> Callable[[Doc, object], tuple[Evidence, ...]]:
    """`kept_evidence` for the mentions of `doc`, with what it reads of the document (whether its
    findings are kept, its paragraphs, their windows) read once, not once a mention: a page's
    type vote asks for some 150 mentions' evidence on every live update. The same findings, kept
    the same way."""
    if not keeps(doc):
        return _afresh
    firsts, paras = _places(doc)
    windows: dict[int, object] = {}

    def evidence(doc: Doc, m) -> tuple[Evidence, ...]:
        k = bisect_right(firsts, m.token_start) - 1
        p = paras[k] if k >= 0 else None
        if p is None or m.token_end > p.last or m.end > p.end:
            return tuple(mention_evidence(doc, m))
        w = windows.get(k)
        if w is None:
            w = windows[k] = window_at(doc, k)
        key = (w.key, m.start - p.start, m.end - p.start, m.token_start - p.first, m.token_end - p.first, m.label, m.text, m.title, m.stated)
        found = _kept.get(key)
        if found is None:
            found = _shared(tuple(mention_evidence(doc, m)))
            _keep(key, found)
        else:
            _kept.move_to_end(key)
        return found

    return evidence


def _afresh(doc: Doc, m) -> tuple[Evidence, ...]:
    return tuple(mention_evidence(doc, m))


def _shared(found: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The one kept copy of these findings (Evidence is frozen, so a tuple of them can be shared)."""
    if len(_FINDINGS) >= DISTINCT_FINDINGS:
        _FINDINGS.clear()  # what the store holds keeps its own copies; new entries share anew
    return _FINDINGS.setdefault(found, found)


def _entry_weight(key: tuple) -> int:
    # (the findings are shared, `_shared`; the window's key, key[0], is `engine.local`'s)
    return _ENTRY_OVERHEAD + sum(weight(x) for x in key[1:])


def _keep(key: tuple, found: tuple[Evidence, ...]) -> None:
    global _kept_weight
    _kept[key] = found
    _kept_weight += _entry_weight(key)
    while _kept_weight > KEPT_BYTES and _kept:
        old, _ = _kept.popitem(last=False)
        _kept_weight -= _entry_weight(old)


def _places(doc: Doc) -> tuple[list[int], list]:
    """The document's paragraphs and their first tokens (for a bisection), made once."""
    got = doc.user_data.get(_PLACES_KEY)
    if got is None:
        paras = paragraphs_of(doc)
        got = doc.user_data[_PLACES_KEY] = ([p.first for p in paras], paras)
    return got


def kept_bytes() -> int:
    """What the kept findings take now, as `_entry_weight` counts them."""
    return _kept_weight


def forget() -> None:
    """Drops every kept finding of this process."""
    global _kept_weight
    _kept.clear()
    _FINDINGS.clear()
    _kept_weight = 0
