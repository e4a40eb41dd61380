// Blocks are identified by a hash of their text: a paragraph whose text did not change
// is never sent to the daemon again, wherever it moved in the page.

/** cyrb53: a fast 53-bit string hash; collisions are negligible at page scale. */
export function hashText(str, seed = 0) {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + ":" + str.length.toString(36);
}

/**
 * What to send for the page's current blocks, given which hashes already have results
 * (or are on their way). Returns null when nothing is new.
 *
 * The first analysis of a page, or one where most of the text is new (an SPA navigation),
 * sends the whole article so attribution has full context. Otherwise only the new or
 * changed blocks go out, each run of them preceded by the block before it as context
 * ("… she said." attributes to the speaker named just before); context blocks already
 * have results, so spans the daemon finds in them are ignored.
 *
 * @param {string[]} hashes the page's blocks in order
 * @param {(hash: string) => boolean} known
 * @returns {{full: boolean, indexes: number[], context: boolean[]} | null}
 */
export function planRequest(hashes, known, { fullRatio = 0.5 } = {}) {
  const missing = hashes.map((h) => !known(h));
  const nMissing = missing.filter(Boolean).length;
  if (nMissing === 0) return null;
  const anyKnown = nMissing < hashes.length;
  if (!anyKnown || nMissing / hashes.length > fullRatio) {
    return { full: true, indexes: hashes.map((_, i) => i), context: hashes.map((_, i) => !missing[i]) };
  }
  const indexes = [];
  const context = [];
  const seen = new Set();
  for (let i = 0; i < hashes.length; i++) {
    if (!missing[i] || seen.has(hashes[i])) continue;
    if (i > 0 && !missing[i - 1] && indexes[indexes.length - 1] !== i - 1) {
      indexes.push(i - 1);
      context.push(true);
    }
    indexes.push(i);
    context.push(false);
    seen.add(hashes[i]);
  }
  return { full: false, indexes, context };
}
