// Small DOM questions asked by more than one part of the content script.

/**
 * The text position under a viewport point, or null; Chrome has only the older API before 128.
 * `shadowRoots`: shadow roots whose text may be returned (otherwise a point there is its host).
 */
export function caretAt(doc, x, y, shadowRoots = []) {
  if (doc.caretPositionFromPoint) {
    const p = shadowRoots.length ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
