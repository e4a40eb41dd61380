"""Suite-wide: how the tests are shared out between pytest-xdist workers (`make test` runs
`pytest -n 3 --dist loadgroup`; a plain `pytest` runs them all in one process, as always).

A test module is one unit of work: its module- and package-scoped fixtures (a daemon, a browser
with the extension, a cache of observed pages) are set up once, on the worker that runs it, as in
a run without workers. A module may split itself into several units by marking its tests with
`pytest.mark.xdist_group(name)` (the pages corpus does, one unit per slice of pages); every test
without such a mark gets its module's path as its group here, so a new test written the plain way
needs nothing.

The units are handed out slowest first (SLOWEST_FIRST), not in xdist's own order (most tests
first), so that no worker is left alone with a long one at the end; the browser's units one after
another, so a worker's browser and daemon (package fixtures, torn down whenever the worker moves
on to a test of another package) start once per stretch of browser tests, not once per module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# Units of work, slowest first, as measured with `--durations=0` (a unit's set-ups, calls and
# tear-downs summed). Only the order of the run depends on this list, not what runs: a unit not in
# it comes after those that are, ones with more tests first, as xdist itself would order them.
# Seconds: a run with three workers on two shared vCPUs at load 7-15 (2026-12-02, 19 min in all).
# The browser's units are kept together, so a worker that takes one takes the next with its browser.
SLOWEST_FIRST: list[str] = [
    "tests/engine/test_checkpoints_gender.py",  # 281
    "tests/daemon/test_parse_cache.py",  # 270
    "tests/engine/test_checkpoints.py",  # 238
    "tests/engine/test_local.py",  # 232
    "tests/engine/test_idle.py",  # 214
    "tests/engine/test_actor_index_grown.py",  # 179
    "tests/engine/test_live_identity.py",  # 148
    "pages-corpus-0",  # 125-132 each with six tabs (tests/browser/test_pages.py)
    "pages-corpus-1",
    "pages-corpus-2",
    "pages-corpus-3",
    "tests/browser/test_daemon_restart.py",  # 48
    "tests/browser/test_panel.py",  # 36
    "tests/browser/test_live.py",  # 28
    "tests/browser/test_popup.py",  # 15
    "tests/browser/test_article.py",  # 12
    "tests/browser/test_dynamic.py",  # 10
    "tests/browser/test_integrity.py",  # 10
    "tests/browser/test_panel_screenshot.py",  # 5
    "tests/browser/test_screenshot.py",  # 4
    "tests/browser/test_pages.py",  # the corpus's own check, < 1
    "tests/engine/test_ledger.py",  # 97
    "tests/engine/test_reported_memo.py",  # 92
    "tests/engine/test_seeds.py",  # 88
    "tests/daemon/test_lifecycle.py",  # 69
    "tests/engine/test_attribute_table.py",  # 67
    "tests/test_cli.py",  # 65
    "tests/engine/test_speech_subjects.py",  # 64
    "tests/engine/test_stated_roles_kept.py",  # 62
    "tests/engine/test_linear_time.py",  # 51
    "tests/engine/test_spans.py",  # 47
    "tests/test_bench.py",  # 44
    "tests/daemon/test_parallel_parse.py",  # 40
    "tests/daemon/test_pool.py",  # 25
    "tests/engine/test_actor_lookups.py",  # 21
]


def pytest_configure(config):
    if getattr(config.option, "dist", "no") == "loadgroup":
        # The controller hands the units out in the order the workers collected them in, which
        # the hooks below set, instead of reordering them by their number of tests.
        config.option.loadscopereorder = False


def _loadgroup(config) -> bool:
    # Only workers collect; in a worker xdist sets `dist` to "no" and `loadgroup` to whether the
    # run is --dist loadgroup.
    return bool(getattr(config.option, "loadgroup", False))


def _group(item) -> str:
    mark = item.get_closest_marker("xdist_group")
    return str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))


BROWSER = Path(__file__).resolve().parent / "browser"


def _browser(item) -> bool:
    return Path(str(item.path)).is_relative_to(BROWSER)


def _name_group(item, group: str) -> None:
    """xdist reads an item's group from the end of its node id (`path::test@group`), which its own
    hook writes into `item._nodeid`; pytest 9 keeps the id in `item._id` instead, so that write
    changes nothing and every test would be a unit of its own (modules split over the workers, each
    worker setting up their module and package fixtures again). Written here where it did not take."""
    suffix = f"@{group}"
    if item.nodeid.endswith(suffix):
        return
    if hasattr(item, "_id"):
        from _pytest.nodeid import NodeId

        item._id = NodeId.parse(item.nodeid + suffix)
    else:
        item._nodeid = item.nodeid + suffix


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    if _loadgroup(config):
        # Before xdist's own hook, which reads the groups.
        for item in items:
            if item.get_closest_marker("xdist_group") is None:
                item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
    result = yield
    if _loadgroup(config):
        for item in items:
            _name_group(item, _group(item))
        sizes: dict[str, int] = {}
        for item in items:
            sizes[_group(item)] = sizes.get(_group(item), 0) + 1
        rank = {name: i for i, name in enumerate(SLOWEST_FIRST)}
        # A stable sort of whole units: each unit's tests stay together and in their order.
        items.sort(key=lambda item: (rank.get(_group(item), len(rank)), not _browser(item), -sizes[_group(item)], _group(item)))
    return result
