"""A word's lexeme made from remembered attributes (`engine.lexeme_memo`) is the lexeme spaCy makes."""

from __future__ import annotations

from claimlight.engine.lexeme_memo import LexemeMemo, remember_lexeme_attributes
from claimlight.engine.nlp import load_model

# The attributes a lexeme carries that the attribute functions set.
PROPERTIES = ("norm_", "lower_", "shape_", "prefix_", "suffix_", "lang_", "is_alpha", "is_ascii", "is_digit", "is_lower",
              "is_upper", "is_title", "is_punct", "is_space", "is_bracket", "is_quote", "is_left_punct", "is_right_punct",
              "is_currency", "is_stop", "like_url", "like_num", "like_email", "prob", "cluster", "sentiment")
WORDS = ["Wexley", "Quist's", "$4.5bn", "12,400", "twenty-one", "www.harbour-trust.example", "amara@trust.example",
         "“", "—", "ÆRØ", "3rd", "Ms.", "COVID-19", "naïve", "x" * 40, "«", "½", "Ngozi-Okafor"]


def attributes(vocab, word: str) -> tuple:
    lexeme = vocab[word]
    return tuple(getattr(lexeme, name) for name in PROPERTIES)


def test_a_lexeme_made_from_remembered_attributes_is_the_lexeme_spacy_makes():
    plain = load_model().vocab
    remembering = load_model().vocab
    memo = remember_lexeme_attributes(remembering)
    new = [w for w in WORDS if w not in plain]  # the model's own words are made for good, never again
    with plain.memory_zone():
        expected = [attributes(plain, w) for w in WORDS]
    for _ in range(2):  # the first time the functions answer, the second the memo
        with remembering.memory_zone():
            assert [attributes(remembering, w) for w in WORDS] == expected
    assert memo.words() == new


def test_words_made_for_good_outside_a_memory_zone_are_not_remembered_and_the_memo_is_bounded():
    vocab = load_model().vocab
    memo = remember_lexeme_attributes(vocab, max_words=5)
    vocab["Harbourview"]  # made for good: never made again
    assert len(memo.words()) == 0
    new = [w for w in WORDS if w not in vocab]
    with vocab.memory_zone():
        for word in WORDS:
            vocab[word]
    assert memo.words() == new[-5:]
    assert isinstance(memo, LexemeMemo)
