"""A result frame made around a worker's analysis JSON (server.replies) is the reply the models make.

The session sends a worker's analysis on as the worker wrote it when nothing in it changes on the
way; these tests hold that frame to `ResultReply.model_dump_json` of the same reply, key for key, on
real analyses (seeds with quotes, speakers, actors and a ledger), and check that it validates as a
`result` under the protocol's strict models.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimlight.engine.jobs import analyze_text, as_json
from claimlight.engine.nlp import load_nlp
from claimlight.protocol import Analysis, ResultReply, Span
from claimlight.server.offsets import analysis_to_utf16
from claimlight.server.replies import reply_frame, result_frame

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds" / "articles").glob("*.json"))


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def expected_reply(data: bytes, **fields) -> ResultReply:
    analysis = Analysis.model_validate_json(data)
    return ResultReply(spans=analysis.spans, actors=analysis.actors, ledger=analysis.ledger, **fields)


@pytest.mark.parametrize("path", SEEDS[:: max(1, len(SEEDS) // 5)], ids=lambda p: p.stem)
def test_frame_of_a_real_analysis_is_the_models_reply(nlp, path):
    data = analyze_text(nlp, json.loads(path.read_text(encoding="utf-8"))["text"], out=as_json)
    fields = {"id": "tab-1", "cached": False, "elapsed_ms": 12.5}
    frame = result_frame(data, **fields)
    expected = expected_reply(data, **fields)
    assert expected.spans and expected.ledger is not None  # a real analysis, not an empty one
    assert json.loads(frame) == json.loads(expected.model_dump_json())
    assert ResultReply.model_validate_json(frame) == expected


def test_a_page_with_emoji_gets_the_models_reply_in_utf16(nlp):
    """A character outside the BMP moves the offsets after it: the frame is still the one the models
    make, their offsets converted (`offsets.analysis_to_utf16`), though made on the worker's JSON."""
    text = json.loads(SEEDS[0].read_text(encoding="utf-8"))["text"]
    paragraphs = text.split("\n\n")
    text = "\n\n".join(f"🇺🇦 {p} 😀" if i % 2 else p for i, p in enumerate(paragraphs))
    data = analyze_text(nlp, text, out=as_json)
    fields = {"id": "tab-2", "cached": False, "elapsed_ms": 3.0}
    wire = analysis_to_utf16(Analysis.model_validate_json(data), text)
    expected = ResultReply(spans=wire.spans, actors=wire.actors, ledger=wire.ledger, **fields)
    assert wire.spans != Analysis.model_validate_json(data).spans  # offsets did move
    frame = reply_frame(data, text, **fields)
    assert json.loads(frame) == json.loads(expected.model_dump_json())
    assert ResultReply.model_validate_json(frame) == expected


def test_frame_without_a_ledger_and_from_the_cache():
    span = Span(start=0, end=7, category="quote", text="“Hi,” said")
    data = as_json(Analysis(spans=[span], actors=[]))
    frame = result_frame(data, id="x", cached=True, elapsed_ms=0.4)
    reply = json.loads(frame)
    assert reply["ledger"] is None and reply["cached"] is True and reply["type"] == "result"
    assert reply == json.loads(expected_reply(data, id="x", cached=True, elapsed_ms=0.4).model_dump_json())


def test_only_an_analysis_object_is_framed():
    for bad in (b"", b"{}", b"[]", b'"spans"'):
        with pytest.raises(ValueError):
            result_frame(bad, id="x")


def test_a_worker_leaves_out_the_spans_of_hidden_categories(monkeypatch):
    from claimlight.engine import jobs
    from claimlight.server import worker

    monkeypatch.setitem(worker._worker, "jobs", jobs)
    monkeypatch.setitem(worker._worker, "hidden", frozenset({"mention"}))
    quote = Span(start=0, end=4, category="quote", text="“Hi”")
    mention = Span(start=5, end=9, category="mention", text="“Ho”", why="title")
    data = worker.sent_json(Analysis(spans=[quote, mention], actors=[]))
    assert Analysis.model_validate_json(data).spans == [quote]
    assert b'"mention"' not in data
