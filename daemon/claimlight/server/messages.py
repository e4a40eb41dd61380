"""One WebSocket frame in, a validated client message or a typed error reply out. Never raises.

Everything a client can put in a frame passes through `decode`: malformed JSON, numbers Python
refuses (int_max_str_digits), nesting deep enough to exhaust the recursion limit, wrong types,
unknown message types, extra fields. Error messages name fields and problems but never echo
values: they would be page text, and a huge value would make a huge reply.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..protocol import PROTOCOL_VERSION, AnalyzeRequest, CancelRequest, ClientMessage, ErrorReply, PingRequest

_CLIENT_MESSAGE: TypeAdapter[AnalyzeRequest | PingRequest | CancelRequest] = TypeAdapter(ClientMessage)
_MAX_ERRORS_SHOWN = 3
_MAX_LOC_PART = 40
_MAX_MESSAGE = 400


def decode(frame: str | bytes) -> AnalyzeRequest | PingRequest | CancelRequest | ErrorReply:
    if not isinstance(frame, str):
        return ErrorReply(code="bad_json", message="binary frames are not accepted; send JSON as a text frame")
    try:
        obj = json.loads(frame)
    except RecursionError:
        return ErrorReply(code="bad_json", message="JSON nested too deeply")
    except ValueError as exc:  # JSONDecodeError, and ValueError for integers over int_max_str_digits
        detail = f"at line {exc.lineno} column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "number too long"
        return ErrorReply(code="bad_json", message=f"not valid JSON ({detail})")
    if not isinstance(obj, dict):
        return ErrorReply(code="invalid_request", message="a message is a JSON object with a \"type\"")
    request_id = readable_id(obj)
    version = obj.get("v", PROTOCOL_VERSION)
    if type(version) is int and version != PROTOCOL_VERSION:
        return ErrorReply(
            id=request_id,
            code="unsupported_version",
            message=f"protocol version {version if abs(version) < 10**9 else '?'} is not supported; this daemon speaks v{PROTOCOL_VERSION}",
        )
    try:
        return _CLIENT_MESSAGE.validate_python(obj)
    except ValidationError as exc:
        return ErrorReply(id=request_id, code="invalid_request", message=describe_errors(exc))
    except RecursionError:
        return ErrorReply(id=request_id, code="invalid_request", message="message nested too deeply")


def readable_id(obj: dict[str, Any]) -> str | None:
    value = obj.get("id")
    if isinstance(value, str) and 1 <= len(value) <= 128:
        return value
    return None


def describe_errors(exc: ValidationError) -> str:
    parts = []
    errors = exc.errors(include_url=False, include_input=False, include_context=False)
    for err in errors[:_MAX_ERRORS_SHOWN]:
        loc = ".".join(_short(part) for part in err["loc"]) or "message"
        if err["type"] == "union_tag_invalid":
            parts.append("unknown message type; expected one of: analyze, ping, cancel")
        elif err["type"] == "union_tag_not_found":
            parts.append('missing "type"')
        else:
            parts.append(f"{loc}: {err['msg']}")
    if len(errors) > _MAX_ERRORS_SHOWN:
        parts.append(f"and {len(errors) - _MAX_ERRORS_SHOWN} more")
    return "; ".join(parts)[:_MAX_MESSAGE]


def _short(part: object) -> str:
    text = str(part)
    return text if len(text) <= _MAX_LOC_PART else text[: _MAX_LOC_PART - 1] + "…"
