// Tells the page controller when the article may have changed: DOM mutations (live
// blogs, "load more") debounced so a burst of insertions is handled once — in the page,
// and in the shadow roots and frames the article lives in — a same-origin frame loading,
// and URL changes (SPA navigation by pushState, popstate, the Navigation API).

export class PageWatcher {
  /**
   * @param {(reason: "mutation"|"navigation") => void} onChange
   * @param {{isRelevant?: (records: MutationRecord[]) => boolean, debounceMs?: number, maxWaitMs?: number}} opts
   */
  constructor(onChange, { isRelevant = () => true, debounceMs = 400, maxWaitMs = 2000, win = window } = {}) {
    this.onChange = onChange;
    this.isRelevant = isRelevant;
    this.debounceMs = debounceMs;
    this.maxWaitMs = maxWaitMs;
    this.win = win;
    this.url = pageUrl(win);
    this.timer = null;
    this.firstAt = 0;
    this.observer = new win.MutationObserver((records) => this._onMutations(records));
    this._onNav = () => this._checkUrl();
    this.watched = new Set();
    // A same-origin frame that loads (or reloads) may bring the article with it.
    this._onLoad = (e) => {
      if (/^(i?frame|object)$/i.test(e.target?.localName ?? "") && readableText(e.target) >= FRAME_TEXT) this._schedule("mutation");
    };
  }

  /** Also watch these trees (shadow roots, frame documents) where the article lives. */
  watch(trees) {
    const doc = this.win.document;
    for (const tree of trees) {
      if (tree === doc || this.watched.has(tree)) continue;
      this.watched.add(tree);
      this.observer.observe(tree, { childList: true, subtree: true, characterData: true });
    }
  }

  start() {
    const doc = this.win.document;
    this.observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
    doc.addEventListener("load", this._onLoad, true);
    this.win.addEventListener("popstate", this._onNav);
    // pushState from the page's own scripts is invisible to this isolated world, but the
    // Navigation API reports it; without it, the mutations an SPA makes do.
    this.win.navigation?.addEventListener?.("navigatesuccess", this._onNav);
  }

  stop() {
    this.observer.disconnect();
    this.watched.clear();
    this.win.document.removeEventListener("load", this._onLoad, true);
    this.win.removeEventListener("popstate", this._onNav);
    this.win.navigation?.removeEventListener?.("navigatesuccess", this._onNav);
    clearTimeout(this.timer);
    this.timer = null;
  }

  _checkUrl() {
    const url = pageUrl(this.win);
    if (url === this.url) return false;
    this.url = url;
    // Give the SPA a moment to render the new article before reading it.
    this._schedule("navigation");
    return true;
  }

  _onMutations(records) {
    if (this._checkUrl()) return;
    if (!this.isRelevant(records)) return;
    this._schedule("mutation");
  }

  _schedule(reason) {
    const now = Date.now();
    if (this.timer === null) this.firstAt = now;
    else clearTimeout(this.timer);
    this.reason = reason === "navigation" || this.reason === "navigation" ? "navigation" : "mutation";
    // Debounce, but a page that never stops mutating still gets handled every maxWaitMs.
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      const r = this.reason;
      this.reason = null;
      this.onChange(r);
    }, wait);
  }
}

// A frame with less text than this is an ad, a widget or a tracker, not an article.
const FRAME_TEXT = 500;

function readableText(frame) {
  try {
    return frame.contentDocument?.body?.textContent.length ?? 0;
  } catch {
    return 0;
  }
}

// Jumping to an anchor (#section) stays on the same article.
function pageUrl(win) {
  return win.location.href.split("#")[0];
}
