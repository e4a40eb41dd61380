"""Which of several overlapping text ranges to keep: one rule for quotations and reported clauses.

A quotation nested in another, or a reported clause inside another reported clause, is shown once,
as the outer one; of two ranges that cross, the one that starts first stays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def outermost(items: Iterable[T], bounds: Callable[[T], tuple[int, int]]) -> list[T]:
    """In text order (longest first at a tie), each item that starts at or after the end of the last one kept."""
    out: list[T] = []
    end = None
    for item in sorted(items, key=lambda it: (bounds(it)[0], -bounds(it)[1])):
        start, stop = bounds(item)
        if end is not None and start < end:
            continue
        out.append(item)
        end = stop
    return out
