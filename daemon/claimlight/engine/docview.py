"""One reading of a parsed document, shared by every step of the extraction.

spaCy makes a new Python object for every token each time a document is iterated or indexed, and
`Doc.text`, `Doc.ents`, `Doc.sents` and `Token.sent` rebuild their answer on every call: `Doc.text`
walks every token, `Token.sent` scans back and forth to the nearest sentence starts. The steps of
the extraction each did that on their own, so that for a 3,000-word page more than half of the
extraction's time went on making the same token objects again (about twenty passes over the
document). A live page is analysed again on every change, so that cost is paid on every update.

`shared(doc)` (a decorator for the function that runs the steps) reads the document once: its
tokens, its text, its entities and its sentences. Inside it, `tokens_of`, `text_of` and `ents_of`
return those, and `doc.sents`, `token.sent` and `span.sent` answer from the sentence starts found
once, through spaCy's own user hooks. Outside it (a step called on its own, in a test) the same
functions read the document afresh. The answers are the same objects spaCy would build, so the
analysis is identical; only the number of times they are built changes. Nothing outlives the
call: the hooks are removed on the way out, so no cycle keeps a document alive.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

F = TypeVar("F", bound=Callable)


class DocView:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.text = "".join([t.text_with_ws for t in self.tokens])
        self.ents: tuple[Span, ...] = doc.ents
        self._sents: list[Span] | None = None
        self._starts: list[int] = []

    @property
    def sents(self) -> list[Span]:
        if self._sents is None:
            # The same segmentation as Doc.sents: a sentence starts at every token whose
            # sent_start is 1 (and at the first token).
            starts = [0] + [t.i for t in self.tokens[1:] if t.is_sent_start]
            ends = starts[1:] + [len(self.tokens)]
            self._sents = [Span(self.doc, s, e) for s, e in zip(starts, ends)] if self.tokens else []
            self._starts = starts
        return self._sents

    def sentence_of(self, i: int) -> Span:
        """The sentence token `i` is in: what Token.sent and Span.sent (by its first token) return."""
        sents = self.sents
        return sents[bisect_right(self._starts, i) - 1]


_current: DocView | None = None


def shared(fn: F) -> F:
    """`fn(doc, ...)` runs with one DocView of `doc` shared by everything it calls."""

    @functools.wraps(fn)
    def wrapper(doc: Doc, *args, **kwargs):
        global _current
        if _current is not None and _current.doc is doc:
            return fn(doc, *args, **kwargs)
        outer, view = _current, DocView(doc)
        hooks = (doc.user_hooks, doc.user_token_hooks, doc.user_span_hooks)
        saved = [dict(h) for h in hooks]
        doc.user_hooks["sents"] = lambda d: iter(view.sents)
        doc.user_token_hooks["sent"] = lambda t: view.sentence_of(t.i)
        doc.user_span_hooks["sent"] = lambda s: view.sentence_of(s.start)
        _current = view
        try:
            return fn(doc, *args, **kwargs)
        finally:
            _current = outer
            for h, before in zip(hooks, saved):
                h.clear()
                h.update(before)

    return wrapper  # type: ignore[return-value]


def view_of(doc: Doc) -> DocView:
    """The shared view of `doc`, or a fresh one when none is shared."""
    return _current if _current is not None and _current.doc is doc else DocView(doc)


def tokens_of(doc: Doc) -> list[Token]:
    return view_of(doc).tokens


def text_of(doc: Doc) -> str:
    return _current.text if _current is not None and _current.doc is doc else doc.text


def ents_of(doc: Doc) -> tuple[Span, ...]:
    return _current.ents if _current is not None and _current.doc is doc else doc.ents
