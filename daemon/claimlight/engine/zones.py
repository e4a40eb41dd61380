"""A job's memory zone, kept open for the next job on the same page.

Every job runs in `nlp.memory_zone()` (`engine.jobs`): the strings and lexemes a page adds die with
the zone, so a worker does not grow with every page it reads. But a live page is analysed again on
every change, and each time its names, figures and rare words had their strings and lexemes made
again, in the rebuild of its document (`engine.parsed.join`: some 2.8 of its 4.5 ms on a 3,000-word
page, measured in process) and in the extraction, whose passes look words up too. So a job's zone is
not closed when the job ends: the worker's next job enters it again when it is about the same page
(it names at least half of the paragraphs the last one named, by their keys,
`server.plan.paragraph_key`: a page's merge after its pieces' parses, each update after it), and any
other job closes it first and opens its own. A zone is closed after a job on a long text
(`KEEP_CHARS`: its strings are many and its next version slow anyway), once it has served
`MAX_JOBS` jobs or `MAX_CHARS` characters (a page that changes for hours would otherwise keep every
version's new words), and before the worker makes lexemes for good between jobs (`close`:
`engine.lexemes`, `engine.parsed.permanent_strings`, which must run outside any zone).

The analysis is the same either way: a job reads no string or lexeme another left, but for the same
word, whose string (a hash of its text) and lexeme (its text's attributes, `engine.lexeme_memo`) are
the same whoever made them; only the cost of making them is saved. No Doc of a job is used by the
next (a job returns bytes and plain data). spaCy's zones may not be nested: a zone's end drops every
string made since any zone began. So the worker's other thread, the express lane, enters the open zone
too when it needs the model (`entered`), under the worker's model lock (`server.worker._model`), as every
job does; only one thread at a time touches the zone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from spacy.language import Language

# A page longer than this (characters) does not keep its zone: some 5,000 strings and lexemes for a
# 30,000-character page, many more for a huge one.
KEEP_CHARS = 100_000
# What one zone may serve before it is closed: the versions of a live page, and their characters.
MAX_JOBS = 200
MAX_CHARS = 4_000_000


class _Kept:
    stack: ExitStack | None = None
    nlp: Language | None = None
    keys: frozenset[bytes] = frozenset()
    jobs = 0
    chars = 0


def _same_page(keys: frozenset[bytes]) -> bool:
    if not keys or not _Kept.keys:
        return False
    return 2 * len(keys & _Kept.keys) >= min(len(keys), len(_Kept.keys))


def close() -> None:
    """Closes the kept zone, if one is open: its strings and lexemes are freed."""
    stack, _Kept.stack, _Kept.nlp = _Kept.stack, None, None
    _Kept.keys, _Kept.jobs, _Kept.chars = frozenset(), 0, 0
    if stack is not None:
        stack.close()


def is_open() -> bool:
    return _Kept.stack is not None


@contextmanager
def job(nlp: Language, keys: list[bytes] | None, chars: int) -> Iterator[None]:
    """The memory zone of a job on a text of `chars` characters whose paragraphs are named `keys`
    (None: not named, a zone of its own): the kept one when the last job was about the same page,
    else a new one; kept open after the job unless the text is long or the zone has served enough."""
    named = frozenset(keys or ())
    if _Kept.stack is not None and not _Kept.nlp.vocab.in_memory_zone:
        close()  # (ended under it by a zone of someone else's: nothing of it is left to keep)
    if _Kept.stack is not None and (_Kept.nlp is not nlp or not _same_page(named) or _Kept.jobs >= MAX_JOBS
                                    or _Kept.chars + chars > MAX_CHARS):
        close()
    if _Kept.stack is None:
        stack = ExitStack()
        stack.enter_context(nlp.memory_zone())
        _Kept.stack, _Kept.nlp = stack, nlp
    _Kept.keys = named
    _Kept.jobs += 1
    _Kept.chars += chars
    try:
        yield
    except BaseException:
        close()  # (a failed or cancelled job's zone is not worth keeping)
        raise
    if not named or chars > KEEP_CHARS:
        close()


@contextmanager
def entered(nlp: Language) -> Iterator[None]:
    """A memory zone for work outside a job (the express lane's): the kept zone when one is open for
    `nlp` (left open), else a zone of its own. The caller holds the worker's model lock."""
    if _Kept.stack is not None and _Kept.nlp is nlp:
        yield
        return
    with nlp.memory_zone():
        yield
