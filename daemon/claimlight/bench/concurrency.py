"""Figure 4: 20 clients, each with 5 different articles in flight at once, and /health meanwhile.

Every request must be answered with a result (none lost, none refused); /health, polled from a
separate process throughout, shows whether the daemon's event loop ever stalls while the workers
are saturated.
"""

from __future__ import annotations

import asyncio
import http.client
import multiprocessing
import time

from . import corpus
from ..testing.client import connect_local
from ..testing.daemon import Daemon
from .client import Dispatcher
from .report import Row, percentile

CLIENTS = 20
PER_CLIENT = 5
WORDS = 550
POLL_INTERVAL_S = 0.02
TARGET_HEALTH_P95_MS = 50.0


def run(daemon: Daemon, quick: bool) -> tuple[list[Row], dict]:
    clients, per_client = (5, 2) if quick else (CLIENTS, PER_CLIENT)
    texts = corpus.articles(clients * per_client, WORDS, first=30_000)
    ctx = multiprocessing.get_context("spawn")
    stop = ctx.Event()
    parent, child = ctx.Pipe()
    poller = ctx.Process(target=poll_health, args=(daemon.port, stop, child), daemon=True)
    poller.start()
    if not parent.poll(30):
        raise RuntimeError("the /health poller did not start")
    parent.recv()  # it is polling
    try:
        started = time.perf_counter()
        outcomes = asyncio.run(_load(daemon, texts, clients, per_client))
        wall = time.perf_counter() - started
    finally:
        stop.set()
    health = parent.recv() if parent.poll(30) else []
    poller.join(10)
    answered = sum(1 for _, reply in outcomes if reply["type"] == "result")
    latencies = [ms for ms, reply in outcomes if reply["type"] == "result"]
    errors = sorted({reply.get("code", "?") for _, reply in outcomes if reply["type"] != "result"})
    total = clients * per_client
    details = {
        "clients": clients, "per_client": per_client, "words_each": WORDS, "wall_s": wall,
        "errors": errors, "request_ms": latencies, "health_ms": health,
        "throughput_words_per_s": sum(corpus.words(t) for t in texts) / wall,
    }
    rows = [
        Row("concurrency.answered_pct", f"{clients}×{per_client} concurrent requests answered", 100.0 * answered / total, "%",
            (">=", 100.0), note=f"{answered}/{total}" + (f"; errors {', '.join(errors)}" if errors else "")),
        Row("concurrency.request_p95_ms", f"{clients}×{per_client} concurrent requests, p95 until answered", percentile(latencies, 95) if latencies else None, "ms"),
        Row("concurrency.throughput_wps", "throughput under that load", details["throughput_words_per_s"], "words/s"),
        Row("concurrency.health_p95_ms", "/health p95 during that load", percentile(health, 95) if health else None, "ms",
            ("<=", TARGET_HEALTH_P95_MS), note=f"{len(health)} polls"),
    ]
    return rows, details


async def _load(daemon: Daemon, texts: list[str], clients: int, per_client: int) -> list[tuple[float, dict]]:
    async def client(c: int) -> list[tuple[float, dict]]:
        async with connect_local(daemon) as ws:
            dispatcher = Dispatcher(ws)
            try:
                mine = texts[c * per_client : (c + 1) * per_client]
                return await asyncio.gather(*(dispatcher.analyze(f"c{c}-{i}", t) for i, t in enumerate(mine)))
            finally:
                await dispatcher.close()

    results = await asyncio.wait_for(asyncio.gather(*(client(c) for c in range(clients))), 600)
    return [outcome for per in results for outcome in per]


def poll_health(port: int, stop, conn) -> None:
    """In its own process: GET /health every POLL_INTERVAL_S until `stop`; sends back the latencies (ms)."""
    latencies: list[float] = []
    conn.send("polling")
    while not stop.is_set():
        start = time.perf_counter()
        try:
            http_conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            http_conn.request("GET", "/health")
            http_conn.getresponse().read()
            http_conn.close()
            latencies.append((time.perf_counter() - start) * 1000)
        except OSError:
            latencies.append(10_000.0)
        time.sleep(POLL_INTERVAL_S)
    conn.send(latencies)
