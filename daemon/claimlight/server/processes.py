"""One analysis worker process as the pool sees it: started, sent one job at a time, heard from, stopped.

The pool needs what a ProcessPoolExecutor does not give: to choose which job each worker runs next
(fair scheduling, `server.fairness`), to stop a job already running (cancellation), and to kill and
replace exactly one stuck worker without disturbing the others. So each worker is a process of its
own, spawned (not forked: the daemon has threads and a running event loop, which fork copies
badly), with one duplex pipe. A thread per worker reads its replies and hands them to the pool;
the pipe closing is how the pool learns that the process died.

Messages, parent → worker: (seq, job name, args) to an idle worker only; ("cancel", seq) while it
runs; None to stop. Worker → parent: ("ready", pid, info, load error) once, then one reply per
job: ("done" | "cancelled" | "failed" | "load", seq, payload). See `server.worker`.

A second pipe is the worker's express lane (model-free work of milliseconds, answered by a thread
of its own even while the worker parses): ("quotes", seq, text) → (seq, payload), any number at a
time, and a thread per worker hands the replies to `on_express`.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import worker

_numbers = itertools.count(1)


@dataclass
class Running:
    """The job a worker is running, as far as the process is concerned."""

    seq: int
    started: float
    cancelled_at: float | None = None


class WorkerProcess:
    def __init__(self, *, model: str, engine: str, on_message: Callable[["WorkerProcess", tuple], None],
                 on_exit: Callable[["WorkerProcess"], None], on_express: Callable[[tuple], None] | None = None,
                 hidden: tuple[str, ...] = ()):
        ctx = multiprocessing.get_context("spawn")
        self.number = next(_numbers)
        self.conn, child = ctx.Pipe(duplex=True)
        self.express, express_child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=worker.main, args=(child, model, engine, os.getpid(), express_child, hidden),
                                   name=f"claimlight-worker-{self.number}", daemon=True)
        self.ready = False
        self.running: Running | None = None  # set and cleared by the pool, under its lock
        self.job: object | None = None  # the pool's own record of that job
        self.killed: str | None = None  # why the pool killed it, when it did
        # (lane, until when): kept for that lane's next job, the analysis of the text whose last piece
        # it parsed (`pool.HOLD_S`); set and read under the pool's lock.
        self.held: tuple[object, float] | None = None
        # The paragraphs (keys) whose parses it made or read lately, most recent last: the pool's
        # guess at what it keeps decoded (`engine.parsed`), set and read under the pool's lock.
        self.decoded: OrderedDict[bytes, None] = OrderedDict()
        # Until when it is likely still doing the idle work its latest analysis left (`engine.idle`),
        # which any job stops: work that only an idle worker should do goes elsewhere meanwhile.
        self.reading_on_until = 0.0
        self.started = time.monotonic()
        self._send_lock = threading.Lock()
        self._on_message, self._on_exit = on_message, on_exit
        self._express_lock = threading.Lock()
        self._on_express = on_express
        self.process.start()
        child.close()  # the child's end lives in the child now; EOF reaches us when it dies
        express_child.close()
        self._reader = threading.Thread(target=self._read, name=f"claimlight-worker-{self.number}-reader", daemon=True)
        self._reader.start()
        self._express_reader = threading.Thread(target=self._read_express, name=f"claimlight-worker-{self.number}-express",
                                                daemon=True)
        self._express_reader.start()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    @property
    def idle(self) -> bool:
        return self.ready and self.running is None and self.killed is None

    def had(self, keys: Iterable[bytes], bound: int) -> None:
        """It was given a job that makes or reads the parses of `keys`; remember the last `bound`."""
        for key in keys:
            self.decoded[key] = None
            self.decoded.move_to_end(key)
        while len(self.decoded) > bound:
            self.decoded.popitem(last=False)

    def has_had(self, keys: Iterable[bytes]) -> int:
        """How many of `keys` it had lately."""
        return sum(key in self.decoded for key in keys)

    def send(self, message) -> bool:
        """False when the worker is gone (its exit is reported separately)."""
        return _send(self.conn, self._send_lock, message)

    def send_express(self, message) -> bool:
        """False when the worker is gone."""
        return _send(self.express, self._express_lock, message)

    def kill(self, why: str) -> None:
        self.killed = self.killed or why
        try:
            self.process.kill()
        except (OSError, ValueError, AttributeError):
            pass  # already gone

    def join(self, timeout: float) -> bool:
        """Wait for the process to end; True if it has."""
        self.process.join(timeout)
        return not self.process.is_alive()

    def join_reader(self, timeout: float) -> None:
        for reader in (self._reader, self._express_reader):
            if reader is not threading.current_thread():
                reader.join(timeout)

    def _read_express(self) -> None:
        # an unreadable reply is skipped: its request goes without, nothing else does
        for reply in _replies(self.express, None):
            if self._on_express is not None:
                self._on_express(reply)
        _close(self.express)

    def _read(self) -> None:
        for message in _replies(self.conn, self._unreadable_reply):
            self._on_message(self, message)
        self.process.join(5.0)
        _close(self.conn)
        self._on_exit(self)

    def _unreadable_reply(self) -> tuple:
        # an unpicklable reply: the job failed, the worker lives on
        return ("failed", self.running.seq if self.running else -1, "a reply that could not be read")


def _send(conn, lock: threading.Lock, message) -> bool:
    """Sends `message` on one of a worker's pipes; False when the worker is gone."""
    try:
        with lock:
            conn.send(message)
        return True
    except (OSError, ValueError):
        return False


def _replies(conn, unreadable: Callable[[], object] | None) -> Iterator[object]:
    """Every message on one of a worker's pipes until it closes. One that cannot be unpickled never
    ends the reading: `unreadable()` stands in for it, or (None) it is skipped."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, ValueError):
            return
        except Exception:
            if unreadable is None:
                continue
            message = unreadable()
        yield message


def _close(conn) -> None:
    try:
        conn.close()
    except OSError:
        pass
