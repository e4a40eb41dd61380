// Finds the article's paragraphs in the live page. Readability decides what the article
// is, but it works on (and mutates) a clone, so its answer is mapped back to the live
// DOM: first by node identity (the clone's text nodes are the ones Readability moves
// around), then by text for what identity cannot explain (Readability re-parses the
// clone from HTML on a retry, which creates new nodes).

import { Readability, isProbablyReaderable } from "@mozilla/readability";
import { commonAncestor } from "./dom.js";

// The paragraph-level elements that become blocks.
export const BLOCK_SELECTOR = "p, blockquote, li, h2, h3, h4, h5, h6, figcaption, pre, dd, dt";

// Never article text, even when Readability keeps it or the page is analysed on request.
const CHROME_SELECTOR =
  "nav, footer, aside, form, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog], [role=marquee], [aria-modal=true]";

export function normalizeSpace(s) {
  return s.replace(/[\s\u00ad\u200b]+/g, " ").trim();
}

/** Readability's readerable heuristic, on the live document (it only reads it). */
export function looksLikeArticle(doc) {
  return isProbablyReaderable(doc);
}

/** Blocks that contain no other block: for <blockquote><p>…</p></blockquote>, the <p>. */
function leafBlocks(root) {
  const all = [...root.querySelectorAll(BLOCK_SELECTOR)];
  if (root.matches?.(BLOCK_SELECTOR)) all.unshift(root);
  return all.filter((el) => !el.querySelector(BLOCK_SELECTOR));
}

/** Pairs every node of the clone with its live original (the trees are identical). */
function mapClone(liveRoot, cloneRoot) {
  const map = new Map();
  const doc = liveRoot.ownerDocument ?? liveRoot;
  const cdoc = cloneRoot.ownerDocument ?? cloneRoot;
  const a = doc.createTreeWalker(liveRoot, 0x1 | 0x4); // elements and text
  const b = cdoc.createTreeWalker(cloneRoot, 0x1 | 0x4);
  let x = a.currentNode;
  let y = b.currentNode;
  while (x && y) {
    map.set(y, x);
    x = a.nextNode();
    y = b.nextNode();
  }
  return map;
}

function textNodesOf(el) {
  const out = [];
  const w = el.ownerDocument.createTreeWalker(el, 0x4);
  for (let n = w.nextNode(); n; n = w.nextNode()) if (n.data.trim()) out.push(n);
  return out;
}

/** The live element a block of Readability's output came from, or null. */
function liveBlockFor(block, map) {
  const direct = map.get(block);
  if (direct) return direct;
  // Readability replaced the element (div → p) but moved its text nodes along.
  const live = textNodesOf(block).map((n) => map.get(n)).filter(Boolean);
  if (live.length === 0) return null;
  const anc = commonAncestor(live);
  if (!anc) return null;
  return anc.closest(BLOCK_SELECTOR) ?? anc;
}

function inPageChrome(el) {
  if (el.closest(CHROME_SELECTOR)) return true;
  // A site header is chrome; an article's own <header> (headline, standfirst) is not.
  const header = el.closest("header");
  return !!header && !header.closest("article, main, [role=main]");
}

function documentOrder(a, b) {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
}

/** Sorts, dedupes and drops blocks that contain other chosen blocks. */
function tidy(els) {
  const unique = [...new Set(els)].sort(documentOrder);
  return unique.filter((el) => !unique.some((other) => other !== el && el.contains(other)));
}

/**
 * The live block elements of the article, in document order, or [] if Readability finds
 * no article.
 * @param {Document} doc the live document
 * @param {{exclude?: Element}} opts an element of ours to keep out of the clone
 */
export function articleBlocks(doc, { exclude } = {}) {
  const clone = doc.cloneNode(true);
  const map = mapClone(doc.documentElement, clone.documentElement);
  if (exclude) {
    for (const [c, live] of map) if (live === exclude) c.remove?.();
  }
  let article;
  try {
    article = new Readability(clone, { serializer: (el) => el, keepClasses: true }).parse();
  } catch {
    return [];
  }
  if (!article?.content) return [];

  const chosen = [];
  const unexplained = [];
  for (const block of leafBlocks(article.content)) {
    if (!normalizeSpace(block.textContent)) continue;
    const live = liveBlockFor(block, map);
    if (live && live.isConnected) chosen.push(live);
    else unexplained.push(normalizeSpace(block.textContent));
  }
  if (unexplained.length) chosen.push(...matchByText(doc, unexplained, chosen));
  return withinArticleElement(doc, tidy(chosen.filter((el) => !inPageChrome(el))));
}

// Where the page marks up its article, trust the markup over Readability's scoring, which
// sometimes settles on <body> and sweeps in a ticker or a teaser beside the article.
const ARTICLE_SELECTOR = "[itemprop=articleBody], article, main, [role=main]";
const ARTICLE_SHARE = 0.8;

function withinArticleElement(doc, blocks) {
  const total = blocks.reduce((n, el) => n + el.textContent.length, 0);
  if (!total) return blocks;
  const candidates = [...doc.querySelectorAll(ARTICLE_SELECTOR)];
  let best = null;
  for (const c of candidates) {
    const inside = blocks.filter((el) => c.contains(el));
    const share = inside.reduce((n, el) => n + el.textContent.length, 0) / total;
    // The innermost container holding most of the text: later in document order and
    // contained in the previous best means deeper.
    if (share >= ARTICLE_SHARE && (!best || best.el.contains(c))) best = { el: c, inside };
  }
  return best ? best.inside : blocks;
}

/** Live leaf blocks whose text equals one of `texts`, preferring those near `anchors`. */
function matchByText(doc, texts, anchors) {
  const wanted = new Map();
  for (const t of texts) wanted.set(t, (wanted.get(t) ?? 0) + 1);
  const root = commonAncestor(anchors) ?? doc.querySelector("article, main, [role=main]") ?? doc.body;
  const found = [];
  for (const scope of root === doc.body ? [root] : [root, doc.body]) {
    for (const el of leafBlocks(scope)) {
      const t = normalizeSpace(el.textContent);
      const n = wanted.get(t);
      if (!n || found.includes(el) || inPageChrome(el)) continue;
      wanted.set(t, n - 1);
      found.push(el);
    }
  }
  return found;
}

/**
 * For a page the user asked to analyse although it does not look like an article: what
 * Readability finds, or else every visible paragraph outside the page's chrome.
 */
export function fallbackBlocks(doc, { exclude } = {}) {
  const fromReadability = articleBlocks(doc, { exclude });
  if (fromReadability.length) return fromReadability;
  return leafBlocks(doc.body).filter((el) => !inPageChrome(el) && normalizeSpace(el.textContent).length >= 20);
}
