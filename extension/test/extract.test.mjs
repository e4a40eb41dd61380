import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { findArticle, normalizeSpace } from "../src/content/extract.js";
import { locate } from "../src/content/offsets.js";

const pages = new URL("../../seeds/pages/", import.meta.url);
function load(name, html) {
  return new JSDOM(html ?? readFileSync(new URL(name, pages), "utf8"), { url: `http://127.0.0.1/${name}` }).window;
}
const page = (body, head = "") => load("t.html", `<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;
const texts = (found) => found.blocks.map((b) => b.text);
const para = (i) =>
  `Paragraph ${i} of the story, long enough to count as prose for Readability’s scoring, with commas, clauses, and, yes, a few more words about the council and the bridge.`;

test("a news article: its paragraphs, not the page's chrome nor the furniture inside it", () => {
  const win = load("harbour-bridge.html");
  const found = findArticle(win.document);
  assert.equal(found.isArticle, true);
  const all = texts(found).join("\n");
  // In: the paragraphs, and a blockquote that says what the body does not repeat.
  assert.match(all, /We will not let the Harbour Bridge close again/);
  assert.match(all, /Every week the bridge stays shut/);
  assert.match(all, /Residents deserve to know who decided to wait|accused the administration/);
  // Out: the figure caption, the subheading, the byline, and everything outside the article.
  for (const chrome of ["Engineers from Calder & Webb inspect", "Ferries and a temporary crossing", "Martha Quill", "monitoring the situation", "Gus Holloway", "Lana Corvette", "best local paper", "add an hour to my day", "my foot", "Telling Northport", "Accept all", "Sections"]) {
    assert.doesNotMatch(all, new RegExp(chrome), chrome);
  }
  // Blocks are keyed by their first text node, and their element holds all of their text.
  for (const b of found.blocks) {
    assert.equal(b.key, b.entries[0].node);
    assert.ok(b.entries.every((e) => b.el.contains(e.node)));
  }
});

test("the live document is left as it was", () => {
  const win = load("harbour-bridge.html");
  const before = win.document.documentElement.outerHTML;
  findArticle(win.document);
  findArticle(win.document, { forced: true });
  assert.equal(win.document.documentElement.outerHTML, before);
});

test("a live blog's entries, without their times and headings", () => {
  const found = findArticle(load("live-blog.html").document);
  assert.equal(found.isArticle, true);
  const all = texts(found).join("\n");
  assert.match(all, /Nobody should be travelling/);
  assert.match(all, /Environment Agency raised all six flood barriers/);
  assert.doesNotMatch(all, /It is a disgrace|07:45|Barriers up at Quayside|LIVE/);
});

test("a front page is not an article; on request its teasers are used, not its chrome", () => {
  const doc = load("front-page.html").document;
  assert.equal(findArticle(doc).isArticle, false);
  assert.deepEqual(findArticle(doc).blocks, []);
  const all = texts(findArticle(doc, { forced: true })).join("\n");
  assert.match(all, /says Mayor Elena Varga/);
  assert.doesNotMatch(all, /Sections|©|Northport Courier/);
});

test("dark page and emoji page are articles", () => {
  for (const name of ["dark-review.html", "emoji-reactions.html"]) {
    const found = findArticle(load(name).document);
    assert.equal(found.isArticle, true, name);
    assert.ok(found.blocks.length >= 4, name);
  }
  const all = texts(findArticle(load("dark-review.html").document)).join("\n");
  assert.match(all, /A city that finally sounds like itself/);
  assert.doesNotMatch(all, /Essential reading after dark/);
});

test("paragraphs as plain <div>s with no <p> anywhere map back to the live <div>s", () => {
  const doc = page(`<div class=top>Site name</div><div id=story><div class=t>Headline</div><div class=by>By Ann Lee | 2 April 2025, 18:04</div>${[1, 2, 3, 4, 5, 6]
    .map((i) => `<div class="para">${para(i)}</div>`)
    .join("")}<div class=cap>A picture. (Photo: Ann Lee / Daily)</div></div><footer><p>Footer text</p></footer>`);
  const found = findArticle(doc);
  assert.equal(found.isArticle, true);
  assert.deepEqual(texts(found), [1, 2, 3, 4, 5, 6].map(para));
  assert.ok(found.blocks.every((b) => b.el.classList.contains("para")));
});

test("a short article survives Readability's retry, which re-creates its copy's nodes", () => {
  const doc = page(`<article><h1>Short</h1><p>“It is short,” she said of the report, which ran to a single page and a half.</p><p>Another paragraph follows, with enough words to be read as prose.</p></article>`);
  const found = findArticle(doc, { forced: true });
  assert.deepEqual(texts(found), [
    "“It is short,” she said of the report, which ran to a single page and a half.",
    "Another paragraph follows, with enough words to be read as prose.",
  ]);
  // Still live text nodes of this document.
  assert.ok(found.blocks.every((b) => b.entries.every((e) => e.node.ownerDocument === doc && doc.body.contains(e.node))));
});

test("furniture inside the body is left out; the dateline opening a paragraph stays", () => {
  const doc = page(
    `<article><div class="kicker">Politics</div><h1>Headline</h1><p class="byline">By Ann Lee and Tom Fry</p>
    <p>Published 3 March 2025, 18:20 GMT</p>
    <p><span class="dateline">GENEVA —</span> ${para(1)}</p>
    <p><strong>Read more:</strong> <a href="/x">Another story about the bridge</a></p>
    <p>${para(2)}</p><div class="ad-slot">Advertisement</div>
    <div class="share-bar"><a href="#">Facebook</a><a href="#">X</a></div>
    <p>${para(3)}</p>
    <div class="newsletter"><p>Sign up for our morning email. “I read it first,” says a reader.</p></div>
    <p>${para(4)}</p>
    <blockquote class="twitter-tweet"><p>Posted on the social network: “what a day for the bridge” — a user</p></blockquote>
    <p>${para(5)}</p>
    <p>Reporting by Ann Lee; editing by Tom Fry</p></article>`,
    `<meta property="og:type" content="article">`,
  );
  const all = texts(findArticle(doc));
  assert.deepEqual(all, [`GENEVA — ${para(1)}`, para(2), para(3), para(4), para(5)]);
});

test("a pull quote repeating the body is not analysed twice; a blockquote of its own is", () => {
  const body = `<p>${para(1)}</p><p>“We never saw the bridge so empty,” said Ann Lee, who runs the café. ${para(2)}</p>
    <blockquote class="pull"><p>“We never saw the bridge so empty”</p></blockquote>
    <p>${para(3)}</p><blockquote><p>“The council regrets the delay and will publish its report,” the statement said.</p></blockquote><p>${para(4)}</p>`;
  const all = texts(findArticle(page(`<article>${body}</article>`)));
  assert.equal(all.filter((t) => t.includes("We never saw the bridge so empty")).length, 1);
  assert.ok(all.some((t) => t.startsWith("“The council regrets the delay")));
});

test("an article in an open shadow root is found and cut like any other", () => {
  const doc = page(`<div class=bar>Site</div><article-view id=host><h1 slot=headline>Fire destroys lab</h1></article-view><section id=comments class=comments><p>${para(9)}</p></section>`, `<meta property="og:type" content="article">`);
  const root = doc.getElementById("host").attachShadow({ mode: "open" });
  root.innerHTML = `<slot name=headline></slot><div class=byline>By Sanne V · 3 February 2025</div>${[1, 2, 3, 4, 5].map((i) => `<p>${para(i)}</p>`).join("")}<figure><figcaption>Photo: someone</figcaption></figure>`;
  const found = findArticle(doc);
  assert.equal(found.isArticle, true);
  assert.deepEqual(texts(found), [1, 2, 3, 4, 5].map(para));
  assert.ok(found.blocks.every((b) => b.el.getRootNode() === root));
});

test("a block's text and its live text map one to one, in UTF-16 units, emoji and all", () => {
  const doc = page(`<article><p id=a>🔥🔥 “That was the <a href=#>best</a> night,” said <b>Amara</b>  Okonjo 👏🏽, who scored   twice.</p>
    <p id=b>🇳🇴 Defender Sindre Valle was named <em>man of the match</em>. “I did not know English football could be this loud,” he said.</p>
    <p id=c>Soft\u00adhyphen and zero\u200bwidth, then ${para(1)}</p><p>${para(2)}</p></article>`);
  const found = findArticle(doc, { forced: true });
  assert.ok(found.blocks.length >= 3);
  for (const block of found.blocks) {
    for (const [start, end] of [[0, block.text.length], [0, 2], [3, 17], [block.text.length - 9, block.text.length]]) {
      const a = locate(block.entries, start, "start");
      const b = locate(block.entries, end, "end");
      const range = doc.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const shown = normalizeSpace(range.toString().replace(/[\u00ad\u200b]/g, ""));
      assert.equal(shown, normalizeSpace(block.text.slice(start, end)), `${block.text.slice(0, 20)} [${start}, ${end})`);
    }
  }
  const a = found.blocks[0].text;
  assert.equal(a.slice(0, 2), "🔥"); // one emoji is two UTF-16 units
  assert.equal(a.indexOf("“That"), 5);
});

test("a page holding two stories gives the first, the page's own", () => {
  const story = (h, n) => `<article><h1>${h}</h1>${[1, 2, 3, 4, 5].map((i) => `<p>${para(n + i)}</p>`).join("")}</article>`;
  const found = findArticle(page(`<main>${story("First story", 0)}<div class="next">Next story</div>${story("Second story", 10)}</main>`));
  assert.deepEqual(texts(found), [1, 2, 3, 4, 5].map(para));
  // A live blog's entries are <article>s too, but without headlines of their own they are one story.
  const entries = [1, 2, 3, 4].map((i) => `<article class="entry"><time>0${i}:00</time><p>${para(i)}</p></article>`).join("");
  assert.equal(texts(findArticle(page(`<main><h1>Live</h1>${entries}</main>`))).length, 4);
});

test("when Readability settles on a rail of teasers, the rail is left out and the story found", () => {
  const cards = Array.from({ length: 120 }, (_, i) => `<div class="card"><a href="/t${i}"><h3>Teaser ${i}</h3></a><p>Summary of teaser ${i}, in a few words.</p></div>`).join("");
  const doc = page(`<div class="rail">${cards}</div><article>${[1, 2, 3, 4, 5].map((i) => `<p>${para(i)}</p>`).join("")}</article>`, `<meta property="og:type" content="article">`);
  assert.deepEqual(texts(findArticle(doc)), [1, 2, 3, 4, 5].map(para));
});

test("a copy of the story hidden by the page's stylesheet is not the one cut", () => {
  const story = [1, 2, 3, 4, 5].map((i) => `<p>${para(i)}</p>`).join("");
  const doc = page(`<div class="for-phones">${story}</div><div class="for-desktops">${story}</div>`, `<style>.for-phones { display: none }</style><meta property="og:type" content="article">`);
  const found = findArticle(doc);
  assert.deepEqual(texts(found), [1, 2, 3, 4, 5].map(para));
  assert.ok(found.blocks.every((b) => b.el.closest(".for-desktops")));
});

test("an article in a same-origin frame is found there, its blocks in the frame's document", () => {
  const doc = page(`<div class="portal">Partner stories</div><iframe id=f></iframe><div class="rail"><a href="/1">Another story</a></div>`);
  const frame = doc.getElementById("f").contentDocument;
  frame.open();
  frame.write(`<!doctype html><html><body><h1>Story</h1>${[1, 2, 3, 4, 5, 6].map((i) => `<p>${para(i)}</p>`).join("")}</body></html>`);
  frame.close();
  const found = findArticle(doc);
  assert.equal(found.isArticle, true);
  assert.deepEqual(texts(found), [1, 2, 3, 4, 5, 6].map(para));
  assert.ok(found.blocks.every((b) => b.el.ownerDocument === frame));
});

test("a paragraph of the story's flow that Readability dropped for its links is put back in its place", () => {
  const linky = `The council has published <a href="/a">its full report</a>, the <a href="/b">minutes of the meeting</a> and <a href="/c">the engineers' letter</a> online.`;
  const paragraphs = [para(1), para(2), linky, para(3), "“No,” she said.", para(4), `Read <a href="/d">the council's statement in full</a>.`, para(5)];
  const doc = page(`<article>${paragraphs.map((p) => `<div class="text-block"><div class="rt"><p>${p}</p></div></div>`).join("")}</article>`, `<meta property="og:type" content="article">`);
  assert.deepEqual(texts(findArticle(doc)), [
    para(1),
    para(2),
    "The council has published its full report, the minutes of the meeting and the engineers' letter online.",
    para(3),
    "“No,” she said.",
    para(4),
    para(5), // the link to the statement is a link, not a paragraph
  ]);
});

test("a photo essay's captions are its story, counters and credits aside; a story's captions are not", () => {
  const shot = (i, caption) =>
    `<figure><img src="data:," alt=""><figcaption><span class=num>${i}/4</span> ${caption} <span class=credit>Photograph: Ann Lee for the Courier</span></figcaption></figure>`;
  const told = (i) => `Fisher ${i} mends the nets on the quay before dawn. “The sea gives what it gives,” she said of the season.`;
  const essay = page(`<article><h1>In pictures</h1><p>${para(1)}</p>${[1, 2, 3, 4].map((i) => shot(i, told(i))).join("")}</article>`, `<meta property="og:type" content="article">`);
  assert.deepEqual(texts(findArticle(essay)), [para(1), ...[1, 2, 3, 4].map(told)]);
  // The same captions under a story longer than they are, and labels under a short one: pictures.
  const story = page(`<article><h1>Fishing</h1>${[1, 2, 3, 4, 5, 6].map((i) => `<p>${para(i)}</p>`).join("")}${[1, 2, 3, 4].map((i) => shot(i, told(i))).join("")}</article>`, `<meta property="og:type" content="article">`);
  assert.deepEqual(texts(findArticle(story)), [1, 2, 3, 4, 5, 6].map(para));
  const labels = page(`<article><h1>Gallery</h1><p>${para(1)}</p>${[1, 2, 3, 4].map((i) => shot(i, `Fisher ${i} on the quay at Newlyn on Sunday.`)).join("")}</article>`, `<meta property="og:type" content="article">`);
  assert.deepEqual(texts(findArticle(labels)), [para(1)]);
});

test("pages of the corpus with pictures: captions are analysed only where they tell the story", () => {
  for (const name of ["photo-essay-captions", "photo-essay-slideshow", "photo-essay-inline-credits", "photo-gallery-labels", "infographic-long-caption", "liveblog-entry-figures"]) {
    const gold = JSON.parse(readFileSync(new URL(`corpus/${name}.gold.json`, pages), "utf8"));
    const found = findArticle(load(`corpus/${name}.html`).document);
    assert.deepEqual(texts(found).map(normalizeSpace), gold.text.split("\n\n").map(normalizeSpace), name);
  }
});

test("a lede inside the article's <header> is read first; the rest of the header is not", () => {
  const doc = page(`<article><header><div class="kicker">Drought</div><h1>Towns face rationing</h1>
    <p class="standfirst">Forty towns will get water for sixteen hours a day.</p><div class="meta">By A. Writer · 16 April 2026</div>
    <p class="lede">LISBON — The water utility will ration supply to forty towns from Monday, after the driest winter the region has recorded, the company said on Thursday.</p></header>
    <div class="body"><p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p><p>${para(4)}</p></div></article>`,
    `<meta property="og:type" content="article">`);
  const all = texts(findArticle(doc));
  assert.match(all[0], /^LISBON — The water utility/);
  assert.equal(all.length, 5);
});

test("a long thread under a title saying what it is ('Reader responses (60)') is left out, though it outweighs the story", () => {
  const response = (i) => `<div class=resp><div><b>Reader ${i}</b> <span>${i} min ago</span></div><p>Response ${i}: I read this story twice, and the council, the mayor, and, frankly, all of us should have asked about the meters sooner, “it could be worse,” my neighbour says.</p><div><button>Reply</button></div></div>`;
  const doc = page(`<div class=wrap><article><h1>Meters nobody reads</h1><div class=body>${[1, 2, 3, 4, 5].map((i) => `<p>${para(i)}</p>`).join("")}</div></article>
    <section class=responses><h2>Reader responses (60)</h2>${Array.from({ length: 60 }, (_, i) => response(i)).join("")}</section></div>`,
  `<meta property="og:type" content="article">`);
  const found = findArticle(doc);
  assert.deepEqual(texts(found), [1, 2, 3, 4, 5].map(para));
});

test("a story of <font>s and bare text under <body>, with no block element at all, is read whole, not one <font> of it", () => {
  const story = (i) => `${para(i)}<br><br>`;
  const doc = load("t.html", `<html><head><title>Mill fire: owners rebuild - The Valley Gazette</title></head><body>
    <font size="5"><b>The Valley Gazette</b></font><br><font size="1"><a href="#">Home</a> | <a href="#">News</a> | <a href="#">Sport</a></font><hr>
    <font size="4"><b>Mill fire: owners rebuild</b></font><br><font size="1">Posted Friday, November 27, 2026 by the staff</font><br><br>
    <font>${story(1)}${story(2)}${story(3)}</font><font>${story(4)}${story(5)}${story(6)}${para(7)}</font><br><br><hr><font size="1">Copyright © 2026 The Valley Gazette.</font>
    </body></html>`).document;
  const found = findArticle(doc);
  assert.equal(found.isArticle, true);
  assert.deepEqual(texts(found).filter((t) => t !== "Mill fire: owners rebuild"), [1, 2, 3, 4, 5, 6, 7].map(para));
});

test("a block CMS's paragraphs, each wrapped in a <figure> of its own, are the story; the picture figures' captions are not", () => {
  const text = (i) => `<figure class="blk blk-text"><div>${para(i)}</div></figure>`;
  const picture = `<figure class="blk blk-media"><img alt=""><figcaption>The mayor on the bridge on Monday. “We are not going anywhere,” she said. <span>Photo: A. Lens</span></figcaption></figure>`;
  const doc = page(`<div class=blocks>${text(1)}${text(2)}${picture}${text(3)}${text(4)}${picture}${text(5)}</div>`, `<meta property="og:type" content="article">`);
  assert.deepEqual(texts(findArticle(doc)), [1, 2, 3, 4, 5].map(para));
});

test("a paid unit among the paragraphs, told only by its disclosure line ('Paid content · Brand'), is left out", () => {
  const unit = (line) => `<div class=in-feed-unit><div>${line}</div><p>When Margaret’s knee gave way on a Sunday afternoon, she did not want to spend hours in a waiting room, and with extras cover, she says, “I had a physio booked for Monday morning.”</p><a href="#">Find out more</a></div>`;
  const doc = page(`<article><div class=story-body><p>${para(1)}</p><p>${para(2)}</p>${unit("Paid content · Brightwell Health Insurance")}<p>${para(3)}</p>${unit("Sponsored by Coastline Energy")}<p>${para(4)}</p></div></article>`,
    `<meta property="og:type" content="article">`);
  assert.deepEqual(texts(findArticle(doc)), [1, 2, 3, 4].map(para));
});

test("a quoted passage's attribution <footer> is read with the passage, and left out with a pull quote", () => {
  const doc = page(`<article><p>${para(1)}</p><p>${para(2)}</p>
    <blockquote class=voice><p>“The worksheets were coming back done by the parents, or not at all, and either way we were learning nothing about the children.”</p><footer>— Morag Paterson, head teacher</footer></blockquote>
    <p>${para(3)} “We never saw the bridge so empty,” said Ann Lee.</p>
    <blockquote class=voice><p>“We never saw the bridge so empty”</p><footer>— Ann Lee</footer></blockquote><p>${para(4)}</p></article>`,
    `<meta property="og:type" content="article">`);
  const all = texts(findArticle(doc));
  assert.deepEqual(all.slice(2, 4), ["“The worksheets were coming back done by the parents, or not at all, and either way we were learning nothing about the children.”", "— Morag Paterson, head teacher"]);
  assert.ok(!all.includes("— Ann Lee"));
  assert.ok(!all.includes("“We never saw the bridge so empty”"));
});

test("a block editor's quote <cite> is read with its quote; a pull quote trimmed and ellipsised goes, with its inline or block <cite>", () => {
  const pull = (cite) => `<figure class="wp-block-pullquote"><blockquote><p>Nobody should need a car to reach the lake… in the end the lake belongs to the whole city, and to everyone who lives in it</p><cite${cite}>Ana Ruiz, councillor</cite></blockquote></figure>`;
  const doc = page(`<main><div class="entry-content wp-block-post-content"><p class="wp-block-paragraph">${para(1)}</p>
    <p class="wp-block-paragraph">“Nobody should need a car to reach the lake, and nobody should need one to leave it,” Ana Ruiz said. “In the end the lake belongs to the whole city, and to everyone who lives in it.”</p>
    ${pull("")}<p class="wp-block-paragraph">${para(2)}</p>
    <blockquote class="wp-block-quote"><p>“If you take the cars off the road and give people no other way to get there, you have not opened the lakefront to everyone.”</p><cite style="display:block">Delia Okafor, transit director</cite></blockquote>
    ${pull(` style="display:block"`)}<p class="wp-block-paragraph">${para(3)}</p></div></main>`,
    `<meta property="og:type" content="article">`);
  const all = texts(findArticle(doc));
  assert.deepEqual(all.slice(3, 5), ["“If you take the cars off the road and give people no other way to get there, you have not opened the lakefront to everyone.”", "Delia Okafor, transit director"]);
  assert.ok(!all.some((t) => /Ana Ruiz, councillor|the lake…/.test(t)), all.join("\n"));
  assert.equal(all.length, 6);
});

test("an interview set as a table reads each row as a turn, its label cell ('Q:', 'Name:') first", () => {
  const row = (who, turn) => `<tr><td class=who>${who}</td><td class=turn>${turn}</td></tr>`;
  const doc = page(`<div class=col><div class=intro><p>Folasade Adeyemi-Cole opened her first workshop in a rented garage in 1998, with one sewing machine, and today dresses half of the city’s films.</p></div><table class=qa>
    ${row("Q:", "How did the film work start?")}${row("Adeyemi-Cole:", "A producer came in to have a suit altered and saw a dress I was making, and asked for twelve by Friday.")}
    ${row("Q:", "What is the hardest part now?")}${row("Adeyemi-Cole:", "Directors change their minds, and on the morning of the shoot somebody decides blue is wrong.")}</table></div>`,
    `<meta property="og:type" content="article">`);
  const all = texts(findArticle(doc));
  assert.deepEqual(all.slice(1), ["Q: How did the film work start?", "Adeyemi-Cole: A producer came in to have a suit altered and saw a dress I was making, and asked for twelve by Friday.",
    "Q: What is the hardest part now?", "Adeyemi-Cole: Directors change their minds, and on the morning of the shoot somebody decides blue is wrong."]);
});

test("a transcript as definition lists of labelled turns is the story, with the short paragraphs of narration beside it", () => {
  const turns = (n) => Array.from({ length: n }, (_, i) => `<dt>Q:</dt><dd>What happened at meeting number ${i}, and why?</dd><dt>Okafor:</dt><dd>We talked about ${["the pools for an hour", "the roofs, which are failing", "the boilers, which are older than most of us"][i]}, and nobody left early.</dd>`).join("");
  const doc = page(`<article><h1>Pools</h1><p class=by>By Tamsin Roe</p><p>BRISTOL — Councillor Grace Okafor wants to close two of the city's swimming pools, and on Thursday she answered questions.</p>
    <dl class=transcript>${turns(2)}</dl><p>A coach then asked about a trust, as other cities have.</p><dl class=transcript>${turns(3).split("</dd>").slice(4).join("</dd>")}</dl><p>The cabinet will decide in January.</p></article>`,
    `<meta property="og:type" content="article">`);
  const all = texts(findArticle(doc));
  assert.equal(all.length, 9, all.join("\n"));
  assert.equal(all[1], "Q: What happened at meeting number 0, and why?");
  assert.equal(all.at(-1), "The cabinet will decide in January.");
});

test("Readability reads only the article the page marks when it holds the page's prose, and the whole page otherwise", async () => {
  const { markedArticle } = await import("../src/content/pick.js");
  const menu = `<div class=mega>${Array.from({ length: 30 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join("")}</div>`;
  const rail = `<div class=rail>${Array.from({ length: 5 }, (_, i) => `<div><a href="/t${i}"><h3>Teaser ${i}</h3></a><p>A few words.</p></div>`).join("")}</div>`;
  const story = [1, 2, 3, 4, 5].map((i) => `<p>${para(i)}</p>`).join("");
  const meta = `<meta property="og:type" content="article">`;
  const marked = page(`${menu}<article id=story><h1>Meters nobody reads</h1>${story}</article>${rail}`, meta);
  assert.equal(markedArticle(marked)?.id, "story");
  assert.deepEqual(texts(findArticle(marked)), [1, 2, 3, 4, 5].map(para));
  // Not with a second <article> (readers' posts), nor when most paragraphs are outside it.
  assert.equal(markedArticle(page(`<article>${story}</article><article><p>${para(9)}</p></article>`, meta)), null);
  assert.equal(markedArticle(page(`<article><p>${para(1)}</p><p>${para(2)}</p></article><section class=thread>${[3, 4, 5, 6].map((i) => `<p>${para(i)}</p>`).join("")}</section>`, meta)), null);
  // Nor when the story is told in <div>s and the one <article> is a teaser with the only <p>s.
  const teaser = `<article class=promo><p>${para(8)} ${para(9)} ${para(10)}</p></article>`;
  assert.equal(markedArticle(page(`<div class=story>${[1, 2, 3, 4, 5, 6, 7].map((i) => `<div>${para(i)}</div>`).join("")}</div>${teaser}`, meta)), null);
  // An advert's blank frame beside it changes nothing; a shadow tree outside it, which may hold the story, does.
  const framed = page(`${menu}<article id=story>${story}</article><iframe class=ad></iframe>`, meta);
  assert.equal(markedArticle(framed)?.id, "story");
  const hosted = page(`<article id=story>${story}</article><story-view></story-view>`, meta);
  hosted.querySelector("story-view").attachShadow({ mode: "open" }).innerHTML = `<p>${para(7)}</p>`;
  assert.equal(markedArticle(hosted), null);
  // Nor for a region already found not to be the story.
  const region = marked.getElementById("story");
  assert.equal(markedArticle(marked, new Set([region])), null);
});

test("a story laid out in like rows of a site builder's grid is read whole, its picture and summary rows aside", () => {
  const row = (inner) => `<div class="row sqs-row"><div class="col sqs-col-12 span-12">${inner}</div></div>`;
  const html = (ps) => `<div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content"><div class="sqs-html-content">${ps.map((i) => `<p>${para(i)}</p>`).join("")}</div></div></div>`;
  const doc = page(`<main><div class="sqs-layout sqs-grid-12">
    ${row(html([1, 2]))}
    ${row(`<div class="sqs-block image-block"><figure><img src="x.jpg" alt=""><figcaption>The green in May. Photo: Notes</figcaption></figure></div>`)}
    ${row(html([3, 4, 5, 6]))}
    ${row(`<div class="sqs-block summary-v2-block"><div class="summary-item"><div class="summary-title"><a href="/a">Jetty repairs finished</a></div><div class="summary-excerpt"><p>The jetty reopened on Wednesday after its piles were replaced.</p></div></div></div>`)}
  </div></main>`, `<meta property="og:type" content="article">`);
  const found = findArticle(doc);
  assert.deepEqual(texts(found), [1, 2, 3, 4, 5, 6].map(para));
});

test("a quote set as a <figure> with its attribution caption is the story's when the body does not repeat it, a pull quote when it does", () => {
  const found = findArticle(load("corpus/quote-figures-pull-and-voice.html").document);
  const all = texts(found);
  assert.ok(all.includes("“I sold cloth here for twenty-two years. For twelve months I sold it from the boot of my brother’s car.”"));
  assert.ok(all.includes("— Akosua Mensah, cloth trader"));
  assert.ok(!all.includes("“We are happy to be back, but the rent has doubled and the customers have not.”"));
  assert.ok(!all.includes("— Kwame Boateng"));
});

test("of two stories in a feed, each under its <h1>, the one the page's title names is the article, however long the other", () => {
  const all = texts(findArticle(load("corpus/two-stories-longer-second.html").document)).join("\n");
  assert.match(all, /Leap card/);
  assert.doesNotMatch(all, /Clifden|dredged/);
});

test("player ratings: each item opens with its score, then a heading and prose, and is the story's", () => {
  const all = texts(findArticle(load("corpus/player-ratings-badges.html").document)).join("\n");
  assert.match(all, /Scored both goals/);
  assert.match(all, /Came on for Kiely/);
  assert.doesNotMatch(all, /^\d\/10$/m);
});
