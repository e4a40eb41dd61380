import { test } from "node:test";
import assert from "node:assert/strict";
import { layout, placeLedger, splitReply } from "../src/content/results.js";
import { keysOfSource, sentenceAround, sourcingFigures, sourcingItems } from "../src/content/sourcing.js";
import { QuoteNavigator, announcement } from "../src/content/navigator.js";
import { placeCard } from "../src/content/placement.js";
import { RequestTracker } from "../src/content/tracker.js";
import { hashText } from "../src/content/hash.js";

const texts = [
  "Bridge repairs to cost £14m",
  "“We will fix it,” said Mayor Elena Varga. “This time properly.”",
  "The ministry said the work would start in May, and a senior official said it would take 90 days.",
  "“People are patient,” Osei said. Repairs will cost residents £40 a year.",
];
const blocks = texts.map((text) => ({ hash: hashText(text), text }));
const joined = texts.join("\n\n");

function span(text, category, extra = {}, from = 0) {
  const start = joined.indexOf(text, from);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, category, text, ...extra };
}

const actors = [
  { id: "a1", name: "Elena Varga", type: "person", mentions: 1, role: "Mayor" },
  { id: "a2", name: "Daniel Osei", type: "person", mentions: 1 },
  { id: "a3", name: "Ministry of Works", type: "organization", mentions: 1 },
];
const spans = [
  span("“We will fix it,”", "quote", { speaker: "Elena Varga", actor: "a1", quote_id: 1, speaker_start: joined.indexOf("Elena"), speaker_end: joined.indexOf("Elena") + 11 }),
  span("“This time properly.”", "quote", { speaker: "Elena Varga", actor: "a1", quote_id: 2 }),
  span("the work would start in May", "reported", { speaker: "the ministry", cue: "said" }),
  span("it would take 90 days", "reported", { speaker: "a senior official", cue: "said" }),
  span("“People are patient,”", "quote", { speaker: "Daniel Osei", actor: "a2", quote_id: 3 }),
];
const ledger = {
  words: 60, quoted_words: 10, reported_words: 10, own_words: 40, named_sources: 3, unnamed_sources: 1, unattributed: 0,
  sources: [
    { name: "Elena Varga", actor: "a1", named: true, type: "person", aliases: [], quotes: 2, reported: 0, quoted_words: 7 },
    { name: "Daniel Osei", actor: "a2", named: true, type: "person", aliases: [], quotes: 1, reported: 0, quoted_words: 3 },
    { name: "Ministry of Works", actor: "a3", named: true, type: "organization", aliases: ["the ministry"], quotes: 0, reported: 1, quoted_words: 0 },
    { name: "a senior official", actor: null, named: false, type: "person", aliases: [], quotes: 0, reported: 1, quoted_words: 0 },
  ],
  unsourced_figures: [span("£14m", "number"), span("£40", "number")].map(({ start, end, text }) => ({ start, end, text })),
};

function page() {
  const lay = layout(blocks);
  const { perBlock } = splitReply("r1", lay, spans, actors);
  return { lay, spansFor: (h) => perBlock.get(h), placed: placeLedger(ledger, lay, actors) };
}

test("items list every quotation and reported claim in page order, with context for links", () => {
  const { spansFor } = page();
  const items = sourcingItems(blocks, spansFor);
  assert.deepEqual(items.map((it) => [it.kind, it.text, it.speaker]), [
    ["quote", "“We will fix it,”", "Elena Varga"],
    ["quote", "“This time properly.”", "Elena Varga"],
    ["reported", "the work would start in May", "the ministry"],
    ["reported", "it would take 90 days", "a senior official"],
    ["quote", "“People are patient,”", "Daniel Osei"],
  ]);
  const [first] = items;
  assert.equal(first.speakerKey, "person:Elena Varga");
  assert.equal(first.prefix, "");
  assert.equal(first.suffix.slice(0, 22), " said Mayor Elena Varg");
  assert.equal(items[2].prefix.endsWith("The ministry said "), true);
  assert.equal(new Set(items.map((it) => it.id)).size, items.length);
  // The speaker's mention is placed in its block, for the hover card to keep clear of.
  const q = spansFor(blocks[1].hash)[0];
  assert.deepEqual(q.speakerAt, { hash: blocks[1].hash, start: texts[1].indexOf("Elena"), end: texts[1].indexOf("Elena") + 11 });
});

test("a quotation running over two paragraphs is one item", () => {
  const two = ["“First part of it,” she said, “and on", "into the next paragraph.”"].map((text) => ({ hash: hashText(text), text }));
  const all = two.map((b) => b.text).join("\n\n");
  const s = { start: all.indexOf("“and"), end: all.length, category: "quote", text: all.slice(all.indexOf("“and")), quote_id: 4, speaker: "Ann Lee" };
  const { perBlock } = splitReply("r", layout(two), [s]);
  const items = sourcingItems(two, (h) => perBlock.get(h));
  assert.equal(items.length, 1);
  assert.deepEqual(items[0].pieces.map((p) => p.block), [0, 1]);
  assert.equal(items[0].text, "“and on into the next paragraph.”");
});

test("the ledger's figures are placed in their blocks, with their sentence; sources get span keys", () => {
  const { placed } = page();
  const figures = sourcingFigures(blocks, placed);
  assert.deepEqual(figures.map((f) => [f.text, f.sentence]), [
    ["£14m", "Bridge repairs to cost £14m"],
    ["£40", "Repairs will cost residents £40 a year."],
  ]);
  assert.deepEqual(placed.sources.map((s) => s.key), ["person:Elena Varga", "person:Daniel Osei", "organization:Ministry of Works", "speaker:a senior official"]);
  assert.deepEqual(keysOfSource(placed, "speaker:the ministry"), ["organization:Ministry of Works", "speaker:the ministry"]);
  assert.deepEqual(keysOfSource(null, "speaker:x"), ["speaker:x"]);
  // A block that changed since: its figure is not shown at a wrong place.
  const changed = blocks.map((b, i) => (i === 0 ? { ...b, text: "Bridge repairs to cost a lot" } : b));
  assert.deepEqual(sourcingFigures(changed, placed).map((f) => f.text), ["£40"]);
});

test("sentenceAround finds the sentence by its punctuation", () => {
  const t = "First one. The cost is £3m now! Last.";
  const [a, b] = sentenceAround(t, t.indexOf("£3m"), t.indexOf("£3m") + 3);
  assert.equal(t.slice(a, b), "The cost is £3m now!");
});

test("the tracker keeps the ledger of the latest result and knows when the page moved on", () => {
  const t = new RequestTracker({ session: "s" });
  const { message: msg } = t.nextRequest(blocks, { url: "u", title: "t" });
  t.onReply({ type: "result", id: msg.id, spans, actors, ledger });
  const hashes = blocks.map((b) => b.hash);
  assert.equal(t.ledgerFresh(hashes), true);
  assert.equal(t.ledger.figures.length, 2);
  const more = [...blocks, { hash: hashText("New entry."), text: "New entry." }];
  assert.equal(t.ledgerFresh(more.map((b) => b.hash)), false);
  // The page grew: the whole page goes again, and its result brings the ledger of the page as it is.
  const { message: next } = t.nextRequest(more, { url: "u", title: "t" });
  assert.equal(next.blocks.length, 5);
  assert.equal(t.nextRequest(more, { url: "u", title: "t" }), null); // on its way
  t.onReply({ type: "result", id: next.id, spans: [], actors: [], ledger: { ...ledger, unsourced_figures: [] } });
  assert.equal(t.ledgerFresh(more.map((b) => b.hash)), true);
});

test("a version of the page the daemon refused is not asked for again, a newer one is", () => {
  const t = new RequestTracker({ session: "s" });
  const { message: msg } = t.nextRequest(blocks, { url: "u", title: "t" });
  t.onReply({ type: "error", id: msg.id, code: "too_large", message: "too large" });
  assert.equal(t.nextRequest(blocks, { url: "u", title: "t" }), null);
  assert.equal(t.ledgerFresh(blocks.map((b) => b.hash)), false);
  const more = [...blocks, { hash: hashText("New entry."), text: "New entry." }];
  assert.equal(t.nextRequest(more, { url: "u", title: "t" }).message.blocks.length, 5);
});

test("next and previous walk the quotations in page order, wrapping, all or one speaker's", () => {
  const { spansFor } = page();
  const nav = new QuoteNavigator();
  nav.setItems(sourcingItems(blocks, spansFor));
  const walk = (dir, n) => Array.from({ length: n }, () => nav.step(dir).item.text);
  assert.deepEqual(walk(1, 4), ["“We will fix it,”", "“This time properly.”", "“People are patient,”", "“We will fix it,”"]);
  assert.equal(nav.position().index, 0);
  assert.deepEqual(walk(-1, 2), ["“People are patient,”", "“This time properly.”"]);
  nav.setFilter({ keys: ["person:Daniel Osei"], name: "Daniel Osei" });
  const pos = nav.step(1);
  assert.equal(pos.item.text, "“People are patient,”");
  assert.deepEqual([pos.index, pos.total, pos.wrapped], [0, 1, false]);
  assert.equal(nav.step(1).wrapped, "start");
  assert.match(announcement(nav.position()), /^Quote 1 of 1, Daniel Osei: “People are patient,”/);
  // A reported claim chosen in the panel; next goes on from there.
  nav.setFilter(null);
  const reported = nav.items.find((it) => it.kind === "reported");
  assert.match(announcement(nav.goto(reported.id)), /^Reported claim, the ministry/);
  assert.equal(nav.step(1).item.text, "“People are patient,”");
  assert.equal(announcement(null), "No quotes to step through.");
});

test("the hover card keeps clear of the line being read and of the speaker's name", () => {
  const viewport = { width: 1000, height: 800 };
  const card = { width: 300, height: 120 };
  const line = { left: 100, right: 700, top: 300, bottom: 320 };
  const speaker = { left: 120, right: 260, top: 322, bottom: 342 }; // "said Mayor Elena Varga", next line
  const pos = placeCard(card, { line, keep: [speaker], x: 200, viewport });
  const box = { left: pos.left, right: pos.left + card.width, top: pos.top, bottom: pos.top + card.height };
  const clear = (r) => box.right <= r.left || r.right <= box.left || box.bottom <= r.top || r.bottom <= box.top;
  assert.ok(clear(line) && clear(speaker), JSON.stringify(pos));
  assert.ok(pos.top >= speaker.bottom); // below both, as close as it can
  // Near the bottom of the window: above instead.
  const low = { left: 100, right: 700, top: 740, bottom: 760 };
  const up = placeCard(card, { line: low, keep: [{ ...speaker, top: 700, bottom: 720 }], x: 200, viewport });
  assert.ok(up.top + card.height <= 700);
  // A narrow window where the card is as wide as the page: still off the line being read.
  const tiny = placeCard({ width: 380, height: 250 }, { line: { left: 0, right: 400, top: 300, bottom: 320 }, keep: [], x: 200, viewport: { width: 400, height: 600 } });
  assert.ok(tiny.top >= 320 || tiny.top + 250 <= 300, JSON.stringify(tiny));
});
