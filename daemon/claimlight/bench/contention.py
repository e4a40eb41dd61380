"""Was the machine itself steady while a benchmark ran? Other programs' load, and the CPUs' speed.

On a shared 2-core machine another program's test run can halve a latency figure's worth, and a
virtual machine also loses speed to its host without any of it showing in /proc/stat. On the
machine in docs/bench.md a fixed loop at times takes 1.7 times as long as usual, for minutes on
end, mostly when both CPUs are busy: the host then gives the VM's two CPUs little more than one
core's worth, and parsing a page on both CPUs buys little. Each benchmark section is wrapped in
`Meter`, which records

* foreign load: the CPU time all processes used (/proc/stat) minus the CPU time of this process and
  its descendants (the daemon, its workers, Chromium);
* the CPUs' speed just before and just after the section (`calibrate`): the loop alone, and the
  loop on every CPU at once;
* our CPU time: the same work costs more CPU seconds on a slowed-down machine, so across the runs
  of `--repeat` a section's CPU seconds show which runs were slowed (`slowed_runs`).

They are reported next to the figures, so that a disturbed run is recognised as such and repeated.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
DISTURBED = 0.10  # foreign load above this share of the machine makes a section's figures suspect
SLOW = 1.3  # a calibration (or a section's CPU seconds) this much above the best makes it suspect


_LOOP = """import sys, time
while time.time() < float(sys.argv[1]):
    pass
t = time.perf_counter(); s = 0
for i in range(600_000):
    s += i * i % 7
print((time.perf_counter() - t) * 1000)
"""


def _loops(n: int) -> list[float]:
    """Milliseconds for the loop in n processes started together (a common start time, so they overlap)."""
    start_at = str(time.time() + 0.15)
    procs = [subprocess.Popen([sys.executable, "-c", _LOOP, start_at], stdout=subprocess.PIPE, text=True) for _ in range(n)]
    return [float(p.communicate(timeout=30)[0]) for p in procs]


def calibrate() -> dict:
    """The fixed loop's milliseconds alone (~78 ms on a quiet 2.4 GHz EPYC core), and the slowest of it
    running on every CPU at once (the same, when the CPUs are really separate cores)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        return {"alone_ms": round(_loops(1)[0], 1), "all_cpus_ms": round(max(_loops(cpus)), 1)}
    except (OSError, ValueError, subprocess.SubprocessError):
        return {}


def _busy_seconds() -> float | None:
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    values = [int(v) for v in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / _TICK  # guest time is already inside user time


def _tree_seconds(root: int) -> float:
    """CPU seconds used so far by `root` and every live descendant (plus children they have reaped)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        times[pid] = sum(int(v) for v in fields[11:15]) / _TICK  # utime stime cutime cstime
    ours, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in ours:
                ours.add(child)
                frontier.append(child)
    return sum(times.get(pid, 0.0) for pid in ours)


class Meter:
    def __init__(self, count_foreign: bool = True):
        # Chromium's processes outlive their parents when the browser closes and are reaped by init,
        # so for the browser their CPU time would pass for other programs': only the CPU's speed counts.
        self.count_foreign = count_foreign
        self.result: dict = {}

    def __enter__(self) -> "Meter":
        self.calibration0 = calibrate()
        self.start = time.monotonic()
        self.busy0 = _busy_seconds()
        self.ours0 = _tree_seconds(os.getpid())
        return self

    def __exit__(self, *exc) -> None:
        wall = time.monotonic() - self.start
        busy1 = _busy_seconds()
        ours = _tree_seconds(os.getpid()) - self.ours0
        if self.busy0 is None or busy1 is None or wall <= 0:
            return
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        foreign = max(0.0, (busy1 - self.busy0) - ours)
        self.result = {
            "wall_s": round(wall, 2), "our_cpu_s": round(ours, 2), "foreign_cpu_s": round(foreign, 2),
            "foreign_share": round(foreign / (wall * cpus), 3) if self.count_foreign else None,
            "calibration": [self.calibration0, calibrate()],
        }


def suspects(sections: dict[str, dict]) -> dict[str, str]:
    """Section -> why its figures are suspect, from the Meter results of one run's sections."""
    alone = [c["alone_ms"] for r in sections.values() for c in r.get("calibration", []) if c]
    fastest = min(alone, default=None)
    why = {}
    for name, r in sections.items():
        calibrations = [c for c in r.get("calibration", []) if c]
        if (r.get("foreign_share") or 0.0) > DISTURBED:
            why[name] = f"other programs used {r['foreign_share']:.0%} of the CPUs"
        elif fastest and calibrations:
            slowest = max(max(c["alone_ms"], c["all_cpus_ms"]) for c in calibrations)
            if slowest > SLOW * fastest:
                why[name] = f"the CPUs ran at {fastest / slowest:.0%} of their best speed (host contention?)"
    return why


def slowed_runs(runs: list[dict[str, dict]]) -> dict[str, list[int]]:
    """Section -> the runs (1-based) whose CPU seconds for the section exceed the best run's by SLOW."""
    out: dict[str, list[int]] = {}
    for name in runs[0]:
        cpu = [run.get(name, {}).get("our_cpu_s") for run in runs]
        best = min((c for c in cpu if c), default=None)
        slow = [n for n, c in enumerate(cpu, 1) if best and c and c > SLOW * best]
        if slow:
            out[name] = slow
    return out
