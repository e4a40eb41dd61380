// Content script: finds the article, asks the daemon (through the service worker) about
// the blocks it has no results for, and keeps the page's highlights in step with the
// results, the user's settings and the page's own changes.

import { CATEGORY_IDS } from "../shared/categories.js";
import { swatch } from "../shared/colour.js";
import { MSG } from "../shared/messages.js";
import { ERROR, REPLY, analyzeMessage, isRetryable } from "../shared/protocol.js";
import { isSiteDisabled, loadSettings, siteKey } from "../shared/settings.js";
import { readBlock } from "./blocktext.js";
import { cardModel } from "./cardmodel.js";
import { DaemonClient } from "./client.js";
import { caretAt, commonAncestor } from "./dom.js";
import { articleBlocks, fallbackBlocks, looksLikeArticle } from "./extract.js";
import { planRequest } from "./hash.js";
import { Highlighter, highlightsSupported } from "./highlight.js";
import { HoverCard } from "./hovercard.js";
import { pageLook, sameLook } from "./look.js";
import { locate } from "./offsets.js";
import { countSpans, layout, pageStats, splitReply } from "./results.js";
import { PageWatcher } from "./watcher.js";

// Long pages ask for partial replies so the first paragraphs light up before the rest.
const STREAM_MIN_CHARS = 6000;
const RETRY_BUSY_MS = 2000;

class PageController {
  constructor(settings) {
    this.settings = settings;
    this.session = Math.random().toString(36).slice(2, 10);
    this.seq = 0;
    this.forced = false;
    this.isArticle = false;
    this.active = false;
    this.blocks = []; // [{el, text, hash, entries}] in page order
    this.root = null; // the blocks' closest common ancestor
    this.results = new Map(); // block hash → spans (block-relative offsets)
    this.inflight = new Map(); // request id → {lay}: where its blocks sit in its joined text
    this.inflightHashes = new Map(); // block hash → request id
    this.failed = new Set(); // block hashes the daemon refused; not re-sent until asked
    this.actors = new Map(); // actor key → {name, type}
    this.rendered = new WeakMap(); // block element → {block, hash, spans, items: [{span, range}]}
    this.current = new Map(); // the rendered records of the blocks on the page now
    this.stats = null;
    this.look = null;
    this.daemon = { state: "unknown" };
    this.lastError = "";

    this.highlighter = new Highlighter(document);
    this.client = new DaemonClient((msg) => this.onReply(msg));
    this.card = new HoverCard(document, {
      hitTest: (x, y) => this.hitTest(x, y),
      colourOf: (c) => swatch(c, this.look?.theme ?? "light"),
      theme: () => this.look?.theme ?? "light",
    });
    this.watcher = new PageWatcher((reason) => this.onPageChange(reason), {
      isRelevant: (records) => this.isRelevant(records),
    });
  }

  start() {
    this.watcher.start();
    this.card.start();
    matchMedia("(prefers-color-scheme: dark)").addEventListener?.("change", () => this.updateLook(true));
    this.refresh();
  }

  get wanted() {
    if (this.forced) return this.settings.enabled;
    return this.settings.enabled && !isSiteDisabled(this.settings, location.href);
  }

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
    this.cancelStale();
    this.pruneResults();

    const hashes = this.blocks.map((b) => b.hash);
    const plan = planRequest(hashes, (h) => this.results.has(h) || this.inflightHashes.has(h) || this.failed.has(h));
    if (plan) this.send(plan);
    else this.client.hello();
    this.render();
  }

  deactivate() {
    this.active = false;
    this.highlighter.clear();
    this.card.hide();
    this.current = new Map();
    this.reportCounts();
  }

  send(plan) {
    const id = `${this.session}-${++this.seq}`;
    const reqBlocks = plan.indexes.map((i, k) => ({ ...this.blocks[i], context: plan.context[k] }));
    const lay = layout(reqBlocks);
    const texts = reqBlocks.map((b) => b.text);
    const chars = lay.length ? lay[lay.length - 1].end : 0;
    this.inflight.set(id, { lay });
    for (const b of lay) if (!b.context) this.inflightHashes.set(b.hash, id);
    this.client.analyze(
      analyzeMessage({ id, url: location.href, title: document.title, blocks: texts, stream: chars >= STREAM_MIN_CHARS }),
    );
  }

  /** Drops requests none of whose blocks are on the page any more (SPA navigation). */
  cancelStale() {
    const onPage = new Set(this.blocks.map((b) => b.hash));
    for (const [id, req] of this.inflight) {
      if (req.lay.some((b) => !b.context && onPage.has(b.hash))) continue;
      this.forget(id);
      this.client.cancel(id);
    }
  }

  /** A long SPA session visits many articles; keep the results of the one on screen. */
  pruneResults(limit = 2000) {
    if (this.results.size <= limit) return;
    const onPage = new Set(this.blocks.map((b) => b.hash));
    for (const hash of this.results.keys()) if (!onPage.has(hash)) this.results.delete(hash);
  }

  forget(id) {
    const req = this.inflight.get(id);
    if (!req) return null;
    this.inflight.delete(id);
    for (const b of req.lay) if (this.inflightHashes.get(b.hash) === id) this.inflightHashes.delete(b.hash);
    return req;
  }

  onReply(msg) {
    if (msg.type === MSG.daemonState) {
      this.daemon = msg;
      return;
    }
    const req = this.inflight.get(msg.id);
    if (!req) return;
    if (msg.type === REPLY.partial) {
      const { perBlock } = splitReply(msg.id, req.lay, msg.spans, [], msg.blocks);
      for (const [hash, spans] of perBlock) this.results.set(hash, spans);
      this.render();
    } else if (msg.type === REPLY.result) {
      this.forget(msg.id);
      const { perBlock, actors } = splitReply(msg.id, req.lay, msg.spans, msg.actors);
      for (const [key, info] of actors) this.actors.set(key, info);
      for (const [hash, spans] of perBlock) this.results.set(hash, spans);
      this.lastError = "";
      this.render();
    } else if (msg.type === REPLY.error) {
      this.forget(msg.id);
      if (msg.code === ERROR.cancelled) return;
      this.lastError = msg.message || msg.code;
      if (isRetryable(msg.code)) {
        setTimeout(() => this.refresh(), RETRY_BUSY_MS);
      } else {
        for (const b of req.lay) if (!b.context) this.failed.add(b.hash);
      }
    }
  }

  // ---- page changes -----------------------------------------------------------------------

  onPageChange(reason) {
    if (reason === "navigation") {
      // A new article: it is analysed on its own merits, not because the last one was forced.
      this.forced = false;
      this.failed.clear();
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
    const look = pageLook(this.blocks[0]?.el, window);
    if (!force && sameLook(look, this.look)) return;
    this.look = look;
    this.highlighter.setLook(look);
  }

  // ---- painting ---------------------------------------------------------------------------

  render() {
    if (!this.active) return;
    const byCategory = new Map(CATEGORY_IDS.map((c) => [c, []]));
    const current = new Map();
    for (const block of this.blocks) {
      const spans = this.results.get(block.hash);
      let rec = this.rendered.get(block.el);
      const stale = !rec || rec.hash !== block.hash || rec.spans !== spans || !sameNodes(rec.block, block);
      if (spans && stale) {
        rec = { block, hash: block.hash, spans, items: rangesFor(block, spans) };
        this.rendered.set(block.el, rec);
      }
      // No results yet for changed text: the old highlights stay until new ones arrive.
      if (!rec) continue;
      current.set(block.el, rec);
      for (const item of rec.items) byCategory.get(item.span.category)?.push(item.range);
    }
    this.current = current;
    this.stats = null;
    this.highlighter.render(byCategory, (c) => this.settings.categories[c]);
    this.reportCounts();
  }

  counts() {
    return countSpans([...this.current.values()].map((r) => r.spans));
  }

  reportCounts() {
    const counts = this.active ? this.counts() : {};
    const total = CATEGORY_IDS.filter((c) => this.settings.categories[c]).reduce((n, c) => n + (counts[c] ?? 0), 0);
    if (total !== this.lastTotal && (this.client.port || total > 0)) {
      this.lastTotal = total;
      this.client.post({ type: MSG.counts, total: this.settings.enabled ? total : 0 });
    }
  }

  // ---- hover card ---------------------------------------------------------------------------

  hitTest(x, y) {
    if (!this.active || !this.current.size) return [];
    const pos = caretAt(document, x, y);
    if (!pos || pos.node.nodeType !== 3) return [];
    let rec = null;
    for (let el = pos.node.parentElement; el && !rec; el = el.parentElement) rec = this.current.get(el);
    if (!rec) return [];
    const hits = [];
    for (const { span, range } of rec.items) {
      if (!this.settings.categories[span.category]) continue;
      try {
        if (!range.isPointInRange(pos.node, pos.offset)) continue;
      } catch {
        continue;
      }
      // A caret position is between characters; make sure the pointer is on the text.
      const rect = [...range.getClientRects()].find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (rect) hits.push({ span, rect, spanRect: range.getBoundingClientRect() });
    }
    hits.sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
    this.stats ??= pageStats([...this.current.values()].map((r) => r.spans));
    return hits.map(({ span, rect, spanRect }) => ({
      key: `${rec.hash}:${span.start}:${span.end}:${span.category}`,
      model: cardModel(span, this.stats, this.actors),
      rect,
      spanRect,
    }));
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
      pending: this.inflight.size,
      counts: this.active ? this.counts() : {},
      theme: this.look?.theme ?? null,
      daemon: this.daemon,
      lastError: this.lastError,
    };
  }

  analyseNow() {
    this.forced = true;
    this.failed.clear();
    this.refresh();
    return this.pageState();
  }
}

function sameNodes(a, b) {
  if (a === b) return true;
  if (!a || !b || a.entries.length !== b.entries.length) return false;
  return a.entries.every((e, i) => e.node === b.entries[i].node);
}

function rangesFor(block, spans) {
  const items = [];
  for (const span of spans) {
    const a = locate(block.entries, span.start, "start");
    const b = locate(block.entries, span.end, "end");
    if (!a || !b) continue;
    try {
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      if (!range.collapsed) items.push({ span, range });
    } catch {
      // The node changed under us; the next refresh reads it again.
    }
  }
  return items;
}

async function main() {
  if (!highlightsSupported(window)) return;
  const controller = new PageController(await loadSettings());
  chrome.storage.onChanged.addListener(() => controller.onSettingsChanged());
  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg?.type === MSG.getPageState) reply(controller.pageState());
    else if (msg?.type === MSG.analyseNow) reply(controller.analyseNow());
  });
  controller.start();
}

// The popup may inject this script into a tab that loaded before the extension did;
// a second copy in the same page must not start a second controller.
if (!globalThis.__claimlightContent) {
  globalThis.__claimlightContent = true;
  main();
}
