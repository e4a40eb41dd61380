"""A result reply's frame, made around the analysis's JSON as its worker wrote it.

A worker serialises its analysis once, from the engine's models (`engine.jobs.as_json`), and the
pool keeps and hands on those bytes (`server.pool`, `server.cache`). Reading them back into models
only to serialise them again for the reply cost the daemon's event loop some 6 ms for a 3,000-word
page (its thousands of spans, links and ledger figures made as objects twice), more than all its
other work on a live update; and that validation repeated what the models did when the engine made
them. So when the reply carries the analysis unchanged (no offset moves to UTF-16, and no span is
of a category the settings hide: the workers leave those out, `server.worker.sent_json`; the
session checks both), the frame is the reply's own fields, dumped by `ResultReply`, and the
analysis's fields, as the worker wrote them, in one JSON object: the object
`ResultReply.model_dump_json` gives for the same reply, its keys in another order
(tests/daemon/test_replies.py). The protocol's models stay the one definition of both halves.
"""

from __future__ import annotations

import json

from ..protocol import Analysis, ResultReply

# The reply's fields that the analysis fills (spans, actors, ledger), left out of its own half.
_ANALYSIS_FIELDS = frozenset(Analysis.model_fields)


def has_category(analysis_json: bytes, category: str) -> bool:
    """Whether the analysis may hold a span of `category`: its JSON holds `"category":"<it>"`.
    Inside a JSON string every quotation mark is escaped, so only a span's own key and value can
    match (a page quoting that very text escapes its marks); a match in doubt only costs the reply
    its slower way, never a hidden span shown."""
    return json.dumps({"category": category}, separators=(",", ":"))[1:-1].encode() in analysis_json


def result_frame(analysis_json: bytes, **fields) -> str:
    """The `result` frame with `fields` (id, cached, elapsed_ms) and the analysis `analysis_json`
    (an `Analysis` as JSON, code-point offsets equal to the wire's)."""
    head = ResultReply(spans=[], actors=[], **fields).model_dump_json(exclude=_ANALYSIS_FIELDS)
    body = analysis_json.decode("utf-8")
    if not (body.startswith("{") and body.endswith("}") and len(body) > 2 and len(head) > 2):
        raise ValueError("not a JSON object with fields")
    return f"{head[:-1]},{body[1:]}"
