// The page a reader sees is not one DOM tree: an article may be rendered into a shadow
// root, or shown in a same-origin frame. These helpers walk the composed tree — what is
// rendered — so that finding, cutting and watching the article reach text wherever it lives.
// Shadow roots are entered as rendered (slots show what is assigned to them); a frame is
// entered when its document can be read (same origin), at its <body>.

// Content scripts may also open closed shadow roots (chrome.dom); elsewhere only open ones.
// Asked only of custom elements, where closed roots are found in practice: the call is not
// free, and it would be made for every element of the page.
const openOrClosed = globalThis.chrome?.dom?.openOrClosedShadowRoot;

export function shadowRootOf(el) {
  if (el.shadowRoot) return el.shadowRoot;
  if (!openOrClosed || !el.localName.includes("-")) return null;
  try {
    return openOrClosed(el) ?? null;
  } catch {
    return null;
  }
}

// Elements showing a document of their own: an <iframe>, a <frame> of a frameset, and an <object>
// given an HTML document as its data (an older portal's way to embed a story's body). An <object>
// showing a picture or a plug-in, or its fallback content, is an element like any other.
export const FRAME_SELECTOR = "iframe, frame, object";

/** Is `el` an element that shows a document of its own (`FRAME_SELECTOR`)? */
export function isFrame(el) {
  const tag = el.localName;
  if (tag === "iframe" || tag === "frame") return true;
  if (tag !== "object") return false;
  try {
    return !!el.contentDocument?.body;
  } catch {
    return false;
  }
}

/** The readable document of an <iframe>, <frame> or <object>, or null (cross-origin, not loaded). */
export function frameDocument(el) {
  if (!isFrame(el)) return null;
  try {
    const doc = el.contentDocument;
    return doc?.body ? doc : null;
  } catch {
    return null;
  }
}

/**
 * What is rendered in place of an element's children when that is not its child nodes: a
 * shadow host's shadow tree, a slot's assigned nodes, a frame's body; else null.
 * @returns {Node[] | null}
 */
export function renderedInstead(el) {
  const root = shadowRootOf(el);
  if (root) return [...root.childNodes];
  if (el.localName === "slot" && typeof el.assignedNodes === "function") {
    const assigned = el.assignedNodes();
    return assigned.length ? assigned : null;
  }
  const doc = frameDocument(el);
  return doc ? [doc.body] : null;
}

/**
 * The nodes rendered as the children of `node`: a shadow host's shadow tree, a slot's
 * assigned nodes (or its fallback content), a frame's body, or the plain child nodes.
 * @returns {Node[]}
 */
export function composedChildren(node) {
  if (node.nodeType !== 1) return node.nodeType === 11 || node.nodeType === 9 ? [...node.childNodes] : [];
  return renderedInstead(node) ?? [...node.childNodes];
}

/** The node's parent in the composed tree: across a shadow root to its host, out of a frame. */
export function composedParent(node) {
  if (node.assignedSlot) return node.assignedSlot;
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 11) return parent.host ?? null;
  if (parent.nodeType === 9) return parent.defaultView?.frameElement ?? null;
  return parent;
}

/** The nearest composed ancestor that is an element (the host for a shadow root's child). */
export function composedParentElement(node) {
  let p = composedParent(node);
  while (p && p.nodeType !== 1) p = composedParent(p);
  return p;
}

/** Does `ancestor` contain `node` in the composed tree (itself included)? */
export function composedContains(ancestor, node) {
  // What the light tree contains, the composed tree does too (a slotted node's way up passes
  // its host): asked natively first, walked only across shadow roots and frames.
  if (ancestor.contains?.(node)) return true;
  for (let n = node; n; n = composedParent(n)) if (n === ancestor) return true;
  return false;
}

/** The innermost element containing every node in the composed tree, or null for none. */
export function composedCommonAncestor(nodes) {
  if (nodes.length === 0) return null;
  const chain = [];
  for (let n = composedParentElement(nodes[0]) ?? nodes[0]; n; n = composedParentElement(n)) chain.push(n);
  let best = 0;
  for (const node of nodes) {
    while (best < chain.length && !composedContains(chain[best], node)) best++;
  }
  return chain[best] ?? null;
}

/** The window whose styles apply to `node` (a frame's node has its frame's window). */
export function windowOf(node) {
  return (node.ownerDocument ?? node).defaultView;
}

/** Shadow roots and frame documents on the composed path from `node` up to the top document. */
export function treesOf(node) {
  const trees = [];
  for (let n = node; n; ) {
    const root = n.getRootNode?.() ?? null;
    if (!root) break;
    trees.push(root);
    n = root.nodeType === 11 ? root.host : root.defaultView?.frameElement ?? null;
  }
  return trees;
}
