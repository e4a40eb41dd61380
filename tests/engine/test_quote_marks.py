"""The quotation-mark scanner: speech marks versus apostrophes, across paragraphs, nested."""

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
    ],
)
def test_marks(text, expected):
    assert found(text) == expected


def test_quotation_running_over_paragraphs_is_one_piece_per_paragraph():
    text = "“This goes on\n\n“and on,” she said."
    quotations = find_quotations(text)
    assert [text[q.start : q.end] for q in quotations] == ["“This goes on", "“and on,”"]
    assert [q.closed for q in quotations] == [False, True]
    assert [q.paragraph for q in quotations] == [0, 1]


def test_apostrophe_at_word_start_with_a_whole_sentence_is_a_quotation():
    text = "He wrote: 'Nothing will ever be the same again' and signed it."
    assert found(text) == ["'Nothing will ever be the same again'"]
