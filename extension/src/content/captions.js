// When a page's photo captions are its story. A news story's captions label its pictures
// ("Rescuers near Antakya on Tuesday. Photograph: Ann Lee") and are left out as furniture; a
// photo essay tells its story in them — several captions of running prose, with people, events
// and quotes, under an introduction shorter than they are — and a reader reads them as the
// article. The verdict is taken from the captions' own text and how it weighs against the
// paragraphs outside them, never from one site's markup; what a caption says about the picture
// (its counter "3/12", its credit "Photograph: …") stays out either way.

import { FURNITURE_ITEMPROPS, FURNITURE_ROLES, FURNITURE_TAGS, furnitureWords, hasQuoteMark } from "./furniture.js";

// Elements that hold a picture's caption: the figure and its caption, by tag, role, microdata,
// or the words sites name them with.
const CAPTION_TAGS = new Set(["figure", "figcaption"]);
const CAPTION_ITEMPROPS = new Set(["caption", "image", "associatedmedia"]);
const CAPTION_NAME_WORDS = new Set([
  "caption", "captions", "cap", "figure", "photo", "photos", "picture", "pic", "image", "images", "img", "gallery",
  "slideshow", "carousel",
]);

/** Does this element hold a picture and its caption, and nothing that is furniture for another
 * reason ("caption-credit", "photo-byline", an <aside> gallery of other stories)? */
export function isCaptionElement(el) {
  const tag = el.localName;
  if (FURNITURE_TAGS.has(tag) && !CAPTION_TAGS.has(tag)) return false;
  const role = el.getAttribute("role");
  if (role && FURNITURE_ROLES.has(role) && role !== "figure") return false;
  const props = (el.getAttribute("itemprop") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (props.some((p) => FURNITURE_ITEMPROPS.has(p) && !CAPTION_ITEMPROPS.has(p))) return false;
  const words = furnitureWords(el);
  for (const w of words) if (!CAPTION_NAME_WORDS.has(w)) return false;
  return CAPTION_TAGS.has(tag) || role === "figure" || props.some((p) => CAPTION_ITEMPROPS.has(p)) || words.size > 0;
}

// A caption's counter ("1/5", "3 of 12", "Photo 2 of 9") at its start, and its credit at its
// end ("Photograph: Ann Lee for the Courier", "(Photo: EAW/Ann Lee)", "© Ann Lee").
const COUNTER = /^\s*((photo|image|picture|slide)\s+)?\d{1,3}\s*(\/|of)\s*\d{1,3}\b\s*[.:|·–—-]?\s*/iu;
// Each credit pattern with a cheap test of a character or word it needs: a case-insensitive pattern
// over every script's letters takes V8 milliseconds to compile, on each page, and most captions
// have no credit of one kind or the other.
const CREDIT_TAIL = [
  [/:/, /[\s(·|]*\(?\s*(?<![\p{L}\p{N}])(photo|photos|photograph|photographs|picture|pictures|image|images|credit|credits|illustration|foto|fotos|bild|crédit|crédits)\s*:\s*[^.!?:]{1,80}\)?\s*$/iu],
  [/©|\(c\)|copyright/i, /[\s(·|]*\(?\s*(©|\(c\)|copyright\b)\s*[^.!?:]{1,80}\)?\s*$/iu],
];

/** [start, end) of the prose in a caption's text: without its counter and its credit. */
export function captionProse(text) {
  let start = /\d/.test(text) ? (COUNTER.exec(text)?.[0].length ?? 0) : 0; // a counter has digits
  let end = text.length;
  for (let again = true; again; ) {
    again = false;
    for (const [needs, tail] of CREDIT_TAIL) {
      const rest = text.slice(start, end);
      const m = needs.test(rest) ? tail.exec(rest) : null;
      if (m) {
        end = start + m.index;
        again = true;
      }
    }
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

// A caption reads as running prose when it is more than a label: enough words, and several
// sentences or someone's words. A label is one sentence: "Anna Pointner at the festival on Sunday."
const PROSE_MIN_WORDS = 15;
const PROSE_MIN_SENTENCES = 2;
// How many such captions a story told in pictures has, and the share of a page's captions they are.
const STORY_MIN_CAPTIONS = 3;
const STORY_MIN_PROSE_SHARE = 0.6;
// The captions' prose against the paragraphs outside them: at least as long, or the captions are
// an illustrated story's pictures, however well written.
const STORY_MIN_CAPTION_TO_BODY = 1;

const SENTENCE_END = /[.!?…]["”’»)]*(?=\s+["“‘«(]?\p{Lu}|\s*$)/gu;

function sentences(text) {
  return text.match(SENTENCE_END)?.length ?? 0;
}

/** Is a caption (its prose, counter and credit aside) running prose? */
export function isProseCaption(prose) {
  const words = prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return words >= PROSE_MIN_WORDS && (sentences(prose) >= PROSE_MIN_SENTENCES || hasQuoteMark(prose));
}

/**
 * Do the captions carry the story? `captions`: each picture's caption prose (counter and credit
 * aside; a picture without a caption is not counted); `bodyChars`: the length of the story's
 * text outside the pictures.
 */
export function captionsCarryStory(captions, bodyChars) {
  const said = captions.filter((c) => c.length > 0);
  const prose = said.filter(isProseCaption);
  if (prose.length < STORY_MIN_CAPTIONS || prose.length < STORY_MIN_PROSE_SHARE * said.length) return false;
  const proseChars = prose.reduce((n, c) => n + c.length, 0);
  return proseChars >= STORY_MIN_CAPTION_TO_BODY * bodyChars;
}
