"""The article's sourcing ledger: how much of it is quotation, reported speech and the writer's own
voice; who gets to speak, named or not, and how much; which figures stand in the writer's voice with
no source. These are the questions a standards editor asks of a story, answered from the same spans
the reader sees highlighted, so the ledger and the highlights never disagree.

Definitions (docs/protocol.md has them for clients):
* A word is a maximal run of letters and digits; an apostrophe, a hyphen or a full stop between two
  letters or digits, or a comma between two digits, joins the runs on either side (it's, U.S,
  Preston-born, 1.8, 31,000). Punctuation, symbols and emoji are not words.
* A word is quoted when its first character lies inside a `quote` span (and counts for the source
  of the innermost one: a quote nested in another is its own speaker's words), reported when it lies
  inside a `reported` span and is not quoted, and the writer's own otherwise: attribution phrases
  ("said the minister"), titles and scare quotes (`mention`) are the writer's words.
* A source is whoever quote and reported spans are attributed to: an actor, a name the engine did
  not make an actor, or a description ("a senior official"). A definite description is a source
  already known when it can be: "the ministry" is the organisation whose name has "Ministry" (the
  one named last before it, else the first after), "the former president" the person named before
  whose role has those words, "the report" the source described as "a council report" before. A pronoun the engine could not resolve is no source; its spans, and
  spans with no speaker, count as unattributed.
* A figure has no source when it is a `number` span whose sentence has no attribution: no quote or
  reported span overlaps the sentence, and the sentence has no "according to" and no reporting verb
  (REPORTING_VERBS) with a subject other than the writer ("I", "we").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..protocol import Analysis, Category, Ledger, LedgerFigure, LedgerSource, Span
from .actors import ActorIndex
from .docview import columns, text_of, token_list
from .local import by_paragraph, paragraphs_of
from .spans import Unchecked
from .lexicon import (
    DOCUMENT_NOUNS,
    INSTITUTION_NOUNS,
    PRONOUNS_FEMALE,
    PRONOUNS_FIRST,
    PRONOUNS_MALE,
    PRONOUNS_NEUTER,
    PRONOUNS_PLURAL,
    REPORTING_VERBS,
)

WORD = re.compile(r"[^\W_]+(?:(?:['’\-.]|(?<=\d),(?=\d))[^\W_]+)*")
_PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL | PRONOUNS_NEUTER
_NO_SOURCE = _PRONOUNS | PRONOUNS_FIRST  # (a speaker that is one of these is no one the engine resolved)
_AFTER_ALL = float("inf")
# Words after which a description goes on about its head ("people familiar with the matter").
_AFTER_HEAD = frozenset("of for at with from in on to by familiar close briefed who that which".split())
_OWNER_DEPS = frozenset({"compound", "poss", "nmod"})
# The ledger's models, made without validation as `engine.spans` makes its spans: every value is the
# engine's own, of its type (counts are differences of nested ranges' word counts, never negative;
# a source's type is an actor's or one of `_classify`'s), and `tests/engine/test_spans.py` validates
# every seed article's analysis, ledger included, to itself.
_Ledger, _LedgerSource, _LedgerFigure = Unchecked(Ledger), Unchecked(LedgerSource), Unchecked(LedgerFigure)


@dataclass
class _Source:
    name: str
    actor: str | None
    named: bool
    type: str | None
    first: int
    aliases: list[str] = field(default_factory=list)
    quotes: set[int] = field(default_factory=set)
    reported: int = 0
    quoted_words: int = 0


def build_ledger(doc: Doc, analysis: Analysis, index: ActorIndex) -> Ledger:
    text = text_of(doc)
    words = _word_starts(doc, text)
    # (the spans of the three categories read here, in one pass over the page's spans)
    quotes: list[Span] = []
    reported: list[Span] = []
    numbers: list[Span] = []
    of = {Category.quote: quotes.append, Category.reported: reported.append, Category.number: numbers.append}
    for s in analysis.spans:
        keep = of.get(s.category)
        if keep is not None:
            keep(s)
    quoted = _union(quotes)
    nested = sorted((s.start, s.end) for s in quotes if s.nested_in is not None)
    voiced = _union(quotes + reported)
    quoted_words = _words_in(words, quoted)
    reported_words = _words_in(words, voiced) - quoted_words

    sources = _Sources(doc, index, {a.id: a for a in analysis.actors})
    unattributed_quotes: set[int] = set()
    unattributed = 0
    for span in sorted(quotes + reported, key=lambda s: s.start):
        source = sources.source_of(span)
        if source is None:
            if span.category == Category.reported:
                unattributed += 1
            else:
                unattributed_quotes.add(span.quote_id if span.quote_id is not None else -span.start - 1)
            continue
        if span.category == Category.quote:
            source.quotes.add(span.quote_id if span.quote_id is not None else -span.start - 1)
            inner = _within(nested, span) if span.nested_in is None else []
            source.quoted_words += bisect_left(words, span.end) - bisect_left(words, span.start) - (_words_in(words, inner) if inner else 0)
        else:
            source.reported += 1
    unattributed += len(unattributed_quotes)

    ordered = sorted(sources.distinct(), key=lambda s: (-s.quoted_words, -(len(s.quotes) + s.reported), s.first))
    named = sum(s.named for s in ordered)
    return _Ledger(
        words=len(words),
        quoted_words=quoted_words,
        reported_words=reported_words,
        own_words=len(words) - quoted_words - reported_words,
        named_sources=named,
        unnamed_sources=len(ordered) - named,
        unattributed=unattributed,
        sources=[
            _LedgerSource(
                name=s.name, actor=s.actor, named=s.named, type=s.type, aliases=s.aliases,
                quotes=len(s.quotes), reported=s.reported, quoted_words=s.quoted_words,
            )
            for s in ordered
        ],
        unsourced_figures=_unsourced_figures(doc, numbers, quoted, voiced),
    )


# -- words -------------------------------------------------------------------------------------------


def _word_starts(doc: Doc, text: str) -> list[int]:
    """Where every word of the text starts. No word runs across whitespace, so where whitespace
    stands before every paragraph each paragraph's words are its own, kept for the page's next
    version (`engine.local`); otherwise the whole text is read. A page that only grew at its end
    since the last one takes that one's words before the growth (`_LastWords`)."""
    grown = _last_words.reuse(text)
    if grown is not None:
        return grown
    if any(p.start and not text[p.start - 1].isspace() for p in paragraphs_of(doc)):
        starts = [m.start() for m in WORD.finditer(text)]
    else:
        starts = by_paragraph(doc, "word starts", lambda d, k, p, w: [m.start() for m in WORD.finditer(text, p.start, p.end)],
                              lambda start, chars, tokens: start + chars, shift_all=lambda starts, chars, tokens: [s + chars for s in starts])
    _last_words.keep(text, starts)
    return starts


class _LastWords:
    """The word starts of the last text read in this process, for its next version (a live page that
    grew at its end), which shares its words up to the last whitespace the two texts share.

    Why they are the same: `WORD` never matches whitespace, so no match covers a whitespace character
    at `head - 1`; the matches that start before it end before it too, and a scan from the text's
    start finds them from the characters before it alone (the pattern looks behind within its own
    match only). So the words of `text[:head]` are those of any text that starts so, and the words
    from `head` on are a scan from there (`finditer(text, head)`, a scan reaching `head` in the same
    state: at a whitespace, no match open). Taken only when what is left to read is at most
    `_REST_CHARS` and a quarter of the text (else the paragraphs' kept words cost less to take).
    Bounded: one text, and none longer than `KEPT_CHARS` (a 3,000-word page's: its ~3,000 starts,
    some 110 kB, and its text, 35 kB, 70 kB with a character outside the BMP; measured)."""

    def __init__(self):
        self.text = ""
        self.starts: list[int] = []

    def keep(self, text: str, starts: list[int]) -> None:
        if len(text) <= KEPT_CHARS:
            self.text, self.starts = text, starts
        else:
            self.text, self.starts = "", []

    def reuse(self, text: str) -> list[int] | None:
        old = self.text
        if not old:
            return None
        head = _shared_head(old, text)
        if head == 0 or len(text) - head > min(_REST_CHARS, len(text) // 4):
            return None
        starts = self.starts[: bisect_left(self.starts, head)]
        starts.extend(m.start() for m in WORD.finditer(text, head))
        self.text, self.starts = text, starts
        return starts


def _shared_head(old: str, new: str) -> int:
    """The length of the longest start the two texts share that ends in a whitespace character (0: none)."""
    if new.startswith(old):
        n = len(old)
    else:
        lo, hi = 0, min(len(old), len(new))  # (the longest shared start, by bisection: each test is a memcmp)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if new.startswith(old[:mid]):
                lo = mid
            else:
                hi = mid - 1
        n = lo
    # (back to the whitespace before the word it ends in; a run longer than any word: none)
    stop = max(0, n - _LONGEST_RUN)
    while n > stop and not new[n - 1].isspace():
        n -= 1
    return n if n > stop or (n and new[n - 1].isspace()) else 0


# The longest text whose word starts are kept for its next version (`_LastWords`), and the most
# characters a next version may add after what it shares with it.
KEPT_CHARS = 2_000_000
_REST_CHARS = 20_000
_LONGEST_RUN = 1_000
_last_words = _LastWords()


def forget() -> None:
    """Drops the word starts kept of the last text."""
    _last_words.keep("", [])


def _union(spans: list[Span] | list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges = sorted((s.start, s.end) if isinstance(s, Span) else s for s in spans)
    out: list[tuple[int, int]] = []
    for start, end in ranges:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _within(ranges: list[tuple[int, int]], span: Span) -> list[tuple[int, int]]:
    """The (sorted) ranges that lie within `span`, found by bisection: a page of thousands of
    quotations must not compare every quotation with every other."""
    lo = bisect_left(ranges, (span.start, -1))
    hi = bisect_left(ranges, (span.end, -1))
    return [(a, b) for a, b in ranges[lo:hi] if b <= span.end]


def _words_in(word_starts: list[int], ranges: list[tuple[int, int]]) -> int:
    """Words whose first character lies in one of the (disjoint) ranges."""
    return sum(bisect_left(word_starts, end) - bisect_left(word_starts, start) for start, end in ranges)


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(ranges, (pos, _AFTER_ALL)) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


# -- sources -----------------------------------------------------------------------------------------


class _Sources:
    """Which source each span is attributed to, deciding each speaker once, in text order."""

    def __init__(self, doc: Doc, index: ActorIndex, actors: dict):
        self.doc = doc
        self.index = index
        self.actors = actors
        self.by_key: dict[tuple[str, str], _Source] = {}
        self.by_head: dict[str, _Source] = {}  # a description's head noun → the latest such source
        # (what `_named_institution` and `_person_with_role` look through, narrowed once per ledger
        # to the actors that can be the answer, in the index's order: the same answers)
        self._orgs: dict[str, list] | None = None
        self._roled: list | None = None

    def named_institution(self, noun: str, at: int):
        """`_named_institution(self.index, noun, at)`, of the organisations with `noun` in their name only."""
        if self._orgs is None:
            self._orgs = {}
            for actor in self.index.actors:
                if actor.type == "organization":
                    for w in {w.lower() for w in actor.name.split()}:
                        self._orgs.setdefault(w, []).append(actor)
        return _named_institution(self._orgs.get(noun, ()), noun, at)

    def person_with_role(self, words: list[str], at: int):
        """`_person_with_role(self.index, self.actors, words, at)`, of the people with a role only."""
        if self._roled is None:
            self._roled = [a for a in self.index.actors if a.type == "person" and a.id in self.actors and self.actors[a.id].role]
        return _person_with_role(self._roled, self.actors, words, at)

    def distinct(self) -> list[_Source]:
        return list({id(s): s for s in self.by_key.values()}.values())

    def source_of(self, span: Span) -> _Source | None:
        key = _source_key(span)
        if key is None:
            return None
        if key in self.by_key:
            source = self.by_key[key]
            self._note_description(span, source)
            return source
        head = _mention_head(self.doc, span)
        noun = head.lemma_.lower() if head is not None else _head_word(span.speaker or "")
        source = self._same_as(span, head, noun) if key[0] == "speaker" else None
        if source is not None:
            source.aliases.append(span.speaker or "")
        else:
            named, kind = _classify(self.doc, span, head, self.index, self.actors, self.named_institution)
            name = self.actors[span.actor].name if span.actor in self.actors else span.speaker or ""
            source = _Source(name, span.actor, named, kind, span.start)
            if key[0] == "speaker" and noun:
                self.by_head[noun] = source
            self._note_description(span, source)
        self.by_key[key] = source
        return source

    @staticmethod
    def _note_description(span: Span, source: _Source) -> None:
        """A description the engine already resolved to a named actor ("the ministry", via the
        coreference chain) is one more name the article uses for that source."""
        via = span.via
        if via is None or via.kind != "description" or len(via.chain) < 2:
            return
        words = via.chain[0].text.split()
        if words and words[0] in ("The", "A", "An"):
            words[0] = words[0].lower()
        alias = " ".join(words)
        if alias and alias not in source.aliases:
            source.aliases.append(alias)

    def _same_as(self, span: Span, head: Token | None, noun: str) -> _Source | None:
        """A definite description of a source already known: "the ministry" is the organisation
        whose name has that noun, "the former president" the person the article gave that role,
        "the report" the source described with that noun before."""
        words = (span.speaker or "").split()
        if len(words) < 2 or words[0].lower() != "the" or (head is not None and head.pos_ == "PROPN"):
            return None
        at = span.speaker_start if span.speaker_start is not None else span.start
        actor = self.named_institution(noun, at) if noun in INSTITUTION_NOUNS else None
        actor = actor or self.person_with_role(words[1:], at)
        if actor is not None:
            key = ("actor", actor.id)
            if key not in self.by_key:
                self.by_key[key] = _Source(actor.name, actor.id, True, actor.type, span.start)
            return self.by_key[key]
        return self.by_head.get(noun)


def _source_key(span: Span) -> tuple[str, str] | None:
    if span.actor is not None:
        return ("actor", span.actor)
    if not span.speaker or span.speaker.lower() in _NO_SOURCE:
        return None  # no speaker, or a pronoun the engine could not resolve to anyone
    return ("speaker", span.speaker)


def _classify(doc: Doc, span: Span, head: Token | None, index: ActorIndex, actors: dict, named_institution) -> tuple[bool, str | None]:
    """(named, type) of the source a span is attributed to; `head` is its mention's head word;
    `named_institution(noun, at)`: `_named_institution` over the index's actors."""
    if span.actor is not None:
        return True, actors[span.actor].type if span.actor in actors else None
    if head is None:
        return _classify_words(span.speaker or "")
    if head.pos_ == "PROPN":
        return True, None  # a name the engine did not consolidate into an actor
    lemma = head.lemma_.lower()
    if lemma in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS:
        # "a World Bank study", "Okafor's research", "a council report" (the council named
        # elsewhere): a document whose author the article names.
        owners = [child for child in head.children if child.dep_ in _OWNER_DEPS]
        owned = any(_named_owner(o, index) for o in owners) or any(
            o.lemma_.lower() in INSTITUTION_NOUNS and named_institution(o.lemma_.lower(), o.idx) is not None for o in owners
        )
        return owned, "document"
    if lemma in INSTITUTION_NOUNS or head.lower_ in INSTITUTION_NOUNS:
        return False, "organization"
    return False, "person"


def _mention_head(doc: Doc, span: Span) -> Token | None:
    """The head word of the speaker mention, when the mention is the description itself (not a
    pronoun that was resolved to a description elsewhere).

    A mention is read from the document's columns (`engine.docview`) when its ends are a token's
    start and a token's end, as the engine's mentions are: its words are then the text between
    them, and its head `Span.root`'s answer, which that gives without making the Span for the cases
    it settles at once (a token that is a sentence's root, else the only token whose head is outside
    the mention). Any other mention is read as a Span, as before."""
    start, end = span.speaker_start, span.speaker_end
    if start is None or end is None:
        return None
    cols = columns(doc)
    starts = cols.starts
    first = bisect_left(starts, start)
    stop = bisect_left(starts, end)
    if first < stop and starts[first] == start and starts[stop - 1] + len(cols.text[stop - 1]) == end:
        if text_of(doc)[start:end].lower() != (span.speaker or "").lower():
            return None
        root = _root(cols.head, first, stop)
        if root is not None:
            return token_list(doc)[root]
    mention = doc.char_span(start, end, alignment_mode="expand")
    if mention is None or not len(mention):
        return None
    if mention.text.lower() != (span.speaker or "").lower():
        return None
    return mention.root


def _root(head: list[int], first: int, stop: int) -> int | None:
    """`Span.root` of tokens [first, stop) from their heads, where that needs no path to the
    sentence's root: the first token that is a sentence's root, else the one token whose head lies
    outside; None when several do (`Span.root` then counts their paths)."""
    outside = None
    for i in range(first, stop):
        h = head[i]
        if h == i:
            return i
        if not first <= h < stop:
            if outside is not None:
                for j in range(i + 1, stop):  # (a sentence's root further on is still the answer)
                    if head[j] == j:
                        return j
                return None
            outside = i
    return first if outside is None else outside


def _classify_words(description: str) -> tuple[bool, str | None]:
    """The same decision from a description's words alone."""
    head = _head_word(description)
    if head in DOCUMENT_NOUNS:
        return False, "document"
    if head in INSTITUTION_NOUNS:
        return False, "organization"
    return False, "person"


def _named_institution(actors, noun: str, at: int):
    """Of `actors` (the index's, in its order), the organisation with `noun` in its name ("Ministry"
    for "the ministry"): the one named most recently before `at`, else the first named after it (a
    standfirst's "the council" comes before the lede names Northport City Council)."""
    before, after = (None, -1), (None, float("inf"))
    for actor in actors:
        if actor.type != "organization" or noun not in {w.lower() for w in actor.name.split()}:
            continue
        for m in actor.mentions:
            if m.start < at and m.start > before[1]:
                before = (actor, m.start)
            elif m.start >= at and m.start < after[1]:
                after = (actor, m.start)
    return before[0] or after[0]


def _person_with_role(candidates, actors: dict, words: list[str], at: int):
    """Of `candidates` (the index's actors, in its order), the person named before `at` whose role
    has every word of the description ("the former president" → the actor given "Former
    President"), the most recently mentioned one."""
    want = {w.strip(".,’'").lower() for w in words} - {""}
    best, best_at = None, -1
    for actor in candidates:
        role = actors[actor.id].role if actor.id in actors else None
        if actor.type != "person" or not role or not want <= {w.strip(".,’'").lower() for w in role.split()}:
            continue
        last = max((m.start for m in actor.mentions if m.start < at), default=-1)
        if last > best_at:
            best, best_at = actor, last
    return best


def _head_word(description: str) -> str:
    """A description's head from its words alone: the last word before what follows the head
    ("people familiar with the matter" → people)."""
    words = [w.strip(".,;:’'\"").lower() for w in description.split()]
    cut = next((i for i, w in enumerate(words) if i and w in _AFTER_HEAD), len(words))
    return words[cut - 1] if cut else ""


def _named_owner(tok: Token, index: ActorIndex) -> bool:
    m = index.mention_at(tok.i)
    return m is not None and m.actor is not None and m.actor.type in ("person", "organization")


# -- figures -----------------------------------------------------------------------------------------


def _unsourced_figures(doc: Doc, numbers: list[Span], quoted: list[tuple[int, int]], voiced: list[tuple[int, int]]) -> list[LedgerFigure]:
    """The `number` spans (in text order) with no source; `quoted`, `voiced`: the union of the quote
    spans, and of the quote and reported spans."""
    if not numbers:
        return []
    cols = columns(doc)
    sentences = cols.sents  # (token ranges: `doc.sents` would make every sentence's Span)
    starts = [cols.starts[a] for a, _ in sentences]
    verdicts: dict[int, bool] = {}
    out: list[LedgerFigure] = []
    for n in numbers:
        i = max(0, bisect_right(starts, n.start) - 1)
        if i not in verdicts:
            first, last = sentences[i]
            end_char = cols.starts[last - 1] + len(cols.text[last - 1])
            verdicts[i] = _overlaps(voiced, cols.starts[first], end_char) or _has_cue(cols, first, last, quoted)
        if not verdicts[i] and not _inside(voiced, n.start):
            out.append(_LedgerFigure(start=n.start, end=n.end, text=n.text))
    return out


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(ranges, (end, end))
    return i > 0 and ranges[i - 1][1] > start


def _has_cue(cols, first: int, last: int, quoted: list[tuple[int, int]]) -> bool:
    """ "according to …", or a reporting verb whose subject is not the writer, outside quotations,
    in the tokens [first, last) (a sentence), read from the document's columns (`engine.docview`):
    no Token object is made for them."""
    lower, pos, lemma, dep = cols.lower, cols.pos, cols.lemma, cols.dep
    for i in range(first, last):
        according = lower[i] == "according" and i + 1 < len(cols) and lower[i + 1] == "to"
        reporting = pos[i] == "VERB" and lemma[i] in REPORTING_VERBS  # (the columns' lemmas are lower-cased)
        if not (according or reporting) or _inside(quoted, cols.starts[i]):
            continue  # (whether a token is quoted is looked up for a cue's words only)
        if according:
            return True
        if reporting:
            subjects = [c for c in cols.children[i] if dep[c] in ("nsubj", "nsubjpass")]
            if subjects and all(lower[c] not in PRONOUNS_FIRST for c in subjects):
                return True
    return False
