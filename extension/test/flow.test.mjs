import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { offFlow, repeats } from "../src/content/flow.js";
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

test("a long pull quote's citation line is not part of a quoted passage", () => {
  const blocks = blocksOf(`<div>${para(1)}${para(2)}${para(3)}
    <blockquote><p data-b>“Every week there is something, and every week it is us, the families on the islands, who pay for it in the end,”</p>
    <cite data-b style="display:block">Morag Beaton, crofter</cite></blockquote></div>`);
  const off = offFlow(blocks);
  assert.ok(off.has(blocks[4]));
});
