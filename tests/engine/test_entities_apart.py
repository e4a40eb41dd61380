"""The parse split between two workers (`engine.entities_apart`) gives exactly the pipeline's parse."""

import json
from pathlib import Path

import pytest

from claimlight.bench import corpus, live
from claimlight.engine import entities_apart, parsed
from claimlight.engine.entities_apart import NONE_CAME, THEIRS, UNFIT, can_split, entities, parse_each_apart
from claimlight.engine.nlp import parse_each
from claimlight.paragraphs import paragraphs

ROOT = Path(__file__).parents[2]
SHARED = ROOT.parent / "shared" / "eval"
PAGES = sorted((ROOT / "seeds" / "articles").glob("*.json")) + sorted((SHARED / "polnear-dev").glob("*.json"))


def _bytes(docs) -> list[bytes]:
    return [parsed.encode(doc) for doc in docs]


def _given(found):
    return lambda elapsed: found


def _batches():
    """Every paragraph of the seeds and PolNeAR's development articles, a page at a time, and live
    entries with a non-prose line among them."""
    for path in PAGES:
        yield paragraphs(json.loads(path.read_text(encoding="utf-8"))["text"])
    yield [live.entry(i) for i in range(12)] + ["| a | b |\n|---|---|\n| 1 | 2 |"]
    yield paragraphs(corpus.article(60_000, 3000))


def test_the_pipeline_can_be_split(nlp):
    assert can_split(nlp)


def test_entities_found_elsewhere_give_the_pipelines_parse_byte_for_byte(nlp):
    used = total = 0
    for parts in _batches():
        with nlp.memory_zone():
            expected = _bytes(parse_each(nlp, parts))
            found = entities(nlp, parts)
            docs, source = parse_each_apart(nlp, parts, _given(found))
            assert _bytes(docs) == expected
            used += source == THEIRS
            total += 1
    assert used >= total - 3  # the other worker's entities are nearly always the ones


def test_without_the_other_half_the_worker_runs_the_recogniser_itself(nlp):
    parts = [live.entry(i) for i in range(3)]
    with nlp.memory_zone():
        expected = _bytes(parse_each(nlp, parts))
        for missing, source in ((None, NONE_CAME), ([], UNFIT), (entities(nlp, parts)[:2], UNFIT)):
            docs, said = parse_each_apart(nlp, parts, _given(missing))
            assert said == source and _bytes(docs) == expected


@pytest.mark.parametrize("change", ["tokens", "across"])
def test_entities_that_do_not_fit_are_found_again(nlp, change):
    text = "Maria Lopez met the mayor of Springfield. New York Times reporters asked Jean Dupont about it."
    with nlp.memory_zone():
        doc, = parse_each(nlp, [text])
        expected = _bytes([doc])
        (count, ents), = entities(nlp, [text])
        if change == "tokens":
            wrong = [(count + 1, ents)]
        else:  # an entity running across the parser's second sentence start ("Springfield. New")
            second = next(t.i for t in doc if t.i > 0 and t.is_sent_start)
            wrong = [(count, [(second - 2, second + 1, "GPE")])]
        docs, source = parse_each_apart(nlp, [text], _given(wrong))
        assert source == UNFIT and _bytes(docs) == expected


def test_the_wait_is_told_how_long_this_half_took(nlp):
    seen = []
    parse_each_apart(nlp, [live.entry(1)], lambda elapsed: seen.append(elapsed))
    assert len(seen) == 1 and 0 < seen[0] < 5
    assert entities_apart.RECOGNISER == nlp.pipe_names[-1]
