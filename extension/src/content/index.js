// Content script: finds the article, asks the daemon (through the service worker) about
// the blocks it has no results for, and keeps the page's highlights in step with the
// results, the user's settings and the page's own changes. The controller only wires:
// the page's blocks go to the tracker (what to ask, what came back) and the painter
// (what to show).

import { CATEGORY_IDS } from "../shared/categories.js";
import { swatch } from "../shared/colour.js";
import { MSG } from "../shared/messages.js";
import { REPLY } from "../shared/protocol.js";
import { mayShowEarly } from "../shared/lastseen.js";
import { isSiteDisabled, loadSettings, siteKey } from "../shared/settings.js";
import { DaemonClient } from "./client.js";
import { composedContains, treesOf } from "./composed.js";
import { findArticle, pageTextLength } from "./extract.js";
import { firstLook } from "./firstlook.js";
import { Focus } from "./focus.js";
import { highlightsSupported } from "./highlight.js";
import { HoverCard } from "./hovercard.js";
import { QuoteNavigator, announcement } from "./navigator.js";
import { locate } from "./offsets.js";
import { Painter } from "./painter.js";
import { PanelFeed } from "./panelfeed.js";
import { framePainted, settingsRead } from "./prefetched.js";
import { keysOfSource, sourcingFigures, sourcingItems } from "./sourcing.js";
import { ChangeGuard } from "./storm.js";
import { afterPaint, pageReady } from "./ready.js";
import { earlyReply } from "./quotescan.js";
import { RequestTracker } from "./tracker.js";
import { STEP, mark } from "./timeline.js";
import { PageWatcher } from "./watcher.js";

const RETRY_BUSY_MS = 2000;
const RECHECK_SHARE = 0.1;
const EXTRACT_MEASURE = "claimlight:find-article";
// How often the highlights are checked against a page that deletes, replaces or restyles
// them (content/highlight.js); every STYLE_CHECK_EVERY-th check also compares styles.
const VERIFY_MS = 1000;
const STYLE_CHECK_EVERY = 4;

class PageController {
  constructor(settings) {
    this.settings = settings;
    this.forced = false;
    this.isArticle = false;
    this.notArticle = null; // {url, size} of the page last judged no article by its text
    this.active = false;
    this.blocks = []; // [{el, key, text, hash, entries}] in page order
    this.root = null; // the blocks' closest common ancestor
    this.daemon = { state: "unknown" };
    this.daemonWasUp = null; // whether it was up when the service worker last knew (shared/lastseen.js)
    this.daemonSeenUp = false; // the worker has said it is up since this page loaded
    this.scanned = null; // the quotes found in the page for the latest request (an early reply)
    this.firstLooked = null; // the texts of the paragraphs read at first look, if there was one

    this.tracker = new RequestTracker();
    this.changes = new ChangeGuard(); // a page that keeps changing: what is left out, when to ask again
    this.later = null; // the refresh that sends a request held back by `changes`
    this.painter = new Painter(document);
    this.client = new DaemonClient((msg) => this.onReply(msg));
    this.card = new HoverCard(document, {
      hitTest: (x, y) => this.hoverHits(x, y),
      colourOf: (c) => swatch(c, this.painter.look?.theme ?? "light"),
      theme: () => this.painter.look?.theme ?? "light",
      onShowAll: (model) => this.showAllBy(model.speakerKey, model.speaker),
    });
    // The side panel: what it lists, where next/previous are, and taking the reader there.
    this.nav = new QuoteNavigator();
    this.focus = new Focus(document);
    this.readAt = new Date().toISOString();
    this.feed = new PanelFeed({
      state: () => this.panelState(),
      onMessage: (msg) => this.onPanelMessage(msg),
      // An open panel shows the ledger of the page as it is now: ask, if it has changed.
      onOpenChange: (open) => open && this.refresh(),
    });
    this.watcher = new PageWatcher((reason) => this.onPageChange(reason), {
      isRelevant: (records) => this.isRelevant(records),
    });
  }

  /** @param {object | null} found the article as `find` found it at load, if it was */
  start(found = null) {
    this.watcher.start();
    this.card.start();
    let ticks = 0;
    setInterval(() => this.active && this.painter.verify({ styles: ++ticks % STYLE_CHECK_EVERY === 0 }), VERIFY_MS);
    matchMedia("(prefers-color-scheme: dark)").addEventListener?.("change", () => this.updateLook(true));
    // The article was looked for as soon as the DOM was parsed; one in a frame may have loaded
    // only since (the watcher sees frames that load after it started). A page with no article
    // yet is looked at again once it has loaded: the size check makes that cheap if it is the same.
    if (document.readyState !== "complete") addEventListener("load", () => this.active || this.refresh(), { once: true });
    this.refresh(found);
    // What arrived while the settings were read (a frame that loaded since) is looked at now.
    if (!this.active && found) this.refresh();
  }

  /** Finds the article, and says how long that held the main thread (DevTools, the bench). */
  find() {
    const began = performance.now();
    const found = findArticle(document, { exclude: this.card.hostElement ?? undefined, forced: this.forced });
    performance.clearMeasures(EXTRACT_MEASURE);
    performance.measure(EXTRACT_MEASURE, { start: began, end: performance.now() });
    mark(STEP.found);
    // The size of the page judged no article is that of the page as it was read, not as it is
    // when the verdict is filed: a frame may have loaded in between.
    if (!found.isArticle) found.pageSize = pageTextLength(document);
    return found;
  }

  /**
   * Paints the quotes of the story's paragraphs where the markup leaves no doubt what they are
   * (content/firstlook.js), before the article is found: only with the settings read, claimlight
   * wanted on this page and the daemon up as far as is known. The search for the article then
   * takes over, and keeps them where it keeps their paragraphs. Whether any were painted.
   */
  firstLook() {
    if (!this.settings || !this.wanted || !this.isEnabled("quote")) return false;
    if (!mayShowEarly(this.daemon.state, this.daemonWasUp)) return false;
    const blocks = firstLook(document);
    if (!blocks) return false;
    mark(STEP.firstLook);
    this.firstLooked = blocks.map((b) => b.text);
    if (!this.tracker.fileFound(blocks, earlyReply("", blocks.map((b) => b.text)))) return false;
    this.painter.updateLook(blocks[0].el, false);
    // The search for the article follows the frame that shows them; the styles are checked after its paint.
    this.painter.paint(blocks, (hash) => this.tracker.spansFor(hash), this.isEnabled, { checkStyles: false });
    if (!this.painter.paintedSpans.get("quote")?.length) return false;
    mark(STEP.quotesPainted);
    return true;
  }

  get wanted() {
    if (this.forced) return this.settings.enabled;
    return this.settings.enabled && !isSiteDisabled(this.settings, location.href);
  }

  isEnabled = (category) => this.settings.categories[category];

  // ---- analysis -------------------------------------------------------------------------

  /** @param {object | null} found the article found already, for this page as it is now */
  refresh(found = null) {
    if (!this.wanted) return this.deactivate();
    // A page whose text said it is no article is read again only once that text has changed
    // much: extraction is the costly part of a refresh, and such pages (front pages) change often.
    const judged = this.notArticle?.url === location.href && !this.forced ? this.notArticle : null;
    if (judged && Math.abs(pageTextLength(document) - judged.size) < RECHECK_SHARE * judged.size) return this.deactivate();
    found ??= this.find();
    this.isArticle = found.isArticle;
    this.notArticle = found.isArticle || this.forced ? null : { url: location.href, size: found.pageSize ?? pageTextLength(document) };
    if (!this.isArticle && !this.forced) return this.deactivate();

    this.blocks = this.changes.steady(found.blocks); // a counter or ticker inside the article is left out
    this.root = found.root;
    // The article may live in a shadow root or a frame, where the page's own observer does not see.
    this.watcher.watch(new Set(found.blocks.flatMap((b) => treesOf(b.el))));
    this.active = this.blocks.length > 0;
    if (!this.active) return this.deactivate();
    this.updateLook(false);
    this.tracker.pruneResults(this.blocks.map((b) => b.hash));
    this.ask();
    this.render();
  }

  /** The whole article as it is now goes to the daemon, unless it went already, or too recently. */
  ask() {
    clearTimeout(this.later);
    this.later = null;
    if (!this.tracker.wants(this.blocks)) return this.client.hello();
    const wait = this.changes.wait();
    if (wait > 0) {
      this.later = setTimeout(() => this.refresh(), wait);
      return;
    }
    const { message, superseded } = this.tracker.nextRequest(this.blocks, { url: location.href, title: document.title });
    this.client.forget(superseded);
    this.client.analyze(message);
    mark(STEP.sent);
    this.changes.sent();
    // While the request is on its way: the quotes the marks give, found here as the daemon finds
    // them first thing, painted now (by the render after this, in the task that found the
    // article, so in the page's next frame) and kept by its reply. Only with the daemon up, or
    // up when last known while the worker has not said yet: without it the page shows nothing,
    // and says so in the popup.
    this.scanned = earlyReply(message.id, message.blocks);
    mark(STEP.scanned);
    this.showScanned();
  }

  /** Files the quotes found in the page for the latest request, if the daemon is up as far as
   * is known; filing them again changes nothing. */
  showScanned() {
    if (!this.scanned || !mayShowEarly(this.daemon.state, this.daemonWasUp)) return false;
    return this.tracker.onReply(this.scanned).changed;
  }

  deactivate() {
    clearTimeout(this.later);
    this.later = null;
    this.scanned = null;
    for (const id of this.tracker.abandon()) this.client.cancel(id);
    this.active = false;
    this.painter.clear();
    this.focus.clear();
    this.card.hide();
    this.reportCounts();
    this.feed.changed();
    this.client.release(); // no article here: the worker need not stay connected for this page
  }

  onReply(msg) {
    if (msg.type === MSG.daemonState) {
      this.daemon = msg;
      if (msg.state === "open") {
        mark(STEP.daemonUp);
        this.daemonSeenUp = true;
      }
      if (this.showScanned()) this.render();
      // It was up when last known, and is not now: the quotes painted on that belief come down
      // (what the daemon itself sent, once up on this page, stays), those of a first look too,
      // painted before the article was found.
      else if (!this.daemonSeenUp && !mayShowEarly(msg.state, this.daemonWasUp) && this.tracker.dropEarly()) {
        if (this.active) this.render();
        else this.painter.clear();
      }
      return;
    }
    if (msg.type === REPLY.partial) mark(STEP.partial);
    else if (msg.type === REPLY.result) mark(STEP.result);
    const { changed, retry } = this.tracker.onReply(msg);
    if (changed) this.render();
    this.feed.changed();
    if (retry) setTimeout(() => this.refresh(), RETRY_BUSY_MS);
  }

  // ---- page changes -----------------------------------------------------------------------

  onPageChange(reason) {
    if (reason === "navigation") {
      // A new article: it is analysed on its own merits, not because the last one was forced.
      this.forced = false;
      this.changes.reset();
      this.tracker.clearFailures();
      this.readAt = new Date().toISOString();
      this.nav.setFilter(null);
    }
    this.refresh();
  }

  isRelevant(records) {
    const root = this.root;
    if (!root || !root.isConnected) return true;
    const host = this.card.hostElement;
    for (const r of records) {
      if (composedContains(root, r.target)) return true;
      if (r.type !== "childList" || !composedContains(r.target, root)) continue;
      // Something added or removed around the article: a new entry, or the article replaced.
      for (const n of [...r.addedNodes, ...r.removedNodes]) {
        if (n.nodeType === 1 && n !== host && !/^(SCRIPT|STYLE|LINK|META|IFRAME)$/.test(n.tagName)) return true;
      }
    }
    return false;
  }

  updateLook(force) {
    this.painter.updateLook(this.blocks[0]?.el, force);
    this.focus.setLook(this.painter.look);
  }

  // ---- painting ---------------------------------------------------------------------------

  render() {
    if (!this.active) return;
    this.painter.paint(this.blocks, (hash) => this.tracker.spansFor(hash), this.isEnabled);
    if (this.painter.paintedSpans.get("quote")?.length) mark(STEP.quotesPainted);
    if (this.blocks.some((b) => this.tracker.isDone(b.hash))) mark(STEP.allPainted);
    this.reportCounts();
    this.feed.changed();
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
      // A request held back by `changes` (a page that changed again too soon) is on its way too.
      pending: this.tracker.pending + (this.later !== null ? 1 : 0),
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
   * block's results have arrived. `firstLook`: the paragraphs read at first look, if any.
   */
  analysedText() {
    const { url, isArticle, forced, active, pending } = this.pageState();
    const blocks = this.blocks.map((b) => ({ text: b.text, done: this.tracker.isDone(b.hash) }));
    return { url, isArticle, forced, active, pending, blocks, firstLook: this.firstLooked };
  }

  analyseNow() {
    this.forced = true;
    this.changes.reset();
    this.tracker.clearFailures();
    this.refresh();
    return this.pageState();
  }

  // ---- the hover card ---------------------------------------------------------------------------

  /** The painter's hits, each with the line being read and the speaker's name to keep clear. */
  hoverHits(x, y) {
    if (!this.active) return [];
    const hits = this.painter.hitTest(x, y, this.isEnabled, this.tracker.actors);
    for (const hit of hits) {
      const box = hit.block?.el?.getBoundingClientRect();
      // The line under the pointer, across its whole paragraph: the reader's eye is on it.
      hit.line = box ? { left: box.left, right: box.right, top: hit.rect.top, bottom: hit.rect.bottom } : hit.rect;
      const at = hit.span?.speakerAt;
      const range = at ? this.rangeIn(at, hit.block) : null;
      hit.keep = range ? [...range.getClientRects()].map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })) : [];
    }
    return hits;
  }

  /** A DOM range for block-relative offsets, in `near` when it is that block, else by hash. */
  rangeIn({ hash, start, end }, near = null) {
    const block = near?.hash === hash ? near : this.blocks.find((b) => b.hash === hash);
    if (!block) return null;
    const a = locate(block.entries, start, "start");
    const b = locate(block.entries, end, "end");
    if (!a || !b) return null;
    try {
      const range = a.node.ownerDocument.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range.collapsed ? null : range;
    } catch {
      return null; // the node changed; the next refresh reads it again
    }
  }

  showAllBy(speakerKey, name) {
    if (!speakerKey) return;
    // First, while the click still counts as the user's: only then may the panel open.
    chrome.runtime.sendMessage({ type: MSG.openPanel }).catch(() => {});
    this.nav.setFilter({ keys: keysOfSource(this.tracker.ledger, speakerKey), name });
    this.feed.pushNow();
  }

  // ---- the side panel and the shortcuts ---------------------------------------------------------

  items() {
    const items = this.active ? sourcingItems(this.blocks, (h) => this.tracker.spansFor(h)) : [];
    this.nav.setItems(items);
    return items;
  }

  panelState() {
    const items = this.items();
    const hashes = this.blocks.map((b) => b.hash);
    const held = this.tracker.ledger;
    let ledger = null;
    if (held && this.active) {
      // Its figures go out placed on the page (below); its hashes only say whether it is current.
      const { figures: _figures, hashes: _hashes, ...counts } = held;
      ledger = { ...counts, fresh: this.tracker.ledgerFresh(hashes) };
    }
    const pos = this.nav.position();
    return {
      page: this.pageState(),
      title: document.title,
      readAt: this.readAt,
      items,
      figures: this.active ? sourcingFigures(this.blocks, held) : [],
      actors: Object.fromEntries(this.tracker.actors),
      ledger,
      nav: { filter: this.nav.filter, current: pos ? { id: pos.item.id, index: pos.index, total: pos.total } : null },
    };
  }

  onPanelMessage(msg) {
    if (msg?.type === MSG.panelStep) this.step(msg.dir);
    else if (msg?.type === MSG.panelGoto) this.goto(msg.id);
    else if (msg?.type === MSG.panelFilter) {
      this.nav.setFilter(msg.filter);
      this.feed.pushNow();
    }
  }

  /** Next (1) or previous (-1) quotation; the page scrolls to it and says which it is. */
  step(dir) {
    this.items();
    const pos = this.nav.step(dir >= 0 ? 1 : -1);
    this.show(pos);
    return pos ? { id: pos.item.id, index: pos.index, total: pos.total } : null;
  }

  goto(id) {
    if (String(id).startsWith("f:")) {
      const figure = sourcingFigures(this.blocks, this.tracker.ledger).find((f) => f.id === id);
      if (figure) this.focus.show(figure.pieces.map((p) => this.rangeIn(p, this.blocks[p.block])).filter(Boolean));
      return;
    }
    this.items();
    this.show(this.nav.goto(id));
  }

  show(pos) {
    this.card.announce(announcement(pos));
    if (pos) this.focus.show(pos.item.pieces.map((p) => this.rangeIn(p, this.blocks[p.block])).filter(Boolean));
    this.feed.pushNow();
  }
}

async function main() {
  if (!highlightsSupported(window)) return;
  mark(STEP.start);
  // At once, from the moment the DOM is parsed: the settings are read (a round trip to the
  // browser, slow when it is busy; begun at document_start by content/early.js) with whether the
  // daemon was up when last known, the service
  // worker is woken and asked about the daemon, and the article is found as soon as the page's
  // styles are in and it has been painted once (on a page marked up the plain way, its quotes are
  // painted first, from a first look at its paragraphs). The search is thrown away on a page the
  // reader turned claimlight off for; finding it only after the settings are read would hold up
  // every other page.
  const controller = new PageController(null);
  const settings = settingsRead().then(([s, up]) => {
    mark(STEP.settings);
    controller.settings = s;
    controller.daemonWasUp = up;
    if (controller.wanted) controller.client.hello();
    return s;
  });
  await pageReady(document, framePainted());
  // On a page marked up the plain way, its quotes first, in a frame of their own: the search
  // for the article holds the main thread for tens of milliseconds on a first visit.
  if (controller.firstLook()) await afterPaint(window);
  const found = controller.find();
  await settings;
  // The quotes first (painted in this task, so in the page's next frame), then the listeners:
  // nothing can reach them before this task ends.
  controller.start(found);
  // (Session storage holds only whether the daemon is up, which the worker tells the page itself.)
  chrome.storage.onChanged.addListener((_changes, area) => area !== "session" && controller.onSettingsChanged());
  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg?.type === MSG.getPageState) reply(controller.pageState());
    else if (msg?.type === MSG.analyseNow) reply(controller.analyseNow());
    else if (msg?.type === MSG.step) reply(controller.step(msg.dir));
    else if (msg?.type === MSG.getAnalysedText) reply(controller.analysedText());
  });
}

// The popup may inject this script into a tab that loaded before the extension did;
// a second copy in the same page must not start a second controller.
if (!globalThis.__claimlightContent) {
  globalThis.__claimlightContent = true;
  main();
}
