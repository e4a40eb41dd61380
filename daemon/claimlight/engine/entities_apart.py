"""A parse in two halves on two workers: the entity recogniser on one, the rest of the pipeline on the other.

A live page's update parses its new entry and then analyses the whole page on the worker that holds
the page (`engine.jobs.parse_and_analyze`), while the daemon's other worker has nothing to do. Half
of the entry's parse is the entity recogniser, which in this model has a network of its own (its
own token-to-vector layers, not the tagger's and parser's). So the idle worker runs the recogniser
on the entry (`entities`) while the worker holding the page runs everything else
(`parse_each_apart`), which then only sets the entities it is sent: the parse takes the time of
the longer half instead of the sum.

Why the result is exactly the pipeline's:
* the recogniser is the pipeline's last component, and the ones before it set no entities (the
  attribute table sets tags, parts of speech, morphology, dependency labels and lemmas), so what it
  starts from on either worker is the same: the tokens, with no entity preset;
* its network reads only the tokens' lexical features (norm, prefix, suffix, shape), which the
  tokenizer sets, the same on both workers;
* of what the parser adds, its moves look at one thing: a sentence start, which an entity may not
  run across (spaCy's `BiluoPushDown`: "Begin" and "In" are not valid before a token that starts a
  sentence). Without sentence starts (the idle worker's document has none) that rule only allows
  more moves, never fewer. So when none of the entities found without them runs across one of the
  parser's sentence starts, every move the greedy decoder chose was valid with them too, and, being
  the best-scoring valid move, it is the one the decoder would have chosen there: the same entities.
  When one does run across (rare: the recogniser rarely wants to), the worker runs the recogniser
  itself, as the pipeline would have.
`parse_each_apart` also checks the token counts, and runs the recogniser itself whenever the other
half does not come in time (the other worker busy, or gone): never wrong, at worst as slow as before.
`tests/engine/test_entities_apart.py` compares the two ways' parses byte for byte on every paragraph of
the seeds and of PolNeAR's development articles, and the fallback on a made sentence start.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .plaintext import is_prose, plain_doc

RECOGNISER = "ner"

# One paragraph's entities as the idle worker found them: its token count and (start, end, label) of each.
Entities = tuple[int, list[tuple[int, int, str]]]
# Waits for the other worker's entities, given how long this worker's half took (seconds); None if they do not come.
Wait = Callable[[float], "list[Entities | None] | None"]


def can_split(nlp: Language) -> bool:
    """Whether this pipeline's parse can be split so: its last component is the entity recogniser."""
    return bool(nlp.pipe_names) and nlp.pipe_names[-1] == RECOGNISER


def entities(nlp: Language, parts: list[str]) -> list[Entities | None]:
    """The idle worker's half: the entity recogniser alone on each prose paragraph of `parts` (None for
    the others, which are not parsed, `engine.plaintext`), in one batch as the pipeline runs it."""
    prose = [is_prose(part) for part in parts]
    docs = [nlp.make_doc(part) for part, ok in zip(parts, prose) if ok]
    found = iter([(len(doc), [(ent.start, ent.end, ent.label_) for ent in doc.ents]) for doc in nlp.get_pipe(RECOGNISER).pipe(docs)])
    return [next(found) if ok else None for ok in prose]


# Where `parse_each_apart`'s entities came from.
THEIRS = "from the other worker"
NONE_CAME = "none came: found here"
UNFIT = "not the pipeline's: found here"


def parse_each_apart(nlp: Language, parts: list[str], wait: Wait) -> tuple[list[Doc], str]:
    """`nlp.parse_each` with the entities from another worker (`wait`): the docs, and where their
    entities came from (`THEIRS`; else this worker ran the recogniser itself, for want of them,
    `NONE_CAME`, or because they were not the ones the pipeline gives, `UNFIT`)."""
    prose = [is_prose(part) for part in parts]
    started = time.perf_counter()
    docs = list(nlp.pipe((part for part, ok in zip(parts, prose) if ok), disable=[RECOGNISER]))
    found = wait(time.perf_counter() - started)
    if found is None:
        source = NONE_CAME
    else:
        theirs = [one for one, ok in zip(found, prose) if ok] if len(found) == len(parts) else None
        fit = theirs is not None and all(_fits(doc, one) for doc, one in zip(docs, theirs))
        source = THEIRS if fit else UNFIT
    if source == THEIRS:
        for doc, (_, ents) in zip(docs, theirs):  # type: ignore[arg-type]
            _set(doc, ents)
    else:
        docs = list(nlp.get_pipe(RECOGNISER).pipe(docs))
    parsed = iter(docs)
    return [next(parsed) if ok else plain_doc(nlp.vocab, part) for part, ok in zip(parts, prose)], source


def _fits(doc: Doc, found: Entities | None) -> bool:
    """Whether entities found without sentence starts are the ones the pipeline gives `doc`: the same
    tokens, and none running across a sentence start of `doc` (see the module docstring)."""
    if found is None or found[0] != len(doc):
        return False
    return not any(doc[i].is_sent_start for start, end, _ in found[1] for i in range(start + 1, end))


def _set(doc: Doc, ents: list[tuple[int, int, str]]) -> None:
    """The entities set as the recogniser sets them (`BiluoPushDown.set_annotations`): its spans, and
    every other token outside an entity."""
    doc.set_ents([Span(doc, start, end, label=label) for start, end, label in ents], default="outside")
