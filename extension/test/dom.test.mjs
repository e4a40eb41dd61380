import { test } from "node:test";
import assert from "node:assert/strict";
import { lastStartingAtOrBefore } from "../src/content/sorted.js";

test("binary search finds the last item starting at or before a position", () => {
  const items = [{ start: 0 }, { start: 5 }, { start: 5 }, { start: 12 }];
  const at = (pos) => lastStartingAtOrBefore(items, pos);
  assert.deepEqual([-1, 0, 4, 5, 11, 12, 1000].map(at), [-1, 0, 0, 2, 2, 3, 3]);
  assert.equal(lastStartingAtOrBefore([], 3), -1);
  // Agrees with a linear scan on every position of a longer list.
  const many = Array.from({ length: 50 }, (_, i) => ({ start: i * 3 + (i % 4) }));
  for (let pos = -2; pos < 160; pos++) {
    let expect = -1;
    many.forEach((it, i) => {
      if (it.start <= pos) expect = i;
    });
    assert.equal(lastStartingAtOrBefore(many, pos), expect, String(pos));
  }
});
