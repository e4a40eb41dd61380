// Cuts an article into blocks — the paragraphs the daemon analyses one by one — at the
// boundaries a reader sees, whatever the markup: block-level elements (by their computed
// display, so <p>, <div>, <section>, a custom element styled display:block, a table cell, a
// list item and a live-blog entry all count), runs of two or more <br>, and blank lines in
// preformatted text; an element per printed line is a line of a paragraph (lines.js). A block is a list of text pieces (whole text nodes, or part of one in
// preformatted text) in the composed tree: shadow trees and same-origin frames included.
// What a furniture heading opens ("Readers' comments (3)", "More on this story") is left out
// up to the next heading of its level: on sites without class names that heading is all
// that tells a comment thread from the story above it. The quotation marks a browser draws
// around a <q> are text of the block too, though no text node holds them (generated.js): each is
// a piece of its own, anchored where the quote's text begins or ends. Only reads the DOM.

import { composedChildren, isFrame } from "./composed.js";
import { isCreditLine, isFurnitureHeading, isNoteReference } from "./furniture.js";
import { joinLines } from "./lines.js";

/** Block-level in the sense of "starts a new line of its own" (list items, cells, flex items…). */
export function isBlockLevel(display) {
  return !!display && !display.startsWith("inline") && display !== "contents" && !display.startsWith("ruby");
}

// A float is block-level by its computed display, but a floated initial (a drop cap: "T"
// beside "he council said…") is part of the word it begins.
const DROP_CAP_CHARS = 3;

function breaksLine(el, look) {
  // A frame is a document of its own, whatever its box: never part of a paragraph around it.
  if (isFrame(el)) return true;
  if (!isBlockLevel(look.display)) return false;
  if (look.float === "left" || look.float === "right") return el.textContent.trim().length > DROP_CAP_CHARS;
  return true;
}

// A box taken out of the flow (positioned absolutely or fixed) and hidden (a glossary term's
// definition, shown on hover) draws nothing where it stands: the sentence around it runs on,
// though its computed display is block.
function hiddenOutOfFlow(look) {
  return (look.position === "absolute" || look.position === "fixed") && (look.visibility === "hidden" || look.visibility === "collapse");
}

// A box blurred past reading (a paywall's locked paragraphs, `filter: blur(6px)`, left in the page
// under the subscribe box) is not text a reader can read. Only a box inside the cut: a wall that
// blurs the whole page behind a consent or sign-up dialog blurs an element around the story.
const UNREADABLE_BLUR_PX = 3;

function blurredPastReading(look) {
  const m = /blur\(\s*([\d.]+)px\s*\)/.exec(look.filter || "");
  return !!m && parseFloat(m[1]) >= UNREADABLE_BLUR_PX;
}

// A counter or mark set in the margin beside a paragraph (a numbered paragraph's "3", taken out of
// the flow by absolute positioning): drawn apart from the sentence, it is no word of it.
const MARGIN_MARK = /^(\p{N}{1,4}[.)]?|[#*†‡§¶])$/u;

function marginMark(el, look) {
  return (look.position === "absolute" || look.position === "fixed") && MARGIN_MARK.test(el.textContent.trim());
}

// A ruby's reading (<rt>, drawn above its word: "提灯" read "chōchin") and the parentheses
// around it for browsers without ruby (<rp>): an annotation of the word, not words of the
// sentence; read into it, they would glue the reading to the word ("提灯chōchin").
const RUBY_ANNOTATIONS = new Set(["rt", "rp"]);

// Words an editor struck out (<del>, drawn struck through beside the <ins> that corrects them):
// what the page withdrew, not what it says now, nor, inside a quote, what was said. Read in,
// they would put both versions in one sentence ("stays in place every day on weekdays").
const WITHDRAWN = new Set(["del"]);

const HEADING = /^h([1-6])$/;
// Pages without heading elements (an old CMS's table layout) set a heading as a line of bold
// text: it ranks below every real heading, so that any heading ends its section.
const BOLD = new Set(["b", "strong"]);
const BOLD_LEVEL = 7;

/** The level of a heading (an <h1>–<h6>, a role=heading, a line all in bold, or an element
 * wrapping only one), or 0. */
function headingLevel(el) {
  // Asked of every element the article is cut from: its text is read only for a heading inside it.
  let whole;
  const wholeText = () => (whole ??= el.textContent.trim());
  for (let n = el; n; n = n.childElementCount === 1 ? n.firstElementChild : null) {
    const m = HEADING.exec(n.localName);
    if (m) return n === el || n.textContent.trim() === wholeText() ? Number(m[1]) : 0;
    if (n.getAttribute("role") === "heading") return Number(n.getAttribute("aria-level")) || 2;
    if (BOLD.has(n.localName)) return n !== el && wholeText() && n.textContent.trim() === wholeText() ? BOLD_LEVEL : 0;
  }
  return 0;
}

/** The text of the block so far. */
function textOf(block) {
  return block.pieces.map((p) => (p.node ? p.node.data.slice(p.start ?? 0, p.end ?? p.node.data.length) : " ")).join("");
}

/** Is the block so far one line all in bold? Ended by a <br>, it is a heading line of a page
 * without heading elements ("<b>Mill fire</b><br>Posted Friday…"), not the start of a paragraph. */
function boldLine(block) {
  if (!block) return false;
  const texts = block.pieces.filter((p) => p.node && !p.mark && /\S/.test(p.node.data));
  return texts.length > 0 && texts.every((p) => !!p.node.parentElement?.closest("b, strong")) && !block.pieces.some((p) => p.br);
}

// An interview set as a table: a row per turn, the speaker's label ("Q:", "Adeyemi-Cole:", "Q")
// in the first of its two cells. Only a short label, so that a layout table's cells stay apart.
// A transcript set as a definition list does the same with a <dt> label and the <dd> after it.
const LABEL_CELL = /^([\p{L}][\p{L}.'’ -]{0,30}:|Q|A)$/u;

function isLabelCell(el, look) {
  if (el.localName === "dt") return isLabelTerm(el);
  if (look.display !== "table-cell" || el.previousElementSibling) return false;
  const next = el.nextElementSibling;
  if (!next || next.nextElementSibling || el.childElementCount > 1) return false;
  return LABEL_CELL.test(el.textContent.trim());
}

/** Is a <dt> a speaker's label ("Q:", "Okafor:") for the turn in the <dd> after it? A term that
 * is a question or a word being defined stays a block of its own. */
function isLabelTerm(el) {
  return el.nextElementSibling?.localName === "dd" && el.childElementCount <= 1 && LABEL_CELL.test(el.textContent.trim());
}

function isPreformatted(look) {
  return /^(pre|break-spaces)/.test(look?.whiteSpace ?? "");
}

const BLANK_LINE = /\n[ \t\r]*\n\s*/g;

/** [start, end) segments of a preformatted text's data: paragraphs between blank lines, and a
 * credit line cut from the paragraph it ends. */
function preSegments(data) {
  const cuts = []; // [end of one segment, start of the next]
  for (const m of data.matchAll(BLANK_LINE)) cuts.push([m.index, m.index + m[0].length]);
  for (let i = data.indexOf("\n"); i >= 0; i = data.indexOf("\n", i + 1)) {
    const next = data.indexOf("\n", i + 1);
    if (isCreditLine(data.slice(i + 1, next < 0 ? data.length : next))) cuts.push([i, i + 1]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const segments = [];
  let from = 0;
  for (const [end, next] of cuts) {
    if (end < from) continue;
    if (end > from) segments.push([from, end]);
    from = next;
  }
  if (from < data.length) segments.push([from, data.length]);
  return segments;
}

/** Puts the marks drawn around an inline element into `block`, whose pieces from `from` on are
 * the element's text: the opening one before its first word, the closing one after its last. */
function drawMarks(block, from, { before, after }) {
  const words = block.pieces.slice(from).filter((p) => p.node && /\S/.test(p.node.data.slice(p.start ?? 0, p.end ?? p.node.data.length)));
  if (!words.length) return;
  const first = words[0];
  const last = words[words.length - 1];
  if (after) block.pieces.splice(block.pieces.lastIndexOf(last) + 1, 0, { mark: after, node: last.node, offset: last.end ?? last.node.data.length });
  if (before) block.pieces.splice(block.pieces.indexOf(first, from), 0, { mark: before, node: first.node, offset: first.start ?? 0 });
}

/**
 * @typedef {{pieces: Array<{node: Text, start?: number, end?: number} | {br: true} |
 *   {mark: string, node: Text, offset: number}>, el: Element, first: Text, chars: number,
 *   linkChars: number}} CutBlock
 * @param {Element} root where to cut (in the composed tree)
 * @param {{keep: (t: Text) => boolean, lookOf: (el: Element) => object | undefined,
 *   skip: (el: Element, look: object) => boolean,
 *   marksOf?: (el: Element) => {before: string, after: string} | undefined}} how `keep`: is this
 *   text article text; `lookOf`: how an element is rendered (undefined: not rendered); `skip`:
 *   leave out this block-level element and everything in it; `marksOf`: the marks drawn around
 *   an inline element (a <q>'s quotation marks)
 * @returns {CutBlock[]} in reading order
 */
export function cutBlocks(root, { keep, lookOf, skip, marksOf }) {
  const blocks = [];
  const containers = [root]; // the block-level elements the walk is in
  let current = null;
  let brRun = 0;
  let labelled = null; // the block a speaker's label cell began

  const flush = () => {
    if (current && current.chars > 0) blocks.push(current);
    current = null;
    brRun = 0;
  };
  const add = (node, start, end, inLink) => {
    const data = node.data.slice(start ?? 0, end ?? node.data.length);
    const chars = data.replace(/\s+/g, "").length;
    if (!current) {
      if (!chars) return; // whitespace before a block's first word adds nothing
      current = { pieces: [], el: containers[containers.length - 1], first: node, chars: 0, linkChars: 0 };
    }
    current.pieces.push(start === undefined ? { node } : { node, start, end });
    current.chars += chars;
    if (inLink) current.linkChars += chars;
    if (chars) brRun = 0;
  };

  const text = (node, inLink, pre) => {
    const spaceOnly = !/\S/.test(node.data);
    // Whitespace between two inline elements keeps their words apart even where
    // Readability dropped it.
    if (!spaceOnly && !keep(node)) return;
    if (!pre || spaceOnly) return add(node, undefined, undefined, inLink);
    const segments = preSegments(node.data);
    segments.forEach(([s, e], i) => {
      if (i > 0) flush();
      add(node, s, e, inLink);
    });
    // A blank line at the very end of the node closes the block too.
    const last = segments[segments.length - 1];
    if (last && /\n[ \t\r]*\n\s*$/.test(node.data.slice(last[1])) ) flush();
  };

  const visit = (node, inLink, pre) => {
    let furnitureSection = 0; // the level of the furniture heading whose section this is, or 0
    for (const child of composedChildren(node)) {
      const look = child.nodeType === 1 ? lookOf(child) : undefined;
      if (look) {
        let level = headingLevel(child);
        // Bold words inside a line of text are emphasis, not a heading.
        if (level === BOLD_LEVEL && !breaksLine(child, look)) level = 0;
        if (level && furnitureSection && level <= furnitureSection) furnitureSection = 0;
        if (level && isFurnitureHeading(child.textContent)) furnitureSection = level;
      }
      if (furnitureSection) {
        flush();
        continue;
      }
      if (child.nodeType === 3) {
        text(child, inLink, pre);
        continue;
      }
      if (child.nodeType !== 1) continue;
      if (child.localName === "br") {
        brRun++;
        // A line all in bold naming furniture ("<b>Reader Comments</b><br>…") opens its section,
        // as a heading would: what follows it in this element is not the story.
        if (boldLine(current) && isFurnitureHeading(textOf(current))) {
          furnitureSection = BOLD_LEVEL;
          current = null;
          continue;
        }
        if (brRun >= 2 || boldLine(current)) flush();
        else if (current) current.pieces.push({ br: true });
        continue;
      }
      // A rule is drawn as an empty box with its overflow hidden (the browser's own style for
      // <hr>), which reads as collapsed: it still parts the text on either side.
      if (child.localName === "hr") {
        flush();
        continue;
      }
      // Not rendered, drawn nowhere in the text, drawn in the margin, unreadable, a ruby's reading, or struck out.
      if (!look || hiddenOutOfFlow(look) || marginMark(child, look) || blurredPastReading(look) || RUBY_ANNOTATIONS.has(child.localName) || WITHDRAWN.has(child.localName)) continue;
      const link = inLink || (child.localName === "a" && child.hasAttribute("href"));
      if (!breaksLine(child, look)) {
        if (isNoteReference(child, look)) continue;
        const before = current;
        const from = current?.pieces.length ?? 0;
        visit(child, link, isPreformatted(look));
        // Asked only of an element whose text was kept: reading what is drawn around an element
        // costs two style lookups, and a page's menus hold thousands of inline links.
        if (current && (current === before || !before) && current.pieces.length > (before ? from : 0)) {
          const marks = marksOf?.(child);
          if (marks) drawMarks(current, before ? from : 0, marks);
        }
        continue;
      }
      // A speaker's label in a cell of its own ("Q:" | the question) begins the turn beside it.
      if (isLabelCell(child, look)) {
        flush();
        if (skip(child, look)) continue;
        // A table's turn is its row's; a definition list's has no row, so it is its label's.
        const term = child.localName === "dt";
        if (term) containers.push(child);
        visit(child, link, false);
        if (term) containers.pop();
        if (current) current.pieces.push({ br: true });
        labelled = current;
        continue;
      }
      if (labelled && labelled === current && child.previousElementSibling && isLabelCell(child.previousElementSibling, lookOf(child.previousElementSibling))) {
        if (!skip(child, look)) visit(child, link, isPreformatted(look));
        flush();
        continue;
      }
      flush();
      if (skip(child, look)) continue;
      containers.push(child);
      visit(child, link, isPreformatted(look));
      flush();
      containers.pop();
    }
  };

  visit(root, false, isPreformatted(lookOf(root)));
  flush();
  // A page set one element per printed line (a converted PDF, OCR text) is read in paragraphs.
  return joinLines(blocks, lookOf);
}
