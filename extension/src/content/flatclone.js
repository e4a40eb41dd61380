// A copy of the page as rendered, for Readability to read and cut up: one plain document
// holding what a reader can see — shadow trees and same-origin frames inlined where they
// are shown, hidden elements and text left out — with every copied node paired with the
// live node it came from. Readability never sees the live page (it mutates what it reads),
// and never sees text the reader cannot (a paywalled continuation, a collapsed menu).
//
// Each copied element also carries its index in `elements` as an attribute: Readability
// re-parses its working copy from HTML when its first attempt finds too little text, which
// makes new nodes, and the attribute is what still leads back to the live page then.

import { composedChildren, frameDocument, windowOf } from "./composed.js";

export const INDEX_ATTR = "data-cl-i";

// Never rendered as text, or not text a reader reads as the article.
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "link", "meta", "title", "head", "svg", "math",
  "canvas", "video", "audio", "object", "embed", "select", "textarea", "input", "button", "option",
]);

/**
 * How one live element is rendered, read once per extraction: the block cutting and the
 * furniture rules reuse it instead of asking for computed styles again.
 * @typedef {{display: string, float: string, position: string, whiteSpace: string}} Look
 */

/** Is the element positioned out of sight or clipped to nothing (a "screen-reader only" label)? */
function visuallyHidden(style) {
  if (style.position !== "absolute" && style.position !== "fixed") return false;
  if (/^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(style.clip)) return true;
  if (/inset\(50%\)/.test(style.clipPath)) return true;
  return parseFloat(style.width) <= 1 && parseFloat(style.height) <= 1 && style.overflow === "hidden";
}

/**
 * @param {Document} doc the live top document
 * @param {{exclude?: Element}} opts an element of ours to leave out
 * @returns {{clone: Document, live: Map<Node, Node>, elements: Element[], looks: Map<Element, Look>}}
 */
export function flatClone(doc, { exclude } = {}) {
  const clone = doc.implementation.createHTMLDocument(doc.title);
  const live = new Map(); // copy → live node
  const elements = []; // index (INDEX_ATTR) → live element
  const looks = new Map(); // live element → Look

  const copyChildren = (liveParent, copyParent, textVisible) => {
    for (const child of composedChildren(liveParent)) {
      if (child.nodeType === 3) {
        if (!textVisible) continue;
        const t = clone.createTextNode(child.data);
        live.set(t, child);
        copyParent.appendChild(t);
      } else if (child.nodeType === 1) {
        copyElement(child, copyParent);
      }
    }
  };

  const copyElement = (el, copyParent) => {
    const tag = el.localName;
    if (SKIPPED.has(tag) || el === exclude) return;
    const style = windowOf(el)?.getComputedStyle?.(el);
    if (!style || style.display === "none" || visuallyHidden(style)) return;
    looks.set(el, { display: style.display, float: style.float, position: style.position, whiteSpace: style.whiteSpace });
    const frameDoc = frameDocument(el);
    let copy;
    if (frameDoc || tag === "iframe" || tag === "frame") {
      if (!frameDoc) return; // a cross-origin frame: nothing of it can be read
      copy = clone.createElement("div");
    } else if (tag === "body") {
      copy = clone.createElement("div"); // a frame's body, inlined where the frame is shown
    } else {
      try {
        copy = clone.importNode(el, false);
      } catch {
        copy = clone.createElement("div");
      }
      // Visible text marked aria-hidden (a drop cap beside its screen-reader twin) is still
      // what the reader reads; Readability would drop it.
      copy.removeAttribute("aria-hidden");
      copy.removeAttribute("hidden");
    }
    copy.setAttribute(INDEX_ATTR, String(elements.length));
    elements.push(el);
    live.set(copy, el);
    copyParent.appendChild(copy);
    copyChildren(el, copy, style.visibility === "visible");
  };

  const body = doc.body;
  if (body) {
    const bodyStyle = windowOf(body).getComputedStyle(body);
    looks.set(body, { display: bodyStyle.display, float: "none", position: "static", whiteSpace: bodyStyle.whiteSpace });
    clone.body.setAttribute(INDEX_ATTR, String(elements.length));
    elements.push(body);
    live.set(clone.body, body);
    copyChildren(body, clone.body, bodyStyle.visibility === "visible");
  }
  return { clone, live, elements, looks };
}
