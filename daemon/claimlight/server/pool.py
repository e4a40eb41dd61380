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
(`engine.jobs`, `server.worker`); a streamed one likewise, piece by piece, each piece's own analysis
sent as a preview. Every job of such a request runs under the failure policy above.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..protocol import Analysis
from . import worker
from .cache import LRUCache, text_key
from .errors import AnalysisFailed, AnalysisTimeout, ModelLoadError, WorkerCrashed
from .pieces import piece_count, shift, split_at, split_points

__all__ = ["AnalysisPool", "DEFAULT_ENGINE", "AnalysisFailed", "AnalysisTimeout", "ModelLoadError", "WorkerCrashed"]

DEFAULT_ENGINE = "claimlight.engine:analyze"
MODEL_LOAD_TIMEOUT_S = 120.0

log = logging.getLogger("claimlight.pool")


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
            initializer=worker.init,
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
        jobs = [executor.submit(worker.info) for _ in range(self.workers)]
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
        return [p.pid for p in _processes(self._executor) if p.pid is not None]

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
                for process in _processes(old):
                    process.kill()
            old.shutdown(wait=False)
        # Load the model now rather than on the next request.
        self._warm = self._executor.submit(worker.info)
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
        processes = _processes(executor)
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
            data = await self._run(deadline, worker.analyze, text)
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
        jobs = [asyncio.create_task(self._run(deadline, worker.parse, piece, on_piece is not None))
                for piece in split_at(text, cuts)]
        try:
            parts = []
            for i, job in enumerate(jobs):
                data, preview = await job
                parts.append(data)
                if on_piece is not None:
                    await on_piece(i, shift(Analysis.model_validate(preview), starts[i]))
            return await self._run(deadline, worker.merge, parts, text)
        finally:
            await _cancel(jobs)

    async def _whole_with_previews(self, text: str, cuts: list[int], deadline: float | None, on_piece) -> dict:
        """For an engine that only takes text (test stubs): previews from each piece analysed on its
        own, the result from the whole text, which with several workers may overtake the last pieces."""
        if on_piece is None:
            return await self._run(deadline, worker.analyze, text)
        starts = [0, *cuts]
        # Created (and so submitted) in order: the pieces first, then the whole text.
        jobs = [asyncio.create_task(self._run(deadline, worker.analyze, piece)) for piece in split_at(text, cuts)]
        whole = asyncio.create_task(self._run(deadline, worker.analyze, text))
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


def _processes(executor: ProcessPoolExecutor | None) -> list[multiprocessing.process.BaseProcess]:
    """The executor's worker processes.

    ProcessPoolExecutor has no public way to reach its processes, and the failure policy needs them:
    a worker stuck in a runaway analysis can only be stopped by killing it, and `close` must not
    leave orphans. This is the one place that reads the private attribute.
    """
    return list((getattr(executor, "_processes", None) or {}).values())


async def _cancel(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _ignore_result(future: Future) -> None:
    if not future.cancelled():
        future.exception()
