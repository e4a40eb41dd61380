"""Quotations inside quotations: the inner one is a quote of its own only when the text inside the
outer quote names someone else as its source."""

import pytest


def quotes(run, text):
    """[(text, speaker, is nested)] of the quote spans, and checks nested_in points at the outer quote."""
    r = run(text)
    spans = r.spans("quote")
    by_id = {s.quote_id: s for s in spans if s.nested_in is None}
    for s in spans:
        if s.nested_in is not None:
            outer = by_id[s.nested_in]
            assert outer.start < s.start and s.end <= outer.end
    return [(s.text, s.speaker, s.nested_in is not None) for s in spans]


@pytest.mark.parametrize(
    "text, inner, speaker",
    [
        # a description inside the outer quote
        ("“One customer told us, ‘Just send us whatever you have,’ and we did,” said shop owner Maria Lopez.",
         "‘Just send us whatever you have,’", "One customer"),
        # a pronoun resolved to someone named earlier in the article
        ("Gillian Marsh ran the home until 2021. ‘She told me, “Nobody ever checks the small ones,” and walked off,’ the witness said.",
         "“Nobody ever checks the small ones,”", "Gillian Marsh"),
        # "she" in someone's quotation is not the one speaking, even when their gender is unknown
        ("Rosa Quint ran the bakery for forty years.\n\nRobin Hale started there at 15.\n\n"
         "“She'd wave a ladle and say, ‘Nobody leaves without bread,’” said Hale.",
         "‘Nobody leaves without bread,’", "Rosa Quint"),
        # a named source inside the outer quote, nested in the other convention
        ("»Our coordinator, Jens Hartwig, rang me and said, ›Send us whatever you have.‹ So we did,« says Katrin Vogel.",
         "›Send us whatever you have.‹", "Jens Hartwig"),
    ],
)
def test_an_inner_quotation_with_its_own_source_is_a_quote_of_its_own(run, text, inner, speaker):
    got = quotes(run, text)
    assert (inner, speaker, True) in got
    assert len([g for g in got if not g[2]]) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the speaker quoting themselves
        "“I told him, ‘Not this year, and not next year either,’ and he left,” said Maria Lopez.",
        # a term, not speech
        "“I’d rather live in what he calls ‘hell’ than stay here,” said Maria Lopez.",
        # a pronoun nothing in the text resolves
        "“She told me, ‘Nobody ever checks the small ones,’ and walked off,” the witness said.",
    ],
)
def test_other_inner_quotations_stay_part_of_the_outer_quote(run, text):
    got = quotes(run, text)
    assert len(got) == 1 and not got[0][2]
