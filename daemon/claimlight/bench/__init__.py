"""`claimlight bench`: how fast claimlight is, against its targets, written to bench/results.json.

Each figure has its own module here; this one runs them in order, prints the table and writes the
JSON. The daemon figures share one freshly started daemon (`python -m claimlight serve` with the
default settings but a private HOME), in the order that keeps them honest: memory at start first,
then the first request it ever gets, then warm and cached latency, streaming, a live page's update, concurrency, the
1,000-article memory run, fairness (on a daemon of its own), and the browser last. docs/bench.md explains every figure.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

BENCHMARKS = ("engine", "pathological", "latency", "stream", "live", "concurrency", "memory", "fairness", "browser")
DAEMON_BENCHMARKS = frozenset(BENCHMARKS) - {"engine", "pathological"}
# Sections whose figures are wall-clock times that other load on the host inflates. (The engine
# ratio is timed against itself round by round; memory does not depend on CPU speed.)
RETRIED = ("latency", "stream", "live", "concurrency", "fairness")


def run(args: argparse.Namespace) -> int:
    selected = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in selected if name not in BENCHMARKS]
    if unknown:
        print(f"claimlight bench: unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    from .report import combine, table

    began = time.monotonic()
    runs = []
    for n in range(max(1, args.repeat)):
        if args.repeat > 1:
            print(f"claimlight bench: run {n + 1} of {args.repeat}", file=sys.stderr, flush=True)
        runs.append(_one_run(selected, args))
    for attempt in range(0 if args.quick else max(0, args.retries)):
        # A section disturbed in every run so far has no figure worth quoting: give it another chance.
        pending = [name for name in RETRIED if name in selected and all(name in run.disturbed for run in runs)]
        if not pending:
            break
        print(f"claimlight bench: {', '.join(pending)} disturbed by other load in every run so far; "
              f"running again ({attempt + 1} of {args.retries})", file=sys.stderr, flush=True)
        runs.append(_one_run(pending, args))
    report = combine(runs)
    full_runs = max(1, args.repeat)
    report.details["duration_s"] = round(time.monotonic() - began, 1)

    out = Path(args.out)
    report.write(out)
    print()
    print(table(report.rows))
    m = report.machine
    print(f"\n{m['nproc']} CPUs ({m['cpu']}), {m['ram_mb']:,} MB RAM; load average at start {m['loadavg_at_start']}")
    for name, why in report.disturbed.items():
        print(f"warning: during '{name}' {why}; its figures are suspect: run again (--repeat 3 reports the median of undisturbed runs)")
    missed = [r for r in report.rows if r.ok is False]
    met = [r for r in report.rows if r.ok]
    print(f"{len(met)} of {len(met) + len(missed)} targets met"
          f"{f' (median of {full_runs} runs)' if full_runs > 1 else ''}"
          f"{f' (disturbed sections run again {len(runs) - full_runs}×)' if len(runs) > full_runs else ''}{' (quick run: small samples)' if args.quick else ''}; "
          f"written to {out}")
    return 1 if args.strict and missed else 0


def _one_run(sections: list[str], args: argparse.Namespace):
    """One pass over `sections` (a fresh daemon for the daemon's), with the disturbed ones flagged."""
    from .contention import suspects
    from .report import Report

    report = Report(quick=args.quick)
    if "engine" in sections:
        _section(report, "engine", _engine, args.quick)
    if "pathological" in sections:
        _section(report, "pathological", _pathological, args.quick)
    if DAEMON_BENCHMARKS & set(sections):
        _daemon_benchmarks(report, sections, args)
    report.disturbed = suspects({k: v["contention"] for k, v in report.details.items() if isinstance(v, dict) and v.get("contention")})
    return report


def _section(report, name: str, fn, *args) -> None:
    from .contention import Meter

    print(f"claimlight bench: {name} …", file=sys.stderr, flush=True)
    with Meter(count_foreign=name != "browser") as meter:
        rows, details = fn(*args)
    report.rows.extend(rows)
    report.details[name] = {**details, "contention": meter.result}


def _engine(quick: bool):
    from . import engine_overhead

    return engine_overhead.run(quick)


def _pathological(quick: bool):
    from . import pathological

    return pathological.run(quick)


def _daemon_benchmarks(report, selected: list[str], args: argparse.Namespace) -> None:
    import shutil
    import tempfile

    from ..testing.daemon import Daemon
    from . import browser, concurrency, fairness, first_highlight, live, memory, ws_latency

    daemon_args = ("--workers", str(args.workers)) if args.workers else ()
    started: list[Daemon] = []

    def fresh(*more: str) -> Daemon:
        # Default settings, a private HOME (its own token and log), info-level logging: a daemon as a user runs it.
        d = Daemon(Path(tempfile.mkdtemp(prefix="claimlight-bench-")), args=(*daemon_args, *more), log_level="info")
        started.append(d)
        return d.start(timeout=180)

    try:
        daemon = fresh()
        at_start = daemon.memory()
        report.details["daemon"] = {"args": list(daemon_args), "ready_s": round(daemon.started_s, 2),
                                    "workers": len(daemon.workers()), "memory_at_start": at_start}
        if "latency" in selected:
            _section(report, "latency", ws_latency.run, daemon, args.quick, fresh)
        if "stream" in selected:
            _section(report, "stream", first_highlight.run, daemon, args.quick)
        if "live" in selected:
            _section(report, "live", live.run, daemon, args.quick)
        if "concurrency" in selected:
            _section(report, "concurrency", concurrency.run, daemon, args.quick)
        if "memory" in selected:
            _section(report, "memory", memory.run, daemon, args.quick, at_start)
        if "fairness" in selected:
            # A daemon of its own: a 900,000-character page leaves its workers larger, which would
            # count against the memory figures of the sections before.
            _section(report, "fairness", fairness.run, fresh(), args.quick)
        if "browser" in selected:
            # First visits: a daemon that keeps no paragraph parses has seen none of the page, as on
            # a reader's first visit; the shared daemon, which has, gives the figures of a revisit.
            _section(report, "browser", browser.run, daemon, args.quick, lambda: fresh("--parse-cache-mb", "0"))
    finally:
        for d in started:
            d.stop()
            shutil.rmtree(d.root, ignore_errors=True)
