"""Which waiting piece of work a free worker takes next: fair between clients, then between pages.

Work is queued per *lane*: one client (a WebSocket connection) and one page of it (the `page` a
request names; a client that names none is one page). Lanes are served by start-time fair
queueing, on two levels: the client whose work would start earliest in virtual time goes first,
then, within it, the page whose work would. A lane's work starts at the later of the current
virtual time and the virtual time at which its previous work ended (start + cost, the cost being
the piece's characters). So:

* a client with much work queued gets the same share of the workers as one with little, however
  many requests it sends: it cannot starve others by queueing more;
* a client that was idle starts a little before the current virtual time, by at most CREDIT (the
  work of an ordinary article, ~2,000 words): the page a reader just opened goes ahead of the queued
  pieces of somebody's long or endless work as one piece of work, not piece by piece in turns with
  it (each turn a piece's wait). This is the credit a scheduler gives a task that wakes from sleep
  (Linux CFS places it half a latency period behind the others); it is bounded, so an idle
  client earns no more than that, however long it was idle, and a client with work queued earns
  none;
* small requests are not stuck behind a huge one: after a piece of the huge one, the small one's
  pieces (which cost less) go first until it has had as much as the huge one;
* one connection carrying many tabs (the extension's) shares its turn among their pages the same way,
  with the same credit for a page that was idle.

A free worker may be barred from some work for now (`pop(allowed=...)`: the pool keeps one worker
free of long jobs, so that short ones always have somewhere to run): lanes whose next item is
barred are passed over, and keep their place.

Plain data, no I/O and no locking: the pool (`server.pool`) calls it under its own lock.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Generic, Hashable, TypeVar

T = TypeVar("T")

# How far before the current virtual time an idle client or page may start (its cost units:
# characters of text to parse): about a 2,000-word article with its analysis (`pool.MERGE_COST`).
CREDIT = 12_000.0


@dataclass
class _Node:
    finish: float = 0.0  # virtual time at which this node's last dispatched work ends
    arrival: int = 0  # tie-break: who has waited longer


@dataclass
class _Client(_Node):
    vtime: float = 0.0  # virtual time among this client's pages
    pages: dict[Hashable, "_Page"] = field(default_factory=dict)


@dataclass
class _Page(_Node):
    items: deque = field(default_factory=deque)


class FairQueue(Generic[T]):
    def __init__(self) -> None:
        self.vtime = 0.0
        self._clients: dict[Hashable, _Client] = {}
        self._arrivals = 0
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def push(self, client: Hashable, page: Hashable, item: T, cost: float) -> None:
        c = self._clients.get(client)
        if c is None:
            c = self._clients[client] = _Client(arrival=self._next())
        p = c.pages.get(page)
        if p is None:
            p = c.pages[page] = _Page(arrival=self._next())
        p.items.append((item, max(cost, 1.0)))
        self._length += 1

    def pop(self, allowed: Callable[[T], bool] | None = None) -> T | None:
        """The next item to run (of those `allowed`), or None when nothing waits (or may run)."""

        def ready(p: _Page) -> bool:
            return bool(p.items) and (allowed is None or allowed(p.items[0][0]))

        candidates = [c for c in self._clients.values() if any(ready(p) for p in c.pages.values())]
        if not candidates:
            return None
        client = min(candidates, key=lambda c: (_start(self.vtime, c), c.finish, c.arrival))
        pages = [p for p in client.pages.values() if ready(p)]
        page = min(pages, key=lambda p: (_start(client.vtime, p), p.finish, p.arrival))
        item, cost = page.items.popleft()
        self._length -= 1
        start = _start(self.vtime, client)
        self.vtime = max(self.vtime, start)
        client.finish = start + cost
        page_start = _start(client.vtime, page)
        client.vtime = max(client.vtime, page_start)
        page.finish = page_start + cost
        self._forget_idle()
        return item

    def remove(self, client: Hashable, page: Hashable, item: T) -> bool:
        """Take a waiting item out (its request was cancelled); False if it was not waiting."""
        p = self._clients.get(client, _Client()).pages.get(page)
        if p is None:
            return False
        for i, (waiting, _) in enumerate(p.items):
            if waiting is item:
                del p.items[i]
                self._length -= 1
                return True
        return False

    def drain(self) -> list[T]:
        """Everything that waits, taken out (the pool is closing)."""
        items = [item for c in self._clients.values() for p in c.pages.values() for item, _ in p.items]
        self._clients.clear()
        self._length = 0
        return items

    def _forget_idle(self) -> None:
        # A node with nothing waiting whose last work ended a CREDIT or more before now would start
        # at the current virtual time less CREDIT anyway: keeping it changes nothing, and forgetting
        # it bounds the bookkeeping. (One whose work ended later is kept: its credit is what it left.)
        for key in [k for k, c in self._clients.items()
                    if c.finish <= self.vtime - CREDIT and not any(p.items for p in c.pages.values())]:
            del self._clients[key]
        for c in self._clients.values():
            for key in [k for k, p in c.pages.items() if p.finish <= c.vtime - CREDIT and not p.items]:
                del c.pages[key]

    def _next(self) -> int:
        self._arrivals += 1
        return self._arrivals


def _start(vtime: float, node: _Node) -> float:
    """The virtual time at which `node`'s next work starts: where its last ended, or at most CREDIT before now."""
    return max(vtime - CREDIT, node.finish)
