"""Who may talk to the daemon: loopback only, a Host allow-list, an Origin allow-list and a local token.

Every web page the user visits can open a WebSocket to 127.0.0.1, and WebSockets have no CORS, so
the daemon decides from the handshake's headers alone, before the upgrade:

* Host must name loopback (127.0.0.1, localhost, [::1], any port): a DNS-rebinding page arrives
  with its own host name and gets 421.
* Origin, when present, must be chrome-extension://<id> for a configured id; any web page, `null`
  (sandboxed frames, file://) and other extensions get 403.
* A client without Origin is not a browser (browsers always send it on WebSocket handshakes), so it
  must prove it runs as the user: it presents the local token, which only the user can read.
* When the user configures `token`, everyone must present it, the extension included.

docs/security.md explains the scheme for users; this module is its only implementation.
"""

from __future__ import annotations

import errno
import hmac
import ipaddress
import os
import re
import secrets
import socket
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..settings import paths

# Offered by clients next to the token so the server can select a subprotocol without echoing the
# token (browsers fail the handshake when they offered subprotocols and the server picked none).
SUBPROTOCOL = "claimlight.v1"
TOKEN_SUBPROTOCOL_PREFIX = "claimlight.token."
TOKEN_FILE_NAME = "token"
TOKEN_ENV_FILE = "CLAIMLIGHT_TOKEN_FILE"  # tests and unusual set-ups point the daemon at another token file

_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9._~-]{16,256}$")
_HOST_HEADER = re.compile(r"^(?P<host>\[[0-9a-fA-F:.]+\]|[^:\[\]]+)(?::(?P<port>[0-9]{1,5}))?$")
_LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
_EXTENSION_ID = re.compile(r"^[a-p]{32}$")


class SecurityError(Exception):
    """A setting that would expose the daemon beyond this user; the message says what to change."""


# --- where the daemon listens -------------------------------------------------------------------


def require_loopback(host: str) -> None:
    """Raise SecurityError unless every address `host` names is a loopback address."""
    try:
        addresses = {ipaddress.ip_address(host.strip("[]"))}
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except socket.gaierror as exc:
            raise SecurityError(f"cannot resolve host {host!r}: {exc.strerror}") from None
        addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    exposed = sorted(str(a) for a in addresses if not a.is_loopback)
    if exposed:
        raise SecurityError(
            f"refusing to listen on {host!r} ({', '.join(exposed)}): the daemon has no authentication for "
            "other machines and must stay on loopback; use host = \"127.0.0.1\" (or \"::1\", \"localhost\")"
        )


# --- handshake checks -----------------------------------------------------------------------------


def host_allowed(host_header: str | None) -> bool:
    if not host_header:
        return False
    match = _HOST_HEADER.match(host_header.strip())
    if not match:
        return False
    port = match.group("port")
    if port is not None and not 0 < int(port) < 65536:
        return False
    return match.group("host").lower() in _LOOPBACK_NAMES


def allowed_origins(extension_ids: list[str]) -> frozenset[str]:
    return frozenset(f"chrome-extension://{i.strip().lower()}" for i in extension_ids if i.strip())


def valid_extension_id(extension_id: str) -> bool:
    return bool(_EXTENSION_ID.match(extension_id))


def presented_token(headers: Mapping[str, str]) -> str | None:
    """The token from `Authorization: Bearer …` or a `claimlight.token.…` subprotocol; never the URL."""
    auth = headers.get("Authorization", "")
    scheme, _, value = auth.strip().partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    for proto in offered_subprotocols(headers):
        if proto.startswith(TOKEN_SUBPROTOCOL_PREFIX) and len(proto) > len(TOKEN_SUBPROTOCOL_PREFIX):
            return proto[len(TOKEN_SUBPROTOCOL_PREFIX) :]
    return None


def offered_subprotocols(headers: Mapping[str, str]) -> list[str]:
    raw = headers.get("Sec-WebSocket-Protocol", "")
    return [p.strip() for p in raw.split(",") if p.strip()]


def token_matches(presented: str | None, expected: str | None) -> bool:
    if presented is None or expected is None:
        return False
    return hmac.compare_digest(presented.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class Verdict:
    status: int  # 0 = accepted, else the HTTP status of the refusal
    reason: str  # for the log and the refusal body; never contains a header value

    @property
    def ok(self) -> bool:
        return self.status == 0


ACCEPT = Verdict(0, "accepted")


def check_handshake(
    headers: Mapping[str, str],
    *,
    origins: frozenset[str],
    required_token: str | None,
    local_token: str | None,
) -> Verdict:
    """The decision for a /ws upgrade. `required_token` is config.token (everyone must present it);
    `local_token` is what Origin-less local clients must present (config.token, or the token file)."""
    if not host_allowed(headers.get("Host")):
        return Verdict(421, "Host is not a loopback name")
    origin = headers.get("Origin")
    token = presented_token(headers)
    if origin is not None:
        if origin.strip().lower() not in origins:
            return Verdict(403, "Origin is not an allowed extension")
        if required_token is not None and not token_matches(token, required_token):
            return Verdict(401, "token missing or wrong")
        # A wrong token is refused even when none is needed: it means a confused or probing client.
        if token is not None and required_token is None and not token_matches(token, local_token):
            return Verdict(401, "token wrong")
        return ACCEPT
    if not token_matches(token, local_token):
        return Verdict(401, "no Origin and no valid local token")
    return ACCEPT


def choose_subprotocols(headers: Mapping[str, str]) -> tuple[str, ...]:
    """What the server may select: claimlight.v1, or, for a client that offered only the token, the
    token subprotocol itself (echoing it to the client that sent it reveals nothing new)."""
    offered = offered_subprotocols(headers)
    if SUBPROTOCOL in offered:
        return (SUBPROTOCOL,)
    echo = tuple(p for p in offered if p.startswith(TOKEN_SUBPROTOCOL_PREFIX))[:1]
    return (SUBPROTOCOL, *echo)


# --- the local token file -------------------------------------------------------------------------


def token_file(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """$XDG_STATE_HOME/claimlight/token (default ~/.local/state/claimlight/token); on Windows %LOCALAPPDATA%."""
    env = os.environ if environ is None else environ
    if env.get(TOKEN_ENV_FILE):
        return Path(env[TOKEN_ENV_FILE]).expanduser()
    if (platform or sys.platform) == "win32" and env.get("LOCALAPPDATA"):
        return Path(env["LOCALAPPDATA"]) / paths.APP / TOKEN_FILE_NAME
    state = env.get("XDG_STATE_HOME", "")
    base = Path(state) if state and os.path.isabs(state) else paths.home(env) / ".local" / "state"
    return base / paths.APP / TOKEN_FILE_NAME


def read_token_file(path: Path | None = None) -> str | None:
    """The local token for clients (bench, doctor, scripts); None when the daemon never created one."""
    path = path or token_file()
    try:
        value = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return value if _TOKEN_SHAPE.match(value) else None


def ensure_token_file(path: Path | None = None) -> str:
    """The local token, created (0600, in a 0700 directory) on first start; repaired if unreadable or too open."""
    path = path or token_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    existing = read_token_file(path)
    if existing is not None:
        _tighten(path)
        return existing
    token = secrets.token_urlsafe(32)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        os.write(fd, (token + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    # Atomic, so a client never reads half a token; if two daemons race, the last writer wins and the
    # loser re-reads it below.
    os.replace(tmp, path)
    return read_token_file(path) or token


def _tighten(path: Path) -> None:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, 0o600)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EACCES):
            raise


def client_token(config_token: str | None, environ: Mapping[str, str] | None = None) -> str | None:
    """What a local client (bench, doctor, a script) should present: config.token, else the token file."""
    return config_token or read_token_file(token_file(environ))


def bearer_headers(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}
