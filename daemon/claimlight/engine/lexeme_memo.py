"""The attributes of the words a page adds to the vocabulary, remembered from one job to the next.

spaCy makes a lexeme for every word a document holds that its vocabulary has not: it calls some
twenty functions on the word (its norm, shape, prefix and suffix, whether it is punctuation, like
a number, like a URL…) and stores the answers. The lexemes of the model's own words are made once
(`engine.lexemes`); those of a page's names, figures and rare words are made in the job's memory
zone and die with it. A live page is analysed again on every change, and each time its document is
rebuilt (`engine.parsed.join`) the same two hundred lexemes are made again, about half of their
cost in those functions. So a worker remembers the functions' answers for the words it made
lexemes of in its last jobs (`MAX_WORDS`, least recently made first out), and a lexeme made again
takes them from there.

The functions are pure (their answer depends on the word alone), so a remembered answer is the one
they would give: the lexeme, and the analysis, are the same. Words made outside a memory zone
(the model's own, made for good) are not remembered: they are never made twice.
"""

from __future__ import annotations

from collections import OrderedDict

from spacy.vocab import Vocab

# Some 300 bytes a word (its answers, a few short strings among them): ~1.2 MB per worker, the new
# words of a dozen long pages.
MAX_WORDS = 4096


class LexemeMemo:
    """The answers of a vocabulary's lexeme attribute functions, by word."""

    def __init__(self, vocab: Vocab, max_words: int = MAX_WORDS):
        self.vocab = vocab
        self.max_words = max_words
        self.functions = list(vocab.lex_attr_getters.values())
        self._rows: OrderedDict[str, tuple] = OrderedDict()
        self._last: tuple[str | None, tuple] = (None, ())  # one attribute, so a thread never sees half of it

    def row(self, word: str) -> tuple:
        """Every function's answer for `word`. spaCy asks them one after the other for one word,
        so the last row is kept at hand."""
        last = self._last
        if word == last[0]:
            return last[1]
        row = self._rows.get(word)
        if row is None:
            row = tuple(function(word) for function in self.functions)
            if self.vocab.in_memory_zone:
                self._rows[word] = row
                if len(self._rows) > self.max_words:
                    self._rows.popitem(last=False)
        else:
            self._rows.move_to_end(word)
        self._last = (word, row)
        return row


def remember_lexeme_attributes(vocab: Vocab, max_words: int = MAX_WORDS) -> LexemeMemo:
    """Installs a memo in front of `vocab`'s lexeme attribute functions; returns it."""
    memo = LexemeMemo(vocab, max_words)
    vocab.lex_attr_getters = {attr: _answer(memo, k) for k, attr in enumerate(vocab.lex_attr_getters)}
    return memo


def _answer(memo: LexemeMemo, k: int):
    def answer(word: str):
        return memo.row(word)[k]

    return answer
