import { test } from "node:test";
import assert from "node:assert/strict";
import { RESULTS_LIMIT, RequestTracker } from "../src/content/tracker.js";
import { analyzeMessage } from "../src/shared/protocol.js";
import { hashText } from "../src/content/hash.js";

const PAGE = { url: "https://example.org/news/1", title: "Council vote" };

const block = (text) => ({ hash: hashText(text), text });
const article = (...texts) => texts.map(block);

/** A reply span over `text`, found in the request's joined text. */
function spanIn(msg, text, category, extra = {}) {
  const joined = msg.blocks.join("\n\n");
  const start = joined.indexOf(text);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, category, text, ...extra };
}

test("the first request carries the whole article, streamed, with the page's url and title", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("“We will vote,” said Mayor Ines Corra.", "The council meets on Monday.");
  const { message, superseded } = t.nextRequest(blocks, PAGE);
  assert.deepEqual(
    message,
    analyzeMessage({ id: "s-1", url: PAGE.url, title: PAGE.title, blocks: blocks.map((b) => b.text), stream: true, replace: true }),
  );
  assert.deepEqual(superseded, []);
  assert.equal(t.pending, 1);
  assert.equal(t.nextRequest(blocks, PAGE), null); // on its way: not asked twice
  assert.equal(t.wants(blocks), false);
  assert.equal(t.wants([]), false); // no article, nothing to ask
});

test("a result files block-relative spans under each block and ends the request", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("Ines Corra spoke first.", "“No,” said Pavel Ostrov.");
  const { message: msg } = t.nextRequest(blocks, PAGE);
  const reply = {
    type: "result",
    id: msg.id,
    spans: [
      spanIn(msg, "Ines Corra", "person", { actor: "a1" }),
      spanIn(msg, "“No,”", "quote", { speaker: "Pavel Ostrov", actor: "a2", quote_id: 1 }),
    ],
    actors: [
      { id: "a1", name: "Ines Corra", type: "person", mentions: 1 },
      { id: "a2", name: "Pavel Ostrov", type: "person", mentions: 1 },
    ],
  };
  assert.deepEqual(t.onReply(reply), { changed: true, retry: false });
  assert.equal(t.pending, 0);
  assert.deepEqual(t.spansFor(blocks[0].hash).map((s) => [s.start, s.end, s.category]), [[0, 10, "person"]]);
  assert.deepEqual(t.spansFor(blocks[1].hash).map((s) => [s.start, s.end, s.category]), [[0, 5, "quote"]]);
  assert.equal(t.isDone(blocks[0].hash), true);
  assert.deepEqual(t.actors.get("person:Pavel Ostrov"), { name: "Pavel Ostrov", type: "person" });
  assert.equal(t.nextRequest(blocks, PAGE), null); // this version of the page is answered
  assert.deepEqual(t.onReply(reply), { changed: false, retry: false }); // a late duplicate is ignored
});

test("early quotes fill the blocks without results, never replace results, and give way to the result", () => {
  const t = new RequestTracker({ session: "s" });
  const first = article("“We will vote,” said Mayor Ines Corra.");
  const { message: one } = t.nextRequest(first, PAGE);
  t.onReply({ type: "result", id: one.id, spans: [spanIn(one, "Ines Corra", "person"), spanIn(one, "“We will vote,”", "quote", { speaker: "Ines Corra" })], actors: [] });
  // A new entry: the whole page goes again, and its quotations arrive first, without speakers.
  const blocks = [...first, block("“It will pass,” she said.")];
  const { message: two } = t.nextRequest(blocks, PAGE);
  const early = { type: "partial", stage: "quotes", id: two.id, blocks: [0, 2], spans: [spanIn(two, "“We will vote,”", "quote"), spanIn(two, "“It will pass,”", "quote")] };
  assert.deepEqual(t.onReply(early), { changed: true, retry: false });
  // The block with an analysis keeps it (its name and speaker stay painted) ...
  assert.deepEqual(t.spansFor(blocks[0].hash).map((s) => [s.category, s.speaker]), [["quote", "Ines Corra"], ["person", null]]);
  // ... the new one shows its quotation at once, marked as early, and is not done.
  assert.deepEqual(t.spansFor(blocks[1].hash).map((s) => [s.start, s.end, s.early]), [[0, 15, true]]);
  assert.equal(t.isDone(blocks[1].hash), false);
  t.onReply({ type: "result", id: two.id, spans: [spanIn(two, "“It will pass,”", "quote", { speaker: "Ines Corra" })], actors: [] });
  assert.deepEqual(t.spansFor(blocks[1].hash).map((s) => [s.speaker, s.early]), [["Ines Corra", undefined]]);
  assert.equal(t.early.size, 0);
  assert.equal(t.isDone(blocks[1].hash), true);
});

test("a block-stage partial fills the blocks it covers and keeps the request open", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("First paragraph.", "Second paragraph.");
  const { message: msg } = t.nextRequest(blocks, PAGE);
  const partial = { type: "partial", stage: "blocks", id: msg.id, blocks: [0, 1], spans: [] };
  assert.deepEqual(t.onReply(partial), { changed: true, retry: false });
  assert.deepEqual(t.spansFor(blocks[0].hash), []);
  assert.equal(t.spansFor(blocks[1].hash), undefined);
  assert.equal(t.pending, 1);
});

test("a newer version of the page supersedes the request on its way; the older one's replies are ignored", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("Entry one.", "Entry two.");
  const { message: old } = t.nextRequest(blocks, PAGE);
  const grown = [...blocks, block("Entry three.")];
  const { message: msg, superseded } = t.nextRequest(grown, PAGE);
  assert.deepEqual(superseded, [old.id]);
  assert.equal(msg.replace, true);
  assert.deepEqual(msg.blocks, ["Entry one.", "Entry two.", "Entry three."]); // the whole page, every time
  assert.equal(t.pending, 1);
  assert.deepEqual(t.onReply({ type: "result", id: old.id, spans: [], actors: [] }), { changed: false, retry: false });
  assert.deepEqual(t.onReply({ type: "error", id: old.id, code: "cancelled", message: "superseded" }), { changed: false, retry: false });
  assert.equal(t.spansFor(blocks[0].hash), undefined);
});

test("a paragraph repeated on the page gets its spans from its first place only", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("Advertisement", "“Yes,” said Ada Obi.", "Advertisement");
  const { message: msg } = t.nextRequest(blocks, PAGE);
  const joined = msg.blocks.join("\n\n");
  const second = joined.lastIndexOf("Advertisement");
  t.onReply({ type: "result", id: msg.id, actors: [], spans: [
    { start: 0, end: 13, category: "organization", text: "Advertisement" },
    { start: second, end: second + 13, category: "organization", text: "Advertisement" },
  ] });
  assert.equal(t.spansFor(blocks[0].hash).length, 1);
});

test("busy is retried; other errors refuse that version of the page until failures are cleared", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("Some text.");
  const { message: first } = t.nextRequest(blocks, PAGE);
  assert.deepEqual(t.onReply({ type: "error", id: first.id, code: "busy", message: "busy" }), { changed: false, retry: true });
  assert.equal(t.lastError, "busy");
  const { message: again } = t.nextRequest(blocks, PAGE); // busy: asked for again
  assert.equal(again.id, "s-2");
  assert.deepEqual(t.onReply({ type: "error", id: again.id, code: "too_large", message: "the text is too long" }), {
    changed: false,
    retry: false,
  });
  assert.equal(t.lastError, "the text is too long");
  assert.equal(t.nextRequest(blocks, PAGE), null); // refused: not re-sent on its own
  t.clearFailures();
  assert.equal(t.nextRequest(blocks, PAGE).message.id, "s-3");
});

test("a cancelled request ends quietly", () => {
  const t = new RequestTracker({ session: "s" });
  const { message: msg } = t.nextRequest(article("Text."), PAGE);
  assert.deepEqual(t.onReply({ type: "error", id: msg.id, code: "cancelled", message: "cancelled" }), {
    changed: false,
    retry: false,
  });
  assert.equal(t.lastError, "");
  assert.equal(t.pending, 0);
});

test("a new result clears the last error", () => {
  const t = new RequestTracker({ session: "s" });
  const { message: a } = t.nextRequest(article("One."), PAGE);
  t.onReply({ type: "error", id: a.id, code: "internal", message: "analysis failed" });
  const { message: b } = t.nextRequest(article("Two."), PAGE);
  t.onReply({ type: "result", id: b.id, spans: [], actors: [] });
  assert.equal(t.lastError, "");
});

test("abandoning the page forgets what is on its way; the page may be asked for again", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("Old article, first paragraph.");
  const { message: msg } = t.nextRequest(blocks, PAGE);
  assert.deepEqual(t.abandon(), [msg.id]);
  assert.equal(t.pending, 0);
  assert.deepEqual(t.onReply({ type: "result", id: msg.id, spans: [], actors: [] }), { changed: false, retry: false });
  assert.equal(t.wants(blocks), true);
});

test("past the limit, results of blocks not on the page are pruned", () => {
  const t = new RequestTracker({ session: "s" });
  const many = Array.from({ length: 5 }, (_, i) => block(`Paragraph ${i}.`));
  const { message: msg } = t.nextRequest(many, PAGE);
  t.onReply({ type: "result", id: msg.id, spans: [], actors: [] });
  const onPage = [many[3].hash];
  t.pruneResults(onPage); // under the default limit: all kept
  assert.equal(t.results.size, 5);
  assert.ok(RESULTS_LIMIT > 5);
  t.pruneResults(onPage, 4);
  assert.deepEqual([...t.results.keys()], onPage);
});

test("state messages and replies to unknown ids change nothing", () => {
  const t = new RequestTracker({ session: "s" });
  assert.deepEqual(t.onReply({ type: "pong", id: "hello-1" }), { changed: false, retry: false });
  assert.deepEqual(t.onReply({ type: "result", id: "other-1", spans: [], actors: [] }), { changed: false, retry: false });
});

test("the quotes found in the page are kept, as the same objects, when the daemon's first reply finds the same", async () => {
  const { earlyReply } = await import("../src/content/quotescan.js");
  const t = new RequestTracker({ session: "s" });
  const blocks = article("“We will not let the bridge fall,” said Mayor Ines Corra.", "Nothing quoted here.");
  const { message } = t.nextRequest(blocks, PAGE);
  const scanned = earlyReply(message.id, message.blocks);
  assert.equal(t.onReply(scanned).changed, true);
  const painted = t.spansFor(blocks[0].hash);
  assert.deepEqual(painted.map((s) => [s.start, s.end, s.early]), [[0, 34, true]]);
  assert.deepEqual(t.spansFor(blocks[1].hash), []);
  // The daemon's reply with the same quotes: nothing for the painter to take down and put back.
  t.onReply({ ...scanned, spans: scanned.spans.map((s) => ({ ...s })) });
  assert.equal(t.spansFor(blocks[0].hash), painted);
  // Other quotes than those held replace them.
  t.onReply({ ...scanned, spans: [spanIn(message, "“We will not let the bridge fall,”", "quote", { quote_id: 2 })] });
  assert.notEqual(t.spansFor(blocks[0].hash), painted);
  assert.equal(t.isDone(blocks[0].hash), false); // early quotes are not the analysis
});

test("quotes painted on the belief that the daemon is up come down when it is not; results stay", async () => {
  const { earlyReply } = await import("../src/content/quotescan.js");
  const t = new RequestTracker({ session: "s" });
  const blocks = article("“We will not let the bridge fall,” said Mayor Ines Corra.");
  const { message } = t.nextRequest(blocks, PAGE);
  t.onReply(earlyReply(message.id, message.blocks));
  assert.equal(t.spansFor(blocks[0].hash).length, 1);
  assert.equal(t.dropEarly(), true);
  assert.deepEqual(t.spansFor(blocks[0].hash), []); // none, rather than unknown: the painter takes them down
  assert.equal(t.dropEarly(), false); // nothing left: no repaint needed
  // Filed again once the daemon is up, they are painted again; the result replaces them.
  t.onReply(earlyReply(message.id, message.blocks));
  t.onReply({ type: "result", id: message.id, spans: [spanIn(message, "Ines Corra", "person")], actors: [] });
  assert.equal(t.dropEarly(), false);
  assert.deepEqual(t.spansFor(blocks[0].hash).map((s) => s.category), ["person"]);
});

test("quotes found at first look, before any request, are early quotes that the request's replies replace", async () => {
  const { earlyReply } = await import("../src/content/quotescan.js");
  const t = new RequestTracker({ session: "s" });
  const look = article("“We will not let the bridge fall,” said Mayor Ines Corra.", "Nothing quoted here.");
  assert.equal(t.fileFound(look, earlyReply("", look.map((b) => b.text))), true);
  assert.deepEqual(t.spansFor(look[0].hash).map((s) => [s.start, s.end, s.early]), [[0, 34, true]]);
  assert.equal(t.fileFound(look, earlyReply("", look.map((b) => b.text))), false); // the same again changes nothing
  assert.equal(t.isDone(look[0].hash), false);
  // Nothing was asked: the whole article, the first look's paragraphs among it, still is.
  const blocks = article("Council votes tonight.", look[0].text, look[1].text);
  const { message } = t.nextRequest(blocks, PAGE);
  t.onReply({ type: "result", id: message.id, spans: [spanIn(message, "Ines Corra", "person")], actors: [] });
  assert.deepEqual(t.spansFor(look[0].hash).map((s) => s.category), ["person"]);
});
