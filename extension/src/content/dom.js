// Small DOM questions asked by more than one part of the content script.

/**
 * The innermost element containing every node, or null for none. Starts from the first
 * node's parent, so a lone paragraph's ancestor is its container, not itself; the root
 * element, which has no parent, stands for itself.
 * @param {Node[]} nodes
 */
export function commonAncestor(nodes) {
  if (nodes.length === 0) return null;
  let anc = nodes[0].parentElement ?? nodes[0];
  for (const n of nodes) {
    while (anc && !anc.contains(n)) anc = anc.parentElement;
  }
  return anc;
}

/** The text position under a viewport point, or null; Chrome has only the older API before 128. */
export function caretAt(doc, x, y) {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
