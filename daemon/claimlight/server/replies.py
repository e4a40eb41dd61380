"""A result reply's frame, made around the analysis's JSON as its worker wrote it.

A worker serialises its analysis once, from the engine's models (`engine.jobs.as_json`), and the
pool keeps and hands on those bytes (`server.pool`, `server.cache`). Reading them back into models
only to serialise them again for the reply cost the daemon's event loop some 6 ms for a 3,000-word
page (its thousands of spans, links and ledger figures made as objects twice), more than all its
other work on a live update; and that validation repeated what the models did when the engine made
them. So the reply carries the analysis as its worker wrote it (the spans of the categories the
settings hide the workers have already left out, `server.worker`; on a page with a character
outside the BMP, its offsets' digits replaced by their UTF-16 values, `offsets.json_to_utf16`):
the frame is the reply's own fields, dumped by `ResultReply`, and the analysis's fields, in one JSON object: the object
`ResultReply.model_dump_json` gives for the same reply, its keys in another order
(tests/daemon/test_replies.py). The protocol's models stay the one definition of both halves.
"""

from __future__ import annotations

from ..protocol import Analysis, ResultReply
from .offsets import json_to_utf16, same_in_utf16

# The reply's fields that the analysis fills (spans, actors, ledger), left out of its own half.
_ANALYSIS_FIELDS = frozenset(Analysis.model_fields)


def result_frame(analysis_json: bytes, **fields) -> bytes:
    """The `result` frame, as the UTF-8 of a text frame, with `fields` (id, cached, elapsed_ms) and
    the analysis `analysis_json` (an `Analysis` as JSON, its offsets the wire's).
    Bytes, joined once: as a `str` a 900,000-character page's reply was made three times over (the
    analysis decoded, joined to its head, encoded again), up to 30 MB of the daemon's peak."""
    head = ResultReply(spans=[], actors=[], **fields).model_dump_json(exclude=_ANALYSIS_FIELDS).encode()
    if not (analysis_json[:1] == b"{" and analysis_json[-1:] == b"}" and len(analysis_json) > 2 and len(head) > 2):
        raise ValueError("not a JSON object with fields")
    return b"".join((head[:-1], b",", memoryview(analysis_json)[1:]))


def reply_frame(analysis_json: bytes, text: str, **fields) -> bytes:
    """The `result` frame of the analysis `analysis_json` (its worker's JSON) of `text`: made around
    that JSON as it is (`result_frame`) when every offset is the same in UTF-16 (no character outside
    the BMP); otherwise around the same JSON with its offsets' digits converted (`offsets.json_to_utf16`),
    not read into models and dumped again (some 9 ms of the event loop for a 3,000-word page)."""
    if not same_in_utf16(text):
        analysis_json = json_to_utf16(analysis_json, text)
    return result_frame(analysis_json, **fields)
