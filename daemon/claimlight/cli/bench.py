"""`claimlight bench`: the benchmarks of `claimlight.bench`, against their targets."""

from __future__ import annotations

import argparse

from ..bench import BENCHMARKS, run


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="measure speed, latency, concurrency and memory against the targets; writes bench/results.json",
        description="How fast claimlight is, against its targets, written to bench/results.json.",
    )
    parser.add_argument("--out", default="bench/results.json", metavar="FILE",
                        help="where to write the figures as JSON (default: bench/results.json, relative to the current directory)")
    parser.add_argument("--quick", action="store_true", help="a short run with small samples (a smoke test, not figures to quote)")
    parser.add_argument("--only", metavar="A,B", default=",".join(BENCHMARKS),
                        help=f"run only these benchmarks, comma-separated: {', '.join(BENCHMARKS)}")
    parser.add_argument("--workers", type=int, metavar="N", help="analysis workers of the benchmarked daemon (default: the config default)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run everything N times (a fresh daemon each time) and report each figure's median over "
                             "the runs that other programs and the host did not disturb")
    parser.add_argument("--retries", type=int, default=2, metavar="N",
                        help="when every run of the latency, stream or concurrency section was disturbed by other load, "
                             "run that section again with a fresh daemon, up to N times (default 2; not with --quick)")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when a figure misses its target")
    parser.set_defaults(func=run)
