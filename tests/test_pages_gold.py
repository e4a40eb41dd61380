"""Self-consistency of the pages corpus (seeds/pages/corpus, format in its README), without a browser.

The gold is the yardstick of the extension's extraction, so it has to agree with itself and with its
pages: every quote is an exact substring of the text, in order; every paragraph of the text is text
of its page (or of what the page loads: its scripts' strings, its iframe's document); the corpus
holds the shapes and the non-article pages it exists for. (That the gold text is *visible* text of
the rendered page is checked in tests/browser/test_pages.py.)
"""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import pytest

from claimlight.evaluation.pages import GOLD_SUFFIX, corpus_pages, load_page_gold, normalise

CORPUS = Path(__file__).resolve().parent.parent / "seeds" / "pages" / "corpus"
GOLDS = sorted(CORPUS.glob("*" + GOLD_SUFFIX))
QUOTE_MARKS = {"“": "”", '"': '"', "‘": "’", "«": "»"}


# Classes that by convention clip an element to nothing, for screen readers only.
SCREEN_READER_ONLY = re.compile(r"(^|\s)(sr-only|visually-hidden|screen-reader-text)(\s|$)")
# A note number in a <sup>: bracketed ('[1]'), or bare inside an in-page link ('<a href=#fn1>1</a>').
BRACKETED_NOTE, NOTE_NUMBER = re.compile(r"\[\s*\d{1,3}\s*\]"), re.compile(r"\d{1,3}")
# Form controls: a button's label ('▶ Listen 0:12') or a field's value is not text of the story.
CONTROLS = {"button", "select", "textarea"}
# A ruby's reading (<rt>, drawn above its word) and the fallback parentheses around it (<rp>) are
# an annotation of the word, not words of the sentence, as the corpus gold has it.
RUBY_ANNOTATIONS = {"rt", "rp"}
# Words an editor struck out (<del>, drawn struck through beside the <ins> that replaces them) are
# what the page withdrew, not what it says: the corpus gold reads the corrected sentence.
WITHDRAWN = {"del"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A page's own rule drawing quotation marks around the elements of a class (`.say::before { content:
# "\201C" }`): the marks are text a reader reads, like a <q>'s. Only marks count, as the extension reads them.
DRAWN_RULE = re.compile(r'\.([\w-]+)::(before|after)\s*\{[^}]*?content:\s*"((?:[^"\\]|\\.)*)"')
ONLY_MARKS = re.compile(r'^[\s"\'“”„‟‘’‚‛«»‹›]+$')
# A page's own rule, or an inline style, hiding an element from every reader: not displayed, set in
# a zero font size, or made transparent in a box of a pixel (noise a site puts inside its sentences
# against copying). A rule inside a media query hides only on some screens, so it is not read as one.
HIDING = r"display:\s*none|font-size:\s*0(?:px)?\s*(?:;|$)|opacity:\s*0\s*;[^}]*width:\s*1px"
HIDING_RULE = re.compile(r"^\s*\.([\w-]+)\s*\{([^}]*)\}", re.M)


def hiding_classes(raw: str) -> set[str]:
    """The classes a top-level rule of the page's style sheet hides from every reader (`HIDING`)."""
    outside_media = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^}]*\})*\s*\}", "", raw)
    return {cls for cls, body in HIDING_RULE.findall(outside_media) if re.search(HIDING, body.strip())}


def drawn_marks(raw: str) -> dict[str, list[str]]:
    """Class → [before, after]: the quotation marks the page's style sheets draw around it."""
    drawn: dict[str, list[str]] = {}
    for cls, pseudo, value in DRAWN_RULE.findall(raw):
        text = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(int(m.group(1), 16)), value)
        if ONLY_MARKS.match(text):
            drawn.setdefault(cls, ["", ""])[pseudo == "after"] = text
    return drawn


class _Text(html.parser.HTMLParser):
    """All character data of a document, scripts' and templates' included, entities decoded;
    screen-reader-only text left out (a reader does not see it), and so is a tooltip's (role=tooltip,
    shown only on hover), and so is a form control's (a button's label), and a ruby's reading (<rt>, <rp>), and an editor's struck-out words (<del>); scripts' strings
    come after the document's text, not where the <script> stands; a <q>'s quotation marks, which the
    browser draws around it, put in (“…”, and ‘…’ for a <q> inside another), and so are those the page's style sheet draws around
    the elements of a class (`drawn_marks`); a note number set as a
    <sup> ('[1]'), or a number linking within the page ('1', in a <sup> or styled as one), left out, since it is a pointer the gold leaves
    out wherever it stands."""

    def __init__(self, drawn: dict[str, list[str]] | None = None, hiding: set[str] | None = None):
        super().__init__(convert_charrefs=True)
        self.drawn = drawn or {}
        self.hiding = hiding or set()
        self.open: list[tuple[str, str]] = []  # (tag, the marks drawn after it) of the open elements
        self.parts: list[str] = []
        # A script's strings (an app rendering its story) are text the page may show, but not where
        # the <script> stands: one inside a paragraph would otherwise split the paragraph's text.
        self.scripts: list[str] = []
        self.script_depth = 0
        self.hidden_depth = 0
        self.q_depth = 0
        self.sup_depth = 0
        self.in_page_link = False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if tag == "sup":
            self.sup_depth += 1
        if tag == "script":
            self.script_depth += 1
        if tag == "a":
            self.in_page_link = (dict(attrs).get("href") or "").startswith("#")
        if tag == "q":
            self.handle_data("“‘"[self.q_depth % 2])
            self.q_depth += 1
        marks = next((self.drawn[c] for c in (dict(attrs).get("class") or "").split() if c in self.drawn), ["", ""])
        self.handle_data(marks[0])
        self.open.append((tag, marks[1]))
        classes = set((dict(attrs).get("class") or "").split())
        hidden_by_style = bool(classes & self.hiding) or bool(re.search(HIDING, dict(attrs).get("style") or ""))
        if self.hidden_depth or SCREEN_READER_ONLY.search(dict(attrs).get("class") or "") or dict(attrs).get("role") == "tooltip" or tag in CONTROLS or tag in RUBY_ANNOTATIONS or tag in WITHDRAWN or hidden_by_style:
            self.hidden_depth += 1

    def handle_endtag(self, tag):
        if tag == "sup" and self.sup_depth:
            self.sup_depth -= 1
        if tag == "a":
            self.in_page_link = False
        if tag == "script" and self.script_depth:
            self.script_depth -= 1
        if tag == "q" and self.q_depth:
            self.q_depth -= 1
            self.handle_data("”’"[self.q_depth % 2])
        # Close up to the element that ends here (an unclosed <p> is closed with it).
        if any(t == tag for t, _ in self.open):
            while self.open:
                t, after = self.open.pop()
                self.handle_data(after)
                if t == tag:
                    break
        if self.hidden_depth and tag not in VOID:
            self.hidden_depth -= 1

    def handle_data(self, data):
        # A number linking within the page is a note mark in a <sup> or set as one by its style
        # (a newsletter platform's `<a class=footnote-anchor href=#footnote-1>1</a>`).
        linked_number = self.in_page_link and NOTE_NUMBER.fullmatch(data.strip())
        if linked_number or (self.sup_depth and BRACKETED_NOTE.fullmatch(data.strip())):
            return
        if self.script_depth:
            self.scripts.append(data)
        elif not self.hidden_depth:
            self.parts.append(data)


def source_text(page: Path) -> str:
    """The page's text and that of the documents it embeds (an iframe or a frameset's frame, by a relative `src`,
    or in a `srcdoc`; an `<object>`'s HTML document by its `data`), normalised."""
    raw = page.read_text(encoding="utf-8")
    docs = [raw] + [(page.parent / src).read_text(encoding="utf-8")
                    for src in re.findall(r'<i?frame[^>]*\ssrc="([^":]+)"', raw)
                    + re.findall(r'<object[^>]*\sdata="([^":]+\.html)"', raw)]
    # A frame's document written into its srcdoc attribute, escaped.
    docs += [html.unescape(doc) for doc in re.findall(r'<iframe[^>]*\ssrcdoc="([^"]*)"', raw)]
    parser = _Text(drawn_marks(raw), hiding_classes(raw))
    for doc in docs:
        parser.feed(doc)
    # Markup inside script strings (an app rendering <p>s) is not text.
    return normalise(re.sub(r"<[^>]+>", "", "".join(parser.parts) + " " + " ".join(parser.scripts)))


def test_the_corpus_has_the_shapes_it_exists_for():
    pages = corpus_pages([CORPUS])
    assert len(pages) >= 30
    golds = [g for _, g in pages]
    shapes = [g.shape for g in golds]
    assert len(set(shapes)) == len(shapes), "every page is a different shape"
    assert sum(not g.article for g in golds) >= 3
    for shape in ("p-article", "div-soup", "table-cell-br", "section-span", "span-font", "custom-elements", "live-blog",
                  "shadow-root", "same-origin-iframe", "amp", "paywall", "lazy-loaded", "comment-thread", "qa-transcript",
                  "dark-theme", "tabloid", "pull-quote", "captions-credits", "read-more-links", "social-embed-share",
                  "bylines-datelines", "site-chrome", "opinion", "front-page", "search-results", "forum-thread"):
        assert shape in shapes, shape
    marks = {q.quote[0] for g in golds for q in g.quotes}
    assert {"“", '"', "‘", "«"} <= marks


def test_every_page_has_gold_and_every_gold_a_page():
    pages = {p.name.removesuffix(".html") for p in CORPUS.glob("*.html")}
    golds = {g.name.removesuffix(GOLD_SUFFIX) for g in GOLDS}
    assert pages == golds


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name.removesuffix(GOLD_SUFFIX))
def test_gold_agrees_with_itself_and_its_page(path: Path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    gold = load_page_gold(path)  # raises if a quote is not in the text
    assert set(raw) <= {"article", "shape", "text", "optional", "quotes", "notes"}
    assert gold.notes
    if not gold.article:
        return
    words = len(gold.text.split())
    assert 150 <= words <= 900, words
    assert "\n\n" in gold.text and not re.search(r"\n{3,}|[ \t]\n|\n[ \t]", gold.text)
    start = 0
    for q in gold.quotes:
        at = gold.text.find(q.quote, start)
        assert at >= 0, f"quote not found in order: {q.quote!r}"
        start = at + len(q.quote)
        assert q.speaker.strip()
        if q.quote[0] in QUOTE_MARKS or not gold.shape.startswith("qa-"):  # a Q&A answer is a quote without marks
            assert QUOTE_MARKS.get(q.quote[0]) == q.quote[-1], f"a quote runs from its opening mark to its closing one: {q.quote!r}"
    page_text = source_text(path.with_name(gold.name + ".html"))
    for paragraph in gold.text.split("\n\n"):
        assert normalise(paragraph) in page_text, f"gold paragraph not in the page: {paragraph[:80]!r}"
    for piece in gold.optional:
        assert normalise(piece) in page_text or normalise(piece).upper() in page_text, piece
