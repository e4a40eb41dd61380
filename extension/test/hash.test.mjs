import { test } from "node:test";
import assert from "node:assert/strict";
import { hashText, planRequest } from "../src/content/hash.js";

test("hashText is stable and tells texts apart", () => {
  assert.equal(hashText("Mayor Elena Varga said."), hashText("Mayor Elena Varga said."));
  assert.notEqual(hashText("a"), hashText("b"));
  assert.notEqual(hashText("ab"), hashText("ba"));
  assert.notEqual(hashText(""), hashText(" "));
  const seen = new Set();
  for (let i = 0; i < 5000; i++) seen.add(hashText(`paragraph ${i}`));
  assert.equal(seen.size, 5000);
});

test("first analysis sends everything", () => {
  const plan = planRequest(["a", "b", "c"], () => false);
  assert.deepEqual(plan, { full: true, indexes: [0, 1, 2], context: [false, false, false] });
});

test("nothing new, nothing sent", () => {
  assert.equal(planRequest(["a", "b"], () => true), null);
  assert.equal(planRequest([], () => false), null);
});

test("new blocks go out with the block before them as context", () => {
  const known = new Set(["a", "b", "c", "d", "e", "f"]);
  // A live blog prepends X; a later edit inserts Y after c.
  const plan = planRequest(["X", "a", "b", "c", "Y", "d", "e", "f"], (h) => known.has(h));
  assert.deepEqual(plan, { full: false, indexes: [0, 3, 4], context: [false, true, false] });
});

test("a run of new blocks shares one context block", () => {
  const known = new Set(["a", "b", "c", "d", "e"]);
  const plan = planRequest(["a", "b", "c", "N1", "N2", "d", "e"], (h) => known.has(h));
  assert.deepEqual(plan, { full: false, indexes: [2, 3, 4], context: [true, false, false] });
});

test("duplicate new text is sent once", () => {
  const known = new Set(["a", "b", "c", "d"]);
  const plan = planRequest(["a", "b", "c", "d", "N", "N"], (h) => known.has(h));
  assert.deepEqual(plan, { full: false, indexes: [3, 4], context: [true, false] });
});

test("mostly new text (an SPA navigation) is sent whole, known blocks as context", () => {
  const plan = planRequest(["n1", "n2", "n3", "a"], (h) => h === "a");
  assert.equal(plan.full, true);
  assert.deepEqual(plan.context, [false, false, false, true]);
});
