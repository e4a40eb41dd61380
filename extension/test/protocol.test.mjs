import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  analyzeMessage,
  cancelMessage,
  daemonUrl,
  endsRequest,
  healthUrl,
  pingMessage,
} from "../src/shared/protocol.js";

test("an analyze message has exactly the fields of the daemon's AnalyzeRequest, in wire order", () => {
  const msg = analyzeMessage({ id: "s-1", url: "https://example.org/a", title: "A", blocks: ["One.", "Two."], stream: true });
  // JSON keeps insertion order: the frame on the wire is byte for byte what it always was.
  assert.equal(
    JSON.stringify(msg),
    '{"type":"analyze","v":1,"id":"s-1","url":"https://example.org/a","title":"A","blocks":["One.","Two."],"stream":true,"replace":false}',
  );
});

test("a URL or title over the daemon's limits is cut to them, not refused", () => {
  const msg = analyzeMessage({ id: "x", url: "u".repeat(9000), title: "t".repeat(3000), blocks: [], stream: false });
  assert.equal(msg.url.length, MAX_URL_CHARS);
  assert.equal(msg.title.length, MAX_TITLE_CHARS);
  assert.equal(analyzeMessage({ id: "x", url: "short", title: "", blocks: [], stream: false }).url, "short");
});

test("cancel and ping messages", () => {
  assert.equal(JSON.stringify(cancelMessage("s-2")), '{"type":"cancel","v":1,"id":"s-2"}');
  assert.equal(JSON.stringify(pingMessage("hello-1")), '{"type":"ping","v":1,"id":"hello-1"}');
});

test("a result or an error ends a request; a partial or a pong does not", () => {
  assert.deepEqual(
    ["result", "error", "partial", "pong"].map((type) => endsRequest({ type, id: "a" })),
    [true, true, false, false],
  );
  assert.equal(endsRequest(null), false);
});

test("the daemon is reached on loopback only", () => {
  assert.equal(daemonUrl(47653), "ws://127.0.0.1:47653/ws");
  assert.equal(healthUrl(4000), "http://127.0.0.1:4000/health");
});

test("a page's request names its tab and frame, so the daemon shares its workers between tabs", async () => {
  const { analyzeMessage, withPage } = await import("../src/shared/protocol.js");
  const msg = analyzeMessage({ id: "a-1", url: "https://news.example/", title: "t", blocks: ["x"], stream: false });
  assert.equal(withPage(msg, { tab: { id: 7 }, frameId: 0 }).page, "tab7-0");
  assert.equal(withPage(msg, { tab: { id: 7 }, frameId: 3 }).page, "tab7-3");
  assert.equal(withPage(msg, {}), msg); // not from a tab: no page
  // A request that replaces the page's older ones keeps saying so with its page named.
  const whole = analyzeMessage({ id: "a-2", url: "https://news.example/", title: "t", blocks: ["x"], stream: true, replace: true });
  assert.equal(withPage(whole, { tab: { id: 1 } }).replace, true);
});
