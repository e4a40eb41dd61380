"""Lexemes of the words the model knows, made once in a worker's life instead of once per job.

spaCy makes a lexeme (a word's attributes: its shape, whether it is like a number, its norm…) the
first time a document holds the word. Every job runs in `nlp.memory_zone()`, so those lexemes die
with the job, and the next job makes them again. For a live page that is most of what an update
costs besides the extraction: rebuilding the document of a 3,000-word page from its paragraphs'
kept parses (`engine.parsed.join`) spends some 30 ms making about 1,200 lexemes, about as long as
parsing its new entry.

So a worker makes, once and outside any memory zone, the lexemes of the words in its model's own
string table (about 73,000 in the model claimlight ships: lower-case words, capitalised ones that
start a sentence or a name, abbreviations; some 10 MB per worker), and of the single marks there
(commas, quotation marks, dashes), which are nearly all the words of a news page; a job then only
makes those of the names, numbers and rare words it meets (about 200 on a 3,000-word page instead of
about 370 with lower-case words alone, some 60 µs each). Whole numbers up to 2,100 (counts, ages,
scores, years) are made too: they were a fifth of what a news page still made each time, and some
2,000 lexemes cost a worker a few hundred kilobytes. The set is the model's and those numbers,
never a page's, so it does not grow while the daemon runs. A lexeme made here has the attributes it
would have had in a job (spaCy computes them from the word alone), so the analysis is unchanged.

It takes about a second and a half, in slices between jobs (`slices`), so it never delays a worker's start
and holds up a job by one slice at most.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language

# A word of letters, any case, or a single mark that is not a letter, digit or space.
_KNOWN_WORD = re.compile(r"[A-Za-z]{1,14}|[^\w\s]")
SLICE = 500  # words per slice: about 10 ms
NUMBERS = [str(n) for n in range(2101)]


def known_words(nlp: Language) -> list[str]:
    words = [s for s in nlp.vocab.strings if _KNOWN_WORD.fullmatch(s)]
    return words + NUMBERS  # (a number is never a `_KNOWN_WORD`)


def slices(nlp: Language, size: int = SLICE) -> Iterator[None]:
    """Makes the lexemes of `known_words`, `size` at a time: one slice per step. Must run outside
    any memory zone (between jobs), or the lexemes would die at its end."""
    words = known_words(nlp)
    yield
    vocab = nlp.vocab
    for i in range(0, len(words), size):
        for word in words[i : i + size]:
            vocab[word]
        yield
