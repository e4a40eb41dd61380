import { test } from "node:test";
import assert from "node:assert/strict";
import { BACKOFF, backoffDelay, nominalDelay } from "../src/background/backoff.js";
import { DaemonSocket, KEEPALIVE_MS, isHelloReply } from "../src/background/socket.js";
import { pingMessage } from "../src/shared/protocol.js";

test("nominal backoff: 0.5 s doubling, capped at 30 s", () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => nominalDelay(n)), [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  assert.equal(nominalDelay(10_000), BACKOFF.maxMs);
  assert.equal(nominalDelay(-3), 500);
});

test("jitter keeps each delay within [nominal/2, nominal]", () => {
  for (let n = 0; n < 12; n++) {
    const nominal = nominalDelay(n);
    assert.equal(backoffDelay(n, () => 0), Math.round(nominal / 2));
    assert.equal(backoffDelay(n, () => 0.999999), Math.round(nominal));
    const d = backoffDelay(n);
    assert.ok(d >= nominal / 2 - 1 && d <= nominal, `${n}: ${d}`);
  }
});

/** A manual clock and a scriptable WebSocket. */
function harness() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  const clock = {
    now: () => now,
    setTimeout: (f, ms) => (timers.set(nextId, { f, at: now + ms }), nextId++),
    clearTimeout: (id) => timers.delete(id),
    setInterval: (f, ms) => (timers.set(nextId, { f, at: now + ms, every: ms }), nextId++),
    clearInterval: (id) => timers.delete(id),
  };
  const advance = (ms) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, t] = due;
      now = t.at;
      if (t.every) t.at += t.every;
      else timers.delete(id);
      t.f();
    }
    now = end;
  };
  const sockets = [];
  class FakeWS {
    constructor(url, protocols) {
      this.url = url;
      this.protocols = protocols;
      this.sent = [];
      sockets.push(this);
    }
    send(data) {
      this.sent.push(JSON.parse(data));
    }
    close() {}
    open() {
      this.onopen?.();
    }
    fail() {
      this.onerror?.();
      this.onclose?.({ code: 1006, reason: "" });
    }
    closedByDaemon(code, reason) {
      this.onclose?.({ code, reason });
    }
    receive(msg) {
      this.onmessage?.({ data: JSON.stringify(msg) });
    }
  }
  return { clock, advance, sockets, FakeWS, timers };
}

test("reconnects with backoff until the daemon comes up, then resets", () => {
  const h = harness();
  const states = [];
  const received = [];
  const s = new DaemonSocket({
    url: "ws://127.0.0.1:47653/ws",
    protocols: ["claimlight.v1"],
    onMessage: (m) => received.push(m),
    onState: (st) => states.push(st.state),
    WebSocketImpl: h.FakeWS,
    clock: h.clock,
    random: () => 1, // no jitter: delays are the nominal ones
  });
  s.start();
  assert.equal(h.sockets.length, 1);
  assert.deepEqual(h.sockets[0].protocols, ["claimlight.v1"]);
  h.sockets[0].fail();
  assert.equal(s.state, "waiting");
  assert.equal(s.snapshot().retryInMs, 500);
  h.advance(499);
  assert.equal(h.sockets.length, 1);
  h.advance(1);
  assert.equal(h.sockets.length, 2);
  h.sockets[1].fail(); // next wait: 1000
  h.advance(1000);
  h.sockets[2].fail(); // next wait: 2000
  assert.equal(s.snapshot().retryInMs, 2000);
  h.advance(2000);
  h.sockets[3].open();
  assert.equal(s.state, "open");
  assert.equal(s.attempt, 0);
  const hello = h.sockets[3].sent[0];
  assert.deepEqual(hello, pingMessage(hello.id)); // hello ping learns the daemon's version
  assert.ok(isHelloReply({ type: "pong", id: hello.id }));
  h.sockets[3].receive({ type: "pong", v: 1, id: hello.id, version: "0.1.0", model: "m" });
  assert.equal(received[0].type, "pong");
  assert.ok(states.includes("connecting") && states.includes("waiting") && states.at(-1) === "open");
  // A drop after a good connection starts again from the shortest delay.
  h.sockets[3].fail();
  assert.equal(s.snapshot().retryInMs, 500);
});

test("a reason the daemon gives on closing is kept; a refused handshake has none", () => {
  const h = harness();
  const s = new DaemonSocket({ url: "ws://x", onMessage() {}, WebSocketImpl: h.FakeWS, clock: h.clock, random: () => 1 });
  s.start();
  h.sockets[0].fail(); // what a browser reports for HTTP 401/403/421/503 before the upgrade
  assert.equal(s.snapshot().lastError, "connection failed");
  h.advance(500);
  h.sockets[1].open();
  assert.equal(s.snapshot().lastError, "");
  h.sockets[1].closedByDaemon(1001, "daemon shutting down");
  assert.equal(s.state, "waiting");
  assert.equal(s.snapshot().lastError, "daemon shutting down");
  h.advance(500);
  h.sockets[2].open();
  h.sockets[2].closedByDaemon(1009, ""); // a frame over max_message_bytes: no reason to show
  assert.equal(s.snapshot().lastError, "");
});

test("pings every 20 s while open, stops when closed", () => {
  const h = harness();
  const s = new DaemonSocket({ url: "ws://x", onMessage() {}, WebSocketImpl: h.FakeWS, clock: h.clock, random: () => 1 });
  s.start();
  const ws = h.sockets[0];
  ws.open();
  h.advance(KEEPALIVE_MS * 3);
  assert.equal(ws.sent.filter((m) => m.type === "ping").length, 4); // hello + 3 keepalives
  assert.equal(ws.sent.filter((m) => isHelloReply(m)).length, 1);
  s.stop();
  assert.equal(s.state, "idle");
  h.advance(KEEPALIVE_MS * 3);
  assert.equal(ws.sent.length, 4);
  assert.equal(h.timers.size, 0);
});

test("retryNow skips the backoff wait; stop cancels reconnecting", () => {
  const h = harness();
  const s = new DaemonSocket({ url: "ws://x", onMessage() {}, WebSocketImpl: h.FakeWS, clock: h.clock, random: () => 1 });
  s.start();
  for (let i = 0; i < 8; i++) {
    h.sockets.at(-1).fail();
    h.advance(30_000);
  }
  h.sockets.at(-1).fail();
  assert.equal(s.snapshot().retryInMs, 30_000);
  const before = h.sockets.length;
  s.retryNow();
  assert.equal(h.sockets.length, before + 1);
  h.sockets.at(-1).fail();
  s.stop();
  h.advance(120_000);
  assert.equal(h.sockets.length, before + 1);
});

test("send refuses while not open; bad frames are ignored", () => {
  const h = harness();
  const got = [];
  const s = new DaemonSocket({ url: "ws://x", onMessage: (m) => got.push(m), WebSocketImpl: h.FakeWS, clock: h.clock });
  s.start();
  assert.equal(s.send(pingMessage("p")), false);
  h.sockets[0].open();
  assert.equal(s.send(pingMessage("p")), true);
  h.sockets[0].onmessage({ data: "not json" });
  h.sockets[0].onmessage({ data: "42" });
  assert.equal(got.length, 0);
});

test("changing the URL reconnects there", () => {
  const h = harness();
  const s = new DaemonSocket({ url: "ws://127.0.0.1:1/ws", onMessage() {}, WebSocketImpl: h.FakeWS, clock: h.clock });
  s.start();
  h.sockets[0].open();
  s.setUrl("ws://127.0.0.1:2/ws");
  assert.equal(h.sockets.length, 2);
  assert.equal(h.sockets[1].url, "ws://127.0.0.1:2/ws");
  s.setUrl("ws://127.0.0.1:2/ws"); // unchanged: nothing happens
  assert.equal(h.sockets.length, 2);
});
