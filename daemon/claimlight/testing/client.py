"""A small WebSocket client for a daemon under test: connect as the extension or as a local program,
send requests, and read replies validated against the protocol's own models."""

from __future__ import annotations

import asyncio
import json

import websockets
from pydantic import TypeAdapter

from ..protocol import ServerMessage
from ..server.security import bearer_headers
from ..settings.config import DEFAULT_EXTENSION_ID
from .daemon import Daemon

ORIGIN = f"chrome-extension://{DEFAULT_EXTENSION_ID}"
REPLY = TypeAdapter(ServerMessage)


def connect(daemon: Daemon, *, origin: str | None = ORIGIN, **kwargs):
    """A connection as the extension (its Origin), or with `origin=None` and headers of your own."""
    kwargs.setdefault("max_size", None)
    kwargs.setdefault("compression", None)
    kwargs.setdefault("open_timeout", 10)
    return websockets.connect(daemon.ws_url, origin=origin, **kwargs)


def connect_local(daemon: Daemon, **kwargs):
    """A connection as a local program does it: no Origin, the local token as a bearer header."""
    kwargs.setdefault("open_timeout", 30)
    kwargs.setdefault("ping_interval", None)
    return connect(daemon, origin=None, additional_headers=bearer_headers(daemon.token), **kwargs)


async def send(ws, message: dict | str) -> None:
    await ws.send(message if isinstance(message, str) else json.dumps(message))


async def recv(ws, timeout: float = 15.0):
    return REPLY.validate_json(await asyncio.wait_for(ws.recv(), timeout))


async def collect(ws, request_id: str, timeout: float = 15.0) -> list:
    """Replies for `request_id` up to its final result or error (other ids are skipped)."""
    replies = []
    while True:
        reply = await recv(ws, timeout)
        if getattr(reply, "id", None) != request_id:
            continue
        replies.append(reply)
        if reply.type in ("result", "error"):
            return replies


async def exchange(ws, message: dict, timeout: float = 15.0) -> list:
    """Send a request and collect its replies."""
    await send(ws, message)
    return await collect(ws, message["id"], timeout)


async def ping_ok(ws, tag: str = "probe") -> bool:
    await send(ws, {"type": "ping", "id": tag})
    while True:
        reply = await recv(ws, 10)
        if reply.type == "pong" and reply.id == tag:
            return True


def u16(text: str, start: int, end: int) -> str:
    """The substring between two UTF-16 offsets, as JavaScript's text.slice(start, end) would give it."""
    return text.encode("utf-16-le", "surrogatepass")[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")
