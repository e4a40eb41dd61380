import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeTerm, fragmentLink, parseDirective, textDirective } from "../src/panel/fragment.js";
import { fileName, mdEscape, report, toJson, toMarkdown } from "../src/panel/export.js";
import { buildVoices, countsLabel } from "../src/panel/voices.js";

test("directive terms escape the directive's own syntax: - , & and what URLs need", () => {
  assert.equal(encodeTerm("Preston-born, 3-1 & more"), "Preston%2Dborn%2C%203%2D1%20%26%20more");
  assert.equal(encodeTerm("“Fine,” she said"), "%E2%80%9CFine%2C%E2%80%9D%20she%20said");
  assert.equal(decodeURIComponent(encodeTerm("a-b,c&d #e")), "a-b,c&d #e");
});

test("a short quotation is quoted whole, with words around it to find this occurrence", () => {
  const item = { text: "“We have a framework,”", prefix: "at the table. ", suffix: " she said, “but" };
  const d = textDirective(item);
  assert.equal(d, "text=at%20the%20table.-,%E2%80%9CWe%20have%20a%20framework%2C%E2%80%9D,-she%20said%2C%20%E2%80%9Cbut");
  assert.deepEqual(parseDirective(d), { prefix: "at the table.", start: "“We have a framework,”", end: "", suffix: "she said, “but" });
});

test("a long quotation is given by its first and last words", () => {
  const text = "“There will be years when the river gives us less, and we will share the shortfall as fairly as we share the water,”";
  const d = parseDirective(textDirective({ text }));
  assert.equal(d.start, "“There will be years when");
  assert.equal(d.end, "as we share the water,”");
  assert.equal(d.prefix, "");
  assert.equal(d.suffix, "");
  assert.ok(text.startsWith(d.start) && text.endsWith(d.end));
});

test("a link replaces the page's own fragment", () => {
  assert.equal(fragmentLink("https://news.example/a?x=1#comments", { text: "“Yes.”" }), "https://news.example/a?x=1#:~:text=%E2%80%9CYes.%E2%80%9D");
});

const items = [
  { id: "q1", kind: "quote", text: "“We will fix it,”", speaker: "Elena Varga", speakerKey: "person:Elena Varga", actor: "person:Elena Varga", prefix: "", suffix: " said Mayor Elena Varga." },
  { id: "r1", kind: "reported", text: "the work would start in May", speaker: "the ministry", speakerKey: "speaker:the ministry", actor: null, prefix: "The ministry said ", suffix: "." },
  { id: "q2", kind: "quote", text: "“It will take time,”", speaker: "a senior official", speakerKey: "speaker:a senior official", actor: null, prefix: "", suffix: " a senior official said." },
  { id: "q3", kind: "quote", text: "“Not again,”", speaker: "he", speakerKey: "speaker:he", actor: null, prefix: "", suffix: " he said." },
  { id: "q4", kind: "quote", text: "“Fine [really] *ok*,”", speaker: "Elena Varga", speakerKey: "person:Elena Varga", actor: "person:Elena Varga", prefix: "", suffix: "" },
];
const actors = {
  "person:Elena Varga": { name: "Elena Varga", type: "person", role: "Mayor" },
  "organization:Ministry of Works": { name: "Ministry of Works", type: "organization" },
};
const ledger = {
  words: 40, quoted_words: 12, reported_words: 6, own_words: 22, named_sources: 2, unnamed_sources: 1, unattributed: 1, fresh: true,
  sources: [
    { name: "Elena Varga", named: true, type: "person", quotes: 2, reported: 0, quoted_words: 8, key: "person:Elena Varga", keys: ["person:Elena Varga"] },
    { name: "a senior official", named: false, type: "person", quotes: 1, reported: 0, quoted_words: 4, key: "speaker:a senior official", keys: ["speaker:a senior official"] },
    { name: "Ministry of Works", named: true, type: "organization", quotes: 0, reported: 1, quoted_words: 0, key: "organization:Ministry of Works", keys: ["organization:Ministry of Works", "speaker:the ministry"] },
  ],
};

test("voices are grouped by the ledger's sources, aliases joined, in page order", () => {
  const { groups, byKey } = buildVoices(items, actors, ledger);
  const view = Object.fromEntries(groups.map((g) => [g.id, g.voices.map((v) => [v.name, v.quotes, v.reported, v.items.map((it) => it.id)])]));
  assert.deepEqual(view, {
    people: [["Elena Varga", 2, 0, ["q1", "q4"]]],
    organisations: [["Ministry of Works", 0, 1, ["r1"]]],
    unnamed: [["a senior official", 1, 0, ["q2"]]],
    unidentified: [["Speaker not identified", 1, 0, ["q3"]]],
  });
  assert.equal(byKey.get("speaker:the ministry").name, "Ministry of Works");
  assert.equal(byKey.get("person:Elena Varga").role, "Mayor");
  assert.equal(byKey.get("person:Elena Varga").share, 8 / 12);
  assert.equal(countsLabel(byKey.get("person:Elena Varga")), "2 quotes");
  assert.equal(countsLabel({ quotes: 1, reported: 2 }), "1 quote · 2 reported claims");
});

test("without a ledger yet, actors and the look of a speaker decide", () => {
  const { groups } = buildVoices(items, actors, null);
  const names = (id) => groups.find((g) => g.id === id).voices.map((v) => v.name);
  assert.deepEqual(names("people"), ["Elena Varga"]);
  assert.deepEqual(names("unnamed"), ["the ministry", "a senior official"]);
  assert.deepEqual(names("unidentified"), ["Speaker not identified"]);
});

function model() {
  const state = {
    title: "Bridge | The Courier",
    readAt: "2026-11-30T09:00:00.000Z",
    page: { url: "https://news.example/bridge#top" },
    items,
    figures: [{ id: "f1", text: "£14m", sentence: "Repairs cost £14m.", prefix: "Repairs cost ", suffix: "." }],
    actors,
    ledger,
    nav: { filter: null, current: null },
  };
  return { state, voices: buildVoices(items, actors, ledger) };
}

test("the JSON export has the page, the date read, the ledger and every quote with its link", () => {
  const rep = report(model(), new Date("2026-11-30T10:00:00Z"));
  assert.equal(rep.url, "https://news.example/bridge#top");
  assert.equal(rep.read_at, "2026-11-30T09:00:00.000Z");
  assert.deepEqual(rep.quotes.map((q) => [q.speaker, q.source, q.role]), [
    ["Elena Varga", "named", "Mayor"], ["a senior official", "unnamed", null], [null, "not identified", null], ["Elena Varga", "named", "Mayor"],
  ]);
  assert.equal(rep.reported[0].speaker, "Ministry of Works");
  assert.equal(rep.quotes[0].link, "https://news.example/bridge#:~:text=%E2%80%9CWe%20will%20fix%20it%2C%E2%80%9D,-said%20Mayor%20Elena");
  assert.equal(rep.ledger.share_quoted, 12 / 40);
  assert.equal(rep.ledger.sources[0].share_of_quoted_words, 8 / 12);
  assert.equal(rep.figures_without_source[0].sentence, "Repairs cost £14m.");
  assert.deepEqual(JSON.parse(toJson(rep)), rep);
  assert.equal(fileName(rep), "claimlight-bridge-the-courier-2026-11-30.json");
});

test("the Markdown export reads as a report, its links the quotes' own", () => {
  const md = toMarkdown(report(model(), new Date("2026-11-30T10:00:00Z")));
  assert.match(md, /^# Who says what: Bridge \\\| The Courier\n/);
  assert.match(md, /Read on 2026-11-30/);
  assert.match(md, /\| Direct quotes \| 12 \| 30% \|/);
  assert.match(md, /3 sources: 2 named, 1 unnamed\. 1 quote or claim with no identified speaker\./);
  assert.match(md, /- Elena Varga: 67%\n- a senior official \(unnamed\): 33%/);
  assert.match(md, /1\. \*\*Elena Varga\*\* \(Mayor\): “We will fix it,” \(\[open at this quote\]\(https:\/\/news\.example\/bridge#:~:text=/);
  assert.match(md, /3\. _Speaker not identified_: “Not again,”/);
  // Markdown in a quotation is shown, not obeyed.
  assert.match(md, /“Fine \\\[really\\\] \\\*ok\\\*,”/);
  const links = [...md.matchAll(/\[open at this quote\]\(([^)]+)\)/g)].map((m) => parseDirective(m[1].split("#:~:")[1]));
  assert.deepEqual(links.map((d) => d.start), items.filter((it) => it.kind === "quote").map((it) => it.text));
  assert.match(md, /## Figures without a source\n\n- \*\*£14m\*\*: Repairs cost £14m\./);
  assert.equal(mdEscape("a_b\nc"), "a\\_b c");
});
