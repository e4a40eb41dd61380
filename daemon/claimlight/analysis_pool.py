"""Analysis off the event loop: worker processes that each load the model once, and a cache.

The engine is CPU-bound pure Python (spaCy) and would stall every connection if run on the loop;
processes (not threads) because the GIL would serialise it anyway, and because a process that hangs
or crashes can be killed and replaced without taking the daemon down.

Failure policy:
* a worker that dies (OOM killer, a signal, a segfault in a C extension) breaks the whole
  ProcessPoolExecutor: every request in it fails with WorkerCrashed, the pool is rebuilt, and the next
  request runs on fresh workers;
* a request that exceeds its deadline while its work is already running cannot be cancelled inside
  the worker, and a page crafted to make the engine loop forever would otherwise hold that worker
  for good, so the pool is recycled; requests that were merely in the same pool are resubmitted
  once to the new one, since nothing was wrong with them;
* a caller that goes away (client disconnect, cancel) cancels work not yet started and ignores
  the result of work already running.

A long text is parsed in pieces on several workers at once and analysed as one document
(`claimlight.parallel_parse`); a streamed one likewise, piece by piece, each piece's own analysis
sent as a preview. Every job of such a request runs under the failure policy above.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .pieces import piece_count, split_at, split_points
from .protocol import Analysis
from .streaming import shift

DEFAULT_ENGINE = "claimlight.engine:analyze"
MODEL_LOAD_TIMEOUT_S = 120.0

log = logging.getLogger("claimlight.pool")


class AnalysisTimeout(Exception):
    pass


class WorkerCrashed(Exception):
    pass


class AnalysisFailed(Exception):
    """The engine raised; __cause__ holds the worker's exception."""


class ModelLoadError(Exception):
    pass


def text_key(text: str) -> str:
    # surrogatepass: a lone surrogate must hash, not raise (callers normally replace them already).
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- inside a worker process -----------------------------------------------------------------------

_worker: dict = {}

# Analysed once when a worker starts, so that the first real request does not pay for what spaCy,
# thinc and the engine set up lazily on their first calls (about 50 ms for a long article).
_WARM_UP_TEXT = "\n\n".join(
    f"GENEVA, March {day} — “We will win this,” said Maria Lopez, the mayor, on Tuesday. The council voted "
    f"7-{day} for the $4.5 million plan, according to officials. She said it would pass, and he added that the "
    "budget of the Ministry of Finance grew by 12 per cent."
    for day in range(1, 9)
)


def _init_worker(model: str, engine: str, parent_pid: int, ready) -> None:
    # Ctrl-C reaches the whole process group; the parent decides when workers stop, and a worker
    # interrupted mid-wait would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True, name="parent-watch").start()
    try:
        _load(model, engine)
    finally:
        try:
            ready.send(os.getpid())  # loaded (or failed: the first job says why); one small atomic write
        except OSError:
            pass  # the daemon has stopped waiting: it is shutting down


def _load(model: str, engine: str) -> None:
    try:
        from .nlp import load_nlp, model_label

        module, _, func = engine.partition(":")
        engine_module = importlib.import_module(module)
        _worker["analyze"] = getattr(engine_module, func)
        # An engine that can analyse a parsed Doc can have long texts parsed in pieces, in parallel.
        _worker["analyze_doc"] = getattr(engine_module, "analyze_doc", None)
        _worker["nlp"] = load_nlp(model)
        _worker["label"] = model_label(_worker["nlp"])
    except BaseException as exc:  # reported by the first job, so the daemon can say why and exit cleanly
        _worker["error"] = f"cannot load spaCy model {model!r} / engine {engine!r}: {type(exc).__name__}: {exc}"
        return
    try:
        _worker_analyze(_WARM_UP_TEXT)
        if _worker["analyze_doc"] is not None:
            parts = [_worker_parse(piece, True)[0] for piece in split_at(_WARM_UP_TEXT, split_points(_WARM_UP_TEXT, 2))]
            _worker_merge(parts, _WARM_UP_TEXT)
    except Exception:
        pass  # a real request will meet the same problem and report it


def _exit_with_parent(parent_pid: int) -> None:
    # If the daemon is SIGKILLed nobody tells its workers; without this they would wait forever.
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(0)


def _ready() -> None:
    if "error" in _worker:
        raise ModelLoadError(_worker["error"])


def _worker_info() -> dict:
    _ready()
    return {"label": _worker["label"], "pieces": _worker["analyze_doc"] is not None}


def _worker_analyze(text: str) -> dict:
    """A whole text in one job."""
    _ready()
    from .parallel_parse import analyze_text

    return analyze_text(_worker["nlp"], text, _worker["analyze"])


def _worker_parse(text: str, preview: bool) -> tuple[bytes, dict | None]:
    """One piece of a text: its parse as DocBin bytes, and its own analysis if `preview`."""
    _ready()
    from .parallel_parse import parse_to_bytes

    return parse_to_bytes(_worker["nlp"], text, _worker["analyze_doc"] if preview else None)


def _worker_merge(parts: list[bytes], text: str) -> dict:
    """The analysis of a text from the parses of its pieces."""
    _ready()
    from .parallel_parse import merge_and_analyze

    return merge_and_analyze(_worker["nlp"], parts, text, _worker["analyze_doc"])


# --- in the daemon ---------------------------------------------------------------------------------


class LRUCache:
    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, Analysis] = OrderedDict()

    def get(self, key: str) -> Analysis | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: str, value: Analysis) -> None:
        if self.size <= 0:
            return
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


class AnalysisPool:
    def __init__(self, *, model: str, workers: int = 1, cache_size: int = 256, engine: str = DEFAULT_ENGINE):
        self.model = model
        self.workers = workers
        self.engine = engine
        self.cache = LRUCache(cache_size)
        self._executor: ProcessPoolExecutor | None = None
        self._generation = 0
        self._recycled: set[int] = set()  # generations killed on purpose (a timeout), not by a crash
        self._warm: Future | None = None  # the current generation's model load
        self._closed = False
        self._stopping = False
        self.pieces = False  # whether the engine lets a text be parsed in pieces (known once warm)
        # Each worker writes its pid here once it has loaded. A pipe, not a Queue: a Queue's semaphores
        # keep multiprocessing's resource tracker busy after the daemon has gone.
        self._ready, self._ready_writer = multiprocessing.get_context("spawn").Pipe(duplex=False)
        self._busy = 0  # jobs being awaited, for deciding whether to cut a long text

    # -- lifecycle --

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            # spawn, not fork: the daemon has threads and a running event loop, which fork copies badly.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.model, self.engine, os.getpid(), self._ready_writer),
        )

    def _current(self) -> tuple[int, ProcessPoolExecutor]:
        if self._closed:
            raise WorkerCrashed("the analysis pool is shut down")
        if self._executor is None:
            self._executor = self._new_executor()
        return self._generation, self._executor

    async def warmup(self) -> str:
        """Start the workers and load the model in each; returns the model label. Raises ModelLoadError."""
        _, executor = self._current()
        jobs = [executor.submit(_worker_info) for _ in range(self.workers)]
        self._warm = jobs[0]
        futures = [asyncio.wrap_future(job) for job in jobs]
        # Every outcome is collected, so that a second worker's failure is not left unretrieved (asyncio
        # would print it with a traceback); the first failure is the one reported.
        infos = await asyncio.gather(*futures, return_exceptions=True)
        failure = next((info for info in infos if isinstance(info, BaseException)), None)
        if isinstance(failure, BrokenProcessPool):
            raise ModelLoadError(f"an analysis worker died while loading model {self.model!r}") from failure
        if failure is not None:
            raise failure
        # The first worker to load may have answered every one of those jobs while the others were still
        # loading: ready means that each worker has loaded.
        await self._wait_for_workers()
        self.pieces = all(info["pieces"] for info in infos)
        return infos[0]["label"]

    async def _wait_for_workers(self) -> None:
        # Polled, not a blocking get in a thread: a daemon stopped while loading must not wait for it.
        deadline = time.monotonic() + MODEL_LOAD_TIMEOUT_S
        loaded = 0
        while loaded < self.workers:
            if self._ready.poll():
                self._ready.recv()
                loaded += 1
            elif time.monotonic() > deadline:
                raise ModelLoadError(f"the analysis workers did not load model {self.model!r} in time")
            else:
                await asyncio.sleep(0.02)

    def worker_pids(self) -> list[int]:
        executor = self._executor
        processes = getattr(executor, "_processes", None) or {}
        return [p.pid for p in list(processes.values()) if p.pid is not None]

    def _replace(self, generation: int, *, kill: bool, why: str) -> None:
        """Swap in a fresh executor, once per generation however many callers notice the failure."""
        if generation != self._generation or self._closed or self._stopping:
            return
        old = self._executor
        self._generation += 1
        while self._ready.poll():  # nobody waits for restarted workers: keep their pipe from filling up
            self._ready.recv()
        self._executor = self._new_executor()
        if kill:
            self._recycled.add(generation)
        log.warning("analysis pool restarted (%s)", why)
        if old is not None:
            if kill:
                for process in list((getattr(old, "_processes", None) or {}).values()):
                    process.kill()
            old.shutdown(wait=False)
        # Load the model now rather than on the next request.
        self._warm = self._executor.submit(_worker_info)
        self._warm.add_done_callback(_ignore_result)

    def begin_shutdown(self) -> None:
        """From now on a dying worker is expected (SIGTERM reaches the whole process group): no restarts."""
        self._stopping = True

    async def aclose(self, grace_s: float = 2.0) -> None:
        await asyncio.to_thread(self.close, grace_s)

    def close(self, grace_s: float = 2.0) -> None:
        """Stop the workers: idle ones exit at once, busy ones get `grace_s`, then are killed. No orphans."""
        self._closed = True
        self._ready.close()
        self._ready_writer.close()
        executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace_s
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join(1.0)

    # -- analysis --

    def cached(self, text: str) -> Analysis | None:
        return self.cache.get(text_key(text))

    async def analyze(
        self,
        text: str,
        *,
        deadline: float | None = None,
        cache: bool = True,
        cuts: list[int] | None = None,
        on_piece: Callable[[int, Analysis], Awaitable[None]] | None = None,
    ) -> tuple[Analysis, bool]:
        """(analysis, cached?) of `text` with code-point offsets.

        `deadline` is in loop.time(). Raises AnalysisTimeout, WorkerCrashed or AnalysisFailed.
        Callers submit in order: the executor runs jobs first come, first served.

        Without `cuts`, a long text is cut at paragraph boundaries into one piece per idle worker and
        the pieces are parsed in parallel. With `cuts` (streaming), the text is parsed in those pieces
        and `on_piece(i, analysis)` gets each piece's own analysis (offsets into `text`, no actors) in
        order, as soon as it and the pieces before it are done, before the whole analysis is returned.
        """
        key = text_key(text) if cache else None
        if key is not None and (hit := self.cache.get(key)) is not None:
            return hit, True
        if cuts is None:
            cuts = split_points(text, piece_count(text, self.workers - self._busy)) if self.pieces else []
        if not cuts:
            data = await self._run(deadline, _worker_analyze, text)
        elif self.pieces:
            data = await self._parse_in_pieces(text, cuts, deadline, on_piece)
        else:
            data = await self._whole_with_previews(text, cuts, deadline, on_piece)
        analysis = Analysis.model_validate(data)
        if key is not None:
            self.cache.put(key, analysis)
        return analysis, False

    async def _parse_in_pieces(self, text: str, cuts: list[int], deadline: float | None, on_piece) -> dict:
        """Each piece parsed by whichever worker is free, then the parses joined and analysed in one job."""
        starts = [0, *cuts]
        jobs = [asyncio.create_task(self._run(deadline, _worker_parse, piece, on_piece is not None))
                for piece in split_at(text, cuts)]
        try:
            parts = []
            for i, job in enumerate(jobs):
                data, preview = await job
                parts.append(data)
                if on_piece is not None:
                    await on_piece(i, shift(Analysis.model_validate(preview), starts[i]))
            return await self._run(deadline, _worker_merge, parts, text)
        finally:
            await _cancel(jobs)

    async def _whole_with_previews(self, text: str, cuts: list[int], deadline: float | None, on_piece) -> dict:
        """For an engine that only takes text (test stubs): previews from each piece analysed on its
        own, the result from the whole text, which with several workers may overtake the last pieces."""
        if on_piece is None:
            return await self._run(deadline, _worker_analyze, text)
        starts = [0, *cuts]
        # Created (and so submitted) in order: the pieces first, then the whole text.
        jobs = [asyncio.create_task(self._run(deadline, _worker_analyze, piece)) for piece in split_at(text, cuts)]
        whole = asyncio.create_task(self._run(deadline, _worker_analyze, text))
        try:
            for i, job in enumerate(jobs):
                await asyncio.wait({job, whole}, return_when=asyncio.FIRST_COMPLETED)
                if whole.done():
                    break
                if job.exception() is not None:
                    continue  # the whole-text analysis will report the failure, or succeed anyway
                await on_piece(i, shift(Analysis.model_validate(job.result()), starts[i]))
            return await whole
        finally:
            await _cancel([*jobs, whole])

    async def _wait_until_warm(self) -> None:
        """Wait for a (re)started pool to load the model before the request's clock matters.

        Otherwise, with a timeout shorter than the model load, the request after a restart would time
        out while the worker is still loading, be taken for a stuck analysis, and restart the pool again,
        forever. The wait itself is bounded: a model that never loads is a crash.
        """
        warm = self._warm
        if warm is None or warm.done():
            return
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(warm)), MODEL_LOAD_TIMEOUT_S)
        except TimeoutError:
            raise WorkerCrashed("the analysis worker did not load the model in time") from None
        except Exception:
            pass  # a broken or failed load shows up when the request is submitted

    async def _run(self, deadline: float | None, fn: Callable, *args):
        """`fn(*args)` in a worker, under the failure policy in the module docstring."""
        resubmitted = False
        while True:
            loop = asyncio.get_running_loop()
            before = loop.time()
            await self._wait_until_warm()
            if deadline is not None:
                deadline += loop.time() - before  # loading the model is not the request's time
            generation, executor = self._current()
            try:
                job = executor.submit(fn, *args)
            except BrokenProcessPool:
                # Broken before this request got in (a crash nobody has noticed yet): it never ran, so it
                # is not one of the requests that fail with the crash; run it on a fresh pool.
                self._replace(generation, kill=False, why="a worker process died")
                if resubmitted:
                    raise WorkerCrashed("the analysis worker stopped") from None
                resubmitted = True
                continue
            except RuntimeError as exc:  # submit after shutdown: the daemon is stopping
                raise WorkerCrashed("the analysis pool is shut down") from exc
            self._busy += 1  # jobs awaited now; steers whether the next long text is cut (event loop only)
            try:
                async with asyncio.timeout_at(deadline):
                    return await asyncio.wrap_future(job)
            except TimeoutError:
                if not job.cancel() and not job.done():
                    self._replace(generation, kill=True, why="an analysis exceeded the request timeout")
                raise AnalysisTimeout() from None
            except asyncio.CancelledError:
                job.cancel()  # not started yet: dropped; already running: finishes and is ignored
                raise
            except BrokenProcessPool:
                if generation in self._recycled and not resubmitted:
                    resubmitted = True
                    continue
                self._replace(generation, kill=False, why="a worker process died")
                raise WorkerCrashed("the analysis worker stopped") from None
            except ModelLoadError:
                raise
            except Exception as exc:
                raise AnalysisFailed() from exc
            finally:
                self._busy -= 1


async def _cancel(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _ignore_result(future: Future) -> None:
    if not future.cancelled():
        future.exception()
