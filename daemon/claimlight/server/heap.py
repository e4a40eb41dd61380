"""Memory a big job freed, given back to the system when the job is done, not kept until the process ends.

A worker that has analysed a 900,000-character page has freed everything the page cost (every job
runs in a memory zone, and nothing of it is kept), but its resident size stays at the job's peak:
glibc keeps freed heap memory for later use, and a heap freed in the middle cannot shrink. That
memory adds up with the next moments' (the daemon turning the same result into its reply, the other
worker parsing its own page) and, unreturned, the daemon's total stays some 150 MB above what it
needs. `malloc_trim` returns the free pages of every heap to the system.

Some of a job's objects are only freed by the cyclic garbage collector (the engine's mentions and
the actors they resolve to refer to each other, and hold spans of the document), which may run
long after the job: so a worker collects first, then trims. A collection would walk the model's
hundred thousand objects every time; `freeze` moves those, made once at start, out of its sight,
which also makes the collections Python runs by itself during a job nearly free.

The daemon's own process freezes what it holds once its workers are ready (`server.run`): some
50,000 objects (its modules, the app, the protocol's validators) that a full collection walked
every time it came, now and then in the middle of a live page's update (~9 ms of the event loop
on an idle machine, 60 ms on a loaded one).

Python's own collections during a job are its largest cost after the passes themselves: on a live
page's update (3,000 words and a new entry) some 15-19 young and 1-2 middle collections, 2.5-6 ms of
the ~60, and now and then a full one that walks every kept parse and store (~20 ms). The analysis
of a short text runs with the collector off (`quiet`) and the worker collects the young objects after the reply is
out, while no job waits: nothing a short job leaves behind waits longer than that. A long text's
job keeps the collector on: its cycles could otherwise add up to a page's worth of memory.

The trim runs only when the process has grown well past the size it settles at (`GROWTH_BYTES` over its
size after the last trim), so an ordinary article costs nothing, and a huge page a few tens of
milliseconds before its reply is sent: the worker shrinks before the daemon grows with the reply.
Where the C library has no `malloc_trim` (not glibc), only the collection is done.

A fixed threshold for allocating large blocks by `mmap` (`fixed_large_blocks`), set when a process
starts: glibc raises that threshold each time it frees a large block, so a page's arrays and long
lists then come from the heap, where the holes they leave cannot be given back. With it the same
900,000-character page peaked 40 MB higher on one run than on the next; with a fixed threshold it
peaks at the lower figure, every run, and a little faster.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
from collections.abc import Callable

GROWTH_BYTES = 32 * 1024 * 1024

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _glibc(name: str):
    """glibc's function `name`, or None where the C library has none (not glibc)."""
    try:
        return getattr(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6"), name)
    except (OSError, AttributeError):
        return None


_trim = _glibc("malloc_trim")
_mallopt = _glibc("mallopt")

# Blocks this large or larger are mapped on their own, and unmapped when freed.
LARGE_BLOCK_BYTES = 256 * 1024
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)


def fixed_large_blocks() -> bool:
    """Stops glibc from moving its threshold for large blocks up; whether it could be set."""
    return _mallopt is not None and bool(_mallopt(ctypes.c_int(_M_MMAP_THRESHOLD), ctypes.c_int(LARGE_BLOCK_BYTES)))


def resident_bytes() -> int | None:
    """This process's resident size, or None where /proc cannot say."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def quiet(short: bool) -> bool:
    """Turns the collector off for a short job (`short`); whether it did (then `after_quiet` follows the reply)."""
    if not short or not gc.isenabled():
        return False
    gc.disable()
    return True


def after_quiet(busy: Callable[[], bool]) -> None:
    """The collector on again after a quiet job, and the young objects collected unless `busy()` (a job waits)."""
    gc.enable()
    if not busy():
        gc.collect(1)


def freeze() -> None:
    """What the process holds now (the model, the engine's tables) is never garbage: collections skip it."""
    gc.collect()
    gc.freeze()


class Heap:
    """One process's heap: `settle()` after each job gives memory back when it has grown."""

    def __init__(self, growth: int = GROWTH_BYTES, collect: bool = True):
        self.growth = growth
        # A full collection first frees what waits in reference cycles; the daemon's event loop skips
        # it (it would stall every connection for as long as it walks the result cache).
        self.collect = collect
        self.floor = resident_bytes()  # its size at start, then after the last trim
        self.trims = 0

    def settle(self) -> bool:
        """Gives freed memory back if the process grew more than `growth` over its floor; whether it did."""
        now = resident_bytes()
        if now is None or (self.floor is not None and now < self.floor + self.growth):
            return False
        if self.collect:
            gc.collect()
        if _trim is not None:
            _trim(ctypes.c_size_t(0))
        self.trims += 1
        after = resident_bytes()
        if after is not None:
            self.floor = after
        return True
