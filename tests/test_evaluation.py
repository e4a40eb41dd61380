"""The scorer follows shared/eval/FORMAT.md: half-overlap quote matching, speaker by name or
mention, actor mentions by type with optional strings ignored, number recall and precision, reported recall, and the
speaker of the reported spans found."""

import json

from claimlight.evaluation import load_gold, score
from claimlight.protocol import Analysis, Category, Span

TEXT = "“We will win,” said Ann Lee. Lee added that the plan works. The “reform” cost 5 million dollars in Paris."


def gold_file(tmp_path):
    d = {
        "id": "t",
        "text": TEXT,
        "quotes": [{"quote": "“We will win,”", "occurrence": 1, "speaker": "Ann Lee", "speaker_match": ["Lee"]}],
        "indirect": [{"text": "the plan works", "occurrence": 1, "speaker_match": ["Lee"]}],
        "non_quotes": [{"text": "“reform”", "occurrence": 1, "why": "scare quote"}],
        "actors": [{"name": "Ann Lee", "type": "person", "aliases": ["Ann Lee", "Lee"]}, {"name": "Paris", "type": "place", "aliases": ["Paris"]}],
        "optional": ["dollars"],
        "numbers": [{"text": "5 million dollars", "occurrence": 1}],
    }
    p = tmp_path / "g.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return load_gold(p)


def span(text, category, after=0, within=TEXT, **kw):
    start = within.index(text, after)
    return Span(start=start, end=start + len(text), category=Category(category), text=text, **kw)


def predicted(*spans):
    return Analysis(spans=list(spans), actors=[])


def test_perfect_prediction(tmp_path):
    s = score(gold_file(tmp_path), predicted(
        span("“We will win,”", "quote", speaker="Ann Lee"),
        span("Ann Lee", "person"),
        span("Lee", "person", after=TEXT.index("Lee added")),
        span("the plan works", "reported", speaker="Ann Lee"),
        span("5 million", "number"),
        span("Paris", "place"),
    ))
    assert (s.quotes.f1, s.attributed.f1, s.actors.f1, s.number_recall, s.reported_recall, s.reported_precision) == (1, 1, 1, 1, 1, 1)
    assert (s.reported_speaker_right, s.reported_speaker_total) == (1, 1)


def test_wrong_speaker_scare_quote_and_wrong_type_count_against(tmp_path):
    s = score(gold_file(tmp_path), predicted(
        span("“We will win,”", "quote", speaker="Paris"),
        span("“reform”", "quote"),
        span("Paris", "organization"),
        span("dollars", "organization"),  # inside an optional string, touching no gold mention: ignored
    ))
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn) == (1, 1, 0)
    assert s.attributed.tp == 0 and s.speaker_accuracy == 0
    assert (s.actors.tp, s.actors.fp, s.actors.fn) == (0, 1, 3)
    assert s.number_recall == 0 and s.reported_recall == 0


def test_number_precision_counts_every_span_that_is_no_claim(tmp_path):
    # "5 million" is the gold claim; "Paris" shown as a number is one a reader sees and is wrong
    s = score(gold_file(tmp_path), predicted(span("5 million", "number"), span("Paris", "number")))
    assert (s.numbers_found, s.numbers_total, s.numbers_touching, s.numbers_predicted) == (1, 1, 1, 2)
    assert s.number_recall == 1 and s.number_precision == 0.5
    assert "false number: 'Paris'" in s.errors


def test_half_overlap_is_enough_and_matching_is_one_to_one(tmp_path):
    s = score(gold_file(tmp_path), predicted(span("We will win,”", "quote", speaker="Lee"), span("We will win", "quote", speaker="Lee")))
    assert (s.quotes.tp, s.quotes.fp) == (1, 1)


NESTED = "“One customer told us, ‘Just send us whatever you have,’ and we did,” said Ann Lee."


def nested_gold(tmp_path, with_inner):
    quotes = [{"quote": "“One customer told us, ‘Just send us whatever you have,’ and we did,”", "occurrence": 1, "speaker": "Ann Lee", "speaker_match": ["Lee"]}]
    if with_inner:
        # listed first: matching must still pair each predicted quote with its own gold quote
        quotes.insert(0, {"quote": "‘Just send us whatever you have,’", "occurrence": 1, "speaker": "a customer", "speaker_match": ["customer"]})
    p = tmp_path / "n.json"
    p.write_text(json.dumps({"id": "n", "text": NESTED, "quotes": quotes}, ensure_ascii=False), encoding="utf-8")
    return load_gold(p)


OUTER = "“One customer told us, ‘Just send us whatever you have,’ and we did,”"
INNER = "‘Just send us whatever you have,’"
# the outer quote and the one inside it, each with its own speaker
NESTED_SPANS = (
    span(OUTER, "quote", within=NESTED, speaker="Ann Lee", quote_id=1),
    span(INNER, "quote", within=NESTED, speaker="One customer", quote_id=2, nested_in=1),
)


def test_a_nested_quote_counts_when_the_gold_has_it(tmp_path):
    s = score(nested_gold(tmp_path, with_inner=True), predicted(*NESTED_SPANS))
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn, s.speaker_right) == (2, 0, 0, 2)
    # the gold's inner quote missed
    s = score(nested_gold(tmp_path, with_inner=True), predicted(NESTED_SPANS[0]))
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn) == (1, 0, 1)


def test_a_nested_quote_is_neither_right_nor_wrong_when_the_gold_covers_it_with_the_outer_one(tmp_path):
    s = score(nested_gold(tmp_path, with_inner=False), predicted(*NESTED_SPANS))
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn, s.attributed.f1) == (1, 0, 0, 1)
    # without a matched outer quote around it, it is a false quote like any other
    s = score(nested_gold(tmp_path, with_inner=False), predicted(NESTED_SPANS[1]))
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn) == (0, 1, 1)


REPORTED = "Ann Lee said the plan works and that the vote, which Bo Chen opposed, was fair."
PLAN, VOTE = "the plan works", "the vote, which Bo Chen opposed, was fair"


def reported_gold(tmp_path, indirect):
    p = tmp_path / "r.json"
    p.write_text(json.dumps({"id": "r", "text": REPORTED, "indirect_abs": indirect}), encoding="utf-8")
    return load_gold(p)


def test_a_found_reported_span_has_its_speaker_right_by_name_or_by_mention(tmp_path):
    lee = [0, 7]
    gold = reported_gold(tmp_path, [
        {"start": REPORTED.index(PLAN), "end": REPORTED.index(PLAN) + len(PLAN), "speaker_match": ["Lee"], "speaker_span": lee},
        {"start": REPORTED.index(VOTE), "end": REPORTED.index(VOTE) + len(VOTE), "speaker_match": [], "speaker_span": lee},
    ])
    by_mention = dict(speaker="she", speaker_start=0, speaker_end=3)
    s = score(gold, predicted(span(PLAN, "reported", within=REPORTED, speaker="Ann Lee"), span(VOTE, "reported", within=REPORTED, **by_mention)))
    assert (s.reported_found, s.reported_speaker_right, s.reported_speaker_total, s.reported_speaker_accuracy) == (2, 2, 2, 1)
    # a wrong speaker counts against, and is listed among the errors
    s = score(gold, predicted(span(PLAN, "reported", within=REPORTED, speaker="Bo Chen"), span(VOTE, "reported", within=REPORTED, **by_mention)))
    assert (s.reported_speaker_right, s.reported_speaker_total) == (1, 2)
    assert any(e.startswith("reported speaker") and "Bo Chen" in e for e in s.errors)


def test_the_reported_speaker_is_judged_on_the_span_covering_most_and_only_when_the_gold_names_one(tmp_path):
    start = REPORTED.index(VOTE)
    gold = reported_gold(tmp_path, [{"start": start, "end": start + len(VOTE), "speaker_match": ["Lee"], "speaker_span": None}])
    # the relative clause's few words, given to Bo Chen, do not decide the clause Ann Lee reports
    s = score(gold, predicted(span(VOTE, "reported", within=REPORTED, speaker="Ann Lee"), span("Bo Chen opposed", "reported", within=REPORTED, speaker="Bo Chen")))
    assert (s.reported_speaker_right, s.reported_speaker_total) == (1, 1)
    # a found span whose gold names no source is counted as found, not for its speaker
    gold = reported_gold(tmp_path, [{"start": start, "end": start + len(VOTE), "speaker_match": [], "speaker_span": None}])
    s = score(gold, predicted(span(VOTE, "reported", within=REPORTED, speaker="Bo Chen")))
    assert (s.reported_found, s.reported_speaker_total, s.reported_speaker_accuracy) == (1, 0, 1)
    # and the totals add up over articles
    total = score(gold, predicted())
    total.add(s)
    assert (total.reported_found, total.reported_total) == (1, 2)
