"""A job's memory zone is kept for the worker's next job on the same page (`engine.zones`).

What a kept zone changes is only which strings and lexemes are already made when a job starts: the
analysis must be the same as in a zone of its own, the zone must close for another page, a long
text, a failed job and after its bounds, and the express lane must enter the open zone rather than
nest one (spaCy's zones may not be nested: an inner one's end drops the outer one's strings).
"""

from __future__ import annotations

import pytest

from claimlight.engine import jobs, parsed, zones
from claimlight.engine.nlp import load_nlp
from claimlight.paragraphs import paragraphs
from claimlight.server.plan import paragraph_key

PAGE = ("Councillor Zephyrine Okonkwo-Laridae opened the session on Tuesday.\n\n"
        "“We will not wait another winter,” Okonkwo-Laridae said of the Quellmarsh bridge.\n\n"
        "The works would cost 4.2 million krona, the engineer Tomasz Vilbrecht told the council.")
ENTRY = "“The money is there,” Vilbrecht said, adding that Quellmarsh residents had waited since 2019."
OTHER = "Rain fell over Harbourtown all week. Ferries to Oskvale were cancelled on Friday."


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(autouse=True)
def closed():
    zones.close()
    yield
    zones.close()


def keys_of(text: str) -> list[bytes]:
    return [paragraph_key(p) for p in paragraphs(text)]


def page_words_kept(nlp) -> bool:
    return "Quellmarsh" in nlp.vocab.strings and nlp.vocab.in_memory_zone


def grown(text: str) -> str:
    return text + "\n\n" + ENTRY


def test_an_update_on_the_same_page_finds_the_zone_open_and_gives_the_same_analysis(nlp):
    parsed.forget()
    text = grown(PAGE)
    items = paragraphs(text)
    fresh, _ = jobs.parse_and_analyze(nlp, list(items), text)  # (no keys: a zone of its own, closed)
    assert not zones.is_open() and "Quellmarsh" not in nlp.vocab.strings
    jobs.merge_and_analyze(nlp, jobs.parse_paragraph_list(nlp, paragraphs(PAGE))[0], PAGE, keys=keys_of(PAGE))
    assert zones.is_open() and page_words_kept(nlp)
    again, _ = jobs.parse_and_analyze(nlp, list(items), text, keys=keys_of(text))
    assert zones.is_open() and page_words_kept(nlp)
    assert again == fresh


def test_another_page_closes_the_zone_and_its_words_go(nlp):
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys_of(PAGE))
    assert page_words_kept(nlp)
    jobs.parse_paragraph_list(nlp, paragraphs(OTHER), keys=keys_of(OTHER))
    assert zones.is_open() and "Oskvale" in nlp.vocab.strings and "Quellmarsh" not in nlp.vocab.strings


def test_a_job_without_keys_a_long_text_and_a_failure_leave_no_zone(nlp, monkeypatch):
    jobs.analyze_text(nlp, PAGE)
    assert not zones.is_open()
    monkeypatch.setattr(zones, "KEEP_CHARS", 50)
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys_of(PAGE))
    assert not zones.is_open() and "Quellmarsh" not in nlp.vocab.strings
    monkeypatch.undo()
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys_of(PAGE))
    assert zones.is_open()
    with pytest.raises(ValueError):  # (paragraphs that do not join up to the text)
        jobs.merge_and_analyze(nlp, jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys_of(PAGE))[0], PAGE + "!",
                               keys=keys_of(PAGE))
    assert not zones.is_open() and not nlp.vocab.in_memory_zone


def test_a_zone_serves_at_most_its_jobs_and_characters(nlp, monkeypatch):
    monkeypatch.setattr(zones, "MAX_JOBS", 2)
    keys = keys_of(PAGE)
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys)
    nlp.vocab.strings.add("Xyloquandrix")  # (a string of the first zone: dropped when the third job opens another)
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys)
    assert "Xyloquandrix" in nlp.vocab.strings
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys)
    assert zones.is_open() and "Xyloquandrix" not in nlp.vocab.strings
    monkeypatch.setattr(zones, "MAX_JOBS", 200)
    monkeypatch.setattr(zones, "MAX_CHARS", len(PAGE) + 10)
    nlp.vocab.strings.add("Xyloquandrix")
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys)
    assert "Xyloquandrix" not in nlp.vocab.strings


def test_the_express_lane_enters_the_open_zone_and_leaves_it_open(nlp):
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys_of(PAGE))
    with zones.entered(nlp):
        nlp.vocab.strings.add("Xyloquandrix")
    assert zones.is_open() and page_words_kept(nlp) and "Xyloquandrix" in nlp.vocab.strings
    zones.close()
    assert not nlp.vocab.in_memory_zone and "Xyloquandrix" not in nlp.vocab.strings
    with zones.entered(nlp):  # no zone open: one of its own, closed after
        nlp.vocab.strings.add("Xyloquandrix")
        assert nlp.vocab.in_memory_zone
    assert not nlp.vocab.in_memory_zone and "Xyloquandrix" not in nlp.vocab.strings


def test_a_zone_ended_by_someone_else_is_not_used_again(nlp):
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys_of(PAGE))
    with nlp.memory_zone():  # (nested: its end drops the kept zone's strings and leaves no zone)
        pass
    assert not nlp.vocab.in_memory_zone
    jobs.parse_paragraph_list(nlp, paragraphs(PAGE), keys=keys_of(PAGE))
    assert zones.is_open() and nlp.vocab.in_memory_zone and page_words_kept(nlp)
