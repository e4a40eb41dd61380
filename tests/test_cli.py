"""The command line as a user runs it: `claimlight analyze`, `eval`, `--version`, `--help`."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimlight import __version__

ROOT = Path(__file__).parents[1]
ARTICLE = "Mayor Ana Ortiz spoke on Monday. “We will rebuild the bridge by 2027,” she said.\n\nThe work will cost $40 million."


# A guard against a hang, not a speed limit: `eval` over every seed article is seconds of CPU, but
# under pytest-xdist it shares the CPUs with the other workers (and on a busy machine, with more).
TIMEOUT_S = 600


def claimlight(*args, input=None):
    return subprocess.run([sys.executable, "-m", "claimlight", *args], input=input, capture_output=True, text=True,
                          timeout=TIMEOUT_S)


def test_version_and_help():
    assert claimlight("--version").stdout.strip() == f"claimlight {__version__}"
    for sub in ("analyze", "eval", "pages", "serve", "service", "config", "doctor"):
        out = claimlight(sub, "--help")
        assert out.returncode == 0 and "usage: claimlight" in out.stdout, sub


def test_analyze_json_from_stdin_gives_spans_and_actors():
    out = claimlight("analyze", "--json", "-", input=ARTICLE)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    (quote,) = [s for s in data["spans"] if s["category"] == "quote"]
    assert ARTICLE[quote["start"] : quote["end"]] == "“We will rebuild the bridge by 2027,”"
    assert quote["speaker"] == "Ana Ortiz" and quote["cue"] == "said"
    assert ARTICLE[quote["speaker_start"] : quote["speaker_end"]] == "she"
    assert any(s["category"] == "number" and "$40 million" in s["text"] for s in data["spans"])
    assert {"name": "Ana Ortiz", "type": "person"}.items() <= next(a for a in data["actors"] if a["name"] == "Ana Ortiz").items()


def test_analyze_text_prints_who_said_what(tmp_path):
    f = tmp_path / "article.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = claimlight("analyze", str(f), "--color", "never")
    assert out.returncode == 0
    assert "[Q:“We will rebuild the bridge by 2027,” ←Ana Ortiz]" in out.stdout
    assert "Ana Ortiz — 1 quote, 0 reported" in out.stdout
    # Mayor Ana Ortiz spoke on Monday (6) · We will rebuild the bridge by 2027 (7, quoted) · she said (2)
    # · The work will cost 40 million (6): 21 words.
    assert "21 words: 33% in direct quotes, 0% reported speech, 67% the writer's own" in out.stdout
    assert "1 source: 1 named, 0 unnamed" in out.stdout
    assert "Figures without a source: $40 million" in out.stdout


def test_analyze_missing_file_is_a_clear_error():
    out = claimlight("analyze", "/nonexistent/article.txt")
    assert out.returncode == 2 and "cannot read" in out.stderr and "Traceback" not in out.stderr


def test_eval_prints_per_article_rows_and_overall(tmp_path):
    out = claimlight("eval", str(ROOT / "seeds" / "articles"), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["files"] >= 8
    assert data["overall"]["quote_f1"] >= 0.98
    assert 0.5 <= data["overall"]["reported_speaker_acc"] <= 1
    table = claimlight("eval", str(ROOT / "seeds" / "articles" / "wire-geneva-water-deal.json"))
    assert "attributed_f1" in table.stdout and "reported_speaker_acc" in table.stdout and "overall" in table.stdout


def test_eval_bad_gold_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "x", "quotes": [{"quote": "not there"}]}')
    out = claimlight("eval", str(bad))
    assert out.returncode == 2 and "not found" in out.stderr and "Traceback" not in out.stderr
