"""Analyses kept for texts seen before: a reader reloading a page, or two tabs on one article.

Keyed by a hash of the exact text, least recently used first out, bounded twice: by count
(`cache_size`) and by total weight (`max_weight`), since the analysis of a 900,000-character page
weighs as much as a few hundred articles'. The pool keeps each analysis as the JSON its worker sent
(weighed in bytes), not as objects: six times smaller, and read back in a millisecond for an
article. The same LRU keeps the parses of paragraphs (`server.parsecache`), bounded by weight alone.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Generic, TypeVar

V = TypeVar("V")


def text_key(text: str) -> str:
    # surrogatepass: a lone surrogate must hash, not raise (callers normally replace them already).
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class LRUCache(Generic[V]):
    """`size`: most entries kept (None: no bound by count); `max_weight`: most total weight kept."""

    def __init__(self, size: int | None, max_weight: int | None = None):
        self.size = size
        self.max_weight = max_weight
        self.weight = 0
        self._items: OrderedDict[str | bytes, tuple[V, int]] = OrderedDict()

    def get(self, key: str | bytes) -> V | None:
        entry = self._items.get(key)
        if entry is None:
            return None
        self._items.move_to_end(key)
        return entry[0]

    def __contains__(self, key: str | bytes) -> bool:
        """Whether `key` is kept; unlike `get`, it does not make it the most recently used."""
        return key in self._items

    def put(self, key: str | bytes, value: V, weight: int = 0) -> None:
        if (self.size is not None and self.size <= 0) or (self.max_weight is not None and weight > self.max_weight):
            return
        if key in self._items:
            self.weight -= self._items[key][1]
        self._items[key] = (value, weight)
        self._items.move_to_end(key)
        self.weight += weight
        while (self.size is not None and len(self._items) > self.size) or (self.max_weight is not None and self.weight > self.max_weight):
            _, (_, dropped) = self._items.popitem(last=False)
            self.weight -= dropped

    def __len__(self) -> int:
        return len(self._items)
