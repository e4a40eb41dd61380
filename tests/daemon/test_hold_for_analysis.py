"""A worker that parsed a text's last piece is kept for that text's analysis (server.pool, HOLD_S),
so that on a busy machine another page's piece does not take it in between.

The pool's scheduling is driven here by hand: its workers are stand-ins that record what they are
sent, and their replies are handed to the pool as a worker's reader thread would.
"""

from __future__ import annotations

import time

from claimlight.server import pool as pool_module
from claimlight.server.pool import AnalysisPool, Lane, _Pieces


class StandInWorker:
    number = 1
    pid = 1

    def __init__(self):
        self.ready = True
        self.running = None
        self.job = None
        self.killed = None
        self.held = None
        self.sent: list[tuple] = []

    @property
    def idle(self) -> bool:
        return self.ready and self.running is None and self.killed is None

    def had(self, keys, bound) -> None:
        pass

    def has_had(self, keys) -> int:
        return 0

    def send(self, message) -> bool:
        self.sent.append(message)
        return True


PAGE, NEIGHBOUR = Lane("reader", "article"), Lane("flood", "huge page")


def one_worker_pool() -> tuple[AnalysisPool, StandInWorker]:
    pool = AnalysisPool(model="stand-in", workers=1)
    worker = StandInWorker()
    pool._procs = [worker]
    return pool, worker


def answer(pool: AnalysisPool, worker: StandInWorker) -> None:
    """The worker replies to the job it runs."""
    pool._on_message(worker, ("done", worker.running.seq, "payload"))


def names(worker: StandInWorker) -> list[str]:
    return [message[1] for message in worker.sent]


def test_the_worker_that_parsed_the_last_piece_waits_for_that_texts_analysis(monkeypatch):
    monkeypatch.setattr(pool_module, "HOLD_S", 10.0)  # a loaded machine may pause between two lines
    pool, worker = one_worker_pool()
    group = _Pieces(2, then_long=False)
    pool._submit(PAGE, "parse", ("first",), 10, pieces=group)
    pool._submit(PAGE, "parse", ("second",), 10, pieces=group)
    answer(pool, worker)  # the first piece: the second is the page's next job anyway
    assert names(worker) == ["parse", "parse"] and worker.held is None
    pool._submit(NEIGHBOUR, "parse", ("a piece of another page",), 10)
    answer(pool, worker)  # the last piece: the worker is kept for the page
    assert worker.held is not None and worker.idle
    assert names(worker) == ["parse", "parse"]  # the neighbour's piece waits
    pool._submit(PAGE, "merge", ("the analysis",), 2)
    assert names(worker) == ["parse", "parse", "merge"] and worker.held is None
    answer(pool, worker)
    assert names(worker) == ["parse", "parse", "merge", "parse"]  # then the neighbour's turn


def test_a_kept_worker_takes_other_work_once_the_analysis_does_not_come(monkeypatch):
    monkeypatch.setattr(pool_module, "HOLD_S", 0.5)
    pool, worker = one_worker_pool()
    pool._submit(PAGE, "parse", ("only piece",), 10, pieces=_Pieces(1, then_long=False))
    pool._submit(NEIGHBOUR, "parse", ("a piece of another page",), 10)
    answer(pool, worker)
    assert names(worker) == ["parse"] and worker.held is not None
    deadline = time.monotonic() + 5
    while len(worker.sent) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert names(worker) == ["parse", "parse"] and worker.held is None  # released by its timer


def test_no_worker_is_kept_for_a_long_analysis_or_for_a_failed_piece(monkeypatch):
    monkeypatch.setattr(pool_module, "HOLD_S", 10.0)
    pool, worker = one_worker_pool()
    pool._submit(PAGE, "parse", ("only piece",), 10, pieces=_Pieces(1, then_long=True))
    pool._submit(NEIGHBOUR, "parse", ("a piece of another page",), 10)
    answer(pool, worker)
    assert names(worker) == ["parse", "parse"]  # a long analysis may not start here anyway
    pool2, worker2 = one_worker_pool()
    pool2._submit(PAGE, "parse", ("only piece",), 10, pieces=_Pieces(1, then_long=False))
    pool2._submit(NEIGHBOUR, "parse", ("a piece of another page",), 10)
    pool2._on_message(worker2, ("failed", worker2.running.seq, "an error"))
    assert names(worker2) == ["parse", "parse"] and worker2.held is None  # no analysis follows a failure
