"""The express lane's worker is not the one the request's own job will run on (`AnalysisPool.ask_early_quotes`).

The express lane is a thread of a worker: the early quotations asked of the worker that then runs
the request's update would share its GIL with that update. A page sent again has its update run
by the idle worker that has had most of its paragraphs (`_belongs_on`), so the quotations go to
another idle worker.
"""

from __future__ import annotations

from collections import OrderedDict

from claimlight.server.plan import make_plan
from claimlight.server.pool import AnalysisPool, _paragraph_keys

TEXT = "First paragraph of a made-up page.\n\nA second one, where “something was said,” she said.\n\nA third one."


class _FakeWorker:
    def __init__(self, number: int) -> None:
        self.number = number
        self.ready, self.killed, self.idle = True, None, True
        self.decoded: OrderedDict[bytes, None] = OrderedDict()
        self.asked: list = []

    def has_had(self, keys) -> int:
        return sum(key in self.decoded for key in keys)

    def send_express(self, message) -> bool:
        self.asked.append(message)
        return True


def _pool(*workers: _FakeWorker) -> AnalysisPool:
    pool = AnalysisPool(model="none", workers=len(workers))
    pool._procs = list(workers)
    return pool


def test_the_keys_are_the_plans_keys():
    assert _paragraph_keys(TEXT) == make_plan(TEXT, lambda key: None, 1).keys


def test_the_quotes_go_to_a_worker_that_has_not_had_the_page():
    had, fresh = _FakeWorker(1), _FakeWorker(2)
    for key in _paragraph_keys(TEXT):
        had.decoded[key] = None
    pool = _pool(fresh, had)  # the worker that had the page is the last idle one, the one chosen before
    assert pool.ask_early_quotes(TEXT) is not None
    assert (len(fresh.asked), len(had.asked)) == (1, 0)


def test_with_no_history_the_last_idle_worker_is_asked():
    first, last = _FakeWorker(1), _FakeWorker(2)
    pool = _pool(first, last)
    pool.ask_early_quotes(TEXT)
    assert (len(first.asked), len(last.asked)) == (0, 1)


def test_a_lone_idle_worker_is_asked_whatever_it_has_had():
    busy, idle = _FakeWorker(1), _FakeWorker(2)
    busy.idle = False
    for key in _paragraph_keys(TEXT):
        idle.decoded[key] = None
    pool = _pool(busy, idle)
    pool.ask_early_quotes(TEXT)
    assert (len(busy.asked), len(idle.asked)) == (0, 1)
