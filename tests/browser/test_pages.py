"""The pages corpus (seeds/pages/corpus) with the built extension and the real daemon: on every page,
what the issue "Highlights on the web as it is" asks. The analysed text is the gold article text
(optional text such as the headline aside), every gold quote has a quote highlight, nothing is
highlighted outside the article, and a page that is not an article is not analysed on its own. The
figures behind each verdict are those of `claimlight pages`.

The pages today's extraction gets wrong are listed once, in KNOWN_FAILURES, as strict expected
failures: the suite stays green, and a page that starts passing fails loudly until its entry goes.
"""

from __future__ import annotations

import pytest

from claimlight.evaluation.pages import Observation, corpus_pages, normalise, normalise_page, score_page
from claimlight.testing.pages import observe_many

from .conftest import PAGES

CORPUS = PAGES / "corpus"

# Page → why today's extension fails it (extension/src/content/extract.js and blocktext.js).
KNOWN_FAILURES: dict[str, str] = {}

PAGE_LIST = corpus_pages([CORPUS])

# Watching a page is mostly waiting (for its timers, the content script's debounce and a quiet
# spell), so under pytest-xdist the corpus is shared out in slices, each a unit of work of its own
# (tests/conftest.py), on workers each with their own browser and daemon. Both tests of one page
# are in one slice, so the page is still loaded once. Without xdist the mark does nothing.
SLICES = 4


def _slice(index: int) -> pytest.MarkDecorator:
    return pytest.mark.xdist_group(f"pages-corpus-{index * SLICES // len(PAGE_LIST)}")

# One page load per page serves both tests below (a load with its settling takes seconds, and there
# are over a hundred pages): the first test to need a page observes it, the other reads it back.
# Watching is mostly waiting, so the page is watched beside the next pages of its slice, TABS tabs
# at a time (observe_many), up to BATCH pages, which their own tests then read back.
_SEEN: dict[str, Observation] = {}
TABS = 6
BATCH = 24


def _observed(ext, site, html) -> Observation:
    if html.name not in _SEEN:
        index = next(i for i, (h, _) in enumerate(PAGE_LIST) if h == html)
        group = _slice(index).args[0]
        batch = [html] + [h for i, (h, _) in enumerate(PAGE_LIST)
                          if i > index and h.name not in _SEEN and _slice(i).args[0] == group][: BATCH - 1]
        urls = {f"{site}/corpus/{h.name}": h.name for h in batch}
        for url, seen in observe_many(ext.context, ext.worker, list(urls), read_visible=True, tabs=TABS).items():
            _SEEN[urls[url]] = seen
    return _SEEN[html.name]


def _cases():
    for index, (html, gold) in enumerate(PAGE_LIST):
        marks = [_slice(index)]
        if gold.name in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[gold.name]))
        yield pytest.param(html, gold, id=gold.name, marks=marks)


def test_known_failures_are_pages_of_the_corpus():
    assert set(KNOWN_FAILURES) <= {gold.name for _, gold in PAGE_LIST}


@pytest.mark.parametrize("html,gold", list(_cases()))
def test_page(ext, site, html, gold):
    seen = _observed(ext, site, html)
    score = score_page(gold, seen)
    assert score.passes, f"{gold.name} ({gold.shape}):\n  " + "\n  ".join(score.failures())
    if html.read_text(encoding="utf-8").lower().count("<article") == 1:
        # A page with one <article> is one a first look may read (content/firstlook.js). The quotes
        # painted from it stay painted only if the search keeps their paragraphs: every paragraph a
        # first look read is one of the article's blocks (the unit test has the same on jsdom), or,
        # when the page changed it after the first look (an ad network putting its unit inside the
        # paragraph), its words are the search's, in order, in the blocks on either side.
        kept = normalise(" ".join(seen.blocks))
        left_out = [p for p in set(seen.first_look) - set(seen.blocks) if normalise(p) not in kept]
        assert not left_out, f"{gold.name}: a first look read paragraphs the search left out: {left_out}"


@pytest.mark.parametrize(
    "html,gold", [pytest.param(h, g, id=g.name, marks=_slice(i)) for i, (h, g) in enumerate(PAGE_LIST) if g.article]
)
def test_gold_is_visible_text_of_its_page(ext, site, html, gold):
    """Every gold paragraph and optional string is text a reader sees on the rendered page (or in its
    frames), as the DOM has it: CSS text-transform is not applied, hidden text is not there."""
    visible = [normalise(normalise_page(t)) for t in _observed(ext, site, html).visible]
    assert visible, f"{html.name}: no frame's text could be read"
    for piece in [*gold.text.split("\n\n"), *gold.optional]:
        assert any(normalise(piece) in v for v in visible), f"not visible on {html.name}: {piece[:80]!r}"
