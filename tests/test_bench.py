"""`claimlight bench` keeps working: a quick run of the engine figure, and the pieces around it.

No timing is asserted here; the figures themselves are the bench's business (docs/bench.md).
"""

from __future__ import annotations

import json

from claimlight.bench import browser, corpus
from claimlight.testing import browser as harness
from claimlight.bench.report import Report, Row, combine, percentile, skipped, table
from claimlight.cli import main


def test_quick_engine_bench_writes_results(tmp_path, capsys):
    out = tmp_path / "nested" / "results.json"
    assert main(["bench", "--quick", "--only", "engine", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = {row["key"]: row for row in data["rows"]}
    ratio = rows["engine.overhead_ratio"]
    assert ratio["value"] > 0 and ratio["target"] == {"op": "<=", "value": 1.10} and ratio["ok"] in (True, False)
    assert rows["engine.bare_wps"]["value"] > 0
    assert data["quick"] is True and data["machine"]["nproc"] >= 1
    assert "contention" in data["details"]["engine"]
    printed = capsys.readouterr().out
    assert "engine overhead" in printed and "targets met" in printed


def test_unknown_benchmark_is_refused(tmp_path, capsys):
    assert main(["bench", "--only", "engine,warp", "--out", str(tmp_path / "r.json")]) == 2
    assert "warp" in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()


def test_browser_rows_skip_with_a_reason_without_chromium(monkeypatch):
    monkeypatch.setattr(harness, "CHROMIUM", "/nonexistent/chromium")
    rows, details = browser.run(None, quick=True)
    assert rows and all(r.value is None and r.note.startswith("skipped (") for r in rows)
    assert "skipped" in details


def test_corpus_articles_differ_and_repeat():
    texts = corpus.articles(200, 550)
    assert len(set(texts)) == 200
    assert corpus.article(7, 1500) == corpus.article(7, 1500)
    assert 1500 <= corpus.words(corpus.article(7, 1500)) < 1800
    assert corpus.words(corpus.article(3, 10_000)) >= 10_000


def test_table_targets_and_median_of_runs():
    fast = Row("latency.warm_p50_ms", "warm p50", 300.0, "ms", ("<=", 350.0))
    slow = Row("latency.warm_p50_ms", "warm p50", 400.0, "ms", ("<=", 350.0))
    assert fast.ok is True and slow.ok is False
    rows = [fast, skipped("browser.mark_ms", "marks", "no chromium", unit="ms"), Row("x", "ratio", 1.05, "×", ("<=", 1.15))]
    text = table(rows)
    assert "≤ 350 ms" in text and "skipped (no chromium)" in text and "1.05×" in text and "ok" in text
    runs = [Report(quick=True, rows=[Row(fast.key, fast.label, v, "ms", ("<=", 350.0))], machine={}) for v in (300.0, 400.0, 320.0)]
    merged = combine(runs).rows[0]
    assert merged.value == 320.0 and merged.ok is True and "3 undisturbed runs of 3" in merged.note
    runs[0].disturbed = {"latency": "other programs used 40% of the CPUs"}  # 300 no longer counts
    merged = combine(runs).rows[0]
    assert merged.value == 360.0 and merged.ok is False and "2 undisturbed runs of 3" in merged.note
    assert percentile([1, 2, 3, 4], 50) == 2.5 and percentile([5], 95) == 5


def test_a_section_disturbed_in_every_run_is_run_again_until_quiet(tmp_path, monkeypatch, capsys):
    import claimlight.bench as bench

    calls: list[list[str]] = []
    p50 = Row("latency.warm_p50_ms", "1,500-word article, warm p50", 0.0, "ms", ("<=", 350.0))

    def fake_run(sections, args):
        calls.append(list(sections))
        disturbed = len(calls) < 3  # the first run and the first retry are disturbed, the second retry is not
        row = Row(p50.key, p50.label, 420.0 if disturbed else 260.0, p50.unit, p50.target)
        return Report(quick=False, rows=[row], machine={"nproc": 2, "cpu": "test", "ram_mb": 1, "loadavg_at_start": [0, 0, 0]},
                      disturbed={"latency": "the CPUs ran at 50% of their best speed"} if disturbed else {})

    monkeypatch.setattr(bench, "_one_run", fake_run)
    out = tmp_path / "r.json"
    assert main(["bench", "--only", "latency,memory", "--retries", "3", "--out", str(out)]) == 0
    assert calls == [["latency", "memory"], ["latency"], ["latency"]]  # stops once a run is quiet; memory is not retried
    row = next(r for r in json.loads(out.read_text())["rows"] if r["key"] == p50.key)
    assert row["value"] == 260.0 and row["ok"] is True and "1 undisturbed run of 3" in row["note"]
    assert "running again" in capsys.readouterr().err

    calls.clear()
    assert main(["bench", "--quick", "--only", "latency", "--out", str(out)]) == 0
    assert calls == [["latency"]]  # a smoke run is never repeated


def test_quick_pathological_bench_writes_ratios(tmp_path):
    out = tmp_path / "results.json"
    assert main(["bench", "--quick", "--only", "pathological", "--out", str(out)]) == 0
    rows = {row["key"]: row for row in json.loads(out.read_text(encoding="utf-8"))["rows"]}
    for kind in ("quotation_marks", "apostrophes", "json"):
        ratio = rows[f"pathological.{kind}_ratio"]
        assert ratio["value"] > 0 and ratio["target"] == {"op": "<=", "value": 3.0}


def test_pathological_texts_are_what_they_say():
    assert set(corpus.quote_marks(500)) <= set("“”„«»\"‘’") and len(corpus.quote_marks(500)) == 500
    assert set(corpus.apostrophes(500)) == {"'", "’"}
    assert corpus.json_like(2000).startswith('[{"id": 0') and len(corpus.json_like(2000)) == 2000
    assert len(corpus.prose(12_345)) == 12_345 and corpus.prose(12_345) == corpus.prose(12_345)


def test_the_live_update_breakdown_times_every_pass_and_parses_only_what_is_new():
    from claimlight.bench import live_stages

    page = corpus.article(61_000, 300)
    grown = page + corpus.PARAGRAPH + "Late on Friday, the council said the vote would be held again next week."
    stages = live_stages.measure([page], [grown])
    # the new entry only: the page's last paragraph, as it ends once the entry follows, was parsed ahead
    assert stages["paragraphs parsed"] == 1
    assert stages["coreference readings taken up"] >= 1  # from where the page's first analysis left them
    for name in live_stages.PASSES:
        assert stages[f"  pass: {name}"] >= 0
    steps = ("parse the new paragraphs", "rebuild the document from bytes", "extraction, all passes", "parent: reply frame")
    assert sum(stages[name] for name in steps) <= stages["update, all steps"] + 1
    # the passes were put back as they were, and the collector, off for the update as in a worker, is on again
    import gc

    from claimlight import engine
    assert all(getattr(engine, name).__module__.startswith("claimlight.engine") for name in live_stages.PASSES)
    assert gc.isenabled()


def test_the_live_update_breakdown_can_count_cpu_time():
    import time

    from claimlight.bench import live_stages

    page = corpus.article(61_001, 200)
    grown = page + corpus.PARAGRAPH + "By Saturday morning, the ferry service said two crossings had been cancelled."
    wall = live_stages.measure([page], [grown])
    cpu = live_stages.measure([page], [grown], timer=time.process_time)
    assert cpu.keys() == wall.keys()
    assert cpu["update, all steps"] > 0 and cpu["paragraphs parsed"] == 1


def test_settle_waits_while_a_process_is_busy_and_not_longer():
    # The live figure starts once the daemon's workers have made their lexemes (`testing.daemon.settle`).
    import subprocess
    import sys
    import time

    from claimlight.testing.daemon import settle

    busy = subprocess.Popen([sys.executable, "-c", "import time\nend = time.time() + 3.0\nwhile time.time() < end: pass\nimport sys; sys.stdin.read()"],
                            stdin=subprocess.PIPE)
    idle = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        time.sleep(0.3)  # both started (the idle one's start-up CPU is behind it)
        assert settle([idle.pid], busy_share=0.05, window_s=0.25) < 1.0
        assert settle([busy.pid], busy_share=0.05, window_s=0.25, limit_s=0.5) < 1.0  # bounded by its limit
        assert settle([busy.pid], busy_share=0.05, window_s=0.25, limit_s=20) >= 0.5  # until its busy loop ends
    finally:
        for p in (busy, idle):
            p.kill()
            p.wait()
