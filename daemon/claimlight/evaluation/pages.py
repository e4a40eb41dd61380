"""Scoring what the extension did on a news page against the page's gold (seeds/pages/corpus/README.md).

The extension is judged on what a reader sees: the text it chose to analyse (against the gold
article text) and the highlights it painted (against the gold text and quotes). Nothing here drives
a browser; `claimlight.testing.pages` observes a page and hands over an `Observation`.

Text is compared after whitespace normalisation (every run of whitespace, paragraph breaks included,
is one space). Highlights are placed by their text plus the page text around them, paragraph breaks
kept, so a quote that a comment or a pull quote repeats is not taken for the article's own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from ..protocol import ACTOR_CATEGORIES, Analysis, Category
from .counts import add_counts, rate

GOLD_SUFFIX = ".gold.json"

# Characters of page text on each side of a highlight that must agree with the gold text for the
# highlight to count as inside the article; fewer are enough where both have a paragraph break there.
MIN_CONTEXT = 12
# A gold quote is found when quote highlights cover at least this share of it; a quote highlight
# is right when at least this share of it lies on gold quotes.
COVER = 0.5
# An unmatched run of analysed words counts as optional text (a headline, a standfirst) when it is a
# whole optional string or at least this many words of one.
OPTIONAL_MIN_WORDS = 3

# Characters that draw nothing and only say where a line may or may not break: the soft hyphen, the
# zero-width space, the word joiner and the zero-width no-break space (a byte-order mark pasted into
# a word). A word holding one is the same word. (ZWNJ and ZWJ are left: they shape letters and emoji.)
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace runs to one space, invisible break marks (`_INVISIBLE`) dropped, ends trimmed."""
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


# Page text as the observer reads it marks block boundaries with U+2029 and line breaks (<br>, a
# newline in preformatted text) with U+2028. Normalised, a paragraph break is "\n" and a lone line
# break LINE, which matches either a space or a paragraph break of the gold: a hard-wrapped line of
# wire copy continues its paragraph, the line after the last one may be a credit.
PARAGRAPH_MARK = "\u2029"
LINE = "\u2028"


def _page_run(match: re.Match) -> str:
    run = match.group(0)
    if PARAGRAPH_MARK in run or run.count(LINE) >= 2:
        return "\n"
    return LINE if LINE in run else " "


def normalise_page(text: str) -> str:
    """Page text with its breaks: paragraph breaks "\n", lone line breaks LINE, other whitespace " "."""
    return re.sub(r"\s+", _page_run, _INVISIBLE.sub("", text))


def paragraphs(text: str) -> str:
    """Gold text normalised with its paragraph breaks kept as "\n" (positions match `normalise`)."""
    return "\n".join(normalise(p) for p in re.split(r"\n\s*\n", text) if normalise(p))


# --- gold -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    quote: str
    speaker: str


@dataclass(frozen=True)
class PageGold:
    name: str
    article: bool
    shape: str
    text: str = ""
    optional: tuple[str, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    notes: str = ""

    def quote_spans(self) -> list[tuple[int, int]]:
        """Where each quote sits in the normalised text, searching in order (a repeated quote is
        found again after the previous one)."""
        text = normalise(self.text)
        spans, start = [], 0
        for q in self.quotes:
            needle = normalise(q.quote)
            at = text.find(needle, start)
            if at < 0:
                at = text.find(needle)
            if at < 0:
                raise ValueError(f"{self.name}: quote not in the text: {q.quote!r}")
            spans.append((at, at + len(needle)))
            start = at + 1
        return spans


def load_page_gold(path: Path) -> PageGold:
    """Reads and checks one `<page>.gold.json`; ValueError says what is wrong with it."""
    path = Path(path)
    name = path.name.removesuffix(GOLD_SUFFIX)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("article"), bool) or not raw.get("shape"):
        raise ValueError(f"{path}: needs 'article' (true or false) and 'shape'")
    quotes = tuple(GoldQuote(q["quote"], q["speaker"]) for q in raw.get("quotes", []))
    gold = PageGold(
        name=name,
        article=raw["article"],
        shape=raw["shape"],
        text=raw.get("text", ""),
        optional=tuple(raw.get("optional", [])),
        quotes=quotes,
        notes=raw.get("notes", ""),
    )
    if gold.article and not normalise(gold.text):
        raise ValueError(f"{path}: an article needs its 'text'")
    if not gold.article and (gold.text or gold.quotes):
        raise ValueError(f"{path}: a page that is not an article has no text or quotes")
    gold.quote_spans()  # every quote is in the text
    return gold


def corpus_pages(paths: Iterable[Path | str]) -> list[tuple[Path, PageGold]]:
    """(page.html, gold) for every gold file in the given directories, or for the given pages or
    gold files themselves. A page is `<name>.html` beside `<name>.gold.json`."""
    found: list[tuple[Path, PageGold]] = []
    for p in map(Path, paths):
        if not p.exists():
            raise ValueError(f"{p}: no such file or directory")
        if p.is_dir():
            golds = sorted(p.glob("*" + GOLD_SUFFIX))
        elif p.name.endswith(GOLD_SUFFIX):
            golds = [p]
        else:
            golds = [p.with_name(p.name.removesuffix(".html") + GOLD_SUFFIX)]
            if not golds[0].exists():
                raise ValueError(f"{p}: no gold file {golds[0].name} beside it")
        for g in golds:
            html = g.with_name(g.name.removesuffix(GOLD_SUFFIX) + ".html")
            if not html.exists():
                raise ValueError(f"{g}: no page {html.name} beside it")
            found.append((html, load_page_gold(g)))
    return found


# --- what the browser saw ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Highlight:
    """One painted range: its category, its text, and the page text just before and after it."""

    category: str
    text: str
    before: str = ""
    after: str = ""


@dataclass
class Observation:
    active: bool  # the extension analysed the page (on its own: nothing was forced)
    is_article: bool  # the extension's article test said yes
    blocks: list[str] = field(default_factory=list)  # the text of each analysed block
    highlights: list[Highlight] = field(default_factory=list)
    timed_out: bool = False  # the analysis had not settled when the observer gave up
    error: str = ""
    first_look: list[str] = field(default_factory=list)  # the paragraphs read at a first look, before the search
    visible: list[str] = field(default_factory=list)  # the page's visible text per frame, when asked for (testing.pages)


# --- extraction: analysed text against gold text ------------------------------------------------------


@dataclass
class Extraction:
    matched: int = 0  # characters of analysed words aligned with gold words
    analysed: int = 0  # characters analysed, optional text left out
    gold: int = 0  # characters of gold text
    optional: int = 0  # characters analysed that are optional text

    precision = rate("matched", "analysed", None)
    recall = rate("matched", "gold", None)

    def add(self, other: "Extraction") -> None:
        self.matched += other.matched
        self.analysed += other.analysed
        self.gold += other.gold
        self.optional += other.optional


def _weight(words: Sequence[str]) -> int:
    return sum(len(w) + 1 for w in words)


def _optional_words(run: list[str], optional: list[str]) -> list[bool]:
    """Which words of an unmatched run belong to optional text (greedy, longest piece first)."""
    padded = [f" {o} " for o in optional]
    flags = [False] * len(run)
    i = 0
    while i < len(run):
        best = 0
        for k in range(len(run) - i, 0, -1):
            piece = " ".join(run[i : i + k])
            hit = next((o for o in padded if f" {piece} " in o), None)
            if hit and (k >= OPTIONAL_MIN_WORDS or len(hit.split()) == k):
                best = k
                break
        if best:
            flags[i : i + best] = [True] * best
            i += best
        else:
            i += 1
    return flags


def extraction(gold: PageGold, blocks: Sequence[str]) -> Extraction:
    """Characters of the analysed text that are gold text (precision) and of the gold text that
    were analysed (recall), by aligning words in order; optional text counts neither way."""
    gold_words = normalise(gold.text).split()
    optional = [normalise(o) for o in gold.optional if normalise(o)]
    words: list[str] = []
    opt_chars = 0
    for block in map(normalise, blocks):
        if block and any(block in o for o in optional):
            opt_chars += _weight(block.split())
        elif block:
            words.extend(block.split())
    matcher = SequenceMatcher(None, words, gold_words, autojunk=False)
    aligned = [False] * len(words)
    for m in matcher.get_matching_blocks():
        aligned[m.a : m.a + m.size] = [True] * m.size
    matched = extra = 0
    run: list[str] = []

    def close_run() -> None:
        nonlocal extra, opt_chars
        flags = _optional_words(run, optional)
        opt_chars += _weight([w for w, f in zip(run, flags) if f])
        extra += _weight([w for w, f in zip(run, flags) if not f])
        run.clear()

    for word, ok in zip(words, aligned):
        if ok:
            close_run()
            matched += len(word) + 1
        else:
            run.append(word)
    close_run()
    return Extraction(matched=matched, analysed=matched + extra, gold=_weight(gold_words), optional=opt_chars)


# --- placing highlights --------------------------------------------------------------------------------


def _same(page_char: str, gold_char: str) -> bool:
    return page_char == gold_char or (page_char == LINE and gold_char in " \n")


def _agreement(page_side: str, gold_side: str) -> tuple[int, bool]:
    """How many characters of `page_side` agree with `gold_side`, both read outwards from the
    highlight (the caller reverses the text before it), and whether that stretch holds a paragraph
    break of the gold."""
    n = 0
    while n < len(page_side) and n < len(gold_side) and _same(page_side[n], gold_side[n]):
        n += 1
    return n, "\n" in gold_side[:n]


def _line_goes_on(page_side: str, gold_side: str, n: int) -> bool:
    """Does the agreement stop at a paragraph break of the gold where the page's line goes on?"""
    return n < len(page_side) and n < len(gold_side) and gold_side[n] == "\n" and page_side[n] == " "


def _merge_breaks(run: str) -> str:
    """One break for a run of breaks and spaces, the strongest among them."""
    if "\n" in run or run.count(LINE) >= 2:
        return "\n"
    return LINE if LINE in run else " "


def _pieces(h: Highlight) -> tuple[str, str, str]:
    """The highlight's text and the page text before and after it, normalised together (so the
    breaks between them survive), with any break at the text's edges moved into the context."""
    marked = normalise_page(h.before + "\x00" + h.text + "\x01" + h.after)
    start, end = marked.index("\x00"), marked.index("\x01")
    before, text, after = marked[:start], marked[start + 1 : end], marked[end + 1 :]
    core = text.strip(" \n" + LINE)
    if not core:
        return before, "", after
    lead = text[: text.index(core)]
    trail = text[text.index(core) + len(core) :]
    before = re.sub(r"[ \n\u2028]+$", lambda m: _merge_breaks(m.group(0)), before + lead)
    after = re.sub(r"^[ \n\u2028]+", lambda m: _merge_breaks(m.group(0)), trail + after)
    return before, core.replace(LINE, " "), after


def locate(h: Highlight, region: str) -> int | None:
    """Where the highlight sits in `region` (gold text from `paragraphs`), or None if not there.

    The highlight's text must occur in the region, and the page text on each side of it must agree
    with the region for MIN_CONTEXT characters, or across a paragraph break that both have, or until
    the page's text runs out: a pull quote or a comment repeating the article's words has different
    neighbours, and a paragraph that follows a byline or precedes a caption is still the article.
    One side may also agree up to a paragraph break of the region where the page's line goes on
    (a photo essay's caption, its counter before the prose and its credit after it on one line),
    when the other side agrees for MIN_CONTEXT characters."""
    before, text, after = _pieces(h)
    if not text:
        return None
    padded = f"\n{region}\n"
    best: tuple[int, int] | None = None
    at = padded.find(text)
    while at >= 0:
        page_b, gold_b = before[::-1], padded[max(0, at - len(before)) : at][::-1]
        page_a, gold_a = after, padded[at + len(text) :]
        mb, break_b = _agreement(page_b, gold_b)
        ma, break_a = _agreement(page_a, gold_a)
        ok_before = mb >= MIN_CONTEXT or break_b or mb == len(before)
        ok_after = ma >= MIN_CONTEXT or break_a or ma == len(after)
        ok_before = ok_before or (ma >= MIN_CONTEXT and _line_goes_on(page_b, gold_b, mb))
        ok_after = ok_after or (mb >= MIN_CONTEXT and _line_goes_on(page_a, gold_a, ma))
        if ok_before and ok_after and (best is None or mb + ma > best[0]):
            best = (mb + ma, at - 1)
        at = padded.find(text, at + 1)
    return None if best is None else max(best[1], 0)


# --- a page's score ----------------------------------------------------------------------------------------


# Highlight categories that name an actor on the page: the actor categories of the protocol, and
# the speaker of a quote (a name painted as the speaker is not painted again as a person).
ACTOR_HIGHLIGHTS = frozenset({*(c.value for c in ACTOR_CATEGORIES), Category.speaker.value})


def gold_actor_spans(gold: PageGold, analyze: Callable[[str], Analysis]) -> list[tuple[int, int]]:
    """The article's actor mentions: what the engine finds naming people, organisations, places and
    speakers in the gold text itself (analysed whole, as the extension sends a page), as spans of
    `paragraphs(gold.text)`. A page's actor recall is the share of these its highlights cover."""
    paras = paragraphs(gold.text).split("\n") if gold.article else []
    if not paras:
        return []
    analysis = analyze("\n\n".join(paras))
    # Paragraph k starts at `at` in the "\n\n"-joined text and at `at - k` in the "\n"-joined one.
    starts, at = [], 0
    for p in paras:
        starts.append(at)
        at += len(p) + 2
    spans = []
    for span in analysis.spans:
        if span.category.value not in ACTOR_HIGHLIGHTS:
            continue
        k = max(i for i, s in enumerate(starts) if s <= span.start)
        spans.append((span.start - k, span.end - k))
    return sorted(set(spans))


@dataclass(kw_only=True)
class QuoteTally:
    """Gold quotes found, and quote highlights judged: of a page or of the corpus; and the
    article's actor mentions covered by actor highlights, when they were asked for."""

    quotes_found: int = 0
    quotes_total: int = 0
    quote_hl_right: int = 0  # quote highlights on gold quotes
    quote_hl_judged: int = 0  # quote highlights inside the article or outside it (optional text aside)
    actors_found: int = 0
    actors_total: int = 0

    actor_recall = rate("actors_found", "actors_total", None)
    quote_recall = rate("quotes_found", "quotes_total", None)
    quote_precision = rate("quote_hl_right", "quote_hl_judged", None)

    def tally_dict(self) -> dict:
        """The quote and actor figures, reported alike for a page and for the corpus."""
        return {
            "quote_recall": self.quote_recall,
            "quotes": {"found": self.quotes_found, "total": self.quotes_total},
            "quote_precision": self.quote_precision,
            "actor_recall": self.actor_recall,
            "actors": {"found": self.actors_found, "total": self.actors_total},
        }


@dataclass
class PageScore(QuoteTally):
    name: str
    shape: str
    article: bool  # gold: is it an article?
    auto_run: bool  # the extension analysed it on its own
    extraction: Extraction = field(default_factory=Extraction)
    highlights: int = 0
    outside: list[str] = field(default_factory=list)  # "category: text" of highlights outside the article
    missed_quotes: list[str] = field(default_factory=list)
    timed_out: bool = False
    error: str = ""

    @property
    def detection_ok(self) -> bool:
        return self.auto_run == self.article

    @property
    def passes(self) -> bool:
        """Everything the issue asks of this page: the analysed text is the gold text, every gold
        quote is highlighted, nothing is highlighted outside the article, and auto-run is right."""
        if not self.detection_ok or self.outside or self.error or self.timed_out:
            return False
        if not self.article:
            return True
        e = self.extraction
        return e.matched == e.analysed == e.gold and self.quotes_found == self.quotes_total

    def failures(self) -> list[str]:
        """What keeps the page from passing, one short line each."""
        out = []
        if self.error:
            out.append(f"error: {self.error}")
        if self.timed_out:
            out.append("the analysis did not settle")
        if not self.detection_ok:
            out.append("analysed on its own although not an article" if self.auto_run else "not analysed on its own")
        e = self.extraction
        if self.article and self.auto_run:
            if e.matched < e.gold:
                out.append(f"gold text not analysed: recall {e.recall:.3f}")
            if e.matched < e.analysed:
                out.append(f"text analysed that is not the article: precision {e.precision:.3f}")
        if self.quotes_found < self.quotes_total:
            out.append(f"{self.quotes_total - self.quotes_found} of {self.quotes_total} gold quotes not highlighted")
        if self.outside:
            out.append(f"{len(self.outside)} highlights outside the article, e.g. {self.outside[0]!r}")
        return out

    def as_dict(self) -> dict:
        e = self.extraction
        return {
            "page": self.name,
            "shape": self.shape,
            "article": self.article,
            "auto_run": self.auto_run,
            "detection_ok": self.detection_ok,
            "extraction_precision": e.precision,
            "extraction_recall": e.recall,
            "chars": {"matched": e.matched, "analysed": e.analysed, "gold": e.gold, "optional": e.optional},
            **self.tally_dict(),
            "quote_highlights": {"right": self.quote_hl_right, "judged": self.quote_hl_judged},
            "highlights": self.highlights,
            "outside": len(self.outside),
            "outside_examples": self.outside[:10],
            "missed_quotes": self.missed_quotes,
            "passes": self.passes,
            "timed_out": self.timed_out,
            "error": self.error,
        }


def _covered(span: tuple[int, int], pieces: Sequence[tuple[int, int]]) -> int:
    """Characters of `span` under the union of `pieces`."""
    s, e = span
    covered, cursor = 0, s
    for a, b in sorted(pieces):
        a, b = max(a, cursor), min(b, e)
        if b > a:
            covered += b - a
            cursor = b
    return covered


def score_page(gold: PageGold, obs: Observation, actor_spans: Sequence[tuple[int, int]] = ()) -> PageScore:
    """`actor_spans`: the article's actor mentions (gold_actor_spans), when actor recall is wanted."""
    sc = PageScore(name=gold.name, shape=gold.shape, article=gold.article, auto_run=obs.active,
                   timed_out=obs.timed_out, error=obs.error, highlights=len(obs.highlights))
    text = paragraphs(gold.text) if gold.article else ""
    optional = [normalise(o) for o in gold.optional]
    if gold.article:
        sc.extraction = extraction(gold, obs.blocks if obs.active else [])
    quote_spans = gold.quote_spans() if gold.article else []
    found_quote_pieces: list[tuple[int, int]] = []
    actor_pieces: list[tuple[int, int]] = []
    for h in obs.highlights:
        at = locate(h, text) if text else None
        length = len(_pieces(h)[1])
        if at is None:
            if any(locate(h, o) is not None for o in optional if o):
                continue  # in the headline or another optional part: neither right nor wrong
            sc.outside.append(f"{h.category}: {normalise(h.text)}")
            if h.category == "quote":
                sc.quote_hl_judged += 1
            continue
        if h.category in ACTOR_HIGHLIGHTS:
            actor_pieces.append((at, at + length))
        if h.category == "quote":
            piece = (at, at + length)
            found_quote_pieces.append(piece)
            sc.quote_hl_judged += 1
            if length and max((_covered(piece, [q]) for q in quote_spans), default=0) >= COVER * length:
                sc.quote_hl_right += 1
    sc.actors_total = len(actor_spans)
    sc.actors_found = sum(_covered(a, actor_pieces) >= COVER * (a[1] - a[0]) for a in actor_spans)
    sc.quotes_total = len(quote_spans)
    for q, span in zip(gold.quotes, quote_spans):
        if _covered(span, found_quote_pieces) >= COVER * (span[1] - span[0]):
            sc.quotes_found += 1
        else:
            sc.missed_quotes.append(q.quote)
    return sc


# --- the corpus's score ---------------------------------------------------------------------------------------


@dataclass
class Overall(QuoteTally):
    pages: int = 0
    articles: int = 0
    detection_ok: int = 0
    passes: int = 0
    extraction: Extraction = field(default_factory=Extraction)
    highlights: int = 0
    outside: int = 0
    pages_with_outside: int = 0

    def as_dict(self) -> dict:
        e = self.extraction
        return {
            "pages": self.pages,
            "articles": self.articles,
            "passing_pages": self.passes,
            "detection_accuracy": self.detection_ok / self.pages if self.pages else None,
            "extraction_precision": e.precision,
            "extraction_recall": e.recall,
            **self.tally_dict(),
            "highlights": self.highlights,
            "outside": self.outside,
            "pages_with_outside": self.pages_with_outside,
        }


# The counters a page's score and the corpus total share, summed as they are.
_COUNTERS = ("quotes_found", "quotes_total", "quote_hl_right", "quote_hl_judged", "actors_found", "actors_total", "highlights")


def overall(scores: Iterable[PageScore]) -> Overall:
    """Sums over pages: characters for extraction (so long articles weigh more), quotes for quotes."""
    total = Overall()
    for s in scores:
        total.pages += 1
        total.articles += s.article
        total.detection_ok += s.detection_ok
        total.passes += s.passes
        total.extraction.add(s.extraction)
        add_counts(total, s, _COUNTERS)
        total.outside += len(s.outside)
        total.pages_with_outside += bool(s.outside)
    return total
