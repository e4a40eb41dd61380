"""What a page can be shown before it is parsed: the quotations its quotation marks give.

The quotation-mark scanner (`engine.quotes`) works on raw text in linear time, a few milliseconds
for a long article, while the parse takes hundreds. So the daemon answers every streamed request
with these quotations first, and the reader sees the quotes of a page at once; speakers, names,
numbers and the rest follow with the full result, which replaces them.

Not every quotation is speech: the full analysis turns titles, nicknames and scare quotes into
`mention`s, which are not shown by default. A quotation painted now and gone a moment later is
worse than one painted a moment later, so only those that read as speech on their own are sent:
of at least EARLY_MIN_WORDS words, or ending in a question or an exclamation. On the seeds, the
seed article and PolNeAR dev, 98% of the quotations sent this way are quotes in the full result,
and they are 87% of its quotes. Each has the extent the full result gives it, so the full result
repaints it in place, and the pieces of a quotation running over several paragraphs share a
`quote_id`, as they do there.
"""

from __future__ import annotations

from ..protocol import Analysis, Category, Span
from . import quotes
from .quotes import find_quotations

EARLY_MIN_WORDS = 3
# Stripped from a quotation's ends before its words are counted: spaces, punctuation and marks.
EDGES = " ,.;:!?\"'“”‘’„«»‹›"
# Stripped from its end before asking whether it ends in a question or an exclamation: the marks.
CLOSING_MARKS = EDGES[EDGES.index('"'):]


def rules() -> dict:
    """The rules of the early quotes as data: the extension finds the same quotes in the page
    before the daemon answers (extension/src/content/quotescan.js, checked by contract.py)."""
    return {**quotes.rules(), "early_min_words": EARLY_MIN_WORDS, "early_edges": EDGES, "early_closing_marks": CLOSING_MARKS}


def early_quotes(text: str) -> Analysis:
    spans: list[Span] = []
    quote_id = 0
    previous = None
    for q in find_quotations(text):
        inner = text[q.start + 1 : q.end].strip(EDGES)
        speech_like = len(inner.split()) >= EARLY_MIN_WORDS or text[q.start : q.end].rstrip(CLOSING_MARKS).endswith(("?", "!"))
        if not speech_like:
            previous = None
            continue
        # A quotation reopened at the start of the next paragraph is the same quotation.
        if not (previous is not None and not previous.closed and q.paragraph == previous.paragraph + 1):
            quote_id += 1
        spans.append(Span(start=q.start, end=q.end, category=Category.quote, text=text[q.start : q.end], quote_id=quote_id))
        previous = q
    return Analysis(spans=spans, actors=[])
