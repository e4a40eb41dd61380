"""Suite-wide: how the tests are shared out between pytest-xdist workers (`make test` runs
`pytest -n 3 --dist loadgroup`; a plain `pytest` runs them all in one process, as always).

A test module is one unit of work: its module- and package-scoped fixtures (a daemon, a browser
with the extension, a cache of observed pages) are set up once, on the worker that runs it, as in
a run without workers. A module may split itself into several units by marking its tests with
`pytest.mark.xdist_group(name)` (the pages corpus does, one unit per slice of pages); every test
without such a mark gets its module's path as its group here, so a new test written the plain way
needs nothing.
"""

from __future__ import annotations

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Before xdist's own hook, which reads the groups (it runs only in a worker, with --dist loadgroup).
    if getattr(config.option, "dist", "no") != "loadgroup":
        return
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
