"""The lemmatizer's nouns as exact membership by bisection (engine.nlp.SortedWords, common_nouns)."""

from __future__ import annotations

from claimlight.engine.nlp import SortedWords, common_nouns


def test_membership_is_exact_and_the_sorted_list_is_not_copied():
    words = ["apple", "farmer", "water", "zebra"]
    found = SortedWords(words)
    assert found._words is words
    assert [w in found for w in ["apple", "farmer", "water", "zebra"]] == [True] * 4
    assert [w in found for w in ["", "Apple", "appl", "apples", "waters", "zzz", "a"]] == [False] * 7


def test_an_unsorted_list_is_sorted_once():
    found = SortedWords(["water", "apple", "water", "farmer"])
    assert found._words == ["apple", "farmer", "water"]
    assert "water" in found and "zebra" not in found and len(found) == 3


def test_the_models_nouns_are_the_lemmatizers_own_list(nlp):
    nouns = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"]
    found = common_nouns()
    assert len(found) == len(set(nouns)) > 50_000
    assert all(word in found for word in nouns[::97])
    assert "water" in found and "farmer" in found and "Whitmore" not in found
