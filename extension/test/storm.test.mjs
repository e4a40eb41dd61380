import { test } from "node:test";
import assert from "node:assert/strict";
import { ChangeGuard, MIN_GAP_MS, VOLATILE_WINDOW_MS } from "../src/content/storm.js";

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const el = (name) => ({ name });

test("a block whose text keeps changing is left out, and comes back once it has been still", () => {
  const c = clock();
  const guard = new ChangeGuard({ now: c.now });
  const [para, counter] = [el("p"), el("counter")];
  const look = (n) => guard.steady([{ el: para, text: "The council voted." }, { el: counter, text: `Readers now: ${n}` }]).map((b) => b.el.name);
  assert.deepEqual(look(100), ["p", "counter"]);
  c.advance(2000);
  assert.deepEqual(look(131), ["p", "counter"]); // one change: a paragraph may be edited once
  c.advance(2000);
  assert.deepEqual(look(158), ["p"]); // changing again: a counter, not the article
  for (let i = 0; i < 10; i++) {
    c.advance(2000);
    assert.deepEqual(look(200 + i), ["p"]);
  }
  c.advance(VOLATILE_WINDOW_MS); // still since: it is text again
  assert.deepEqual(look(209), ["p", "counter"]);
});

test("new blocks and blocks that moved are not changes", () => {
  const c = clock();
  const guard = new ChangeGuard({ now: c.now });
  const [a, b, n] = [el("a"), el("b"), el("new")];
  guard.steady([{ el: a, text: "A." }, { el: b, text: "B." }]);
  c.advance(1000);
  assert.equal(guard.steady([{ el: n, text: "New entry." }, { el: a, text: "A." }, { el: b, text: "B." }]).length, 3);
  c.advance(1000);
  assert.equal(guard.steady([{ el: b, text: "B." }, { el: n, text: "New entry." }, { el: a, text: "A." }]).length, 3);
});

test("after the first request, the next waits until MIN_GAP_MS after the one before; a reset lets it go at once", () => {
  const c = clock();
  const guard = new ChangeGuard({ now: c.now });
  assert.equal(guard.wait(), 0);
  guard.sent();
  c.advance(1000);
  assert.equal(guard.wait(), MIN_GAP_MS - 1000);
  c.advance(MIN_GAP_MS);
  assert.equal(guard.wait(), 0);
  guard.sent();
  guard.reset();
  assert.equal(guard.wait(), 0);
});

test("the lines of one element or text node (a <pre>, a cell cut at <br>) are blocks of their own, not one block changing", () => {
  const c = clock();
  const guard = new ChangeGuard({ now: c.now });
  const pre = el("pre");
  const lines = ["“We will not pay,” she said.", "The talks resume on Monday.", "“Nobody wins a strike,” he said."];
  const cell = lines.map((_, i) => ({ line: i }));
  const node = { text: "one node" };
  for (let i = 0; i < 4; i++) {
    assert.equal(guard.steady(lines.map((text, j) => ({ el: pre, key: cell[j], text }))).length, 3);
    assert.equal(guard.steady(lines.map((text) => ({ el: pre, key: node, text }))).length, 3);
    c.advance(2000);
  }
});
