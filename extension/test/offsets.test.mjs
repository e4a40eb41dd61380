import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { buildText, locate } from "../src/content/offsets.js";
import { cutBlocks } from "../src/content/blocks.js";
import { Rendering } from "../src/content/rendering.js";

/** The first block of a page's visible text, read as the extension reads an article's blocks. */
function firstBlock(dom) {
  const { document } = dom.window;
  const r = new Rendering();
  const [block] = cutBlocks(document.body, { keep: (t) => r.isVisibleText(t), lookOf: (el) => r.lookOf(el), skip: () => false });
  return buildText(block.pieces);
}

const n = (data) => ({ data });

/** Text nodes holding `datas`, each one whole piece, read as one block. */
function built(...datas) {
  const nodes = datas.map(n);
  return { nodes, ...buildText(nodes.map((node) => ({ node }))) };
}

test("whitespace collapses across nodes and is trimmed at both ends", () => {
  const { text, entries } = built("\n   He said\n  ", "  “hello”  ", "\n");
  assert.equal(text, "He said “hello”");
  assert.deepEqual(entries.map((e) => [e.start, e.end]), [[0, 8], [8, 15]]);
});

test("<br> reads as one space, soft hyphens and zero-width spaces vanish", () => {
  const a = n("inter\u00adnational");
  const b = n("next\u200bline");
  const { text } = buildText([{ node: a }, { br: true }, { br: true }, { node: b }]);
  assert.equal(text, "international nextline");
});

test("a word joiner or a zero-width no-break space inside a name vanishes; ZWJ stays", () => {
  const { text, entries } = buildText([{ node: n("Schwarzen\u2060berger and Bött\ufeffcher") }, { node: n(" 👩\u200d🚀") }]);
  assert.equal(text, "Schwarzenberger and Böttcher 👩\u200d🚀");
  // "cher" maps back past the dropped mark in the node's data.
  const at = text.indexOf("cher");
  assert.equal(entries[0].raw[at - entries[0].start], "Schwarzen\u2060berger and Bött\ufeffcher".indexOf("cher"));
});

test("leading <br> adds nothing", () => {
  const { text } = buildText([{ br: true }, { node: n("x") }]);
  assert.equal(text, "x");
});

test("locate maps offsets to raw node offsets, start and end edges", () => {
  const { nodes: [a, b, c], text, entries } = built("  Mayor ", "Elena   Varga", " said.");
  assert.equal(text, "Mayor Elena Varga said.");
  const s = text.indexOf("Elena Varga");
  const e = s + "Elena Varga".length;
  assert.deepEqual(locate(entries, s, "start"), { node: b, offset: 0 });
  assert.deepEqual(locate(entries, e, "end"), { node: b, offset: 13 });
  // An end right after "Mayor" stays in the first node rather than spilling into the next.
  assert.deepEqual(locate(entries, 5, "end"), { node: a, offset: 7 });
  assert.deepEqual(locate(entries, 6, "start"), { node: b, offset: 0 });
  assert.deepEqual(locate(entries, text.length, "start"), { node: c, offset: 6 });
  assert.deepEqual(locate(entries, 0, "start"), { node: a, offset: 2 });
  // "Varga" starts after the collapsed run of three spaces.
  assert.deepEqual(locate(entries, text.indexOf("Varga"), "start"), { node: b, offset: 8 });
});

test("offsets are UTF-16 code units: astral characters count twice", () => {
  const { nodes: [a], text, entries } = built("🔥👏🏽 “Go,” she said");
  assert.equal(text, a.data);
  const q = text.indexOf("“Go,”");
  assert.equal(q, 7); // 🔥 (2) + 👏🏽 (4) + space
  assert.deepEqual(locate(entries, q, "start"), { node: a, offset: 7 });
  assert.deepEqual(locate(entries, q + 5, "end"), { node: a, offset: 12 });
});

test("empty input", () => {
  const { text, entries } = buildText([]);
  assert.equal(text, "");
  assert.equal(locate(entries, 0), null);
});

test("spans crossing <a>, <em> and <strong> map to exact DOM ranges", () => {
  const dom = new JSDOM(`<p id="p">
      “We will not let the <a href="#">Harbour <em>Bridge</em></a> close <em>again</em>,”
      said Mayor <strong><a href="#">Elena Varga</a></strong>.<script>var x = "not text";</script>
      <span hidden>hidden words</span>
    </p>`);
  const { document } = dom.window;
  const block = firstBlock(dom);
  assert.equal(block.text, "“We will not let the Harbour Bridge close again,” said Mayor Elena Varga.");
  for (const wanted of ["“We will not let the Harbour Bridge close again,”", "Elena Varga", "Bridge close again", "Harbour"]) {
    const start = block.text.indexOf(wanted);
    const a = locate(block.entries, start, "start");
    const b = locate(block.entries, start + wanted.length, "end");
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    assert.equal(range.toString().replace(/\s+/g, " "), wanted);
  }
});

test("block-level children separate words; <br> too", () => {
  const dom = new JSDOM(`<li id="x">First<div>second</div>third<br>fourth</li>`);
  const { document } = dom.window;
  const r = new Rendering();
  const blocks = cutBlocks(document.getElementById("x"), { keep: () => true, lookOf: (el) => r.lookOf(el), skip: () => false });
  assert.deepEqual(blocks.map((b) => buildText(b.pieces).text), ["First", "second", "third fourth"]);
});

test("part of a node's data: only those characters, offsets still in the node", () => {
  const a = n("one two\n\nthree four");
  const { text, entries } = buildText([{ node: a, start: 9, end: 19 }]);
  assert.equal(text, "three four");
  assert.deepEqual(locate(entries, 0, "start"), { node: a, offset: 9 });
  assert.deepEqual(locate(entries, 10, "end"), { node: a, offset: 19 });
  assert.equal(buildText([{ node: a, start: 0, end: 7 }, { br: true }, { node: a, start: 9, end: 14 }]).text, "one two three");
});
