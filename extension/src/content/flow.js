// The story's flow: how its paragraphs sit in the markup, and what that says about the
// blocks around them — a box off the flow that does not read as prose (a fact box, a line-up),
// a pull quote repeating the body, a second story appended below the first, text outside the
// page's own article element. Pure functions over cut blocks ({el, text, words, key}).

import { composedContains, composedParentElement } from "./composed.js";
import { attributedQuote, hasQuoteMark, isFurnitureFrame, nameWords } from "./furniture.js";

// Where the page marks up its article and most of the text is inside, text outside it is not
// the story (a ticker, a teaser Readability swept in).
const ARTICLE_SELECTOR = "[itemprop~=articleBody], article, main, [role=main]";
const ARTICLE_SHARE = 0.8;
// Blocks off the story's flow (in a box of their own) are kept only when they read as prose.
const FLOW_MIN_BLOCKS = 3;
const OFF_FLOW_MIN_WORDS = 20;
const OFF_FLOW_MIN_LOWERCASE = 0.35;
// A definition list holding this many of the flow's blocks is part of the flow.
const FLOW_LIST_MIN_BLOCKS = 2;
// A block whose letters all appear in a longer block repeats it (a pull quote).
const REPEAT_MIN_LETTERS = 24;
const REPEAT_MAX_WORDS = 80; // a pull quote is short; longer blocks are not searched for repeats

function letters(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

export function flowKey(el) {
  const parent = composedParentElement(el);
  const words = new Set(parent ? nameWords(parent.getAttribute("class") ?? "") : []);
  return { tag: el.localName, parentTag: parent?.localName ?? "", words };
}

export function sameFlow(a, b) {
  if (a.tag !== b.tag || a.parentTag !== b.parentTag) return false;
  if (!a.words.size && !b.words.size) return true;
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared++;
  return shared / (a.words.size + b.words.size - shared) >= 0.5;
}

/** The blocks grouped by their place in the markup, and the group that is the story's flow
 * (most of the text, in at least a few blocks), or null. */
export function flowGroups(blocks) {
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
export function offFlow(blocks) {
  const { groups, main } = flowGroups(blocks);
  if (!main) return new Set();
  // A list standing among the paragraphs is part of the text (a list article, bullet points);
  // a list inside a box of its own is not.
  const flowParents = new Set(main.blocks.map((b) => composedParentElement(b.el)));
  const inFlowList = (el) => el.localName === "li" && flowParents.has(composedParentElement(composedParentElement(el)));
  // A definition list's terms go with its definitions (an interview's questions set as <dt>s
  // before the <dd> answers): they are in the flow when the list holds a few of its blocks.
  const flowLists = new Map(); // a <dl> → how many of the flow's blocks it holds
  for (const b of main.blocks) {
    const dl = definitionListOf(b.el);
    if (dl) flowLists.set(dl, (flowLists.get(dl) ?? 0) + 1);
  }
  const inFlowDefinitionList = (el) => (flowLists.get(definitionListOf(el)) ?? 0) >= FLOW_LIST_MIN_BLOCKS;
  // When such a list holds the flow (a transcript's turns), the paragraphs beside it, in the same
  // container, are the story's narration between and after the turns.
  const listParents = new Set([...flowLists].filter(([, n]) => n >= FLOW_LIST_MIN_BLOCKS).map(([dl]) => composedParentElement(dl)));
  const besideFlowList = (el) => listParents.has(composedParentElement(el));
  // A passage quoted in a <blockquote> (a statement read out, a judgment's paragraphs) reads as
  // one: its short closing paragraph is as much prose as the long ones before it, and so is the
  // line naming its source (a pull quote's attribution goes later, with the quote it names),
  // inside the <blockquote> or, a quote figure's caption, beside it.
  const passages = new Map(); // a <blockquote> → the words of its blocks
  const passageOf = (el) => {
    const named = attributedQuote(el);
    if (named) return named;
    for (let n = el; n; n = composedParentElement(n)) if (n.localName === "blockquote") return n;
    return null;
  };
  for (const b of blocks) {
    const q = passageOf(b.el);
    if (q) passages.set(q, [...(passages.get(q) ?? []), ...b.words]);
  }
  const out = new Set();
  for (const g of groups) {
    if (g === main) continue;
    for (const b of g.blocks) {
      if (inFlowList(b.el) || inFlowDefinitionList(b.el) || besideFlowList(b.el)) continue;
      const passage = passages.get(passageOf(b.el));
      if (passage && readsAsProse(passage)) continue;
      if ((b.words.length < OFF_FLOW_MIN_WORDS && !hasQuoteMark(b.text)) || lowerShare(b.words) < OFF_FLOW_MIN_LOWERCASE) out.add(b);
    }
  }
  return out;
}

/** The <dl> a <dt> or <dd> belongs to (directly, or through the <div> HTML allows around a
 * term and its definitions), or null. */
function definitionListOf(el) {
  if (el.localName !== "dt" && el.localName !== "dd") return null;
  let list = composedParentElement(el);
  if (list?.localName === "div") list = composedParentElement(list);
  return list?.localName === "dl" ? list : null;
}

function lowerShare(ws) {
  return ws.length ? ws.filter((w) => /^\p{Ll}/u.test(w)).length / ws.length : 0;
}

/** Enough words, enough of them in lower case: running prose, not a box of names and figures. */
function readsAsProse(ws) {
  return ws.length >= OFF_FLOW_MIN_WORDS && lowerShare(ws) >= OFF_FLOW_MIN_LOWERCASE;
}

// Quotations in double marks or guillemets (single marks are too often apostrophes).
const QUOTATION = /“[^“”]+”|„[^“”]+“|«[^«»]+»|"[^"]+"/g;
// A box off the flow is a pull quote when the body's quotations are most of it, whatever it
// adds around them (a "— Name" line, a teaser's few words, a "Click to Tweet" prompt).
const PULL_QUOTE_MIN_SHARE = 0.5;

// A pull quote trims the sentences it repeats and joins them with an ellipsis: each stretch
// between ellipses is the body's, in the body's order. A stretch this short could be anywhere.
const ELLIPSIS = /…|\.\s*\.\s*\./;
const EXCERPT_MIN_LETTERS = 8;

// It may also join whole sentences the body keeps apart ("People think it’s a museum in here.
// It’s a waiting list." where the body has "…in here,” he said, pointing at a shelf. “It’s a
// waiting list.”): then each sentence is the body's, in the body's order.
const SENTENCE_BREAK = /(?<=[.!?])["”’»]*\s+/;
const EXCERPT_OR_SENTENCE = new RegExp(`${ELLIPSIS.source}|${SENTENCE_BREAK.source}`);

/** The letters of `text`'s stretches between ellipses (or, `bySentence`, also between its
 * sentences), or null when one is too short to tell. */
function excerpt(text, bySentence = false) {
  const pieces = text.split(bySentence ? EXCERPT_OR_SENTENCE : ELLIPSIS).map(letters).filter(Boolean);
  return pieces.every((p) => p.length >= EXCERPT_MIN_LETTERS) ? pieces : null;
}

/** Does `flow` hold `text`'s stretches between ellipses, or else its sentences, in order? With
 * `joined`, only a text of more than one stretch counts (a single one is a plain copy). */
function excerptOf(flow, text, joined) {
  for (const bySentence of [false, true]) {
    const pieces = excerpt(text, bySentence);
    if (pieces && (!joined || pieces.length > 1) && holdsExcerpt(flow, pieces)) return true;
  }
  return false;
}

/** Does `flow` (the flow's letters) hold every stretch, in order? */
function holdsExcerpt(flow, pieces) {
  let at = 0;
  for (const p of pieces) {
    const i = flow.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return true;
}

/** Does a block off the story's flow consist mostly of quotations the flow already holds
 * (whole, trimmed and joined by ellipses, or sentences joined)? */
function quotesTheFlow(key, text, flow) {
  const quoted = (text.match(QUOTATION) ?? []).filter((q) => letters(q).length >= REPEAT_MIN_LETTERS);
  const held = (q) => flow.includes(letters(q)) || excerptOf(flow, q, false);
  if (!quoted.length || !quoted.every(held)) return false;
  return quoted.reduce((n, q) => n + letters(q).length, 0) >= PULL_QUOTE_MIN_SHARE * key.length;
}

/** Is a block off the story's flow the flow's own sentences, cut short and joined by an
 * ellipsis or joined whole (a pull quote set without quotation marks)? */
function excerptsTheFlow(text, flow) {
  return excerptOf(flow, text, true);
}

/**
 * Blocks whose text a longer kept block already holds (a pull quote, a repeated summary), the
 * second of two equal blocks (a live blog's pinned post shown again at its own time): of two
 * equal blocks the one off the story's flow goes, else the later one; and short blocks off the
 * flow made of the flow's own quotations or of its sentences cut short and joined by ellipses
 * (a pull quote with its attribution, a tweetable box).
 */
export function repeats(blocks, offFlowSet) {
  const keys = blocks.map((b) => letters(b.text));
  const { main } = flowGroups(blocks);
  const inFlow = new Set(main?.blocks ?? []);
  // The flow's letters in one string: an excerpt may join sentences of two paragraphs.
  const flow = blocks.flatMap((b, i) => (inFlow.has(b) ? [keys[i]] : [])).join(" ");
  const out = new Set();
  blocks.forEach((b, i) => {
    const k = keys[i];
    if (k.length < REPEAT_MIN_LETTERS || b.words.length > REPEAT_MAX_WORDS) return;
    if (main && !inFlow.has(b) && (quotesTheFlow(k, b.text, flow) || excerptsTheFlow(b.text, flow))) {
      out.add(b);
      return;
    }
    for (let j = 0; j < blocks.length; j++) {
      if (j === i || out.has(blocks[j])) continue;
      const other = keys[j];
      const again = other === k && (offFlowSet.has(b) || (j < i && !offFlowSet.has(blocks[j])));
      if (other.length > k.length ? other.includes(k) : again) {
        out.add(b);
        return;
      }
    }
  });
  return out;
}

/** Only the blocks inside the innermost marked-up article element holding most of them. */
export function withinArticleElement(docs, blocks) {
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

/** The <iframe> or <frame> showing `doc`, or null (the top document, or a frame of another origin). */
function frameOf(doc) {
  try { return doc.defaultView?.frameElement ?? null; } catch { return null; }
}

/** Only the blocks of the document holding most of the text. A story is told in one document: a
 * same-origin frame inside it (a chart, a 'Read next' card embedded as an <iframe srcdoc>) is an
 * embed, and a page showing its story in a frame has little text of its own around it. A frame
 * set among furniture (a comments thread) is not the story's, whatever its length. */
export function withinMainDocument(blocks) {
  const framed = new Map();
  for (const b of blocks) if (!framed.has(b.el.ownerDocument)) framed.set(b.el.ownerDocument, isFurnitureFrame(frameOf(b.el.ownerDocument)));
  const kept = blocks.filter((b) => !framed.get(b.el.ownerDocument));
  if (kept.length && kept.length < blocks.length) blocks = kept;
  const chars = new Map();
  for (const b of blocks) chars.set(b.el.ownerDocument, (chars.get(b.el.ownerDocument) ?? 0) + b.text.length);
  if (chars.size < 2) return blocks;
  const [main] = [...chars].reduce((a, c) => (c[1] > a[1] ? c : a));
  return blocks.filter((b) => b.el.ownerDocument === main);
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

// Stories not marked up as such: a container whose own heading (<h1> or <h2>) is followed, within
// a few siblings, by a byline ('By Jane Doe · 2 May'): a story with its headline and writer. A page
// showing a second, whole story below its own ('Also in Health') sets both so; the page's story is
// the one under its <h1>. A section's subheading has no byline under it, nor has a live blog's entry
// ('Posted by …').
// An endless feed may set each story under an <h1> of its own, with a line of its writer and
// time without a 'By' ('Aoife Brennan · Tue 12 May 2026, 07:30'): under an <h1> (a live blog's
// entries have lesser headings), a short dated line that is not a sentence is a byline too.
// Of several stories under <h1>s, the page's is the one its title names, or else the first.
const UNIT_BYLINE = /^(by|BY|By)\s+\p{Lu}/u;
const UNIT_BYLINE_REACH = 3;
const UNIT_BYLINE_MAX_CHARS = 80; // a line, not a paragraph opening "By Friday, the council…"
const UNIT_DATED = /\b(\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?\b|\d{1,2}[:.]\d{2}\b|(19|20)\d{2}\b)/i;
const UNIT_NOT_LINE = /[.!?"”’]$/;

function headedUnit(el) {
  for (let n = composedParentElement(el); n && n.localName !== "body"; n = composedParentElement(n)) {
    let heading = null;
    for (let c = n.firstElementChild; c && !heading; c = c.nextElementSibling) if (c.localName === "h1" || c.localName === "h2") heading = c;
    if (!heading) continue;
    const main = heading.localName === "h1";
    let s = heading.nextElementSibling;
    for (let i = 0; s && i < UNIT_BYLINE_REACH; i++, s = s.nextElementSibling) {
      const line = s.textContent.trim();
      if (line.length > UNIT_BYLINE_MAX_CHARS) continue;
      if (UNIT_BYLINE.test(line)) return { unit: n, main, heading, dated: false };
      if (main && !UNIT_NOT_LINE.test(line) && (UNIT_DATED.test(line) || !!s.querySelector("time"))) return { unit: n, main, heading, dated: true };
    }
    return null; // the nearest headed container is a section, not a story
  }
  return null;
}

/** Lower-case words of `s`, one space apart, for comparing a headline with a title. */
function headlineWords(s) {
  return (s ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The blocks of the story under the page's <h1> when the blocks span it and other whole stories
 * marked only by their headline and byline (`headedUnit`), else all. `titles`: the page's title
 * and the like (og:title), which name its story when more than one is under an <h1>. */
export function headlinedStory(blocks, titles = []) {
  let unitOf = blocks.map((b) => headedUnit(b.el));
  let mains = new Set(unitOf.filter((u) => u?.main).map((u) => u.unit));
  let main;
  if (mains.size > 1) {
    const named = titles.map(headlineWords).filter(Boolean);
    const heads = unitOf.filter((u) => u?.main);
    main = (heads.find((u) => { const h = headlineWords(u.heading.textContent); return h && named.some((t) => t.includes(h)); }) ?? heads[0]).unit;
  } else {
    // One story under an <h1>: the others are those a byline says are whole stories.
    unitOf = unitOf.map((u) => (u?.dated ? null : u));
    const units = new Set(unitOf.filter(Boolean).map((u) => u.unit));
    mains = new Set(unitOf.filter((u) => u?.main).map((u) => u.unit));
    if (units.size < 2 || mains.size !== 1) return blocks;
    [main] = mains;
  }
  const kept = blocks.filter((b, i) => !unitOf[i] || unitOf[i].unit === main);
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  const mainChars = kept.reduce((n, b) => n + b.text.length, 0);
  return mainChars >= STORY_MIN_SHARE * total ? kept : blocks;
}

/** The blocks of the page's first story when the blocks span several stories, else all. */
export function firstStory(blocks) {
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
