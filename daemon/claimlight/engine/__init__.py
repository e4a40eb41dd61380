"""The analysis pipeline: article text in, highlight spans and actors out (Python offsets).

Reads top to bottom: parse → quotations → actors → the answers of a Q&A, which are quotations
too → who said each quotation → whose words the quotations nested in them are → reported speech →
numbers → roles → spans → the sourcing ledger. Everything but the parse is rule-based and cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..protocol import Analysis
from .actors import build_actor_index
from . import checkpoints, idle
from .attribution import Attributor
from .docview import shared, text_of
from .ledger import build_ledger
from .nested import attribute_nested
from .nlp import load_nlp, parse
from .numbers import find_numbers
from .quotes import find_quotations
from .reported import find_reported
from .roles import find_roles
from .spans import assemble
from .transcript import with_answers

__all__ = ["analyze", "analyze_many", "analyze_doc"]


def analyze(text: str, nlp: Language | None = None) -> Analysis:
    nlp = nlp or load_nlp()
    return analyze_doc(parse(nlp, text))


def analyze_many(texts: Iterable[str], nlp: Language | None = None) -> Iterator[Analysis]:
    # Each text's paragraphs already go through the pipeline as one batch (nlp.parse).
    nlp = nlp or load_nlp()
    for text in texts:
        yield analyze_doc(parse(nlp, text))


@shared
def analyze_doc(doc: Doc) -> Analysis:
    text = text_of(doc)
    quotations = find_quotations(text)
    index = build_actor_index(doc)
    quotations = with_answers(doc, index, quotations)
    attributor = Attributor(doc, text, quotations, index)
    attributed = attributor.run()
    nested = attribute_nested(doc, text, index, attributed, attributor.finder)
    reported = find_reported(doc, attributor.finder, attributor.in_quote)
    numbers = find_numbers(doc)
    roles = find_roles(doc, index, attributor.in_quote)
    analysis = assemble(text, index, attributed, reported, numbers, roles, nested)
    analysis.ledger = build_ledger(doc, analysis, index)
    idle.leave(checkpoints.readings())  # (read on once the reply is out, where a worker does that: `engine.idle`)
    checkpoints.close()  # (where each coreference reading stopped, saved for the page's next version)
    return analysis
