"""Benchmark texts made from the seed articles: varied, so that no two are the same (none is cached).

The seed articles used are a fixed list (`corpus_seeds.txt`, the 77 seeds of 2026-11-30), not every
seed there is: new seeds are written all the time (held-out rounds), and each one changed every
benchmark page, so figures of two sessions measured different texts. Add to the list only on purpose,
and say so beside the figures.

`seed_texts()` are those seed articles as they are. `article(i, words)` is article number i of
about `words` words: seed paragraphs shuffled by a generator seeded with i, with surnames swapped for
others and digits changed, so every i gives a different text. The headline of the first seed used
stays first. The same i always gives the same text, so runs are comparable.
"""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "articles"
SEED_LIST = Path(__file__).with_name("corpus_seeds.txt")
PARAGRAPH = "\n\n"

SURNAMES = """Abbott Achebe Adeyemi Albrecht Alvarez Amsel Andersen Arkwright Baird Balogun Barros Beaumont
Bergstrom Bianchi Blackwood Bolton Brennan Calloway Castellano Chadwick Chowdhury Costa Dalgaard Delacroix
Donnelly Drummond Eastwood Eklund Ellery Farouk Fenwick Fitzroy Galloway Garrido Halvorsen Hargreaves Hawthorne
Iversen Jaramillo Kapoor Kessler Kowalczyk Lachance Lindholm Lockwood Maddox Marchetti Moreau Nakamura Nilsen
Oduya Okonjo Pemberton Quintero Radcliffe Rasmussen Sandoval Schreiber Sorensen Strand Tanaka Thornbury
Underhill Valdivia Vance Wexford Whitaker Yamamoto Zielinski""".split()


@lru_cache(maxsize=1)
def _seeds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(text, person surnames) of every seed article."""
    out = []
    names = SEED_LIST.read_text(encoding="utf-8").split()
    for path in [SEEDS / f"{name}.json" for name in sorted(names)]:
        data = json.loads(path.read_text(encoding="utf-8"))
        surnames = {
            alias.split()[-1]
            for actor in data.get("actors", []) if actor.get("type") == "person"
            for alias in actor.get("aliases", [actor["name"]])
            if alias[:1].isupper() and len(alias.split()[-1]) > 3
        }
        out.append((data["text"], tuple(sorted(surnames))))
    if not out:
        raise FileNotFoundError(f"no seed articles in {SEEDS}")
    return tuple(out)


def seed_texts() -> list[str]:
    return [text for text, _ in _seeds()]


def words(text: str) -> int:
    return len(text.split())


def _vary(text: str, surnames: tuple[str, ...], rng: random.Random) -> str:
    if surnames:
        swap = {name: rng.choice(SURNAMES) for name in surnames}
        text = re.sub(r"\b(" + "|".join(map(re.escape, surnames)) + r")\b", lambda m: swap[m.group(1)], text)
    return re.sub(r"\d", lambda m: str(rng.randrange(10)) if m.group() != "0" else "0", text)


def article(i: int, target_words: int = 550) -> str:
    """Article number `i`, of about `target_words` words (whole paragraphs, so a little more)."""
    rng = random.Random(i)
    seeds = list(_seeds())
    rng.shuffle(seeds)
    head, *rest = seeds
    paragraphs = []
    headline, *body = _vary(head[0], head[1], rng).split(PARAGRAPH)
    pool = body[:]
    for text, surnames in rest:
        pool.extend(_vary(text, surnames, rng).split(PARAGRAPH)[1:])  # other seeds' bodies, not headlines
    rng.shuffle(pool)
    count = words(headline)
    paragraphs.append(headline)
    while count < target_words:
        if not pool:  # longer than all seeds together: go round again, varied afresh
            pool = [_vary(t, s, rng) for t, s in seeds for t in t.split(PARAGRAPH)[1:]]
            rng.shuffle(pool)
        paragraph = pool.pop()
        paragraphs.append(paragraph)
        count += words(paragraph)
    # A serial number makes even two equal shuffles differ.
    paragraphs[0] = f"{paragraphs[0]} ({i})"
    return PARAGRAPH.join(paragraphs)


def articles(count: int, target_words: int = 550, first: int = 0) -> list[str]:
    return [article(first + i, target_words) for i in range(count)]


# --- texts that are not news: what a page can also show, and what must not cost more than news ---

# The huge page every figure that needs one sends: near the daemon's default limit of a million
# characters, so it is analysed, not refused.
HUGE_CHARS = 900_000


def prose(chars: int, first: int = 0) -> str:
    """Ordinary news prose of exactly `chars` characters: benchmark articles one after another."""
    parts, total, i = [], 0, first
    while total < chars:
        parts.append(article(i, 1500))
        total += len(parts[-1]) + len(PARAGRAPH)
        i += 1
    return PARAGRAPH.join(parts)[:chars]


def quote_marks(chars: int) -> str:
    """Nothing but quotation marks, opening and closing, curly and straight, without a space."""
    return ("“”„“«»\"‘’" * (chars // 9 + 1))[:chars]


def apostrophes(chars: int) -> str:
    """Nothing but apostrophes, straight and curly."""
    return ("'’" * (chars // 2 + 1))[:chars]


def json_like(chars: int) -> str:
    """JSON as a page shows it in <pre> without line breaks: a quotation mark every few characters."""
    rng = random.Random(chars)
    records, total = [], 0
    while total < chars:
        n = len(records)
        record = json.dumps({"id": n, "name": f"item {n}", "ok": rng.random() < 0.5, "tags": ["a", "b"][: n % 3],
                             "note": "it's \"quoted\"" if n % 5 == 0 else "", "score": round(rng.random() * 100, 2)})
        records.append(record)
        total += len(record) + 2
    return ("[" + ", ".join(records) + "]")[:chars]


PATHOLOGICAL = {"quotation marks": quote_marks, "apostrophes": apostrophes, "JSON": json_like}
