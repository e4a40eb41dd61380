import pytest

from claimlight.engine import analyze
from claimlight.engine.nlp import load_nlp
from claimlight.protocol import Category


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def run(nlp):
    """analyze(text) with the session's model, plus helpers to pick spans by category."""

    def _run(text: str):
        return Result(text, analyze(text, nlp=nlp))

    return _run


class Result:
    def __init__(self, text, analysis):
        self.text = text
        self.analysis = analysis

    def spans(self, category: str):
        return [s for s in self.analysis.spans if s.category == Category(category)]

    def texts(self, category: str):
        return [s.text for s in self.spans(category)]

    def quotes(self):
        """[(quote text, speaker)] in order."""
        return [(s.text, s.speaker) for s in self.spans("quote")]

    def check_speaker(self, why: str, quote: str, who: str | None) -> None:
        """`quote` is found and its speaker names `who` (any part of it, any case), or no one when None."""
        got = dict(self.quotes())
        assert quote in got, f"{why}: quotation not found in {list(got)}"
        if who is None:
            assert got[quote] is None, why
        else:
            assert got[quote] is not None and who.lower() in got[quote].lower(), f"{why}: got {got[quote]!r}"

    def actor(self, name: str):
        return next(a for a in self.analysis.actors if a.name == name)
