"""Inside an analysis worker process: load the model and the engine once, then run the pool's jobs.

A worker is a process spawned by the pool (`server.processes`), talking to it over one pipe. It
loads the spaCy model and the engine when it starts, analyses a warm-up text so the first real
request does not pay for spaCy's lazy set-up, says it is ready, and then runs one job at a time: a
whole text (`analyze`), some paragraphs of a text (`parse`), a text from its paragraphs' parses
(`merge`), or a text from the parses the daemon has and the paragraphs it has not (`update`); the
work itself is the engine's (`engine.jobs`). Between jobs, in its first second or so, it makes the
lexemes of the words its model knows, a slice at a time (`engine.lexemes`), so jobs need not, and
then records which strings its store holds for good, so that a rebuild adds only the others (`engine.parsed`).
After a job that made it grow, it gives the freed memory back to the system (`server.heap`); the
analysis of a short text runs without Python's cyclic collector, which collects after its reply is out (`heap.quiet`).
It imports spaCy without spaCy's command line, which it never uses (`server.lean_spacy`).

An analysis job sends its reply before it ends (`_reply_now`, installed as `engine.jobs.set_replier`)
and then, in its memory zone, does the work its analysis left for the page's next version (the
coreference readings read on to the page's last paragraph, `engine.idle`), a slice at a time while
no message waits on the pipe: a job that comes meanwhile waits one slice (well under a millisecond).
The job's reply is then not sent again.

A job can be cancelled while it runs: the pool sends ("cancel", seq) on the same pipe, and the
engine's checkpoints (`engine.jobs.checkpoint`) look for it between steps, so a cancelled job
stops at the next step instead of running to its end. The pipe carries nothing else while a job
runs (the pool sends a job only to an idle worker) but the entities an update waits for (below), so
whatever else a checkpoint finds there is a cancel.

The express lane: a second pipe, served by a thread of its own, for work that needs no model and
takes milliseconds (the quotations a page's marks give, `engine.early`), so that it never waits
behind a parse. The parse spends most of its time in code that lets other threads run, so the
thread's answer comes within milliseconds even while the worker parses.

The express lane also takes the other half of an update's parse, when the worker has nothing else
to do: the entity recogniser on the update's new paragraphs (`engine.entities_apart`), while the
worker holding the page runs the rest of the pipeline; the pool sends the entities on to that worker
("entities", seq, payload) on its pipe, where its job waits for them (`_await_entities`) a bounded
time before running the recogniser itself. The model is one worker's, not thread-safe (a memory
zone frees the strings any thread added meanwhile), so the main thread holds `_model` while it
works with it (a job, a slice of lexemes) and the lane runs the recogniser only when it gets
`_model` at once: a worker at work answers None straight away. (A job's memory zone may stay open
after it, for the next job on the same page, `engine.zones`: the lane then works in that zone rather
than nesting one, and the slices of lexemes close it first.)

The worker is the one place that leaves out the spans of the categories the daemon's settings
hide (`hidden`, given when it starts): in a whole text's analysis (`sent_json`), a piece's preview
(`parse`) and the early quotations (the express lane), so that nothing after it filters again and
the session can send a worker's JSON on as it is (`server.replies`).

Replies never carry an exception's message, which may quote page text: a failure is described by
type and code location (`logsafe.describe_exception`).

This module is imported by the daemon's parent process too (it names the entry point), so it
imports nothing heavy at module level: spaCy is loaded in the worker only.
"""

from __future__ import annotations

import importlib
import itertools
import os
import signal
import threading
import time

from ..paragraphs import paragraphs
from .errors import ModelLoadError
from . import heap, lean_spacy
from .pieces import LONG_TEXT_CHARS
from .logsafe import describe_exception

# Words per slice of the lexemes made between jobs (`_lexemes`).
LEXEME_SLICE = 100

_worker: dict = {}
# Held by whichever thread uses the model (see the module docstring).
_model = threading.Lock()
# How long an update's job waits for the entities found on the other worker beyond the time its own
# half of the parse took (the two halves take about as long; the other starts a little later, after
# the page's early quotations): then it runs the recogniser itself.
ENTITIES_WAIT_SLACK_S = 0.008

# Analysed once when a worker starts, so that the first real request does not pay for what spaCy,
# thinc and the engine set up lazily on their first calls (about 50 ms for a long article).
_WARM_UP_TEXT = "\n\n".join(
    f"GENEVA, March {day} — “We will win this,” said Maria Lopez, the mayor, on Tuesday. The council voted "
    f"7-{day} for the $4.5 million plan, according to officials. She said it would pass, and he added that the "
    "budget of the Ministry of Finance grew by 12 per cent."
    for day in range(1, 9)
)


def main(conn, model: str, engine: str, parent_pid: int, express=None, hidden: tuple[str, ...] = ()) -> None:
    """The process's entry point: load, report ready, then serve jobs until the pipe closes.
    `hidden`: the categories the daemon does not send (`sent_json`)."""
    _worker["hidden"] = frozenset(hidden)
    # Ctrl-C and SIGTERM reach the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    heap.fixed_large_blocks()  # before the model: its arrays too are then mapped on their own
    lean_spacy.without_cli()  # before spaCy's first import: a worker never needs its command line
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True, name="parent-watch").start()
    _load(model, engine)
    heap.freeze()  # the model and the engine's tables, loaded for good: no collection walks them again
    if express is not None and "error" not in _worker:
        threading.Thread(target=_serve_express, args=(express,), daemon=True, name="express").start()
    try:
        conn.send(("ready", os.getpid(), None if "error" in _worker else info(), _worker.get("error")))
    except OSError:
        return  # the daemon stopped waiting: it is shutting down
    jobs = {"info": info, "analyze": analyze, "parse": parse, "merge": merge, "update": update}
    warming = _lexemes()
    memory = heap.Heap()
    while True:
        # Between jobs, while none waits: the lexemes of the words the model knows (`engine.lexemes`).
        while warming is not None and not conn.poll():
            with _model:
                _zones().close()  # (lexemes made for good: outside any zone, `engine.zones`)
                if next(warming, StopIteration) is StopIteration:
                    warming = None
        message = _next_message(conn)
        received = time.monotonic()
        if message is None:
            return
        if message[0] == "cancel":
            continue  # for a job that finished before the cancel arrived
        if message[0] == "entities":
            _worker["entities"] = message[1:]  # (for a job sent again with every byte, `engine.jobs.Lacking`)
            continue
        seq, name, args = message
        message = None
        _worker["pending"] = conn
        _worker["seq"] = seq
        _worker["received"] = received
        _worker["cpu"] = time.process_time()
        _worker["replied"] = False
        if "jobs" in _worker:
            _worker["jobs"].marks.clear()
            _worker["resumed"] = _resumed()
        quiet = heap.quiet(_short(name, args))
        try:
            with _model:
                reply = ("done", seq, jobs[name](*args))
        except _jobs().Cancelled:
            reply = ("cancelled", seq, None)
        except _jobs().Lacking as exc:  # (before any work: the daemon sends the job again with those bytes)
            reply = ("lacking", seq, exc.indexes)
        except ModelLoadError as exc:
            reply = ("load", seq, str(exc))
        except BaseException as exc:  # any failure is the job's, never the worker's
            reply = ("failed", seq, describe_exception(exc))
        finally:
            _worker["seq"] = None
        # What the job cost goes back to the system before its reply goes out (`server.heap`).
        args = None
        memory.settle()
        if _worker["replied"]:
            reply = None  # (sent by the job itself, before its idle work, `_reply_now`: the pool has its one reply)
        elif not _send(conn, reply, received):
            return
        reply = None
        if quiet:
            heap.after_quiet(conn.poll)
        if _worker.get("stop"):
            return


def _send(conn, reply: tuple, received: float) -> bool:
    """Sends a job's reply with when the job came out of the pipe and when its reply goes in (the
    monotonic clock is the machine's, the same in the daemon: its debug log tells the pipes from the
    work), the job's steps so far (`engine.jobs.marks`), the CPU time it took and how many of its
    coreference readings took up a state saved earlier; False when the pipe is gone."""
    jobs = _worker.get("jobs")
    steps = tuple(jobs.marks) if jobs is not None else ()
    taken_up = _resumed() - _worker.get("resumed", 0) if jobs is not None else 0
    try:
        conn.send((*reply, (received, time.monotonic()), steps, time.process_time() - _worker.get("cpu", 0.0), taken_up))
    except (OSError, ValueError):
        return False
    return True


def _resumed() -> int:
    """How many coreference readings took up a saved state so far (`engine.checkpoints`), for the debug log."""
    from ..engine import checkpoints

    return checkpoints.resumed


def _reply_now(result):
    """A running job's result sent before the job ends (`engine.jobs.set_replier`), so that the job
    can do its idle work after it (`engine.idle`): what says whether a message waits meanwhile, or
    None when no job of the pipe is running (the warm-up) or the pipe is gone. Once the reply is out
    the job is no longer the pool's: a cancel for it is stale, so its checkpoints stop looking."""
    conn, seq = _worker.get("pending"), _worker.get("seq")
    if conn is None or seq is None:
        return None
    _worker["seq"] = None
    if not _send(conn, ("done", seq, result), _worker["received"]):
        return None
    _worker["replied"] = True
    return conn.poll


def _short(name: str, args: tuple) -> bool:
    """Whether a job is the analysis of a short text (`pieces.LONG_TEXT_CHARS`), which the collector
    is kept out of. Not a piece's parse: that is spaCy's work, which makes few Python objects, and a
    long page's pieces come back to back, with no time between them to collect in."""
    text = args[1] if name in ("merge", "update") else args[0] if name == "analyze" else None
    return isinstance(text, str) and len(text) <= LONG_TEXT_CHARS


def _jobs():
    from ..engine import jobs

    return jobs


def _cancel_requested() -> bool:
    """Whether the pool asked to cancel the running job (a checkpoint calls this between steps)."""
    conn, seq = _worker.get("pending"), _worker.get("seq")
    if conn is None or seq is None:
        return False
    if _worker.get("cancelled") == seq:
        return True
    while conn.poll():
        if _read_during_job(conn, seq):
            return True
    return False


def _read_during_job(conn, seq: int) -> bool:
    """Reads the next message on the pipe while job `seq` runs: a cancel (True, remembered for the
    job's next checkpoint), the pool closing (the same, and the worker stops after), or the entities
    the other worker found for an update (kept for `_await_entities`)."""
    message = conn.recv()
    if message is None:  # the pool is closing: stop this job, then the worker
        _worker["stop"] = True
    elif message[0] == "entities":
        _worker["entities"] = message[1:]
        return False
    elif not (message[0] == "cancel" and message[1] == seq):
        return False
    _worker["cancelled"] = seq
    return True


def _await_entities(took_s: float):
    """The entities of the running update's new paragraphs, found by the other worker's express
    lane, once this worker's half of their parse is done (it took `took_s`); None when they do not
    come within about as long again (`ENTITIES_WAIT_SLACK_S` more), or the job is cancelled."""
    conn, seq = _worker.get("pending"), _worker.get("seq")
    if conn is None or seq is None:
        return None
    give_up = time.monotonic() + took_s + ENTITIES_WAIT_SLACK_S
    while True:
        got = _worker.get("entities")
        if got is not None and got[0] == seq:
            return got[1]
        left = give_up - time.monotonic()
        if left <= 0 or not conn.poll(left) or _read_during_job(conn, seq):
            return None


def _load(model: str, engine: str) -> None:
    try:
        from ..engine import jobs
        from ..engine.nlp import load_nlp, model_label

        _worker["jobs"] = jobs
        module, _, func = engine.partition(":")
        engine_module = importlib.import_module(module)
        _worker["analyze"] = getattr(engine_module, func)
        # An engine that can analyse a parsed Doc can have long texts parsed in pieces, in parallel.
        _worker["analyze_doc"] = getattr(engine_module, "analyze_doc", None)
        _worker["nlp"] = load_nlp(model)
        _worker["label"] = model_label(_worker["nlp"])
        jobs.set_cancel_check(_cancel_requested)
        jobs.set_replier(_reply_now)
    except BaseException as exc:  # reported in the ready message, so the daemon can say why and exit cleanly
        _worker["error"] = f"cannot load spaCy model {model!r} / engine {engine!r}: {type(exc).__name__}: {exc}"
        return
    try:
        analyze(_WARM_UP_TEXT)
        if _worker["analyze_doc"] is not None:
            half = paragraphs(_WARM_UP_TEXT)
            parts = parse(half[: len(half) // 2], True)[0] + parse(half[len(half) // 2 :], True)[0]
            merge(parts, _WARM_UP_TEXT)
            update([*parts[:-1], half[-1]], _WARM_UP_TEXT)
            found = _entities([half[-1]])  # (both halves of a parse split between workers, `engine.entities_apart`)
            _worker["jobs"].parse_and_analyze(_worker["nlp"], [*parts[:-1], half[-1]], _WARM_UP_TEXT, _worker["analyze_doc"],
                                              out=sent_json, entities=lambda took: found)
        _early().early_quotes(_WARM_UP_TEXT)
    except Exception:
        pass  # a real request will meet the same problem and report it


def _lexemes():
    """The steps of making the model's known words' lexemes, or None when there is no model."""
    if "nlp" not in _worker or "error" in _worker:
        return None
    from ..engine import lexemes, parsed

    # Small slices: a job that comes meanwhile waits for the slice under way (about 2 ms, not 10).
    # Then which strings the store holds for good, so that a rebuild adds only the others (`engine.parsed`).
    nlp = _worker["nlp"]
    return itertools.chain(lexemes.slices(nlp, LEXEME_SLICE), parsed.permanent_strings(nlp.vocab))


def _exit_with_parent(parent_pid: int) -> None:
    # If the daemon is SIGKILLed nobody tells its workers; without this they would wait forever.
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(0)


def _ready() -> None:
    if "error" in _worker:
        raise ModelLoadError(_worker["error"])


def info() -> dict:
    """Job: the model label, and whether texts can be parsed in pieces; raises if the load failed."""
    _ready()
    return {"label": _worker["label"], "pieces": _worker["analyze_doc"] is not None}


def sent_json(analysis) -> bytes:
    """A whole text's analysis as the JSON the daemon keeps and sends (`jobs.as_json`), without the
    spans of the categories its settings hide, so that the session can send it as it is
    (`server.replies`) instead of reading it back into models to filter it."""
    hidden = _worker.get("hidden")
    if hidden and any(span.category.value in hidden for span in analysis.spans):
        analysis = analysis.model_copy(update={"spans": [span for span in analysis.spans if span.category.value not in hidden]})
    return _worker["jobs"].as_json(analysis)


def sent_data(analysis: dict | None) -> dict | None:
    """`sent_json` for an analysis as plain data (a preview, the early quotations)."""
    hidden = _worker.get("hidden")
    if analysis is not None and hidden and any(span["category"] in hidden for span in analysis["spans"]):
        analysis = {**analysis, "spans": [span for span in analysis["spans"] if span["category"] not in hidden]}
    return analysis


def analyze(text: str) -> bytes:
    """Job: a whole text."""
    _ready()
    return _worker["jobs"].analyze_text(_worker["nlp"], text, _worker["analyze"], out=sent_json)


def parse(parts: list[str], preview: bool, keys: list[bytes] | None = None) -> tuple[list[bytes], dict | None]:
    """Job: some paragraphs of a text, each one's parse as bytes, and their own analysis if `preview`;
    `keys`: the daemon's names for them (`server.plan.paragraph_key`), by which a later update may ask for them."""
    _ready()
    data, own = _worker["jobs"].parse_paragraph_list(_worker["nlp"], parts, _worker["analyze_doc"] if preview else None, keys)
    return data, sent_data(own)


def merge(parts: list[bytes], text: str, keys: list[bytes] | None = None) -> bytes:
    """Job: the analysis of a text from the parses of its paragraphs (named `keys` for a later update)."""
    _ready()
    return _worker["jobs"].merge_and_analyze(_worker["nlp"], parts, text, _worker["analyze_doc"], out=sent_json, keys=keys)


def update(items: list[bytes | str | None], text: str, keys: list[bytes] | None = None,
           apart: bool = False) -> tuple[bytes, list[bytes]]:
    """Job: the analysis of a text from its paragraphs' parses where the daemon has them, the
    paragraphs' text where it has not; also the parses of those. An item may be None, with `keys`:
    the parse of the paragraph of that key this worker keeps (`engine.jobs.Lacking` when it does not:
    the worker then answers "lacking", and the daemon sends the job again with those bytes).
    `apart`: the other worker was asked for the entities of the paragraphs to parse (`_await_entities`)."""
    _ready()
    # A whole text's analysis travels and is kept as JSON (`sent_json`): the daemon sends it on as it
    # is (`server.replies`) and caches the bytes, a sixth of the objects' size.
    return _worker["jobs"].parse_and_analyze(_worker["nlp"], items, text, _worker["analyze_doc"], out=sent_json, keys=keys,
                                             entities=_await_entities if apart else None)


# -- the express lane ---------------------------------------------------------------------------------


def _zones():
    from ..engine import zones

    return zones


def _early():
    from ..engine import early

    return early


def _serve_express(conn) -> None:
    """Answers ("quotes", seq, text) with (seq, the early quotations as plain data) until the pipe closes."""
    early = _early()
    while True:
        message = _next_message(conn)
        received = time.monotonic()
        if message is None:
            return
        kind, seq, text = message
        try:
            reply = (seq, _entities(text) if kind == "entities" else sent_data(early.early_quotes(text).model_dump(mode="json")))
        except Exception:  # a failure costs the page its early quotes (the update its entities found here), nothing else
            reply = (seq, None)
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


def _entities(parts: list[str]):
    """The express lane's half of an update's parse (`engine.entities_apart.entities`), if the model
    is free at once; else None, and the update's worker runs the recogniser itself."""
    if "nlp" not in _worker or "error" in _worker or not _model.acquire(blocking=False):
        return None
    try:
        from ..engine.entities_apart import entities

        nlp = _worker["nlp"]
        with _zones().entered(nlp):  # (the zone the last job left open, if any: zones may not be nested)
            return entities(nlp, parts)
    finally:
        _model.release()


def _next_message(conn):
    """The next message on the pipe; None once the daemon closed it or said to stop."""
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None
