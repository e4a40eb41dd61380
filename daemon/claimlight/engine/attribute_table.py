"""The model's attribute ruler, compiled to a lookup table: same annotations, a fraction of the time.

`en_core_web_sm`'s `attribute_ruler` maps fine-grained tags to parts of speech and morphology (plus
a few lemma and dependency exceptions) with ~180 Matcher rules. Nearly all of them look at one token
only (its tag, lowercase form, dependency label, whether it is whitespace), yet the Matcher tests
every rule against every token, which makes it ~12% of the whole parse. Here each single-token rule
becomes a predicate over those four values, and the rules that match a given combination are worked
out once and remembered: a text's tokens then cost one dictionary lookup each. The few rules that
span several tokens ("gon na", "let 's") stay in a small Matcher.

The rules, their order and what they set all come from the loaded model, and are applied the way
the ruler applies them, in its order (later rules win), so the resulting documents are identical to
the ruler's; `tests/engine/test_attribute_table.py` checks that token by token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs  # private: used only by _set_attrs, which says why

COMPONENT = "claimlight_attribute_table"

# What a single-token rule may look at, in the order of a token's key.
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")

TokenKey = tuple[str, str, str, bool]
Predicate = Callable[[TokenKey], bool]


def _set_attrs(token: Token, attrs: dict[int, Any]) -> None:
    """Set a rule's attributes on a token, exactly as the attribute ruler does.

    spaCy has no public function for this: the ruler itself calls `set_token_attrs` from the private
    `spacy.tokens._retokenize` module. The only public route to it, merging one-token spans with
    `Doc.retokenize()`, also rewrites each merged token's text, entity and parse fields and walks
    the whole document again: more than the attributes asked for, at a cost above that of the ruler
    this table replaces. Setting `token.pos_`, `.lemma_`, `.morph` one by one would copy the ruler's
    semantics by hand (which attributes also go to the lexeme) instead of using them. So the private
    function is used here, and only here; the token-by-token test notices if it changes.
    """
    set_token_attrs(token, attrs)


def _value_test(spec: Any) -> Callable[[Any], bool] | None:
    """A test for one attribute's value in a Matcher pattern, or None when it is a kind not compiled."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if not isinstance(spec, dict) or not spec or not set(spec) <= {"IN", "NOT_IN", "REGEX"}:
        return None
    allowed = frozenset(spec["IN"]) if "IN" in spec else None
    refused = frozenset(spec["NOT_IN"]) if "NOT_IN" in spec else frozenset()
    regex = re.compile(spec["REGEX"]) if "REGEX" in spec else None

    def test(value: Any) -> bool:
        if allowed is not None and value not in allowed:
            return False
        if value in refused:
            return False
        return regex is None or (isinstance(value, str) and regex.search(value) is not None)

    return test


def _token_predicate(token_pattern: dict[str, Any]) -> Predicate | None:
    """A predicate over a token's key for one single-token pattern, or None if it looks at anything else."""
    checks: list[tuple[int, Callable[[Any], bool]]] = []
    for attr, spec in token_pattern.items():
        test = _value_test(spec) if attr in _KEY_ATTRS else None
        if test is None:
            return None
        checks.append((_KEY_ATTRS.index(attr), test))

    def predicate(key: TokenKey) -> bool:
        for i, test in checks:
            if not test(key[i]):
                return False
        return True

    return predicate


def _exact_values(spec: Any) -> frozenset[str] | None:
    """The values a pattern's spec admits, when it lists them (a value or `IN`); None otherwise."""
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(spec["IN"])
    return None


class _RuleIndex:
    """Which single-token rules a token's key matches, found by dictionary lookups where rules only
    name tags and words (nearly all of them), by predicates for the rest (a handful)."""

    def __init__(self) -> None:
        self.by_tag: dict[str, list[int]] = {}
        self.by_lower: dict[str, list[int]] = {}
        self.by_tag_lower: dict[tuple[str, str], list[int]] = {}
        self.tested: list[tuple[int, Predicate]] = []

    def add(self, rule_id: int, patterns: list[list[dict[str, Any]]], index: int) -> bool:
        """Index a rule; False (and nothing indexed) if it is not a single-token rule this can compile."""
        if index not in (0, -1) or any(len(pattern) != 1 for pattern in patterns):
            return False
        predicates = [_token_predicate(pattern[0]) for pattern in patterns]
        if any(p is None for p in predicates):
            return False
        for (token_pattern,), predicate in zip(patterns, predicates):
            self._add_pattern(rule_id, token_pattern, predicate)  # type: ignore[arg-type]
        return True

    def _add_pattern(self, rule_id: int, token_pattern: dict[str, Any], predicate: Predicate) -> None:
        tags = _exact_values(token_pattern["TAG"]) if "TAG" in token_pattern else None
        lowers = _exact_values(token_pattern["LOWER"]) if "LOWER" in token_pattern else None
        named = {"TAG"} if tags else set()
        named |= {"LOWER"} if lowers else set()
        if not named or set(token_pattern) != named:
            self.tested.append((rule_id, predicate))
        elif tags and lowers:
            for tag in tags:
                for lower in lowers:
                    self.by_tag_lower.setdefault((tag, lower), []).append(rule_id)
        elif tags:
            for tag in tags:
                self.by_tag.setdefault(tag, []).append(rule_id)
        else:
            for lower in lowers or ():
                self.by_lower.setdefault(lower, []).append(rule_id)

    def __call__(self, key: TokenKey) -> tuple[int, ...]:
        tag, lower = key[0], key[1]
        found = {*self.by_tag.get(tag, ()), *self.by_lower.get(lower, ()), *self.by_tag_lower.get((tag, lower), ())}
        found.update(rule_id for rule_id, predicate in self.tested if predicate(key))
        return tuple(sorted(found))


class AttributeTable:
    """A drop-in, faster replacement for a trained pipeline's `AttributeRuler` (see module docstring)."""

    cache_limit = 30_000

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        self._attrs: list[dict[int, Any]] = list(ruler.attrs)
        self._index = _RuleIndex()
        self._compiled = 0
        self._multi = Matcher(ruler.vocab, validate=False)
        self._multi_indices: dict[int, int] = {}
        for rule_id, index in enumerate(ruler.indices):
            _, patterns = ruler.matcher.get(ruler.vocab.strings[str(rule_id)])
            if self._index.add(rule_id, patterns, index):
                self._compiled += 1
            else:
                self._multi.add(str(rule_id), patterns)
                self._multi_indices[rule_id] = index
        # The rules of each combination met: by (tag, dependency, whitespace?), the few hundred of
        # them, then by lowercase form, all as the StringStore's hashes (see `_rules`).
        self._rules_for: dict[tuple[int, int, bool], dict[int, tuple[int, ...]]] = {}
        self._remembered = 0
        self._answers: dict[tuple[int, ...], tuple[int, ...]] = {}  # one tuple per distinct answer

    @property
    def compiled_share(self) -> float:
        """The share of the ruler's rules that are answered from the table rather than by a Matcher."""
        return self._compiled / max(1, len(self._attrs))

    def _rules(self, token: Token) -> tuple[int, ...]:
        """The single-token rules that match `token`, remembered by its combination of values.

        Remembered by the values' hashes, not their strings: a word's hash stands for its lowercase
        form exactly (the StringStore maps each to the other), costs a 40-byte int instead of a string
        read out of the StringStore on every token, and the combinations share one dictionary per
        (tag, dependency, whitespace?) and one tuple per distinct answer. About 80 bytes a word, a
        quarter of what (tag, word, label) tuples of strings took, and looked up faster."""
        by_lower = self._rules_for.get((token.tag, token.dep, token.is_space))
        if by_lower is not None:
            rules = by_lower.get(token.lower)
            if rules is not None:
                return rules
        rules = self._index((token.tag_, token.lower_, token.dep_, token.is_space))
        rules = self._answers.setdefault(rules, rules)
        # A long-running worker would hold every word of every page it ever read. A bound keeps it
        # to a few MB (PolNeAR's 84 articles meet ~17,000); starting again costs only lookups.
        if self._remembered >= self.cache_limit:
            self._rules_for.clear()
            self._remembered = 0
        self._rules_for.setdefault((token.tag, token.dep, token.is_space), {})[token.lower] = rules
        self._remembered += 1
        return rules

    @property
    def remembered(self) -> int:
        """How many combinations are remembered now (at most `cache_limit`)."""
        return self._remembered

    def __call__(self, doc: Doc) -> Doc:
        # Every match is decided on the document as the parser left it, before anything is set,
        # which is what the ruler does too.
        rules = self._rules
        per_token: list[Iterable[int]] = [rules(t) for t in doc]
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
                _set_attrs(token, attrs[rule_id])
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
