import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { authorNames } from "../src/content/authors.js";

const doc = (head, body = "") => new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document;

test("the story's authors from JSON-LD: people, in a list or a @graph, not organisations", () => {
  const ld = (o) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
  assert.deepEqual(authorNames([doc(ld({ "@type": "OpinionNewsArticle", author: { "@type": "Person", name: "Dale Henriksen" } }))]), ["Dale Henriksen"]);
  assert.deepEqual(
    authorNames([doc(ld({ "@graph": [{ "@type": "NewsArticle", author: [{ "@type": "Person", name: "Ana Ruiz" }, { "@type": "Organization", name: "Metro Desk" }, "By Tom Wu"] }] }))]),
    ["Ana Ruiz", "Tom Wu"],
  );
  assert.deepEqual(authorNames([doc(`<script type="application/ld+json">{ not json</script>`)]), []);
});

test("the story's authors from meta, microdata and rel=author, once each; what is not a name is not taken", () => {
  const d = doc(`<meta name="author" content="Ruby Kallis">`, `<span itemprop="author" itemscope><span itemprop="name">Ruby Kallis</span></span>
    <a rel="author" href="/people/lo">Leah Ostrander</a><meta name="author" content="https://example.com/staff/42"><a rel=author href="/x">Staff</a>`);
  assert.deepEqual(authorNames([d]), ["Ruby Kallis", "Leah Ostrander"]);
});
