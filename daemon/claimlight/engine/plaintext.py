"""Paragraphs that are not prose: tokenized by one simple rule, never run through the model.

A page can show code, JSON or a run of marks (in a <pre>, a comment, a hostile page), and every
character of it that is a mark becomes a token. The model's cost grows with tokens, and spaCy's
tokenizer strips a run of marks without spaces one mark at a time, each time over the rest of the
run, which is quadratic: 8,000 characters of “” took 14 s to tokenize. Such text holds no speech
to attribute and no names to find, so it is not parsed at all: `is_prose` tells it by how many
tokens a character yields (news prose about one in five, one in three at most; JSON one in two;
a run of marks one in one), and `plain_doc` gives it tokens (words, single marks, whitespace)
and a flat annotation (each token a sentence, no entities) in linear time, so that it joins the parsed
paragraphs into one document like any other.

Decided per paragraph, from the paragraph alone, so a text parsed whole or in pieces
(`engine.jobs`) treats every paragraph the same way. News paragraphs never qualify: over the 84
PolNeAR articles and the seeds, the densest paragraph of 24 characters or more yields 0.41 tokens
a character.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
_ESTIMATE = re.compile(r"\w+|[^\w\s]")
# (shortest paragraph, tokens per character from which it is not prose)
_RULES = ((24, 0.5), (8, 0.8))


def is_prose(text: str) -> bool:
    """Whether `text` (one paragraph) reads as language rather than code, data or marks."""
    length = len(text)
    if length < _RULES[-1][0]:
        return True
    tokens = sum(1 for _ in _ESTIMATE.finditer(text))
    return not any(length >= shortest and tokens >= density * length for shortest, density in _RULES)


def plain_doc(vocab: Vocab, text: str) -> Doc:
    """`text` as a Doc with exactly its characters: words, each mark a token, whitespace as spaCy keeps it
    (one space after a token, longer runs as tokens of their own); each token a sentence, no entities."""
    words: list[str] = []
    spaces: list[bool] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isspace():
            if words and not spaces[-1] and not words[-1][0].isspace() and token[0] == " ":
                spaces[-1] = True
                token = token[1:]
            if not token:
                continue
        words.append(token)
        spaces.append(False)
    if not words:
        return Doc(vocab, words=[], spaces=[])
    kinds = [_kind(word) for word in words]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=[pos for pos, _ in kinds],
        tags=[tag for _, tag in kinds],
        lemmas=[word.lower() for word in words],
        # Every token a sentence of its own: nothing to parse, and the rules that look at a token's
        # sentence (walking to its ends) then cost one step, not the length of the paragraph.
        heads=list(range(len(words))),
        deps=["ROOT"] * len(words),
        ents=["O"] * len(words),
    )


def _kind(word: str) -> tuple[str, str]:
    if word[0].isspace():
        return "SPACE", "_SP"
    if word.isdigit():
        return "NUM", "CD"
    if word[0].isalnum() or word[0] == "_":
        return "X", "XX"
    return "PUNCT", "NFP"
