"""Property tests: arbitrary frames never crash the decoder, and never break a live connection."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import connect as sync_connect

from claimlight.server.messages import decode
from claimlight.protocol import AnalyzeRequest, CancelRequest, ErrorReply, PingRequest
from daemon_harness import ORIGIN, REPLY

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)
near_valid = st.fixed_dictionaries(
    {"type": st.sampled_from(["analyze", "ping", "cancel", "result", "", "ANALYZE"])},
    optional={
        "v": st.one_of(st.just(1), st.integers(), st.text(max_size=3), st.none()),
        "id": st.one_of(st.text(max_size=140), st.integers(), st.none()),
        "text": st.one_of(st.text(max_size=200), st.integers(), st.lists(st.text(max_size=5), max_size=3)),
        "blocks": st.one_of(st.lists(st.text(max_size=50), max_size=6), st.text(max_size=10), st.lists(st.integers(), max_size=3)),
        "stream": st.one_of(st.booleans(), st.text(max_size=5), st.integers()),
        "url": st.one_of(st.text(max_size=30), st.none()),
        "extra": json_values,
    },
)
frames = st.one_of(
    json_values.map(json.dumps),
    near_valid.map(json.dumps),
    st.text(max_size=200),
    st.binary(max_size=200),
    # Lone surrogates arrive as JSON escapes ("\ud800"); json.dumps writes them that way.
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.characters(), max_size=30).map(
        lambda t: json.dumps({"type": "analyze", "id": "sur", "text": f"“{t}” 1", "stream": True})
    ),
    st.integers(min_value=1, max_value=3000).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=1, max_value=3000).map(lambda n: '{"a":' * n + "1" + "}" * n),
)


@settings(max_examples=500, deadline=None)
@given(frames)
def test_decode_returns_a_message_or_a_typed_error(frame):
    result = decode(frame)
    assert isinstance(result, (AnalyzeRequest, PingRequest, CancelRequest, ErrorReply))
    if isinstance(result, ErrorReply):
        assert ErrorReply.model_validate_json(result.model_dump_json()) == result
        assert len(result.message) <= 400


@pytest.fixture(scope="module")
def sync_ws(daemon):
    with sync_connect(daemon.ws_url, origin=ORIGIN, max_size=None, compression=None, open_timeout=10) as ws:
        yield ws


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(frame=frames)
def test_live_daemon_answers_every_frame_and_stays_usable(sync_ws, frame):
    sync_ws.send(frame)
    probe = {"type": "ping", "id": "fuzz-probe"}
    sync_ws.send(json.dumps(probe))
    while True:
        reply = REPLY.validate_json(sync_ws.recv(timeout=15))
        if reply.type == "pong" and reply.id == "fuzz-probe":
            break


def test_live_daemon_after_fuzzing_still_serves(sync_ws):
    sync_ws.send(json.dumps({"type": "analyze", "id": "post-fuzz", "text": "“Still fine,” 9 post-fuzz"}))
    while True:
        reply = REPLY.validate_json(sync_ws.recv(timeout=15))
        if getattr(reply, "id", None) == "post-fuzz":
            assert reply.type == "result"
            break
