import { test } from "node:test";
import assert from "node:assert/strict";
import { RESULTS_LIMIT, RequestTracker, STREAM_MIN_CHARS } from "../src/content/tracker.js";
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

test("the first request carries the whole article, with the page's url and title", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("“We will vote,” said Mayor Ines Corra.", "The council meets on Monday.");
  const msg = t.nextRequest(blocks, PAGE);
  assert.deepEqual(
    msg,
    analyzeMessage({ id: "s-1", url: PAGE.url, title: PAGE.title, blocks: blocks.map((b) => b.text), stream: false }),
  );
  assert.equal(t.pending, 1);
  assert.equal(t.nextRequest(blocks, PAGE), null); // on its way: not asked twice
});

test("long articles ask for partial replies", () => {
  const t = new RequestTracker({ session: "s" });
  const half = STREAM_MIN_CHARS / 2 - 1;
  const long = article("a".repeat(half), "b".repeat(half));
  assert.equal(t.nextRequest(long, PAGE).stream, true); // the separator counts: it tips this over
  const short = article("c".repeat(STREAM_MIN_CHARS - 1));
  assert.equal(new RequestTracker().nextRequest(short, PAGE).stream, false);
});

test("a result files block-relative spans under each block and ends the request", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("Ines Corra spoke first.", "“No,” said Pavel Ostrov.");
  const msg = t.nextRequest(blocks, PAGE);
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
  assert.deepEqual(t.actors.get("person:Pavel Ostrov"), { name: "Pavel Ostrov", type: "person" });
  assert.equal(t.nextRequest(blocks, PAGE), null); // everything has results
  assert.deepEqual(t.onReply(reply), { changed: false, retry: false }); // a late duplicate is ignored
});

test("a partial reply fills the blocks it covers and keeps the request open", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("First paragraph.", "Second paragraph.");
  const msg = t.nextRequest(blocks, PAGE);
  const partial = { type: "partial", id: msg.id, blocks: [0, 1], spans: [] };
  assert.deepEqual(t.onReply(partial), { changed: true, retry: false });
  assert.deepEqual(t.spansFor(blocks[0].hash), []);
  assert.equal(t.spansFor(blocks[1].hash), undefined);
  assert.equal(t.pending, 1);
});

test("busy is retried; other errors mark the blocks failed until failures are cleared", () => {
  const t = new RequestTracker({ session: "s" });
  const blocks = article("Some text.");
  const first = t.nextRequest(blocks, PAGE);
  assert.deepEqual(t.onReply({ type: "error", id: first.id, code: "busy", message: "busy" }), { changed: false, retry: true });
  assert.equal(t.lastError, "busy");
  const again = t.nextRequest(blocks, PAGE); // busy blocks are asked for again
  assert.equal(again.id, "s-2");
  assert.deepEqual(t.onReply({ type: "error", id: again.id, code: "too_large", message: "the text is too long" }), {
    changed: false,
    retry: false,
  });
  assert.equal(t.lastError, "the text is too long");
  assert.equal(t.nextRequest(blocks, PAGE), null); // refused: not re-sent on its own
  t.clearFailures();
  assert.equal(t.nextRequest(blocks, PAGE).id, "s-3");
});

test("a cancelled request ends quietly", () => {
  const t = new RequestTracker({ session: "s" });
  const msg = t.nextRequest(article("Text."), PAGE);
  assert.deepEqual(t.onReply({ type: "error", id: msg.id, code: "cancelled", message: "cancelled" }), {
    changed: false,
    retry: false,
  });
  assert.equal(t.lastError, "");
  assert.equal(t.pending, 0);
});

test("a new result clears the last error", () => {
  const t = new RequestTracker({ session: "s" });
  const a = t.nextRequest(article("One."), PAGE);
  t.onReply({ type: "error", id: a.id, code: "internal", message: "analysis failed" });
  const b = t.nextRequest(article("Two."), PAGE);
  t.onReply({ type: "result", id: b.id, spans: [], actors: [] });
  assert.equal(t.lastError, "");
});

test("one changed paragraph goes out with the one before it as context", () => {
  const t = new RequestTracker({ session: "s" });
  const texts = ["Para one.", "Para two.", "Para three.", "Para four."];
  const first = t.nextRequest(article(...texts), PAGE);
  t.onReply({ type: "result", id: first.id, spans: [], actors: [] });
  const edited = article("Para one.", "Para two.", "Para three, edited: she said.", "Para four.");
  const msg = t.nextRequest(edited, PAGE);
  assert.deepEqual(msg.blocks, ["Para two.", "Para three, edited: she said."]);
  // Spans the daemon finds in the context block do not replace its results.
  const before = t.spansFor(edited[1].hash);
  t.onReply({ type: "result", id: msg.id, spans: [spanIn(msg, "Para two.", "number")], actors: [] });
  assert.equal(t.spansFor(edited[1].hash), before);
  assert.deepEqual(t.spansFor(edited[2].hash), []);
});

test("requests for blocks that left the page are dropped, and their replies ignored", () => {
  const t = new RequestTracker({ session: "s" });
  const old = article("Old article, first paragraph.", "Old article, second paragraph.");
  const msg = t.nextRequest(old, PAGE);
  const fresh = article("A different article.");
  assert.deepEqual(t.dropStale(old.map((b) => b.hash)), []); // still on the page: kept
  assert.deepEqual(t.dropStale(fresh.map((b) => b.hash)), [msg.id]);
  assert.equal(t.pending, 0);
  assert.equal(t.isKnown(old[0].hash), false);
  assert.deepEqual(t.onReply({ type: "result", id: msg.id, spans: [], actors: [] }), { changed: false, retry: false });
  assert.equal(t.spansFor(old[0].hash), undefined);
});

test("past the limit, results of blocks not on the page are pruned", () => {
  const t = new RequestTracker({ session: "s" });
  const many = Array.from({ length: 5 }, (_, i) => block(`Paragraph ${i}.`));
  const msg = t.nextRequest(many, PAGE);
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
