"""The extension paints a page's quotes from their marks before the daemon answers
(extension/src/content/quotescan.js), and the daemon's first reply repaints them in place: the two
scanners must find the same quotations, or a quote would flicker or be painted twice. Both are run
here on the same texts (the seeds, the pages corpus's gold texts and generated text dense with
marks, apostrophes and characters outside the BMP) and their early quotes compared, offsets in
UTF-16 units as the extension gets them."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from claimlight.engine.early import early_quotes
from claimlight.protocol import BLOCK_SEPARATOR
from claimlight.server.offsets import analysis_to_utf16
from claimlight.server.pieces import early_head

REPO = Path(__file__).resolve().parents[1]
SCANNER = REPO / "extension" / "src" / "content" / "quotescan.js"

# Reads [{blocks: [...]}, …] on stdin; writes, for each, the head the extension scans and its early quotes.
_RUN = """
import { earlyHead, earlyQuotes } from %s;
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(({ blocks }) => {
    const head = earlyHead(blocks);
    return { blocks: head.blocks, length: head.text.length, spans: earlyQuotes(head.text) };
  });
  process.stdout.write(JSON.stringify(out));
});
"""

_ALPHABET = (list("abcdefghij ABCDE") * 3 + list("  \n,.;:!?()-—/…") + list("\"'“”‘’„‚«»‹›") * 2
             + ["s", "S", "n", "em", "90", "12", "é", "Σ", "\u00a0", "\u2009", "²", "𝐀", "😀", "\x1c"])


def _generated(n: int, seed: int = 15) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(5, 400)))
        out.append([b for b in text.split("\n\n") if b] or ["x"])
    return out


def _seed_texts() -> list[list[str]]:
    texts = []
    for path in sorted((REPO / "seeds" / "articles").glob("*.json")):
        texts.append(json.loads(path.read_text(encoding="utf-8"))["text"].split(BLOCK_SEPARATOR))
    for path in sorted((REPO / "seeds" / "pages" / "corpus").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("text"):
            texts.append(gold["text"].split(BLOCK_SEPARATOR))
    return texts


def _daemon(blocks: list[str]) -> dict:
    k, n = early_head(blocks)
    head = BLOCK_SEPARATOR.join(blocks)[:n]
    wire = analysis_to_utf16(early_quotes(head), head)
    spans = [{"start": s.start, "end": s.end, "category": s.category.value, "text": s.text, "quote_id": s.quote_id} for s in wire.spans]
    return {"blocks": k, "length": len(head.encode("utf-16-le")) // 2, "spans": spans}


def _extension(cases: list[list[str]]) -> list[dict]:
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    script = _RUN % json.dumps(SCANNER.as_uri())
    done = subprocess.run([node, "--input-type=module", "-e", script], input=json.dumps([{"blocks": b} for b in cases]),
                          capture_output=True, text=True, encoding="utf-8", check=True, timeout=120)
    return json.loads(done.stdout)


@pytest.mark.parametrize("source", ["seeds", "generated"])
def test_the_extension_finds_the_daemons_early_quotes(source):
    cases = _seed_texts() if source == "seeds" else _generated(600)
    found = _extension(cases)
    quotes = 0
    for blocks, got in zip(cases, found, strict=True):
        want = _daemon(blocks)
        assert got == want, (blocks, got, want)
        quotes += len(want["spans"])
    assert quotes > (100 if source == "seeds" else 300)  # the texts do have quotations


def test_a_long_page_is_scanned_as_far_as_the_daemon_scans_it():
    paragraph = "“This is what the council said today,” she told reporters. " * 20
    blocks = [paragraph] * 40 + ["𝐀" * 30_000]
    assert _extension([blocks]) == [_daemon(blocks)]
    assert _extension([["“One block” " + "𝐀" * 25_000]]) == [_daemon(["“One block” " + "𝐀" * 25_000])]
