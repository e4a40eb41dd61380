"""Counts summed over articles or pages. A score is many plain counters; adding two scores is
adding each counter, written once here rather than once per counter in every score."""

from __future__ import annotations

from collections.abc import Iterable


def add_counts(into: object, other: object, names: Iterable[str]) -> None:
    """Adds `other`'s counters `names` to `into`'s (numbers, or flags that are or-ed)."""
    for name in names:
        mine, theirs = getattr(into, name), getattr(other, name)
        setattr(into, name, (mine or theirs) if isinstance(mine, bool) else mine + theirs)
