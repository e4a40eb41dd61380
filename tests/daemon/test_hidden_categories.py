"""The categories the settings hide never reach a client, whichever reply carries the spans.

The workers are the one place that leaves them out (`server.worker`): a whole text's analysis, a
piece's preview and the early quotations. These tests run the real engine in a daemon that shows
only reported speech and numbers, and read every reply of a streamed page and of a plain request;
the same page in a daemon showing everything has quotes, speakers and actors (test_real_engine.py),
and here its numbers and reported speech still come through.
"""

from __future__ import annotations

import pytest

from claimlight.engine.jobs import as_json
from claimlight.protocol import Analysis, Span
from daemon_harness import connect, exchange, start_daemon, u16

SHOWN = {"reported", "number"}


@pytest.fixture(scope="module")
def narrow_daemon(tmp_path_factory):
    d = start_daemon(tmp_path_factory.mktemp("narrow"), "--workers", "2", "--request-timeout", "60", engine=None,
                     env={"CLAIMLIGHT_CATEGORIES": ",".join(sorted(SHOWN))})
    yield d
    d.stop()


def _page(paragraphs: int) -> list[str]:
    para = ("The harbour board said on Monday that fees would rise by 8 percent to $2.1 million. "
            "“It is the only way to keep the docks open,” said Odile Brenner, the board's chair. "
            "Fishermen said the increase would hurt small boats, according to their union. ")
    return [f"Block {i}. {para}" for i in range(paragraphs)]


async def test_a_streamed_page_shows_only_the_categories_the_settings_name(narrow_daemon):
    blocks = _page(30)
    text = "\n\n".join(blocks)
    async with connect(narrow_daemon) as ws:
        replies = await exchange(ws, {"type": "analyze", "id": "s", "blocks": blocks, "stream": True}, timeout=60)
    partials, result = replies[:-1], replies[-1]
    assert result.type == "result" and partials  # previews came, and none of them is only quotes
    assert all(p.stage == "blocks" for p in partials)
    spans = [s for p in partials for s in p.spans] + result.spans
    assert {s.category for s in spans} == SHOWN
    for span in spans:
        assert u16(text, span.start, span.end) == span.text
    assert result.actors  # actors are no span category: they still come, for the popup


async def test_a_plain_request_with_an_emoji_shows_only_the_categories_the_settings_name(narrow_daemon):
    text = "🎉 " + "\n\n".join(_page(3))  # read into models and moved to UTF-16 on the way
    async with connect(narrow_daemon) as ws:
        [reply] = await exchange(ws, {"type": "analyze", "id": "p", "text": text}, timeout=60)
    assert reply.type == "result" and {s.category for s in reply.spans} == SHOWN
    for span in reply.spans:
        assert u16(text, span.start, span.end) == span.text


def test_a_workers_preview_and_early_quotes_leave_out_hidden_categories(monkeypatch):
    from claimlight.server import worker

    monkeypatch.setitem(worker._worker, "hidden", frozenset({"quote"}))
    quote = Span(start=0, end=4, category="quote", text="“Hi”")
    number = Span(start=5, end=7, category="number", text="12")
    data = Analysis(spans=[quote, number], actors=[]).model_dump(mode="json")
    assert [s["category"] for s in worker.sent_data(data)["spans"]] == ["number"]
    assert worker.sent_data(None) is None
    monkeypatch.setitem(worker._worker, "hidden", frozenset())
    assert worker.sent_data(data) is data
    assert as_json(Analysis.model_validate(worker.sent_data(data))) == as_json(Analysis(spans=[quote, number], actors=[]))
