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


@pytest.fixture(scope="session")
def reported_in(nlp):
    """reported_in(text): (clause, rule, speaker's name) of each reported span the engine finds in `text`,
    its quotations attributed first, as `analyze` does: the reported-speech tests' one way to ask."""
    return lambda text: _reported_in(nlp, text)


def _reported_in(nlp, text: str) -> list[tuple[str, str, str]]:
    from claimlight.engine.actors import build_actor_index
    from claimlight.engine.attribution import Attributor
    from claimlight.engine.nlp import parse
    from claimlight.engine.quotes import find_quotations
    from claimlight.engine.reported import find_reported
    from claimlight.engine.transcript import with_answers

    doc = parse(nlp, text)
    index = build_actor_index(doc)
    attributor = Attributor(doc, text, with_answers(doc, index, find_quotations(text)), index)
    attributor.run()
    return [(text[r.start : r.end], r.rule, r.speaker.name) for r in find_reported(doc, attributor.finder, attributor.in_quote)]
