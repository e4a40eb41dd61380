"""A worker's side of a parse split between two workers (`server.worker`, `engine.entities_apart`):
the express lane finds entities only with the model free, and an update's job waits for the other
worker's entities a bounded time, keeps a cancel it meets meanwhile, and never takes another job's."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from claimlight.engine.nlp import load_nlp
from claimlight.server import worker

TEXT = "Ana Berit, the clerk of Tromsø council, met Jonas Lie on Monday."


@pytest.fixture
def job():
    """This process as a worker running job 7, the pool's end of its pipe."""
    pool_end, worker_end = multiprocessing.Pipe()
    saved = dict(worker._worker)
    worker._worker.update(pending=worker_end, seq=7, nlp=load_nlp())
    worker._worker.pop("entities", None)
    yield pool_end
    worker._worker.clear()
    worker._worker.update(saved)


def test_the_express_lane_finds_entities_when_the_model_is_free_and_answers_none_when_it_is_not(job):
    [(count, ents)] = worker._entities([TEXT])
    doc = load_nlp().make_doc(TEXT)
    found = {doc[s:e].text for s, e, _ in ents}
    assert count == len(doc) and "Jonas Lie" in found and "PERSON" in {label for _, _, label in ents}
    with worker._model:
        assert worker._entities([TEXT]) is None


def test_an_update_takes_its_own_entities_and_not_another_jobs(job):
    job.send(("entities", 6, ["stale"]))
    job.send(("entities", 7, ["mine"]))
    assert worker._await_entities(0.5) == ["mine"]


def test_an_update_waits_a_bounded_time_for_entities_that_do_not_come(job):
    started = time.monotonic()
    assert worker._await_entities(0.02) is None
    assert 0.02 <= time.monotonic() - started < 1.0


def test_a_cancel_met_while_waiting_stops_the_job_at_its_next_checkpoint(job):
    job.send(("cancel", 7))
    assert worker._await_entities(5.0) is None
    assert worker._cancel_requested()
