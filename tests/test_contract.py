"""The contract between daemon and extension: the committed JSON that the extension's tests read
(extension/test/contract.test.mjs) says what the Python side defines."""

from __future__ import annotations

import json
from pathlib import Path

from claimlight.contract import CONTRACT_FILE, contract

REPO = Path(__file__).resolve().parents[1]


def test_the_extensions_copy_of_the_contract_is_the_daemons():
    committed = json.loads((REPO / CONTRACT_FILE).read_text(encoding="utf-8"))
    assert committed == contract(), (
        f"{CONTRACT_FILE} differs from claimlight.contract; after a deliberate change run "
        f"`.venv/bin/python -m claimlight.contract > {CONTRACT_FILE}` and update the extension to match"
    )


def test_the_contract_names_every_category_and_message_once():
    c = contract()
    for key in ("categories", "client_message_types", "server_message_types", "error_codes"):
        assert len(c[key]) == len(set(c[key])) > 0, key
    assert c["client_message_types"] == ["analyze", "ping", "cancel"]
    assert c["block_separator"] == "\n\n" and 0 < c["default_port"] < 65536
