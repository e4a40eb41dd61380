// Lookup in lists sorted by `start`: the text-node entries of a block (offsets.js) and the
// blocks of a request's joined text (results.js) are both searched by offset, per span.

/**
 * Index of the last item whose `start` is at or before `pos` (binary search), or -1 when
 * every item starts after it.
 * @param {Array<{start: number}>} items sorted by start
 */
export function lastStartingAtOrBefore(items, pos) {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= pos) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
