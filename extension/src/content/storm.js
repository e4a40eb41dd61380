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
// No DOM: blocks are {el, text}, elements used only as keys, so it is tested without a page.

export const MIN_GAP_MS = 4000;
export const VOLATILE_WINDOW_MS = 15_000;
export const VOLATILE_CHANGES = 2;

export class ChangeGuard {
  constructor({ now = () => Date.now(), minGapMs = MIN_GAP_MS, windowMs = VOLATILE_WINDOW_MS, changes = VOLATILE_CHANGES } = {}) {
    this.now = now;
    this.minGapMs = minGapMs;
    this.windowMs = windowMs;
    this.changes = changes;
    this.texts = new WeakMap(); // block element → its text when last seen
    this.changedAt = new WeakMap(); // block element → when its text changed, within the window
    this.lastSentAt = -Infinity;
  }

  /**
   * The page's blocks without those that keep changing; notes which changed since the last look.
   * @template {{el: object, text: string}} B
   * @param {B[]} blocks
   * @returns {B[]}
   */
  steady(blocks) {
    const t = this.now();
    return blocks.filter((b) => {
      const before = this.texts.get(b.el);
      this.texts.set(b.el, b.text);
      let times = (this.changedAt.get(b.el) ?? []).filter((at) => t - at < this.windowMs);
      if (before !== undefined && before !== b.text) times = [...times, t];
      this.changedAt.set(b.el, times);
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
