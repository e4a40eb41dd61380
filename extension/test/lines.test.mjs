import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { cutBlocks } from "../src/content/blocks.js";
import { Rendering } from "../src/content/rendering.js";
import { buildText } from "../src/content/offsets.js";

/** The body's blocks' texts, cut as the extension cuts an article. */
function texts(html, style = "") {
  const { document } = new JSDOM(`<!doctype html><html><head><style>${style}</style></head><body>${html}</body></html>`).window;
  const r = new Rendering();
  return cutBlocks(document.body, { keep: (t) => r.isVisibleText(t), lookOf: (el) => r.lookOf(el), skip: () => false }).map((b) => buildText(b.pieces).text);
}

const PDF_STYLE = `.pf { position: relative } .t { position: absolute; white-space: pre; font-size: 15px }`;
const line = (top, text) => `<div class="t" style="top:${top}px">${text}</div>`;

test("a converted PDF's lines, one positioned element each, are read as paragraphs parted by wider gaps", () => {
  const html = `<div class="pf">${line(100, "The board will lower the reservoir by")}${line(122, "four metres, its engineer said: “The gates")}${line(144, "are old.”")}${line(178, "The footpath will be closed.")}${line(200, "Anglers may ask for a refund.")}</div>`;
  assert.deepEqual(texts(html, PDF_STYLE), [
    "The board will lower the reservoir by four metres, its engineer said: “The gates are old.”",
    "The footpath will be closed. Anglers may ask for a refund.",
  ]);
});

test("a converted document's running header and footer, on every page, are not its text; a change of type starts a block", () => {
  const page = (n, body) => `<div class="pf">${line(20, "Water Board · Notice 47")}${body}${line(900, `Page ${n} of 2`)}</div>`;
  const html = page(1, `<div class="t" style="top:60px;font-size:20px">PUBLIC NOTICE</div>${line(100, "First line of the notice,")}${line(122, "and its second line.")}`) +
    page(2, `${line(100, "A second page's paragraph,")}${line(122, "which ends here.")}`);
  assert.deepEqual(texts(html, PDF_STYLE), ["PUBLIC NOTICE", "First line of the notice, and its second line.", "A second page's paragraph, which ends here."]);
});

test("OCR text, a <div> per printed line: an indented line opens a paragraph, and a paragraph runs on into the next column", () => {
  const style = `.col { display: block } .line { white-space: nowrap } .indent { text-indent: 1.2em }`;
  const html = `<div class="cols"><div class="col"><div class="line indent">A meeting of the ratepayers was</div><div class="line">held on Tuesday. Mr. Pennefather said</div>
    <div class="line">"For twenty years we</div></div><div class="col"><div class="line">have waited," and sat down.</div><div class="line indent">The motion was carried.</div>
    <div class="line">by 41 votes to 17.</div></div></div>`;
  assert.deepEqual(texts(html, style), [
    `A meeting of the ratepayers was held on Tuesday. Mr. Pennefather said "For twenty years we have waited," and sat down.`,
    "The motion was carried. by 41 votes to 17.",
  ]);
});

test("two one-line boxes, or lines that wrap, stay blocks of their own", () => {
  const style = `.tag { white-space: nowrap }`;
  assert.deepEqual(texts(`<div class="tag">Politics</div><div class="tag">12 min read</div><p>The story's first paragraph.</p>`, style), ["Politics", "12 min read", "The story's first paragraph."]);
  assert.deepEqual(texts(`<div>One paragraph.</div><div>Another paragraph.</div><div>A third one.</div>`), ["One paragraph.", "Another paragraph.", "A third one."]);
});

test("a split-text animation's lines, a nowrap block <span> per line with its words in inline boxes, are read as their paragraphs", () => {
  const style = `.ln { display: block; white-space: nowrap; overflow: hidden } .ln > span { display: inline-block }`;
  const ln = (text) => `<span class="ln"><span>${text}</span></span>`;
  const html = `<p>${ln("Farmers around the bay say the winter")}${ln("killed a third of their stock.")}</p>` +
    `<p>${ln("“You lift a bag and it rattles,")}${ln("because the shells are empty,” said one.")}</p><p>${ln("The institute agreed.")}</p>`;
  assert.deepEqual(texts(html, style), [
    "Farmers around the bay say the winter killed a third of their stock.",
    "“You lift a bag and it rattles, because the shells are empty,” said one.",
    "The institute agreed.",
  ]);
});

test("nowrap boxes holding blocks are no printed lines", () => {
  const style = `.tile { white-space: nowrap } .tile div { display: block }`;
  const tile = (a, b) => `<div class="tile"><div>${a}</div><div>${b}</div></div>`;
  assert.deepEqual(texts(tile("Politics", "12 min") + tile("Sport", "3 min") + tile("Weather", "1 min"), style), ["Politics", "12 min", "Sport", "3 min", "Weather", "1 min"]);
});
