import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { articleBlocks, fallbackBlocks, looksLikeArticle, normalizeSpace } from "../src/content/extract.js";
import { readBlock } from "../src/content/blocktext.js";

const pages = new URL("../../seeds/pages/", import.meta.url);
function load(name, html) {
  const dom = new JSDOM(html ?? readFileSync(new URL(name, pages), "utf8"), { url: `http://127.0.0.1/${name}` });
  return dom.window;
}
const texts = (els) => els.map((el) => normalizeSpace(el.textContent));

test("a news article: body blocks only, not the page's chrome", () => {
  const win = load("harbour-bridge.html");
  const doc = win.document;
  assert.equal(looksLikeArticle(doc), true);
  const blocks = articleBlocks(doc);
  const all = texts(blocks).join("\n");
  // In: paragraphs, the pull-quote, the figure caption, a subheading, the standfirst.
  assert.match(all, /We will not let the Harbour Bridge close again/);
  assert.match(all, /Every week the bridge stays shut/);
  assert.match(all, /Engineers from Calder & Webb inspect/);
  assert.match(all, /Ferries and a temporary crossing/);
  assert.match(all, /Residents deserve to know who decided to wait/);
  // Out: ticker, most read, promo, related links, comments, footer, cookie banner.
  for (const chrome of ["monitoring the situation", "Gus Holloway", "Lana Corvette", "best local paper", "add an hour to my day", "my foot", "Telling Northport", "Accept all", "Sections"]) {
    assert.doesNotMatch(all, new RegExp(chrome), chrome);
  }
  // Blocks are live elements of this document, in document order, none inside another.
  for (let i = 0; i < blocks.length; i++) {
    assert.equal(blocks[i].ownerDocument, doc);
    if (i) assert.ok(blocks[i - 1].compareDocumentPosition(blocks[i]) & win.Node.DOCUMENT_POSITION_FOLLOWING);
    for (const other of blocks) if (other !== blocks[i]) assert.ok(!blocks[i].contains(other));
  }
  // The blockquote's paragraph, not the blockquote around it.
  assert.ok(blocks.some((el) => el.tagName === "P" && el.parentElement.tagName === "BLOCKQUOTE"));
  assert.ok(blocks.some((el) => el.tagName === "FIGCAPTION"));
});

test("the clone is analysed: the live document is not modified", () => {
  const win = load("harbour-bridge.html");
  const before = win.document.documentElement.outerHTML;
  articleBlocks(win.document);
  assert.equal(win.document.documentElement.outerHTML, before);
});

test("live blog entries are found", () => {
  const doc = load("live-blog.html").document;
  assert.equal(looksLikeArticle(doc), true);
  const all = texts(articleBlocks(doc)).join("\n");
  assert.match(all, /Nobody should be travelling/);
  assert.match(all, /Environment Agency raised all six flood barriers/);
  assert.doesNotMatch(all, /It is a disgrace/);
});

test("a front page is not an article; on request its teasers are used", () => {
  const doc = load("front-page.html").document;
  assert.equal(looksLikeArticle(doc), false);
  const all = texts(fallbackBlocks(doc)).join("\n");
  assert.match(all, /says Mayor Elena Varga/);
  assert.doesNotMatch(all, /Sections|©/);
});

test("dark page and emoji page are articles", () => {
  for (const name of ["dark-review.html", "emoji-reactions.html"]) {
    const doc = load(name).document;
    assert.equal(looksLikeArticle(doc), true, name);
    assert.ok(articleBlocks(doc).length >= 4, name);
  }
  const all = texts(articleBlocks(load("dark-review.html").document)).join("\n");
  assert.match(all, /A city that finally sounds like itself/);
  assert.doesNotMatch(all, /Essential reading after dark/);
});

test("blocks Readability rebuilt from plain <div>s map back by identity or text", () => {
  const para = (i) => `Paragraph ${i} of a story told in divs, long enough to count as prose for Readability’s scoring, with commas, clauses, and, yes, a few more words.`;
  const html = `<html><body><nav><p>Home · News</p></nav><div id="story">${[1, 2, 3, 4, 5, 6]
    .map((i) => `<div class="para">${para(i)}</div>`)
    .join("")}</div><footer><p>Footer text</p></footer></body></html>`;
  const doc = load("divs.html", html).document;
  const blocks = articleBlocks(doc);
  assert.deepEqual(texts(blocks), [1, 2, 3, 4, 5, 6].map(para));
  assert.ok(blocks.every((el) => el.classList.contains("para")));
});

test("a short article survives Readability's retry (which re-creates nodes)", () => {
  const html = `<html><body><article><h1>Short</h1><p>“It is short,” she said of the report, which ran to a single page and a half, and which nobody had read in full before the meeting began.</p><p>Another paragraph follows here, with enough words to be read as prose by anyone.</p></article></body></html>`;
  const doc = load("short.html", html).document;
  const all = texts(articleBlocks(doc));
  assert.ok(all.some((t) => t.startsWith("“It is short,”")), JSON.stringify(all));
});

test("readBlock gives text and hash; equal text, equal hash", () => {
  const doc = load("x.html", `<p id=a>One <em>two</em></p><p id=b>One two</p><p id=c>One three</p>`).document;
  const win = doc.defaultView;
  const [a, b, c] = ["a", "b", "c"].map((id) => readBlock(doc.getElementById(id), win));
  assert.equal(a.text, "One two");
  assert.equal(a.hash, b.hash);
  assert.notEqual(a.hash, c.hash);
});
