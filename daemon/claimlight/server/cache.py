"""Analyses kept for texts seen before: a reader reloading a page, or two tabs on one article.

Keyed by a hash of the exact text, least recently used first out, bounded twice: by count
(`cache_size`) and by total weight (`max_weight`), since the analysis of a 900,000-character page
weighs as much as a few hundred articles'. The pool keeps each analysis as the JSON its worker sent
(weighed in bytes), not as objects: six times smaller, and read back in a millisecond for an
article. The same LRU keeps the parses of paragraphs (`server.parsecache`), bounded by weight alone.
"""

from __future__ import annotations

import hashlib

from ..lru import LRUCache

__all__ = ["LRUCache", "text_key"]


def text_key(text: str) -> str:
    # surrogatepass: a lone surrogate must hash, not raise (callers normally replace them already).
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
