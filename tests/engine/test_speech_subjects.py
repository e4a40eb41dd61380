"""The speech verbs' subjects found paragraph by paragraph and kept (`engine.speech_subjects`) are those
found over the whole document, for both readings of a page (the article's and its nested quotations'),
on every seed, PolNeAR and bench page, from scratch and again from what was kept."""

from claimlight.engine import analyze_doc, local, speech_subjects as ss
from claimlight.engine import coref as coref_module
from claimlight.engine.coref import _EMBEDDED_DEPS, EVERYDAY_SENSE_VERBS
from claimlight.engine.nlp import parse

from test_local import _texts


def _whole(coref) -> set[int]:
    """The subjects as the reading found them before they were kept: every verb, the whole document."""
    cols, in_quote = coref.cols, coref.in_quote

    def keep(i: int) -> bool:
        return not (cols.lemma[i] in EVERYDAY_SENSE_VERBS and cols.dep[i] in _EMBEDDED_DEPS) and not in_quote[i]

    return ss._subjects(coref.doc, coref.layout.reporting_verbs, keep, coref._subject_of, coref.index, 0, len(coref.doc))


def test_kept_subjects_are_the_whole_documents(nlp, monkeypatch):
    readings = []
    real_init = coref_module.Coreference.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        readings.append(self)

    monkeypatch.setattr(coref_module.Coreference, "__init__", init)
    local.forget()
    kept = 0
    for text in _texts():
        for _ in range(2):  # from scratch, then from what was kept
            readings.clear()
            doc = parse(nlp, text)
            analyze_doc(doc)
            for coref in readings:
                assert coref.speech_subjects == _whole(coref)
                kept += ss._keepable(doc, coref._subject_of, coref.index, coref.in_quote)
    assert kept > len(_texts())  # (both readings of most pages were read paragraph by paragraph)


def test_a_subject_rule_of_another_kind_is_read_over_the_whole_document(nlp):
    doc = parse(nlp, "Mara Lind said the port would reopen.\n\nThe minister told reporters it would not.")

    class NoNames:
        by_token: dict = {}

        def mention_at(self, i):
            return None

    first_word = lambda tok: tok.doc[0]  # noqa: E731  (not `SpeakerFinder.subject_of`: nothing is kept for it)
    in_quote = [False] * len(doc)
    assert not ss._keepable(doc, first_word, NoNames(), in_quote)
    assert ss.speech_subjects(doc, [2, 11], lambda i: True, first_word, NoNames(), in_quote) == {0}
