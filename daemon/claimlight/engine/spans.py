"""The last step of the pipeline: what the engine found, as the protocol's spans and actors.

Quotations become `quote` spans (the pieces of one quotation share a `quote_id`) or `mention`
spans; a quotation nested in a quote with a speaker of its own becomes a `quote` span too, inside
the outer one, with `nested_in` set to the outer quote's id; every attribution also marks its
speaker mention once; actor mentions and numbers become spans of their category; each actor counts
the quotes and reported clauses attributed to it and carries the role the article gives it.

The models are made without validation (`Unchecked`): every value comes from the engine itself,
whose types the tests hold to the protocol, and a 3,000-word page has some 800 spans, made again on
every live update; validating them was a third of this step. The result is the same model, field
for field (`tests/engine/test_spans.py` validates the output of every seed article). And a live page's
next version takes the previous analysis's spans whose every input is the same (`_Made`), instead of
making them again: its quote, reported and speaker spans, its actor mentions and numbers, and its
actors.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from ..protocol import ACTOR_CATEGORIES, Actor, Analysis, Category, ChainLink, Span, Via
from .actors import ActorIndex
from .attribution import NO_CUE_RULES, AttributedQuote
from .nested import NestedQuote
from .numbers import NumberClaim
from .reported import Reported
from .speakers import Speaker, mention_kind


def Unchecked(model: type[BaseModel]) -> Callable[..., BaseModel]:
    """`Unchecked(Model)(**fields)`: the instance `Model(**fields)` would be, for fields already of
    their types, made without running the validator (a third less time). Its fields
    set are those given, as with `Model(**fields)`; a missing required field or an unknown one is
    still an error. (A closure, not an object with `__call__`: some 800 spans a long page, and a call
    through `__call__` and the attribute look-ups of `self` were a third of making one.)"""
    # (a default made per instance, a list, cannot be shared between instances: it must be given too)
    required = frozenset(name for name, f in model.model_fields.items() if f.is_required() or f.default_factory is not None)
    # Every field in the model's order, the required ones given by every call.
    defaults = {name: (None if name in required else f.default) for name, f in model.model_fields.items()}
    count = len(defaults)
    new = model.__new__

    def make(**fields):
        values = {**defaults, **fields}
        if len(values) != count or not required <= fields.keys():
            raise TypeError(f"{model.__name__}: a required field is missing, or a field is unknown: {sorted(fields)}")
        obj = new(model)
        _set(obj, "__dict__", values)
        _set(obj, "__pydantic_fields_set__", set(fields))
        _set(obj, "__pydantic_extra__", None)
        _set(obj, "__pydantic_private__", None)
        return obj

    return make


_set = object.__setattr__
# (`Category(value)` goes through Enum's lookup each time: some 400 actor mentions a long page)
_ACTOR_CATEGORY = {c.value: c for c in ACTOR_CATEGORIES}
_Span, _Actor, _ChainLink, _Via = Unchecked(Span), Unchecked(Actor), Unchecked(ChainLink), Unchecked(Via)


class _Made:
    """Spans of the previous analysis in this process, by key, taken for this one's whose key is
    equal. Two stores: the quote, reported and speaker spans (a live page's next version attributes
    its old quotations as before, `engine.replay`, and each such span, a ChainLink per mention of its
    chain, a Via, the span, was a third of this step), and the plain ones, actor mentions and numbers
    and the actors' entries (the same on a page that grew by an entry, but for the entry's).

    Why an equal key gives an equal span: the key holds every value the span's fields are made of.
    An attributed span's: its place and text, its cue, and of its speaker the name, the mention's
    place and text, the actor's id, the rule, the chain's places and texts (all that `mention_kind`
    reads: the chain's first mention's words, whether there is an actor, the chain's length). A quote
    span's ids (quote_id, nested_in) are not in its key: a kept span whose ids differ is copied with
    this analysis's (`_with_ids`), since an entry at the end that adds a quotation shifts the ids of
    the nested quotations, numbered after all others. A plain span's:
    its place, its category and text, its actor's id (an actor's mentions are `type`'s category, so
    the category stands for the type). The actors' entries are kept with the plain spans, by all
    their fields (a key that starts with "actor"). A span shared by two analyses is never changed: what is made of an analysis's spans afterwards copies them
    (`server.offsets`, the worker's hidden categories). Only the last analysis's are kept, at most
    `cap` (a 3,000-word page has some 200 attributed spans: measured with their keys, ~600 kB for the
    bench's pages; and some 230 plain spans and 130 actors, ~400 kB, measured the same way; a page
    with more keeps the first ones)."""

    def __init__(self, cap: int):
        self.cap = cap
        self.last: dict[tuple, Span] = {}
        self._new: dict[tuple, Span] = {}

    def start(self) -> None:
        self._new = {}

    def keep(self, key: tuple, span: Span) -> None:
        if len(self._new) < self.cap:
            self._new[key] = span

    def end(self) -> None:
        self.last, self._new = self._new, {}


def _with_ids(span: Span, quote_id: int, nested_in: int | None) -> Span:
    """The quote span `span` with another quote_id and nested_in: field for field the span made
    with them (both are among the fields set of every quote span), its Via shared (`_Made`)."""
    new = Span.__new__(Span)
    _set(new, "__dict__", {**span.__dict__, "quote_id": quote_id, "nested_in": nested_in})
    _set(new, "__pydantic_fields_set__", set(span.__pydantic_fields_set__))
    _set(new, "__pydantic_extra__", None)
    _set(new, "__pydantic_private__", None)
    return new


# The most attributed spans, and plain ones, kept for the next analysis (`_Made`).
KEPT_SPANS = 600
KEPT_PLAIN_SPANS = 1_000
_made = _Made(KEPT_SPANS)
_plain = _Made(KEPT_PLAIN_SPANS)


def forget() -> None:
    """Drops the spans kept of the last analysis."""
    _made.last = {}
    _plain.last = {}


def assemble(
    text: str,
    index: ActorIndex,
    attributed: list[AttributedQuote],
    reported: list[Reported],
    numbers: list[NumberClaim],
    roles: dict[str, str] | None = None,
    nested: list[NestedQuote] = (),
) -> Analysis:
    spans: list[Span] = []
    speaker_mentions: dict[tuple[int, int], Span] = {}
    quote_counts: dict[str, int] = {}

    def attribution_fields(sp: Speaker | None, rule: str | None = None) -> dict:
        if sp is None:
            return {}
        fields = {
            "speaker": sp.name,
            "speaker_start": sp.start,
            "speaker_end": sp.end,
            "actor": sp.actor.id if sp.actor else None,
        }
        if rule is not None:
            kind = "none" if rule in NO_CUE_RULES else mention_kind(sp, text)
            chain = [_ChainLink(text=text[a:b], start=a, end=b) for a, b in sp.chain]
            fields["via"] = _Via(rule=rule, kind=kind, chain=chain)
        return fields

    def attributed_span(key: tuple, make: Callable[[], Span]) -> Span:
        """The span `make` makes, taken from the previous analysis's when its key is equal (`_Made`)."""
        span = made.last.get(key)
        if span is None:
            span = make()
        made.keep(key, span)
        return span

    def speaker_key(sp: Speaker | None, rule: str | None) -> tuple | None:
        # (every value the attribution fields are made of: `mention_kind` reads the chain's first
        # mention's words, whether there is an actor and the chain's length)
        if sp is None:
            return None
        chain = tuple(text[a:b] for a, b in sp.chain) if rule is not None else None
        return (sp.name, sp.start, sp.end, sp.actor.id if sp.actor else None, rule, sp.chain, chain, text[sp.start : sp.end])

    def quote_span(aq: AttributedQuote, quote_id: int, nested_in: int | None = None) -> Span:
        q = aq.quotation
        words = text[q.start : q.end]  # (one string for the key and the span)
        # (the ids are not in the key: a span kept with others is copied with these, `_Made`)
        key = ("quote", q.start, q.end, words, aq.cue, speaker_key(aq.speaker, aq.rule))
        span = made.last.get(key)
        if span is None:
            span = _Span(start=q.start, end=q.end, category=Category.quote, text=words, cue=aq.cue,
                         quote_id=quote_id, nested_in=nested_in, **attribution_fields(aq.speaker, aq.rule))
        elif span.quote_id != quote_id or span.nested_in != nested_in:
            span = _with_ids(span, quote_id, nested_in)
        made.keep(key, span)
        return span

    def note_speaker(sp, cue: str | None) -> None:
        if sp is None:
            return
        if sp.actor is not None:
            quote_counts[sp.actor.id] = quote_counts.get(sp.actor.id, 0) + 1
        key = (sp.start, sp.end)
        if key not in speaker_mentions:
            speaker_mentions[key] = attributed_span(("speaker", cue, speaker_key(sp, None)), lambda: _Span(
                start=sp.start, end=sp.end, category=Category.speaker, text=text[sp.start : sp.end], cue=cue, **attribution_fields(sp)))

    made = _made
    made.start()
    quote_id = 0
    ids: dict[int, int] = {}  # id() of an attributed quotation → its quote_id
    prev: AttributedQuote | None = None
    for aq in attributed:
        q = aq.quotation
        if not aq.speech:
            spans.append(_Span(start=q.start, end=q.end, category=Category.mention, text=text[q.start : q.end], why=aq.why))
            continue
        # A quotation reopened at the start of the next paragraph is the same quotation.
        continues = prev is not None and not prev.quotation.closed and q.paragraph == prev.quotation.paragraph + 1
        if not continues:
            quote_id += 1
        ids[id(aq)] = quote_id
        spans.append(quote_span(aq, quote_id))
        note_speaker(aq.speaker, aq.cue)
        prev = aq

    for n in nested:
        aq = n.quote
        quote_id += 1
        spans.append(quote_span(aq, quote_id, nested_in=ids.get(id(n.parent))))
        note_speaker(aq.speaker, aq.cue)

    for r in reported:
        words = text[r.start : r.end]
        key = ("reported", r.start, r.end, words, r.cue, speaker_key(r.speaker, r.rule))
        spans.append(attributed_span(key, lambda: _Span(
            start=r.start, end=r.end, category=Category.reported, text=words, cue=r.cue, **attribution_fields(r.speaker, r.rule))))
        note_speaker(r.speaker, r.cue)
    made.end()

    spans.extend(speaker_mentions.values())
    # (actor mentions and numbers: taken from the previous analysis's when their key is equal, `_Made`)
    plain, last = _plain, _plain.last
    plain.start()
    kept, room = plain._new, plain.cap  # (`plain.keep`, inlined: some 350 calls a long page)
    for actor in index.actors:
        if not actor.mentions:
            continue
        category = _ACTOR_CATEGORY.get(actor.type) or Category(actor.type)
        for m in actor.mentions:
            words = text[m.start : m.end]
            key = (m.start, m.end, category, words, actor.id)
            span = last.get(key)
            if span is None:
                span = _Span(start=m.start, end=m.end, category=category, text=words, actor=actor.id)
            if len(kept) < room:
                kept[key] = span
            spans.append(span)
    for n in numbers:
        words = text[n.start : n.end]
        key = (n.start, n.end, Category.number, words, None)
        span = last.get(key)
        if span is None:
            span = _Span(start=n.start, end=n.end, category=Category.number, text=words)
        if len(kept) < room:
            kept[key] = span
        spans.append(span)

    # (a Category is its value as a string: ordered as its value, without reading `.value`)
    spans.sort(key=lambda s: (s.start, -s.end, s.category))
    actors = []
    roles = roles or {}
    for a in index.actors:
        key = ("actor", a.id, a.name, a.type, len(a.mentions), quote_counts.get(a.id, 0), roles.get(a.id))
        actor = last.get(key)
        if actor is None:
            actor = _Actor(id=key[1], name=key[2], type=key[3], mentions=key[4], quotes=key[5], role=key[6])
        if len(kept) < room:
            kept[key] = actor
        actors.append(actor)
    plain.end()
    return Analysis(spans=spans, actors=actors)
