"""Bench rows, the printed table and bench/results.json."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

SLOW_TEXT = "1.3×"
_OPS = {"<=": (lambda v, t: v <= t, "≤"), ">=": (lambda v, t: v >= t, "≥")}


@dataclass
class Row:
    key: str  # stable name in results.json, e.g. "latency.warm_p50_ms"
    label: str  # what the table shows
    value: float | None = None
    unit: str = ""
    target: tuple[str, float] | None = None  # ("<=", 350.0)
    note: str = ""  # "skipped (why)", or how the figure was taken
    ok: bool | None = None

    def __post_init__(self) -> None:
        if self.target is not None and self.value is not None:
            self.ok = bool(_OPS[self.target[0]][0](self.value, self.target[1]))

    def target_text(self) -> str:
        if self.target is None:
            return ""
        op, limit = self.target
        return f"{_OPS[op][1]} {_number(limit)}{_space(self.unit)}"

    def value_text(self) -> str:
        if self.value is None:
            return "—"
        return f"{_number(self.value)}{_space(self.unit)}"


def skipped(key: str, label: str, reason: str, *, unit: str = "", target: tuple[str, float] | None = None) -> Row:
    return Row(key, label, None, unit, target, note=f"skipped ({reason})")


def _space(unit: str) -> str:
    return unit if not unit or unit in ("×", "%") else " " + unit


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100), linearly interpolated; the median is percentile(values, 50)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram_mb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_mb = int(line.split()[1]) // 1024
    except OSError:
        pass
    try:
        load = list(os.getloadavg())
    except OSError:
        load = None
    import spacy

    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu or "unknown",
        "ram_mb": ram_mb,
        "loadavg_at_start": load,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "platform": platform.platform(),
    }


def table(rows: list[Row]) -> str:
    header = ("figure", "value", "target", "")
    cells = [header] + [
        (r.label, r.value_text() if r.value is not None else r.note, r.target_text(), {True: "ok", False: "MISSED", None: ""}[r.ok])
        for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(3)]
    lines = []
    for n, c in enumerate(cells):
        lines.append(f"{c[0]:<{widths[0]}}  {c[1]:>{widths[1]}}  {c[2]:<{widths[2]}}  {c[3]}".rstrip())
        if n == 0:
            lines.append("-" * (sum(widths) + 10))
    return "\n".join(lines)


@dataclass
class Report:
    quick: bool
    rows: list[Row] = field(default_factory=list)
    details: dict = field(default_factory=dict)  # per benchmark: the raw samples and settings
    disturbed: dict[str, str] = field(default_factory=dict)  # section -> why its figures are suspect
    machine: dict = field(default_factory=machine)
    started: str = field(default_factory=lambda: time.strftime("%Y-%m-%dT%H:%M:%S%z"))

    def to_json(self) -> dict:
        return {
            "started": self.started,
            "quick": self.quick,
            "machine": self.machine,
            "disturbed_sections": self.disturbed,
            "rows": [
                {**{k: v for k, v in asdict(r).items() if k != "target"},
                 "target": None if r.target is None else {"op": r.target[0], "value": r.target[1]}}
                for r in self.rows
            ],
            "details": self.details,
        }

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(path)


def combine(runs: list[Report]) -> Report:
    """One report from several runs of the same benchmarks: each figure's median over the runs in
    which its section ran undisturbed (over all runs when none did), the spread in its note, and
    every run's details."""
    from .contention import slowed_runs

    if len(runs) == 1:
        return runs[0]
    first = runs[0]
    sections = [{k: v["contention"] for k, v in run.details.items() if isinstance(v, dict) and v.get("contention")} for run in runs]
    slowed = slowed_runs(sections)
    disturbed: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        for name, why in run.disturbed.items():
            disturbed[name] = "; ".join(filter(None, [disturbed.get(name), f"run {n}: {why}"]))
    for name, slow in slowed.items():
        if name != "engine":  # the engine section's work is timed against itself, round by round
            why = f"run{'s' if len(slow) > 1 else ''} {', '.join(map(str, slow))} needed over {SLOW_TEXT} the CPU time of the best run for the same work"
            disturbed[name] = "; ".join(filter(None, [disturbed.get(name), why]))

    def quiet(n: int, section: str) -> bool:
        return section not in runs[n].disturbed and (section == "engine" or n + 1 not in slowed.get(section, []))

    rows = []
    for row in first.rows:
        section = row.key.split(".")[0]
        values = {n: r.value for n, run in enumerate(runs) for r in run.rows if r.key == row.key and r.value is not None}
        if not values:
            rows.append(row)
            continue
        clean = [v for n, v in values.items() if quiet(n, section)]
        chosen = clean or list(values.values())
        spread = f" ({_number(min(chosen))}–{_number(max(chosen))})" if len(chosen) > 1 else ""
        if clean:
            note = f"median of {len(clean)} undisturbed run{'s' if len(clean) > 1 else ''} of {len(values)}{spread}"
        else:
            note = f"median of {len(values)} runs, all disturbed{spread}"
        rows.append(Row(row.key, row.label, median(chosen), row.unit, row.target, note=note))
    quiet_sections = {name: why for name, why in disturbed.items()
                      if not any(quiet(n, name) for n in range(len(runs)))}
    return Report(quick=first.quick, rows=rows, details={"runs": [run.details for run in runs], "disturbed_by_run": disturbed},
                  disturbed=quiet_sections, machine=first.machine, started=first.started)
