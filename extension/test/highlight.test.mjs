import { test } from "node:test";
import assert from "node:assert/strict";
import { Highlighter } from "../src/content/highlight.js";

// A stand-in for the parts of a browser window the highlighter uses: a highlight registry the
// "page" can tamper with, constructed stylesheets, and getComputedStyle over our rules plus
// whatever rules the page adds (which win, as a layered !important rule does in a browser).
function fakeWindow() {
  class Highlight extends Set {
    constructor(...ranges) {
      super(ranges);
      this.priority = 0;
      this.type = "highlight";
    }
  }
  class StaticRange {
    constructor(init) {
      Object.assign(this, init);
    }
  }
  class CSSStyleSheet {
    constructor() {
      this.cssRules = [];
    }
    replaceSync(text) {
      this.cssRules = text.split("\n").filter(Boolean).map((cssText) => ({ cssText }));
    }
    insertRule(cssText, index) {
      this.cssRules.splice(index, 0, { cssText });
    }
    deleteRule(index) {
      this.cssRules.splice(index, 1);
    }
  }
  const win = {
    Highlight,
    StaticRange,
    CSSStyleSheet,
    crypto: globalThis.crypto,
    CSS: { highlights: new Map() },
    pageRules: new Map(), // highlight name → {property: value} the page forces
    getComputedStyle(_el, pseudo) {
      const name = /::highlight\((.+)\)/.exec(pseudo)[1];
      const style = { backgroundColor: "rgba(0, 0, 0, 0)", color: "rgb(0, 0, 0)" };
      for (const sheet of win.document.adoptedStyleSheets) {
        for (const { cssText } of sheet.cssRules) {
          if (!cssText.startsWith(`::highlight(${name}) `)) continue;
          for (const decl of cssText.slice(cssText.indexOf("{") + 1, cssText.lastIndexOf("}")).split(";")) {
            const [prop, ...value] = decl.split(":");
            if (!prop.trim()) continue;
            const camel = prop.trim().replace(/-([a-z])/g, (_, c) => c.toUpperCase());
            style[camel] = value.join(":").replace("!important", "").trim();
          }
        }
      }
      return { ...style, ...(win.pageRules.get(name) ?? {}) };
    },
  };
  win.document = { defaultView: win, adoptedStyleSheets: [] };
  return win;
}

const LOOK = { theme: "light", background: [255, 255, 255, 1], text: [0, 0, 0, 1] };

function painted(win) {
  const el = { nodeType: 1, isConnected: true, parentElement: null };
  const text = { nodeType: 3, parentElement: el };
  const range = (start, end) => ({ startContainer: text, startOffset: start, endContainer: text, endOffset: end });
  const h = new Highlighter(win.document);
  h.setLook(LOOK);
  const ranges = new Map([["quote", [range(0, 5), range(10, 20)]], ["person", [range(30, 35)]]]);
  h.render(ranges, () => true);
  return { h, el, text };
}

const registered = (win, h, category) => win.CSS.highlights.get(h.name(category));

test("names carry a random suffix, new on every page load", () => {
  const a = new Highlighter(fakeWindow().document);
  const b = new Highlighter(fakeWindow().document);
  assert.match(a.name("quote"), /^claimlight-quote-[a-z0-9]{8,}$/);
  assert.notEqual(a.name("quote"), b.name("quote"));
});

test("the registry holds immutable copies of the ranges, and a clean page reports nothing", () => {
  const win = fakeWindow();
  const { h } = painted(win);
  const quote = registered(win, h, "quote");
  assert.equal(quote.size, 2);
  assert.ok([...quote].every((r) => r instanceof win.StaticRange));
  assert.equal(quote.priority, 2);
  assert.deepEqual(h.verify(), []);
  assert.deepEqual([...h.interference], []);
});

test("deleted, replaced and altered highlights are put back, and reported", () => {
  const win = fakeWindow();
  const { h, text } = painted(win);
  const ours = [...registered(win, h, "quote")];
  win.CSS.highlights.delete(h.name("person"));
  win.CSS.highlights.set(h.name("quote"), new win.Highlight({ startContainer: text, startOffset: 40, endContainer: text, endOffset: 60 }));
  assert.deepEqual(h.verify().sort(), ["deleted the person highlights", "replaced the quote highlights"]);
  assert.deepEqual([...registered(win, h, "quote")], ours);
  assert.equal(registered(win, h, "person").size, 1);

  registered(win, h, "quote").add({ startContainer: text, startOffset: 90, endContainer: text, endOffset: 99 }); // navigation text as a quote
  registered(win, h, "person").priority = -5;
  assert.deepEqual(h.verify().sort(), ["altered the person highlights", "altered the quote highlights"]);
  assert.deepEqual([...registered(win, h, "quote")], ours);
  assert.equal(registered(win, h, "person").priority, 6);
  assert.equal(h.interference.size, 4); // remembered for the popup
});

test("a removed or edited stylesheet is put back", () => {
  const win = fakeWindow();
  const { h } = painted(win);
  win.document.adoptedStyleSheets = [];
  assert.deepEqual(h.verify(), ["removed claimlight's stylesheet"]);
  assert.ok(win.document.adoptedStyleSheets.includes(h.sheet));
  h.sheet.replaceSync("");
  assert.deepEqual(h.verify(), ["changed claimlight's styles"]);
  assert.ok(h.sheet.cssRules.some((r) => r.cssText.includes(h.name("quote"))));
});

test("a restyle the page forces is reported, and the reference rules leave no trace", () => {
  const win = fakeWindow();
  const { h } = painted(win);
  const rules = h.sheet.cssRules.map((r) => r.cssText);
  win.pageRules.set(h.name("person"), { backgroundColor: "transparent" });
  assert.deepEqual(h.verify(), ["restyled the person highlights"]);
  assert.deepEqual(h.sheet.cssRules.map((r) => r.cssText), rules);
  assert.deepEqual(h.verify({ styles: false }), []); // the cheap check does not look at styles
});

test("foreign highlights under our name or over the article are reported, not removed", () => {
  const win = fakeWindow();
  const { h, el, text } = painted(win);
  win.CSS.highlights.set("claimlight-quote", new win.Highlight());
  const cover = new win.Highlight({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 5 });
  cover.priority = 99;
  win.CSS.highlights.set("page-cover", cover);
  const found = h.verify({ styles: false, blocks: new Set([el]) });
  assert.deepEqual(found.sort(), ["added highlights under a claimlight name", "paints its own highlights over the article"]);
  assert.ok(win.CSS.highlights.has("page-cover"));
});

test("switching a category off unregisters it, and clear removes everything", () => {
  const win = fakeWindow();
  const { h } = painted(win);
  h.render(new Map([["quote", []]]), (c) => c !== "quote");
  assert.equal(registered(win, h, "quote"), undefined);
  assert.deepEqual(h.verify(), []); // nothing of ours is missing: quote is off
  h.clear();
  assert.equal(win.CSS.highlights.size, 0);
});

test("the extension's other highlights are not taken for the page's", () => {
  const win = fakeWindow();
  const el = { nodeType: 1, isConnected: true, parentElement: null };
  const text = { nodeType: 3, parentElement: el };
  const h = new Highlighter(win.document, { alsoOurs: ["claimlight-focus"] });
  h.setLook(LOOK);
  h.render(new Map([["quote", [{ startContainer: text, startOffset: 0, endContainer: text, endOffset: 4 }]]]), () => true);
  const focus = new win.Highlight({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 4 });
  focus.priority = 100;
  win.CSS.highlights.set("claimlight-focus", focus);
  assert.deepEqual(h.verify({ blocks: new Set([el]) }), []);
});
