"""Code points (Python) to UTF-16 units (JavaScript): the one conversion, with astral characters."""

from hypothesis import given, strategies as st

import typing

from pydantic import BaseModel

from claimlight.engine.jobs import as_json
from claimlight.server.offsets import OFFSET_FIELDS, Utf16Map, analysis_to_utf16, json_to_utf16, same_in_utf16, utf16_length, utf16_offset
from claimlight.protocol import Analysis, Category, ChainLink, Ledger, LedgerFigure, Span, Via


def js_slice(text: str, start16: int, end16: int) -> str:
    """What JavaScript's text.slice(start16, end16) returns."""
    units = text.encode("utf-16-le")
    return units[2 * start16 : 2 * end16].decode("utf-16-le")


def test_offsets_after_an_emoji_shift_by_one_per_astral_character():
    text = "🚨 “We are ready,” she said. 🇺🇦🇺🇦 “Again.”"
    start = text.index("“We")
    assert utf16_offset(text, start) == start + 1
    second = text.index("“Again")
    assert utf16_offset(text, second) == second + 5  # 🚨 + two flags of two regional indicators


def test_bmp_only_text_is_unchanged():
    text = "Plain “text” with curly quotes — and accents: café"
    to16 = Utf16Map(text)
    assert [to16(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_text_with_an_emoji_anywhere_is_not_the_same_in_utf16():
    assert same_in_utf16("") and same_in_utf16("plain") and same_in_utf16("“curly” — café, 東京, \uffff")
    for emoji in ("😀", "🇺🇦", "𝔸", "\U0010ffff"):
        for text in (emoji, f"{emoji} first", f"last {emoji}", f"“mid {emoji} dle”" * 3):
            assert not same_in_utf16(text), text


@given(st.text())
def test_same_in_utf16_is_what_the_offset_map_says(text):
    assert same_in_utf16(text) == Utf16Map(text).identity == (utf16_length(text) == len(text))


@given(st.text(), st.data())
def test_converted_offsets_slice_the_same_text_in_javascript(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    to16 = Utf16Map(text)
    assert js_slice(text, to16(start), to16(end)) == text[start:end]
    assert to16(len(text)) == utf16_length(text)


def test_analysis_spans_and_speaker_mentions_are_converted():
    text = "😀 “Hi,” said Ann."
    q = text.index("“")
    ann = text.index("Ann")
    analysis = Analysis(
        spans=[Span(start=q, end=q + 5, category=Category.quote, text="“Hi,”", speaker="Ann", speaker_start=ann, speaker_end=ann + 3)],
        actors=[],
    )
    wire = analysis_to_utf16(analysis, text).spans[0]
    assert js_slice(text, wire.start, wire.end) == "“Hi,”"
    assert js_slice(text, wire.speaker_start, wire.speaker_end) == "Ann"


def test_ledger_figures_are_converted_too():
    from claimlight.protocol import Ledger, LedgerFigure

    text = "🚨 Prices rose 12% in a year."
    at = text.index("12%")
    ledger = Ledger(words=6, quoted_words=0, reported_words=0, own_words=6, named_sources=0, unnamed_sources=0,
                    unattributed=0, sources=[], unsourced_figures=[LedgerFigure(start=at, end=at + 3, text="12%")])
    wire = analysis_to_utf16(Analysis(spans=[], actors=[], ledger=ledger), text).ledger.unsourced_figures[0]
    assert js_slice(text, wire.start, wire.end) == "12%"


# -- the same conversion on an analysis's JSON (`json_to_utf16`) --

# Strings a page may put in a span's text, a speaker's name or a chain link: some look like an offset
# field of the JSON, which must stay as they are.
_TRICKY = st.sampled_from(['",\"start\":5', '{"end":7}', ',"speaker_start":1', "start", "😀", "🇺🇦 end", "\\", "a"])
_WORDS = st.lists(st.one_of(_TRICKY, st.text(max_size=6)), max_size=4).map("".join)


@st.composite
def _analysis_of(draw, text: str) -> Analysis:
    offset = st.integers(0, len(text))

    def pair():
        a, b = sorted((draw(offset), draw(offset)))
        return a, b

    spans = []
    for _ in range(draw(st.integers(0, 5))):
        start, end = pair()
        speaker = draw(st.one_of(st.none(), st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))))
        via = None
        if draw(st.booleans()):
            via = Via(rule=draw(_WORDS), kind="named", chain=[ChainLink(text=draw(_WORDS), start=a, end=b) for a, b in [pair() for _ in range(draw(st.integers(0, 3)))]])
        spans.append(Span(start=start, end=end, category=draw(st.sampled_from(list(Category))), text=draw(_WORDS),
                          speaker=draw(st.one_of(st.none(), _WORDS)), speaker_start=speaker and min(speaker), speaker_end=speaker and max(speaker),
                          quote_id=draw(st.one_of(st.none(), st.integers(0, 99))), via=via))
    figures = [LedgerFigure(start=a, end=b, text=draw(_WORDS)) for a, b in [pair() for _ in range(draw(st.integers(0, 3)))]]
    ledger = Ledger(words=draw(st.integers(0, 99)), quoted_words=0, reported_words=0, own_words=0, named_sources=0, unnamed_sources=0,
                    unattributed=0, sources=[], unsourced_figures=figures) if draw(st.booleans()) else None
    return Analysis(spans=spans, actors=[], ledger=ledger)


@given(st.data())
def test_the_json_conversion_is_the_models_conversion(data):
    text = data.draw(st.lists(st.one_of(st.sampled_from(["😀", "🇺🇦", "𝔸", "“", "é"]), st.text(max_size=5)), max_size=12).map("".join))
    analysis = data.draw(_analysis_of(text))
    converted = json_to_utf16(as_json(analysis), text)
    assert Analysis.model_validate_json(converted) == analysis_to_utf16(analysis, text)
    if same_in_utf16(text):
        assert converted == as_json(analysis)


def _fields(model: type[BaseModel], seen: set) -> typing.Iterator[tuple[type[BaseModel], str, object]]:
    """Every field of `model` and of the models inside it: (its model, name, annotation)."""
    if model in seen:
        return
    seen.add(model)
    for name, field in model.model_fields.items():
        yield model, name, field.annotation
        for inner in _models_in(field.annotation):
            yield from _fields(inner, seen)


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def test_the_offset_fields_are_the_analysis_fields_so_named_and_every_one_is_an_integer():
    """`json_to_utf16` converts every field of these names: each must be an offset, and every offset must have one of them."""
    named = [(model, name, annotation) for model, name, annotation in _fields(Analysis, set()) if name in OFFSET_FIELDS]
    assert {name for _, name, _ in named} == set(OFFSET_FIELDS)
    assert all(annotation in (int, int | None) for _, _, annotation in named)
    # The models with such fields are those whose offsets `analysis_to_utf16` converts: spans, their chains, ledger figures.
    assert {model for model, _, _ in named} == {Span, ChainLink, LedgerFigure}
