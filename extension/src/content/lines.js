// Pages built one visual line per element: a PDF converted to HTML (an absolutely positioned
// `white-space: pre` <div> per printed line), a digitised newspaper's OCR text (a
// `<div class=line>` per line of print), or a split-text animation's paragraph (a `nowrap` block
// <span> per line, its words in inline boxes that slide in). Cut at block boundaries, every line would be a paragraph
// of its own, and a quote running over two lines would reach the engine in halves. Such lines
// are put back together into the paragraphs the reader sees, told apart as print tells them: a
// wider gap between lines, an indented first line, a change of type. And a converted document's
// running header and footer, printed again on every page, are not its text.
//
// Only computed styles are read (no layout), so the rule holds wherever styles are computed.

// A run of at least this many line elements, side by side, is a page set line by line; fewer
// are a couple of one-line boxes (a label and a date).
const MIN_RUN = 3;
// A line whose text is this long is no single printed line.
const MAX_LINE_CHARS = 160;
// A gap between two lines' tops wider than this many times the run's line pitch opens a paragraph.
const PARAGRAPH_GAP = 1.3;
// A running header or footer is short.
const RUNNING_MAX_CHARS = 120;

/** Does the element's text stay on one line, whatever its width (nowrap, pre)? */
function unwrapped(look) {
  return look.whiteSpace === "nowrap" || look.whiteSpace === "pre";
}

function textOf(block) {
  return block.pieces.map((p) => (p.node && !p.mark ? p.node.data.slice(p.start ?? 0, p.end ?? p.node.data.length) : " ")).join("");
}

/** Does the element hold nothing but text in inline boxes? A split-text animation wraps each
 * printed line's words in inline(-block) spans that slide in; a box of blocks is no line. */
function onlyInline(el, lookOf) {
  for (const child of el.querySelectorAll("*")) {
    const display = lookOf(child)?.display;
    if (display && !display.startsWith("inline") && display !== "contents") return false;
  }
  return true;
}

/** Is the block one line element of its own (its element holding nothing but its text, bare or
 * in inline boxes)? */
function isLine(block, lookOf) {
  const look = lookOf(block.el);
  return !!look && unwrapped(look) && textOf(block).trim().length <= MAX_LINE_CHARS && onlyInline(block.el, lookOf);
}

function top(look) {
  return look.position === "absolute" || look.position === "relative" ? parseFloat(look.top) : NaN;
}

/** Does line `b`, right after line `a`, open a new paragraph? `pitch`: the run's line spacing. */
function opensParagraph(a, b, lookOf, pitch) {
  const la = lookOf(a.el);
  const lb = lookOf(b.el);
  // A <p> of lines is a paragraph of its own: its last line never runs on into the next one's.
  const pa = a.el.parentElement;
  const pb = b.el.parentElement;
  if (pa !== pb && (pa?.localName === "p" || pb?.localName === "p")) return true;
  if (parseFloat(lb.textIndent) || parseFloat(lb.marginTop)) return true;
  if (la.fontSize !== lb.fontSize || la.fontWeight !== lb.fontWeight) return true;
  const gap = top(lb) - top(la);
  if (Number.isNaN(gap)) return false;
  return gap < 0 || gap > PARAGRAPH_GAP * pitch;
}

/** Is line element `b` the one after `a`: its next sibling, or the first line of the next
 * column when `a` ends its own? */
function follows(a, b) {
  if (a === b.previousElementSibling) return true;
  return !a.nextElementSibling && !b.previousElementSibling && !!a.parentElement && a.parentElement.nextElementSibling === b.parentElement;
}

/** The runs of consecutive line blocks that are sibling elements, as [start, end) indices. */
function lineRuns(blocks, lookOf) {
  const runs = [];
  let start = -1;
  blocks.forEach((b, i) => {
    const line = isLine(b, lookOf);
    const continues = line && start >= 0 && follows(blocks[i - 1].el, b.el);
    if (continues) return;
    if (start >= 0 && i - start >= MIN_RUN) runs.push([start, i]);
    start = line ? i : -1;
  });
  if (start >= 0 && blocks.length - start >= MIN_RUN) runs.push([start, blocks.length]);
  return runs;
}

/** The run's line pitch: the smallest positive step between two lines' tops (NaN unpositioned). */
function pitchOf(run, lookOf) {
  let pitch = Infinity;
  for (let i = 1; i < run.length; i++) {
    const step = top(lookOf(run[i].el)) - top(lookOf(run[i - 1].el));
    if (step > 0) pitch = Math.min(pitch, step);
  }
  return Number.isFinite(pitch) ? pitch : NaN;
}

/** One paragraph's block from its lines: their text, a space between two lines. */
function joined(lines) {
  const first = lines[0];
  // The paragraph's element holds all of its lines: their container, or the columns' one.
  let el = first.el.parentElement ?? first.el;
  while (el.parentElement && !el.contains(lines[lines.length - 1].el)) el = el.parentElement;
  const block = { ...first, pieces: [...first.pieces], el, lines: lines.length };
  for (const line of lines.slice(1)) {
    block.pieces.push({ br: true }, ...line.pieces);
    block.chars += line.chars;
    block.linkChars += line.linkChars;
  }
  return block;
}

/**
 * The blocks with every run of line elements joined into paragraphs, and the lines repeated on
 * every page of a converted document (its running header and footer, page numbers aside) left out.
 * @param {import("./blocks.js").CutBlock[]} blocks in reading order
 * @param {(el: Element) => object | undefined} lookOf
 */
export function joinLines(blocks, lookOf) {
  const runs = lineRuns(blocks, lookOf);
  if (!runs.length) return blocks;
  const out = [];
  const paragraphs = new Set();
  let at = 0;
  for (const [start, end] of runs) {
    out.push(...blocks.slice(at, start));
    const run = blocks.slice(start, end);
    const pitch = pitchOf(run, lookOf);
    let lines = [run[0]];
    for (let i = 1; i <= run.length; i++) {
      if (i < run.length && !opensParagraph(run[i - 1], run[i], lookOf, pitch)) {
        lines.push(run[i]);
        continue;
      }
      const paragraph = joined(lines);
      paragraphs.add(paragraph);
      out.push(paragraph);
      lines = [run[i]];
    }
    at = end;
  }
  out.push(...blocks.slice(at));
  return withoutRunningLines(out, paragraphs);
}

/** A converted document's pages each repeat its running header and footer ("Notice 2026/47",
 * "Page 2 of 3"): text found, numbers aside, in more than one page's container is not the story. */
function withoutRunningLines(blocks, paragraphs) {
  const pages = new Map(); // text, numbers aside → the containers it is found in
  const keyOf = (b) => textOf(b).replace(/\p{N}+/gu, "#").replace(/\s+/g, " ").trim();
  for (const b of paragraphs) {
    const key = keyOf(b);
    if (key.length > RUNNING_MAX_CHARS) continue;
    if (!pages.has(key)) pages.set(key, new Set());
    pages.get(key).add(b.el);
  }
  return blocks.filter((b) => !paragraphs.has(b) || (pages.get(keyOf(b))?.size ?? 0) < 2);
}
