"""Counts summed over articles or pages. A score is many plain counters; adding two scores is
adding each counter, and a rate is one counter over another: both written once here rather than
once per counter in every score."""

from __future__ import annotations

from collections.abc import Iterable


def add_counts(into: object, other: object, names: Iterable[str]) -> None:
    """Adds `other`'s counters `names` to `into`'s (numbers, or flags that are or-ed)."""
    for name in names:
        mine, theirs = getattr(into, name), getattr(other, name)
        setattr(into, name, (mine or theirs) if isinstance(mine, bool) else mine + theirs)


def rate(part: str, whole: str, empty: float | None) -> property:
    """A score's read-only rate: its counter `part` over its counter `whole`, or `empty` when
    `whole` is 0 (nothing to count: whether that is perfect or unknown is the score's call)."""

    def get(score: object) -> float | None:
        total = getattr(score, whole)
        return getattr(score, part) / total if total else empty

    return property(get, doc=f"{part} / {whole}")
