import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { drawnText, quoteMarks, quotePairs } from "../src/content/generated.js";
import { cutBlocks } from "../src/content/blocks.js";
import { Rendering } from "../src/content/rendering.js";
import { buildText, locate } from "../src/content/offsets.js";

test("open-quote and close-quote draw the marks of the text's language, a nested <q> the second pair", () => {
  const en = quotePairs("auto", "en-GB");
  assert.equal(drawnText("open-quote", en, 0), "“");
  assert.equal(drawnText("close-quote", en, 0), "”");
  assert.equal(drawnText("open-quote", en, 1), "‘");
  assert.equal(drawnText("open-quote", en, 5), "‘", "deeper than the pairs: the last pair");
  assert.equal(drawnText("open-quote", quotePairs("auto", "fr"), 0), "«");
  assert.equal(drawnText("open-quote", quotePairs("auto", "de-CH"), 0), "„");
  assert.equal(drawnText("open-quote", quotePairs("auto", "tlh"), 0), "“", "an unlisted language: English marks");
  assert.equal(drawnText("open-quote", quotePairs("auto", ""), 0), "“");
});

test("a site's own quotes property and content strings are drawn as written; none and images are not", () => {
  const pairs = quotePairs('"«" "»" "‹" "›"', "en");
  assert.deepEqual(pairs, [["«", "»"], ["‹", "›"]]);
  assert.equal(drawnText("open-quote", pairs, 1), "‹");
  assert.equal(drawnText('"\\201C"', pairs, 0), "“");
  assert.equal(drawnText('"— "', pairs, 0), "— ");
  assert.equal(drawnText('open-quote " "', pairs, 0), "« ");
  assert.equal(drawnText("none", pairs, 0), "");
  assert.equal(drawnText("normal", pairs, 0), "");
  assert.equal(drawnText('url("x.svg")', pairs, 0), "");
  assert.equal(drawnText("counter(item)", pairs, 0), "");
  assert.deepEqual(quotePairs("none", "en"), []);
  assert.equal(drawnText("open-quote", [], 0), "");
});

/** A window whose computed styles are what the browser's own style sheet gives a <q>. */
function browserLike(win, { content = true } = {}) {
  return {
    getComputedStyle(el, pseudo) {
      const isQ = el.localName === "q";
      if (pseudo === "::before") return { content: isQ && content ? "open-quote" : "none" };
      if (pseudo === "::after") return { content: isQ && content ? "close-quote" : "none" };
      return { ...win.getComputedStyle(el), quotes: "auto" };
    },
  };
}

test("the marks around a <q>: nested by depth, none when the site turns them off", () => {
  const { window } = new JSDOM(`<p lang="en"><q id="a">out <q id="b">in</q></q> <span id="c">x</span></p>`);
  const d = window.document;
  const win = browserLike(window);
  assert.deepEqual(quoteMarks(d.getElementById("a"), win), { before: "“", after: "”" });
  assert.deepEqual(quoteMarks(d.getElementById("b"), win), { before: "‘", after: "’" });
  assert.equal(quoteMarks(d.getElementById("c"), win), null);
  assert.equal(quoteMarks(d.getElementById("a"), browserLike(window, { content: false })), null);
});

test("a block with <q>s reads with their marks, and every offset maps back to the quote's own text", () => {
  const { window } = new JSDOM(`<!doctype html><body><p>She said <q>we <b>will</b> stay</q>, and <q>not <q>ever</q> go</q>.</p></body>`);
  const d = window.document;
  const r = new Rendering();
  const win = browserLike(window);
  const [block] = cutBlocks(d.body, {
    keep: (t) => r.isVisibleText(t),
    lookOf: (el) => r.lookOf(el),
    skip: () => false,
    marksOf: (el) => quoteMarks(el, win) ?? undefined,
  });
  const { text, entries } = buildText(block.pieces);
  assert.equal(text, "She said “we will stay”, and “not ‘ever’ go”.");
  // A span over the whole quote, marks included, covers exactly the quote's words on the page.
  const start = text.indexOf("“we");
  const end = text.indexOf("”,") + 1;
  const a = locate(entries, start, "start");
  const b = locate(entries, end, "end");
  const range = d.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  assert.equal(range.toString(), "we will stay");
  // Inside the marks, offsets are the text's own.
  const w = text.indexOf("will");
  assert.deepEqual(locate(entries, w, "start"), { node: d.querySelector("b").firstChild, offset: 0 });
  const nested = [text.indexOf("‘"), text.indexOf("’") + 1].map((o, i) => locate(entries, o, i ? "end" : "start"));
  range.setStart(nested[0].node, nested[0].offset);
  range.setEnd(nested[1].node, nested[1].offset);
  assert.equal(range.toString(), "ever");
});

test("without marks to draw, a <q> reads as its text alone", () => {
  const { window } = new JSDOM(`<!doctype html><body><p>He said <q>“typed marks”</q> here.</p></body>`);
  const r = new Rendering();
  const win = browserLike(window, { content: false });
  const [block] = cutBlocks(window.document.body, {
    keep: (t) => r.isVisibleText(t), lookOf: (el) => r.lookOf(el), skip: () => false, marksOf: (el) => quoteMarks(el, win) ?? undefined,
  });
  assert.equal(buildText(block.pieces).text, "He said “typed marks” here.");
});

/** A window where a site's style sheet draws `content` strings around elements of a class. */
function siteStyled(win, drawn) {
  return {
    getComputedStyle(el, pseudo) {
      const rule = drawn[el.getAttribute("class")];
      if (pseudo === "::before") return { content: rule?.[0] ?? "none" };
      if (pseudo === "::after") return { content: rule?.[1] ?? "none" };
      return { ...win.getComputedStyle(el), quotes: "auto" };
    },
  };
}

test("a plain element whose style draws quotation marks around it is read with them; icons and labels drawn are not", () => {
  const { window } = new JSDOM(`<!doctype html><body><p>The manager said the cars had <span class="say">done <em>everything</em> we asked</span>, and <a class="ext" href="#">a link</a> <span class="new">here</span> <span class="oq">open</span>.</p></body>`);
  const win = siteStyled(window, {
    say: ['"\\201C"', '"\\201D"'],
    ext: ["none", '" ↗"'],
    new: ['"NEW "', "none"],
    oq: ["open-quote", "close-quote"],
  });
  const d = window.document;
  assert.deepEqual(quoteMarks(d.querySelector(".say"), win), { before: "“", after: "”" });
  assert.equal(quoteMarks(d.querySelector(".ext"), win), null, "an icon after a link is not a mark");
  assert.equal(quoteMarks(d.querySelector(".new"), win), null, "a drawn label is not a mark");
  assert.equal(quoteMarks(d.querySelector("em"), win), null, "nothing drawn");
  assert.deepEqual(quoteMarks(d.querySelector(".oq"), win), { before: "“", after: "”" }, "open-quote on a plain element");
  const r = new Rendering();
  const [block] = cutBlocks(d.body, {
    keep: (t) => r.isVisibleText(t), lookOf: (el) => r.lookOf(el), skip: () => false, marksOf: (el) => quoteMarks(el, win) ?? undefined,
  });
  assert.equal(buildText(block.pieces).text, "The manager said the cars had “done everything we asked”, and a link here “open”.");
});
