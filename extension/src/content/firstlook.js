// A first look at the story's paragraphs, for the quotes painted before the article is found.
//
// Finding the article (extract.js) holds the main thread for tens of milliseconds on a reader's
// first visit, most of it Readability and the furniture rules running cold. The quotes the
// page's marks give need only the story's paragraphs, and on a page marked up the plain way —
// one <article>, its story told in <p>s side by side — those can be read at once. This look is
// taken only where the markup leaves no doubt, and takes only what the full search keeps too:
// paragraphs of prose, each nothing but text and inline markup, in the one <article>, outside
// any box inside it (quotations, asides, figures, lists, headers, footers), outside anything
// named furniture, before any heading that opens furniture ("Comments (12)"), side by side in
// the element that holds most of the story's text. A page whose metadata says it is no
// article, a page with several <article>s (a listing, a thread of comments), an article whose
// text is mostly something else: no first look, and the quotes wait for the full search. That
// search then takes over; a paragraph it keeps has the same text, so its quotes stay as painted.

import { decide, metadataSignals, MIN_PROSE_CHARS } from "./articleness.js";
import { cutBlocks, isBlockLevel } from "./blocks.js";
import { blockWords, furnitureBlock, furnitureElement, isArticleBody, isFurnitureHeading } from "./furniture.js";
import { hashText } from "./hash.js";
import { buildText } from "./offsets.js";
import { Rendering } from "./rendering.js";

// Boxes inside an article whose paragraphs are not the story's running text, or may not be.
const BOXES = new Set([
  "blockquote", "aside", "figure", "figcaption", "header", "footer", "nav", "form", "li", "ul", "ol", "dl",
  "table", "details", "dialog", "address", "menu", "fieldset", "q", "a", "button", "template", "pre",
  // A copy for browsers without script: never drawn where scripts run, and never read by the search.
  "noscript",
]);
// What a paragraph of prose holds besides text: inline markup only.
const INLINE = new Set([
  "a", "em", "strong", "b", "i", "u", "s", "span", "q", "abbr", "time", "cite", "mark", "small", "sub", "sup",
  "code", "dfn", "kbd", "var", "bdi", "bdo", "data", "del", "ins", "wbr",
]);
const HEADINGS = "h1, h2, h3, h4, h5, h6, [role=heading]";
// The story's paragraphs must be most of the article's text, and enough of them to be a story.
const MIN_SHARE = 0.6;
const MIN_PARAGRAPHS = 3;

/** Is every element inside `p` inline markup, rendered inline? */
function plainProse(p, rendering) {
  for (const el of p.getElementsByTagName("*")) {
    if (!INLINE.has(el.localName)) return false;
    const look = rendering.lookOf(el);
    if (look && isBlockLevel(look.display)) return false;
  }
  return true;
}

/** Is anything from `p` up to the page's body a box or furniture (the story's body aside)?
 * `verdicts` keeps each element's, for the paragraphs that share it. */
function boxed(p, article, rendering, verdicts) {
  for (let el = p; el && el.localName !== "body"; el = el.parentElement) {
    let box = verdicts.get(el);
    if (box === undefined) {
      box = (el !== p && el !== article && BOXES.has(el.localName)) || (!isArticleBody(el) && !!furnitureElement(el, rendering.lookOf(el)));
      verdicts.set(el, box);
    }
    if (box) return true;
  }
  return false;
}

/** The paragraphs of the story's own flow: those side by side in the element that holds most of
 * the text. A standfirst in its wrapper, an author's box, a note after the story stand elsewhere
 * (the full search tells which of them are the story's; this look leaves them to it). */
function storyFlow(blocks) {
  const chars = new Map();
  for (const b of blocks) chars.set(b.el.parentElement, (chars.get(b.el.parentElement) ?? 0) + b.text.length);
  let flow = null;
  for (const [parent, n] of chars) if (!flow || n > chars.get(flow)) flow = parent;
  return blocks.filter((b) => b.el.parentElement === flow);
}

/**
 * The story's paragraphs as blocks ({el, key, text, hash, entries}, as findArticle gives them),
 * where the markup leaves no doubt what they are; else null.
 * @param {Document} doc
 * @param {Rendering} [rendering]
 */
export function firstLook(doc, rendering = new Rendering()) {
  const articles = doc.getElementsByTagName("article");
  if (articles.length !== 1 || !doc.body) return null;
  const article = articles[0];
  if (decide(metadataSignals([doc])).isArticle === false) return null;
  if (!rendering.isRendered(article)) return null;
  let blocks = [];
  const verdicts = new Map();
  for (const el of article.querySelectorAll(`p, ${HEADINGS}`)) {
    if (el.localName !== "p") {
      // What a furniture heading opens runs to the next heading of its level: to be sure, the
      // look stops there.
      if (isFurnitureHeading(el.textContent)) break;
      continue;
    }
    if (!rendering.isRendered(el) || !plainProse(el, rendering) || boxed(el, article, rendering, verdicts)) continue;
    // A <q>'s drawn marks are read in, as the search reads them: the paragraph's text, and so its
    // quotes, must be the same in both.
    const cut = cutBlocks(el, { keep: (t) => rendering.isVisibleText(t), lookOf: (e) => rendering.lookOf(e), marksOf: (e) => rendering.marksOf(e), skip: () => true });
    if (cut.length !== 1) continue;
    const { text, entries } = buildText(cut[0].pieces);
    if (!text) continue;
    const block = { el, key: cut[0].first, text, entries, words: blockWords(text), linkShare: cut[0].linkChars / cut[0].chars };
    if (!furnitureBlock(block)) blocks.push(block);
  }
  // (An author's bio at the end is not told apart: it has no quotation marks, so no quotes.)
  blocks = storyFlow(blocks);
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  const whole = article.textContent.replace(/\s+/g, " ").trim().length;
  if (blocks.length < MIN_PARAGRAPHS || chars < MIN_PROSE_CHARS || chars < MIN_SHARE * whole) return null;
  const seen = new Set();
  const out = [];
  for (const b of blocks) {
    const hash = hashText(b.text);
    if (seen.has(hash)) continue; // a paragraph said twice: the full search decides which is the story's
    seen.add(hash);
    out.push({ el: b.el, key: b.key, text: b.text, hash, entries: b.entries, linkShare: b.linkShare });
  }
  return out;
}
