"""A least-recently-used store bounded by count and by total weight: the daemon's result cache and
paragraph parses (`server.cache`), and the engine's per-process stores of a live page's lines
(`engine.quotes`, `engine.recurring`)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

V = TypeVar("V")


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

    def items(self):
        """(key, value) of every entry, least recently used first; does not touch their order."""
        return ((key, entry[0]) for key, entry in self._items.items())

    def clear(self) -> None:
        self._items.clear()
        self.weight = 0

    def __len__(self) -> int:
        return len(self._items)
