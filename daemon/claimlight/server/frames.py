"""WebSocket frames a client must mask: RFC 6455 §5.1, which aiohttp's server does not enforce.

"The server MUST close the connection upon receiving a frame that is not masked." Every browser and
WebSocket library masks its frames; a client that does not is not one, and an intermediary that
caches or rewrites traffic could be confused by what it sent (the reason for the rule). aiohttp's
frame reader accepts both (it reads client and server frames alike), so `StrictWebSocketResponse`
puts a small check in front of it: it follows the frame headers in the byte stream (a few bytes of
state, linear time) and, at the first frame whose mask bit is clear, closes the connection with
1002 (protocol error) before the frame reaches the reader, as the reader does for its own errors.

This is the one place that reaches into aiohttp's connection internals (the parser slot of the
connection and the response's message queue); tests/daemon/test_live_protocol.py fails if an
aiohttp upgrade moves them.
"""

from __future__ import annotations

from aiohttp import WSCloseCode, web
from aiohttp.http_websocket import WebSocketError

_ERROR = (True, b"")  # what aiohttp's reader returns after an error: stop reading, close


class MaskGuard:
    """Frame boundaries in a client's byte stream, to find a frame without a mask."""

    def __init__(self) -> None:
        self._header = bytearray()
        self._payload_left = 0

    def unmasked(self, data: bytes) -> bool:
        """True as soon as `data` (the next bytes of the stream) holds an unmasked frame header."""
        i, n = 0, len(data)
        while i < n:
            if self._payload_left:
                step = min(self._payload_left, n - i)
                self._payload_left -= step
                i += step
                continue
            need = self._header_size()
            take = min(need - len(self._header), n - i)
            self._header += data[i : i + take]
            i += take
            if len(self._header) >= 2 and not self._header[1] & 0x80:
                return True
            if len(self._header) == self._header_size():
                self._payload_left = self._payload_length()
                self._header.clear()
        return False

    def _header_size(self) -> int:
        if len(self._header) < 2:
            return 2
        flag = self._header[1] & 0x7F
        return 2 + {126: 2, 127: 8}.get(flag, 0) + 4  # only masked frames get this far

    def _payload_length(self) -> int:
        flag = self._header[1] & 0x7F
        if flag == 126:
            return int.from_bytes(self._header[2:4], "big")
        if flag == 127:
            return int.from_bytes(self._header[2:10], "big")
        return flag


class _GuardedParser:
    """aiohttp's frame reader, fed only while every frame is masked."""

    def __init__(self, parser, refuse) -> None:
        self._parser = parser
        self._refuse = refuse
        self._guard = MaskGuard()
        self._failed = False

    def feed_data(self, data):
        if self._failed:
            return _ERROR
        if self._guard.unmasked(bytes(data)):
            self._failed = True
            self._refuse()
            return _ERROR
        return self._parser.feed_data(data)

    def __getattr__(self, name):
        return getattr(self._parser, name)


class StrictWebSocketResponse(web.WebSocketResponse):
    def _post_start(self, request, protocol, writer) -> None:
        handler = request.protocol
        # Bytes the client sent right behind its handshake are fed once the parser is in place:
        # through the guard, so that it sees the stream from its first frame.
        tail, handler._message_tail = handler._message_tail, b""
        super()._post_start(request, protocol, writer)
        guarded = _GuardedParser(self._parser, self._refuse_unmasked)
        handler._payload_parser = guarded
        if tail:
            eof, _ = guarded.feed_data(tail)
            if eof:
                handler.close()

    def _refuse_unmasked(self) -> None:
        # As the reader reports its own errors: the next receive() closes with this code.
        self._reader.set_exception(WebSocketError(WSCloseCode.PROTOCOL_ERROR, "client frame not masked"))
