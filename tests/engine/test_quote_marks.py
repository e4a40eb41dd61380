"""The quotation-mark scanner: speech marks versus apostrophes, other conventions, across paragraphs, nested."""

import pytest

from claimlight.engine.quotes import find_quotations


def found(text):
    return [text[q.start : q.end] for q in find_quotations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“There is no change,” he said of Russia’s plan and it’s over.", ["“There is no change,”"]),
        ('"First," she said, "second."', ['"First,"', '"second."']),
        ("‘We won’t go back to the ’80s,’ said Mr Hart.", ["‘We won’t go back to the ’80s,’"]),
        ("She said: 'It's rock 'n' roll from the '90s,' and left.", ["'It's rock 'n' roll from the '90s,'"]),
        ("He’s the boss ’cause he says so. The Joneses’ house is big.", []),
        ("The states' rights matter, the governors' aides said.", []),
        ('He bought a 12" record and a 7" single.', []),
        ("‘He told me “never” twice,’ she said.", ["‘He told me “never” twice,’"]),
        ("“She said ‘no’ and left,” he recalled.", ["“She said ‘no’ and left,”"]),
        ("Empty marks “” are not a quotation.", []),
        ("«Nous restons,» a-t-il dit.", ["«Nous restons,»"]),
        # German and Danish: » opens and « closes; the words between two quotations are not quoted.
        ("»We stay,« she says. »We always have.«", ["»We stay,«", "»We always have.«"]),
        # Swedish and Finnish: » on both sides.
        ("»We stay,» she says. »We always have.»", ["»We stay,»", "»We always have.»"]),
        # French spacing: « and » with spaces inside.
        ("« We stay », she says.", ["« We stay »"]),
        # German low-high marks: the closing “ and ‘ look like English opening marks.
        ("„Nobody wants to throw it away,“ she says.", ["„Nobody wants to throw it away,“"]),
        ("They called it ‚unauthorised copying‘, which made me laugh.", ["‚unauthorised copying‘"]),
        ("„He wrote ‚never again‘ on the wall,“ she says.", ["„He wrote ‚never again‘ on the wall,“"]),
        # English marks keep their English reading next to a word.
        ("He said “yes” and then “no.”", ["“yes”", "“no.”"]),
        ("A low mark before a space quotes nothing: a ‚ b.", []),
    ],
)
def test_marks(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, outer, inner",
    [
        ("“One customer told us, ‘Just send us whatever you have,’ and we did,” she said.",
         "“One customer told us, ‘Just send us whatever you have,’ and we did,”", ["‘Just send us whatever you have,’"]),
        ("»He would tell me, ›The cod go elsewhere.‹ He was right.«",
         "»He would tell me, ›The cod go elsewhere.‹ He was right.«", ["›The cod go elsewhere.‹"]),
        ("‘She told me, “Nobody checks,” and left,’ the witness said.",
         "‘She told me, “Nobody checks,” and left,’", ["“Nobody checks,”"]),
        # Two levels down is part of the first level.
        ("“He said, ‘She wrote “never” twice,’ and left,” she said.",
         "“He said, ‘She wrote “never” twice,’ and left,”", ["‘She wrote “never” twice,’"]),
    ],
)
def test_nested_quotations_are_kept_with_their_outer_one(text, outer, inner):
    (q,) = find_quotations(text)
    assert text[q.start : q.end] == outer
    assert [text[n.start : n.end] for n in q.nested] == inner


def test_quotation_running_over_paragraphs_is_one_piece_per_paragraph():
    text = "“This goes on\n\n“and on,” she said."
    quotations = find_quotations(text)
    assert [text[q.start : q.end] for q in quotations] == ["“This goes on", "“and on,”"]
    assert [q.closed for q in quotations] == [False, True]
    assert [q.paragraph for q in quotations] == [0, 1]


def test_apostrophe_at_word_start_with_a_whole_sentence_is_a_quotation():
    text = "He wrote: 'Nothing will ever be the same again' and signed it."
    assert found(text) == ["'Nothing will ever be the same again'"]


def test_other_conventions_and_nesting_stay_linear():
    import time

    for text in ("»a« " * 50_000, "„a“ ‚b‘ " * 25_000, "“a ‘b’ c” " * 20_000, "« a » " * 40_000, "»" * 100_000, "‚" * 100_000):
        started = time.process_time()
        find_quotations(text)
        assert time.process_time() - started < 20  # quadratic work here takes hours
