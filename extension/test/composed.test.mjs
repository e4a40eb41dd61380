import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import {
  composedChildren,
  composedCommonAncestor,
  composedContains,
  composedParentElement,
  frameDocument,
  isFrame,
  treesOf,
} from "../src/content/composed.js";

function page(html) {
  return new JSDOM(html).window.document;
}

test("common ancestor of elements and text nodes", () => {
  const document = page(`<body><main id=m><section id=s><p id=a>One <b id=b>two</b></p><p id=c>three</p></section><p id=d>four</p></main></body>`);
  const $ = (id) => document.getElementById(id);
  assert.equal(composedCommonAncestor([]), null);
  assert.equal(composedCommonAncestor([$("a")]), $("s")); // a lone block's container, not the block
  assert.equal(composedCommonAncestor([$("a"), $("c")]), $("s"));
  assert.equal(composedCommonAncestor([$("c"), $("d")]), $("m"));
  assert.equal(composedCommonAncestor([$("a").firstChild, $("b").firstChild]), $("a")); // the element around text
});

test("a shadow tree is walked as rendered: slots show what is assigned to them", () => {
  const document = page(`<body><story-view id=host><h1 slot=title id=h>Headline</h1><p id=unslotted>never shown</p></story-view></body>`);
  const host = document.getElementById("host");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<slot name=title></slot><div id=body><p id=p>In the shadow.</p></div>`;
  const kids = composedChildren(host);
  assert.deepEqual(kids.map((n) => n.localName), ["slot", "div"]);
  assert.deepEqual(composedChildren(kids[0]).map((n) => n.id), ["h"]);
  const text = root.getElementById("p").firstChild;
  // Up from the shadow tree to the host, and the slotted headline's parent is its slot.
  assert.equal(composedParentElement(root.getElementById("body")), host);
  assert.equal(composedParentElement(document.getElementById("h")), kids[0]);
  assert.ok(composedContains(host, text));
  assert.ok(composedContains(document.body, text));
  assert.ok(!document.body.contains(text)); // what plain DOM says
  assert.equal(composedCommonAncestor([text, document.getElementById("h").firstChild]), host);
  assert.deepEqual(treesOf(text), [root, document]);
});

test("an <object> showing an HTML document is a frame, entered at its body; one showing a picture is an element", () => {
  const { document } = new JSDOM(`<object id=doc type="text/html" data="body.html"><p>Fallback</p></object><object id=pic data="map.png"><p>A map</p></object><iframe id=f></iframe>`).window;
  const shown = new JSDOM(`<body><p>The story.</p></body>`).window.document;
  const doc = document.getElementById("doc");
  Object.defineProperty(doc, "contentDocument", { value: shown });
  assert.ok(isFrame(doc));
  assert.equal(frameDocument(doc), shown);
  assert.deepEqual(composedChildren(doc), [shown.body]);
  const pic = document.getElementById("pic");
  assert.ok(!isFrame(pic));
  assert.equal(frameDocument(pic), null);
  assert.equal(composedChildren(pic).length, pic.childNodes.length);
  assert.ok(isFrame(document.getElementById("f")));
});
