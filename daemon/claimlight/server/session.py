"""One WebSocket connection: reads frames, runs requests concurrently, sends typed replies.

Invariants clients can rely on (docs/protocol.md):
* every `analyze` that was accepted ends with exactly one `result` or one `error` carrying its id,
  unless the client cancelled it or sent a newer request for the same `page` with `replace`
  (then one `error` with code `cancelled`) or went away;
* `partial` replies for a request come before its `result`; a streamed request that is not
  answered from the cache gets the quotations its text's marks give first (`stage: "quotes"`,
  from a worker's express lane, within milliseconds), while its analysis runs;
* a bad frame costs the client an `error` reply, never the connection (except the WebSocket
  protocol's own close codes: 1007 invalid UTF-8, 1009 message too big).

Each request's work goes to the pool in the lane of its connection and page (`server.fairness`);
cancelling the request's task cancels that work, waiting or running. What a connection may have in
flight is bounded by count and by characters, and so is what all connections together may
(`server.budget`): past either, a request gets `busy` at once.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import WSMsgType, web
from pydantic import BaseModel

from .. import __version__
from ..protocol import (
    Analysis,
    AnalyzeRequest,
    CancelRequest,
    ErrorReply,
    PartialReply,
    PingRequest,
    PongReply,
)
from ..settings import Config
from . import pieces
from .budget import Budget
from .cache import text_key
from .heap import Heap
from .errors import AnalysisFailed, AnalysisTimeout, WorkerCrashed
from .logsafe import describe_exception, refusals
from .messages import decode
from .offsets import analysis_to_utf16
from .pool import AnalysisPool, Lane
from .replies import reply_frame

log = logging.getLogger("claimlight.session")

# Lone surrogates (JSON "\ud800" escapes) cannot be encoded as UTF-8 for the reply; U+FFFD is also one
# UTF-16 unit, so replacing them keeps every offset the same.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


# A streamed page this long (characters) has its early quotes sent before its analysis is planned,
# waiting at most EARLY_WAIT_S for them.
# The daemon's own heap (`server.heap`): trimmed after a reply when a huge page made it grow.
_HEAP = Heap(collect=False)

EARLY_FIRST_CHARS = 100_000
EARLY_WAIT_S = 0.1


def clean_text(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", text)


@dataclass
class _InFlight:
    task: asyncio.Task
    chars: int
    page: str | None


class _Early:
    """A request's early-quotes reply in the making. Before the result goes out, it is either sent
    (it was on its way) or dropped (the result overtook it): never after."""

    def __init__(self) -> None:
        self.task: asyncio.Task | None = None
        self.sending = False

    async def settle(self) -> None:
        """Before the result: sent if it is on its way, else dropped."""
        if self.task is None:
            return
        if not self.sending:
            self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

    async def done(self) -> None:
        """Before a preview of some blocks: sent or given up (it comes within milliseconds)."""
        if self.task is not None:
            await asyncio.gather(self.task, return_exceptions=True)

    def drop(self) -> None:
        if self.task is not None and not self.sending:
            self.task.cancel()


class Session:
    def __init__(self, ws: web.WebSocketResponse, *, config: Config, pool: AnalysisPool, model: Callable[[], str], number: int,
                 budget: Budget | None = None):
        self.ws = ws
        self.config = config
        self.pool = pool
        self.model = model  # the label can change once the model has loaded
        self.name = f"conn#{number}"
        self.budget = budget or Budget(config.max_requests_in_flight, config.max_chars_in_flight)
        self.tasks: dict[str, _InFlight] = {}
        self.pages: dict[str, set[str]] = {}  # page -> ids of its requests in flight
        self.chars = 0  # characters of text in flight on this connection
        self._send_lock = asyncio.Lock()

    # -- the read loop --

    async def run(self) -> None:
        async for msg in self.ws:
            if msg.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                await self.on_frame(msg.data)
            elif msg.type is WSMsgType.ERROR:
                # aiohttp has already closed with the right code (1007, 1009, 1002); say why in the log only,
                # under the limit of everything a client can cause.
                refusals("%s closed: protocol error (code %s)", self.name, getattr(msg.data, "code", self.ws.close_code))
                break

    async def on_frame(self, frame: str | bytes) -> None:
        try:
            await self._dispatch(frame, time.perf_counter())
        except Exception as exc:  # a bug must cost one frame an error reply, not the connection
            log.error("%s frame handling failed: %s", self.name, describe_exception(exc))
            await self.send(ErrorReply(code="internal", message="internal error"))

    async def _dispatch(self, frame: str | bytes, received: float | None = None) -> None:
        message = decode(frame)
        if isinstance(message, ErrorReply):
            log.debug("%s rejected a frame: %s", self.name, message.code)
            await self.send(message)
        elif isinstance(message, PingRequest):
            await self.send(PongReply(id=message.id, version=__version__, model=self.model()))
        elif isinstance(message, CancelRequest):
            await self.cancel(message.id)
        else:
            await self.start(message, received)

    def close(self) -> None:
        for rid in list(self.tasks):
            entry = self._release(rid)
            if entry is not None:
                entry.task.cancel()

    # -- requests --

    async def start(self, request: AnalyzeRequest, received: float | None = None) -> None:
        """Starts serving `request`; `received`: when its frame came in (`perf_counter`), for the debug log."""
        rid = request.id
        if rid in self.tasks:
            await self.send(ErrorReply(id=rid, code="invalid_request", message="a request with this id is already in flight"))
            return
        if request.text is None and request.blocks is None:
            await self.send(ErrorReply(id=rid, code="invalid_request", message='give "text" or "blocks"'))
            return
        text = request.joined_text()
        if len(text) > self.config.max_text_chars:
            await self.send(
                ErrorReply(id=rid, code="too_large", message=f"text is {len(text)} characters; the limit is {self.config.max_text_chars}")
            )
            return
        # The page's older requests are of no use any more: their work stops before this one's is counted.
        if request.replace and request.page is not None:
            for older in list(self.pages.get(request.page, ())):
                await self.cancel(older, "superseded by a newer request for the same page")
        if (refusal := self._refusal(len(text))) is not None:
            await self.send(ErrorReply(id=rid, code="busy", message=refusal))
            return
        chars = len(text)
        self.chars += chars
        self.budget.take(chars)
        lane = Lane(self.name, request.page or "")
        task = asyncio.create_task(self._serve(request, clean_text(text), lane, received), name=f"{self.name} {rid!r}")
        self.tasks[rid] = _InFlight(task, chars, request.page)
        if request.page is not None:
            self.pages.setdefault(request.page, set()).add(rid)
        task.add_done_callback(lambda t, rid=rid: self._finished(rid, t))

    def _refusal(self, chars: int) -> str | None:
        if len(self.tasks) >= self.config.max_inflight_per_connection:
            return f"{self.config.max_inflight_per_connection} requests already in flight on this connection"
        if self.chars + chars > self.config.max_chars_per_connection:
            return (f"this connection has {self.chars:,} characters in flight; {chars:,} more would pass its limit "
                    f"of {self.config.max_chars_per_connection:,}")
        return self.budget.refusal(chars)

    def _finished(self, rid: str, task: asyncio.Task) -> None:
        entry = self.tasks.get(rid)
        if entry is not None and entry.task is task:
            self._release(rid)

    def _release(self, rid: str) -> _InFlight | None:
        """Forget request `rid` and give back what it counted against the budgets."""
        entry = self.tasks.pop(rid, None)
        if entry is None:
            return None
        self.chars -= entry.chars
        self.budget.give_back(entry.chars)
        if entry.page is not None and (ids := self.pages.get(entry.page)) is not None:
            ids.discard(rid)
            if not ids:
                del self.pages[entry.page]
        return entry

    async def cancel(self, rid: str, why: str = "cancelled by the client") -> None:
        entry = self._release(rid)
        if entry is None:
            return  # finished already, or never existed: nothing to say
        entry.task.cancel()
        await self.send(ErrorReply(id=rid, code="cancelled", message=why))

    async def _serve(self, request: AnalyzeRequest, text: str, lane: Lane, received: float | None = None) -> None:
        rid, started = request.id, time.perf_counter()
        received = started if received is None else received
        deadline = asyncio.get_running_loop().time() + self.config.request_timeout_s
        log.debug("%s request %r: %d chars, %s blocks, stream=%s", self.name, rid, len(text),
                  len(request.blocks) if request.blocks is not None else "no", request.stream)
        early: _Early | None = None
        later: list[Callable[[], None]] = []  # work for idle workers, started once the reply is out (`pool.analyze`)
        try:
            key = text_key(text)  # once: both the cache check and the analysis need it
            if request.stream and not self.pool.has_cached(text, key):
                # Partial replies name the client's own blocks; a text is split where blocks would join.
                raw = request.blocks if request.blocks is not None else pieces.split_blocks(text)
                early = _Early()
                head_blocks, head_chars = pieces.early_head(raw)  # cleaning keeps lengths: the same head
                head = text[:head_chars]
                asked = self.pool.ask_early_quotes(head)  # on its way before anything else is done
                early.task = asyncio.create_task(self._early_quotes(rid, head, head_blocks, asked, early))
                blocks = [clean_text(b) for b in raw] if request.blocks is not None else raw
                if len(text) >= EARLY_FIRST_CHARS:
                    # Planning a long page's work holds the event loop for tens of milliseconds; its
                    # first highlights must not wait for that, and its analysis takes seconds anyway.
                    await asyncio.wait({early.task}, timeout=EARLY_WAIT_S)
                data, cached = await self._stream(rid, text, key, blocks, deadline, lane, early, later)
            else:
                data, cached = await self.pool.analyze_json(text, deadline=deadline, lane=lane, later=later, key=key)
            if early is not None:
                await early.settle()
        except AnalysisTimeout:
            log.warning("%s request %r timed out after %.1f s", self.name, rid, self.config.request_timeout_s)
            await self.send(ErrorReply(id=rid, code="timeout", message=f"analysis took longer than {self.config.request_timeout_s:g} s"))
            return
        except WorkerCrashed:
            log.error("%s request %r failed: the analysis worker stopped", self.name, rid)
            await self.send(ErrorReply(id=rid, code="internal", message="the analysis worker stopped; the daemon restarted it, retry"))
            return
        except AnalysisFailed as exc:
            # The worker's own description of its exception: type and place, never the message.
            log.error("%s request %r failed in the engine: %s", self.name, rid, exc)
            await self.send(ErrorReply(id=rid, code="internal", message="the analysis failed"))
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug here must cost one request, not the connection
            log.error("%s request %r failed: %s", self.name, rid, describe_exception(exc))
            await self.send(ErrorReply(id=rid, code="internal", message="internal error"))
            return
        finally:
            if early is not None:
                early.drop()
        analysed = time.perf_counter()
        frame = self._result_frame(rid, data, text, cached, started)
        await self.send_frame(frame)
        sent = time.perf_counter()
        # (the frame's times on the machine's monotonic clock, which a local client's perf_counter shares)
        log.debug("%s request %r: %d bytes of analysis in %.0f ms, %.1f ms of it the reply%s; frame in at %.1f ms, "
                  "served from %.1f ms after, reply out at %.1f ms", self.name, rid, len(data), (analysed - started) * 1000,
                  (sent - analysed) * 1000, " (cached)" if cached else "", received * 1000, (started - received) * 1000, sent * 1000)
        for start in later:
            start()
        del data, frame
        _HEAP.settle()  # a huge page's result and reply are gone now: their memory goes back too

    async def _early_quotes(self, rid: str, head: str, blocks: int, asked, early: _Early) -> None:
        """The first partial reply: the quotations the marks give in the page's head (its first
        `blocks` blocks, `pieces.early_head`), before any parse (`engine.early`). Offsets into the
        head are offsets into the page: it is the page's beginning."""
        analysis = await self.pool.early_quotes(asked)
        if analysis is None or rid not in self.tasks:
            return
        wire = analysis_to_utf16(analysis, head)
        if not wire.spans:
            return  # nothing to show early
        early.sending = True
        await self.send(PartialReply(id=rid, stage="quotes", blocks=(0, blocks), spans=wire.spans))

    async def _stream(self, rid: str, text: str, key: str, blocks: list[str], deadline: float, lane: Lane, early: _Early,
                      later: list[Callable[[], None]]) -> tuple[bytes, bool]:
        chunks = pieces.plan_chunks(blocks)
        if len(chunks) <= 1 or len(text) < pieces.PREVIEW_MIN_CHARS:
            return await self.pool.analyze_json(text, deadline=deadline, lane=lane, later=later, key=key)

        async def preview(i: int, analysis: Analysis) -> None:
            await early.done()  # the quotes first
            wire = analysis_to_utf16(analysis, text)
            await self.send(PartialReply(id=rid, blocks=(chunks[i].first, chunks[i].last), spans=wire.spans))

        # The pool parses the chunks (in parallel when it can), previews each one as it is done, in
        # order, and analyses the whole text from those same parses.
        cuts = pieces.aligned_cuts(text, [chunk.start for chunk in chunks[1:]])
        return await self.pool.analyze_json(text, deadline=deadline, cuts=cuts, on_piece=preview, lane=lane, later=later, key=key)

    def _result_frame(self, rid: str, data: bytes, text: str, cached: bool, started: float) -> bytes:
        """The `result` frame of the analysis `data` (its worker's JSON, the hidden categories already
        left out: `server.worker`) of `text` (`server.replies.reply_frame`)."""
        return reply_frame(data, text, id=rid, cached=cached, elapsed_ms=round((time.perf_counter() - started) * 1000, 1))

    # -- replies --

    async def send(self, reply: BaseModel) -> bool:
        """False when the client has gone; that is not an error worth more than a debug line."""
        return await self.send_frame(reply.model_dump_json())

    async def send_frame(self, frame: str | bytes) -> bool:
        """`send` for a reply already made into its frame (bytes: its UTF-8, sent as a text frame)."""
        if self.ws.closed:
            return False
        try:
            async with self._send_lock:
                if isinstance(frame, bytes):
                    await self.ws.send_frame(frame, WSMsgType.TEXT)
                else:
                    await self.ws.send_str(frame)
            return True
        except (ConnectionError, RuntimeError) as exc:
            log.debug("%s reply not sent: %s", self.name, type(exc).__name__)
            return False
