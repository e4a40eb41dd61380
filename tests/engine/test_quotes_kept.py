"""A line's quotations kept by its text (`engine.quotes`) are those a fresh scan finds, wherever the
line stands; the store is bounded by bytes, and a very long text keeps nothing."""

from claimlight.engine import quotes
from claimlight.engine.quotes import find_quotations

LINES = [
    "“We will reopen the bridge,” said Ines Brannick, the harbour master.",
    "The council called it ‘a temporary measure’ and said: “Nobody should worry.",
    "“It will take weeks,” she added, “not days.”",
    "Rock 'n' roll fans queued for the '90s revival at the states’ fair.",
]


def test_kept_lines_give_what_a_fresh_scan_gives_wherever_they_stand():
    quotes.forget()
    text = "\n\n".join(LINES)
    first = find_quotations(text)
    moved = "\n\n".join(["A new line on top, “with a quotation of its own.”", *LINES])
    kept = find_quotations(moved)  # every line of `text` found kept, one place further down
    quotes.forget()
    assert kept == find_quotations(moved)
    assert quotes.kept_bytes() > 0
    assert first == find_quotations(text)


def test_the_kept_lines_are_bounded_and_a_very_long_text_keeps_none(monkeypatch):
    quotes.forget()
    monkeypatch.setattr(quotes._kept, "max_weight", 2_000)  # (the store's bound, `KEPT_BYTES` when made)
    for k in range(200):
        find_quotations(f"Line {k}: “a quotation,” said someone.")
    assert 0 < quotes.kept_bytes() <= 2_000
    quotes.forget()
    expected = find_quotations("\n".join(LINES))
    quotes.forget()
    monkeypatch.setattr(quotes, "KEPT_TEXT_CHARS", 100)
    assert find_quotations("\n".join(LINES)) == expected
    assert quotes.kept_bytes() == 0
