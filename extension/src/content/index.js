// Content script: finds the article, asks the daemon (through the service worker) about
// the blocks it has no results for, and keeps the page's highlights in step with the
// results, the user's settings and the page's own changes. The controller only wires:
// the page's blocks go to the tracker (what to ask, what came back) and the painter
// (what to show).

import { CATEGORY_IDS } from "../shared/categories.js";
import { swatch } from "../shared/colour.js";
import { MSG } from "../shared/messages.js";
import { isSiteDisabled, loadSettings, siteKey } from "../shared/settings.js";
import { readBlock } from "./blocktext.js";
import { DaemonClient } from "./client.js";
import { commonAncestor } from "./dom.js";
import { articleBlocks, fallbackBlocks, looksLikeArticle } from "./extract.js";
import { highlightsSupported } from "./highlight.js";
import { HoverCard } from "./hovercard.js";
import { Painter } from "./painter.js";
import { RequestTracker } from "./tracker.js";
import { PageWatcher } from "./watcher.js";

const RETRY_BUSY_MS = 2000;
// How often the highlights are checked against a page that deletes, replaces or restyles
// them (content/highlight.js); every STYLE_CHECK_EVERY-th check also compares styles.
const VERIFY_MS = 1000;
const STYLE_CHECK_EVERY = 4;

class PageController {
  constructor(settings) {
    this.settings = settings;
    this.forced = false;
    this.isArticle = false;
    this.active = false;
    this.blocks = []; // [{el, text, hash, entries}] in page order
    this.root = null; // the blocks' closest common ancestor
    this.daemon = { state: "unknown" };

    this.tracker = new RequestTracker();
    this.painter = new Painter(document);
    this.client = new DaemonClient((msg) => this.onReply(msg));
    this.card = new HoverCard(document, {
      hitTest: (x, y) => (this.active ? this.painter.hitTest(x, y, this.isEnabled, this.tracker.actors) : []),
      colourOf: (c) => swatch(c, this.painter.look?.theme ?? "light"),
      theme: () => this.painter.look?.theme ?? "light",
    });
    this.watcher = new PageWatcher((reason) => this.onPageChange(reason), {
      isRelevant: (records) => this.isRelevant(records),
    });
  }

  start() {
    this.watcher.start();
    this.card.start();
    let ticks = 0;
    setInterval(() => this.active && this.painter.verify({ styles: ++ticks % STYLE_CHECK_EVERY === 0 }), VERIFY_MS);
    matchMedia("(prefers-color-scheme: dark)").addEventListener?.("change", () => this.updateLook(true));
    this.refresh();
  }

  get wanted() {
    if (this.forced) return this.settings.enabled;
    return this.settings.enabled && !isSiteDisabled(this.settings, location.href);
  }

  isEnabled = (category) => this.settings.categories[category];

  // ---- analysis -------------------------------------------------------------------------

  refresh() {
    if (!this.wanted) return this.deactivate();
    this.isArticle = looksLikeArticle(document);
    if (!this.isArticle && !this.forced) return this.deactivate();

    const exclude = this.card.hostElement ?? undefined;
    const els = this.isArticle ? articleBlocks(document, { exclude }) : fallbackBlocks(document, { exclude });
    this.blocks = els.map((el) => readBlock(el, window)).filter((b) => b.text.length > 0);
    this.root = commonAncestor(this.blocks.map((b) => b.el));
    this.active = this.blocks.length > 0;
    if (!this.active) return this.deactivate();
    this.updateLook(false);
    const hashes = this.blocks.map((b) => b.hash);
    for (const id of this.tracker.dropStale(hashes)) this.client.cancel(id);
    this.tracker.pruneResults(hashes);

    const request = this.tracker.nextRequest(this.blocks, { url: location.href, title: document.title });
    if (request) this.client.analyze(request);
    else this.client.hello();
    this.render();
  }

  deactivate() {
    this.active = false;
    this.painter.clear();
    this.card.hide();
    this.reportCounts();
  }

  onReply(msg) {
    if (msg.type === MSG.daemonState) {
      this.daemon = msg;
      return;
    }
    const { changed, retry } = this.tracker.onReply(msg);
    if (changed) this.render();
    if (retry) setTimeout(() => this.refresh(), RETRY_BUSY_MS);
  }

  // ---- page changes -----------------------------------------------------------------------

  onPageChange(reason) {
    if (reason === "navigation") {
      // A new article: it is analysed on its own merits, not because the last one was forced.
      this.forced = false;
      this.tracker.clearFailures();
    }
    this.refresh();
  }

  isRelevant(records) {
    const root = this.root;
    if (!root || !root.isConnected) return true;
    const host = this.card.hostElement;
    for (const r of records) {
      if (root.contains(r.target)) return true;
      if (r.type !== "childList" || !r.target.contains?.(root)) continue;
      // Something added or removed around the article: a new entry, or the article replaced.
      for (const n of [...r.addedNodes, ...r.removedNodes]) {
        if (n.nodeType === 1 && n !== host && !/^(SCRIPT|STYLE|LINK|META|IFRAME)$/.test(n.tagName)) return true;
      }
    }
    return false;
  }

  updateLook(force) {
    this.painter.updateLook(this.blocks[0]?.el, force);
  }

  // ---- painting ---------------------------------------------------------------------------

  render() {
    if (!this.active) return;
    this.painter.paint(this.blocks, (hash) => this.tracker.spansFor(hash), this.isEnabled);
    this.reportCounts();
  }

  reportCounts() {
    const counts = this.active ? this.painter.counts() : {};
    const total = CATEGORY_IDS.filter(this.isEnabled).reduce((n, c) => n + (counts[c] ?? 0), 0);
    if (total !== this.lastTotal && (this.client.port || total > 0)) {
      this.lastTotal = total;
      this.client.post({ type: MSG.counts, total: this.settings.enabled ? total : 0 });
    }
  }

  // ---- settings and popup ---------------------------------------------------------------------

  async onSettingsChanged() {
    const before = this.wanted;
    this.settings = await loadSettings();
    if (this.wanted !== before) this.refresh();
    else if (this.active) this.render(); // a category toggled: repaint, no re-analysis
    else this.reportCounts();
  }

  pageState() {
    return {
      supported: true,
      url: location.href,
      site: siteKey(location.href),
      enabled: this.settings.enabled,
      siteDisabled: isSiteDisabled(this.settings, location.href),
      isArticle: this.isArticle,
      forced: this.forced,
      active: this.active,
      blocks: this.blocks.length,
      pending: this.tracker.pending,
      counts: this.active ? this.painter.counts() : {},
      interference: this.painter.interference,
      theme: this.painter.look?.theme ?? null,
      daemon: this.daemon,
      lastError: this.tracker.lastError,
    };
  }

  /**
   * The text this page's analysis is made of, block by block, for the tools that measure
   * extraction against a gold article (claimlight pages, the browser tests). `done`: the
   * block's results have arrived.
   */
  analysedText() {
    const { url, isArticle, forced, active, pending } = this.pageState();
    const blocks = this.blocks.map((b) => ({ text: b.text, done: this.tracker.spansFor(b.hash) !== undefined }));
    return { url, isArticle, forced, active, pending, blocks };
  }

  analyseNow() {
    this.forced = true;
    this.tracker.clearFailures();
    this.refresh();
    return this.pageState();
  }
}

async function main() {
  if (!highlightsSupported(window)) return;
  const controller = new PageController(await loadSettings());
  chrome.storage.onChanged.addListener(() => controller.onSettingsChanged());
  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg?.type === MSG.getPageState) reply(controller.pageState());
    else if (msg?.type === MSG.analyseNow) reply(controller.analyseNow());
    else if (msg?.type === MSG.getAnalysedText) reply(controller.analysedText());
  });
  controller.start();
}

// The popup may inject this script into a tab that loaded before the extension did;
// a second copy in the same page must not start a second controller.
if (!globalThis.__claimlightContent) {
  globalThis.__claimlightContent = true;
  main();
}
