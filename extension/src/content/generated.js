// Text a reader sees that the DOM does not hold: the quotation marks the browser draws around a
// <q>, and those a site's style sheet draws around a quotation set in a plain element. They are
// CSS generated content (`q::before { content: open-quote }` in every browser's own style sheet,
// `.say::before { content: "\201C" }` in a site's), absent from the element's text nodes, yet
// they are what tells the engine that the words inside are someone's: without them a story whose
// quotes are all <q>s has no quotes. What
// is drawn is read from the element's computed ::before and ::after content, with open-quote and
// close-quote resolved as the browser resolves them: by the `quotes` property, and where that is
// `auto`, by the language of the text and how deep the <q> is nested.

// `quotes: auto`: the marks the browser draws for a language (outer pair, then the pair of a
// quote inside a quote), as its built-in table has them, for the languages news pages are
// written in most; any other language gets the English marks.
const AUTO_QUOTES = new Map([
  ["en", [["“", "”"], ["‘", "’"]]],
  ["fr", [["«", "»"], ["«", "»"]]],
  ["de", [["„", "“"], ["‚", "‘"]]],
  ["es", [["“", "”"], ["‘", "’"]]],
  ["pt", [["“", "”"], ["‘", "’"]]],
  ["it", [["«", "»"], ["“", "”"]]],
  ["ru", [["«", "»"], ["„", "“"]]],
  ["pl", [["„", "”"], ["«", "»"]]],
]);

// A CSS string token ("…" or '…', with escapes) or a keyword of the `content` and `quotes` values.
const TOKEN = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([a-z-]+(?:\([^)]*\))?)/gi;

/** The value of a CSS string token: escapes undone ("\201C " is “, "\"" is "). */
function unescape(s) {
  return s.replace(/\\([0-9a-f]{1,6})\s?|\\(.)/gi, (_, hex, ch) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch));
}

function tokens(value) {
  return [...(value ?? "").matchAll(TOKEN)].map((m) => (m[3] !== undefined ? { word: m[3].toLowerCase() } : { string: unescape(m[1] ?? m[2]) }));
}

/**
 * The pairs of marks open-quote and close-quote draw, outermost first.
 * @param {string} quotes the computed `quotes` value: "auto", "none" or pairs of strings
 * @param {string} lang the text's language ("en-GB"), or ""
 * @returns {Array<[string, string]>}
 */
export function quotePairs(quotes, lang) {
  const value = (quotes ?? "auto").trim();
  if (value === "none") return [];
  if (value === "auto" || !value) return AUTO_QUOTES.get((lang ?? "").toLowerCase().split("-")[0]) ?? AUTO_QUOTES.get("en");
  const strings = tokens(value).filter((t) => t.string !== undefined).map((t) => t.string);
  const pairs = [];
  for (let i = 0; i + 1 < strings.length; i += 2) pairs.push([strings[i], strings[i + 1]]);
  return pairs;
}

/**
 * What a computed `content` value of ::before or ::after draws as text: its strings, and its
 * open-quote/close-quote marks at nesting `depth` (0: outermost). Images, counters and attr()
 * draw nothing here; `normal` and `none` draw nothing.
 * @param {string} content
 * @param {Array<[string, string]>} pairs quotePairs()
 * @param {number} depth
 */
export function drawnText(content, pairs, depth) {
  let out = "";
  for (const t of tokens(content)) {
    if (t.string !== undefined) out += t.string;
    else if ((t.word === "open-quote" || t.word === "close-quote") && pairs.length) {
      out += pairs[Math.min(depth, pairs.length - 1)][t.word === "open-quote" ? 0 : 1];
    }
  }
  return out;
}

// Any quotation mark a style sheet may draw (straight, curly, low, angle; single and double).
const ONLY_MARKS = /^[\s"'“”„‟‘’‚‛«»‹›「」『』]+$/u;

/**
 * The marks drawn before and after an inline element, or null when nothing is drawn (a site that
 * types its marks into the text and sets `content: none`). A <q> draws them by the browser's own
 * style; any other element (`<span class=quote>` with `::before { content: "\201C" }`) counts only
 * when what it draws is quotation marks and nothing else: a design that draws a quote's marks
 * instead of typing them shows the reader a quote, while an icon, a bullet or a label drawn
 * around a link or a term ('↗', '•', 'NEW') is no word of the sentence.
 * @param {Element} el
 * @param {Window} win the element's window
 * @returns {{before: string, after: string} | null}
 */
export function quoteMarks(el, win) {
  if (!win?.getComputedStyle) return null;
  const q = el.localName === "q";
  const beforeContent = win.getComputedStyle(el, "::before").content;
  const afterContent = win.getComputedStyle(el, "::after").content;
  // Most elements draw nothing: no need to resolve the marks' language and depth.
  if (!q && !isDrawn(beforeContent) && !isDrawn(afterContent)) return null;
  let depth = 0;
  for (let a = el.parentElement; a; a = a.parentElement) if (a.localName === "q") depth++;
  const pairs = quotePairs(win.getComputedStyle(el).quotes, el.closest("[lang]")?.getAttribute("lang") ?? "");
  const before = drawnText(beforeContent, pairs, depth);
  const after = drawnText(afterContent, pairs, depth);
  if (!before && !after) return null;
  if (!q && ![before, after].every((s) => !s || ONLY_MARKS.test(s))) return null;
  return { before, after };
}

function isDrawn(content) {
  return !!content && content !== "none" && content !== "normal";
}
