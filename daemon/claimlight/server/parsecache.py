"""The parses of paragraphs the daemon has seen, kept so that a page analysed again parses only what changed.

A live blog is analysed again on every new entry, with the whole page as context (attribution and
actors need all of it), but only the new entry has to be parsed: every paragraph is parsed on its
own (`engine.nlp.parse`), so a paragraph parsed once can be used again, and the analysis is the same
as from scratch (`engine.jobs.parse_and_analyze`).

Kept in the daemon's parent process, as bytes (`engine.parsed`), keyed by a hash of the paragraph's
exact text:

* in the parent, because workers come and go (a crash, a timeout, a cancelled runaway job): a
  worker that replaces another finds every parse still there, and any worker can use any parse,
  so the fair scheduler stays free to send a page's next job to whichever worker is idle;
* as bytes, because a parse cannot be kept as a spaCy Doc: every job runs in a memory zone, which
  frees the strings a page added when the job ends, so no Doc outlives its job;
* the workers keep a decoded copy of the parses they used lately in front of this (`engine.parsed`),
  so a page's next version is not decoded again; a copy only saves time: an update names by their
  keys alone the parses its worker was sent before, and a worker that no longer keeps one gets the
  job again with their bytes (`server.pool`), so no answer depends on which worker runs it or what it kept;
* bounded by `parse_cache_mb` (least recently used first out): a paragraph costs about 40 bytes a
  token, so the default holds some 700,000 tokens, about a thousand articles, and keeps the daemon
  within its memory target (docs/bench.md).
"""

from __future__ import annotations

from .cache import LRUCache

# What an entry costs besides its bytes: the key, the bytes object, the dictionary's slot.
ENTRY_OVERHEAD = 160


class ParseCache:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._entries: LRUCache[bytes] = LRUCache(None, max_weight=max_bytes)

    def get(self, key: bytes) -> bytes | None:
        return self._entries.get(key)

    def __contains__(self, key: bytes) -> bool:
        """Whether a parse is kept for `key`, without making it the most recently used."""
        return key in self._entries

    def put(self, key: bytes, data: bytes) -> None:
        self._entries.put(key, data, weight=len(data) + ENTRY_OVERHEAD)

    @property
    def bytes(self) -> int:
        return self._entries.weight

    def __len__(self) -> int:
        return len(self._entries)
