"""Analysis off the event loop: worker processes that each load the model once, fair scheduling, a cache.

The engine is CPU-bound pure Python (spaCy) and would stall every connection if run on the loop;
processes (not threads) because the GIL would serialise it anyway, and because a process that hangs
or crashes can be killed and replaced without taking the daemon down (`server.processes`).

Scheduling: every request's work is cut into small jobs (some paragraphs to parse, then the
analysis of the whole text from its paragraphs' parses; `server.plan`) and queued in its lane
(client and page). A free worker takes the next job from the fair queue (`server.fairness`), so one
client's huge or numerous requests interleave with everybody else's instead of going first.

Parses are kept (`server.parsecache`): a text whose paragraphs were parsed before, wholly or in
part, has only its new paragraphs parsed, and its new paragraphs and its analysis are one job
(`update`) when they fit in one piece. So a live page analysed again after a change costs about
its new entry's parse and the document-wide extraction, not a parse of the whole page.

A worker keeps the decoded form of the parses it made or read lately (`engine.parsed`), which
saves a page's next version some 10 ms of decoding there. So the pool remembers which paragraphs
each worker has had (`WorkerProcess.decoded`, as far as the pool can tell), and the job that
analyses a text from its parses goes to the idle worker that has had most of them, not simply the
first idle one. Only among idle workers: it never waits for a busy one. An update's job names the
paragraphs the pool has sent that worker before by their keys alone (`_thinned`), not their bytes
(some 200 kB for a 3,000-word page, whose write into the pipe stalled now and then while the
worker woke up); a worker that no longer keeps one (it dropped it, or was replaced) says so before
doing any work ("lacking", `engine.jobs.Lacking`) and gets the same job again with every byte
(`_send_whole`): the same analysis, one more trip through the pipe.

A worker sends an analysis's reply first and then, while nothing else comes for it, does the work
the analysis left for the page's next version (`engine.idle`); any job sent to it stops that work
within a slice. Work only an idle worker should do (the parse ahead, `server.foresight`) goes, for
READING_ON_S after such a reply, to another idle worker when there is one.

The express lane: the quotations a text's marks give (`engine.early`) come from a thread of a
worker that answers at once even while the worker parses (`server.processes`), so a page's first
highlights never wait behind parses, its own or anybody's.

An update that parses new paragraphs, with another worker idle, has its parse split between the two
(`engine.entities_apart`): the idle worker's express lane runs the entity recogniser on the new
paragraphs (`ask_entities`) while the update's worker runs the rest of the pipeline, and the pool
sends the entities on to the update's worker as soon as they come (`_forward_entities`). A live page's
update then waits for about half its entry's parse instead of all of it.

Where a request's time goes, at debug level: each job's wait in the queue, its way to the worker
(the write into the pipe included), its steps there (`engine.jobs.marks`: the parse of its new
paragraphs, the rebuild, the extraction, the reply's JSON) with the worker's CPU time for it and how
many coreference readings took up a state saved on that worker, its reply's way back and to the
event loop. Only times and counts: never a word of the page.

Cancellation: a request whose caller goes away (the client disconnected, cancelled, or sent a newer
request for the same page, `server.session`) has its waiting jobs dropped and its running ones
cancelled: the worker stops at the job's next checkpoint (`engine.jobs.checkpoint`), and, since
jobs are small, is free again within a fraction of a second. A running job that does not stop
within CANCEL_GRACE_S (a runaway analysis between checkpoints) is killed with its worker.

Failure policy:
* a worker that dies (OOM killer, a signal, a segfault in a C extension) fails the one job it was
  running with WorkerCrashed and is replaced; the other workers and the queued jobs are unaffected;
* a request that exceeds its deadline gets AnalysisTimeout at once; its running jobs are cancelled
  as above, so a page crafted to make the engine loop forever costs one worker restart, never a
  worker for good;
* a worker that has just parsed the last piece of a text is kept for that text's analysis, which
  follows within milliseconds, for up to HOLD_S: otherwise, on a busy machine, the next piece of
  somebody else's page takes it in between, and the short page waits a whole piece for its last step;
* one worker is kept free of long jobs (the analysis of a long text from its pieces, which cannot
  be cut): with two workers or more, a long job starts only while another worker runs none, so a
  short article always finds a worker within one piece's time, however many long pages wait;
* the clock of a request does not run while no worker has the model loaded (after a restart), so a
  restart cannot make the requests behind it time out, and those time-outs restart it again;
* `close` stops every worker: idle ones at once, busy ones after a grace, then killed. No orphans.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import itertools
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Hashable, Iterable
from collections import OrderedDict
from dataclasses import dataclass, field

from ..paragraphs import paragraph_starts
from ..paragraphs import split_at as split_paragraphs
from ..protocol import Analysis
from .cache import LRUCache, text_key
from .errors import AnalysisFailed, AnalysisTimeout, ModelLoadError, WorkerCrashed
from .fairness import FairQueue
from .foresight import grown_tail
from .parsecache import ParseCache
from .pieces import LONG_TEXT_CHARS, shift, split_at
from .plan import Plan, make_plan, paragraph_key
from .processes import Running, WorkerProcess

__all__ = ["AnalysisPool", "Lane", "DEFAULT_ENGINE", "AnalysisFailed", "AnalysisTimeout", "ModelLoadError", "WorkerCrashed"]

DEFAULT_ENGINE = "claimlight.engine:analyze"
MODEL_LOAD_TIMEOUT_S = 120.0
MAX_LOAD_DEATHS = 3  # workers in a row dying while they load: the machine cannot run one, stop trying
CANCEL_GRACE_S = 2.0  # how long a cancelled job may run on before its worker is killed
# The analysis of a whole text from its parsed pieces costs about this much of parsing it.
MERGE_COST = 0.2
# A job on a text longer than this (characters) is long: about a second of work or more. Pieces
# are never long (`server.pieces`); the one-job analysis of a long text is.
LONG_JOB_CHARS = LONG_TEXT_CHARS
DEFAULT_PARSE_CACHE_BYTES = 16 * 2**20
# Analyses are kept as their JSON: about 7 bytes a character of text, so this holds a few hundred
# articles, or a 900,000-character page and a hundred more.
DEFAULT_CACHE_BYTES = 16 * 2**20
# How long a request waits for a paragraph's parse being made ahead (`server.foresight`) before it
# has it parsed again: one paragraph's parse, with room for a busy machine.
AHEAD_WAIT_S = 0.5
# The paragraphs parsed ahead (`server.foresight`) the pool remembers, to count those a request then
# finds parsed (`AnalysisPool.foreseen_used`, the plan's debug line): one a page, for the last pages.
FORESEEN_KEPT = 256
# The paragraphs the pool remembers a worker has had: about as many as a worker keeps decoded
# (`engine.parsed.KEPT_BYTES`, some 7 kB for a paragraph of news).
DECODED_PARAGRAPHS = 1000
# How long a worker that parsed a text's last piece is kept for that text's analysis (`_hold`): the
# daemon submits it as soon as its event loop has read the piece's reply, within milliseconds even
# on a busy machine; the bound only matters when the analysis never comes (a cancelled request).
HOLD_S = 0.1
# How long after an analysis's reply its worker may still be doing the work the analysis left for its
# idle time (`engine.idle`: a read of the rest of the page, ~10 ms for 3,000 words on a loaded
# machine), which a job sent to it stops; the parse ahead (`server.foresight`) goes to another
# idle worker meanwhile, when there is one.
READING_ON_S = 0.05
# The longest text whose update names its kept parses by their keys (`_thinned`): a worker keeps some
# 45,000 tokens' parses decoded (`engine.parsed.KEPT_BYTES`), and a page too long for that would only
# have its job sent again with every byte.
THIN_TEXT_CHARS = 100_000
# The step of an update that took its entities from another worker, as `engine.jobs` marks it.
_APART_STEP = "entities (from the other worker)"
# The jobs whose analysis leaves idle work (`engine.jobs`).
_ANALYSES = frozenset({"analyze", "merge", "update"})

log = logging.getLogger("claimlight.pool")


@dataclass(frozen=True)
class Lane:
    """Whose work a job is, for fair scheduling: a client (connection) and one of its pages."""

    client: Hashable = "anonymous"
    page: Hashable = ""


@dataclass(eq=False)
class _Pieces:
    """The parse jobs of one text whose analysis, one more job on the same lane, follows them."""

    left: int  # pieces not parsed yet
    then_long: bool  # whether that analysis is a long job (not worth keeping a worker for)


@dataclass(eq=False)
class _Job:
    seq: int
    name: str
    args: tuple
    lane: Lane
    cost: float
    long: bool = False
    keys: tuple[bytes, ...] = ()  # the paragraphs whose parses the job makes or reads (and the worker then keeps)
    near_keys: bool = False  # best run by the worker that has had most of them
    spare: bool = False  # work for a worker with nothing to do (`server.foresight`): not one doing its idle work
    thin: bool = False  # an update whose kept parses go by their keys to a worker the pool sent them before (`_thinned`)
    pieces: _Pieces | None = None  # the text's pieces this one is among, when its analysis follows
    future: concurrent.futures.Future = field(default_factory=concurrent.futures.Future)
    submitted: float = field(default_factory=time.monotonic)
    worker: WorkerProcess | None = None
    # When the job was in the worker's pipe, and when its reply was read (monotonic): where the time
    # of a job beyond the worker's own goes, for the debug log (`_run`).
    dispatched: float | None = None
    sent: float | None = None
    answered: float | None = None
    on_worker: tuple[float, float] | None = None  # when the worker read the job, and when it sent its reply
    steps: tuple[tuple[str, float], ...] = ()  # the job's steps on the worker, each with when it ended (`engine.jobs.marks`)
    cpu: float | None = None  # the worker's CPU time for the job, until its reply (seconds)
    taken_up: int = 0  # the coreference readings of the job that took up a state saved earlier on its worker
    by_key: int = 0  # the parses it named by their keys alone (`_thinned`)
    # An update's new paragraphs' entities, asked of another worker (`ask_entities`): sent on to the
    # job's worker once it runs and they have come (`_forward_entities`); True once sent.
    entities: concurrent.futures.Future | None = None
    entities_sent: bool = False
    lacked: int = 0  # of those, the ones its worker no longer kept, sent again as bytes (`_send_whole`)


class AnalysisPool:
    def __init__(self, *, model: str, workers: int = 1, cache_size: int = 256, engine: str = DEFAULT_ENGINE,
                 cache_bytes: int = DEFAULT_CACHE_BYTES, parse_cache_bytes: int = DEFAULT_PARSE_CACHE_BYTES,
                 hidden: Iterable[str] = ()):
        self.model = model
        # Categories the daemon does not send: the workers leave their spans out of everything they
        # answer (a whole text's analysis, a piece's preview, the early quotations), and nothing after
        # them filters again (`server.worker`).
        self.hidden = tuple(hidden)
        self.workers = workers
        self.engine = engine
        self.cache: LRUCache[bytes] = LRUCache(cache_size, max_weight=cache_bytes)
        self.parses = ParseCache(parse_cache_bytes)
        self.reused = 0  # paragraphs analysed from a kept parse, since the start
        self.parsed = 0  # paragraphs parsed
        self.foreseen = 0  # paragraphs parsed ahead of need, by a worker that was idle (`server.foresight`)
        self.foreseen_used = 0  # of those, the ones a later request took instead of parsing them (the guess's hits)
        self.apart = 0  # updates whose new paragraphs' entities another worker found (`ask_entities`)
        self._foreseen_keys: OrderedDict[bytes, None] = OrderedDict()  # the last FORESEEN_KEPT of them, not used yet
        self._ahead: dict[bytes, concurrent.futures.Future] = {}  # paragraph key → its parse being made ahead
        self.pieces = False  # whether the engine lets a text be parsed in pieces (known once warm)
        self._lock = threading.RLock()
        self._queue: FairQueue[_Job] = FairQueue()
        self._procs: list[WorkerProcess] = []
        self._seq = itertools.count(1)
        self._started = False
        self._closed = False
        self._stopping = False
        self._warm: concurrent.futures.Future | None = None  # resolved when every first worker has loaded
        self._label: str | None = None
        self._load_error: str | None = None
        self._load_deaths = 0  # workers in a row that died before they had loaded the model
        self._express_seq = itertools.count(1)
        self._express: dict[int, tuple[concurrent.futures.Future, WorkerProcess]] = {}
        self._express_turn = 0

    # -- lifecycle --

    def _start(self) -> None:
        with self._lock:
            if self._closed:
                raise WorkerCrashed("the analysis pool is shut down")
            if self._started:
                return
            self._started = True
            self._warm = concurrent.futures.Future()
            for _ in range(self.workers):
                self._spawn()

    def _spawn(self) -> None:
        self._procs.append(WorkerProcess(model=self.model, engine=self.engine, on_message=self._on_message, on_exit=self._on_exit,
                                         on_express=self._on_express, hidden=self.hidden))

    async def warmup(self) -> str:
        """Start the workers and load the model in each; returns the model label. Raises ModelLoadError."""
        self._start()
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(self._warm)), MODEL_LOAD_TIMEOUT_S)
        except TimeoutError:
            raise ModelLoadError(f"the analysis workers did not load model {self.model!r} in time") from None
        return self._label or self.model

    def worker_pids(self) -> list[int]:
        with self._lock:
            return [p.pid for p in self._procs if p.pid is not None]

    def begin_shutdown(self) -> None:
        """From now on a dying worker is expected (SIGTERM reaches the whole process group): no restarts."""
        self._stopping = True

    async def aclose(self, grace_s: float = 2.0) -> None:
        await asyncio.to_thread(self.close, grace_s)

    def close(self, grace_s: float = 2.0) -> None:
        """Stop the workers: idle ones exit at once, busy ones get `grace_s`, then are killed. No orphans."""
        with self._lock:
            self._closed = True
            procs = list(self._procs)
            waiting = self._queue.drain()
        for job in waiting:
            _fail(job.future, WorkerCrashed("the analysis pool is shut down"))
        for proc in procs:
            proc.send(None)  # an idle worker exits; a busy one stops at its next checkpoint
        deadline = time.monotonic() + grace_s
        for proc in procs:
            if not proc.join(max(0.0, deadline - time.monotonic())):
                proc.kill("the daemon is stopping")
                proc.join(1.0)
        for proc in procs:
            proc.join_reader(2.0)

    # -- messages from the workers (reader threads) --

    def _on_message(self, proc: WorkerProcess, message: tuple) -> None:
        kind, read = message[0], time.monotonic()
        with self._lock:
            if kind == "ready":
                _, _pid, info, error = message
                self._on_ready(proc, info, error)
            elif kind == "lacking":
                self._send_whole(proc, message[1], message[2])
            else:
                _, seq, payload, *stamps = message
                job = self._finish(proc, seq)
                if job is not None:
                    job.answered, job.on_worker = read, stamps[0] if stamps else None
                    job.steps, job.cpu, job.taken_up = stamps[1:4] if len(stamps) >= 4 else ((), None, 0)
                    if kind == "done":
                        self.apart += any(step == _APART_STEP for step, _ in job.steps)
                        if job.name in _ANALYSES:
                            proc.reading_on_until = read + READING_ON_S
                        _settle(job.future, payload)
                        self._after_piece(proc, job)
                    elif kind == "load":
                        _fail(job.future, ModelLoadError(payload))
                    elif kind == "failed":
                        _fail(job.future, AnalysisFailed(payload))
                    else:  # cancelled: its caller has gone already
                        _fail(job.future, WorkerCrashed("the job was cancelled"))
            self._dispatch()

    def _send_whole(self, proc: WorkerProcess, seq: int, lacking: list[int]) -> None:
        """`proc` no longer keeps parses its job named by their keys (`lacking`, indexes of the job's
        items): the same job again, every parse as bytes, to the same worker, which did no work yet."""
        job = proc.job
        if proc.running is None or proc.running.seq != seq or job is None:
            return  # (cancelled meanwhile, or the worker was replaced: nothing of it is the pool's now)
        job.lacked += len(lacking)
        log.debug("job %d %s: worker %d no longer kept %d of the parses it was named, sent again with them", seq, job.name,
                  proc.number, len(lacking))
        if not proc.send((job.seq, job.name, job.args)):
            proc.running, proc.job, job.worker = None, None, None
            _fail(job.future, WorkerCrashed("the analysis worker stopped"))

    def _on_ready(self, proc: WorkerProcess, info: dict | None, error: str | None) -> None:
        if error is not None:
            self._load_error = error
            if self._warm is not None and not self._warm.done():
                self._warm.set_exception(ModelLoadError(error))
            proc.ready = True  # its jobs fail with the load error, as a request would learn it
            return
        proc.ready = True
        self._label = info["label"]
        self.pieces = info["pieces"]
        if self._warm is not None and not self._warm.done() and all(p.ready for p in self._procs if p.killed is None):
            self._warm.set_result(True)

    def _finish(self, proc: WorkerProcess, seq: int) -> _Job | None:
        """The job `proc` ran (now finished), if it is still the one the pool gave it."""
        running, proc.running = proc.running, None
        job = proc.job
        proc.job = None
        if running is None or running.seq != seq or job is None:
            return None
        now = time.monotonic()
        if running.cancelled_at is not None:
            log.debug("worker %d free %.0f ms after a cancel", proc.number, (now - running.cancelled_at) * 1000)
        # Where a request's time goes: waiting for a worker, then the job there (its pipe both ways included).
        log.debug("job %d %s on worker %d: queued %.1f ms, ran %.1f ms", seq, job.name, proc.number,
                  (running.started - job.submitted) * 1000, (now - running.started) * 1000)
        return job

    def _on_exit(self, proc: WorkerProcess) -> None:
        with self._lock:
            if proc in self._procs:
                self._procs.remove(proc)
            job = proc.job
            proc.job, proc.running = None, None
            if job is not None:
                _fail(job.future, WorkerCrashed("the analysis worker stopped"))
            for seq in [seq for seq, (_, on) in self._express.items() if on is proc]:
                _fail(self._express.pop(seq)[0], WorkerCrashed("the analysis worker stopped"))
            if self._warm is not None and not self._warm.done() and not proc.ready:
                self._warm.set_exception(ModelLoadError(f"an analysis worker died while loading model {self.model!r}"))
                return
            if self._closed or self._stopping:
                return
            self._load_deaths = 0 if proc.ready else self._load_deaths + 1
            if self._load_deaths >= MAX_LOAD_DEATHS:
                log.error("analysis workers keep dying while loading model %r; not restarting them", self.model)
                return
            why = proc.killed or "a worker process died"
            log.warning("analysis worker restarted (%s)", why)
            self._spawn()
            self._dispatch()

    # -- scheduling (under the lock) --

    def _after_piece(self, proc: WorkerProcess, job: _Job) -> None:
        """Keeps `proc` for the lane of the text whose last piece it parsed (`HOLD_S`)."""
        if job.pieces is None:
            return
        job.pieces.left -= 1
        if job.pieces.left > 0 or job.pieces.then_long or self._closed:
            return
        proc.held = (job.lane, time.monotonic() + HOLD_S)
        timer = threading.Timer(HOLD_S, self._release, (proc,))
        timer.daemon = True
        timer.start()

    def _release(self, proc: WorkerProcess) -> None:
        """The analysis `proc` was kept for did not come: it takes other work again."""
        with self._lock:
            if proc.held is not None and proc.held[1] <= time.monotonic():
                proc.held = None
                self._dispatch()

    def _dispatch(self) -> None:
        """Give every idle worker the next job of the fair queue."""
        for proc in self._procs:
            if not proc.idle:
                continue
            if proc.held is not None and proc.held[1] <= time.monotonic():
                proc.held = None

            def allowed(job: _Job, proc: WorkerProcess = proc) -> bool:
                return (proc.held is None or job.lane == proc.held[0]) and self._may_start(job) and self._belongs_on(job, proc)

            job = self._queue.pop(allowed)
            while job is not None and job.future.done():  # cancelled while it waited
                job = self._queue.pop(allowed)
            if job is None:
                continue
            job.dispatched = time.monotonic()
            proc.held = None
            proc.running, proc.job, job.worker = Running(job.seq, job.dispatched), job, proc
            if not proc.send((job.seq, job.name, self._thinned(job, proc) if job.thin else job.args)):
                proc.running, proc.job, job.worker = None, None, None
                _fail(job.future, WorkerCrashed("the analysis worker stopped"))
                continue
            job.sent = time.monotonic()
            proc.had(job.keys, DECODED_PARAGRAPHS)
            self._forward_entities(job)

    def _thinned(self, job: _Job, proc: WorkerProcess) -> tuple:
        """An update's arguments for `proc`: each parse the pool sent `proc` before (`WorkerProcess.had`)
        as None, which the worker reads as the parse of that paragraph's key it keeps (`engine.jobs`)."""
        items, text, keys, *rest = job.args
        thin = [None if isinstance(item, bytes) and key in proc.decoded else item for item, key in zip(items, keys)]
        job.by_key = sum(item is None for item in thin)
        return thin, text, keys, *rest

    def _belongs_on(self, job: _Job, proc: WorkerProcess) -> bool:
        """Whether idle `proc` may take `job`: yes, unless the job is best run near its parses and
        another idle worker has had more of them, or the job is spare work and `proc` may still be
        doing its idle work while another idle worker is not."""
        if job.spare and proc.reading_on_until > time.monotonic():
            # (another idle worker that is not reading on takes it, if there is one)
            now = time.monotonic()
            return not any(other.idle and other.reading_on_until <= now for other in self._procs if other is not proc)
        if not job.near_keys:
            return True
        mine = proc.has_had(job.keys)
        return all(other.has_had(job.keys) <= mine for other in self._procs if other is not proc and other.idle)

    def _may_start(self, job: _Job) -> bool:
        """A long job may start only while another worker (alive, loaded) runs no long job."""
        if not job.long:
            return True
        live = [p for p in self._procs if p.ready and p.killed is None]
        running_long = sum(1 for p in live if p.job is not None and p.job.long)
        return len(live) < 2 or running_long < len(live) - 1

    def _submit(self, lane: Lane, name: str, args: tuple, cost: float, chars: int = 0, keys: tuple[bytes, ...] = (),
                near_keys: bool = False, pieces: _Pieces | None = None, spare: bool = False, thin: bool = False,
                entities: concurrent.futures.Future | None = None) -> _Job:
        job = _Job(next(self._seq), name, args, lane, cost, long=chars > LONG_JOB_CHARS, keys=keys, near_keys=near_keys,
                   pieces=pieces, spare=spare, thin=thin, entities=entities)
        with self._lock:
            if self._closed:
                raise WorkerCrashed("the analysis pool is shut down")
            self._queue.push(lane.client, lane.page, job, cost)
            self._dispatch()
        if entities is not None:
            entities.add_done_callback(lambda _: self._forward_entities(job, locked=False))
        return job

    def _cancel(self, job: _Job, why: str) -> None:
        """The caller no longer wants `job`: drop it if it waits, stop it if it runs."""
        with self._lock:
            if job.worker is None:
                self._queue.remove(job.lane.client, job.lane.page, job)
                job.future.cancel()
                return
            proc = job.worker
            if proc.job is not job or proc.running is None or proc.running.cancelled_at is not None:
                return
            proc.running.cancelled_at = time.monotonic()
            proc.send(("cancel", job.seq))
        timer = threading.Timer(CANCEL_GRACE_S, self._kill_if_still_running, (proc, job, why))
        timer.daemon = True
        timer.start()

    def _kill_if_still_running(self, proc: WorkerProcess, job: _Job, why: str) -> None:
        with self._lock:
            if proc.job is job and not self._closed:
                proc.kill(why)

    def idle_workers(self) -> int:
        with self._lock:
            return max(0, sum(p.idle for p in self._procs) - len(self._queue))

    # -- analysis --

    def cached(self, text: str) -> Analysis | None:
        data = self.cache.get(text_key(text))
        return None if data is None else Analysis.model_validate_json(data)

    def has_cached(self, text: str, key: str | None = None) -> bool:
        """Whether the analysis of `text` is kept; `key`: its `text_key`, when the caller has it."""
        return self.cache.get(key if key is not None else text_key(text)) is not None

    async def analyze(self, text: str, **options) -> tuple[Analysis, bool]:
        """(analysis, cached?) of `text` with code-point offsets: `analyze_json`'s, read into models."""
        data, cached = await self.analyze_json(text, **options)
        return Analysis.model_validate_json(data), cached

    async def analyze_json(
        self,
        text: str,
        *,
        deadline: float | None = None,
        cache: bool = True,
        cuts: list[int] | None = None,
        on_piece: Callable[[int, Analysis], Awaitable[None]] | None = None,
        lane: Lane = Lane(),
        later: list[Callable[[], None]] | None = None,
        key: str | None = None,
    ) -> tuple[bytes, bool]:
        """(analysis, cached?) of `text` with code-point offsets, the analysis as the JSON its worker
        made from the engine's models (what the cache keeps), not read back into models here: the
        session sends it on as it is when it can (`server.replies`).

        `deadline` is in loop.time(). Raises AnalysisTimeout, WorkerCrashed or AnalysisFailed; cancelling
        the calling task cancels the work, running or not.

        The paragraphs of the text not parsed before are parsed in pieces (`server.plan`),
        spread over the idle workers, and the text is analysed as one document. With `cuts`
        (streaming), `on_piece(i, analysis)` gets the analysis of each stretch between cuts on its own
        (offsets into `text`, no actors), in order, as soon as it and the stretches before it are
        parsed, before the whole analysis is returned; a stretch with paragraphs parsed before gets
        none.

        `later`: the work the request leaves for idle workers (`_foresee`) is put there for the
        caller to start once its reply is out, instead of being started at once: on a busy machine
        it would share the cores with that reply.

        `key`: the text's `text_key`, when the caller has it already (a streamed request asks
        `has_cached` first): hashing a 900,000-character page takes milliseconds of the event loop.
        """
        key = (key if key is not None else text_key(text)) if cache else None
        if key is not None and (hit := self.cache.get(key)) is not None:
            return hit, True
        self._start()
        deadline = await self._until_loaded(deadline)
        if self.pieces:
            data = await self._by_paragraphs(text, cuts, deadline, on_piece, lane, later)
        else:
            data = await self._whole_with_previews(text, cuts or [], deadline, on_piece, lane)
        if key is not None:
            self.cache.put(key, data, weight=len(data))
        return data, False

    async def _by_paragraphs(self, text: str, cuts: list[int] | None, deadline: float | None, on_piece, lane: Lane,
                             later: list[Callable[[], None]] | None = None) -> bytes:
        """The paragraphs without a parse parsed by whichever workers the fair queue gives them, then the
        parses joined and analysed in one job; one job for both when the new paragraphs are one piece."""
        started = time.monotonic()
        plan = make_plan(text, self.parses.get, self.idle_workers(), cuts)
        if waited := await self._ahead_of(plan):
            plan = make_plan(text, self.parses.get, self.idle_workers(), cuts)
        self.reused += len(plan.paragraphs) - plan.missing
        ahead = self._foreseen_hits(plan)
        log.debug("plan: %d paragraphs, %d to parse in %d pieces, %d parsed ahead (%.1f ms%s)", len(plan.paragraphs), plan.missing,
                  len(plan.pieces), ahead, (time.monotonic() - started) * 1000, ", waited for a parse made ahead" if waited else "")
        merge_cost = MERGE_COST * len(text)
        if len(plan.pieces) <= 1:
            items = [part if part is not None else paragraph for part, paragraph in zip(plan.parts, plan.paragraphs)]
            new = sum(plan.chars(piece) for piece in plan.pieces)
            entities = self.ask_entities([p for part, p in zip(plan.parts, plan.paragraphs) if part is None], plan.keys)
            data, parsed = await self._run(lane, deadline, "update", (items, text, plan.keys, entities is not None), new + merge_cost,
                                           len(text), keys=tuple(plan.keys), near_keys=True, thin=len(text) <= THIN_TEXT_CHARS,
                                           entities=entities)
            todo = [i for i, part in enumerate(plan.parts) if part is None]
            for i, part in zip(todo, parsed):
                self._keep(plan, i, part)
        else:
            await self._parse_pieces(plan, cuts or [], deadline, on_piece, lane)
            data = await self._run(lane, deadline, "merge", (plan.parts, text, plan.keys), merge_cost, len(text), keys=tuple(plan.keys),
                                   near_keys=True)
        if later is None:
            self._foresee(plan, lane)
        else:
            later.append(functools.partial(self._foresee, plan, lane))
        return data

    async def _parse_pieces(self, plan: Plan, cuts: list[int], deadline: float | None, on_piece, lane: Lane) -> None:
        """Each piece of the plan parsed (its parses kept, `plan.parts` filled in). Stretches between
        `cuts` are previewed once all their pieces are parsed, if all their paragraphs are new."""
        preview = on_piece is not None
        group = _Pieces(len(plan.pieces), then_long=plan.bounds[-1] > LONG_JOB_CHARS)
        jobs = [asyncio.create_task(self._run(lane, deadline, "parse", (plan.paragraphs[a:b], preview, plan.keys[a:b]), plan.chars((a, b)),
                                              keys=tuple(plan.keys[a:b]), pieces=group))
                for a, b in plan.pieces]
        stretches = [plan.stretch_of(c) for c in [0, *cuts]] + [len(plan.paragraphs)]
        try:
            previews: list[Analysis] = []
            stretch = 0
            for (a, b), job in zip(plan.pieces, jobs):
                parts, own = await job
                for i, part in zip(range(a, b), parts):
                    self._keep(plan, i, part)
                if not preview:
                    continue
                while stretch + 1 < len(stretches) and stretches[stretch + 1] <= a:
                    previews, stretch = [], stretch + 1  # a stretch whose paragraphs were all parsed before
                previews.append(shift(Analysis.model_validate(own), plan.bounds[a]))
                first, last = stretches[stretch], stretches[stretch + 1]
                if b >= last:  # the stretch's last piece
                    if sum(b2 - a2 for a2, b2 in plan.pieces if first <= a2 < last) == last - first:
                        await on_piece(stretch, Analysis(spans=[span for p in previews for span in p.spans], actors=[]))
                    previews, stretch = [], stretch + 1
        finally:
            await _cancel(jobs)

    def _foresee(self, plan: Plan, lane: Lane) -> None:
        """Once a page is analysed, has a worker with nothing to do parse the paragraph the page will
        need if it grows at its end (`server.foresight`), and keeps the parse. Never queued behind,
        or run beside, the page's own work."""
        guess = grown_tail(plan.paragraphs)
        if guess is None or self._closed or self.idle_workers() < 1:
            return
        key = paragraph_key(guess)
        if key in self.parses or key in self._ahead:
            return
        try:
            job = self._submit(Lane(lane.client, ("foresight", lane.page)), "parse", ([guess], False, [key]), len(guess), keys=(key,),
                               spare=True)
        except WorkerCrashed:
            return
        self._ahead[key] = job.future
        loop = asyncio.get_running_loop()

        def done(future: concurrent.futures.Future) -> None:
            try:
                loop.call_soon_threadsafe(self._keep_foreseen, key, future)
            except RuntimeError:
                pass  # the loop has closed: the daemon is stopping

        job.future.add_done_callback(done)

    def _keep_foreseen(self, key: bytes, future: concurrent.futures.Future) -> None:
        self._ahead.pop(key, None)
        if not future.cancelled() and future.exception() is None:
            self.foreseen += 1
            self.parses.put(key, future.result()[0][0])
            self._foreseen_keys[key] = None
            while len(self._foreseen_keys) > FORESEEN_KEPT:
                self._foreseen_keys.popitem(last=False)

    def _foreseen_hits(self, plan: Plan) -> int:
        """How many of the plan's paragraphs, parses kept, were parsed ahead and not used before; counted
        once (`foreseen_used`). A page that grows at its end has one: its last paragraph's, as it now ends."""
        hits = [key for key, part in zip(plan.keys, plan.parts) if part is not None and key in self._foreseen_keys]
        for key in hits:
            del self._foreseen_keys[key]
        self.foreseen_used += len(hits)
        return len(hits)

    async def _ahead_of(self, plan: Plan) -> bool:
        """Waits for the parses being made ahead (`_foresee`) of paragraphs the plan lacks: each is
        one paragraph's parse, started earlier, so it is done sooner than parsed again. Whether any was."""
        waiting = [asyncio.wrap_future(self._ahead[plan.keys[i]]) for a, b in plan.pieces for i in range(a, b) if plan.keys[i] in self._ahead]
        if not waiting:
            return False
        await asyncio.wait(waiting, timeout=AHEAD_WAIT_S)
        await asyncio.sleep(0)  # the kept parses are put in the cache by callbacks the loop runs next
        return True

    def _keep(self, plan: Plan, i: int, part: bytes) -> None:
        self.parsed += 1
        plan.parts[i] = part
        self.parses.put(plan.keys[i], part)

    # -- the express lane --

    def ask_early_quotes(self, text: str) -> concurrent.futures.Future | None:
        """Sends `text` to a worker's express lane for the quotations its marks give (`engine.early`),
        at once, before the request's own jobs go out; None when no worker has loaded."""
        with self._lock:
            live = [p for p in self._procs if p.ready and p.killed is None and self._load_error is None]
            if not live:
                return None
            self._express_turn += 1
            # The request's own first job goes to the first idle worker (`_dispatch`), or, when it reads
            # parses, to the idle worker that has had most of them (`_belongs_on`): with two idle, the
            # quotes are asked of another, so the two share neither a core nor a worker's GIL (the
            # express lane is a thread of the worker). The text's own paragraphs tell which one that is.
            idle = [p for p in live if p.idle]
            if len(idle) > 1:
                keys = _paragraph_keys(text)
                proc = min(reversed(idle), key=lambda p: p.has_had(keys))
            else:
                proc = idle[-1] if idle else live[self._express_turn % len(live)]
            seq = next(self._express_seq)
            future: concurrent.futures.Future = concurrent.futures.Future()
            self._express[seq] = (future, proc)
        log.debug("early quotes %d asked of worker %d", seq, proc.number)
        if not proc.send_express(("quotes", seq, text)):
            with self._lock:
                self._express.pop(seq, None)
            return None
        future.seq = seq  # type: ignore[attr-defined]
        return future

    def ask_entities(self, parts: list[str], keys: list[bytes]) -> concurrent.futures.Future | None:
        """Sends an update's new paragraphs (`parts`) to the express lane of an idle worker other than
        the one the update will go to (the idle worker that has had most of the page's paragraphs,
        `keys`: `_belongs_on`), for their entities (`engine.entities_apart`); None when there are none
        to parse or no second idle worker. Should the update go to that same worker after all, its lane
        finds the model busy and answers None: the update then runs the recogniser itself."""
        if not parts:
            return None
        with self._lock:
            idle = [p for p in self._procs if p.ready and p.killed is None and p.idle and self._load_error is None]
            if len(idle) < 2:
                return None
            proc = min(reversed(idle), key=lambda p: p.has_had(keys))
            seq = next(self._express_seq)
            future: concurrent.futures.Future = concurrent.futures.Future()
            self._express[seq] = (future, proc)
        log.debug("entities of %d paragraphs asked of worker %d", len(parts), proc.number)
        if not proc.send_express(("entities", seq, parts)):
            with self._lock:
                self._express.pop(seq, None)
            return None
        return future

    def _forward_entities(self, job: _Job, locked: bool = True) -> None:
        """Sends `job` the entities asked for it (`ask_entities`) once both it runs and they have come:
        called when it is dispatched (`locked`: under the pool's lock) and when they come."""
        if job.entities is None or not job.entities.done():
            return
        if not locked:
            with self._lock:
                return self._forward_entities(job)
        proc = job.worker
        if job.entities_sent or proc is None or proc.job is not job:
            return  # (not dispatched yet: it is sent then; or done already, without them)
        job.entities_sent = True
        found = job.entities.result() if not job.entities.cancelled() and job.entities.exception() is None else None
        proc.send(("entities", job.seq, found))

    async def early_quotes(self, asked: concurrent.futures.Future | None, timeout: float = 1.0) -> Analysis | None:
        """The answer to `ask_early_quotes`, or None when it does not come within `timeout` seconds."""
        if asked is None:
            return None
        try:
            data = await asyncio.wait_for(asyncio.wrap_future(asked), timeout)
        except (TimeoutError, WorkerCrashed):
            return None
        finally:
            with self._lock:
                self._express.pop(asked.seq, None)  # type: ignore[attr-defined]
        return Analysis.model_validate(data) if data is not None else None

    def _on_express(self, reply: tuple) -> None:
        seq, payload = reply
        with self._lock:
            entry = self._express.pop(seq, None)
        if entry is not None:
            _settle(entry[0], payload)

    async def _whole_with_previews(self, text: str, cuts: list[int], deadline: float | None, on_piece, lane: Lane) -> bytes:
        """For an engine that only takes text (test stubs): previews from each stretch analysed on its
        own, the result from the whole text, which with several workers may overtake the last ones."""
        if on_piece is None or not cuts:
            return await self._run(lane, deadline, "analyze", (text,), len(text), len(text))
        starts = [0, *cuts]
        jobs = [asyncio.create_task(self._run(lane, deadline, "analyze", (piece,), len(piece))) for piece in split_at(text, cuts)]
        whole = asyncio.create_task(self._run(lane, deadline, "analyze", (text,), len(text), len(text)))
        try:
            for i, job in enumerate(jobs):
                await asyncio.wait({job, whole}, return_when=asyncio.FIRST_COMPLETED)
                if not job.done():
                    break  # the whole text overtook this stretch: its preview would come too late
                if job.exception() is not None:
                    continue  # the whole-text analysis will report the failure, or succeed anyway
                await on_piece(i, shift(Analysis.model_validate_json(job.result()), starts[i]))
            return await whole
        finally:
            await _cancel([*jobs, whole])

    async def _until_loaded(self, deadline: float | None) -> float | None:
        """Wait, off the request's clock, while no worker has the model loaded (just after a start or
        restart). Bounded: a model that never loads is a crash."""
        loop = asyncio.get_running_loop()
        before = loop.time()
        give_up = time.monotonic() + MODEL_LOAD_TIMEOUT_S
        while not self._any_ready():
            if self._closed:
                raise WorkerCrashed("the analysis pool is shut down")
            if time.monotonic() > give_up:
                raise WorkerCrashed("the analysis worker did not load the model in time")
            await asyncio.sleep(0.02)
        return None if deadline is None else deadline + (loop.time() - before)

    def _any_ready(self) -> bool:
        with self._lock:
            return any(p.ready and p.killed is None for p in self._procs)

    async def _run(self, lane: Lane, deadline: float | None, name: str, args: tuple, cost: float, chars: int = 0,
                   keys: tuple[bytes, ...] = (), near_keys: bool = False, pieces: _Pieces | None = None, thin: bool = False,
                   entities: concurrent.futures.Future | None = None):
        """The job `name(*args)` on a worker, under the failure policy in the module docstring;
        `chars`: the length of text the job works on at once (a long one is kept off one worker);
        `keys`, `near_keys`: the paragraphs it parses or reads, and whether it is best run near them;
        `thin`: an update whose parses the worker has had go by their keys (`_thinned`);
        `entities`: its new paragraphs' entities, asked of another worker (`ask_entities`)."""
        job = self._submit(lane, name, args, cost, chars, keys, near_keys, pieces, thin=thin, entities=entities)
        try:
            async with asyncio.timeout_at(deadline):
                result = await asyncio.wrap_future(job.future)
        except TimeoutError:
            self._cancel(job, "an analysis exceeded the request timeout")
            raise AnalysisTimeout() from None
        except asyncio.CancelledError:
            self._cancel(job, "a cancelled analysis did not stop")
            raise
        if job.dispatched is not None and job.sent is not None and job.answered is not None and job.worker is not None and log.isEnabledFor(logging.DEBUG):
            # The job's way there (its arguments pickled into the pipe), its time on the worker with
            # its reply's way back, and the reply's way from the reader thread to the waiting task.
            there, back = job.on_worker or (job.sent, job.answered)
            # (The worker may read the job before the daemon's write returns: the write is part of the way there.)
            log.debug("job %d %s: to the worker %.1f ms (writing it %.1f ms; %d parses by key, %d sent again), on it %.1f ms (%s; CPU %s ms; %d readings taken up), back %.1f ms, to the loop %.1f ms",
                      job.seq, name, (there - job.dispatched) * 1000, (job.sent - job.dispatched) * 1000, job.by_key, job.lacked, (back - there) * 1000,
                      _steps(there, job.steps, back), "?" if job.cpu is None else f"{job.cpu * 1000:.1f}", job.taken_up,
                      (job.answered - back) * 1000, (time.monotonic() - job.answered) * 1000)
        return result


def _steps(start: float, steps: tuple[tuple[str, float], ...], end: float) -> str:
    """A job's steps on its worker as "parse 18.0, rebuild 6.1, …, reply 0.3" (milliseconds each)."""
    out, last = [], start
    for name, at in steps:
        out.append(f"{name} {(at - last) * 1000:.1f}")
        last = at
    out.append(f"reply {(end - last) * 1000:.1f}")
    return ", ".join(out)


def _paragraph_keys(text: str) -> list[bytes]:
    """The keys of `text`'s paragraphs, as a plan of it would have them (`server.plan`)."""
    return [paragraph_key(p) for p in split_paragraphs(text, paragraph_starts(text))]


def _settle(future: concurrent.futures.Future, value) -> None:
    try:
        future.set_result(value)
    except concurrent.futures.InvalidStateError:
        pass  # cancelled by its caller meanwhile


def _fail(future: concurrent.futures.Future, exc: BaseException) -> None:
    try:
        future.set_exception(exc)
    except concurrent.futures.InvalidStateError:
        pass


async def _cancel(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
