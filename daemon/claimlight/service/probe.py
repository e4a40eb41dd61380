"""Asking a running daemon how it is: GET /health, and whether something else holds the port."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

HEALTH_KEYS = frozenset({"status", "version", "protocol", "model"})  # claimlight.protocol.Health


@dataclass(frozen=True)
class Probe:
    listening: bool  # something accepts TCP connections on the port
    ours: bool  # ...and it answered /health with claimlight's JSON
    data: dict | None = None
    error: str | None = None


def probe_host(host: str) -> str:
    # A daemon bound to every interface is still reached over loopback.
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)


def health_url(host: str, port: int) -> str:
    host = probe_host(host)
    return f"http://[{host}]:{port}/health" if ":" in host else f"http://{host}:{port}/health"


def is_listening(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((probe_host(host), port), timeout=timeout):
            return True
    except OSError:
        return False


def looks_like_claimlight(data: object) -> bool:
    return isinstance(data, dict) and HEALTH_KEYS <= data.keys()


def probe_daemon(host: str, port: int, timeout: float = 2.0) -> Probe:
    if not is_listening(host, port, timeout):
        return Probe(listening=False, ours=False, error="nothing is listening")
    # No proxies: a corporate HTTP proxy must not answer for our loopback daemon.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(health_url(host, port), timeout=timeout) as response:
            body = response.read(64 * 1024)
    except urllib.error.HTTPError as exc:
        return Probe(listening=True, ours=False, error=f"/health answered HTTP {exc.code}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return Probe(listening=True, ours=False, error=f"not an HTTP server ({reason})")
    try:
        data = json.loads(body)
    except ValueError:
        return Probe(listening=True, ours=False, error="/health did not answer JSON")
    if not looks_like_claimlight(data):
        return Probe(listening=True, ours=False, data=data if isinstance(data, dict) else None, error="/health is not claimlight's")
    return Probe(listening=True, ours=True, data=data)


def describe(data: dict) -> str:
    return f"{data.get('status')} — claimlight {data.get('version')}, model {data.get('model')}, protocol {data.get('protocol')}"
