// Reads one live block element (a paragraph, list item, caption…) into text plus the
// index that maps offsets back to its text nodes. Only reads the DOM.

import { buildText } from "./offsets.js";
import { hashText } from "./hash.js";

// Content that is not part of the prose a reader sees.
const SKIP_TAGS = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT",
  "BUTTON", "SELECT", "TEXTAREA", "INPUT", "AUDIO", "VIDEO",
]);

function isHidden(el, win) {
  if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
  const style = win.getComputedStyle?.(el);
  return !!style && (style.display === "none" || style.visibility === "hidden");
}

function isBlockish(el, win) {
  if (el.tagName === "BR") return false;
  const display = win.getComputedStyle?.(el)?.display ?? "inline";
  return !display.startsWith("inline") && display !== "contents" && display !== "";
}

/** Text nodes and line breaks of `root`, in document order, skipping hidden content. */
export function collectPieces(root, win = root.ownerDocument.defaultView) {
  const pieces = [];
  const walk = (parent) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        if (n.data.length) pieces.push({ node: n });
      } else if (n.nodeType === 1) {
        const tag = n.tagName.toUpperCase();
        if (tag === "BR") {
          pieces.push({ br: true });
          continue;
        }
        if (SKIP_TAGS.has(tag) || isHidden(n, win)) continue;
        // A block-level element inside a paragraph separates words like a line break.
        const blockish = isBlockish(n, win);
        if (blockish) pieces.push({ br: true });
        walk(n);
        if (blockish) pieces.push({ br: true });
      }
    }
  };
  walk(root);
  return pieces;
}

/** @returns {{el: Element, text: string, hash: string, entries: Array}} */
export function readBlock(el, win) {
  const { text, entries } = buildText(collectPieces(el, win));
  return { el, text, hash: hashText(text), entries };
}
