// Text-fragment links (https://wicg.github.io/scroll-to-text-fragment/): a URL ending in
// #:~:text=[prefix-,]textStart[,textEnd][,-suffix] opens the page scrolled to that text and
// marks it, in Chrome, Edge, Safari and Firefox. The exported quotations link to themselves
// this way. Pure.

const SHORT_WORDS = 10; // a quotation this short is quoted whole as textStart
const SHORT_CHARS = 90;
const EDGE_WORDS = 5; // otherwise its first and last words, as textStart and textEnd
const CONTEXT_WORDS = 3; // words of prefix and suffix, so the link finds this occurrence

/**
 * A directive term, percent-encoded. Beyond what encodeURIComponent escapes, the
 * directive's own syntax characters must be: "-" (prefix-/-suffix), "," (between terms) and
 * "&" (between directives); encodeURIComponent leaves only "-" of those.
 */
export function encodeTerm(text) {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}

const words = (text) => text.split(/\s+/).filter(Boolean);

/**
 * The text directive for a quotation.
 * @param {{text: string, prefix?: string, suffix?: string}} item the quotation's text as the
 *   page shows it, and the text just before and after it in its paragraph
 * @returns {string} e.g. "text=said%20Mayor-,%E2%80%9CWe%20will,reopens%2C%E2%80%9D"
 */
export function textDirective({ text, prefix = "", suffix = "" }) {
  const w = words(text);
  const parts = [];
  const before = words(prefix).slice(-CONTEXT_WORDS).join(" ");
  if (before) parts.push(`${encodeTerm(before)}-`);
  if (w.length <= SHORT_WORDS && text.length <= SHORT_CHARS) {
    parts.push(encodeTerm(w.join(" ")));
  } else {
    const edge = Math.min(EDGE_WORDS, Math.floor(w.length / 2));
    parts.push(encodeTerm(w.slice(0, edge).join(" ")), encodeTerm(w.slice(-edge).join(" ")));
  }
  const after = words(suffix).slice(0, CONTEXT_WORDS).join(" ");
  if (after) parts.push(`-${encodeTerm(after)}`);
  return `text=${parts.join(",")}`;
}

/** The page's URL (without any fragment it had) opening at the quotation. */
export function fragmentLink(url, item) {
  return `${String(url).split("#")[0]}#:~:${textDirective(item)}`;
}

/**
 * A directive back into its terms, as a browser reads it (for tests and checks).
 * @returns {{prefix: string, start: string, end: string, suffix: string}}
 */
export function parseDirective(directive) {
  const terms = directive.replace(/^text=/, "").split(",");
  const out = { prefix: "", start: "", end: "", suffix: "" };
  if (terms[0]?.endsWith("-")) out.prefix = decodeURIComponent(terms.shift().slice(0, -1));
  if (terms[terms.length - 1]?.startsWith("-")) out.suffix = decodeURIComponent(terms.pop().slice(1));
  out.start = decodeURIComponent(terms[0] ?? "");
  out.end = terms[1] !== undefined ? decodeURIComponent(terms[1]) : "";
  return out;
}
