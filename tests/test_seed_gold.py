"""Self-consistency checks for the hand-annotated seed articles in seeds/articles/.

The seed articles are used as exact test expectations and demo material, so their gold has to agree with
their own text: every annotated substring must exist at the stated occurrence, quotes must be delimited by
quotation marks, gold quotes must not overlap, every actor alias must occur as a whole word, and the set as
a whole must cover the genres (and the phenomena the set exists to exercise). A quote may sit inside another
when the text names its own speaker (a nested quotation), and a Q&A answer is a quote without marks.

Format: /work/shared/eval/FORMAT.md (occurrence is 1-based; offsets are Python code points). No spaCy needed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ARTICLES_DIR = Path(__file__).resolve().parent.parent / "seeds" / "articles"
PATHS = sorted(ARTICLES_DIR.glob("*.json"))

GENRES = {
    "entertainment", "investigation", "conflict", "panel",
    "wire", "business", "sports", "court", "op-ed", "qa", "live-blog", "british", "science", "obituary", "council",
    "politics", "profile", "health", "hearing", "crime", "ruling", "parliament", "weather", "arts", "community",
    "aviation", "education", "agriculture", "review", "fisheries", "travel", "religion", "election",
    "consumer", "explainer", "tribute",
    "radio", "debate", "factcheck", "podcast", "labour", "letter", "technology",
}
REQUIRED = {
    "id": str, "genre": str, "title": str, "text": str, "notes": str,
    "quotes": list, "indirect": list, "non_quotes": list, "actors": list, "optional": list, "numbers": list,
}
ACTOR_TYPES = {"person", "organization", "place"}
WHY = {"scare quote", "title", "nickname", "mention"}
# Opening mark -> the closing marks that may end a quote opened with it: English curly and straight marks,
# German „…“ and ‚…‘, guillemets pointing inward (»…«, ›…‹, German and Danish) or outward («…», French).
PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "„": "“”", "‚": "‘’", "»": "«»", "«": "»", "›": "‹›", "‹": "›"}
DOUBLE_MARKS = "“”\"„»«"
# kind "answer": a Q&A answer printed without quotation marks, the text of its paragraph after any label.
KINDS = {"direct", "answer"}
_LABEL = re.compile(r"(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}|Q|A)[:.] ")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def nth_index(text: str, sub: str, n: int) -> int:
    """Start of the n-th (1-based) occurrence of sub in text, counting overlapping matches; -1 if absent."""
    i = -1
    for _ in range(n):
        i = text.find(sub, i + 1)
        if i < 0:
            return -1
    return i


def span(text: str, sub: str, occurrence: int) -> tuple[int, int]:
    start = nth_index(text, sub, occurrence)
    assert start >= 0, f"{sub!r} does not occur {occurrence} time(s)"
    return start, start + len(sub)


def word_re(alias: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")


def gold_quote_spans(doc: dict) -> list[tuple[int, int, str]]:
    return [(*span(doc["text"], q["quote"], q["occurrence"]), q["quote"]) for q in doc["quotes"]]


def non_quote_spans(doc: dict) -> list[tuple[int, int, str]]:
    return [(*span(doc["text"], n["text"], n["occurrence"]), n["text"]) for n in doc["non_quotes"]]


@pytest.fixture(params=PATHS, ids=[p.stem for p in PATHS])
def doc(request) -> dict:
    return load(request.param)


def test_there_are_fifty_five_seed_articles():
    assert len(PATHS) >= 57, [p.name for p in PATHS]


def test_genres_cover_the_kinds():
    genres = {load(p)["genre"] for p in PATHS}
    assert genres == GENRES


def test_required_keys_and_types(doc):
    for key, typ in REQUIRED.items():
        assert key in doc, f"missing key {key!r}"
        assert isinstance(doc[key], typ), f"{key!r} should be {typ.__name__}"
    assert doc["notes"].strip()
    for q in doc["quotes"]:
        assert {"quote", "occurrence", "speaker", "speaker_match", "kind"} <= q.keys(), q
        assert q["kind"] in KINDS
        assert q["speaker"].strip()
    for item in doc["indirect"]:
        assert {"text", "occurrence", "speaker_match"} <= item.keys(), item
    for item in doc["non_quotes"]:
        assert {"text", "occurrence", "why"} <= item.keys(), item
        assert item["why"] in WHY, item
    for item in doc["numbers"]:
        assert {"text", "occurrence"} <= item.keys(), item
    for item in doc["quotes"] + doc["indirect"] + doc["non_quotes"] + doc["numbers"]:
        assert isinstance(item["occurrence"], int) and item["occurrence"] >= 1, item
    for item in doc["quotes"] + doc["indirect"]:
        sm = item["speaker_match"]
        assert isinstance(sm, list) and sm and all(isinstance(s, str) and s.strip() for s in sm), item


def test_file_name_id_and_title(doc):
    path = ARTICLES_DIR / f"{doc['id']}.json"
    assert path.exists(), "id must equal the file name stem"
    assert doc["id"].startswith(doc["genre"] + "-"), "files are named <genre>-<slug>.json"
    assert doc["text"].split("\n", 1)[0] == doc["title"], "the first line of text is the headline"


def test_text_shape(doc):
    text = doc["text"]
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert not re.search(r"(?<!\n)\n(?!\n)", text), "paragraphs are separated by exactly one blank line"
    assert all(p.strip() == p and p for p in text.split("\n\n"))
    assert 350 <= len(text.split()) <= 700


def test_quotes_occur_and_are_delimited(doc):
    text = doc["text"]
    for q in doc["quotes"]:
        s = q["quote"]
        start, end = span(text, s, q["occurrence"])
        if q["kind"] == "answer":
            # The whole paragraph after its label (if any): "REYES: …", "A. …" or a bare answer.
            line_start = text.rfind("\n", 0, start) + 1
            assert _LABEL.fullmatch(text[line_start:start]) or line_start == start, f"answer not at its paragraph start: {s!r}"
            assert end == len(text) or text[end] == "\n", f"answer does not run to its paragraph end: {s!r}"
            continue
        opener = s[0]
        assert opener in PAIRS, f"quote must start with a quotation mark: {s!r}"
        assert start == 0 or not text[start - 1].isalnum(), f"quote starts mid-word: {s!r}"
        if s[-1] in PAIRS[opener] and len(s) > 1:
            # Closed quote (trailing , . ? ! sits inside the marks, so the last character is the mark).
            assert end == len(text) or not text[end].isalnum(), f"quote ends mid-word: {s!r}"
        else:
            # A paragraph of a multi-paragraph quote: no closing mark, the paragraph ends here and
            # the next paragraph reopens with the same opening mark.
            assert text[end:end + 3] == "\n\n" + opener, f"unclosed quote that does not continue: {s!r}"


def test_gold_quotes_and_non_quotes_do_not_overlap(doc):
    """Quotes and non-quotes never cross; a quote lies inside another only as a nested quotation."""
    quotes = gold_quote_spans(doc)
    spans = sorted(quotes + non_quote_spans(doc), key=lambda s: (s[0], -s[1]))
    for i, (s1, e1, a) in enumerate(spans):
        for s2, e2, b in spans[i + 1 :]:
            if s2 >= e1:
                break
            nested = e2 <= e1 and (s1, e1, a) in quotes and (s2, e2, b) in quotes
            assert nested, f"overlap: {a!r} / {b!r}"


def test_non_quotes_are_in_quotation_marks(doc):
    for n in doc["non_quotes"]:
        s = n["text"]
        assert s[0] in PAIRS and any(c in s[1:] for c in PAIRS[s[0]]), s


def test_every_double_quotation_mark_is_annotated(doc):
    """Double marks are unambiguous (unlike ’ / ' which double as apostrophes), so each one must sit inside a
    gold quote or a non_quote: nothing quoted is left unannotated by accident."""
    text = doc["text"]
    covered = gold_quote_spans(doc) + non_quote_spans(doc)
    for i, ch in enumerate(text):
        if ch in DOUBLE_MARKS:
            assert any(s <= i < e for s, e, _ in covered), f"unannotated {ch!r} near {text[max(0, i - 40):i + 40]!r}"


def test_indirect_and_numbers_occur(doc):
    text = doc["text"]
    for item in doc["indirect"] + doc["numbers"]:
        span(text, item["text"], item["occurrence"])


def test_speaker_match_is_meaningful(doc):
    low = doc["text"].lower()
    for item in doc["quotes"] + doc["indirect"]:
        assert any(m.lower() in low for m in item["speaker_match"]), f"no speaker_match in text: {item}"
    for q in doc["quotes"]:
        assert any(m.lower() in q["speaker"].lower() for m in q["speaker_match"]), q


def test_actors(doc):
    text = doc["text"]
    names = [a["name"] for a in doc["actors"]]
    assert len(names) == len(set(names))
    seen: dict[str, str] = {}
    for actor in doc["actors"]:
        assert actor["type"] in ACTOR_TYPES, actor
        assert actor["aliases"], actor
        for alias in actor["aliases"]:
            assert word_re(alias).search(text), f"alias {alias!r} of {actor['name']} is not a whole word in the text"
            assert seen.setdefault(alias, actor["name"]) == actor["name"], f"alias {alias!r} used twice"


def test_optional_strings_occur(doc):
    for o in doc["optional"]:
        assert isinstance(o, str) and o in doc["text"], o


def test_set_covers_the_phenomena():
    """The seed set exists to exercise these cases; keep them when editing the articles."""
    docs = [load(p) for p in PATHS]
    whys = {n["why"] for d in docs for n in d["non_quotes"]}
    assert whys == WHY
    marked = [q for d in docs for q in d["quotes"] if q["kind"] == "direct"]
    openers = {q["quote"][0] for q in marked}
    assert openers >= {"“", '"', "‘", "'", "„", "‚", "»", "›"}, "curly, straight, German and guillemet marks"
    assert sum(q["kind"] == "answer" for d in docs for q in d["quotes"]) >= 10, "Q&A answers without marks"
    unclosed = nested = astral_before = 0
    for d in docs:
        text = d["text"]
        for q in d["quotes"]:
            s = q["quote"]
            start, _ = span(text, s, q["occurrence"])
            if q["kind"] == "answer":
                continue
            unclosed += s[-1] not in PAIRS[s[0]]
            inner = s[1:-1]
            nested += any(m.group(1) != s[0] for m in re.finditer(r"(?<!\w)([“\"‘'])\w", inner))
            astral_before += any(ord(c) > 0xFFFF for c in text[max(0, start - 3):start])
    assert unclosed >= 1, "a quote running over two paragraphs"
    assert nested >= 3, "nested quotations"
    assert astral_before >= 2, "astral characters (emoji) right before quotes"
    unnamed = [q for d in docs for q in d["quotes"] if re.match(r"(?i)(a|an|one)\s", q["speaker"])]
    assert len(unnamed) >= 3, "unnamed sources such as 'a senior official'"
    assert sum("according to" in d["text"].lower() for d in docs) >= 4
    assert sum(len(d["indirect"]) for d in docs) >= 30
