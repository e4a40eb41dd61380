import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { commonAncestor } from "../src/content/dom.js";
import { lastStartingAtOrBefore } from "../src/content/sorted.js";

test("common ancestor of elements and text nodes", () => {
  const { document } = new JSDOM(
    `<body><main id=m><section id=s><p id=a>One <b id=b>two</b></p><p id=c>three</p></section><p id=d>four</p></main></body>`,
  ).window;
  const $ = (id) => document.getElementById(id);
  assert.equal(commonAncestor([]), null);
  assert.equal(commonAncestor([$("a")]), $("s")); // a lone block's container, not the block
  assert.equal(commonAncestor([$("a"), $("c")]), $("s"));
  assert.equal(commonAncestor([$("c"), $("d")]), $("m"));
  const one = $("a").firstChild;
  const two = $("b").firstChild;
  assert.equal(commonAncestor([one, two]), $("a")); // text nodes: the element around them
  assert.equal(commonAncestor([document.documentElement]), document.documentElement);
});

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
