// Tells the page controller when the article may have changed: DOM mutations (live
// blogs, "load more") debounced so a burst of insertions is handled once, and URL
// changes (SPA navigation by pushState, popstate, the Navigation API).

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
  }

  start() {
    const doc = this.win.document;
    this.observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.win.addEventListener("popstate", this._onNav);
    // pushState from the page's own scripts is invisible to this isolated world, but the
    // Navigation API reports it; without it, the mutations an SPA makes do.
    this.win.navigation?.addEventListener?.("navigatesuccess", this._onNav);
  }

  stop() {
    this.observer.disconnect();
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

// Jumping to an anchor (#section) stays on the same article.
function pageUrl(win) {
  return win.location.href.split("#")[0];
}
