// A copy of the page as it is composed, for Readability to read and cut up: one plain
// document in which shadow trees and same-origin frames are inlined where they are shown,
// with every copied node paired with the live node it came from. Readability never sees the
// live page (it mutates what it reads); what it picks is mapped back through the pairs, and
// what a reader cannot see is left out when the article is cut (rendering.js), where only the
// article's own elements need their computed styles read.
//
// The copy is one native deep copy of the body, walked beside the live tree to pair the
// nodes; only shadow trees and frames are copied node by node. The site's navigation, footer
// and asides are dropped from it (unless one holds most of the page's text), and so are lists
// of nothing but links, which spares Readability the mega-menus.
//
// Readability re-parses its working copy from HTML when its first attempt finds too little
// text, which makes new nodes. For that case a copy can be `indexed`: each copied element
// then carries its index in `elements` as an attribute, which still leads back to the page.

import { frameDocument, isFrame, renderedInstead } from "./composed.js";
import { isFurnitureFrame } from "./furniture.js";

/** A same-origin frame whose document is read with the page: not one set among furniture (a
 * comments system's thread), which Readability would otherwise score as the story. */
function inlinable(frame) {
  return !!frameDocument(frame) && !isFurnitureFrame(frame);
}

export const INDEX_ATTR = "data-cl-i";

// Never rendered as text, or not text a reader reads as the article.
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "link", "meta", "title", "head", "svg", "math",
  "canvas", "video", "audio", "object", "embed", "select", "textarea", "input", "button", "option",
]);

const CHROME_TAGS = new Set(["nav", "footer", "aside"]);
const CHROME_ROLES = new Set(["navigation", "contentinfo", "complementary", "search"]);
const CHROME_MAX_SHARE = 0.5;
// A list of at least this many items, each nothing but one link, is a menu, whatever its
// markup says (mega-menus are often plain <div>s and <ul>s): prose is never cut out of it, since
// every such item would be left out as a link list anyway (furniture.js), and Readability is
// spared reading it, which on a news site is most of the page.
const MENU_MIN_ITEMS = 5;
const LISTS = new Set(["ul", "ol"]);

/** Is the element a list whose every item is a lone link (the link's text all of the item's)? */
function isMenu(el) {
  if (!LISTS.has(el.localName) || el.childElementCount < MENU_MIN_ITEMS) return false;
  // Asked of every list of the page, a mega-menu's thousand items among them: walked by
  // siblings, and an item that is nothing but its link is seen at once.
  for (let li = el.firstElementChild; li; li = li.nextElementSibling) {
    if (li.localName !== "li" || li.childElementCount !== 1) return false;
    const a = li.firstElementChild;
    if (a.localName !== "a" || !a.hasAttribute("href")) return false;
    if (li.firstChild === a && li.lastChild === a) continue;
    for (let n = li.firstChild; n; n = n.nextSibling) if (n !== a && (n.nodeType !== 3 || /\S/.test(n.data))) return false;
  }
  return true;
}

/**
 * @param {Document} doc the live top document
 * @param {{exclude?: Set<Element>, indexed?: boolean, root?: Element | null}} opts `exclude`:
 *   elements to leave out (ours, or a region already found not to be the story); `indexed`: mark
 *   copied elements with their index (for Readability's re-parse); `root`: copy only this element
 *   of the page (the region known to hold the story), not the whole body
 * @returns {{clone: Document, live: Map<Node, Node>, elements: Element[]}}
 */
export function flatClone(doc, { exclude = new Set(), indexed = false, root = null } = {}) {
  const clone = doc.implementation.createHTMLDocument(doc.title);
  const live = new Map(); // copy → live node
  const elements = []; // index → live element
  const pageText = new Map(); // document → the length of its body's text

  const dropped = (el) => {
    // An <object> is a plug-in's or a picture's, unless it shows an HTML document (isFrame).
    if ((SKIPPED.has(el.localName) && !isFrame(el)) || exclude.has(el) || isMenu(el)) return true;
    if (!CHROME_TAGS.has(el.localName) && !CHROME_ROLES.has(el.getAttribute("role"))) return false;
    const d = el.ownerDocument;
    if (!pageText.has(d)) pageText.set(d, d.body?.textContent.length ?? 0);
    return el.textContent.length < CHROME_MAX_SHARE * pageText.get(d);
  };

  const register = (liveEl, copy) => {
    // Visible text marked aria-hidden (a drop cap beside its screen-reader twin) is still what
    // the reader reads; Readability would drop it. What is hidden is left out when cutting.
    if (copy.hasAttribute("aria-hidden")) copy.removeAttribute("aria-hidden");
    if (copy.hasAttribute("hidden")) copy.removeAttribute("hidden");
    if (indexed) copy.setAttribute(INDEX_ATTR, String(elements.length));
    elements.push(liveEl);
    live.set(copy, liveEl);
  };

  /** Copies what is rendered in `liveEl` into `copy`, node by node. */
  const copyComposed = (nodes, copy) => {
    for (const node of nodes) {
      if (node.nodeType === 3) {
        const t = clone.createTextNode(node.data);
        live.set(t, node);
        copy.appendChild(t);
      } else if (node.nodeType === 1 && !dropped(node)) {
        const tag = node.localName;
        const inlined = isFrame(node) || tag === "body" || tag === "slot";
        if (isFrame(node) && !inlinable(node)) continue;
        const c = inlined ? clone.createElement(tag === "slot" ? "span" : "div") : clone.importNode(node, false);
        register(node, c);
        copy.appendChild(c);
        copyComposed(renderedInstead(node) ?? node.childNodes, c);
      }
    }
  };

  /** Pairs a live element with its deep copy, child by child. */
  const pair = (liveEl, copy) => {
    register(liveEl, copy);
    const instead = renderedInstead(liveEl);
    if (instead) {
      // A shadow host or a frame: what is shown is not what the deep copy holds.
      copy.replaceChildren();
      copyComposed(instead, copy);
      return;
    }
    let c = copy.firstChild;
    for (let l = liveEl.firstChild; l && c; l = l.nextSibling) {
      const next = c.nextSibling;
      if (l.nodeType === 3) live.set(c, l);
      else if (l.nodeType === 1) {
        if (dropped(l)) c.remove();
        else if (isFrame(l)) {
          const d = clone.createElement("div");
          c.replaceWith(d);
          if (inlinable(l)) {
            register(l, d);
            copyComposed([frameDocument(l).body], d);
          }
        } else pair(l, c);
      }
      c = next;
    }
  };

  if (root) {
    // Only the region that holds the story: it stands alone in the copy's body.
    const copy = clone.importNode(root, true);
    clone.body.appendChild(copy);
    pair(root, copy);
  } else if (doc.body) {
    const copy = clone.importNode(doc.body, true);
    clone.documentElement.replaceChild(copy, clone.body);
    pair(doc.body, copy);
  }
  return { clone, live, elements };
}
