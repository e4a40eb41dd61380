"""systemd's readiness protocol (sd_notify) without a dependency: one datagram to $NOTIFY_SOCKET.

The server sends READY=1 only after the model is loaded and the port accepts connections, so a
Type=notify unit is "active" exactly when the extension can connect.
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


def notify(message: str = "READY=1") -> bool:
    """Send `message` to the service manager; False when not run under one (no NOTIFY_SOCKET) or it failed.

    A failure is logged, never raised: losing the notification must not take the daemon down.
    """
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):  # abstract namespace socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as exc:
        log.warning("could not notify the service manager at %s: %s", os.environ.get("NOTIFY_SOCKET"), exc)
        return False
    return True
