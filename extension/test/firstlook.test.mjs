import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { findArticle } from "../src/content/extract.js";
import { firstLook } from "../src/content/firstlook.js";
import { earlyQuotes } from "../src/content/quotescan.js";

const pages = new URL("../../seeds/pages/", import.meta.url);
const load = (name, html) => new JSDOM(html ?? readFileSync(new URL(name, pages), "utf8"), { url: `http://127.0.0.1/${name}` }).window.document;
const prose = (i) => `Paragraph ${i} of the story, in which the council said that the harbour bridge would stay shut until spring, and “we will not rush it,” the mayor said.`;
const para = (i) => `<p>${prose(i)}</p>`;
const story = (n = 8) => Array.from({ length: n }, (_, i) => para(i)).join("");
const page = (body, head = "") => load("t.html", `<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const texts = (blocks) => (blocks ?? []).map((b) => b.text);

test("the story's paragraphs at first look are blocks the search for the article keeps, on every page it looks at", () => {
  const names = [
    ...readdirSync(new URL("corpus/", pages)).filter((f) => f.endsWith(".html")).map((f) => `corpus/${f}`),
    ...readdirSync(pages).filter((f) => f.endsWith(".html")),
  ];
  const looked = [];
  for (const name of names) {
    const look = firstLook(load(name));
    if (!look) continue;
    looked.push(name);
    const found = findArticle(load(name));
    assert.equal(found.isArticle, true, name);
    const kept = new Set(found.blocks.map((b) => b.text));
    for (const b of look) assert.ok(kept.has(b.text), `${name}: ${b.text.slice(0, 60)}`);
    // And so every quote painted at first look is one the search's blocks give too.
    const quotes = new Set(found.blocks.flatMap((b) => earlyQuotes(b.text).map((q) => q.text)));
    for (const q of look.flatMap((b) => earlyQuotes(b.text))) assert.ok(quotes.has(q.text), `${name}: ${q.text}`);
  }
  assert.ok(looked.includes("harbour-bridge.html"), "the seed article is marked up the plain way");
  assert.ok(!looked.includes("front-page.html") && !looked.includes("corpus/comments-as-articles.html"));
});

test("a first look takes the paragraphs of the story's flow in the one <article>, nothing boxed or named furniture", () => {
  const doc = page(`<nav><p>“Menu,” it says, in a paragraph of the site's own navigation bar, long enough to read.</p></nav>
    <article><header><p class="standfirst">“A standfirst,” with a quotation in it, that the story's flow does not hold.</p></header>
    <div class="body">${story(6)}
    <blockquote><p>“A quotation set apart from the story, a pull quote,” said someone quoted above.</p></blockquote>
    <p>Held in a box: <span style="display:block">“a block inside the paragraph,” it said.</span></p>
    <div class="newsletter-signup"><p>“Sign up,” says the newsletter box, “for the morning briefing.”</p></div>
    ${para(9)}</div>
    <h2>Comments (3)</h2><div class="body">${para(10)}</div></article>`);
  const look = firstLook(doc);
  assert.deepEqual(texts(look), [0, 1, 2, 3, 4, 5, 9].map(prose));
  for (const b of look) assert.equal(b.entries[0].node, b.key);
});

test("no first look where the markup leaves doubt: several articles, metadata saying otherwise, little of the article in paragraphs", () => {
  assert.ok(firstLook(page(`<article>${story()}</article>`)));
  assert.equal(firstLook(page(`<article>${story()}</article><article>${story()}</article>`)), null);
  assert.equal(firstLook(page(`<article>${story()}</article>`, `<script type="application/ld+json">{"@type": "CollectionPage"}</script>`)), null);
  assert.equal(firstLook(page(`<article>${story(2)}</article>`)), null);
  assert.equal(firstLook(page(`<article>${story()}<div>${"A list of teasers and links without paragraphs. ".repeat(40)}</div></article>`)), null);
  assert.equal(firstLook(page(`<main>${story()}</main>`)), null);
  assert.equal(firstLook(page(`<article style="display:none">${story()}</article>`)), null);
});
