import { test } from "node:test";
import assert from "node:assert/strict";
import { blend, contrast, effectiveBackground, highlightStyle, luminance, PALETTES, parseColor, swatch, themeFor } from "../src/shared/colour.js";
import { CATEGORY_IDS } from "../src/shared/categories.js";

test("parseColor reads the forms getComputedStyle returns, and hex", () => {
  assert.deepEqual(parseColor("rgb(18, 20, 23)"), [18, 20, 23, 1]);
  assert.deepEqual(parseColor("rgba(0, 0, 0, 0)"), [0, 0, 0, 0]);
  assert.deepEqual(parseColor("rgb(10 20 30 / 50%)"), [10, 20, 30, 0.5]);
  assert.deepEqual(parseColor("#fff"), [255, 255, 255, 1]);
  assert.deepEqual(parseColor("#12141780"), [18, 20, 23, 128 / 255]);
  assert.deepEqual(parseColor("transparent"), [0, 0, 0, 0]);
  assert.equal(parseColor("color(display-p3 1 0 0)"), null);
  assert.equal(parseColor(""), null);
});

test("contrast ratio matches WCAG reference values", () => {
  assert.equal(Math.round(contrast([0, 0, 0], [255, 255, 255]) * 10) / 10, 21);
  assert.equal(contrast([119, 119, 119], [119, 119, 119]), 1);
  assert.ok(Math.abs(contrast([118, 118, 118], [255, 255, 255]) - 4.54) < 0.01);
  assert.ok(luminance([255, 255, 255]) === 1 && luminance([0, 0, 0]) === 0);
});

test("theme follows the background's luminance", () => {
  assert.equal(themeFor([251, 250, 247, 1]), "light");
  assert.equal(themeFor([18, 20, 23, 1]), "dark");
  assert.equal(themeFor([20, 33, 61, 1]), "dark"); // navy
  assert.equal(themeFor([252, 163, 17, 1]), "light"); // orange
});

test("effective background composites translucent layers up to the first opaque one", () => {
  const styles = new Map();
  const el = (bg, parent = null) => {
    const e = { nodeType: 1, parentElement: parent };
    styles.set(e, { backgroundColor: bg });
    return e;
  };
  const body = el("rgb(18, 20, 23)");
  const card = el("rgba(255, 255, 255, 0.5)", body);
  const p = el("rgba(0, 0, 0, 0)", card);
  const get = (e) => styles.get(e);
  assert.deepEqual(effectiveBackground(p, get).map(Math.round), [137, 138, 139, 1]);
  const lone = el("rgba(0, 0, 0, 0)");
  assert.deepEqual(effectiveBackground(lone, get), [255, 255, 255, 1]);
  assert.equal(themeFor(effectiveBackground(lone, get, true)), "dark");
});

test("every category has a colour in both palettes, distinct within a palette", () => {
  for (const theme of ["light", "dark"]) {
    const seen = new Set();
    for (const id of CATEGORY_IDS) {
      const c = PALETTES[theme][id];
      assert.ok(c?.bg, `${theme} ${id}`);
      seen.add(String(c.bg));
      assert.match(swatch(id, theme), /^rgba\(/);
    }
    assert.equal(seen.size, CATEGORY_IDS.length);
  }
});

test("page text stays legible on every highlight of its theme (no override needed)", () => {
  const pages = [
    { theme: "light", background: [255, 255, 255, 1], text: [29, 29, 27, 1] },
    { theme: "light", background: [251, 250, 247, 1], text: [60, 60, 60, 1] },
    { theme: "dark", background: [18, 20, 23, 1], text: [228, 225, 218, 1] },
    { theme: "dark", background: [0, 0, 0, 1], text: [200, 200, 200, 1] },
  ];
  for (const look of pages) {
    for (const id of CATEGORY_IDS) {
      const under = blend(PALETTES[look.theme][id].bg, look.background);
      assert.ok(contrast(look.text, under) >= 4.5, `${look.theme} ${id}: ${contrast(look.text, under).toFixed(2)}`);
      assert.doesNotMatch(highlightStyle(id, look), /(^|; )color:/);
    }
  }
});

test("unreadable page text on a highlight gets black or white", () => {
  // Mid-grey text on a light page is already marginal; on a tint it falls below AA.
  const look = { theme: "light", background: [255, 255, 255, 1], text: [130, 130, 130, 1] };
  assert.match(highlightStyle("quote", look), /color: #111/);
  const dark = { theme: "dark", background: [30, 30, 30, 1], text: [90, 90, 90, 1] };
  assert.match(highlightStyle("organization", dark), /color: #fafafa/);
});

test("categories with a line get an underline style", () => {
  const look = { theme: "light", background: [255, 255, 255, 1], text: [0, 0, 0, 1] };
  assert.match(highlightStyle("speaker", look), /text-decoration: underline solid/);
  assert.match(highlightStyle("reported", look), /underline dotted/);
  assert.doesNotMatch(highlightStyle("quote", look), /text-decoration/);
});

test("text on every highlight, the focus one included, reaches 4.5:1 on any page", async () => {
  const { legibleOn } = await import("../src/shared/colour.js");
  const greys = Array.from({ length: 52 }, (_, i) => [i * 5, i * 5, i * 5, 1]);
  const tints = [[252, 163, 17, 1], [20, 33, 61, 1], [0, 64, 0, 1], [255, 240, 240, 1], [120, 60, 160, 1], [0, 128, 128, 1]];
  const texts = [...greys.filter((_, i) => i % 5 === 0), [29, 29, 27, 1], [200, 30, 30, 1], [40, 90, 200, 1]];
  let checked = 0;
  for (const background of [...greys, ...tints]) {
    const theme = themeFor(background);
    for (const id of [...CATEGORY_IDS, "focus"]) {
      const under = blend(PALETTES[theme][id].bg, background);
      for (const text of texts) {
        const override = highlightStyle(id, { theme, background, text }).match(/(?:^|; )color: (#[0-9a-f]+)/);
        const shown = override ? parseColor(override[1]) : text;
        assert.ok(contrast(shown, under) >= 4.5, `${theme} ${id} on ${background} with text ${text}: ${contrast(shown, under).toFixed(2)}`);
        checked += 1;
      }
    }
    assert.ok(contrast(parseColor(legibleOn(background)), background) >= 4.5);
  }
  assert.ok(checked > 5000);
});

test("the focus colour needs no override on ordinary light and dark pages", () => {
  for (const look of [
    { theme: "light", background: [255, 255, 255, 1], text: [29, 29, 27, 1] },
    { theme: "dark", background: [18, 20, 23, 1], text: [228, 225, 218, 1] },
  ]) {
    assert.doesNotMatch(highlightStyle("focus", look), /(^|; )color:/, look.theme);
  }
});
