// When a page that keeps changing may be analysed again. Tickers, clocks, animated counters
// and rotating ads change a page many times a second, and most of them outside the article,
// which the watcher ignores (content/watcher.js, and the controller's relevance check). What
// remains is bounded here:
// - a block whose text keeps changing (a counter inside the article, a score in a paragraph)
//   is left out of the article: VOLATILE_CHANGES changes within VOLATILE_WINDOW_MS make it
//   volatile, and it is back in once it has been still that long (an entry whose text was
//   being animated in is analysed when it settles);
// - after the first request, the next goes no sooner than MIN_GAP_MS after the one before,
//   however often the article changes: a live blog's new entry is analysed within seconds,
//   a page that never stops changing at most once every MIN_GAP_MS.
// A block is known by its `key` (its first text node: one element may hold several blocks, a table
// cell cut at <br>), else its `el`, and by its rank among the blocks with that key (one text node
// may hold several, the lines of a <pre>). No DOM: nodes are used only as keys,
// so it is tested without a page.

export const MIN_GAP_MS = 4000;
export const VOLATILE_WINDOW_MS = 15_000;
export const VOLATILE_CHANGES = 2;

export class ChangeGuard {
  constructor({ now = () => Date.now(), minGapMs = MIN_GAP_MS, windowMs = VOLATILE_WINDOW_MS, changes = VOLATILE_CHANGES } = {}) {
    this.now = now;
    this.minGapMs = minGapMs;
    this.windowMs = windowMs;
    this.changes = changes;
    this.texts = new WeakMap(); // block key → the texts of its blocks when last seen, by rank
    this.changedAt = new WeakMap(); // block key → when each one's text changed, within the window
    this.lastSentAt = -Infinity;
  }

  /**
   * The page's blocks without those that keep changing; notes which changed since the last look.
   * @template {{el: object, key?: object, text: string}} B
   * @param {B[]} blocks
   * @returns {B[]}
   */
  steady(blocks) {
    const t = this.now();
    const seen = new Map(); // key → how many blocks of this look had it so far
    return blocks.filter((b) => {
      const id = b.key ?? b.el;
      const n = seen.get(id) ?? 0; // the n-th block with this key (the lines of one text node)
      seen.set(id, n + 1);
      const texts = this.texts.get(id) ?? [];
      const before = texts[n];
      texts[n] = b.text;
      this.texts.set(id, texts);
      const changed = this.changedAt.get(id) ?? [];
      let times = (changed[n] ?? []).filter((at) => t - at < this.windowMs);
      if (before !== undefined && before !== b.text) times = [...times, t];
      changed[n] = times;
      this.changedAt.set(id, changed);
      return times.length < this.changes;
    });
  }

  /** Milliseconds until the next request may go: 0 now. */
  wait() {
    return Math.max(0, this.lastSentAt + this.minGapMs - this.now());
  }

  sent() {
    this.lastSentAt = this.now();
  }

  /** A new article, or the reader asked: the next request goes at once. */
  reset() {
    this.lastSentAt = -Infinity;
  }
}
