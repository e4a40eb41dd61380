import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { decide, metadataSignals, reportsSpeech } from "../src/content/articleness.js";

const head = (inner) => new JSDOM(`<!doctype html><html><head>${inner}</head><body></body></html>`).window.document;
const ld = (obj) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;
const verdict = (inner, text) => decide({ ...metadataSignals([head(inner)]), text });
const prose = { chars: 2400, blocks: 9, linkShare: 0.02, linkedHeadings: 0, inArticleElement: 0 };

test("schema.org story types make an article, whatever else the JSON-LD holds", () => {
  for (const type of ["NewsArticle", "ReportageNewsArticle", "OpinionNewsArticle", "AnalysisNewsArticle", "LiveBlogPosting", "BlogPosting", "Article", "https://schema.org/NewsArticle"]) {
    assert.deepEqual(verdict(ld({ "@context": "https://schema.org", "@type": type })), { isArticle: true, rule: "schema.org says article" }, type);
  }
  // In a @graph beside the site's WebSite and breadcrumbs, as an array of types, as a page's mainEntity.
  const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "WebSite" }, { "@type": "BreadcrumbList" }, { "@type": ["NewsArticle", "Report"] }] };
  assert.equal(verdict(ld(graph)).isArticle, true);
  assert.equal(verdict(ld({ "@type": "WebPage", mainEntity: { "@type": "NewsArticle" } })).isArticle, true);
  assert.equal(verdict(ld([{ "@type": "Organization" }, { "@type": "NewsArticle" }])).isArticle, true);
});

test("schema.org page kinds that are no story are not articles, before any text is read", () => {
  for (const type of ["DiscussionForumPosting", "SearchResultsPage", "CollectionPage", "ProfilePage", "QAPage"]) {
    assert.deepEqual(verdict(ld({ "@type": type })), { isArticle: false, rule: "schema.org says another kind of page" }, type);
  }
  // A front page listing stories: the stories inside its ItemList are not the page.
  const front = { "@type": "CollectionPage", mainEntity: { "@type": "ItemList", itemListElement: [{ "@type": "ListItem", item: { "@type": "NewsArticle" } }] } };
  assert.equal(verdict(ld(front)).isArticle, false);
  // Broken JSON-LD says nothing.
  assert.equal(verdict(`<script type="application/ld+json">{"@type": "NewsArt`).isArticle, undefined);
});

test("without metadata the text decides: prose is an article, a listing of linked headlines is not", () => {
  assert.deepEqual(verdict(""), { isArticle: undefined, rule: null }); // nothing known yet: read the text
  assert.equal(verdict("", prose).isArticle, true);
  assert.equal(verdict("", { ...prose, chars: 500 }).isArticle, false);
  assert.equal(verdict("", { ...prose, chars: 500, inArticleElement: 1 }).isArticle, true); // a short story in <article>
  assert.equal(verdict("", { ...prose, linkedHeadings: 6, chars: 1500 }).rule, "a listing of stories");
  assert.equal(verdict("", { ...prose, linkShare: 0.6 }).isArticle, false);
  assert.equal(verdict("", { ...prose, chars: 0 }).rule, "no text");
});

test("Open Graph and microdata", () => {
  assert.equal(verdict(`<meta property="og:type" content="article">`, { ...prose, chars: 300, blocks: 2 }).isArticle, true);
  // A page calling itself a website needs much more prose.
  assert.equal(verdict(`<meta property="og:type" content="website">`, prose).isArticle, false);
  assert.equal(verdict(`<meta property="og:type" content="website">`, { ...prose, chars: 4000 }).isArticle, true);
  const body = (html) => decide(metadataSignals([new JSDOM(html).window.document])).isArticle;
  assert.equal(body(`<div itemscope itemtype="https://schema.org/NewsArticle"><div itemprop="articleBody"><p>x</p></div></div>`), true);
  assert.equal(body(`<div itemscope itemtype="http://schema.org/DiscussionForumPosting"><p>x</p></div>`), false);
  // Many story teasers marked up as articles are a listing, not one article.
  assert.equal(body(`<div itemscope itemtype="https://schema.org/NewsArticle"></div><div itemscope itemtype="https://schema.org/NewsArticle"></div>`), undefined);
});

test("a page calling itself a website whose prose reports what people said is a story", () => {
  const website = `<meta property="og:type" content="website">`;
  const short = { ...prose, chars: 1000, blocks: 7 };
  assert.equal(verdict(website, short).isArticle, false); // an about page, a landing page
  assert.equal(verdict(website, { ...short, speech: 1 }).isArticle, false); // one testimonial is no report
  assert.deepEqual(verdict(website, { ...short, speech: 2 }), { isArticle: true, rule: "long prose" });
  assert.equal(verdict(website, { ...short, chars: 600, speech: 4 }).isArticle, false); // still prose enough
  assert.ok(reportsSpeech("“Children can sit in the boat and pull an oar,” she said."));
  assert.ok(reportsSpeech("Councillor Dev Amarasinghe told the meeting: \"The light is the reason.\""));
  assert.ok(!reportsSpeech("She said the shed would open on weekends."));
  assert.ok(!reportsSpeech("Our “studio” has been open since 2019."));
});
