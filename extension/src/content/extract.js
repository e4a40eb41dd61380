// Finds the article on the live page and cuts it into the blocks the daemon analyses.
//
// Readability decides what the article is. It reads a flattened copy of the composed page
// (flatclone.js: shadow trees and same-origin frames inlined) and mutates it; its answer is mapped back to the live page at the level of text nodes (the
// copy pairs every node with its original; Readability moves text nodes around but keeps
// them). The live article is then cut at real block boundaries (blocks.js), and what is not
// the story's prose — furniture inside the article, boxes off the story's flow, a pull quote
// repeating the body — is left out (furniture.js). Whether the page is an article at all is
// articleness.js's call, from its metadata first and its text when that is not enough.

import { Readability } from "@mozilla/readability";
import { decide, isListing, metadataSignals, MIN_PROSE_CHARS } from "./articleness.js";
import { cutBlocks } from "./blocks.js";
import { composedChildren, composedCommonAncestor, composedContains, composedParentElement, frameDocument } from "./composed.js";
import { flatClone, INDEX_ATTR } from "./flatclone.js";
import {
  BIO_FROM_END,
  blockWords,
  furnitureBlock,
  furnitureElement,
  isArticleBody,
  isAuthorBio,
  nameWords,
} from "./furniture.js";
import { hashText } from "./hash.js";
import { buildText } from "./offsets.js";
import { Rendering } from "./rendering.js";

export function normalizeSpace(s) {
  return s.replace(/[\s\u00ad\u200b]+/g, " ").trim();
}

// An element holding at least this share of the article's text is a wrapper of the story,
// whatever its class names say ("article-body has-comments", "date-outer").
const WRAPPER_SHARE = 0.5;
// Where the page marks up its article and most of the text is inside, text outside it is not
// the story (a ticker, a teaser Readability swept in).
const ARTICLE_SELECTOR = "[itemprop~=articleBody], article, main, [role=main]";
const ARTICLE_SHARE = 0.8;
// Blocks off the story's flow (in a box of their own) are kept only when they read as prose.
const FLOW_MIN_BLOCKS = 3;
const OFF_FLOW_MIN_WORDS = 20;
const OFF_FLOW_MIN_LOWERCASE = 0.35;
// The element holding this share of the text is where Readability's pick is.
const FOCUS_SHARE = 0.8;
// Readability's pick is a region of furniture only if that region holds less than this share
// of the page's text (a page wrapper may have any class name).
const MISPLACED_MAX_SHARE = 0.5;
// Picks tried after Readability settled on a region that is plainly not the story.
const MAX_REPICKS = 2;
// A block whose letters all appear in a longer block repeats it (a pull quote).
const REPEAT_MIN_LETTERS = 24;
const REPEAT_MAX_WORDS = 80; // a pull quote is short; longer blocks are not searched for repeats

const QUOTE_MARK = /["“”„«»‘’‹›]/;

/** The top document and every same-origin frame document under it. */
function readableDocuments(doc) {
  const docs = [doc];
  for (let i = 0; i < docs.length && docs.length < 32; i++) {
    for (const frame of docs[i].querySelectorAll("iframe, frame")) {
      const d = frameDocument(frame);
      if (d && !docs.includes(d)) docs.push(d);
    }
  }
  return docs;
}

/** How much text the page holds, its same-origin frames' included: a cheap sign of change. */
export function pageTextLength(doc) {
  return readableDocuments(doc).reduce((n, d) => n + (d.body?.textContent.length ?? 0), 0);
}

// ---- Readability's answer, as live text nodes -------------------------------------------------

/** Live text nodes under `el` that the copy holds (the visible ones), in order. */
function copiedTextsUnder(el, copied) {
  const out = [];
  const visit = (n) => {
    for (const c of n.nodeType === 1 && n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes) {
      if (c.nodeType === 3) {
        if (copied.has(c)) out.push(c);
      } else visit(c);
    }
    const frame = n.nodeType === 1 ? frameDocument(n) : null;
    if (frame) visit(frame.body);
  };
  visit(el);
  return out;
}

/**
 * Readability's article on a copy of the page, as live text nodes: by identity, and where
 * Readability re-parsed its copy (new nodes) by the index attribute of the nearest copied
 * element and the text. A copy is indexed only when the first one turned out to need it.
 * @returns {{flat: object, chosen: Set<Text> | null}}
 */
function readabilityChoice(doc, exclude = new Set()) {
  let flat = flatClone(doc, { exclude });
  let found = mapArticle(flat, readability(flat));
  if (found && found.missed > found.chosen.size) {
    flat = flatClone(doc, { exclude, indexed: true });
    found = mapArticle(flat, readability(flat));
  }
  return { flat, chosen: found?.chosen ?? null };
}

function readability(flat) {
  try {
    return new Readability(flat.clone, { serializer: (el) => el, keepClasses: true, disableJSONLD: true }).parse();
  } catch {
    return null;
  }
}

function mapArticle(flat, article) {
  if (!article?.content) return null;
  const chosen = new Set();
  let missed = 0;
  let copied = null;
  const cursors = new Map();
  const walker = flat.clone.createTreeWalker(article.content, 0x4);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!/\S/.test(t.data)) continue;
    const same = flat.live.get(t);
    if (same) {
      chosen.add(same);
      continue;
    }
    missed++;
    let anc = t.parentElement;
    while (anc && !anc.hasAttribute(INDEX_ATTR)) anc = anc.parentElement;
    const liveEl = anc ? flat.elements[Number(anc.getAttribute(INDEX_ATTR))] : null;
    if (!liveEl) continue;
    copied ??= new Set([...flat.live.values()].filter((n) => n.nodeType === 3));
    let cursor = cursors.get(liveEl);
    if (!cursor) cursors.set(liveEl, (cursor = { texts: copiedTextsUnder(liveEl, copied), next: 0 }));
    for (const n of matchRun(cursor, t.data)) chosen.add(n);
  }
  return { chosen, missed };
}

/** Consecutive unused texts of the cursor whose data make up `data` (re-parsing joins
 * neighbouring text nodes), searched from where the last match ended, then from the start. */
function matchRun(cursor, data) {
  const { texts } = cursor;
  for (const from of [cursor.next, 0]) {
    for (let i = from; i < texts.length; i++) {
      let joined = "";
      let j = i;
      while (j < texts.length && joined.length < data.length) joined += texts[j++].data;
      if (joined === data) {
        cursor.next = j;
        return texts.slice(i, j);
      }
    }
  }
  return [];
}

// ---- cutting and sorting ----------------------------------------------------------------------

function letters(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function flowKey(el) {
  const parent = composedParentElement(el);
  const words = new Set(parent ? nameWords(parent.getAttribute("class") ?? "") : []);
  return { tag: el.localName, parentTag: parent?.localName ?? "", words };
}

function sameFlow(a, b) {
  if (a.tag !== b.tag || a.parentTag !== b.parentTag) return false;
  if (!a.words.size && !b.words.size) return true;
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared++;
  return shared / (a.words.size + b.words.size - shared) >= 0.5;
}

/** The blocks grouped by their place in the markup, and the group that is the story's flow
 * (most of the text, in at least a few blocks), or null. */
function flowGroups(blocks) {
  const groups = [];
  for (const b of blocks) {
    const key = flowKey(b.el);
    let g = groups.find((g) => sameFlow(g.key, key));
    if (!g) groups.push((g = { key, blocks: [], chars: 0 }));
    g.blocks.push(b);
    g.chars += b.text.length;
  }
  const main = groups.reduce((a, b) => (b.chars > a.chars ? b : a), groups[0]);
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  const ok = main && main.blocks.length >= FLOW_MIN_BLOCKS && main.chars >= total / 2;
  return { groups, main: ok ? main : null };
}

/** Marks blocks that sit off the story's main flow and do not read as prose. */
function offFlow(blocks) {
  const { groups, main } = flowGroups(blocks);
  if (!main) return new Set();
  // A list standing among the paragraphs is part of the text (a list article, bullet points);
  // a list inside a box of its own is not.
  const flowParents = new Set(main.blocks.map((b) => composedParentElement(b.el)));
  const inFlowList = (el) => el.localName === "li" && flowParents.has(composedParentElement(composedParentElement(el)));
  const out = new Set();
  for (const g of groups) {
    if (g === main) continue;
    for (const b of g.blocks) {
      if (inFlowList(b.el)) continue;
      const ws = b.words;
      const lower = ws.filter((w) => /^\p{Ll}/u.test(w)).length / ws.length;
      if ((ws.length < OFF_FLOW_MIN_WORDS && !QUOTE_MARK.test(b.text)) || lower < OFF_FLOW_MIN_LOWERCASE) out.add(b);
    }
  }
  return out;
}

/** Blocks whose text a longer kept block already holds (a pull quote, a repeated summary). */
function repeats(blocks, offFlowSet) {
  const keys = blocks.map((b) => letters(b.text));
  const out = new Set();
  blocks.forEach((b, i) => {
    const k = keys[i];
    if (k.length < REPEAT_MIN_LETTERS || b.words.length > REPEAT_MAX_WORDS) return;
    for (let j = 0; j < blocks.length; j++) {
      if (j === i || out.has(blocks[j])) continue;
      const other = keys[j];
      if (other.length > k.length ? other.includes(k) : other === k && offFlowSet.has(b)) {
        out.add(b);
        return;
      }
    }
  });
  return out;
}

/**
 * Paragraphs of the story's own flow that Readability dropped (it drops a paragraph whose
 * wrapper is dense with links), put back where they stand: blocks inside `focus` with no text
 * Readability kept, placed in the markup like the story's paragraphs, and not furniture.
 */
function withGaps(blocks, { focus, chosen, rendering, chars, total }) {
  const { main } = flowGroups(blocks);
  if (!main || !focus) return blocks;
  const skip = (el, look) => {
    if (isArticleBody(el) || (chars.get(el) ?? 0) >= WRAPPER_SHARE * total) return false;
    return !!furnitureElement(el, look);
  };
  const all = cutBlocks(focus, { keep: (t) => rendering.isVisibleText(t), lookOf: (el) => rendering.lookOf(el), skip });
  const order = new Map(); // text node → the index of its block in reading order
  all.forEach((c, i) => c.pieces.forEach((p) => p.node && order.set(p.node, i)));
  const gaps = [];
  all.forEach((c, i) => {
    if (c.pieces.some((p) => p.node && chosen.has(p.node))) return; // Readability's own
    const { text, entries } = buildText(c.pieces);
    if (!text) return;
    const block = { el: c.el, key: c.first, text, entries, words: blockWords(text), linkShare: c.linkChars / c.chars, at: i };
    if (sameFlow(main.key, flowKey(block.el)) && !furnitureBlock(block)) gaps.push(block);
  });
  if (!gaps.length) return blocks;
  const merged = [];
  let g = 0;
  let inside = false;
  let afterFocus = -1; // where the blocks after the focus start (they have no index)
  for (const b of blocks) {
    const at = order.get(b.key);
    if (at === undefined) {
      if (inside && afterFocus < 0) afterFocus = merged.length;
    } else {
      inside = true;
      while (g < gaps.length && gaps[g].at < at) merged.push(gaps[g++]);
    }
    merged.push(b);
  }
  merged.splice(afterFocus < 0 ? merged.length : afterFocus, 0, ...gaps.slice(g));
  return merged;
}

/** Only the blocks inside the innermost marked-up article element holding most of them. */
function withinArticleElement(docs, blocks) {
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  if (!total) return blocks;
  let best = null;
  for (const doc of docs) {
    for (const c of doc.querySelectorAll(ARTICLE_SELECTOR)) {
      const inside = blocks.filter((b) => composedContains(c, b.el));
      const share = inside.reduce((n, b) => n + b.text.length, 0) / total;
      if (share >= ARTICLE_SHARE && (!best || composedContains(best.el, c))) best = { el: c, inside };
    }
  }
  return best ? best.inside : blocks;
}

// A page may hold more than one story: the next one appended as the reader scrolls, or
// already there in a saved copy. The page's own story is the first one with its own headline.
const STORY_SELECTOR = 'article, [itemtype*="Article" i], [itemtype*="BlogPosting" i]';
const STORY_MIN_SHARE = 0.25;

function storyOf(el) {
  for (let n = el; n; n = composedParentElement(n)) {
    if (n.matches?.(STORY_SELECTOR) && n.querySelector('h1, [itemprop~="headline"]')) return n;
  }
  return null;
}

/** The blocks of the page's first story when the blocks span several stories, else all. */
function firstStory(blocks) {
  const stories = new Map();
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  for (const b of blocks) {
    const s = storyOf(b.el);
    if (s) stories.set(s, (stories.get(s) ?? 0) + b.text.length);
  }
  if (stories.size < 2) return blocks;
  const first = [...stories].find(([, chars]) => chars >= STORY_MIN_SHARE * total)?.[0];
  return first ? blocks.filter((b) => storyOf(b.el) === first) : blocks;
}

/** Headlines that are links, outside the boxes of links an article has: a listing's teasers. */
function linkedHeadings(root) {
  if (!root?.querySelectorAll) return 0;
  let n = 0;
  for (const h of root.querySelectorAll("h1, h2, h3, h4, [role=heading]")) {
    if (!h.querySelector("a[href]") && !h.closest("a[href]")) continue;
    let boxed = false;
    for (let el = h.parentElement; el && el !== root && !boxed; el = el.parentElement) boxed = !!furnitureElement(el);
    if (!boxed) n++;
  }
  return n;
}

/**
 * The article's blocks in reading order: `chosen` text cut at block boundaries, furniture
 * left out. `dropped` says what was left out and why (for tests and debugging).
 */
function articleBlocks(docs, rendering, chosen, { strict = true } = {}) {
  const nodes = [...chosen];
  const root = composedCommonAncestor(nodes);
  // Readability may pick what the reader cannot see (a hidden copy of the story for phones).
  if (!root || !rendering.isRendered(root)) return { root, focus: root, blocks: [], dropped: [] };
  // How much of the article's text each element holds.
  const chars = new Map();
  for (const t of nodes) {
    const n = t.data.replace(/\s+/g, "").length;
    for (let el = composedParentElement(t); el; el = composedParentElement(el)) {
      chars.set(el, (chars.get(el) ?? 0) + n);
      if (el === root) break;
    }
  }
  const total = chars.get(root) ?? 0;
  // Where the text is: the innermost element holding nearly all of it.
  let focus = root;
  for (let next = focus; next; ) {
    focus = next;
    next = composedChildren(focus).find((c) => c.nodeType === 1 && (chars.get(c) ?? 0) >= FOCUS_SHARE * total);
  }
  const dropped = [];
  const skip = (el, look) => {
    const c = chars.get(el) ?? 0;
    if (c === 0) return true;
    if (isArticleBody(el) || c >= WRAPPER_SHARE * total) return false;
    const why = furnitureElement(el, look, { strict });
    if (why) dropped.push({ why, text: normalizeSpace(el.textContent).slice(0, 80) });
    return !!why;
  };
  const cut = cutBlocks(root, {
    keep: (t) => chosen.has(t) && rendering.isVisibleText(t),
    lookOf: (el) => rendering.lookOf(el),
    skip,
  });

  let blocks = [];
  for (const c of cut) {
    const { text, entries } = buildText(c.pieces);
    if (!text) continue;
    const block = { el: c.el, key: c.first, text, entries, words: blockWords(text), linkShare: c.linkChars / c.chars };
    const why = furnitureBlock(block);
    if (why) dropped.push({ why, text: text.slice(0, 80) });
    else blocks.push(block);
  }
  if (strict) blocks = withGaps(blocks, { focus, chosen, rendering, chars, total });
  blocks = firstStory(withinArticleElement(docs, blocks));
  for (const b of blocks.slice(-BIO_FROM_END)) {
    if (isAuthorBio(b)) {
      dropped.push({ why: "author bio", text: b.text.slice(0, 80) });
      blocks = blocks.filter((x) => x !== b);
    }
  }
  const off = offFlow(blocks);
  const repeated = repeats(blocks, off);
  const kept = [];
  for (const b of blocks) {
    const why = off.has(b) ? "off the story's flow" : repeated.has(b) ? "repeats the text" : null;
    if (why) dropped.push({ why, text: b.text.slice(0, 80) });
    else kept.push({ el: b.el, key: b.key, text: b.text, hash: hashText(b.text), entries: b.entries, linkShare: b.linkShare });
  }
  return { root, focus, blocks: kept, dropped };
}

/** Every visible text node of the copy: what a page offers when Readability finds nothing. */
function allText(flat) {
  const out = new Set();
  for (const n of flat.live.values()) if (n.nodeType === 3 && /\S/.test(n.data)) out.add(n);
  return out;
}

/**
 * The article on this page, if it is one.
 * @param {Document} doc the live document
 * @param {{exclude?: Element, forced?: boolean}} opts `exclude`: an element of ours to keep
 *   out; `forced`: the user asked for this page, so cut whatever it holds
 * @returns {{isArticle: boolean, rule: string, root: Element | null,
 *   blocks: Array<{el: Element, key: Node, text: string, hash: string, entries: Array}>,
 *   dropped: Array<{why: string, text: string}>}}
 */
export function findArticle(doc, { exclude, forced = false } = {}) {
  const docs = readableDocuments(doc);
  const signals = metadataSignals(docs);
  const early = decide(signals);
  if (early.isArticle === false && !forced) return { isArticle: false, rule: early.rule, root: null, blocks: [], dropped: [] };

  const excluded = new Set(exclude ? [exclude] : []);
  const rendering = new Rendering();
  let { flat, chosen } = readabilityChoice(doc, excluded);
  let found = chosen?.size ? articleBlocks(docs, rendering, chosen) : { root: null, blocks: [], dropped: [] };
  // Readability scores paragraphs, and a rail of two hundred teasers with a comma each can
  // outscore the story: when its pick is plainly not a story, leave that region out and ask again.
  for (let i = 0; i < MAX_REPICKS; i++) {
    const wrong = misplaced(found, doc);
    if (!wrong) break;
    excluded.add(wrong);
    const again = readabilityChoice(doc, excluded);
    const other = again.chosen?.size ? articleBlocks(docs, rendering, again.chosen) : null;
    if (!other || !plausible(other, early.isArticle)) break;
    ({ flat, chosen } = again);
    found = other;
  }

  let verdict = early;
  if (verdict.isArticle === undefined) verdict = decide({ ...signals, text: textSignals(found) });
  // Asked to analyse a page that is no article (a front page of teasers): what the markup
  // does not plainly mark as furniture, from Readability's pick or else the whole page.
  if (forced && !found.blocks.length) {
    found = articleBlocks(docs, rendering, chosen?.size ? chosen : allText(flat), { strict: false });
    if (!found.blocks.length && chosen?.size) found = articleBlocks(docs, rendering, allText(flat), { strict: false });
  }
  return { isArticle: verdict.isArticle, rule: verdict.rule, ...found };
}

/** The region to leave out when Readability's pick is furniture or a listing, else null. */
function misplaced({ focus, blocks }, doc) {
  if (!focus) return null;
  if (!blocks.length) return focus; // nothing of it is the story, or can be seen
  const pageChars = doc.body?.textContent.length ?? 0;
  for (let el = focus; el && el !== doc.body; el = composedParentElement(el)) {
    if (isArticleBody(el) || el.textContent.length >= MISPLACED_MAX_SHARE * pageChars) break;
    if (furnitureElement(el)) return el;
  }
  return isListing(textSignals({ root: focus, blocks })) ? focus : null;
}

/** Does a second pick look like a story? On a page that says it is an article, any text that
 * is not a listing; elsewhere, enough prose to be one. */
function plausible(found, saysArticle) {
  const text = textSignals(found);
  if (!text.blocks || isListing(text)) return false;
  return saysArticle === true || (text.blocks >= 3 && text.chars >= MIN_PROSE_CHARS);
}

/** What the extracted text looks like, for articleness.js. */
function textSignals({ root, blocks }) {
  let chars = 0;
  let links = 0;
  let inArticle = 0;
  for (const b of blocks) {
    chars += b.text.length;
    links += b.linkShare * b.text.length;
    if (enclosing(b.el, "article, [role=article]")) inArticle += b.text.length;
  }
  return {
    chars,
    blocks: blocks.length,
    linkShare: chars ? links / chars : 0,
    linkedHeadings: linkedHeadings(root),
    inArticleElement: chars ? inArticle / chars : 0,
  };
}

/** The nearest composed ancestor (or self) matching `selector`. */
function enclosing(el, selector) {
  for (let n = el; n; n = composedParentElement(n)) if (n.matches?.(selector)) return n;
  return null;
}
