"""The page scoring of `claimlight pages` (claimlight.evaluation.pages), on small hand-made cases: the
figures must mean what the corpus README says they mean."""

from __future__ import annotations

import json

import pytest
from claimlight.protocol import Analysis, Category, Span

from claimlight.evaluation.pages import (
    GoldQuote,
    gold_actor_spans,
    Highlight,
    Observation,
    PageGold,
    extraction,
    load_page_gold,
    locate,
    normalise,
    overall,
    paragraphs,
    score_page,
)

P1 = "The council voted on Tuesday to close the bridge until April, officials said."
P2 = "“We will fix it properly this time,” said Mayor Elena Varga. “Nobody wants another winter like this.”"
P3 = "Traders said footfall had fallen by 40% since the closure began in August."
TEXT = "\n\n".join([P1, P2, P3])
HEADLINE = "Bridge to stay shut until spring"
Q1 = "“We will fix it properly this time,”"
Q2 = "“Nobody wants another winter like this.”"

GOLD = PageGold(name="bridge", article=True, shape="p-article", text=TEXT, optional=(HEADLINE,),
                quotes=(GoldQuote(Q1, "Elena Varga"), GoldQuote(Q2, "Elena Varga")))
NOT_ARTICLE = PageGold(name="front", article=False, shape="front-page")

# The page's text around the article as the observer reads it: U+2029 marks block boundaries,
# U+2028 line breaks.
B, BR = "\u2029", "\u2028"
BEFORE_BODY = f"Northport Courier{B}News Sport{B}{HEADLINE}{B}By Martha Quill · 4 November{B}"
AFTER_BODY = f"{B}Comments (2){B}harbourdog: “We will fix it properly this time,” they said in 2019 too.{B}"
PAGE = BEFORE_BODY + B.join([P1, P2, P3]) + AFTER_BODY


def hl(category: str, text: str, occurrence: int = 1, page: str = PAGE, context: int = 60) -> Highlight:
    """The highlight the observer would report for the n-th occurrence of `text` on the page."""
    at = -1
    for _ in range(occurrence):
        at = page.index(text, at + 1)
    return Highlight(category, text, page[max(0, at - context) : at], page[at + len(text) : at + len(text) + context])


def test_normalise_collapses_whitespace_and_drops_invisible_characters():
    assert normalise("  a\n\n b\t c\u00adc d\u200be ") == "a b cc de"
    # A word joiner or a zero-width no-break space inside a name is the same name; a ZWJ is kept.
    assert normalise("Schwarzen\u2060berger B\u00f6tt\ufeffcher \U0001F469\u200d\U0001F680") == "Schwarzenberger B\u00f6ttcher \U0001F469\u200d\U0001F680"


# --- extraction --------------------------------------------------------------------------------------


def test_the_gold_paragraphs_score_one_and_one():
    e = extraction(GOLD, [P1, P2, P3])
    assert (e.precision, e.recall) == (1.0, 1.0)


def test_headline_is_neither_right_nor_wrong():
    e = extraction(GOLD, [HEADLINE, P1, P2, P3])
    assert (e.precision, e.recall) == (1.0, 1.0)
    assert e.optional == len(HEADLINE) + 1
    # Also when it shares a block with the first paragraph, as <div> soup makes it.
    e = extraction(GOLD, [HEADLINE + " " + P1, P2, P3])
    assert (e.precision, e.recall) == (1.0, 1.0)


def test_chrome_costs_precision_and_a_missing_paragraph_costs_recall():
    comment = "harbourdog: they said that in 2019 too."
    e = extraction(GOLD, [P1, P2, P3, comment])
    assert e.recall == 1.0
    assert e.precision == pytest.approx(e.gold / (e.gold + len(comment) + 1))
    e = extraction(GOLD, [P1, P3])
    assert e.precision == 1.0
    assert e.recall == pytest.approx((len(P1) + len(P3) + 2) / (len(normalise(TEXT)) + 1))


def test_a_paragraph_analysed_twice_counts_once():
    e = extraction(GOLD, [P1, P2, P2, P3])
    assert e.recall == 1.0 and e.precision < 1.0


def test_nothing_analysed_is_zero_recall_and_no_precision():
    e = extraction(GOLD, [])
    assert (e.precision, e.recall) == (None, 0.0)


# --- placing highlights --------------------------------------------------------------------------------


def test_a_body_highlight_is_placed_where_it_is_in_the_text():
    text = normalise(TEXT)
    assert locate(hl("quote", Q1), paragraphs(TEXT)) == text.index(Q1)
    assert locate(hl("person", "Elena Varga"), paragraphs(TEXT)) == text.index("Elena Varga")


def test_the_same_words_in_a_comment_are_not_the_article():
    assert locate(hl("quote", Q1, occurrence=2), paragraphs(TEXT)) is None


def test_a_pull_quote_repeating_a_body_quote_is_not_the_article():
    # Set right after the paragraph it is drawn from, alone in its block: the text after it agrees
    # with the gold, the text before it does not.
    page = PAGE.replace(P3, f"{Q2}{B}{P3}")
    assert locate(hl("quote", Q2, occurrence=2, page=page), paragraphs(TEXT)) is None
    assert locate(hl("quote", Q2, occurrence=1, page=page), paragraphs(TEXT)) == normalise(TEXT).index(Q2)


def test_a_paragraph_between_a_byline_and_a_caption_is_the_article():
    # The page text differs right before the first paragraph and right after the second, but both
    # have a paragraph break there.
    page = PAGE.replace(P3, f"Engineers on the span. Photo: Tom Hughes{B}{P3}")
    assert locate(hl("organization", "The council", page=page), paragraphs(TEXT)) == 0
    assert locate(hl("quote", Q2, page=page), paragraphs(TEXT)) == normalise(TEXT).index(Q2)


def test_hard_wrapped_lines_continue_their_paragraph_and_a_credit_line_ends_it():
    wire = P3.replace("fallen by", f"fallen{BR}by") + f"{BR}(Reporting by Katrin Vogel)"
    page = BEFORE_BODY + B.join([P1, P2, wire])
    assert locate(hl("number", "40%", page=page), paragraphs(TEXT)) == normalise(TEXT).index("40%")
    assert locate(hl("place", "August", page=page), paragraphs(TEXT)) == normalise(TEXT).index("August")
    assert locate(hl("person", "Katrin Vogel", page=page), paragraphs(TEXT)) is None


def test_a_highlight_in_the_headline_is_placed_in_the_optional_text_only():
    h = hl("place", "Bridge")  # the first "Bridge" on the page is in the headline
    assert locate(h, paragraphs(TEXT)) is None
    assert locate(h, HEADLINE) == 0


# --- a page's score -------------------------------------------------------------------------------------


def test_a_perfect_page_passes():
    obs = Observation(active=True, is_article=True, blocks=[P1, P2, P3],
                      highlights=[hl("quote", Q1), hl("quote", Q2), hl("speaker", "Elena Varga"), hl("place", "Bridge")])
    s = score_page(GOLD, obs)
    assert (s.quotes_found, s.quotes_total, s.quote_hl_right, s.quote_hl_judged) == (2, 2, 2, 2)
    assert s.outside == []
    assert s.passes and s.failures() == []


def test_a_quote_counts_when_half_of_it_is_highlighted():
    half = Q1[: len(Q1) // 2 + 1]
    obs = Observation(active=True, is_article=True, blocks=[P1, P2, P3], highlights=[hl("quote", half), hl("quote", Q2[:5])])
    s = score_page(GOLD, obs)
    assert s.quotes_found == 1
    assert s.missed_quotes == [Q2]


def test_highlights_outside_the_article_are_listed_and_spoil_quote_precision():
    obs = Observation(active=True, is_article=True, blocks=[P1, P2, P3],
                      highlights=[hl("quote", Q1), hl("quote", Q1, occurrence=2), hl("person", "Martha Quill")])
    s = score_page(GOLD, obs)
    assert s.outside == [f"quote: {Q1}", "person: Martha Quill"]
    assert (s.quote_hl_right, s.quote_hl_judged) == (1, 2)
    assert not s.passes
    assert any("outside the article" in f for f in s.failures())


def test_an_article_left_alone_fails_detection_and_recall():
    s = score_page(GOLD, Observation(active=False, is_article=False))
    assert not s.detection_ok and not s.passes
    assert s.extraction.recall == 0.0 and s.quotes_found == 0


def test_a_page_that_is_not_an_article_must_be_left_alone():
    assert score_page(NOT_ARTICLE, Observation(active=False, is_article=False)).passes
    busy = score_page(NOT_ARTICLE, Observation(active=True, is_article=True, blocks=["Teaser."], highlights=[hl("person", "Martha Quill")]))
    assert not busy.detection_ok and busy.outside == ["person: Martha Quill"]


def test_overall_sums_characters_and_quotes():
    good = score_page(GOLD, Observation(active=True, is_article=True, blocks=[P1, P2, P3], highlights=[hl("quote", Q1), hl("quote", Q2)]))
    missing = score_page(GOLD, Observation(active=False, is_article=False))
    total = overall([good, missing, score_page(NOT_ARTICLE, Observation(active=False, is_article=False))])
    assert (total.pages, total.articles, total.passes, total.detection_ok) == (3, 2, 2, 2)
    assert total.extraction.recall == pytest.approx(0.5)
    assert (total.quotes_found, total.quotes_total) == (2, 4)


# --- gold files --------------------------------------------------------------------------------------------


def write(tmp_path, name: str, data: dict):
    path = tmp_path / f"{name}.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_gold_quotes_must_be_in_the_text(tmp_path):
    ok = write(tmp_path, "ok", {"article": True, "shape": "s", "text": TEXT, "quotes": [{"quote": Q1, "speaker": "V"}]})
    assert load_page_gold(ok).quote_spans() == [(normalise(TEXT).index(Q1), normalise(TEXT).index(Q1) + len(Q1))]
    bad = write(tmp_path, "bad", {"article": True, "shape": "s", "text": TEXT, "quotes": [{"quote": "“Never said,”", "speaker": "V"}]})
    with pytest.raises(ValueError, match="not in the text"):
        load_page_gold(bad)


def test_a_page_that_is_not_an_article_has_no_text(tmp_path):
    with pytest.raises(ValueError, match="no text"):
        load_page_gold(write(tmp_path, "front", {"article": False, "shape": "front-page", "text": "Teaser."}))
    with pytest.raises(ValueError, match="needs"):
        load_page_gold(write(tmp_path, "broken", {"shape": "x"}))


# --- actors ------------------------------------------------------------------------------------------------


def _engine_on(text: str) -> Analysis:
    """A stand-in for the engine: the names it would find in the gold text, wherever they are."""
    spans = []
    for name, category in (("Elena Varga", Category.speaker), ("Traders", Category.person), ("August", Category.number)):
        at = text.find(name)
        if at >= 0:
            spans.append(Span(start=at, end=at + len(name), category=category, text=name))
    return Analysis(spans=spans, actors=[])


def test_actor_mentions_are_placed_in_the_gold_paragraphs():
    actors = gold_actor_spans(GOLD, _engine_on)
    text = paragraphs(GOLD.text)
    assert [text[s:e] for s, e in actors] == ["Elena Varga", "Traders"]  # numbers are not actors
    assert gold_actor_spans(NOT_ARTICLE, _engine_on) == []


def test_actor_recall_counts_actor_highlights_of_any_actor_category():
    actors = gold_actor_spans(GOLD, _engine_on)
    painted = Observation(active=True, is_article=True, blocks=[P1, P2, P3], highlights=[hl("person", "Elena Varga")])
    score = score_page(GOLD, painted, actors)
    assert (score.actors_found, score.actors_total, score.actor_recall) == (1, 2, 0.5)
    # A highlight of another category covers no actor; without actor spans there is no actor figure.
    other = Observation(active=True, is_article=True, blocks=[P1, P2, P3], highlights=[hl("number", "Traders")])
    assert score_page(GOLD, other, actors).actors_found == 0
    assert score_page(GOLD, painted).actor_recall is None
    assert overall([score, score_page(GOLD, painted)]).as_dict()["actors"] == {"found": 1, "total": 2}


def test_a_caption_told_as_prose_is_the_article_with_its_counter_and_credit_on_its_line():
    # A photo essay: each gold paragraph is a caption's prose; on the page, its counter and its
    # credit share the caption's line.
    page = BEFORE_BODY + B.join([P1, f"2/3 {P2} Photograph: Tom Hughes", P3]) + AFTER_BODY
    assert locate(hl("quote", Q2, page=page), paragraphs(TEXT)) == normalise(TEXT).index(Q2)
    assert locate(hl("quote", Q1, page=page), paragraphs(TEXT)) == normalise(TEXT).index(Q1)
    # Only one side may stop at the caption's edge: the other must agree with the article.
    assert locate(hl("quote", Q1, occurrence=2, page=page), paragraphs(TEXT)) is None
    lone = BEFORE_BODY + B.join([P1, f"Fans: {Q2} Photograph: Tom Hughes", P3])
    assert locate(hl("quote", Q2, page=lone), paragraphs(TEXT)) is None
