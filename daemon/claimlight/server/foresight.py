"""The paragraph a page will need parsed when it grows at its end, guessed so that an idle worker parses it early.

A live blog that adds its entries at the bottom sends its whole page again with one more block
(`protocol.BLOCK_SEPARATOR` between blocks). Its new entry has to be parsed, and so has the entry
before it: that one was the page's last paragraph, and now ends with the separator, and the
whitespace that ends a paragraph is part of its parse (the parse is keyed by the exact text,
`server.plan.paragraph_key`). Parsing both takes about a third longer than the entry alone.

The second one is known as soon as the page is: its last paragraph with the separator after it.
So once the page is analysed, a worker with nothing to do parses that paragraph and the daemon
keeps it with the others (`server.pool`); the next version of the page then only has its new entry
parsed. (Not beside the page's own analysis, nor beside its reply, which the daemon's own process
makes and sends: on a busy machine they would share a core; it starts once the reply is out. A
request that needs the paragraph while it is being parsed waits for it instead of parsing it again.) A guess that is never used costs the parse of one paragraph on a worker that had
nothing to do, and a place in the bounded parse cache, which drops it in its turn if it stays unused.
(The worker that made the analysis does its own idle work then, `engine.idle`: the parse goes to
another idle worker when there is one, `pool.READING_ON_S`.)
A guess cannot change any analysis: it is the parse of that exact text, as any request would make it.
"""

from __future__ import annotations

from ..paragraphs import MAX_PARAGRAPH_CHARS
from ..protocol import BLOCK_SEPARATOR


def grown_tail(paragraphs: list[str]) -> str | None:
    """The last paragraph as it will be once a block follows it, or None when there is no such guess
    to make: no text, a text that already ends with whitespace (its last paragraph's parse then
    already ends with it), or a last paragraph cut from a longer one, whose cut may move."""
    if not paragraphs:
        return None
    last = paragraphs[-1]
    if not last or last[-1].isspace() or len(last) + len(BLOCK_SEPARATOR) > MAX_PARAGRAPH_CHARS:
        return None
    return last + BLOCK_SEPARATOR
