"""Analyses kept for texts seen before: a reader reloading a page, or two tabs on one article.

Keyed by a hash of the exact text, bounded by count (`cache_size`), least recently used first out.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from ..protocol import Analysis


def text_key(text: str) -> str:
    # surrogatepass: a lone surrogate must hash, not raise (callers normally replace them already).
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class LRUCache:
    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, Analysis] = OrderedDict()

    def get(self, key: str) -> Analysis | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: str, value: Analysis) -> None:
        if self.size <= 0:
            return
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
