// Finds the article on the live page and cuts it into the blocks the daemon analyses.
//
// Readability decides what the article is (pick.js: its answer on a copy of the composed page,
// mapped back to live text nodes). The live article is then cut at real block boundaries
// (blocks.js); what is not the story's prose — furniture inside the article (furniture.js),
// boxes off the story's flow, a pull quote repeating the body (flow.js) — is left out, and
// paragraphs of the story's flow that Readability dropped are put back. Photo captions are
// furniture too, unless they tell the story (captions.js: a photo essay). When Readability
// settles on a rail or a listing, that region is left out and it is asked again. Whether the
// page is an article at all is articleness.js's call, from its metadata first and its text
// when that is not enough.

import { decide, isListing, metadataSignals, MIN_PROSE_CHARS, reportsSpeech } from "./articleness.js";
import { authorNames } from "./authors.js";
import { cutBlocks, isBlockLevel } from "./blocks.js";
import { composedChildren, composedCommonAncestor, composedParentElement, FRAME_SELECTOR, frameDocument } from "./composed.js";
import { firstStory, flowGroups, headlinedStory, flowKey, offFlow, repeats, sameFlow, withinArticleElement, withinMainDocument } from "./flow.js";
import { attributedQuote, attributionOf, BIO_FROM_END, blockWords, furnitureBlock, furnitureElement, headerLede, isArticleBody, isAuthorBio, isSiteName, nameWords, withVerdictsKept } from "./furniture.js";
import { hashText } from "./hash.js";
import { captionProse, captionsCarryStory, isCaptionElement } from "./captions.js";
import { buildText, slicePieces } from "./offsets.js";
import { allText, readabilityChoice } from "./pick.js";
import { Rendering } from "./rendering.js";

export function normalizeSpace(s) {
  return s.replace(/[\u00ad\u200b\u2060\ufeff]/g, "").replace(/\s+/g, " ").trim();
}

// An element holding at least this share of the article's text is a wrapper of the story,
// whatever its class names say ("article-body has-comments", "date-outer").
const WRAPPER_SHARE = 0.5;
// The element holding this share of the text is where Readability's pick is.
const FOCUS_SHARE = 0.8;
// Readability's pick is a region of furniture only if that region holds less than this share
// of the page's text (a page wrapper may have any class name).
const MISPLACED_MAX_SHARE = 0.5;
// Picks tried after Readability settled on a region that is plainly not the story.
const MAX_REPICKS = 2;

/** The top document and every same-origin frame document under it. */
function readableDocuments(doc) {
  const docs = [doc];
  for (let i = 0; i < docs.length && docs.length < 32; i++) {
    for (const frame of docs[i].querySelectorAll(FRAME_SELECTOR)) {
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
  const all = cutBlocks(focus, { keep: (t) => rendering.isVisibleText(t), lookOf: (el) => rendering.lookOf(el), marksOf: (el) => rendering.marksOf(el), skip });
  const order = new Map(); // text node → the index of its block in reading order
  all.forEach((c, i) => c.pieces.forEach((p) => p.node && order.set(p.node, i)));
  const gaps = [];
  all.forEach((c, i) => {
    if (c.pieces.some((p) => p.node && chosen.has(p.node))) return; // Readability's own
    const { text, entries } = buildText(c.pieces);
    if (!text) return;
    const block = { el: c.el, key: c.first, text, entries, words: blockWords(text), linkShare: c.linkChars / c.chars, at: i };
    // A quoted passage's attribution line goes with the passage, off the flow as it is.
    const quote = attributedQuote(block.el);
    const placed = sameFlow(main.key, flowKey(block.el)) || (quote && blocks.some((b) => quote.contains(b.el)));
    if (placed && !blockFurniture(block, focus.ownerDocument?.title)) gaps.push(block);
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

// A site builder lays a story out as a grid of like rows or sections (Squarespace's `row sqs-row`s,
// Elementor's `elementor-section`s), each holding a block of the story's paragraphs, a picture or a
// button: Readability keeps the rows around its pick only when they score alike, and a row of two
// paragraphs before a picture does not. The story's gaps are looked for in the whole run of rows
// when the pick sits, a few levels down, in one row of such a run.
const LAYOUT_MAX_LEVELS = 4;
const STORY_ELEMENT = "article, main, [role=main], [role=article]";

/** The element whose children are the run of like rows `focus` sits in, or `focus` itself. */
function layoutRegion(focus) {
  let el = focus;
  for (let level = 0; el && level <= LAYOUT_MAX_LEVELS; level++) {
    const parent = el.parentElement;
    // Not out of the page's own article: the like siblings of an <article> are other stories, or posts.
    if (!parent || parent.localName === "body" || isArticleBody(el) || el.matches(STORY_ELEMENT)) break;
    if (likeSibling(el)) return parent;
    el = parent;
  }
  return focus;
}

/** Has `el` a sibling of its own kind: the same tag and, both named, mostly the same class words? */
function likeSibling(el) {
  const words = new Set(nameWords(el.getAttribute("class") ?? ""));
  if (!words.size) return false;
  for (const s of el.parentElement.children) {
    if (s === el || s.localName !== el.localName) continue;
    const other = new Set(nameWords(s.getAttribute("class") ?? ""));
    let shared = 0;
    for (const w of other) if (words.has(w)) shared++;
    if (shared && shared / (words.size + other.size - shared) >= 0.5) return true;
  }
  return false;
}

/** Why one cut block is not the story's text (furniture.js), or null. `title`: the page's. */
function blockFurniture(block, title) {
  return furnitureBlock(block) ?? (isSiteName(block, title) ? "site name" : null);
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
  if (strict) chosen = withHeaderLede(chosen);
  const nodes = [...chosen];
  let root = composedCommonAncestor(nodes);
  // Readability may pick an inline element: one <font> of a page whose story is <font>s and bare
  // text under <body>, with no block element at all. The story's flow is that of the nearest
  // block around it, where its other paragraphs are.
  let widened = false;
  const inline = (el) => { const look = rendering.lookOf(el); return !!look && !isBlockLevel(look.display); };
  for (; root && inline(root) && composedParentElement(root); widened = true) root = composedParentElement(root);
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
    // Not into an inline element: the flow is the block's (see above).
    next = composedChildren(focus).find((c) => c.nodeType === 1 && (chars.get(c) ?? 0) >= FOCUS_SHARE * total && (!widened || isBlockLevel(rendering.lookOf(c)?.display)));
  }
  const dropped = [];
  // Pictures and their captions are cut like the rest, each block marked with the caption it
  // belongs to: whether captions are the story is known only once they are read (captions.js).
  const captionWhy = new Map(); // a caption element → why it is furniture
  const captionAround = (el) => {
    for (let n = el; n && n !== root; n = composedParentElement(n)) if (captionWhy.has(n)) return n;
    return undefined;
  };
  // An article header that holds the story's lede: only the lede is kept of it.
  const ledes = new Map(); // a header → its lede
  const besideLede = (el) => {
    for (let n = composedParentElement(el); n && n !== root; n = composedParentElement(n)) {
      const lede = ledes.get(n);
      if (lede) return !el.contains(lede) && !lede.contains(el);
    }
    return false;
  };
  const skip = (el, look) => {
    const c = chars.get(el) ?? 0;
    if (c === 0) return true;
    if (ledes.size && besideLede(el)) {
      dropped.push({ why: "<header>", text: normalizeSpace(el.textContent).slice(0, 80) });
      return true;
    }
    if (isArticleBody(el) || c >= WRAPPER_SHARE * total) return false;
    const why = furnitureElement(el, look, { strict });
    const lede = why && strict ? headerLede(el) : null;
    if (lede) {
      ledes.set(el, lede);
      return false;
    }
    if (why && isCaptionElement(el)) {
      captionWhy.set(el, why);
      return false;
    }
    if (why) dropped.push({ why, text: normalizeSpace(el.textContent).slice(0, 80) });
    return !!why;
  };
  const cut = cutBlocks(root, {
    keep: (t) => chosen.has(t) && rendering.isVisibleText(t),
    lookOf: (el) => rendering.lookOf(el),
    marksOf: (el) => rendering.marksOf(el),
    skip,
  });

  let blocks = [];
  const captions = new Map(); // a caption element → its blocks, counter and credit aside
  for (const c of cut) {
    let { text, entries } = buildText(c.pieces);
    let first = c.first;
    const caption = captionAround(c.el);
    if (caption) {
      const [start, end] = captionProse(text);
      const pieces = slicePieces(c.pieces, entries, start, end);
      ({ text, entries } = buildText(pieces));
      first = pieces[0]?.node;
    }
    if (!text) continue;
    const block = { el: c.el, key: first, text, entries, words: blockWords(text), linkShare: c.linkChars / c.chars };
    const why = blockFurniture(block, docs[0].title);
    if (why) dropped.push({ why, text: text.slice(0, 80) });
    else if (caption) captions.set(caption, [...(captions.get(caption) ?? []), block]);
    if (!why) blocks.push(block);
  }
  // Captions that tell the story are a flow of their own beside the paragraphs (an essay's short
  // introduction is not a box off the captions' flow).
  let told = new Set();
  if (captions.size) ({ blocks, told } = withCaptions(blocks, captions, captionWhy, dropped));
  if (strict) blocks = withGaps(blocks, { focus: layoutRegion(focus), chosen, rendering, chars, total });
  blocks = headlinedStory(firstStory(withinArticleElement(docs, withinMainDocument(blocks))), pageTitles(docs[0]));
  // The authors are looked up only when a last block could be a bio (most stories end otherwise).
  let authors = null;
  for (const b of blocks.slice(-BIO_FROM_END)) {
    if (isAuthorBio(b, () => (authors ??= authorNames(docs)))) {
      dropped.push({ why: "author bio", text: b.text.slice(0, 80) });
      blocks = blocks.filter((x) => x !== b);
    }
  }
  const off = offFlow(blocks.filter((b) => !told.has(b)));
  const repeated = repeats(blocks, off);
  const kept = [];
  for (const b of blocks) {
    const why = off.has(b) ? "off the story's flow" : repeated.has(b) ? "repeats the text" : null;
    if (why) dropped.push({ why, text: b.text.slice(0, 80) });
    else kept.push({ el: b.el, key: b.key, text: b.text, hash: hashText(b.text), entries: b.entries, linkShare: b.linkShare });
  }
  // An attribution line is kept only with its passage (not beside a pull quote left out).
  const orphan = (b) => {
    const quote = attributionOf(b.el, b.entries.map((e) => e.node));
    return quote && !kept.some((o) => o !== b && quote.contains(o.el));
  };
  for (const b of kept.filter(orphan)) {
    dropped.push({ why: "attribution of a quote left out", text: b.text.slice(0, 80) });
    kept.splice(kept.indexOf(b), 1);
  }
  return { root, focus, blocks: kept, dropped };
}

/** What the page calls its story: its <title> and its og:title. */
function pageTitles(doc) {
  return [doc.title, doc.querySelector('meta[property="og:title"]')?.getAttribute("content")].filter(Boolean);
}

// How far up from Readability's pick a header with the story's lede is looked for.
const LEDE_MAX_LEVELS = 3;

/** The chosen text with the story's lede when Readability took the body after the article's
 * header but not the lede inside it: the lede is the story's first paragraph. */
function withHeaderLede(chosen) {
  let n = composedCommonAncestor([...chosen]);
  for (let level = 0; n && level < LEDE_MAX_LEVELS; level++, n = n.parentElement) {
    for (let sib = n.previousElementSibling; sib; sib = sib.previousElementSibling) {
      const lede = headerLede(sib);
      if (!lede) continue;
      const texts = [];
      const walker = lede.ownerDocument.createTreeWalker(lede, 0x4);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) if (/\S/.test(t.data)) texts.push(t);
      return texts.every((t) => chosen.has(t)) ? chosen : new Set([...texts, ...chosen]);
    }
  }
  return chosen;
}

/** The blocks with the captions' blocks kept when the captions carry the story (a photo
 * essay), else without them: `captions` maps each caption element to its blocks, `why` to why
 * it is furniture. `told`: the captions' blocks kept. */
function withCaptions(blocks, captions, why, dropped) {
  const inCaptions = new Set([...captions.values()].flat());
  const bodyChars = blocks.reduce((n, b) => n + (inCaptions.has(b) ? 0 : b.text.length), 0);
  const texts = [...captions.values()].map((caption) => caption.map((b) => b.text).join(" "));
  if (captionsCarryStory(texts, bodyChars)) return { blocks, told: inCaptions };
  for (const [el, caption] of captions) dropped.push({ why: why.get(el), text: caption.map((b) => b.text).join(" ").slice(0, 80) });
  return { blocks: blocks.filter((b) => !inCaptions.has(b)), told: new Set() };
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
export function findArticle(doc, options) {
  return withVerdictsKept(() => search(doc, options));
}

function search(doc, { exclude, forced = false } = {}) {
  const docs = readableDocuments(doc);
  const signals = metadataSignals(docs);
  const early = decide(signals);
  if (early.isArticle === false && !forced) return { isArticle: false, rule: early.rule, root: null, blocks: [], dropped: [] };

  const excluded = new Set(exclude ? [exclude] : []);
  const rendering = new Rendering();
  // Asked to analyse whatever the page holds, Readability reads all of it.
  const narrow = !forced;
  let { flat, chosen } = readabilityChoice(doc, excluded, { narrow });
  let found = chosen?.size ? articleBlocks(docs, rendering, chosen) : { root: null, blocks: [], dropped: [] };
  // Readability scores paragraphs, and a rail of two hundred teasers with a comma each can
  // outscore the story: when its pick is plainly not a story, leave that region out and ask again.
  for (let i = 0; i < MAX_REPICKS; i++) {
    const wrong = misplaced(found, doc);
    if (!wrong) break;
    excluded.add(wrong);
    const again = readabilityChoice(doc, excluded, { narrow });
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
  let speech = 0;
  for (const b of blocks) {
    chars += b.text.length;
    if (reportsSpeech(b.text)) speech++;
    links += b.linkShare * b.text.length;
    if (enclosing(b.el, "article, [role=article]")) inArticle += b.text.length;
  }
  return {
    chars,
    blocks: blocks.length,
    linkShare: chars ? links / chars : 0,
    linkedHeadings: linkedHeadings(root),
    inArticleElement: chars ? inArticle / chars : 0,
    speech,
  };
}

/** The nearest composed ancestor (or self) matching `selector`. */
function enclosing(el, selector) {
  for (let n = el; n; n = composedParentElement(n)) if (n.matches?.(selector)) return n;
  return null;
}
