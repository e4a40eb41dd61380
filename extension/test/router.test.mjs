import { test } from "node:test";
import assert from "node:assert/strict";
import { RequestRouter } from "../src/background/router.js";
import { analyzeMessage } from "../src/shared/protocol.js";

function setup(open = false) {
  const wire = [];
  const state = { open };
  const router = new RequestRouter((msg) => {
    if (!state.open) return false;
    wire.push(msg);
    return true;
  });
  return { router, wire, state };
}
const analyze = (id) => analyzeMessage({ id, url: "https://example.org/a", title: "A", blocks: ["x"], stream: false });

test("requests wait for the connection, then go out in order", () => {
  const { router, wire, state } = setup(false);
  router.submit("tabA", analyze("a1"));
  router.submit("tabB", analyze("b1"));
  assert.equal(wire.length, 0);
  state.open = true;
  router.flush();
  assert.deepEqual(wire.map((m) => m.id), ["a1", "b1"]);
  router.flush(); // nothing twice
  assert.equal(wire.length, 2);
});

test("in-flight requests are re-sent after a reconnect", () => {
  const { router, wire, state } = setup(true);
  router.submit("tab", analyze("r1"));
  state.open = false;
  router.connectionLost();
  state.open = true;
  router.flush();
  assert.deepEqual(wire.map((m) => m.id), ["r1", "r1"]);
});

test("replies go to the page that asked; partial keeps the request open", () => {
  const { router } = setup(true);
  router.submit("tabA", analyze("a"));
  router.submit("tabB", analyze("b"));
  assert.equal(router.reply({ type: "partial", id: "a", spans: [] }), "tabA");
  assert.equal(router.size, 2);
  assert.equal(router.reply({ type: "result", id: "a", spans: [] }), "tabA");
  assert.equal(router.reply({ type: "error", id: "b", code: "busy" }), "tabB");
  assert.equal(router.size, 0);
  assert.equal(router.reply({ type: "result", id: "a" }), null);
  assert.equal(router.reply({ type: "pong", version: "1" }), null);
});

test("a re-submitted id that is already in flight is not sent twice", () => {
  const { router, wire } = setup(true);
  router.submit("port1", analyze("x"));
  router.submit("port2", analyze("x")); // the page reconnected after a worker restart
  assert.equal(wire.length, 1);
  assert.equal(router.reply({ type: "result", id: "x" }), "port2");
});

test("cancel and dropClient tell the daemon only about sent requests", () => {
  const { router, wire, state } = setup(true);
  router.submit("tab", analyze("sent"));
  state.open = false;
  router.submit("tab", analyze("queued"));
  router.submit("other", analyze("keep"));
  state.open = true;
  router.dropClient("tab");
  // The queued request of the page that left is never sent; the other page's goes out.
  assert.deepEqual(wire.map((m) => [m.type, m.id]), [["analyze", "sent"], ["cancel", "sent"], ["analyze", "keep"]]);
  assert.equal(router.size, 1);
  assert.equal(router.pendingFor("other"), 1);
  router.cancel("nope");
  assert.equal(router.size, 1);
});

test("no more than maxInflight requests are on the wire; replies free slots", () => {
  const wire = [];
  const router = new RequestRouter((msg) => (wire.push(msg), true), 2);
  for (const id of ["a", "b", "c", "d"]) router.submit("tab", analyze(id));
  assert.deepEqual(wire.map((m) => m.id), ["a", "b"]);
  router.reply({ type: "partial", id: "a", spans: [] });
  assert.equal(wire.length, 2);
  router.reply({ type: "result", id: "a", spans: [] });
  assert.deepEqual(wire.map((m) => m.id), ["a", "b", "c"]);
  router.cancel("b");
  assert.deepEqual(wire.map((m) => `${m.type}:${m.id}`), ["analyze:a", "analyze:b", "analyze:c", "cancel:b", "analyze:d"]);
  assert.equal(router.inflight, 2);
});

test("a request that replaces the page's older ones drops those not sent yet", () => {
  const sent = [];
  const r = new RequestRouter((m) => (sent.push(m.id), true), 1);
  const page = {};
  const other = {};
  r.submit(page, { id: "p-1", type: "analyze" });
  r.submit(page, { id: "p-2", type: "analyze" }); // waits: one in flight at most
  r.submit(other, { id: "o-1", type: "analyze" });
  r.submit(page, { id: "p-3", type: "analyze", replace: true });
  assert.deepEqual([...r.requests.keys()], ["p-1", "o-1", "p-3"]); // p-2 will never go; p-1 the daemon cancels
  r.reply({ id: "p-1", type: "error", code: "cancelled" });
  assert.deepEqual(sent, ["p-1", "o-1"]);
});
