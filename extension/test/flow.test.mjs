import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { headlinedStory, offFlow, repeats, withinMainDocument } from "../src/content/flow.js";
import { blockWords } from "../src/content/furniture.js";

/** The blocks of `html`'s elements marked data-b, as the extension's cutting makes them. */
function blocksOf(html) {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  return [...document.querySelectorAll("[data-b]")].map((el) => ({ el, key: el, text: el.textContent, words: blockWords(el.textContent) }));
}
const para = (i) => `<p data-b>Paragraph ${i} of the story says what happened at the council meeting and why it matters.</p>`;

test("of two equal blocks in the story's flow, the later one repeats the first (a pinned post shown again)", () => {
  const pinned = `<p data-b>“We will be back next month, and the month after,” the union leader told the rally.</p>`;
  const blocks = blocksOf(`<div>${pinned}${para(1)}${para(2)}${pinned}${para(3)}</div>`);
  const out = repeats(blocks, offFlow(blocks));
  assert.deepEqual([...out], [blocks[3]]);
});

test("a short line off the flow is dropped even when a possessive looks like a quotation mark", () => {
  const blocks = blocksOf(`<div>${para(1)}${para(2)}${para(3)}</div>
    <ol><li><span data-b>Goal! Ferreira heads in Okafor’s corner.</span></li><li><span data-b>Okafor said: ‘We were lucky.’</span></li></ol>`);
  const off = offFlow(blocks);
  assert.ok(off.has(blocks[3]));
  assert.ok(!off.has(blocks[4])); // a quote off the flow is kept for the later checks
});

test("a passage quoted in a <blockquote> reads as one: its short last paragraph stays; a short box does not", () => {
  const blocks = blocksOf(`<div>${para(1)}${para(2)}${para(3)}
    <blockquote><p data-b>[112] It is not for the court to say what decision the council should now reach. It is for the council to reach it lawfully.</p>
    <p data-b>[113] The claim succeeds on grounds one and two.</p></blockquote>
    <blockquote><p data-b>Quick facts</p><p data-b>Founded: 1911</p></blockquote>
    <div class="box"><p data-b>Founded: 1911</p></div></div>`);
  const off = offFlow(blocks);
  assert.ok(!off.has(blocks[3]) && !off.has(blocks[4]), "the judgment's paragraphs are prose");
  assert.ok(off.has(blocks[5]) && off.has(blocks[6]), "a blockquote of labels is not prose");
  assert.ok(off.has(blocks[7]));
});

test("a quote's citation line goes with its quote: kept beside a passage that reads as prose, not judged alone", () => {
  const blocks = blocksOf(`<div>${para(1)}${para(2)}${para(3)}
    <blockquote><p data-b>“Every week there is something, and every week it is us, the families on the islands, who pay for it in the end,”</p>
    <cite data-b style="display:block">Morag Beaton, crofter</cite></blockquote></div>`);
  const off = offFlow(blocks);
  assert.ok(!off.has(blocks[3]) && !off.has(blocks[4]));
});

test("a pull quote figure trimming the body's sentences and joining them with an ellipsis repeats the body", () => {
  const body = `<p data-b>“People have been walking in the road for years because the trail is full,” said the council member. “All we are doing is admitting it and making it safe.”</p>`;
  const pull = (text) => `<figure class="wp-block-pullquote"><blockquote><p data-b>${text}</p><cite>the council member</cite></blockquote></figure>`;
  // The story's flow is the paragraphs (most of the text), not the six pull quotes.
  const blocks = blocksOf(`<div>${para(1)}${body}${para(2)}${para(3)}${para(4)}${para(5)}${para(6)}
    ${pull("People have been walking in the road for years… All we are doing is admitting it")}
    ${pull("“People have been walking in the road for years . . . all we are doing is admitting it.”")}
    ${pull("Walking in the road… admitting it and making it safe")}
    ${pull("All we are doing is admitting it… People have been walking in the road for years")}
    ${pull("People have been walking in the road for years… and now the council wants a new bridge too")}
    ${pull("Paragraph 2 of the story says… what happened at the council meeting")}</div>`);
  const out = repeats(blocks, offFlow(blocks));
  assert.ok(out.has(blocks[7]), "sentences trimmed and joined by an ellipsis, no quotation marks");
  assert.ok(out.has(blocks[8]), "in quotation marks, a spaced three-dot ellipsis, other case and punctuation");
  assert.ok(out.has(blocks[9]), "a trimmed start and a few words");
  assert.ok(!out.has(blocks[10]), "the body's words in another order");
  assert.ok(!out.has(blocks[11]), "only part of it is the body's");
  assert.ok(out.has(blocks[12]), "a paragraph without quotation marks");
  assert.ok(!out.has(blocks[1]) && !out.has(blocks[2]), "the body itself");
});

test("a pull quote joining whole sentences the body keeps apart repeats the body; in another order, or with a sentence of its own, it does not", () => {
  const body = `<p data-b>“People think it’s a museum in here,” he said, pointing at a shelf of machines waiting for parts. “It’s a waiting list.”</p>`;
  const pull = (text) => `<blockquote class="kg-blockquote-alt" data-b>${text}</blockquote>`;
  const blocks = blocksOf(`<div>${para(1)}${body}${para(2)}${para(3)}${para(4)}
    ${pull("“People think it’s a museum in here. It’s a waiting list.”")}
    ${pull("People think it’s a museum in here! It’s a waiting list")}
    ${pull("“It’s a waiting list. People think it’s a museum in here.”")}
    ${pull("“People think it’s a museum in here. It is not, and never was one.”")}</div>`);
  const out = repeats(blocks, offFlow(blocks));
  assert.ok(out.has(blocks[5]), "two body quotes joined into one quotation");
  assert.ok(out.has(blocks[6]), "without quotation marks, other punctuation");
  assert.ok(!out.has(blocks[7]), "the body's sentences in another order");
  assert.ok(!out.has(blocks[8]), "a sentence the body does not have");
  assert.ok(!out.has(blocks[1]), "the body itself");
});

test("a definition list's terms are in the flow when its definitions are (questions before answers); a fact box's are not", () => {
  const answer = (i) => `<dd data-b>Answer ${i}: I think we did what we could with the boats we had, and my crew would say the same thing to you.</dd>`;
  const blocks = blocksOf(`<div>${para(1)}</div><dl><dt data-b>What went wrong?</dt>${answer(1)}<div><dt data-b>And now?</dt>${answer(2)}</div>
    <dt data-b>Why stay?</dt>${answer(3)}<dt data-b>Who helped?</dt>${answer(4)}</dl>
    <div class="box"><dl><dt data-b>Founded</dt><dd data-b>1911</dd></dl></div>`);
  const off = offFlow(blocks);
  for (const i of [1, 3, 5, 7]) assert.ok(!off.has(blocks[i]), blocks[i].text);
  assert.ok(off.has(blocks[9]), "the term of a list holding one block of the flow is off it");
});

test("a box off the flow made mostly of the flow's own quotations repeats it (a pull quote with its attribution, a tweetable box)", () => {
  const quoted = `<p data-b>“Nobody should have to buy a carpet cleaner to clean one carpet,” said the librarian, who runs the scheme.</p>`;
  const blocks = blocksOf(`<div>${para(1)}${quoted}${para(2)}${para(3)}
    <div class="x"><span data-b>“Nobody should have to buy a carpet cleaner to clean one carpet” — the librarian</span></div>
    <div class="x"><span data-b>A new quote in a box: “We never planned any of this, it simply grew and grew.”</span></div>
    <div class="x"><span data-b>Then the mayor spoke at length about parking, schools and the new library roof, and added: “to clean one carpet”.</span></div></div>`);
  const out = repeats(blocks, offFlow(blocks));
  assert.ok(out.has(blocks[4]), "the body's quote with an attribution line");
  assert.ok(!out.has(blocks[7]), "a quote the body does not hold");
  assert.ok(!out.has(blocks[8]), "prose that only repeats a few quoted words");
});

test("the story is told in one document: blocks of a frame embedded in it go, and a page's few blocks around a framed story go", () => {
  const top = new JSDOM(`<p>One.</p><p>Two.</p>`).window.document;
  const frame = new JSDOM(`<p>Chart title</p>`).window.document;
  const block = (doc, text) => ({ el: doc.querySelector("p"), text });
  const story = [block(top, "A paragraph of the story, long enough."), block(frame, "Rent against wages, 2017–2025."), block(top, "Another paragraph of the story.")];
  assert.deepEqual(withinMainDocument(story).map((b) => b.text), [story[0].text, story[2].text]);
  const framed = [block(top, "Menu"), block(frame, "The story, told in the frame, at length and in full."), block(frame, "More of it.")];
  assert.deepEqual(withinMainDocument(framed).map((b) => b.text), [framed[1].text, framed[2].text]);
  const one = [block(top, "a"), block(top, "b")];
  assert.equal(withinMainDocument(one), one);
});

test("a frame set under a furniture heading (a comments system's thread) is not the story, however long", () => {
  const { document } = new JSDOM(`<body><article><p>One.</p></article><section><h2>Join the discussion</h2><iframe></iframe></section>`).window;
  const frame = document.querySelector("iframe").contentDocument;
  frame.body.innerHTML = "<p>A reply.</p>";
  const top = document.querySelector("p"), reply = frame.querySelector("p");
  const blocks = [{ el: top, text: "The story's only paragraph here." }, { el: reply, text: "A long reply quoting the story at length, far longer than the story itself is, and more." }];
  assert.deepEqual(withinMainDocument(blocks).map((b) => b.text), [blocks[0].text]);
});

test("of two whole stories each under its headline and byline, the one under the page's <h1> is kept", () => {
  const story = (h, by, n) => `<div class="story"><${h}>Headline</${h}><p class="by">${by}</p><div class="body">${para(n)}${para(n + 1)}</div></div>`;
  const blocks = blocksOf(`${story("h1", "By Aoife Keane · 3 November", 1)}<div>Also in Health</div>${story("h2", "By Conor Ward · 2 November", 3)}`);
  assert.deepEqual(headlinedStory(blocks).map((b) => b.text), [blocks[0].text, blocks[1].text]);
  // Sections under subheadings, one opening "By Friday, …", are one story.
  const sections = blocksOf(`<article><h1>Headline</h1><p>By Aoife Keane</p><section><h2>First</h2>${para(1)}</section>
    <section><h2>Second</h2><p data-b>By Friday, the council had voted on the new plan for the harbour and the old market, and the mayor had resigned.</p>${para(2)}</section></article>`);
  assert.equal(headlinedStory(sections), sections);
});

test("of stories each under an <h1> and a dated line (an endless feed), the one the page's title names is kept, else the first", () => {
  const story = (title, meta, n) => `<div class="post"><h1>${title}</h1><div class="meta">${meta}</div><div class="text">${para(n)}${para(n + 1)}</div></div>`;
  const html = `<div class="feed">${story("Galway buses go cashless", "Aoife Brennan · Tue 12 May 2026, 07:30", 1)}<div>Up next</div>${story("Clifden harbour to be dredged", "Colm Ó Flaithearta · Mon 11 May 2026, 18:05", 3)}</div>`;
  const blocks = blocksOf(html);
  assert.deepEqual(headlinedStory(blocks, ["Galway buses go cashless | The Western Ledger"]).map((b) => b.text), [blocks[0].text, blocks[1].text]);
  assert.deepEqual(headlinedStory(blocks, ["Clifden harbour to be dredged - The Western Ledger"]).map((b) => b.text), [blocks[2].text, blocks[3].text]);
  assert.deepEqual(headlinedStory(blocks).map((b) => b.text), [blocks[0].text, blocks[1].text]);
  // One story under an <h1> and a dated line, beside sections under <h2>s with dates: one story.
  const one = blocksOf(`<article><h1>Headline</h1><p>Aoife Brennan · 12 May 2026</p><section><h2>Monday</h2><p>12 May 2026</p>${para(1)}</section><section><h2>Tuesday</h2><p>13 May 2026</p>${para(2)}</section></article>`);
  assert.equal(headlinedStory(one, ["Headline"]), one);
});
