"""The daemon's HTTP application: GET /health and the /ws WebSocket, behind the Host guard.

`create_app` builds the aiohttp application (tests drive it in-process); `server.run` serves it.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from dataclasses import dataclass, field

from aiohttp import WSCloseCode, web

from .. import __version__
from ..protocol import Category, Health
from ..settings import Config
from . import security
from .budget import Budget
from .frames import StrictWebSocketResponse
from .logsafe import Refusals, refusals
from .pool import DEFAULT_ENGINE, AnalysisPool
from .session import Session

log = logging.getLogger("claimlight.server")

CLOSE_TIMEOUT_S = 2.0  # how long a closing handshake may take before the socket is dropped


@dataclass
class State:
    config: Config
    pool: AnalysisPool
    local_token: str | None
    origins: frozenset[str]
    started: float = field(default_factory=time.monotonic)
    model_label: str | None = None  # set once the workers have loaded the model
    sessions: set[Session] = field(default_factory=set)
    budget: Budget | None = None  # what all connections together may have in flight
    refusals: Refusals = refusals  # shared with aiohttp's parser errors: one limit for all a client can cause
    numbers: itertools.count = field(default_factory=lambda: itertools.count(1))

    def model(self) -> str:
        return self.model_label or self.config.model


STATE = web.AppKey("state", State)


def create_app(config: Config, *, pool: AnalysisPool | None = None, local_token: str | None = None,
               engine: str = DEFAULT_ENGINE) -> web.Application:
    """The application. `local_token` is what Origin-less clients must present (see security.py).

    A `pool` passed in stays the caller's to close, and leaves out the categories it was made to
    hide (its workers are the one filter), whatever `config.categories` says; otherwise the app makes
    one, hiding what the settings do not name, and stops it on cleanup.
    """
    owns_pool = pool is None
    pool = pool or AnalysisPool(model=config.model, workers=config.workers, cache_size=config.cache_size, engine=engine,
                                parse_cache_bytes=config.parse_cache_mb * 2**20,
                                hidden=[c.value for c in Category if c.value not in config.categories])
    state = State(config=config, pool=pool, local_token=config.token or local_token,
                  origins=security.allowed_origins(config.allowed_extension_ids),
                  budget=Budget(config.max_requests_in_flight, config.max_chars_in_flight))
    # No body is ever read: /ws and /health are GETs. A small limit refuses oversized POSTs cheaply.
    app = web.Application(middlewares=[_host_guard], client_max_size=4096)
    app[STATE] = state
    app.router.add_get("/health", _health)
    app.router.add_get("/ws", _websocket)
    app.on_shutdown.append(_close_sessions)
    if owns_pool:
        app.on_cleanup.append(_stop_pool)
    return app


@web.middleware
async def _host_guard(request: web.Request, handler):
    # Before routing, so a DNS-rebinding page learns nothing, not even which paths exist.
    if not security.host_allowed(request.headers.get("Host")):
        _log_refusal(request.app[STATE], "refused a request: Host is not a loopback name (DNS rebinding?)")
        return web.Response(status=421, text="misdirected request: Host must be 127.0.0.1, localhost or [::1]\n")
    return await handler(request)


async def _health(request: web.Request) -> web.Response:
    state = request.app[STATE]
    origin = request.headers.get("Origin")
    headers = {"Cache-Control": "no-store"}
    if origin is not None:
        if origin.strip().lower() not in state.origins:
            _log_refusal(state, "refused GET /health: Origin is not an allowed extension")
            return web.Response(status=403, text="forbidden origin\n")
        headers["Access-Control-Allow-Origin"] = origin
        headers["Vary"] = "Origin"
    health = Health(
        status="ok" if state.model_label else "loading",
        version=__version__,
        model=state.model(),
        uptime_s=round(time.monotonic() - state.started, 3),
    )
    return web.Response(text=health.model_dump_json(), content_type="application/json", headers=headers)


async def _websocket(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    config = state.config
    verdict = security.check_handshake(
        request.headers, origins=state.origins, required_token=config.token or None, local_token=state.local_token
    )
    if not verdict.ok:
        _log_refusal(state, "refused WebSocket: %s", verdict.reason)
        return web.Response(status=verdict.status, text=f"{verdict.reason}\n")
    if len(state.sessions) >= config.max_connections:
        _log_refusal(state, "refused WebSocket: %d connections already open", len(state.sessions))
        return web.Response(status=503, text="too many connections\n", headers={"Retry-After": "5"})
    ws = StrictWebSocketResponse(
        protocols=security.choose_subprotocols(request.headers),
        heartbeat=config.heartbeat_s,
        max_msg_size=config.max_message_bytes,
        # Compression would let a small frame inflate past the size limit's intent, and costs CPU for
        # replies that never leave the machine.
        compress=False,
        timeout=CLOSE_TIMEOUT_S,
    )
    if not ws.can_prepare(request).ok:
        return web.Response(status=400, text="expected a WebSocket upgrade\n")
    session = Session(ws, config=config, pool=state.pool, model=state.model, number=next(state.numbers), budget=state.budget)
    # Counted before the first await, so simultaneous handshakes cannot all slip under the limit.
    state.sessions.add(session)
    try:
        await ws.prepare(request)
        log.debug("%s opened (%d open)", session.name, len(state.sessions))
        await session.run()
    except ConnectionError:
        pass  # the client went away mid-handshake or mid-reply
    except Exception as exc:  # never let one connection's failure reach aiohttp's traceback logging
        log.error("%s failed: %s", session.name, type(exc).__name__)
    finally:
        session.close()
        state.sessions.discard(session)
        log.debug("%s closed (code %s)", session.name, ws.close_code)
    return ws


def _log_refusal(state: State, message: str, *args: object) -> None:
    # Header values are never logged: a refused Origin or Host is attacker-chosen text.
    state.refusals(message, *args)


async def _close_sessions(app: web.Application) -> None:
    sessions = list(app[STATE].sessions)
    for session in sessions:
        session.close()
    await asyncio.gather(
        *(s.ws.close(code=WSCloseCode.GOING_AWAY, message=b"daemon shutting down") for s in sessions),
        return_exceptions=True,
    )


async def _stop_pool(app: web.Application) -> None:
    await app[STATE].pool.aclose()
