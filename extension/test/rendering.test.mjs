import { test } from "node:test";
import assert from "node:assert/strict";
import { inkOnOwnBackground } from "../src/content/rendering.js";

test("text drawn in its own box's background colour cannot be read (a skeleton loader's placeholder)", () => {
  assert.ok(inkOnOwnBackground({ color: "rgb(226, 226, 226)", backgroundColor: "rgb(226, 226, 226)" }));
  assert.ok(!inkOnOwnBackground({ color: "rgb(0, 0, 0)", backgroundColor: "rgb(226, 226, 226)" }));
  assert.ok(!inkOnOwnBackground({ color: "rgba(0, 0, 0, 0)", backgroundColor: "rgba(0, 0, 0, 0)" }), "no background at all");
  assert.ok(!inkOnOwnBackground({ color: "rgb(0, 0, 0)", backgroundColor: "" }));
});
