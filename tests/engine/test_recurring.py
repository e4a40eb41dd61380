"""The search for a page's names line by line, kept (`engine.recurring`), finds what the search of
the whole text finds, whatever names were searched for before."""

import json
import random
import re
from pathlib import Path

from claimlight.bench import corpus
from claimlight.engine import recurring

ROOT = Path(__file__).parents[2]
TEXTS = sorted((ROOT / "seeds" / "articles").glob("*.json")) + sorted((ROOT.parent / "shared" / "eval" / "polnear-dev").glob("*.json"))


def _whole(text: str, names: frozenset[str]) -> list:
    return [(m.start(), m.end(), m.group(0)) for m in recurring.pattern(names).finditer(text)]


def test_the_kept_search_finds_what_the_whole_text_search_finds():
    recurring.forget()
    rng = random.Random(7)
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in TEXTS] + [corpus.article(67_000, 3000)]
    for text in texts:
        words = sorted(set(re.findall(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?", text)))
        # (names the text holds, a few more, one that is a prefix of others; the sets differ by trial,
        # so a kept block is taken again only when no name of the difference occurs in it)
        for _ in range(3):
            names = frozenset(rng.sample(words, min(len(words), 40)) + ["Kelsholm Ferries", "St."])
            assert recurring.occurrences(text, names) == _whole(text, names)
            assert recurring.occurrences(text, names) == _whole(text, names)  # (all of it kept)
        grown = text + "\n\nA new entry names Kelsholm Ferries and " + words[0] + " again." if words else text
        assert recurring.occurrences(grown, names) == _whole(grown, names)
        # a name added that occurs in a few old lines, one dropped: those lines are searched again
        changed = (names | set(words[-1:])) - set(sorted(names)[:1])
        assert recurring.occurrences(grown, changed) == _whole(grown, changed)
    recurring.forget()


def test_names_across_a_line_break_or_with_spaces_around_are_searched_in_the_whole_text():
    recurring.forget()
    text = "Port of\nVarnholm said. Varnholm said.\n\nPort of\nVarnholm again"
    for names in (frozenset({"Port of\nVarnholm", "Varnholm"}), frozenset({" Varnholm", "Port"})):
        assert recurring.occurrences(text, names) == _whole(text, names)
    assert recurring.kept_bytes() == 0  # (nothing kept of a whole-text search)


def test_the_kept_blocks_are_bounded_by_bytes(monkeypatch):
    recurring.forget()
    monkeypatch.setattr(recurring._kept, "max_weight", 5_000)  # (the store's bound, `KEPT_BYTES` when made)
    text = corpus.article(67_001, 3000)
    names = frozenset(re.findall(r"[A-Z][a-z]+", text)[:30])
    assert recurring.occurrences(text, names) == _whole(text, names)
    assert 0 < recurring.kept_bytes() <= 5_000
    assert recurring.kept_bytes() == sum(recurring._weight(b, f) for b, (_, f) in recurring._kept.items())
    recurring.forget()
    assert recurring.kept_bytes() == 0 and not recurring._kept


def test_the_blocks_end_where_each_run_of_whitespace_with_a_line_break_ends():
    # (runs of several breaks, a break among other whitespace, Unicode spaces, whitespace to the end)
    texts = ["", "\n", "one", "one\ntwo", "one \n\n  two\u00a0\nthree\r\n", "a\u2028 \u3000b\n\n", " \n\t\nx \n y"]
    for text in texts:
        bounds = [0, *(m.end() for m in re.finditer(r"\s*\n\s*", text) if m.end() < len(text)), len(text)]
        assert recurring._blocks(text) == [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def test_a_changed_name_that_occurs_across_a_line_break_or_twice_in_a_line_is_placed_in_its_block():
    recurring.forget()
    text = "Orla Brandt met Brandt.\nBrandt\nOrla said. Orla Brandt, Orla Brandt.\n\nNo names here.\nBrandtson left."
    first = frozenset({"Brandt"})
    assert recurring.occurrences(text, first) == _whole(text, first)
    for names in (frozenset({"Brandt", "Orla Brandt"}), frozenset({"Orla Brandt"}), frozenset({"Brandt\nOrla", "Orla"})):
        assert recurring.occurrences(text, names) == _whole(text, names)
    recurring.forget()


def test_a_new_blocks_matches_are_the_expressions_without_compiling_it():
    # (names that overlap, are prefixes of each other, touch a hyphen, an underscore, a digit of
    # another script or a letter with an accent, which the expression's `\w` counts as a word's)
    rng = random.Random(11)
    pieces = ["Ab", "A", "b", "-", "_", " ", "é", "٣", ".", "Abb", "\u00a0"]
    for _ in range(3000):
        block = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        names = sorted({"".join(rng.choice(["A", "b", "Ab", "-", ".", "é", " b"]) for _ in range(rng.randint(1, 3))) for _ in range(4)})
        names = [n for n in names if n == n.strip()]
        if names:
            assert recurring._matches(block, [n for n in names if n in block]) == tuple(_whole(block, frozenset(names)))
