"""Code points (Python) to UTF-16 units (JavaScript): the one conversion, with astral characters."""

from hypothesis import given, strategies as st

from claimlight.server.offsets import Utf16Map, analysis_to_utf16, same_in_utf16, utf16_length, utf16_offset
from claimlight.protocol import Analysis, Category, Span


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
