// What the page shows: DOM ranges for each block's spans, painted through a Highlighter
// per document (an article in a same-origin frame is painted in the frame's own registry),
// the counts of what is painted, and which highlights are under the pointer for the hover
// card. It knows nothing of requests: it is handed the blocks and a lookup of their spans.
// Counts are of what is registered and intact after the highlighter's check, never of what
// the analysis found: a span whose range could not be made, or a category switched off, is
// not painted and not counted.

import { CATEGORY_IDS } from "../shared/categories.js";
import { cardModel } from "./cardmodel.js";
import { caretAt } from "./dom.js";
import { FOCUS_HIGHLIGHT } from "./focus.js";
import { Highlighter } from "./highlight.js";
import { pageLook, sameLook } from "./look.js";
import { locate } from "./offsets.js";
import { countSpans, pageStats } from "./results.js";

export class Painter {
  constructor(doc = document) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.highlighters = new Map(); // document → its Highlighter
    this.rendered = new WeakMap(); // block key → {block, hash, spans, items: [{span, range}]}
    this.current = new Map(); // block key → the rendered record of the blocks on the page now
    this.byNode = new Map(); // text node → the record of the block it is in, for hit tests
    this.shadowRoots = []; // those the painted blocks are in, for hit tests
    this.stats = null; // pageStats of `current`, computed when the hover card first needs it
    this.look = null;
    this.paintedSpans = new Map(); // category → the spans whose ranges went to the highlighter
    this.styleCheck = null; // the style check of the last paint, due once its frame is painted
  }

  /** Picks the palette for the page's colours around `sample`; `force` after a scheme change. */
  updateLook(sample, force) {
    const look = pageLook(sample, sample?.ownerDocument?.defaultView ?? this.win);
    if (!force && sameLook(look, this.look)) return;
    this.look = look;
    for (const h of this.highlighters.values()) h.setLook(look);
  }

  highlighterFor(doc) {
    let h = this.highlighters.get(doc);
    if (!h) {
      // The side panel's emphasis of one quotation is the extension's too, not the page's.
      h = new Highlighter(doc, { alsoOurs: [FOCUS_HIGHLIGHT] });
      if (this.look) h.setLook(this.look);
      this.highlighters.set(doc, h);
    }
    return h;
  }

  /**
   * @param {Array<{el: Element, hash: string, entries: Array}>} blocks the page's blocks now
   * @param {(hash: string) => Array | undefined} spansFor
   * @param {(category: string) => boolean} isEnabled
   * @param {{checkStyles?: boolean}} [o] checkStyles: compare the painted styles once the frame is
   *   painted (not for a paint that the next one soon follows: the check would delay that)
   */
  paint(blocks, spansFor, isEnabled, { checkStyles = true } = {}) {
    const byDocument = new Map(); // document → category → ranges
    const spansOf = new Map(CATEGORY_IDS.map((c) => [c, []]));
    const current = new Map();
    const byNode = new Map();
    for (const block of blocks) {
      const key = block.key ?? block.el;
      const spans = spansFor(block.hash);
      let rec = this.rendered.get(key);
      const stale = !rec || rec.hash !== block.hash || rec.spans !== spans || !sameNodes(rec.block, block);
      if (spans && stale) {
        rec = { block, hash: block.hash, spans, items: this.rangesFor(block, spans) };
        this.rendered.set(key, rec);
      }
      // No results yet for changed text: the old highlights stay until new ones arrive.
      if (!rec) continue;
      current.set(key, rec);
      for (const e of rec.block.entries) byNode.set(e.node, rec);
      const doc = block.el.ownerDocument;
      let byCategory = byDocument.get(doc);
      if (!byCategory) byDocument.set(doc, (byCategory = new Map(CATEGORY_IDS.map((c) => [c, []]))));
      for (const item of rec.items) {
        byCategory.get(item.span.category)?.push(item.range);
        spansOf.get(item.span.category)?.push(item.span);
      }
    }
    this.current = current;
    this.byNode = byNode;
    this.shadowRoots = [...new Set(blocks.map((b) => b.el.getRootNode()).filter((r) => r.nodeType === 11))];
    this.stats = null;
    this.paintedSpans = spansOf;
    for (const doc of byDocument.keys()) this.highlighterFor(doc);
    for (const [doc, h] of this.highlighters) h.render(byDocument.get(doc) ?? new Map(), isEnabled);
    this.verify();
    if (checkStyles) this.checkStylesSoon();
  }

  /** Compares the painted styles once the frame with the new highlights is painted: the check
   * forces a style recalculation and leaves styles to compute again, which must not hold that
   * frame back (the first quotes are painted in the frame after the article is found). */
  checkStylesSoon() {
    if (this.styleCheck || !this.win?.requestAnimationFrame) return;
    this.styleCheck = this.win.requestAnimationFrame(() =>
      this.win.setTimeout(() => {
        this.styleCheck = null;
        this.verify({ styles: true });
      }, 0),
    );
  }

  clear() {
    for (const h of this.highlighters.values()) h.clear();
    this.current = new Map();
    this.byNode = new Map();
    this.paintedSpans = new Map();
    this.stats = null;
  }

  /**
   * Restores what the page removed or changed of our highlights; what it did is kept in
   * `interference`. `styles`: also compare computed styles (costs a style recalculation).
   */
  verify({ styles = false } = {}) {
    const found = [];
    const blocks = new Set([...this.current.values()].map((r) => r.block.el));
    for (const h of this.highlighters.values()) if (h.painted.size) found.push(...h.verify({ styles, blocks }));
    return found;
  }

  /** What the page did to the highlights since it loaded, in words, for the popup. */
  get interference() {
    return [...new Set([...this.highlighters.values()].flatMap((h) => [...h.interference]))];
  }

  /** Per category, what is painted: the registered highlights after `verify` put ours back. */
  counts() {
    this.verify();
    const categories = new Set([...this.highlighters.values()].flatMap((h) => [...h.painted.keys()]));
    return countSpans([...categories].map((c) => this.paintedSpans.get(c) ?? []));
  }

  rangesFor(block, spans) {
    const items = [];
    for (const span of spans) {
      const a = locate(block.entries, span.start, "start");
      const b = locate(block.entries, span.end, "end");
      if (!a || !b) continue;
      try {
        const range = a.node.ownerDocument.createRange();
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        if (!range.collapsed) items.push({ span, range });
      } catch {
        // The node changed under us; the next refresh reads it again.
      }
    }
    return items;
  }

  /**
   * The painted highlights under a viewport point, shortest first, as the hover card shows them.
   * @param {(category: string) => boolean} isEnabled hidden categories are not hovered
   * @param {Map<string, {name: string, type: string}>} actors
   */
  hitTest(x, y, isEnabled, actors) {
    if (!this.current.size) return [];
    const pos = caretAt(this.doc, x, y, this.shadowRoots);
    if (!pos || pos.node.nodeType !== 3) return [];
    const rec = this.byNode.get(pos.node);
    if (!rec) return [];
    const hits = [];
    for (const { span, range } of rec.items) {
      if (!isEnabled(span.category)) continue;
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
      model: cardModel(span, this.stats, actors),
      rect,
      spanRect,
      span,
      block: rec.block,
    }));
  }
}

function sameNodes(a, b) {
  if (a === b) return true;
  if (!a || !b || a.entries.length !== b.entries.length) return false;
  return a.entries.every((e, i) => e.node === b.entries[i].node);
}
