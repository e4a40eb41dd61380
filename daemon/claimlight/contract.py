"""What the extension and the daemon must agree on, as one JSON object.

The JavaScript side cannot import Python, so the values both sides define (categories, the block
separator, subprotocol names, the default port, the extension id, message types, the stages of
partial replies, error codes, and the rules of the quotation-mark scanner the extension runs on the
page before the daemon answers) are written to `extension/test/fixtures/daemon-contract.json`. A Python test fails when this module
and that file disagree, and the extension's tests fail when its constants and the file disagree,
so neither side can drift alone. After a deliberate change:

    .venv/bin/python -m claimlight.contract > extension/test/fixtures/daemon-contract.json
"""

from __future__ import annotations

import json
import typing

from .engine import early
from .protocol import BLOCK_SEPARATOR, PROTOCOL_VERSION, Category, ClientMessage, ErrorCode, PartialStage, ServerMessage
from .server.security import SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX
from .server.pieces import EARLY_HEAD_CHARS
from .settings.config import DEFAULT_EXTENSION_ID, DEFAULT_PORT

CONTRACT_FILE = "extension/test/fixtures/daemon-contract.json"


def _message_types(union: object) -> list[str]:
    members = typing.get_args(typing.get_args(union)[0])  # Annotated[Union[...], discriminator] → the models
    return [typing.get_args(m.model_fields["type"].annotation)[0] for m in members]


def contract() -> dict:
    return {
        "protocol_version": PROTOCOL_VERSION,
        "categories": [c.value for c in Category],
        "block_separator": BLOCK_SEPARATOR,
        "subprotocol": SUBPROTOCOL,
        "token_subprotocol_prefix": TOKEN_SUBPROTOCOL_PREFIX,
        "default_port": DEFAULT_PORT,
        "extension_id": DEFAULT_EXTENSION_ID,
        "client_message_types": _message_types(ClientMessage),
        "server_message_types": _message_types(ServerMessage),
        "partial_stages": list(typing.get_args(PartialStage)),
        "error_codes": list(typing.get_args(ErrorCode)),
        "early_quotes": {**early.rules(), "head_chars": EARLY_HEAD_CHARS},
    }


def render() -> str:
    return json.dumps(contract(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(render(), end="")
