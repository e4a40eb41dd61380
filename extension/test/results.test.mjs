import { test } from "node:test";
import assert from "node:assert/strict";
import { countSpans, layout, pageStats, splitReply } from "../src/content/results.js";
import { cardModel } from "../src/content/cardmodel.js";

const blocks = [
  { hash: "h0", text: "“We will fix it,” said Mayor Elena Varga." },
  { hash: "h1", text: "🔥 “Fine,” Osei said." },
  { hash: "h2", text: "Varga agreed." },
];

test("layout places blocks at their UTF-16 offsets in the joined text", () => {
  const lay = layout(blocks);
  const joined = blocks.map((b) => b.text).join("\n\n");
  for (const [i, b] of lay.entries()) assert.equal(joined.slice(b.start, b.end), blocks[i].text);
});

function span(joined, text, category, extra = {}, from = 0) {
  const start = joined.indexOf(text, from);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, category, text, ...extra };
}

test("spans are split per block with block-relative offsets and actor keys", () => {
  const lay = layout(blocks);
  const joined = blocks.map((b) => b.text).join("\n\n");
  const spans = [
    span(joined, "“We will fix it,”", "quote", { speaker: "Elena Varga", actor: "a1", cue: "said", quote_id: 1 }),
    span(joined, "Elena Varga", "person", { actor: "a1" }),
    span(joined, "“Fine,”", "quote", { speaker: "Daniel Osei", actor: "a2", quote_id: 2 }),
    span(joined, "Varga", "person", { actor: "a1" }, joined.indexOf("Varga agreed")),
  ];
  const actors = [
    { id: "a1", name: "Elena Varga", type: "person", mentions: 2 },
    { id: "a2", name: "Daniel Osei", type: "person", mentions: 1 },
  ];
  const { perBlock, actors: info } = splitReply("r1", lay, spans, actors);
  assert.deepEqual([...perBlock.keys()], ["h0", "h1", "h2"]);
  const [q] = perBlock.get("h1");
  assert.equal(blocks[1].text.slice(q.start, q.end), "“Fine,”"); // after a 2-unit emoji
  assert.equal(q.actor, "person:Daniel Osei");
  assert.equal(q.group, "r1:2");
  assert.equal(q.nested, false);
  const v = perBlock.get("h2")[0];
  assert.equal(blocks[2].text.slice(v.start, v.end), "Varga");
  assert.deepEqual(info.get("person:Elena Varga"), { name: "Elena Varga", type: "person" });
});

test("a span across blocks is cut at the block edges", () => {
  const lay = layout(blocks);
  const joined = blocks.map((b) => b.text).join("\n\n");
  const s = { start: joined.indexOf("Elena"), end: joined.indexOf("Osei") + 4, category: "quote", text: "…", quote_id: 7 };
  const { perBlock } = splitReply("r", lay, [s]);
  assert.equal(blocks[0].text.slice(perBlock.get("h0")[0].start, perBlock.get("h0")[0].end), "Elena Varga.");
  assert.equal(blocks[1].text.slice(perBlock.get("h1")[0].start, perBlock.get("h1")[0].end), "🔥 “Fine,” Osei");
  assert.equal(perBlock.get("h0")[0].group, perBlock.get("h1")[0].group);
});

test("a quote inside a quote keeps its own group and is marked nested", () => {
  const lay = layout(blocks);
  const joined = blocks.map((b) => b.text).join("\n\n");
  const outer = span(joined, "“Fine,”", "quote", { speaker: "Daniel Osei", quote_id: 2 });
  const inner = { ...span(joined, "Fine", "quote", { speaker: "a customer", quote_id: 3, nested_in: 2 }) };
  const { perBlock } = splitReply("r", lay, [outer, inner]);
  const [o, i] = perBlock.get("h1");
  assert.deepEqual([o.nested, i.nested, o.group === i.group], [false, true, false]);
});

test("a span's via keeps the rule, the kind of cue and the words of its chain", () => {
  const lay = layout(blocks);
  const joined = blocks.map((b) => b.text).join("\n\n");
  const via = { rule: "cue_after", kind: "pronoun", chain: [{ text: "Osei", start: 60, end: 64 }, { text: "Daniel Osei", start: 2, end: 13 }] };
  const spans = [span(joined, "“Fine,”", "quote", { speaker: "Daniel Osei", quote_id: 2, via }), span(joined, "Varga", "person", {}, joined.indexOf("Varga agreed"))];
  const { perBlock } = splitReply("r", lay, spans);
  assert.deepEqual(perBlock.get("h1")[0].via, { rule: "cue_after", kind: "pronoun", chain: ["Osei", "Daniel Osei"] });
  assert.equal(perBlock.get("h2")[0].via, null);
});

test("context blocks get no results; partial replies cover only their blocks", () => {
  const lay = layout([{ ...blocks[0], context: true }, blocks[1], blocks[2]]);
  const joined = blocks.map((b) => b.text).join("\n\n");
  const spans = [span(joined, "Elena Varga", "person"), span(joined, "Osei", "person")];
  const full = splitReply("r", lay, spans);
  assert.deepEqual([...full.perBlock.keys()], ["h1", "h2"]);
  const partial = splitReply("r", lay, spans, [], [1, 2]);
  assert.deepEqual([...partial.perBlock.keys()], ["h1"]);
  assert.equal(partial.perBlock.get("h1").length, 1);
});

test("malformed spans are skipped", () => {
  const lay = layout(blocks);
  const { perBlock } = splitReply("r", lay, [{ start: 5, end: 5, category: "quote" }, { start: "x", end: 9 }, null]);
  assert.equal([...perBlock.values()].flat().length, 0);
});

test("counts: quotations once however many pieces; stats for the hover card", () => {
  const lists = [
    [
      { category: "quote", group: "r:1", speakerKey: "person:A", start: 0, end: 5 },
      { category: "quote", group: "r:1", speakerKey: "person:A", start: 20, end: 30 },
      { category: "speaker", actor: "person:A", start: 10, end: 11, group: "x" },
      { category: "person", actor: "person:A", start: 10, end: 11, group: "y" },
    ],
    [
      { category: "quote", group: "r:2", speakerKey: "person:A", start: 0, end: 5 },
      { category: "reported", group: "r:3", speakerKey: "person:A", start: 6, end: 9 },
      { category: "person", actor: "person:A", start: 10, end: 11, group: "z" },
    ],
  ];
  assert.deepEqual(countSpans(lists), { quote: 2, speaker: 1, person: 2, reported: 1 });
  const stats = pageStats(lists);
  assert.equal(stats.quotes("person:A"), 2);
  assert.equal(stats.reported("person:A"), 1);
  assert.equal(stats.mentions("person:A"), 2); // speaker+person over the same words count once
  assert.equal(stats.quotes("person:B"), 0);
});

test("hover card text for quotes, actors, numbers", () => {
  const stats = { quotes: () => 3, reported: () => 1, mentions: () => 4 };
  const actors = new Map([["person:Elena Varga", { name: "Elena Varga", type: "person", role: "Mayor" }]]);
  const quote = cardModel({ category: "quote", speaker: "Elena Varga", cue: "said", actor: "person:Elena Varga", speakerKey: "person:Elena Varga" }, stats, actors);
  assert.deepEqual(quote, {
    category: "quote", title: "Quote", name: "— Elena Varga", lines: ["Mayor", "Cue: “said”", "3 quotes, 1 reported on this page"],
    speakerKey: "person:Elena Varga", speaker: "Elena Varga",
  });
  const resolved = cardModel({ category: "quote", speaker: "Elena Varga", via: { rule: "cue_after", kind: "pronoun", chain: ["she", "Elena Varga"] } }, stats, actors);
  assert.ok(resolved.lines.includes("“she”, resolved to Elena Varga"), resolved.lines.join(" | "));
  const described = cardModel({ category: "quote", speaker: "Elena Varga", via: { rule: "governing_cue", kind: "description", chain: ["the mayor", "Mayor Elena Varga"] } }, stats, actors);
  assert.ok(described.lines.includes("“the mayor”, resolved to Elena Varga"));
  const bare = cardModel({ category: "quote", speaker: "Elena Varga", via: { rule: "continuation", kind: "none", chain: ["Varga"] } }, stats, actors);
  assert.ok(bare.lines.includes("No cue: continues the previous quote"));
  const named = cardModel({ category: "quote", speaker: "Elena Varga", via: { rule: "cue_after", kind: "named", chain: ["Varga"] } }, stats, actors);
  assert.ok(!named.lines.some((l) => l.includes("resolved") || l.startsWith("No cue")));
  const inner = cardModel({ category: "quote", speaker: "a customer", nested: true }, stats, actors);
  assert.deepEqual([inner.title, inner.name], ["Quote within a quote", "— a customer"]);
  const anon = cardModel({ category: "quote", text: "“x”" }, stats, actors);
  assert.equal(anon.name, "Speaker not identified");
  const person = cardModel({ category: "person", text: "Varga", actor: "person:Elena Varga" }, stats, actors);
  assert.deepEqual(person, { category: "person", title: "Person", name: "Elena Varga", lines: ["Mayor", "Mentioned 4 times on this page"] });
  const org = cardModel({ category: "organization", text: "Calder & Webb" }, stats, new Map());
  assert.deepEqual(org.lines, ["Mentioned 1 time on this page"]);
  assert.equal(org.title, "Organisation");
  const num = cardModel({ category: "number", text: "£14 million", speaker: "the council" }, stats, actors);
  assert.deepEqual(num.lines, ["Claimed by the council"]);
});
