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
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .protocol import Analysis

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


def _init_worker(model: str, engine: str, parent_pid: int) -> None:
    # Ctrl-C reaches the whole process group; the parent decides when workers stop, and a worker
    # interrupted mid-wait would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True, name="parent-watch").start()
    try:
        from .nlp import load_nlp, model_label

        module, _, func = engine.partition(":")
        _worker["analyze"] = getattr(importlib.import_module(module), func)
        _worker["nlp"] = load_nlp(model)
        _worker["label"] = model_label(_worker["nlp"])
    except BaseException as exc:  # reported by the first job, so the daemon can say why and exit cleanly
        _worker["error"] = f"cannot load spaCy model {model!r} / engine {engine!r}: {type(exc).__name__}: {exc}"


def _exit_with_parent(parent_pid: int) -> None:
    # If the daemon is SIGKILLed nobody tells its workers; without this they would wait forever.
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(0)


def _worker_info() -> str:
    if "error" in _worker:
        raise ModelLoadError(_worker["error"])
    return _worker["label"]


def _worker_analyze(text: str) -> dict:
    if "error" in _worker:
        raise ModelLoadError(_worker["error"])
    nlp = _worker["nlp"]
    # memory_zone frees the strings and vocab entries each document adds, so a long-running worker
    # does not grow with every page read.
    with nlp.memory_zone():
        analysis = _worker["analyze"](text, nlp=nlp)
    # Plain data crosses the process boundary; the parent validates it back into models.
    return analysis.model_dump(mode="json")


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

    # -- lifecycle --

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            # spawn, not fork: the daemon has threads and a running event loop, which fork copies badly.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.model, self.engine, os.getpid()),
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
        try:
            labels = await asyncio.gather(*futures)
        except BrokenProcessPool as exc:
            raise ModelLoadError(f"an analysis worker died while loading model {self.model!r}") from exc
        return labels[0]

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

    async def analyze(self, text: str, *, deadline: float | None = None, cache: bool = True) -> tuple[Analysis, bool]:
        """(analysis, cached?) of `text` with code-point offsets.

        `deadline` is in loop.time(). Raises AnalysisTimeout, WorkerCrashed or AnalysisFailed.
        Callers submit in order: the executor runs jobs first come, first served.
        """
        key = text_key(text) if cache else None
        if key is not None and (hit := self.cache.get(key)) is not None:
            return hit, True
        data = await self._run(text, deadline)
        analysis = Analysis.model_validate(data)
        if key is not None:
            self.cache.put(key, analysis)
        return analysis, False

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

    async def _run(self, text: str, deadline: float | None) -> dict:
        resubmitted = False
        while True:
            loop = asyncio.get_running_loop()
            before = loop.time()
            await self._wait_until_warm()
            if deadline is not None:
                deadline += loop.time() - before  # loading the model is not the request's time
            generation, executor = self._current()
            try:
                job = executor.submit(_worker_analyze, text)
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


def _ignore_result(future: Future) -> None:
    if not future.cancelled():
        future.exception()
