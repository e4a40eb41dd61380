// The quotations a page's marks give, found here in the page, so the reader sees the quotes
// of the article as soon as it is found, before the daemon has even been reached. The daemon
// finds the same ones first thing (engine/quotes.py and engine/early.py) and its reply repaints
// them in place; the analysis then replaces them with quotes that have speakers. So this is
// the daemon's scanner rule for rule, reading the same rules (the contract: QUOTE_RULES, which
// test/contract.test.mjs compares with the daemon's, and tests/test_quotescan.py runs both on
// the same texts). Where Python and JavaScript see text differently it reads as Python does:
// offsets are UTF-16 units here, but a character is a code point, and "space", "word" and
// "upper case" are Python's.
//
// Linear in the text's length, as the daemon's: what follows a mark is answered from one pass
// over its paragraph.

import { BLOCK_SEPARATOR, PARTIAL_STAGE, REPLY } from "../shared/protocol.js";

export const QUOTE_RULES = Object.freeze({
  open_double: "“„«»",
  close_double: "”“»«",
  open_single: "‘‚‹›",
  close_single: "’‘›‹",
  straight_double: '"',
  straight_single: "'",
  low_openers: "„‚",
  sided: Object.freeze({ "“": "double", "«": "guillemet", "»": "guillemet", "‹": "single guillemet", "›": "single guillemet" }),
  opens_by_default: "“«‹",
  elision_marks: "'‘’",
  kinds: Object.freeze(["double", "single", "guillemet", "single guillemet"]),
  leading_elisions: Object.freeze(["n", "em", "til", "tis", "twas", "cause", "bout", "round", "s"]),
  before_opening: '([{—–-/“„«»‘‚‹›"',
  after_closing: '.,;:!?)]}—–-…”“»«’‘›‹"',
  min_quote_chars: 3,
  early_min_words: 3,
  early_edges: ' ,.;:!?"\'“”‘’„«»‹›',
  early_closing_marks: '"\'“”‘’„«»‹›',
  head_chars: 20000,
});

const R = QUOTE_RULES;
const ALL_MARKS = [...new Set(R.open_double + R.close_double + R.open_single + R.close_single + R.straight_double + R.straight_single)].join("");
const MARK = new RegExp(`[${escapeClass(ALL_MARKS)}]`, "g");
// Python's str.isspace(), which its \s, split() and strip() use.
const SPACE_CLASS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const IS_SPACE = new RegExp(`^[${SPACE_CLASS}]$`);
const WORD_RUN = new RegExp(`[^${SPACE_CLASS}]+`, "g");
const TRAILING_SPACE = new RegExp(`[${SPACE_CLASS}]+$`);
const IS_WORD = /^[\p{L}\p{N}]$/u; // str.isalnum()
const IS_LETTER = /^\p{L}$/u; // str.isalpha()
// str.isdigit(): decimal digits, and superscript, subscript and circled ones.
const IS_DIGIT =
  /^[\p{Nd}\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]$/u;
const IS_UPPER = /^\p{Uppercase}$/u; // str.isupper() of one character
// Python's \b after a word: no word character (str.isalnum() or "_") follows.
const LEADING_ELISION = new RegExp(`(?:(?:${R.leading_elisions.join("|")})|\\p{Nd}\\p{Nd}?s?)(?![\\p{L}\\p{N}_])`, "iuy");
const BEFORE_OPENING = new Set(R.before_opening);
const AFTER_CLOSING = new Set(R.after_closing);

function escapeClass(chars) {
  return chars.replace(/[\\\]^-]/g, "\\$&");
}

// Most characters beside a mark are ASCII: those are looked up, the rest asked of a regex.
const ASCII_SPACE = new Set("\t\n\v\f\r\x1c\x1d\x1e\x1f ");
const isAscii = (ch) => ch.length === 1 && ch.charCodeAt(0) < 128;
const isSpace = (ch) => (isAscii(ch) ? ASCII_SPACE.has(ch) : IS_SPACE.test(ch));
const isWord = (ch) => (isAscii(ch) ? /[A-Za-z0-9]/.test(ch) : IS_WORD.test(ch));

/** The character (code point) that ends at `i` (exclusive), or " " at `lo`. */
function charBefore(text, i, lo) {
  if (i <= lo) return " ";
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i - 2 >= lo) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The character (code point) that starts at `i`, or " " at `hi`. */
function charAt(text, i, hi) {
  if (i >= hi) return " ";
  return String.fromCodePoint(text.codePointAt(i));
}

const SURROGATE = /[\ud800-\udfff]/;

/** Python's len() of text[a:b]: code points, not UTF-16 units. */
function codePoints(text, a, b) {
  let n = b - a;
  if (!SURROGATE.test(a === 0 && b === text.length ? text : text.slice(a, b))) return n;
  for (let i = a; i < b - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n -= 1;
        i += 1;
      }
    }
  }
  return n;
}

/** @returns {{pos: number, kind: string, canOpen: boolean, canClose: boolean} | null} */
function classify(text, i, lo, hi) {
  const ch = text[i];
  const before = charBefore(text, i, lo);
  const after = charAt(text, i + 1, hi);
  const spaceBefore = isSpace(before) || BEFORE_OPENING.has(before);
  const spaceAfter = isSpace(after) || AFTER_CLOSING.has(after);
  const mark = (kind, canOpen, canClose) => ({ pos: i, kind, canOpen, canClose });
  if (R.low_openers.includes(ch)) {
    if (isSpace(after)) return null; // a low comma-like mark with nothing to quote
    return mark(ch === "„" ? "double" : "single", true, false);
  }
  if (ch === "”") return mark("double", false, true);
  if (Object.hasOwn(R.sided, ch)) {
    const opens = spaceBefore !== spaceAfter ? spaceBefore : R.opens_by_default.includes(ch);
    return mark(R.sided[ch], opens, !opens);
  }
  if (ch === "‘" && !spaceBefore && spaceAfter && !isWord(after)) return mark("single", false, true);
  if (ch === R.straight_double) {
    if (IS_DIGIT.test(before) && !IS_LETTER.test(after)) return null; // inches: a 12" record
    return mark("double", spaceBefore || !spaceAfter, spaceAfter || !spaceBefore);
  }
  // Single marks: most are apostrophes.
  if (isWord(before) && isWord(after)) return null; // it’s, don't, O'Brien
  if (spaceBefore && !isSpace(after)) {
    LEADING_ELISION.lastIndex = i + 1;
    if (ch === "’" || LEADING_ELISION.test(text)) return null; // ’80s, 'n', 'em
    return mark("single", true, false);
  }
  if (!spaceBefore && spaceAfter) {
    if (endsElidedWord(text, i, lo)) return null; // the second mark of rock 'n' roll
    // A closing single after "s" may be a plural possessive (the states’ rights): decided by
    // whether a better closer follows.
    return mark("single", false, true);
  }
  return null;
}

function endsElidedWord(text, i, lo) {
  // A word of one or two letters right after a single mark.
  let j = i;
  let letters = 0;
  while (j > lo && letters <= 2) {
    const ch = charBefore(text, j, lo);
    if (!isWord(ch)) break;
    j -= ch.length;
    letters += 1;
  }
  return j > lo && R.elision_marks.includes(text[j - 1]) && letters <= 2;
}

/** For each mark: does a mark that can close come after it before one that can only open? */
function laterClosers(marks) {
  const later = new Array(marks.length).fill(false);
  for (let k = marks.length - 2; k >= 0; k--) {
    const after = marks[k + 1];
    later[k] = after.canClose || (!after.canOpen ? later[k + 1] : false);
  }
  return later;
}

function pair(marks, text) {
  const pairs = [];
  const stack = [];
  const later = laterClosers(marks);
  marks.forEach((m, k) => {
    if (m.canOpen && m.canClose) {
      if (stack.length) pairs.push([stack.pop(), m.pos]);
      else stack.push(m.pos);
    } else if (m.canOpen) {
      stack.push(m.pos);
    } else if (m.canClose && stack.length) {
      if (m.kind === "single" && "sS".includes(text[m.pos - 1]) && later[k]) return; // a possessive s’
      pairs.push([stack.pop(), m.pos]);
    }
  });
  return { pairs, unclosed: stack };
}

/** What follows a position in one paragraph, from one pass over it (made when first asked). */
class Rest {
  constructor(text, lo, hi) {
    this.text = text;
    this.lo = lo;
    this.hi = hi;
    this.wordStarts = null;
    // An unclosed quotation ends at the paragraph's last non-space character.
    this.end = lo + text.slice(lo, hi).replace(TRAILING_SPACE, "").length;
  }

  wordsAfter(a) {
    if (!this.wordStarts) {
      this.wordStarts = [];
      const para = this.text.slice(this.lo, this.hi);
      for (const m of para.matchAll(WORD_RUN)) this.wordStarts.push(this.lo + m.index);
    }
    const inside = a + 1 < this.hi && !isSpace(charAt(this.text, a + 1, this.hi)) ? 1 : 0;
    return this.wordStarts.length - bisectLeft(this.wordStarts, a + 2) + inside;
  }

  looksLikeOpenSingle(a) {
    // An unclosed single mark is an apostrophe unless a whole sentence follows it; one right after a
    // capitalised word that no punctuation ends is part of a name ("Sione ‘Ofa Lolohea").
    return (
      a + 1 < this.text.length &&
      IS_UPPER.test(charAt(this.text, a + 1, this.text.length)) &&
      this.wordsAfter(a) >= 4 &&
      !this.afterNameWord(a)
    );
  }

  afterNameWord(a) {
    let j = a;
    while (j > this.lo && this.text[j - 1] === " ") j -= 1;
    if (j === a || j === this.lo || !IS_LETTER.test(charBefore(this.text, j, this.lo))) return false;
    let k = j;
    while (k > this.lo && !isSpace(this.text[k - 1])) k -= 1;
    return IS_UPPER.test(charAt(this.text, k, this.hi));
  }
}

function bisectLeft(xs, x) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In text order (longest first at a tie), each span that starts at or after the end of the last one kept. */
function outermost(spans) {
  const out = [];
  let end = null;
  for (const s of [...spans].sort(byStartLongest)) {
    if (end !== null && s[0] < end) continue;
    out.push(s);
    end = s[1];
  }
  return out;
}

const byStartLongest = (a, b) => a[0] - b[0] || b[1] - a[1];

/**
 * Top-level quotations in text order: {start, end, closed, paragraph} (UTF-16 offsets; `end`
 * one past the closing mark, or the paragraph's end for a quotation that runs on).
 */
export function findQuotations(text) {
  const found = [];
  const at = [...text.matchAll(MARK)].map((m) => m.index); // every mark, in one pass
  let next = 0;
  let p = 0;
  for (const para of text.matchAll(/[^\n]+/g)) {
    const lo = para.index;
    const hi = lo + para[0].length;
    const marks = [];
    while (next < at.length && at[next] < lo) next += 1;
    for (; next < at.length && at[next] < hi; next++) {
      const c = classify(text, at[next], lo, hi);
      if (c) marks.push(c);
    }
    let spans = [];
    const rest = new Rest(text, lo, hi);
    for (const kind of R.kinds) {
      const { pairs, unclosed } = pair(marks.filter((m) => m.kind === kind), text);
      for (const [a, b] of pairs) spans.push([a, b + 1, true]);
      // An opener never closed in its paragraph runs to the paragraph's end: the next
      // paragraph reopens it.
      for (const a of unclosed) {
        if (kind === "single" && !rest.looksLikeOpenSingle(a)) continue;
        spans.push([a, rest.end, false]);
      }
    }
    // Empty marks ("") quote nothing.
    spans = spans.filter(([a, b]) => b - a >= R.min_quote_chars && (b - a > R.min_quote_chars + 2 || codePoints(text, a, b) >= R.min_quote_chars));
    for (const [start, end, closed] of outermost(spans)) found.push({ start, end, closed, paragraph: p });
    p += 1;
  }
  return found;
}

const EDGES = new Set(R.early_edges);
const CLOSING = new Set(R.early_closing_marks);

function strip(s, chars, left = true) {
  let a = 0;
  let b = s.length;
  while (left && a < b && chars.has(s[a])) a += 1;
  while (b > a && chars.has(s[b - 1])) b -= 1;
  return s.slice(a, b);
}

/**
 * The quotations shown before the analysis (engine/early.py): those that read as speech on
 * their own, of at least `early_min_words` words or ending in a question or an exclamation,
 * as quote spans; the pieces of one quotation running over paragraphs share a quote_id.
 */
export function earlyQuotes(text) {
  const spans = [];
  let quoteId = 0;
  let previous = null;
  for (const q of findQuotations(text)) {
    const inner = strip(text.slice(q.start + 1, q.end), EDGES);
    const words = inner.match(WORD_RUN)?.length ?? 0;
    const ending = strip(text.slice(q.start, q.end), CLOSING, false);
    if (!(words >= R.early_min_words || ending.endsWith("?") || ending.endsWith("!"))) {
      previous = null;
      continue;
    }
    // A quotation reopened at the start of the next paragraph is the same quotation.
    if (!(previous && !previous.closed && q.paragraph === previous.paragraph + 1)) quoteId += 1;
    spans.push({ start: q.start, end: q.end, category: "quote", text: text.slice(q.start, q.end), quote_id: quoteId });
    previous = q;
  }
  return spans;
}

/**
 * The page's head, as the daemon takes it (server/pieces.py early_head): the first blocks
 * (at least one) up to `head_chars` characters of the joined text, a longer first block cut.
 * @param {string[]} blocks
 * @returns {{blocks: number, text: string}}
 */
export function earlyHead(blocks, maxChars = R.head_chars) {
  let k = 0;
  let end = 0;
  for (const block of blocks) {
    const stop = end + (k ? BLOCK_SEPARATOR.length : 0) + codePoints(block, 0, block.length);
    if (k && stop > maxChars) break;
    k += 1;
    end = stop;
  }
  const joined = blocks.slice(0, k).join(BLOCK_SEPARATOR);
  if (k !== 1 || end <= maxChars) return { blocks: k, text: joined };
  return { blocks: 1, text: joined.slice(0, unitIndex(joined, maxChars)) };
}

/** Where the `n`-th code point of `text` starts, in UTF-16 units. */
function unitIndex(text, n) {
  let i = 0;
  for (let k = 0; k < n && i < text.length; k++) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  return i;
}

/**
 * The early quotes of a request's blocks as the daemon's first partial reply gives them, so
 * the page files and paints them the same way; the daemon's own reply then finds them there.
 * @param {string} id the request's id
 * @param {string[]} blocks its blocks' texts
 */
export function earlyReply(id, blocks) {
  const head = earlyHead(blocks);
  return { type: REPLY.partial, id, stage: PARTIAL_STAGE.quotes, blocks: [0, head.blocks], spans: earlyQuotes(head.text) };
}
