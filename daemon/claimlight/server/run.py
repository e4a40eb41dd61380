"""`claimlight serve`: listen on loopback, load the model in the workers, tell systemd READY=1, serve
until SIGTERM or SIGINT, then close every client with 1001 (going away), stop the workers, return 0.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import signal

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from .. import __version__
from ..service import sdnotify, statefile
from ..settings import Config
from . import heap, security
from .app import STATE, create_app
from .logsafe import describe_exception, install_http_error_filter, install_redaction, loop_exception_handler
from .pool import DEFAULT_ENGINE, ModelLoadError

log = logging.getLogger("claimlight.server")

SHUTDOWN_TIMEOUT_S = 3.0  # how long clients and workers get to finish once a signal arrived


def run(config: Config, *, engine: str = DEFAULT_ENGINE) -> int:
    """Serve in the foreground until SIGTERM/SIGINT; the exit status (0 after a signal)."""
    try:
        security.require_loopback(config.host)
        local_token = config.token or security.ensure_token_file()
    except (security.SecurityError, OSError) as exc:
        log.error("%s", exc)
        return 2
    install_redaction([local_token])
    install_http_error_filter()
    heap.fixed_large_blocks()  # a huge page's text and reply are given back once sent (`server.heap`)
    return asyncio.run(_serve(config, local_token, engine))


async def _serve(config: Config, local_token: str, engine: str) -> int:
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(loop_exception_handler)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    app = create_app(config, local_token=local_token, engine=engine)
    state = app[STATE]
    runner = web.AppRunner(
        app,
        handle_signals=False,
        shutdown_timeout=SHUTDOWN_TIMEOUT_S,
        access_log=logging.getLogger("aiohttp.access"),
        access_log_class=_AccessLog,
    )
    await runner.setup()
    try:
        await web.TCPSite(runner, config.host, config.port).start()
    except OSError as exc:
        log.error("cannot listen on %s port %d: %s%s", config.host, config.port, exc.strerror or exc,
                  " (is claimlight already running? `claimlight service status`)" if exc.errno == errno.EADDRINUSE else "")
        await runner.cleanup()
        return 1

    host, port = runner.addresses[0][:2]
    state_file = statefile.write(host, port, __version__)  # so `claimlight doctor` finds this daemon
    try:
        return await _until_stopped(runner, state, stop, config)
    finally:
        statefile.remove(state_file)


async def _until_stopped(runner: web.AppRunner, state, stop: asyncio.Event, config: Config) -> int:
    warm = asyncio.create_task(state.pool.warmup())
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait({warm, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if not warm.done():
        warm.cancel()
        await asyncio.gather(warm, return_exceptions=True)
        await runner.cleanup()
        return 0
    try:
        state.model_label = warm.result()
    except Exception as exc:
        log.error("%s", exc if isinstance(exc, ModelLoadError) else f"the analysis workers did not start: {describe_exception(exc)}")
        stopped.cancel()
        await runner.cleanup()
        return 1

    # What the daemon holds once ready (its modules, the app, the protocol's validators: some 50,000
    # objects) lives until it stops: out of the collector's sight, so that a full collection, which
    # came now and then in the middle of a request (~9 ms of the event loop on an idle machine,
    # 60 ms under load), walks only what requests made since (`server.heap`).
    heap.freeze()
    url = _base_url(runner)
    sdnotify.notify("READY=1")
    log.info("claimlight %s ready on %s (WebSocket %s/ws), model %s, %d worker%s", __version__, url,
             url.replace("http", "ws", 1), state.model_label, config.workers, "" if config.workers == 1 else "s")
    await stopped
    state.pool.begin_shutdown()
    log.info("shutting down")
    sdnotify.notify("STOPPING=1")
    await runner.cleanup()  # closes clients with 1001, then stops the workers (app.on_cleanup)
    log.info("stopped")
    return 0


class _AccessLog(AbstractAccessLogger):
    """Debug-level access lines without the query string, Referer or User-Agent: a Referer can be the
    page the user is reading, and a query string is where a careless client would put its token."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.debug("%s %s %s %s %.1f ms", request.remote, request.method, request.path, response.status, time * 1000)

    @property
    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.DEBUG)


def _base_url(runner: web.AppRunner) -> str:
    host, port = runner.addresses[0][:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
