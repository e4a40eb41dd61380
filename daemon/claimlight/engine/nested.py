"""Quotations inside quotations: whose words the inner one is.

"One customer told us, ‘Just send us whatever you have’," she said. The outer quotation is hers; the
inner one is the customer's. A reader should see both: the outer quote with its speaker and, on top
of it, the inner quotation with its own. That holds only when the words inside the outer quotation
name someone else as the inner one's source; a word the speaker merely quotes, a sign, or the
speaker quoting themselves ("I told him, ‘no’") stays part of the outer quote, as before. So does a
short inner quotation that only names something (what he calls “hell”; a form labelled “urgent”),
and one whose speaker is a pronoun nothing in the text resolves: a wrong name on top of a right quote
is worse than the outer quote alone.

The inner quotations go down the same strategies as any other, read inside the outer quotation:
its words are their paragraph, so a cue, a subject or a sentence before them is looked for there,
never across the outer closing mark. Strategies that lean on the flow of the article (the previous
speaker, a paragraph ending in a colon, interview labels) do not apply one level down.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from .actors import ActorIndex
from .attribution import CHAIN, AttributedQuote, Attributor, Context
from .lexicon import PRONOUNS_FEMALE, PRONOUNS_MALE, PRONOUNS_NEUTER, PRONOUNS_PLURAL, WEAK_SPEECH_VERBS
from .quotes import Quotation
from .replay import _REFUSED, Session, _key, _nested, _Unnamed
from .speakers import Speaker, SpeakerFinder

# The strategies that read the words around a quotation, not the article around it, and find a
# source, not merely a subject ("Dad's first rule was, “…”" names no one who said it).
NESTED_STRATEGIES = frozenset({"dash_name", "cue_before", "governing_cue", "cue_after", "cue_earlier", "according_to", "previous_subject"})
NESTED_CHAIN = tuple(s for s in CHAIN if s.name in NESTED_STRATEGIES)
_PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_NEUTER | PRONOUNS_PLURAL
# How many nested quotations were replayed (`_Replay`), for tests and the bench's details.
replayed = 0


@dataclass
class NestedQuote:
    quote: AttributedQuote  # always speech, always with a speaker other than the outer one's
    parent: AttributedQuote


class _Within(Attributor):
    """An attributor for quotations nested in others, for which the outer quotation is the paragraph."""

    def __init__(self, doc: Doc, text: str, outers: list[Quotation], inner: list[Quotation], index: ActorIndex, like: SpeakerFinder | None):
        self._outers = outers
        self._outer_starts = [q.inner_start for q in outers]
        super().__init__(doc, text, inner, index)
        # what the article's finder read of the document, quotations aside, is not read again
        self.finder = SpeakerFinder(doc, index, self.in_quote, text, like=like)

    def speaker(self, tok, last_speaker):
        if tok.lower_ == "i":
            # inside a quotation "I" is whoever speaks it, the outer speaker, never the writer
            return self.finder.speaker_for(tok, last_speaker)
        return super().speaker(tok, last_speaker)

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._outer_starts, pos) - 1
        if i < 0:
            return super().paragraph_bounds(pos)
        outer = self._outers[i]
        return outer.inner_start, outer.inner_end(self.text)


def attribute_nested(doc: Doc, text: str, index: ActorIndex, results: list[AttributedQuote], finder: SpeakerFinder | None = None) -> list[NestedQuote]:
    """The nested quotations of spoken quotes whose text names a source of their own. `finder`:
    the article's speaker finder, whose reading of the document they share."""
    outers = [r for r in results if r.speech and r.quotation.nested]
    if not outers:
        return []
    parent_of = {n: r for r in outers for n in r.quotation.nested}
    within = _Within(doc, text, [r.quotation for r in outers], list(parent_of), index, finder)
    found: list[NestedQuote] = []
    # the old page's nested quotations, replayed when provably the same (`_Replay`)
    session = _Replay(within, parent_of)
    for q, before, after in within._with_segments(within.quotations):
        got = session.attribute(Context(within, q, before, after, None))
        if got is not None:
            rule, f = got
            aq = AttributedQuote(q, True, speaker=f.speaker, cue=f.cue, cue_start=f.cue_start, rule=rule)
            found.append(NestedQuote(aq, parent_of[q]))
    session.save()
    return found


def _attribute_one(ctx: Context, parent: AttributedQuote):
    """(the strategy's name, what it found) for an inner quotation spoken by someone other than
    its outer quotation's speaker, else None."""
    within, q = ctx.at, ctx.q
    for strategy in NESTED_CHAIN:
        if not strategy.applies(ctx):
            continue
        got = strategy.find(ctx)
        if got is None:
            continue
        if within._short(q) and not _speech_cue(within, got.cue_start):
            return None
        if _same(got.speaker, parent.speaker):
            got = got._replace(speaker=_not_the_speaker(within, got.speaker, parent) or got.speaker)
        if not _same(got.speaker, parent.speaker) and not _unresolved(got.speaker):
            return strategy.name, got
        return None
    return None


class _Replay(Session):
    """`engine.replay` for the nested quotations: their reading (the nested finder's coreference,
    whose checkpoint checks the facts it consults, as the article's does) and their own store.

    The argument is the article's, strategy by strategy: NESTED_CHAIN is a subset of CHAIN, so each
    strategy reads what `replay.READS` says, and less: `_Within.paragraph_bounds` bounds a
    paragraph's reading by its outer quotation, inside the paragraph, and no strategy of the
    SEQUENCE class is in the chain (the context's previous quotation is always None). Besides the
    strategies, `_attribute_one` reads the inner quotation's own tokens (`_short`, `_speech_cue`),
    its outer quotation's speaker (part of the key: the outer quotation's place and its speaker's
    name and actor, by the order the text names actors) and asks the reading `pronoun_other_than`,
    a question recorded and asked again like `compatible` (asked again in order, the reading's
    settled genders end as the strategies would leave them). Anything else, a record not equal, an
    answer that differs, an actor named after the boundary, is attributed as before."""

    _store = _nested

    def __init__(self, within: _Within, parent_of: dict[Quotation, AttributedQuote]):
        self._parent_of = parent_of
        super().__init__(within)

    def _attempt(self, ctx: Context):
        return _attribute_one(ctx, self._parent_of[ctx.q])

    def _replay(self, record: tuple):
        global replayed
        got = super()._replay(record)
        if got is not _REFUSED:
            replayed += 1
        return got

    def _key(self, q, order: dict[int, int]) -> tuple:
        parent = self._parent_of[q]
        sp = parent.speaker
        who = None
        if sp is not None:
            if sp.actor is not None and id(sp.actor) not in order:
                raise _Unnamed
            who = (sp.name, sp.start, sp.end, None if sp.actor is None else order[id(sp.actor)])
        return _key(q, order) + _key(parent.quotation, order) + (who,)


def _not_the_speaker(within: _Within, sp: Speaker, parent: AttributedQuote) -> Speaker | None:
    """ "She'd point a spatula at you and say, ‘…’," said Pitre: a third-person pronoun in someone's
    quotation is someone else, never the one speaking; what it stands for once they are ruled out."""
    if not sp.chain or parent.speaker is None or parent.speaker.actor is None:
        return None
    start, end = sp.chain[0]
    q = parent.quotation
    if not q.start <= start < q.end:
        return None
    i, _ = within.token_range(start, end)
    if i >= len(within.doc) or within.doc[i].lower_ not in _PRONOUNS:
        return None
    res = within.finder.coref.pronoun_other_than(within.doc[i], parent.speaker.actor)
    if res is None:
        return None
    return Speaker(res.name, start, end, res.actor, ((start, end),) + res.chain)


def _speech_cue(at: Attributor, cue_start: int | None) -> bool:
    """A verb of saying or writing, not of naming ("wrote that they were ‚copies‘", not "calls it “hell”")."""
    if cue_start is None:
        return False
    i, _ = at.token_range(cue_start, cue_start)
    return i < len(at.doc) and at.doc[i].lemma_.lower() not in WEAK_SPEECH_VERBS


def _unresolved(sp: Speaker) -> bool:
    return sp.actor is None and sp.name.lower() in _PRONOUNS


def _same(a: Speaker, b: Speaker | None) -> bool:
    if b is None:
        return False
    if a.actor is not None or b.actor is not None:
        return a.actor is b.actor
    return a.name.lower() == b.name.lower()
