"""What a page's next version would first do with the page as it stands, done once the analysis's reply is out.

A live blog sends its next version a second or more after the last (`bench.live`); the worker that
analysed the page has nothing to do meanwhile, and it is the worker the next version goes to (the
idle worker that has had most of its paragraphs, `server.pool`). Work that depends only on the page
as it stands, and that the next version would do, can be done then instead of while its reader waits.

The coreference readings (the article's and the nested quotations', `engine.coref`) read only as
far as the analysis's questions ask (`Coreference._read_through`) and save their state where they
stopped (`checkpoints.close`). The next version takes that state up and reads on from there as far
as its own questions ask: when its new entry asks about its own words (a quotation nested in
another, a pronoun), the reading first reads all of the old page it had not read. For the nested
quotations, whose questions are few and mostly early on a page, that is most of the page (~8.5 ms of
a 3,000-word page's update). So once the reply is out, each reading of the analysis reads on to its
mark (the start of the page's last paragraph, `checkpoints.MARKS`) and saves its state there.

Why the next version's analysis is unchanged: a reading's state at a token depends only on the
tokens before it and on the facts a checkpoint checks, never on which question made it read that
far (`_read_through`: no question changes what the reading keeps; only its reading adds evidence).
Reading on to the mark and saving there is exactly what the reading does when a question asks past
the mark (`Checkpoints.reach`), and the next version takes the state up only when its facts are
equal to the saved ones (`Checkpoints.resume`), else reads from the start as before. The replayed
quotations (`engine.replay`) go as far as the state taken up covers, by the same argument. A state
that no next version takes up costs its place in the bounded store (`checkpoints.KEPT_TOKENS`).

The states the analysis's readings save where they stopped (`checkpoints.close`, 0.5-1 ms of a
3,000-word page's update) are saved here too, first, once the reply is out: `leave` takes the
readings over from the analysis (`checkpoints.hand_over`), `steps` saves each where it stopped before
reading any on (the state and the order of the store's entries are the ones `close` made), and a job
whose idle work did not get that far saves the rest as it ends (`drop`), so no version goes without
them.

Preemptible: the work goes in slices of SLICE_TOKENS tokens (well under a millisecond each), and
the worker asks before each whether a message waits on its pipe; if one does, the rest is dropped
(the reading stays where the last slice left it, a place the next version reads on from as it
would from any other), so a request waits at most one slice. Bounded: what is held is the analysis
just made (its document, actor index and readings, `leave`), from the end of the analysis to the end
of its job, whose memory zone held them anyway; nothing of it is kept past the job, and nothing is
queued: a page whose next version never comes costs one read of its own tokens. Outside a daemon's
worker nobody asks for the work (`collecting` stays False) and nothing is held.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from . import checkpoints, docview

# Tokens a slice reads: some 4 µs a token on the bench's machine, so a request waits under a millisecond.
SLICE_TOKENS = 200

# Whether the analyses of this process leave their readings for idle work (set by `engine.jobs`
# around the jobs of a worker that sends its reply before the job ends).
collecting = False
_left: tuple | None = None  # (the view and columns of the analysis's document, its readings)
# The readings of the latest analysis whose states where they stopped are not saved yet (`leave`),
# and the view and columns of its document.
_unsaved: list = []
_unsaved_view: tuple | None = None


def leave(readings: list) -> None:
    """Called at the end of an analysis with its coreference readings (`checkpoints.readings`):
    they are held for `take` when a worker will read them on after its reply, and their states
    saved then (`checkpoints.hand_over`: `checkpoints.close` no longer saves them)."""
    global _left, _unsaved_view
    _save_unsaved()
    _left = None
    if not collecting or not readings:
        return
    shared = docview.current()
    if shared is None:
        return
    _left = (shared, list(readings))
    _unsaved[:] = checkpoints.hand_over()
    _unsaved_view = shared


def take() -> tuple | None:
    """The work the latest analysis left (`leave`), no longer held here."""
    global _left
    left, _left = _left, None
    return left


def drop() -> None:
    """Lets go of anything an analysis left (the end of its job): the states of its readings not
    saved yet (its idle work cut short before it saved them, or not run) saved first."""
    global _left
    _left = None
    _save_unsaved()


def _save_unsaved() -> None:
    """Each reading handed over by `leave` and not saved yet saved where it stands; a failure only
    loses a state, which the page's next version does without (it reads from the start)."""
    global _unsaved_view
    if _unsaved:
        with docview.shared_again(*_unsaved_view):
            while _unsaved:
                try:
                    _unsaved.pop(0).save()
                except Exception:
                    pass
    _unsaved_view = None


def steps(left: tuple) -> Iterator[None]:
    """The work `left` in slices: each reading read on to its marks, its state saved at each; yields
    between slices."""
    (view, cols), readings = left
    # (first the states where the readings stopped, as `checkpoints.close` would have saved them)
    _save_unsaved()
    for coref in readings:
        cp = coref._checkpoints
        for mark in cp.marks:
            if coref._next > mark or mark > checkpoints.KEPT_TOKENS // 2:
                # (saved as the reading passed it, `Checkpoints.reach`; or a page too long for the
                # store to keep a state of, whose reading on would be a long page's CPU for nothing)
                continue
            while coref._next < mark:
                with docview.shared_again(view, cols):
                    coref._read_through(min(coref._next + SLICE_TOKENS, mark) - 1)
                yield
            cp.save()


def run(left: tuple, busy: Callable[[], bool]) -> bool:
    """The work `left`, slice by slice while not `busy()`; whether it was all done. A failure
    drops the rest: the next version reads on itself, as it would have without it."""
    work = steps(left)
    try:
        while not busy():
            if next(work, StopIteration) is StopIteration:
                return True
        return False
    except Exception:
        return False
    finally:
        work.close()
