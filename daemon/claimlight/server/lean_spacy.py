"""spaCy imported without its command line, in an analysis worker: some 16.5 MB less per worker.

`import spacy` runs `from .cli.info import info` (so that `spacy.info()` exists), and importing
anything of `spacy.cli` imports all of it: every command, with typer, click, rich, jinja2, httpx,
requests, weasel and their dependencies, about 370 modules. A worker only loads a model and parses
with it, which needs none of them, yet they made up some 16.5 MB of each worker's 163 MB at start, a
tenth of a second of its start-up, and were counted again in every figure of the daemon's memory
(start, after a thousand articles, the peak of a 900,000-character page) once per worker.

`without_cli()` puts a stand-in for `spacy.cli` (and its `info` module) in `sys.modules` before
spaCy is first imported, so spaCy's own `from .cli.info import info` finds it and nothing of the
command line is loaded. The stand-in's `info` says why it is not there; nothing else of `spacy.cli`
exists in the process. Loading a model, the tokenizer, the pipes and the lemmatizer's tables do
not use the command line, so the analyses are unchanged (tests/daemon/test_lean_spacy.py compares
them with a process that imported spaCy whole).

Only the worker does this (`server.worker.main`, first thing): the daemon's parent never imports
spaCy, and `claimlight eval`, the tests and a user's own Python keep spaCy whole. When spaCy is
already imported (by whatever ran before), it does nothing.
"""

from __future__ import annotations

import sys
import types

CLI = "spacy.cli"
INFO = "spacy.cli.info"


def _info(*args, **kwargs):
    raise RuntimeError("spaCy's command line is not loaded in a claimlight analysis worker (server.lean_spacy)")


def without_cli() -> bool:
    """Makes the coming `import spacy` skip `spacy.cli`; whether it will (False: spaCy is already in)."""
    if "spacy" in sys.modules:
        return False
    cli = types.ModuleType(CLI, "a stand-in: spaCy's command line is not loaded here (claimlight.server.lean_spacy)")
    cli.__path__ = []  # a package with nothing in it: any other `spacy.cli.x` fails to import, loudly
    info = types.ModuleType(INFO)
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules.setdefault(CLI, cli)
    sys.modules.setdefault(INFO, info)
    return True
