"""An actor's type comes from how the text names it when the statistical label says otherwise.

Each case forces the entity label the small model sometimes gives, so the rule is tested whatever
the model happens to predict for the sentence.
"""

import pytest
from spacy.tokens import Span

from claimlight.engine.actors import build_actor_index


def types_with_label(nlp, text: str, name: str, label: str) -> dict[str, str]:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    doc.ents = [Span(doc, span.start, span.end, label=label)]
    return {a.name: a.type for a in build_actor_index(doc).actors}


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        # a place word ends the name
        ("Hikers crossed the Morvan Glacier at dawn.", "Morvan Glacier", "ORG", "place"),
        ("The festival moved to Delacourt Park last year.", "Delacourt Park", "PERSON", "place"),
        ("Traffic was stopped on Halloway Avenue for an hour.", "Halloway Avenue", "ORG", "place"),
        # a place word follows the name in lower case
        ("Farmers rely on the Tesmir river for irrigation.", "Tesmir", "PERSON", "place"),
        ("Levels in the Obrava reservoir fell again.", "Obrava", "ORG", "place"),
        # a preposition that only takes places
        ("The company sold two warehouses near Vellmar on Friday.", "Vellmar", "PERSON", "place"),
        # a role word before a name
        ("\"We are done,\" chief executive Marisol Quent said.", "Marisol Quent", "ORG", "person"),
        ("Retail analyst Tobin Hale expects more closures.", "Tobin Hale", "GPE", "person"),
    ],
)
def test_the_text_outweighs_the_label(nlp, text, name, label, expected):
    assert types_with_label(nlp, text, name, label)[name] == expected


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        # an organisation word anywhere in the name keeps it an organisation
        ("Students at Darrow University on Kessel Island protested.", "Darrow University on Kessel Island", "ORG", "organization"),
        # club names that end in City or Town are not made places
        ("Harbin City beat Oldfield Town 2-1.", "Harbin City", "ORG", "organization"),
        # the statistical label stands when nothing in the text contradicts it
        ("Kessler Mining reported higher profits.", "Kessler Mining", "ORG", "organization"),
        ("Officials in Tavira said the bridge would reopen.", "Tavira", "GPE", "place"),
    ],
)
def test_labels_kept_where_the_text_agrees_or_says_nothing(nlp, text, name, label, expected):
    assert types_with_label(nlp, text, name, label)[name] == expected
