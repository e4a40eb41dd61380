"""The one rule for overlapping ranges that quotations and reported clauses share."""

from claimlight.engine.quotes import find_quotations
from claimlight.engine.ranges import outermost


def test_outermost_keeps_the_outer_of_nested_ranges_and_the_first_of_crossing_ones():
    ranges = [(10, 20), (0, 30), (5, 8), (40, 50), (45, 60), (40, 44)]
    assert outermost(ranges, lambda r: r) == [(0, 30), (40, 50)]


def test_a_nested_quotation_is_part_of_its_outer_one_and_empty_marks_quote_nothing():
    text = "‘Dad’s rule was, “Never sell a record you wouldn’t play,”’ she said. He shrugged: \"\" and left."
    assert [text[q.start : q.end] for q in find_quotations(text)] == ["‘Dad’s rule was, “Never sell a record you wouldn’t play,”’"]
