"""Where a text's paragraphs start: the one cut that both the engine and the daemon rely on.

claimlight parses every text paragraph by paragraph (`engine.nlp.parse`), so a text cut at these
boundaries, parsed piece by piece and joined again, gives exactly the document the whole text gives.
That is what lets the daemon parse one page in several worker processes at once
(`server.pieces`). Pure Python, at the top of the package: the daemon's parent process plans
pieces with it without loading spaCy.
"""

from __future__ import annotations

import re

# A paragraph starts after whitespace that contains a newline, at the next non-space character.
# Each piece keeps the whitespace that ends it, so the pieces concatenate to the text exactly.
PARAGRAPH_START = re.compile(r"\n\s*(?=\S)")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where a paragraph other than the first starts."""
    return [m.end() for m in PARAGRAPH_START.finditer(text)]


def split_at(text: str, cuts: list[int]) -> list[str]:
    """`text` cut at the increasing offsets `cuts`; the pieces concatenate to `text`."""
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def paragraphs(text: str) -> list[str]:
    return split_at(text, paragraph_starts(text))
