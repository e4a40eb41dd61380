import { test } from "node:test";
import assert from "node:assert/strict";
import { hashText } from "../src/content/hash.js";

test("hashText is stable and tells texts apart", () => {
  assert.equal(hashText("Mayor Elena Varga said."), hashText("Mayor Elena Varga said."));
  assert.notEqual(hashText("a"), hashText("b"));
  assert.notEqual(hashText("ab"), hashText("ba"));
  assert.notEqual(hashText(""), hashText(" "));
  const seen = new Set();
  for (let i = 0; i < 5000; i++) seen.add(hashText(`paragraph ${i}`));
  assert.equal(seen.size, 5000);
});
