"""Where a live update's time goes: the work of the daemon's `update` job, step by step, in this process.

The live figure (`bench.live`) is one number, the update's round trip over the page's analysis
from scratch. To cut it one has to know what it is made of, and the daemon's worker does not say:
so this module does the same work here, the way a worker does it (the model's lexemes made first,
`engine.lexemes`; the page's paragraphs parsed and kept as bytes, `engine.parsed`, with the one an
idle worker parses ahead, `server.foresight`; their decoded form and string columns kept too, as
in the worker that joined the page's first analysis from them, `jobs.merge_and_analyze`), and times each step with `perf_counter` (or, given `time.process_time`, its CPU): the parse of the paragraphs the daemon has not seen (the update's worker's half of it: the other half, the entity recogniser, runs on the other worker meanwhile, `engine.entities_apart`, and is timed apart, counted in the whole only for what it outlasts this half), the rebuilding of
the whole document from the kept bytes, each pass of the extraction (timed by wrapping the
functions `engine.analyze_doc` calls, for the length of the measurement), the reply's JSON as the
worker makes it, and the parent's side (the UTF-16 check and the reply's frame around that JSON,
`server.replies`: made around the worker's JSON, or, for a page with a character outside the BMP,
its offsets converted); the work the update leaves for after its reply (`engine.idle`) is done
then, out of its time, as a worker does it. The update runs with Python's cyclic collector off and
collects once its steps are timed, as a worker runs the analysis of a short text (`server.heap.quiet`):
with it on, its collections (some 2.5-6 ms an update, now and then a full one of ~20) landed in
whichever pass was running, and the steps said more than the worker spends. A from-scratch analysis of the same page
in the same process gives the scale; and how many of the update's coreference readings took up
where the page's first analysis left them (`engine.checkpoints`). cProfile would distort this code heavily; plain timers do not.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .report import median

# The steps `engine.analyze_doc` runs, by the names it calls them (in `claimlight.engine`).
PASSES = ("find_quotations", "build_actor_index", "with_answers", "attribute_nested", "find_reported", "find_numbers",
          "find_roles", "assemble", "build_ledger")


def measure(pages: list[str], grown: list[str], timer: Callable[[], float] = time.perf_counter) -> dict:
    """Median milliseconds of each step of updating every page in `pages` to its `grown` text, by
    `timer`: the clock on the wall, or `time.process_time` for the CPU each step takes (what other
    programs on a loaded machine disturb least: compare two versions of the code by it)."""
    from .. import engine
    from ..engine import checkpoints, entities_apart, idle, jobs, lexemes, parsed, zones
    from ..engine.nlp import load_nlp, parse_each
    from ..paragraphs import paragraphs
    from ..server import heap
    from ..server.foresight import grown_tail
    from ..server.offsets import same_in_utf16
    from ..server.pieces import LONG_TEXT_CHARS
    from ..server.plan import paragraph_key
    from ..server.replies import reply_frame

    nlp = load_nlp()
    for _ in itertools.chain(lexemes.slices(nlp), parsed.permanent_strings(nlp.vocab)):  # as a worker does between its first jobs
        pass
    times: dict[str, list[float]] = {}

    def clock(name: str, fn: Callable, *args):
        start = timer()
        result = fn(*args)
        times.setdefault(name, []).append(1000 * (timer() - start))
        return result

    for page, new in zip(pages, grown):
        clock("scratch (one process, one core)", jobs.analyze_text, nlp, page)
        zones.close()
        # What the daemon keeps of the page: its paragraphs' parses, and the last one's as it ends once
        # the page grows, which an idle worker parsed once the page was analysed (`server.foresight`).
        known = [*paragraphs(page), *filter(None, [grown_tail(paragraphs(page))])]
        with nlp.memory_zone():
            kept = {p: parsed.encode(d) for p, d in zip(known, parse_each(nlp, known))}
        # The worker the update goes to is the one that joined the page's first analysis from its
        # paragraphs' bytes (`server.pool`: the idle worker that has had most of them), and has kept
        # what that join read: each paragraph's decoded parse and string columns (`engine.parsed`).
        # Its reply out, that worker does the work the page left for its idle time (`engine.idle`):
        # the bench leaves it the second between the versions, so nothing comes to stop it here.
        jobs.set_replier(lambda result: lambda: False)
        try:
            jobs.merge_and_analyze(nlp, [kept[p] for p in paragraphs(page)], page, keys=[paragraph_key(p) for p in paragraphs(page)])
        finally:
            jobs.set_replier(None)
        items = [kept.get(p, p) for p in paragraphs(new)]
        todo = [i for i, item in enumerate(items) if isinstance(item, str)]
        times.setdefault("paragraphs parsed", []).append(len(todo))
        resumed = checkpoints.resumed
        # (the collector as a worker has it for this job, `server.worker`: off for a short text's)
        quiet = heap.quiet(len(new) <= LONG_TEXT_CHARS)
        try:
            start = timer()
            # (the update's analysis leaves work for after its reply, as in a worker that replies early:
            # done once the reply is made, out of the update's time, `engine.idle`)
            idle.collecting = True
            try:
                # (in the zone the page's analysis left open, as the worker's update finds it, `engine.zones`)
                with zones.job(nlp, [paragraph_key(p) for p in paragraphs(new)], len(new)), _timed_passes(engine, times, timer):
                    # The entry's parse is split between the two workers (`engine.entities_apart`): the
                    # other worker's half, the entity recogniser, runs at the same time as this one's,
                    # so the update waits only for whatever of it outlasts this worker's half.
                    texts = [items[i] for i in todo]
                    paused = timer()
                    other = clock("  the other worker's half: entities", entities_apart.entities, nlp, texts)
                    start += timer() - paused
                    half = timer()
                    docs, _ = clock("parse the new paragraphs", entities_apart.parse_each_apart, nlp, texts, lambda took: other)
                    start -= max(0.0, times["  the other worker's half: entities"][-1] / 1000 - (timer() - half))
                    for i, data in zip(todo, clock("their parses as bytes", lambda: [parsed.encode(d) for d in docs])):
                        items[i] = data
                    doc = clock("rebuild the document from bytes", parsed.join, nlp.vocab, items)
                    analysis = clock("extraction, all passes", engine.analyze_doc, doc)
                    data = clock("reply as JSON (worker)", jobs.as_json, analysis)
                    after_reply = timer()
                    left = idle.take()
                    if left is not None:
                        idle.run(left, lambda: False)
                    idle.drop()
                    start += timer() - after_reply
            finally:
                idle.collecting = False
                idle.drop()
            clock("parent: UTF-16 check", same_in_utf16, new)  # (a page with a character outside the BMP: converted)
            clock("parent: reply frame", lambda: reply_frame(data, new, id="live", cached=False, elapsed_ms=0.0))
            times.setdefault("update, all steps", []).append(1000 * (timer() - start))
        finally:
            if quiet:
                heap.after_quiet(lambda: False)
        # (the coreference readings of the update that took up the page's first analysis's, `engine.checkpoints`)
        times.setdefault("coreference readings taken up", []).append(checkpoints.resumed - resumed)
    return {name: round(median(values), 1) for name, values in times.items()}


@contextmanager
def _timed_passes(engine, times: dict[str, list[float]], timer: Callable[[], float]) -> Iterator[None]:
    """Each pass `engine.analyze_doc` calls, and the attributor's construction and run, timed."""
    from ..engine.attribution import Attributor

    def timed_as(name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            start = timer()
            try:
                return fn(*args, **kwargs)
            finally:
                times.setdefault(f"  pass: {name}", []).append(1000 * (timer() - start))
        return timed

    saved = {name: getattr(engine, name) for name in PASSES}
    saved_attributor, saved_run = engine.Attributor, Attributor.run
    for name, fn in saved.items():
        setattr(engine, name, timed_as(name, fn))
    engine.Attributor = timed_as("Attributor (set-up)", Attributor)
    Attributor.run = timed_as("Attributor.run", saved_run)
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(engine, name, fn)
        engine.Attributor, Attributor.run = saved_attributor, saved_run
