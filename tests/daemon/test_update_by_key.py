"""An update's job names the parses its worker keeps by their keys (`engine.jobs.parse_and_analyze`).

A kept parse is named by the daemon's key for its paragraph once a job has carried it with its key
(`engine.parsed.name`); a job may then give None for it. A name goes with its entry when the entry
is dropped, so a job naming a paragraph the process no longer keeps fails before any work
(`engine.jobs.Lacking`), with the indexes to send again, never with another paragraph's parse.
"""

from __future__ import annotations

import pytest

from claimlight.engine import jobs, parsed
from claimlight.engine.nlp import load_nlp
from claimlight.server.plan import paragraph_key

PARAGRAPHS = ["The council met on Monday.\n\n", "“We are ready,” said Ana Berit, the clerk.\n\n", "Rain fell all week."]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_named_parse_is_taken_by_its_key_and_an_evicted_one_is_asked_for(nlp, monkeypatch):
    parsed.forget()
    text = "".join(PARAGRAPHS)
    keys = [paragraph_key(p) for p in PARAGRAPHS]
    whole, parts = jobs.parse_and_analyze(nlp, list(PARAGRAPHS), text, keys=keys)
    assert [parsed.held(k) for k in keys] == parts
    # Named by their keys alone, the same analysis.
    again, new = jobs.parse_and_analyze(nlp, [None, None, PARAGRAPHS[2]], text, keys=keys)
    assert again == whole and len(new) == 1
    # A paragraph dropped from the store loses its name with it: the job asks for it before any work.
    parsed._drop(parts[1])
    assert parsed.held(keys[1]) is None and parsed.held(keys[0]) == parts[0]
    with pytest.raises(jobs.Lacking) as lacking:
        jobs.parse_and_analyze(nlp, [None, None, None], text, keys=keys)
    assert lacking.value.indexes == [1]
    assert jobs.parse_and_analyze(nlp, [None, parts[1], None], text, keys=keys)[0] == whole
    # Pushed out by the bound, too.
    monkeypatch.setattr(parsed, "KEPT_BYTES", 0)
    parsed._trim()
    assert all(parsed.held(k) is None for k in keys) and not parsed._named
    parsed.forget()
