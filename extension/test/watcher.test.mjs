import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { PageWatcher } from "../src/content/watcher.js";
import { DaemonClient } from "../src/content/client.js";
import { analyzeMessage, cancelMessage } from "../src/shared/protocol.js";

const analyze = (id, text) => analyzeMessage({ id, url: "http://x/a", title: "", blocks: [text], stream: false });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("a burst of mutations is reported once, after the debounce", async () => {
  const { window } = new JSDOM(`<body><main id=m></main></body>`, { url: "http://x/a" });
  const calls = [];
  const w = new PageWatcher((r) => calls.push(r), { debounceMs: 30, maxWaitMs: 500, win: window });
  w.start();
  for (let i = 0; i < 5; i++) {
    window.document.getElementById("m").append(window.document.createElement("p"));
    await sleep(5);
  }
  await sleep(80);
  assert.deepEqual(calls, ["mutation"]);
  w.stop();
});

test("a page that never stops mutating is still handled every maxWait", async () => {
  const { window } = new JSDOM(`<body><main id=m></main></body>`, { url: "http://x/a" });
  const calls = [];
  const w = new PageWatcher((r) => calls.push(r), { debounceMs: 40, maxWaitMs: 100, win: window });
  w.start();
  const t0 = Date.now();
  while (Date.now() - t0 < 330) {
    window.document.getElementById("m").textContent = String(Math.random());
    await sleep(10);
  }
  w.stop();
  assert.ok(calls.length >= 2, `${calls.length} calls`);
});

test("irrelevant mutations are ignored; URL changes are navigations, anchors are not", async () => {
  const { window } = new JSDOM(`<body><main id=m></main></body>`, { url: "http://x/a" });
  const calls = [];
  const w = new PageWatcher((r) => calls.push(r), { debounceMs: 10, isRelevant: () => false, win: window });
  w.start();
  window.document.getElementById("m").append("x");
  await sleep(40);
  assert.deepEqual(calls, []);
  window.history.pushState({}, "", "/a#section");
  window.document.getElementById("m").append("y");
  await sleep(40);
  assert.deepEqual(calls, []);
  window.history.pushState({}, "", "/b");
  window.document.getElementById("m").append("z"); // an SPA renders after pushState
  await sleep(40);
  assert.deepEqual(calls, ["navigation"]);
  w.stop();
});

/** A chrome.runtime stand-in whose ports can be cut, like a service worker that was stopped. */
function fakeRuntime() {
  const ports = [];
  return {
    id: "ext",
    ports,
    connect() {
      const listeners = { message: [], disconnect: [] };
      const port = {
        sent: [],
        postMessage(m) {
          if (port.dead) throw new Error("disconnected");
          port.sent.push(m);
        },
        onMessage: { addListener: (f) => listeners.message.push(f) },
        onDisconnect: { addListener: (f) => listeners.disconnect.push(f) },
        deliver: (m) => listeners.message.forEach((f) => f(m)),
        cut() {
          port.dead = true;
          listeners.disconnect.forEach((f) => f());
        },
      };
      ports.push(port);
      return port;
    },
  };
}

test("the page re-sends what it waits for when the worker's port closes", async () => {
  const runtime = fakeRuntime();
  const replies = [];
  const client = new DaemonClient((m) => replies.push(m), runtime);
  client.analyze(analyze("p-1", "a"));
  client.analyze(analyze("p-2", "b"));
  runtime.ports[0].deliver({ type: "result", id: "p-1", spans: [], actors: [] });
  assert.equal(client.pending.size, 1);
  runtime.ports[0].cut(); // the service worker was stopped
  await sleep(300);
  assert.equal(runtime.ports.length, 2);
  assert.deepEqual(runtime.ports[1].sent.map((m) => m.id), ["p-2"]);
  runtime.ports[1].deliver({ type: "result", id: "p-2", spans: [], actors: [] });
  assert.equal(client.pending.size, 0);
  assert.deepEqual(replies.map((m) => m.id), ["p-1", "p-2"]);
  runtime.ports[1].cut();
  await sleep(300);
  assert.equal(runtime.ports.length, 2); // nothing pending: no reconnect
  clearInterval(client.heartbeat);
});

test("cancel forgets the request and tells the worker", () => {
  const runtime = fakeRuntime();
  const client = new DaemonClient(() => {}, runtime);
  client.analyze(analyze("x", "a"));
  client.cancel("x");
  assert.deepEqual(runtime.ports[0].sent, [analyze("x", "a"), cancelMessage("x")]);
  assert.equal(client.pending.size, 0);
  assert.equal(client.heartbeat, null);
});

test("an orphaned content script (extension reloaded) stops quietly", () => {
  const client = new DaemonClient(() => {}, { id: undefined, connect() { throw new Error("invalidated"); } });
  client.analyze(analyze("x", "a"));
  assert.equal(client.dead, true);
  clearInterval(client.heartbeat);
});
