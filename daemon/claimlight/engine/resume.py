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
may in principle run across) is read afresh. The store is bounded (`KEPT_MENTIONS`, least recently
used out). `tests/engine/test_local.py` checks a live blog through its versions against from scratch.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict

from spacy.tokens import Doc

from .actor_evidence import Evidence, mention_evidence
from .local import Window, paragraphs_of, window

# Mentions whose evidence is kept, per process: a key of a few hundred bytes (the window's paragraph
# digests are shared with the window) and a handful of small frozen findings each, so a few MB.
KEPT_MENTIONS = 20_000

_kept: OrderedDict[tuple, tuple[Evidence, ...]] = OrderedDict()
_PLACES_KEY = "claimlight.resume.places"


def kept_evidence(doc: Doc, m) -> tuple[Evidence, ...]:
    """`mention_evidence(doc, m)`, kept per mention under its window and fields (see above). For a
    document whose paragraphs are sealed (`engine.actors._sealed`): the caller's to check."""
    firsts, paras, windows = _places(doc)
    k = bisect_right(firsts, m.token_start) - 1
    p = paras[k] if k >= 0 else None
    if p is None or m.token_end > p.last or m.end > p.end:
        return tuple(mention_evidence(doc, m))
    w = windows.get(k)
    if w is None:
        w = windows[k] = window(paras, k)
    key = (w.key, m.start - p.start, m.end - p.start, m.token_start - p.first, m.token_end - p.first, m.label, m.text, m.title, m.stated)
    found = _kept.get(key)
    if found is None:
        found = _kept[key] = tuple(mention_evidence(doc, m))
        if len(_kept) > KEPT_MENTIONS:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(key)
    return found


def _places(doc: Doc) -> tuple[list[int], list, dict[int, Window]]:
    """The document's paragraphs, their first tokens (for a bisection) and their windows, made once."""
    got = doc.user_data.get(_PLACES_KEY)
    if got is None:
        paras = paragraphs_of(doc)
        got = doc.user_data[_PLACES_KEY] = ([p.first for p in paras], paras, {})
    return got


def forget() -> None:
    """Drops every kept finding of this process."""
    _kept.clear()
