"""The engine's work as jobs for another process: plain text and bytes in, plain data out.

Parsing is ~90% of an analysis and spaCy parses on one core, so a 1,500-word article takes ~0.4 s
however many cores are idle. The daemon therefore cuts a long text at paragraph boundaries into
pieces (`server.pieces`) and has several worker processes parse one each. Every text is parsed
paragraph by paragraph (`nlp.parse`), so a parse is kept per paragraph, as bytes
(`engine.parsed`): `parse_paragraph_list` returns each paragraph's bytes, `merge_and_analyze`
joins the bytes of all the paragraphs of a text into the document the whole text would give (its
text exactly the original, so offsets are offsets into the whole text) and runs the document-wide
extraction on it, so attribution and actors are consolidated over the whole page.

Because a parse is per paragraph, it can be kept: the daemon keeps the bytes of the paragraphs it
has parsed (`server.parsecache`) and, when a page is analysed again after a change, sends only its
new paragraphs to be parsed. `parse_and_analyze` does that in one job: the paragraphs it is given
as text are parsed, those it is given as bytes are not, and the whole is analysed. The analysis is
the same as from scratch; only the parsing of what did not change is saved (and, in a worker that
used those bytes lately, their decoding: `engine.parsed` keeps the decoded form).

Streaming uses the same steps with growing pieces: each piece's own analysis
(`parse_paragraph_list` with `analyze_doc`) is a preview, and the final result joins the pieces
already parsed instead of parsing the page a second time.

Everything here runs inside a memory zone (`nlp.memory_zone()`): the strings and lexemes a page adds
are freed with it, so no Doc leaves these functions, only bytes and plain data (`Analysis.model_dump`).
A job's zone is kept open for the worker's next job when that one is about the same page
(`engine.zones`): a live page's update then finds its words' strings and lexemes made.

A worker may send a job's result before the job ends (`set_replier`): the job then does, in its
memory zone and with the page's document still valid, what the page's next version would otherwise
do first (`engine.idle`), slice by slice while no other message waits for the worker.

An update's job need not carry the bytes of the paragraphs its worker keeps: given the paragraphs'
keys (`server.plan.paragraph_key`), `parse_and_analyze` takes a missing item (None) to be the
paragraph of that key this process keeps (`engine.parsed.held`), and raises `Lacking`, before any
work, when it no longer keeps one (evicted, or a worker that never had it): the daemon then sends
the job again with those bytes (`server.pool`). The bytes are the same either way, so is the analysis.

Each job notes when its steps end (`marks`: the parse of its new paragraphs, the rebuild, the
extraction, the result's JSON), which a worker sends with its reply for the daemon's debug log.

A job can be cancelled while it runs (its client went away, or sent a newer request for the same
page): `checkpoint()` between its steps raises `Cancelled` when the process running it was asked to
stop. Outside a daemon worker nothing ever asks, and a checkpoint costs a function call.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import idle, parsed, zones
from .docview import shared, text_of
from .entities_apart import Wait, can_split, parse_each_apart
from .nlp import join_docs, parse_each

AnalyzeDoc = Callable[[Doc], object]  # a parsed Doc -> protocol.Analysis
AnalyzeText = Callable[..., object]  # (text, nlp=) -> protocol.Analysis
Output = Callable[[Any], Any]  # protocol.Analysis -> what the job returns (`as_dict`, `as_json`)


# The running job's steps as (name, monotonic time when it ended), for the daemon's debug log of
# where a request's time goes (`server.worker` sends them with the reply). Each job starts them afresh.
marks: list[tuple[str, float]] = []


def mark(step: str) -> None:
    """Notes that the running job's step `step` has just ended (a clock read and an append)."""
    marks.append((step, time.monotonic()))


class Cancelled(Exception):
    """The job was cancelled at a checkpoint; its partial work is thrown away."""


class Lacking(Exception):
    """The job named paragraphs by their keys that this process no longer keeps (`indexes`, in the
    job's items): raised before any work, so the job can be sent again with their bytes."""

    def __init__(self, indexes: list[int]):
        super().__init__(f"{len(indexes)} paragraphs not kept")
        self.indexes = indexes


_cancel_requested: Callable[[], bool] = lambda: False


def set_cancel_check(check: Callable[[], bool]) -> None:
    """Installed by the worker process: `check()` says whether the running job should stop."""
    global _cancel_requested
    _cancel_requested = check


def checkpoint() -> None:
    """Raise Cancelled if the running job was cancelled; called between the steps of a job."""
    if _cancel_requested():
        raise Cancelled()


_replier: Callable[[Any], Callable[[], bool] | None] | None = None


def set_replier(reply: Callable[[Any], Callable[[], bool] | None] | None) -> None:
    """Installed by the worker process: `reply(result)` sends the running job's result at once and
    returns what says whether another message waits for the worker (the idle work stops then), or
    None when it sent nothing (no job of its pipe is running: the warm-up)."""
    global _replier
    _replier = reply


def _then_idle(result: Any) -> Any:
    """`result` sent at once when a worker can send it (`set_replier`), then the idle work the
    analysis left (`engine.idle`), inside the job's memory zone. Returns `result`."""
    mark("out")
    left = idle.take()
    if left is None or _replier is None:
        return result
    busy = _replier(result)
    if busy is not None:
        idle.run(left, busy)
    return result


@contextmanager
def _collecting() -> Iterator[None]:
    """An analysis in a job leaves its readings for the idle work only where a worker sends replies early."""
    idle.collecting = _replier is not None
    try:
        yield
    finally:
        idle.collecting = False
        idle.drop()


def _default_analyze_doc() -> AnalyzeDoc:
    from . import analyze_doc

    return analyze_doc


def as_dict(analysis: Any) -> dict:
    """An analysis as plain data (the default output of a job)."""
    return analysis.model_dump(mode="json")


def as_json(analysis: Any) -> bytes:
    """An analysis as JSON, what a worker sends: made straight from the models, without the plain
    data of every span in between (for a 900,000-character page, tens of megabytes at its peak)."""
    return analysis.__pydantic_serializer__.to_json(analysis)


def analyze_text(nlp: Language, text: str, analyze: AnalyzeText | None = None, out: Output = as_dict):
    """A whole text in one job: parse, extract, consolidate. Plain data out (or what `out` makes)."""
    if analyze is None:
        from . import analyze
    marks.clear()
    # memory_zone frees the strings and vocab entries each document adds, so a long-running worker
    # does not grow with every page read.
    with zones.job(nlp, None, len(text)), _collecting():
        return _then_idle(out(analyze(text, nlp=nlp)))


def parse_paragraph_list(nlp: Language, parts: list[str], analyze_doc: AnalyzeDoc | None = None,
                         keys: list[bytes] | None = None) -> tuple[list[bytes], dict | None]:
    """Paragraphs parsed, each as its own bytes, and with `analyze_doc` their text's own analysis (a
    preview). With `keys`, the paragraphs are named by them for a later job (`engine.parsed.name`)."""
    marks.clear()
    checkpoint()
    with zones.job(nlp, keys, sum(map(len, parts))):
        docs = parse_each(nlp, parts)
        checkpoint()
        data = [parsed.encode(doc) for doc in docs]
        if keys is not None:
            parsed.name(keys, data)
        preview = analyze_doc(join_docs(docs)).model_dump(mode="json") if analyze_doc is not None and docs else None
    return data, preview


def merge_and_analyze(nlp: Language, parts: list[bytes], text: str, analyze_doc: AnalyzeDoc | None = None, out: Output = as_dict,
                      keys: list[bytes] | None = None):
    """The analysis of `text` from the bytes of its paragraphs' parses, in order; with `keys`, the
    paragraphs are named by them for a later job (`engine.parsed.name`)."""
    marks.clear()
    analyze_doc = analyze_doc or _default_analyze_doc()
    checkpoint()
    with zones.job(nlp, keys, len(text)), _collecting():
        return _then_idle(out(_analyze_joined(nlp, parts, text, analyze_doc, keys)))


def parse_and_analyze(nlp: Language, items: list[bytes | str | None], text: str, analyze_doc: AnalyzeDoc | None = None,
                      out: Output = as_dict, keys: list[bytes] | None = None, entities: Wait | None = None) -> tuple[Any, list[bytes]]:
    """The analysis of `text` whose paragraphs are `items`: a parse's bytes where the daemon has one,
    else the paragraph's text, parsed here, or None for the parse of the paragraph `keys` names that
    this process keeps (`engine.parsed.held`; `Lacking` when it keeps it no longer). Also returns the
    bytes of those it parsed, in order. With `keys`, the paragraphs are named by them for the next job.
    `entities`: where the entities of the paragraphs to parse come from when another process finds
    them meanwhile (`engine.entities_apart`; the daemon's idle worker)."""
    marks.clear()
    analyze_doc = analyze_doc or _default_analyze_doc()
    checkpoint()
    if keys is not None:
        items = _held(items, keys)
    with zones.job(nlp, keys, len(text)), _collecting():
        todo = [i for i, item in enumerate(items) if isinstance(item, str)]
        texts = [items[i] for i in todo]
        if todo and entities is not None and can_split(nlp):
            docs, source = parse_each_apart(nlp, texts, _marked(entities))
            step = f"entities ({source})"
        else:
            docs, step = parse_each(nlp, texts) if todo else [], "parse"
        new = [parsed.encode(doc) for doc in docs]
        del docs
        mark(step)
        checkpoint()
        parts = list(items)
        for i, data in zip(todo, new):
            parts[i] = data
        return _then_idle((out(_analyze_joined(nlp, parts, text, analyze_doc, keys)), new))


def _marked(entities: Wait) -> Wait:
    """`entities`, with the end of this worker's half of the parse marked before the wait."""
    def wait(took: float):
        mark("parse without entities")
        return entities(took)
    return wait


def _held(items: list[bytes | str | None], keys: list[bytes]) -> list[bytes | str]:
    """`items` with each None replaced by the bytes this process keeps for that paragraph's key."""
    if len(keys) != len(items):
        raise ValueError("an update's keys do not match its paragraphs")
    found = [parsed.held(key) if item is None else item for item, key in zip(items, keys)]
    lacking = [i for i, item in enumerate(found) if item is None]
    if lacking:
        raise Lacking(lacking)
    return found


def _analyze_joined(nlp: Language, parts: list[bytes], text: str, analyze_doc: AnalyzeDoc, keys: list[bytes] | None = None):
    doc = parsed.join(nlp.vocab, parts)
    if keys is not None:
        parsed.name(keys, parts)  # (kept now, by `join`: the next update names them by their keys alone)
    mark("rebuild")
    checkpoint()
    return _analyze_checked(doc, text, analyze_doc)


@shared
def _analyze_checked(doc: Doc, text: str, analyze_doc: AnalyzeDoc):
    if text_of(doc) != text:  # every offset depends on it
        raise ValueError("the parsed paragraphs do not join up to the text")
    analysis = analyze_doc(doc)
    mark("extract")
    return analysis
