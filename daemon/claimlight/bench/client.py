"""The benchmarks' client: one timed request, and many requests in flight on one connection.

The daemon itself is `claimlight.testing.daemon.Daemon`; clients connect as a local program does
(no Origin, the local token as a bearer header: `testing.client.connect_local`).
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field


@dataclass
class Timing:
    total_ms: float
    first_partial_ms: float | None
    partials: int
    reply: dict  # the final result or error
    stages: dict[str, float] = field(default_factory=dict)  # partial stage -> when its first reply came (ms)


async def analyze(ws, rid: str, *, text: str | None = None, blocks: list[str] | None = None, stream: bool = False,
                  timeout: float = 120.0, page: str | None = None) -> Timing:
    """Send one analyze request on `ws` and wait for its result; times measured at the client."""
    message = {"type": "analyze", "id": rid, "stream": stream, **({"page": page, "replace": True} if page else {})}
    message.update({"blocks": blocks} if blocks is not None else {"text": text})
    frame = json.dumps(message)
    start = time.perf_counter()
    await ws.send(frame)
    first, partials, stages = None, 0, {}
    while True:
        reply = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if reply.get("id") != rid:
            continue
        now = (time.perf_counter() - start) * 1000
        if reply["type"] == "partial":
            partials += 1
            first = first if first is not None else now
            stages.setdefault(reply.get("stage", "blocks"), now)
            continue
        return Timing(now, first, partials, reply, stages)


class Dispatcher:
    """Many requests in flight on one connection: replies are routed to their request by id."""

    def __init__(self, ws):
        self.ws = ws
        self.waiting: dict[str, asyncio.Future] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for frame in self.ws:
            reply = json.loads(frame)
            future = self.waiting.get(reply.get("id"))
            if future is not None and reply["type"] in ("result", "error") and not future.done():
                future.set_result((time.perf_counter(), reply))

    async def analyze(self, rid: str, text: str) -> tuple[float, dict]:
        future = asyncio.get_running_loop().create_future()
        self.waiting[rid] = future
        start = time.perf_counter()
        await self.ws.send(json.dumps({"type": "analyze", "id": rid, "text": text}))
        done, reply = await future
        return (done - start) * 1000, reply

    async def close(self) -> None:
        self.reader.cancel()
        await asyncio.gather(self.reader, return_exceptions=True)
