"""The work an analysis leaves for the worker's idle time once its reply is out (`engine.idle`): its
coreference readings read on to the page's last paragraph. The page's next version, analysed after
it, equals its analysis from scratch, whether the idle work was done, cut short after any slice, or
not done; and the nested quotations' reading of a page grown at its end is taken up from there."""

import json

import pytest

from claimlight.bench import corpus
from claimlight.engine import checkpoints, idle, jobs, nested
from claimlight.paragraphs import paragraphs
from test_live_identity import ENTRY, SEEDS, _analyze, _bytes, _forget
from test_nested_replay import ENTRY as NESTED_ENTRY
from test_nested_replay import PAGE


def _analyze_then_idle(nlp, kept: dict[str, bytes], text: str, busy_after: int | None = None) -> dict:
    """`text` analysed as a worker's job that sends its reply first, then does its idle work; after
    `busy_after` slices a message "waits" and the rest is dropped (None: nothing ever waits)."""
    asked = []

    def busy() -> bool:
        asked.append(True)
        return busy_after is not None and len(asked) > busy_after

    sent = []

    def reply(result):
        sent.append(result)
        return busy

    jobs.set_replier(reply)
    try:
        got = jobs.merge_and_analyze(nlp, [kept[p] for p in paragraphs(text)], text)
    finally:
        jobs.set_replier(None)
    assert sent == [got]  # the reply went out once, before the idle work, and is the job's result
    return got


def _grown_agree(nlp, old: str, new: str, busy_after: int | None = None) -> dict:
    kept = _bytes(nlp, sorted({*paragraphs(old), *paragraphs(new)}))
    _forget()
    expected = _analyze(nlp, kept, new)
    _forget()
    _analyze_then_idle(nlp, kept, old, busy_after)
    assert _analyze(nlp, kept, new) == expected
    return expected


def test_the_nested_reading_is_read_on_in_idle_time_and_taken_up_from_there(nlp):
    old, new = (corpus.PARAGRAPH.join(v) for v in (PAGE, [*PAGE, NESTED_ENTRY]))
    kept = _bytes(nlp, sorted({*paragraphs(old), *paragraphs(new)}))
    counts = []
    for with_idle in (False, True):
        _forget()
        expected = _analyze(nlp, kept, new)
        _forget()
        if with_idle:
            _analyze_then_idle(nlp, kept, old)
        else:
            _analyze(nlp, kept, old)
        states = sorted(s.next for states in checkpoints._kept.values() for s in states)
        before = nested.replayed
        assert _analyze(nlp, kept, new) == expected
        counts.append((states, nested.replayed - before))
    (plain, replayed_plain), (read_on, replayed_idle) = counts
    # the idle work saved both readings' states at the last paragraph's start, and the nested
    # reading's replay covered at least as much as without it
    mark = max(read_on)
    assert read_on.count(mark) == 2 and plain.count(mark) < 2
    assert replayed_idle >= replayed_plain
    _forget()


@pytest.mark.parametrize("busy_after", [0, 1, 2, 3])
def test_idle_work_cut_short_after_any_slice_changes_nothing(nlp, monkeypatch, busy_after):
    monkeypatch.setattr(idle, "SLICE_TOKENS", 7)
    _grown_agree(nlp, corpus.PARAGRAPH.join(PAGE), corpus.PARAGRAPH.join([*PAGE, NESTED_ENTRY]), busy_after)
    _forget()


@pytest.mark.parametrize("where", ["end", "middle", "top"])
def test_every_seed_grown_after_its_idle_work_is_analysed_as_from_scratch(nlp, where):
    articles = [json.loads(path.read_text(encoding="utf-8"))["text"].split("\n\n") for path in SEEDS]
    for k, parts in enumerate(articles):
        if len(parts) < 2:
            continue
        at = {"end": len(parts), "middle": len(parts) // 2, "top": 0}[where]
        other = articles[(k + 1) % len(articles)]
        entry = ENTRY if k % 2 == 0 else max(other[1:] or other, key=len)
        _grown_agree(nlp, "\n\n".join(parts), "\n\n".join([*parts[:at], entry, *parts[at:]]))
    _forget()


def test_nothing_is_held_outside_a_worker_that_replies_early(nlp):
    """Without a worker's replier, an analysis leaves nothing for idle work (and holds nothing)."""
    text = corpus.PARAGRAPH.join(PAGE)
    kept = _bytes(nlp, paragraphs(text))
    _forget()
    jobs.merge_and_analyze(nlp, [kept[p] for p in paragraphs(text)], text)
    assert idle.take() is None
    _analyze(nlp, kept, text)
    assert idle.take() is None
    _forget()


def test_a_page_too_long_for_a_saved_state_is_not_read_on(nlp, monkeypatch):
    """The store keeps no state past half its tokens (`Checkpoints.save`): reading on would cost a
    long page's CPU, beside the other workers' jobs, for nothing."""
    monkeypatch.setattr(checkpoints, "KEPT_TOKENS", 40)
    text = corpus.PARAGRAPH.join(PAGE)
    kept = _bytes(nlp, paragraphs(text))
    _forget()
    read = []
    real = idle.steps

    def counted(left):
        for step in real(left):
            read.append(step)
            yield step

    monkeypatch.setattr(idle, "steps", counted)
    _analyze_then_idle(nlp, kept, text)
    assert read == []
    _forget()


def test_the_states_an_analysis_leaves_unsaved_are_saved_when_its_idle_work_never_starts(nlp, monkeypatch):
    """In a worker that replies early the readings' states where they stopped are saved after the
    reply (`idle.leave`, `checkpoints.hand_over`): by the idle work first, or, when a message waits
    before it starts, as the job ends (`idle.drop`). Either way the store holds what an analysis
    outside a worker saves at its end (`checkpoints.close`)."""
    text = corpus.PARAGRAPH.join(PAGE)
    kept = _bytes(nlp, paragraphs(text))

    def saved() -> list:
        return sorted(((s.next, s.quoted, s.facts) for states in checkpoints._kept.values() for s in states), key=lambda x: x[:2])

    _forget()
    _analyze(nlp, kept, text)
    plain = saved()
    _forget()
    left_to_drop = []
    real_drop = idle.drop

    def drop():
        left_to_drop.append(len(idle._unsaved))
        real_drop()

    monkeypatch.setattr(idle, "drop", drop)
    _analyze_then_idle(nlp, kept, text, busy_after=0)
    assert left_to_drop == [2]  # (both readings' states, saved as the job ended)
    assert plain and saved() == plain and not idle._unsaved
    _forget()
