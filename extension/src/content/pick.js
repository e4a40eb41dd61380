// Readability's pick of the article, as live text nodes. Readability reads a copy of the
// composed page (flatclone.js) and mutates it; what it returns is mapped back through the
// copy's pairs, and where Readability re-parsed its copy (new nodes), through the index the
// copied elements carry and the text.

import { Readability } from "@mozilla/readability";
import { composedChildren, FRAME_SELECTOR, frameDocument, shadowRootOf } from "./composed.js";
import { flatClone, INDEX_ATTR } from "./flatclone.js";

/** Live text nodes under `el` (in the composed tree) that the copy holds, in order. */
function copiedTextsUnder(el, copied) {
  const out = [];
  const visit = (n) => {
    for (const c of composedChildren(n)) {
      if (c.nodeType === 3) {
        if (copied.has(c)) out.push(c);
      } else if (c.nodeType === 1) visit(c);
    }
  };
  visit(el);
  return out;
}

/**
 * Readability's article on a copy of the page, as live text nodes: by identity, and where
 * Readability re-parsed its copy (new nodes) by the index attribute of the nearest copied
 * element and the text. A copy is indexed only when the first one turned out to need it.
 * `narrow`: read only the region the page marks as its article when it holds the page's prose
 * (markedArticle), and the whole page when that region yields nothing.
 * @returns {{flat: object, chosen: Set<Text> | null}}
 */
export function readabilityChoice(doc, exclude = new Set(), { narrow = false } = {}) {
  const region = narrow ? markedArticle(doc, exclude) : null;
  if (region) {
    const inRegion = choose(doc, exclude, region);
    if (inRegion.chosen?.size) return inRegion;
  }
  return choose(doc, exclude, null);
}

function choose(doc, exclude, root) {
  let flat = flatClone(doc, { exclude, root });
  let found = mapArticle(flat, readability(flat));
  if (found && found.missed > found.chosen.size) {
    flat = flatClone(doc, { exclude, indexed: true, root });
    found = mapArticle(flat, readability(flat));
  }
  return { flat, chosen: found?.chosen ?? null };
}

// Readability scores every paragraph, link and wrapper of what it reads, and on a news site most
// of the page is menus, rails of teasers and footers of links. When the page marks its article
// (one articleBody, or one <article>) and that element holds most of the page's paragraphs and
// much of its text outside links, Readability's pick lies inside it: it is given only that
// element to read. Not when the page has frames or shadow trees outside it, which the counts
// cannot see into.
const MARKED_MIN_SHARE = 0.8; // of the page's <p> text (as flow.js's ARTICLE_SHARE of the story's)
const MARKED_MIN_TEXT_SHARE = 0.5; // of the page's text outside links: a story told in <div>s is not a teaser <article>'s
const MARKED_MIN_CHARS = 500; // below it Readability starts over, looser, on what it was given

/** The element the page marks as its article, when it holds the page's prose, or null. */
export function markedArticle(doc, exclude = new Set()) {
  if (!doc.body) return null;
  const bodies = doc.querySelectorAll("[itemprop~=articleBody]");
  const marked = bodies.length ? bodies : doc.getElementsByTagName("article");
  if (marked.length !== 1) return null;
  const region = marked[0];
  if (region.checkVisibility?.() === false || [...exclude].some((x) => x.contains(region) || region.contains(x))) return null;
  // A frame or a shadow tree outside the region may hold the story; an advert's frame (from
  // another origin, or a blank one its script writes a few words into) does not.
  const outside = (el) => !region.contains(el);
  for (const frame of doc.querySelectorAll(FRAME_SELECTOR)) {
    if (outside(frame) && (frameDocument(frame)?.body?.textContent.length ?? 0) >= MARKED_MIN_CHARS) return null;
  }
  let inside = 0;
  let all = 0;
  for (const p of doc.getElementsByTagName("p")) {
    const n = p.textContent.length;
    all += n;
    if (region.contains(p)) inside += n;
  }
  if (inside < MARKED_MIN_CHARS || inside < MARKED_MIN_SHARE * all) return null;
  let linked = 0;
  for (const a of doc.getElementsByTagName("a")) linked += a.textContent.length;
  if (region.textContent.length < MARKED_MIN_TEXT_SHARE * (doc.body.textContent.length - linked)) return null;
  for (const el of doc.body.getElementsByTagName("*")) if (shadowRootOf(el) && outside(el)) return null;
  return region;
}

// Readability tidies its pick for display (absolute links, fewer nested wrappers); its text
// nodes, which are all that is read of it here, stay the same, and the tidying costs a walk of
// every link and element of the pick.
class Reader extends Readability {
  _postProcessContent() {}
}

function readability(flat) {
  try {
    return new Reader(flat.clone, { serializer: (el) => el, keepClasses: true, disableJSONLD: true }).parse();
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

/** Every visible text node of the copy: what a page offers when Readability finds nothing. */
export function allText(flat) {
  const out = new Set();
  for (const n of flat.live.values()) if (n.nodeType === 3 && /\S/.test(n.data)) out.add(n);
  return out;
}
