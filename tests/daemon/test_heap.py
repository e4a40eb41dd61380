"""A process gives back what a big job freed (server.heap), and the pool keeps analyses as JSON bytes."""

from __future__ import annotations

import asyncio
import gc

from claimlight.server import heap
from claimlight.server.cache import text_key
from claimlight.server.pool import AnalysisPool


class _Cycle:
    def __init__(self, size: int):
        self.data = [bytes(1024) + bytes([i % 256]) for i in range(size // 1024)]
        self.me = self  # only the cyclic collector frees this


def test_settle_gives_back_a_big_jobs_memory():
    memory = heap.Heap(growth=16 * 2**20)
    before = heap.resident_bytes()
    job = _Cycle(96 * 2**20)  # in small blocks: freed, they stay in the heap until trimmed
    grown = heap.resident_bytes()
    assert grown - before > 64 * 2**20
    del job  # garbage, but in a cycle: still resident
    assert memory.settle()
    assert heap.resident_bytes() < before + 32 * 2**20
    assert memory.floor is not None and memory.floor < before + 32 * 2**20  # the size it settled at


def test_settle_does_nothing_below_its_growth():
    memory = heap.Heap(growth=2**30)
    assert not memory.settle() and memory.trims == 0


def test_freeze_keeps_what_exists_out_of_collections():
    try:
        kept = [_Cycle(1024) for _ in range(100)]
        heap.freeze()
        assert gc.get_freeze_count() >= 100
        assert all(k.me is k for k in kept)
    finally:
        gc.unfreeze()


async def test_the_pool_caches_an_analysis_as_its_json(stub_pool: AnalysisPool):
    loop = asyncio.get_running_loop()
    text = "“Kept,” 1 heap-cache-text"
    analysis, _ = await stub_pool.analyze(text, deadline=loop.time() + 30)
    assert stub_pool.has_cached(text) and not stub_pool.has_cached(text + " more")
    kept = stub_pool.cache.get(text_key(text))
    assert isinstance(kept, bytes) and stub_pool.cache.weight >= len(kept)
    assert stub_pool.cached(text) == analysis
