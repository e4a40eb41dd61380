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
    # The process may hold memory that earlier tests on this worker freed, untrimmed: the job's
    # blocks would reuse it and the process not grow. Start, as a daemon's worker does, trimmed.
    heap.Heap(growth=0).settle()
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


def test_large_blocks_get_a_fixed_threshold():
    # glibc here: the call succeeds, and a large block is then mapped and unmapped on its own.
    assert heap.fixed_large_blocks()
    before = heap.resident_bytes()
    block = bytearray(64 * 2**20)
    block[:: 4096] = b"x" * len(block[:: 4096])  # touch every page
    assert heap.resident_bytes() - before > 48 * 2**20
    del block
    assert heap.resident_bytes() - before < 16 * 2**20


def test_a_short_job_runs_without_the_collector_which_collects_after_its_reply():
    assert gc.isenabled()
    try:
        assert heap.quiet(True) and not gc.isenabled()

        class Cycle:
            pass

        a = Cycle()
        a.me = a
        del a  # garbage a collection would free, not freed while the job runs
        before = gc.get_count()[0]
        for _ in range(5000):  # more allocations than a young collection waits for
            b = Cycle()
            b.me = b
        assert gc.get_count()[0] >= before + 5000  # no collection ran
        heap.after_quiet(lambda: True)  # a job waits: the collector is on again, nothing collected now
        assert gc.isenabled()
        gc.disable()
        heap.after_quiet(lambda: False)
        assert gc.isenabled() and gc.get_count()[0] < 100  # the young objects were collected
    finally:
        gc.enable()
    assert not heap.quiet(False) and gc.isenabled()  # a long job keeps the collector on


def test_which_jobs_are_short():
    from claimlight.server.worker import _short

    assert not _short("parse", (["a paragraph"], False))
    assert _short("update", ([b"x", "new"], "word " * 1000))
    assert _short("analyze", ("word " * 1000,))
    assert not _short("merge", ([b"x"] * 3, "word " * 10_000))
    assert not _short("info", ())


async def test_the_daemon_keeps_what_it_holds_once_ready_out_of_collections():
    # `server.run`: once the workers are ready, what the daemon's process holds (its modules, the
    # app) is frozen, so that a full collection in the middle of a request walks only what requests made.
    from claimlight.server import run
    from claimlight.settings import Config

    stop = asyncio.Event()

    class Pool:
        async def warmup(self):
            asyncio.get_running_loop().call_soon(stop.set)  # ready, then asked to stop at once
            return "a model"

        def begin_shutdown(self):
            pass

    class State:
        pool = Pool()
        model_label = None

    class Runner:
        addresses = [("127.0.0.1", 1)]

        async def cleanup(self):
            pass

    gc.unfreeze()
    try:
        assert await run._until_stopped(Runner(), State(), stop, Config()) == 0
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()
