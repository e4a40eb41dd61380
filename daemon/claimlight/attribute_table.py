"""The model's attribute ruler, compiled to a lookup table: same annotations, a fraction of the time.

`en_core_web_sm`'s `attribute_ruler` maps fine-grained tags to parts of speech and morphology (plus
a few lemma and dependency exceptions) with ~180 Matcher rules. Nearly all of them look at one token
only (its tag, lowercase form, dependency label, whether it is whitespace), yet the Matcher tests
every rule against every token, which makes it ~12% of the whole parse. Here each single-token rule
becomes a predicate over those four values, and the rules that match a given combination are worked
out once and remembered: a text's tokens then cost one dictionary lookup each. The few rules that
span several tokens ("gon na", "let 's") stay in a small Matcher.

The rules, their order and what they set all come from the loaded model, and are applied with
spaCy's own `set_token_attrs` in the ruler's order (later rules win), so the resulting documents
are identical to the ruler's; `tests/engine/test_attribute_table.py` checks that token by token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

COMPONENT = "claimlight_attribute_table"

# What a single-token rule may look at, in the order of a token's key.
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")

TokenKey = tuple[str, str, str, bool]
Predicate = Callable[[TokenKey], bool]


def _value_test(spec: Any) -> Callable[[Any], bool] | None:
    """A test for one attribute's value in a Matcher pattern, or None when it is a kind not compiled."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if not isinstance(spec, dict) or not spec or not set(spec) <= {"IN", "NOT_IN", "REGEX"}:
        return None
    tests: list[Callable[[Any], bool]] = []
    if "IN" in spec:
        allowed = frozenset(spec["IN"])
        tests.append(lambda value: value in allowed)
    if "NOT_IN" in spec:
        refused = frozenset(spec["NOT_IN"])
        tests.append(lambda value: value not in refused)
    if "REGEX" in spec:
        pattern = re.compile(spec["REGEX"])
        tests.append(lambda value: isinstance(value, str) and pattern.search(value) is not None)
    return lambda value: all(test(value) for test in tests)


def _token_predicate(token_pattern: dict[str, Any]) -> Predicate | None:
    checks: list[tuple[int, Callable[[Any], bool]]] = []
    for attr, spec in token_pattern.items():
        if attr not in _KEY_ATTRS:
            return None
        test = _value_test(spec)
        if test is None:
            return None
        checks.append((_KEY_ATTRS.index(attr), test))
    return lambda key: all(test(key[i]) for i, test in checks)


def _single_token_rule(patterns: list[list[dict[str, Any]]], index: int) -> Predicate | None:
    """A predicate matching exactly where the rule applies, if the rule only ever looks at one token."""
    if index not in (0, -1) or any(len(pattern) != 1 for pattern in patterns):
        return None
    predicates = [_token_predicate(pattern[0]) for pattern in patterns]
    if any(p is None for p in predicates):
        return None
    return lambda key: any(p(key) for p in predicates)  # type: ignore[misc]


class AttributeTable:
    """A drop-in, faster replacement for a trained pipeline's `AttributeRuler` (see module docstring)."""

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        self._attrs: list[dict[int, Any]] = list(ruler.attrs)
        self._single: list[tuple[int, Predicate]] = []
        self._multi = Matcher(ruler.vocab, validate=False)
        self._multi_indices: dict[int, int] = {}
        for rule_id, index in enumerate(ruler.indices):
            _, patterns = ruler.matcher.get(ruler.vocab.strings[str(rule_id)])
            predicate = _single_token_rule(patterns, index)
            if predicate is not None:
                self._single.append((rule_id, predicate))
            else:
                self._multi.add(str(rule_id), patterns)
                self._multi_indices[rule_id] = index
        self._rules_for: dict[TokenKey, tuple[int, ...]] = {}

    @property
    def compiled_share(self) -> float:
        """The share of the ruler's rules that are answered from the table rather than by a Matcher."""
        return len(self._single) / max(1, len(self._attrs))

    def _rules(self, key: TokenKey) -> tuple[int, ...]:
        rules = self._rules_for.get(key)
        if rules is None:
            rules = tuple(rule_id for rule_id, predicate in self._single if predicate(key))
            # The table grows with the vocabulary of (tag, word, label) combinations met: bounded
            # in practice, and cheap to rebuild if a long-running process ever clears it.
            if len(self._rules_for) > 200_000:
                self._rules_for.clear()
            self._rules_for[key] = rules
        return rules

    def __call__(self, doc: Doc) -> Doc:
        # Every match is decided on the document as the parser left it, before anything is set,
        # which is what the ruler does too.
        per_token: list[Iterable[int]] = [self._rules((t.tag_, t.lower_, t.dep_, t.is_space)) for t in doc]
        if len(self._multi):
            extra: dict[int, list[int]] = {}
            for match_id, start, end in self._multi(doc, allow_missing=True):
                rule_id = int(self.vocab.strings[match_id])
                index = self._multi_indices[rule_id]
                position = (start if index >= 0 else end) + index
                if start <= position < end:
                    extra.setdefault(position, []).append(rule_id)
            for position, rule_ids in extra.items():
                per_token[position] = sorted([*per_token[position], *rule_ids])
        attrs = self._attrs
        for token, rule_ids in zip(doc, per_token):
            for rule_id in rule_ids:
                set_token_attrs(token, attrs[rule_id])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(COMPONENT)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise ValueError("the attribute table replaces a pipeline's attribute_ruler, and this pipeline has none")
    return AttributeTable(ruler)


def use_attribute_table(nlp: Language) -> Language:
    """Put the compiled table in the place of the pipeline's attribute ruler (no-op without one)."""
    if "attribute_ruler" not in nlp.pipe_names or not isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        return nlp
    nlp.add_pipe(COMPONENT, name="attribute_table", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    return nlp
