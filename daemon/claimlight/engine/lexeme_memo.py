"""The attributes of the words a page adds to the vocabulary, remembered from one job to the next.

spaCy makes a lexeme for every word a document holds that its vocabulary has not: it calls some
twenty functions on the word (its norm, shape, prefix and suffix, whether it is punctuation, like
a number, like a URL…) and stores the answers. The lexemes of the model's own words are made once
(`engine.lexemes`); those of a page's names, figures and rare words are made in the job's memory
zone and die with it. A live page is analysed again on every change, and each time its document is
rebuilt (`engine.parsed.join`) the same two hundred lexemes are made again, about half of their
cost in those functions. So a worker remembers the functions' answers for the words it made
lexemes of in its last jobs (`MAX_WORDS`, least recently remembered first out), and a lexeme made
again takes them from there, each answer by a dictionary look-up spaCy makes without calling any
Python code.

The functions are pure (their answer depends on the word alone), so a remembered answer is the one
they would give: the lexeme, and the analysis, are the same. Words made outside a memory zone
(the model's own, made for good) are not remembered: they are never made twice.
"""

from __future__ import annotations

from spacy.vocab import Vocab

# Some 2 kB a word (its answers, a few short strings among them, each in its function's table,
# measured): ~2 MB per worker, the new words of some five long pages. (One row of answers per word
# took a third of that a word, but cost two Python calls per answer.)
MAX_WORDS = 1024


class _Column(dict):
    """One function's answers, by word. spaCy calls each function through `dict.__getitem__`, so a
    remembered answer costs no Python call at all (a lexeme made again asks some twenty of them);
    a word not yet answered is answered by every function at once (`__missing__`)."""

    def __init__(self, memo: "LexemeMemo", k: int):
        super().__init__()
        self.memo = memo
        self.k = k

    def __missing__(self, word: str):
        return self.memo.row(word)[self.k]


class LexemeMemo:
    """The answers of a vocabulary's lexeme attribute functions, by word, one table per function
    (`columns`), least recently remembered first out."""

    def __init__(self, vocab: Vocab, max_words: int = MAX_WORDS):
        self.vocab = vocab
        self.max_words = max_words
        self.functions = list(vocab.lex_attr_getters.values())
        self.columns = [_Column(self, k) for k in range(len(self.functions))]
        self._order: dict[str, None] = {}  # the remembered words, oldest first
        self._last: tuple[str | None, tuple] = (None, ())  # one attribute, so a thread never sees half of it

    def row(self, word: str) -> tuple:
        """Every function's answer for `word`, remembered in a memory zone (a word made outside one is
        made for good, never again). spaCy asks the functions one after the other for one word, so
        the last row is kept at hand for a word that is not remembered."""
        last = self._last
        if word == last[0]:
            return last[1]
        row = tuple(function(word) for function in self.functions)
        if self.vocab.in_memory_zone and word not in self._order:
            self._order[word] = None
            for column, answer in zip(self.columns, row):
                column[word] = answer
            if len(self._order) > self.max_words:
                oldest = next(iter(self._order))
                del self._order[oldest]
                for column in self.columns:
                    column.pop(oldest, None)
        self._last = (word, row)
        return row

    def words(self) -> list[str]:
        """The remembered words, oldest first."""
        return list(self._order)


def remember_lexeme_attributes(vocab: Vocab, max_words: int = MAX_WORDS) -> LexemeMemo:
    """Installs a memo in front of `vocab`'s lexeme attribute functions; returns it."""
    memo = LexemeMemo(vocab, max_words)
    vocab.lex_attr_getters = {attr: column.__getitem__ for attr, column in zip(vocab.lex_attr_getters, memo.columns)}
    return memo
