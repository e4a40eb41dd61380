// What is on an article page but is not the article: the rules, as data, that tell a
// story's prose from the furniture around and inside it — navigation, bylines, captions,
// share bars, "Read more" links, boxes, ads, comments. They use only signals every site
// gives in some form (semantic elements, ARIA roles, the words sites use to name their
// classes, the shape of a byline or a credit line, link density), never one site's
// selectors: they are judged on pages of sites they have never seen.
//
// Two levels: an element (and everything in it) is furniture, or one cut block of text is.

// ---- elements ---------------------------------------------------------------------------------

// Elements that never hold the story's running prose. Headings are left out too: the
// headline is optional text, and a heading inside a story labels (a live blog's entry
// titles repeat the entries, a "Related" heading a link list).
export const FURNITURE_TAGS = new Set([
  "nav", "footer", "aside", "form", "dialog", "menu", "figure", "figcaption", "header", "address",
  "h1", "h2", "h3", "h4", "h5", "h6", "caption", "label", "legend", "fieldset",
]);

export const FURNITURE_ROLES = new Set([
  "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu",
  "menubar", "toolbar", "tablist", "form", "marquee", "timer", "comment", "figure", "img", "heading",
  "button", "doc-credit", "doc-footnote",
  // a field for the reader to type into (a rich-text comment composer)
  "textbox", "searchbox", "combobox",
  // a reader's choices (a poll's or a quiz's options), never the story's prose
  "radiogroup", "radio", "checkbox", "option", "listbox", "switch",
]);

// Microdata properties of what surrounds a story, not of its text.
export const FURNITURE_ITEMPROPS = new Set([
  "author", "creator", "publisher", "datepublished", "datemodified", "datecreated", "comment",
  "keywords", "caption", "headline", "alternativeheadline", "image", "video", "audio",
]);

// Words that name a stage of rendering, not what an element holds: a skeleton or a spinner
// holds no prose, but a paragraph rendered into a slot named "inline-placeholder" is prose.
const RENDERING_WORDS = ["loading", "loader", "spinner", "skeleton", "placeholder"];
const RENDERING_MAX_WORDS = 12;

// Words sites use in class names, ids, custom element names, data-component names and
// aria-labels for furniture, lower case. A name is cut into words at dashes, underscores,
// digits and camelCase, and two neighbouring words are also tried joined ("read-more" →
// "readmore", "keyEvents" → "keyevents"). Grouped by what they name.
export const FURNITURE_WORDS = new Set([
  // who and when
  "byline", "bylines", "byl", "by", "author", "authors", "authorbox", "authorinfo", "contributor",
  "contributors", "bio", "biography", "avatar", "date", "dates", "time", "times", "timestamp",
  "published", "updated", "pubdate", "postedon", "meta", "metadata", "info", "signature", "credit",
  "credits", "copyright", "disclaimer",
  // labels above and beside the story
  "kicker", "eyebrow", "overline", "label", "labels", "badge", "tag", "tags", "tagline", "topics",
  "keywords", "breadcrumb", "breadcrumbs", "crumbs", "rubrique", "rubriques", "headline", "hed", "dek",
  "standfirst", "subheadline", "subhead",
  // pictures, video and embeds
  "caption", "captions", "cap", "figure", "image", "images", "img", "photo", "photos", "picture", "pic",
  "gallery", "slideshow", "carousel", "lightbox", "video", "videos", "player", "audio", "podcast", "embed",
  "embeds", "transcript", "transcripts", "tweet", "twitter", "instagram", "facebook", "fbpost", "tiktok", "youtube", "bluesky", "reddit",
  // share and tools
  "share", "shares", "sharing", "sharebar", "sharetools", "sharedaddy", "social", "print", "toolbar",
  "tools",
  // elsewhere on the site
  "related", "relatedposts", "readmore", "readalso", "alsoread", "seealso", "lireaussi", "more",
  "morestories", "recommended", "recommendations", "recirc", "recirculation", "outbrain", "taboola",
  "teaser", "teasers", "promo", "promos", "promotion", "cta", "banner", "trending", "popular",
  "mostread", "mostpopular", "mostviewed", "rail", "sidebar", "widget", "widgets",
  // selling: ads, newsletters, subscriptions, consent
  "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp",
  "adsbygoogle",
  "sponsor", "sponsored", "pub", "publicite", "newsletter", "newsletters", "signup", "subscribe",
  "subscription", "paywall", "register", "login", "donate", "cookie", "cookies", "consent", "gdpr",
  "modal", "popup", "overlay",
  // boxes beside the prose
  "box", "factbox", "infobox", "callout", "keyfacts", "facts", "timeline", "keyevents", "keypoints", "toc",
  "lineup", "lineups", "stats", "statistics", "scorebox", "scoreboard",
  // readers' comments
  "comment", "comments", "commentlist", "disqus", "replies", "reply", "respond", "discussion", "forum",
  // the site's own frame
  "nav", "navbar", "navigation", "menu", "masthead", "header", "footer", "foot", "topbar", "skip",
  "sronly", "visuallyhidden", "screenreader", "offscreen", ...RENDERING_WORDS,
]);

/**
 * The lower-case words of a name such as "article__byline", "storyByline", "kx-by".
 * A part with a digit in it ("css-1ad3f", "post-8812") is a hash or a number, not a word,
 * and only real camelCase words are split ("keyEvents", not the hash "hAdXq").
 */
export function nameWords(name) {
  let words = wordsOfName.get(name);
  if (!words) {
    if (wordsOfName.size >= NAMES_KEPT) wordsOfName.clear();
    wordsOfName.set(name, (words = cutName(name)));
  }
  return words;
}

// A page repeats its class names on every teaser and paragraph, and cutting a name into words
// takes a few regular expressions: the words of the names last seen are kept (they depend on
// the name alone). The array given out is shared: read it, never change it.
const wordsOfName = new Map();
const NAMES_KEPT = 4000;

function cutName(name) {
  const words = [];
  for (const part of name.split(/[^A-Za-z0-9\u00c0-\u024f]+/)) {
    if (!part || /\d/.test(part)) continue;
    for (const w of part.replace(/([a-z\u00df-\u024f]{2,})(?=[A-Z][a-z]{2,})/g, "$1 ").split(" ")) words.push(w.toLowerCase());
  }
  const joined = [];
  for (let i = 1; i < words.length; i++) joined.push(words[i - 1] + words[i]);
  return [...words, ...joined];
}

/** The names an element goes by: classes, id, a custom element's tag, data-component… */
function namesOf(el) {
  const names = [];
  const cls = el.getAttribute("class");
  if (cls) names.push(cls);
  if (el.id) names.push(el.id);
  if (el.localName.includes("-")) names.push(el.localName);
  for (const attr of ["data-component", "data-testid", "data-test", "data-qa", "data-module", "data-type"]) {
    const v = el.getAttribute(attr);
    if (v) names.push(v);
  }
  // A short label names a region ("Advertisement", "Most read"); a long one is a title.
  const label = el.getAttribute("aria-label");
  if (label && label.split(/\s+/).length <= 3) names.push(label);
  return names;
}

// A page builder makes every part of a page a "widget" (Elementor's text-editor widget holds one
// paragraph of the story, its widget-wrap a column of widgets): "widget" names a box beside the
// story only when the same name does not say it is a text widget or a widget's wrapper.
const WIDGET_WORDS = new Set(["widget", "widgets"]);
const NOT_A_WIDGET_BOX = new Set(["texteditor", "richtext", "postcontent", "wrap", "wrapper", "container"]);

// A word of a class that says the furniture word before it is absent or not shown is a setting of
// the element, not what it is: Drupal marks every field whose label is not printed
// `field--label-hidden`, the story's text fields included; "comments-off", "ads-none" alike.
const ABSENT_AFTER = new Set(["hidden", "none", "off", "disabled"]);

/** Is furniture word `w` named in `name` only as absent ("label-hidden"), in every class it is in? */
function namedAbsent(name, w) {
  let seen = false;
  for (const token of name.split(/\s+/)) {
    const ws = nameWords(token);
    const n = (ws.length + 1) / 2; // the words themselves, before their joined pairs
    for (let i = 0; i < n; i++) {
      if (ws[i] !== w) continue;
      if (!ABSENT_AFTER.has(ws[i + 1]) || i + 1 >= n) return false;
      seen = true;
    }
  }
  return seen;
}

function furnitureWordOf(name) {
  const ws = nameWords(name);
  for (const w of ws) {
    if (!FURNITURE_WORDS.has(w)) continue;
    if (WIDGET_WORDS.has(w) && ws.some((x) => NOT_A_WIDGET_BOX.has(x))) continue;
    if (namedAbsent(name, w)) continue;
    return w;
  }
  return null;
}

/** The furniture word an element's names contain, or null. */
export function furnitureWord(el) {
  for (const name of namesOf(el)) {
    const w = furnitureWordOf(name);
    if (w) return w;
  }
  return null;
}

/** Every furniture word an element's names contain ("caption-credit": caption, credit). */
export function furnitureWords(el) {
  const found = new Set();
  for (const name of namesOf(el)) {
    const excused = nameWords(name).some((x) => NOT_A_WIDGET_BOX.has(x));
    for (const w of nameWords(name)) if (FURNITURE_WORDS.has(w) && !(excused && WIDGET_WORDS.has(w)) && !namedAbsent(name, w)) found.add(w);
  }
  return found;
}

// A frame's title names it as an element's class does ('Reader discussion', 'Comments'), when short.
const FRAME_TITLE_MAX_WORDS = 4;

/** Is `frame` (an <iframe> or <frame>) set in a region of furniture, or named as one (a comments
 * system rendering its thread into a frame under 'Join the discussion')? Its document is a
 * widget's, never the story's, however much text it holds. */
export function isFurnitureFrame(frame) {
  if (!frame) return false;
  const title = frame.getAttribute("title") ?? "";
  if (title.split(/\s+/).length <= FRAME_TITLE_MAX_WORDS && nameWords(title).some((w) => FURNITURE_WORDS.has(w))) return true;
  for (let el = frame; el && el.localName !== "body"; el = el.parentElement) {
    if (el !== frame && furnitureElement(el)) return true;
    // The nearest heading before it, at this level: 'Join the discussion', 'Comments (12)'.
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
      if (/^h[1-6]$/.test(s.localName)) { if (isFurnitureHeading(s.textContent)) return true; break; }
    }
  }
  return false;
}

// A table with headers is data (statistics, results), not a layout table holding prose.
function isDataTable(el) {
  return el.localName === "table" && !!el.querySelector("th, caption, thead");
}

/**
 * Why a block-level element inside the article is furniture, or null. `look` is how it is
 * rendered: a box floated beside the prose, or fixed over it, is never the prose.
 * `strict: false` keeps to what the markup says outright (tags, roles, microdata): for a page
 * the reader asked to analyse although it is no article, where everything is a "teaser".
 * @param {Element} el
 * @param {{float?: string, position?: string} | undefined} look
 */
export function furnitureElement(el, look, { strict = true } = {}) {
  if (!verdicts) return elementVerdict(el, look, strict);
  let seen = verdicts.get(el);
  if (!seen) verdicts.set(el, (seen = []));
  const hit = seen.find((v) => v.look === look && v.strict === strict);
  if (hit) return hit.why;
  const why = elementVerdict(el, look, strict);
  seen.push({ look, strict, why });
  return why;
}

// One search for the article asks for the verdict on the same element several times (cutting
// the article, putting back its gaps, walking up from each linked heading of a listing), and a
// box's verdict reads its children and grandchildren: within one search, while the page cannot
// change, each is worked out once. Never kept across searches: the page changes between them.
let verdicts = null; // element → [{look, strict, why}], during a search

/** Runs `search` with each element's furniture verdict worked out once. */
export function withVerdictsKept(search) {
  if (verdicts) return search();
  verdicts = new Map();
  try {
    return search();
  } finally {
    verdicts = null;
  }
}

// What makes a <figure> a picture's (or a clip's, a chart's) box. A block CMS wraps every block
// in a <figure>, its paragraphs too: a figure with none of these is the story's text.
const FIGURE_CONTENT = "img, picture, svg, canvas, video, audio, iframe, object, embed, figcaption, [role=img], amp-img, amp-video, amp-iframe";
// The attribution of a quoted passage ("— Jane Doe, head teacher"), set as the <footer> or the
// <cite> of its <blockquote> (a block editor's quote and pull quote blocks use <cite>): read
// with the quote it names, when the quote is the story's, and left out with it otherwise.
const ATTRIBUTION_TAGS = new Set(["footer", "cite"]);

// A quotation may also be set as a <figure> of its <blockquote> and a <figcaption> naming the
// speaker ('— Jane Doe, head teacher'), with no picture: the caption is the quote's attribution,
// not a photo's, and the figure is the quote's (kept or left out with it, as a pull quote
// repeating the body is).
const FIGURE_MEDIA = "img, picture, svg, canvas, video, audio, iframe, object, embed, [role=img], amp-img, amp-video, amp-iframe";

/** The <blockquote> of a figure that is a quotation and its attribution only, or null. */
function figureQuote(figure) {
  if (figure?.localName !== "figure") return null;
  let quote = null;
  for (const c of figure.children) {
    if (c.localName === "blockquote" && !quote) quote = c;
    else if (c.localName !== "figcaption") return null;
  }
  return quote && !figure.querySelector(FIGURE_MEDIA) ? quote : null;
}

/** The <blockquote> whose attribution line `el` is, or null. */
export function attributedQuote(el) {
  const parent = el.parentElement;
  if (ATTRIBUTION_TAGS.has(el.localName) && parent?.localName === "blockquote") return parent;
  return el.localName === "figcaption" ? figureQuote(parent) : null;
}

/** The <blockquote> whose attribution line a block is (its element `el`, its text `nodes`), or
 * null: the line's own element, or the quote itself when the line is set inline after the
 * quote's paragraphs (all of the block's text inside the quote's <cite> or <footer>). */
export function attributionOf(el, nodes) {
  const quote = attributedQuote(el);
  if (quote || el.localName !== "blockquote" || !nodes.length) return quote;
  const childOfQuote = (n) => {
    while (n && n.parentElement !== el) n = n.parentElement;
    return n;
  };
  return nodes.every((n) => { const c = childOfQuote(n); return c && attributedQuote(c) === el; }) ? el : null;
}

// A region the reader types into (a comment composer, which may hold a draft quoting the story) is
// the reader's text, not the page's. The whole page made editable (an editor's preview) is left alone.
const EDITABLE = new Set(["", "true", "plaintext-only"]);

function isEditableRegion(el) {
  const value = el.getAttribute("contenteditable");
  return value !== null && EDITABLE.has(value.toLowerCase()) && el.localName !== "body" && el.localName !== "html";
}

function elementVerdict(el, look, strict) {
  const tag = el.localName;
  const textFigure = tag === "figure" && (!el.querySelector(FIGURE_CONTENT) || !!figureQuote(el));
  if (FURNITURE_TAGS.has(tag) && !textFigure && !attributedQuote(el)) return `<${tag}>`;
  if (isDataTable(el)) return "data table";
  const role = el.getAttribute("role");
  if (role && FURNITURE_ROLES.has(role)) return `role=${role}`;
  if (isEditableRegion(el)) return "contenteditable";
  const itemprop = el.getAttribute("itemprop");
  if (itemprop && itemprop.toLowerCase().split(/\s+/).some((p) => FURNITURE_ITEMPROPS.has(p))) return `itemprop=${itemprop}`;
  if (!strict) return null;
  const firstText = firstChildText();
  const title = boxTitle(el, firstText);
  if (title) return `titled "${title}"`;
  if (isRatingBox(el, firstText)) return "rating box";
  if (opensWithNoteBacklink(el)) return "note";
  if (isRecipeCard(el)) return "recipe card";
  let word = furnitureWord(el);
  if (RENDERING_WORDS.includes(word) && words(el.textContent).length > RENDERING_MAX_WORDS) word = null;
  if (TRANSCRIPT_WORDS.has(word) && !besidePlayer(el)) word = null;
  if (tag === "blockquote" && word) return "embedded post";
  if (word) return `named "${word}"`;
  // These two read the element's children and grandchildren: after the checks that need none.
  if (isChoiceBox(el)) return "poll or quiz";
  if (holdsEntryField(el)) return "entry form";
  if (look && (look.float === "left" || look.float === "right")) return "floated box";
  if (look && (look.position === "fixed" || look.position === "sticky")) return "fixed box";
  return null;
}

// A transcript is furniture when it is a clip's, set beside the clip's player (a play button, an
// <audio> or <video>, an embed's frame). With no player beside it, it is the story's own text:
// an interview or a hearing published as its turns ('Q:' …, 'Okafor:' …).
const TRANSCRIPT_WORDS = new Set(["transcript", "transcripts"]);
const PLAYER = "audio, video, iframe, embed, object, button, [role=button], amp-audio, amp-video, amp-youtube";

function besidePlayer(el) {
  for (let s = el.parentElement?.firstElementChild; s; s = s.nextElementSibling) {
    if (s !== el && (s.matches(PLAYER) || s.querySelector(PLAYER))) return true;
  }
  return false;
}

// A box titled by its first line, set as a plain <div> or <span> as often as a heading: "Editor’s
// picks", "Related", "Most read" name the whole box, whatever the teasers below say. Only a
// title that is the box's first text, with more after it, and never in a box holding the page's
// headline (a kicker saying "Trending" above a story). What follows the title may also be bare
// text, a few lines of it, when the title is a line of its own: an ad unit an ad network puts
// into a paragraph, its 'Advertisement' label a block above the ad's copy (an inline lead-in,
// '<b>Related</b> …', is the sentence's, not a title). An ad slot's label titles only such a
// unit: an ad slot opening a story's container is no title of the story after it (nor is a bold
// 'Advertisement' line in the text a heading opening a section of furniture).
const BOX_TITLE_MAX_CHARS = 40;
const TITLED_TEXT_MAX_WORDS = 60;

function boxTitle(el, firstText) {
  const first = el.firstElementChild;
  if (!first) return null;
  for (let n = el.firstChild; n && n !== first; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.data)) return null;
  const textAfter = first === el.lastElementChild;
  if (textAfter && !hasTextAfter(first)) return null;
  const title = firstText(first).trim().replace(/\s+/g, " ");
  if (!title || !(isFurnitureHeading(title) || (textAfter && AD_LABEL.test(title)))) return null;
  if (textAfter && (words(el.textContent).length > words(title).length + TITLED_TEXT_MAX_WORDS || !isOwnLine(first))) return null;
  // An advertiser's name makes a disclosure longer than a title ("Paid content · Brightwell Health").
  if (title.length > BOX_TITLE_MAX_CHARS && !SPONSOR_LINE.test(title) && !SUPPORT_TITLE.test(title)) return null;
  if (el.querySelector("h1")) return null;
  return title;
}

// A box opening with a rating ("★★★★☆", "4/5", "Rating: 8 out of 10", or stars drawn as icons
// under an aria-label saying as much): a review's verdict box (with its pros and cons) or a fact
// check's rating card. It sums up or grades the text, a few lines under the rating; a story that
// happens to open with its stars is longer, and its headline (an <h1>) keeps it.
const STARS = /^[\s★☆✩✪✫✬✭✮✯⭐⯨⯩½]{3,}$/u;
const SCORE = /^((our |the )?(rating|score|verdict)\s*[:：]?\s*)?\d{1,2}([.,]\d)?\s*(\/|out of)\s*(5|10)(\s*stars?)?$/i;
const RATING_LABEL = /\b\d{1,2}([.,]\d)?\s*(\/|out of)\s*(5|10)\b/i;
const RATING_MAX_CHARS = 30;
const RATING_BOX_MAX_WORDS = 80;
// A list that rates what it names, item by item (player ratings, a ranked round-up), is the story
// told in rated items: each a rating, a heading naming the player or the thing, and prose about
// it, beside at least this many items of the same make. A verdict box or a rating card stands alone.
const RATED_ITEM_MIN_SIBLINGS = 2;
const ITEM_HEADING = "h2, h3, h4, h5, h6, [role=heading]";

function isRatingBox(el, firstText) {
  return opensWithRating(el, firstText) && words(el.textContent).length <= RATING_BOX_MAX_WORDS && !el.querySelector("h1") && !isRatedItem(el);
}

/** Does `el` open with a rating, as its first child and its first text? */
function opensWithRating(el, firstText = (first) => first.textContent) {
  const first = el.firstElementChild;
  if (!first || first === el.lastElementChild) return false;
  for (let n = el.firstChild; n && n !== first; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.data)) return false;
  const rating = firstText(first).trim();
  if (rating.length > RATING_MAX_CHARS) return false;
  return rating ? STARS.test(rating) || SCORE.test(rating) : RATING_LABEL.test(first.getAttribute("aria-label") || "");
}

/** Is `el`, opening with a rating, an item of a rated list: under a heading of its own, beside
 * items of its tag and class that open with a rating too? */
function isRatedItem(el) {
  if (!el.querySelector(ITEM_HEADING)) return false;
  const cls = el.getAttribute("class");
  let like = 0;
  for (const s of el.parentElement?.children ?? []) {
    if (s !== el && s.localName === el.localName && s.getAttribute("class") === cls && opensWithRating(s)) like++;
    if (like >= RATED_ITEM_MIN_SIBLINGS) return true;
  }
  return false;
}

// A box's first child's text, read once for both box checks of one element (boxTitle, then
// isRatingBox): on a page of wrappers nested deep the first child holds most of the page, and
// reading it is the dearer part of both checks.
function firstChildText() {
  let text = null;
  return (first) => (text ??= first.textContent);
}

function hasTextAfter(el) {
  for (let n = el.nextSibling; n; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.data)) return true;
  return false;
}

/** Is the element drawn as a line of its own (not inline in the text around it)? */
function isOwnLine(el) {
  const display = el.ownerDocument.defaultView?.getComputedStyle(el).display || "inline";
  return !display.startsWith("inline") && display !== "contents" && display !== "none";
}

// A recipe card (ingredients, then the method) on a cooking page: a structured list of
// quantities and steps like a fact box, not the story told around it. Its sections are titled
// alike on every site; they are looked for among the card's children and grandchildren only,
// so that the check stays cheap on every element the article is cut from.
const RECIPE_SECTIONS = [/^ingredients\b/i, /^(instructions|method|directions|preparation|steps)\b/i];
const RECIPE_TITLE_MAX_CHARS = 30;
const RECIPE_HEADINGS = new Set(["h2", "h3", "h4", "h5", "h6"]);

function isRecipeCard(el) {
  const titles = [];
  const take = (n) => {
    if (RECIPE_HEADINGS.has(n.localName) || n.getAttribute("role") === "heading") {
      const t = n.textContent.trim();
      if (t.length <= RECIPE_TITLE_MAX_CHARS) titles.push(t);
    }
  };
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    take(c);
    for (let g = c.firstElementChild; g; g = g.nextElementSibling) take(g);
  }
  return titles.length >= 2 && RECIPE_SECTIONS.every((re) => titles.some((t) => re.test(t)));
}

// A poll or a quiz: a box whose own children are choices for the reader to pick (radio buttons,
// checkboxes, options, as inputs, labels around them or ARIA roles), whatever the options say (a
// quoted sentence each) and however long the question above them is.
const CHOICE_ROLES = new Set(["radio", "checkbox", "option", "menuitemradio", "menuitemcheckbox", "switch"]);
const CHOICE_MIN = 2;

function isChoice(el) {
  const role = el.getAttribute("role");
  if (role && CHOICE_ROLES.has(role)) return true;
  const input = el.localName === "input" ? el : el.localName === "label" ? el.querySelector("input") : null;
  return !!input && /^(radio|checkbox)$/i.test(input.getAttribute("type") ?? "");
}

function isChoiceBox(el) {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isChoice(c) && ++n >= CHOICE_MIN) return true;
  return false;
}

// A box with a field for the reader to type into (a newsletter's email address, a comment, a
// search), among its children or theirs, is a form, however its text reads and whether or not
// it is a <form>: a story holds no fields. Looked for two levels down only, and in a box of a
// few sentences at most, so that the box, not the article around it, is the form.
const ENTRY_TYPES = new Set(["", "text", "email", "search", "tel", "url"]);
const ENTRY_BOX_MAX_CHARS = 600;

function isEntryField(el) {
  if (el.localName === "textarea") return true;
  return el.localName === "input" && ENTRY_TYPES.has((el.getAttribute("type") ?? "").toLowerCase());
}

function holdsEntryField(el) {
  const small = () => el.textContent.length <= ENTRY_BOX_MAX_CHARS;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (isEntryField(c)) return small();
    for (let g = c.firstElementChild; g; g = g.nextElementSibling) if (isEntryField(g)) return small();
  }
  return false;
}

// Some sites begin the story inside the article's own <header>: after the kicker, the headline,
// the standfirst and the byline comes the first paragraph, the lede. Such a lede is the header's
// last text and a paragraph of prose; a standfirst stands before the byline.
const LEDE_MIN_WORDS = 20;
const LEDE_MAX_CAPITALISED = 0.5;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

// A lede may also open with its dateline ("FREMANTLE — …", "NAIROBI, April 22 (EAW) - …"), which
// no standfirst does: such a paragraph is the lede wherever it stands in the header (a hero's
// overlay sets the byline after it).
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]{2,40}(,[^—–\n]{1,40})?\s+[—–-]{1,2}\s/u;

/** Is `p` a paragraph of prose of the header `el`, outside any furniture inside it? */
function ledeProse(p, el) {
  const text = p.textContent.trim();
  const ws = words(text);
  if (ws.length < LEDE_MIN_WORDS || !SENTENCE_END.test(text) || capitalised(ws) > LEDE_MAX_CAPITALISED) return false;
  for (let n = p; n && n !== el; n = n.parentElement) if (furnitureWord(n)) return false;
  return true;
}

/** The story's lede inside an article's header element, or null. */
export function headerLede(el) {
  if (el.localName !== "header" && !furnitureWords(el).has("header")) return null;
  if (!el.parentElement?.closest("article, main, [role=main], [itemprop~=articleBody]")) return null;
  const paragraphs = [...el.querySelectorAll("p")];
  const datelined = paragraphs.find((p) => DATELINE.test(p.textContent.trim()));
  if (datelined && ledeProse(datelined, el)) return datelined;
  const last = paragraphs[paragraphs.length - 1];
  if (!last || !ledeProse(last, el)) return null;
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (/\S/.test(t.data) && !last.contains(t) && last.compareDocumentPosition(t) & FOLLOWING) return null;
  }
  return last;
}

/** Elements whose furniture verdict never applies: the story's own body. */
export function isArticleBody(el) {
  const itemprop = el.getAttribute("itemprop");
  return !!itemprop && /(^|\s)articleBody(\s|$)/i.test(itemprop);
}

// A note reference: the small mark after a word that points to a footnote or endnote ("1",
// "[2]", "*", "†"). It is a pointer, not a word of the sentence, and glued to the word before it
// ("2027.1") it would change the text the engine reads.
const NOTE_MARK = /^\[?\s*([\p{N}]{1,3}|[a-z]|[*†‡§¶]{1,3})\s*\]?$/u;
const BRACKETED_NUMBER = /^\[\s*\p{N}{1,3}\s*\]$/u;
const NOTE_MARK_MAX_CHARS = 8; // "[" three astral digits "]", spaces aside
const PERMALINK_MARK = /^[#§¶🔗]$/u;

/** Does the in-page link point at an element that holds it (`<p id=p3>… <a href="#p3">¶</a></p>`)? */
function linksToItsOwnBox(a) {
  let id;
  try { id = decodeURIComponent(a.getAttribute("href").slice(1)); } catch { return false; }
  for (let n = a.parentElement; n; n = n.parentElement) if (n.id === id) return true;
  return false;
}

/** Is this inline element a note reference (`<sup><a href="#fn1">1</a></sup>`,
 * `<a href="#note-1"><sup>[1]</sup></a>`, `<sup>[1]</sup>`, role=doc-noteref), or a permalink mark
 * to the paragraph holding it (`<a href="#p3">¶</a>`), a pointer too? */
export function isNoteReference(el, look) {
  if (el.getAttribute("role") === "doc-noteref") return true;
  const tag = el.localName;
  if (tag !== "sup" && tag !== "a") return false;
  // Asked of every link of the story: a mark is a few characters at most (an astral digit is
  // two), so a link's words are told apart without compiling NOTE_MARK's Unicode classes.
  if (el.textContent.replace(/\s+/g, "").length > NOTE_MARK_MAX_CHARS) return false;
  const inPage = (a) => a?.localName === "a" && /^#./.test(a.getAttribute("href") ?? "");
  // A permalink to the paragraph or section that holds it ("¶", "#", "§" after the last word).
  if (tag === "a" && PERMALINK_MARK.test(el.textContent.trim()) && inPage(el) && linksToItsOwnBox(el)) return true;
  if (!NOTE_MARK.test(el.textContent.trim())) return false;
  // A bracketed number in superscript ("[3]") is a note mark on its own, linked or not: a print
  // view numbers each link of the story and lists the addresses after it. A bare one may be a
  // power ("m<sup>2</sup>"), so it needs the link to a note.
  if (tag === "sup") return BRACKETED_NUMBER.test(el.textContent.trim()) || inPage(el.querySelector("a[href]")) || inPage(el.closest("a[href]"));
  // A linked mark raised by its style rather than a <sup> (a newsletter platform's
  // `<a class=footnote-anchor href=#footnote-1>1</a>`, set `vertical-align: super`).
  return inPage(el) && (!!el.querySelector("sup") || look?.verticalAlign === "super");
}

/** Does the box open with a note mark linking back to a note mark elsewhere in the page (a
 * footnote written out after the story: `<div class=footnote><a href="#footnote-anchor-1">1</a>
 * <div>The note…</div></div>`)? A mark pointing at a mark is a note's back link, and the box is
 * the note, not the story. */
function opensWithNoteBacklink(el) {
  let a = el.firstElementChild;
  if (!a) return false;
  for (let n = el.firstChild; n && n !== a; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.data)) return false;
  if (a.localName !== "a" && a.childElementCount === 1 && a.firstElementChild.localName === "a") a = a.firstElementChild;
  const href = a.localName === "a" ? a.getAttribute("href") ?? "" : "";
  if (!/^#./.test(href) || a.textContent.trim().length > NOTE_MARK_MAX_CHARS || !NOTE_MARK.test(a.textContent.trim())) return false;
  let id;
  try { id = decodeURIComponent(href.slice(1)); } catch { return false; }
  const target = el.getRootNode().getElementById?.(id);
  if (!target || el.contains(target)) return false;
  const mark = target.textContent.trim();
  return mark.length > 0 && mark.length <= NOTE_MARK_MAX_CHARS && NOTE_MARK.test(mark);
}

// How a paid unit set among the story's paragraphs says what it is, the advertiser's name after.
const SPONSOR_DISCLOSURE =
  "((paid|sponsored|promoted|partner|advertiser|branded) (content|post|story|partnership|feature)|sponsored)" +
  "(\\s+(by|from|with)\\b.{0,40}|\\s*[·|:–—-]\\s*.{0,40})?|(promoted|paid for|presented) by\\b.{0,40}|in partnership with\\b.{0,40}";

// Headings that open a section of furniture rather than of the story: what follows such a
// heading, up to the next heading of its level, is not the story ("Comments (3)", "Related",
// "More on this story", "You may also like"). The whole heading must be the phrase, so that a
// story's own subheading ("Related costs rise") is not taken for one.
const FURNITURE_HEADING = new RegExp(
  "^(\\d+\\s+)?(" +
    [
      "comments?", "readers?['’]? comments?", "(the )?(conversation|discussion)", "(readers?['’]? )?responses", "your (comments|views|say)", "join the (conversation|discussion)",
      "leave a (comment|reply)", "related( stories| articles| coverage| content| links| topics| reading| posts)?",
      "more on this( story| topic)?", "more (in|stories|like this|news|to explore)\\b.{0,30}",
      // "More from Jane Doe and The Street Journal": a platform's writer-and-publication rail.
      "more from\\b.{0,50}", "read (more|next|also)",
      "most (read|popular|viewed|shared|commented)", "trending( now| stories)?", "recommended( for you| stories| reading)?",
      "you (may|might) (also )?(like|enjoy|be interested in)", "popular( now| stories)?", "latest (news|stories|headlines)",
      "editor['’]?s picks", "top stories", "further reading", "see also", "also read", "share( this)?( article| story| page)?",
      "tags", "topics", "explore more( on these topics)?", "around the web", "sponsored( stories| content)?",
      // A paid unit's disclosure: "Paid content · Brand", "Sponsored by Brand", "Partner content from Brand".
      SPONSOR_DISCLOSURE,
      "from our partners", "in other news", "key (events|moments|points|facts)", "match (events|facts|stats|statistics)",
      "line-?ups?", "teams", "timeline", "minute[- ]by[- ]minute", "lire aussi", "à lire aussi", "sur le même sujet",
      "commentaires", "réagissez", "mehr zum thema", "kommentare", "leserkommentare", "diskutieren sie mit",
      "comentarios",
      // A wiki-style article's apparatus after the story: its sources, notes and categories.
      "sources", "references", "(foot|end)?notes", "citations", "bibliography", "external links", "categories",
      // A site's standing note on its method, as a box's title: "How we test", "How we chose these kettles".
      "how we (test|tested|review|reviewed|rate|rated|rank|ranked|choose|chose|pick|picked|select|selected)\\b.{0,30}",
      "(our )?methodology", "about (our|the|these) (ratings?|reviews?|methodology)",
      // A support notice's title over a list of helplines: "If you or anyone you know needs help:".
      "if you or (someone|anyone|somebody)( else)? you know (needs?|is|are)\\b.{0,30}",
    ].join("|") +
    // A count after the phrase: "Comments (3)", "Comments 3", "Conversation · 3".
    ")\\s*([·|–—-]\\s*)?(\\(\\d+\\)|\\d+)?\\s*[:.]?$",
  "i",
);

// A wiki's section heading carries its edit link in brackets: "Sources[edit]", "Notes [edit source]".
const EDIT_LINK = /\s*\[\s*(edit|edit source|hide|show)\s*\]\s*$/i;

const SPONSOR_LINE = new RegExp(`^(${SPONSOR_DISCLOSURE})$`, "i");
// A support notice's title is as long as it needs to be ("If you or someone you know is struggling:").
const SUPPORT_TITLE = /^if you or (someone|anyone|somebody)\b/i;

export function isFurnitureHeading(text) {
  return text.length <= 60 && FURNITURE_HEADING.test(text.trim().replace(/\s+/g, " ").replace(EDIT_LINK, ""));
}

// ---- blocks -----------------------------------------------------------------------------------

const MONTHS =
  "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?";
const DATE = new RegExp(
  `\\b(\\d{1,2}\\s+(${MONTHS})\\b|(${MONTHS})\\.?\\s+\\d{1,2}\\b|\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{1,2}[:.h]\\d{2}\\b|\\d+\\s+(min|mins|minutes|hours?)\\b|(${MONTHS})\\s+\\d{4}|\\b(yesterday|today|ago)\\b)`,
  "i",
);
export const QUOTE_MARK = /["“”„«»‘’‹›]/;
// A quotation mark that is not an apostrophe ("Okafor’s corner", "don't"): a sign of speech.
const SPEECH_MARK = /["“”„«»‹›‘]|(?<![\p{L}\p{N}])['’]|['’](?![\p{L}\p{N}])/u;

/** Does the text quote someone? Apostrophes inside words do not count. */
export function hasQuoteMark(text) {
  return SPEECH_MARK.test(text);
}
const SENTENCE_END = /[.!?…]["”’»)]*$/;
// Words written in lower case even in a name or title line ("Correspondent in Geneva").
const SMALL_WORDS = new Set(["by", "and", "in", "at", "of", "the", "for", "on", "de", "van", "von", "da", "du", "le", "la", "y", "e", "und", "et", "with", "from", "to", "a", "am", "pm", "a.m.", "p.m."]);

function words(text) {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Share of words that start with a capital letter or a digit, small words aside. */
function capitalised(ws) {
  const counted = ws.filter((w) => !SMALL_WORDS.has(w.toLowerCase().replace(/[^\p{L}.]/gu, "")));
  if (!counted.length) return 1;
  return counted.filter((w) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(w)).length / counted.length;
}

// An ad slot's label: "Advertisement", "Skip advertisement", "Publicité", "Anzeige".
const AD_LABEL = /^(skip |close |hide )?(advertisement|advertisment|advert|ads?|publicité|publicite|anzeige|werbung|publicidad|pubblicità|reklama|sponsored( content)?)\W*$/i;

const SECTION_LABEL_MAX_WORDS = 8;

// A case-insensitive pattern over letters of every script (\p{L} with the i and u flags) takes V8
// a few milliseconds to compile, on every page the content script runs in, as soon as one short
// block reaches its rule: such a part of a rule is tried only on a line that opens as it needs.
// Wire and newsroom conventions (see the rule below), all but the agency list after "with inputs from".
const NEWSROOM_LINE =
  /^([—–-]\s*with (assistance|reporting) from\b|\(\s*with (inputs? from|agency inputs)\b[^)]*\)$|with agency inputs$|contributing\s*:|\((updates|adds|recasts|rewrites|corrects|changes|refiles)\b[^)]*\)$|to contact the (reporters?|editors?|authors?)\b|(got|have) a (story|news) tip\b|(got|have) a tip\?)/i;
const WITH_INPUTS = /^with inputs? from\s/i;
const WITH_INPUTS_FROM = /^with inputs? from\s[\p{L} ,&]{1,40}$/iu;
// The site promoting itself (see the rule below), all but "get our … newsletter".
const PROMOTION = /^(sign up|subscribe|download (our|the)|follow (us|our)|join (us|our)|click here|support (our|us)|become a (member|subscriber))\b/i;
const GET_OUR = /^get (our|the) /i;
const GET_OUR_PRODUCT = /^get (our|the) [\p{L} ]{0,30}(newsletter|app|briefing|alerts)\b/iu;

const NAME_LINE_MAX_WORDS = 6;
// An opening quotation mark, or a closing one but for an apostrophe ending a word (a plural's
// possessive, 'Residents’ Association').
const OPENING_MARK = /["“„«»‹›‘”]|(?<![\p{L}\p{N}])['’]/u;
const SUPPORT_NOTICE_MAX_WORDS = 60;
const SUPPORT_NOTICE =
  /^(if you or (someone|anyone|somebody)( else)? you know\b|if (you|this (story|article|report))\b[^.]{0,60}\b(affected|distress(ed|ing)?|struggling|in crisis|need (help|support|to talk)|raised (issues|concerns))\b|(need|want) (help|support|someone to talk to)\?|in an emergency,? (call|dial|ring|phone)\b)/i;
const HELPLINE = /\b(helplines?|lifeline|samaritans|crisis (line|centre|center)|(help|support) is available)\b/i;

/**
 * Rules for one cut block of text, in order: each names what it finds. A block is
 * {text, words, linkShare} (linkShare: the share of its characters inside links).
 */
export const BLOCK_RULES = [
  // "Advertisement", "Skip advertisement", "Story continues below advertisement", "Publicité".
  [
    "ad label",
    (b) =>
      b.words.length <= 6 &&
      !QUOTE_MARK.test(b.text) &&
      (AD_LABEL.test(b.text) ||
        /\b(continues?|continue reading) below( this)?( advertisement| ad)?\W*$/i.test(b.text) ||
        /^(advertisement|ad)\s*[-–—:·|]/i.test(b.text)),
  ],
  [
    "reading break",
    (b) => b.words.length <= 10 && /^((continue|keep) reading|listen to (this|the) (article|story)|read (this|the) (article|story) in)\b/i.test(b.text),
  ],
  ["copyright line", (b) => /^(©|\(c\)\s|copyright\b)/i.test(b.text) || (b.words.length <= 25 && /\ball rights reserved\b/i.test(b.text))],
  [
    "read-more link",
    (b) =>
      b.words.length <= 30 &&
      /^(read more|read also|also read|see also|more on this( story)?|more coverage|more from|more stories|related( stories| articles| coverage| content| reading)?|further reading|recommended|watch|listen|explainer|lire aussi|à lire aussi|à lire|voir aussi|lesen sie auch|mehr zum thema|leer más|lee también|leia também)\s*[:：»>|–—-]/i.test(b.text),
  ],
  ["link list", (b) => b.linkShare >= 0.6 && b.words.length <= 30],
  // "Our standards: <a>The Trust Principles</a>", "Watch: <a>…</a>": a label, then a link.
  ["labelled link", (b) => b.linkShare >= 0.4 && b.words.length <= 20 && /^[^:.!?"“”]{1,30}:\s/.test(b.text)],
  [
    "credit line",
    (b) =>
      b.words.length <= 30 &&
      /^\(?\s*((additional|extra) reporting|reporting|writing|written|editing|edited|interview|interviews|compiled|translated|produced|words|photographs|photography|pictures|photos|illustrations?|graphics)\s+by\b/i.test(b.text),
  ],
  ["contributor line", (b) => b.words.length <= 40 && /\bcontributed( reporting)?( to)? (to )?(this|the) (report|story|article)\W*$/i.test(b.text)],
  // Wire and newsroom conventions around a story: "— With assistance from …", "Contributing: …",
  // "(With inputs from agencies)" (South Asian portals' credit for wire copy),
  // "(Updates with comments from the minister)", "To contact the reporter on this story: …".
  [
    "newsroom line",
    (b) =>
      b.words.length <= 40 &&
      (NEWSROOM_LINE.test(b.text) || (WITH_INPUTS.test(b.text) && WITH_INPUTS_FROM.test(b.text))),
  ],
  // A story syndicated from elsewhere says where it first ran: "Originally published by …",
  // "This article is republished from … under a Creative Commons license."
  [
    "syndication line",
    (b) =>
      (b.words.length <= 16 && /^(this (story|article|piece|post|report) (was |is )?)?(originally|first) (published|appeared|ran)\s+(on|in|by|at|with)\s+[^,;]{1,80}$/i.test(b.text)) ||
      (b.words.length <= 30 && /^this (story|article|piece|post|report) (is|was) republished (from|with permission of)\b/i.test(b.text)),
  ],
  // A press release's line for journalists: "Media enquiries: 0300 …", "Press contact: …".
  [
    "contact line",
    (b) =>
      b.words.length <= 30 &&
      !QUOTE_MARK.test(b.text) &&
      /^((media|press|news)\s+(enquiries|inquiries|contacts?|office|desk)\s*[:：–—-]|for (media|press) (enquiries|inquiries)\b|for (more|further) information,? (please )?(contact|call|email)\b|contacts?\s*:)/i.test(b.text),
  ],
  // How to reach the reporter, after the story: "Contact Carys on 01792 555 014 or follow
  // @carysgower.", "Email Tom Ruiz at tom@example.com". An address or a handle, not only a phone
  // number: "Call Crimestoppers on 0800 555 111" closes a police story as its own appeal.
  [
    "reporter contact",
    (b) =>
      b.words.length <= 30 &&
      !QUOTE_MARK.test(b.text) &&
      // The address first: the name's pattern, over every script's capitals, is slower to compile.
      /(^|[\s(])@[A-Za-z0-9_]{2,}|[\w.+-]+@[\w-]+\.[\w.]+/.test(b.text) &&
      /^([Cc]ontact|[Ee]-?mail|[Rr]each|[Mm]essage|[Ff]ollow)\s+\p{Lu}[\p{L}'’-]+(\s+\p{Lu}[\p{L}'’-]+){0,2}\s+(on|at|via|by)\s/u.test(b.text),
  ],
  // A notice's sign-off: "Signed: Jane Doe, Clerk to the Council", "Sgd. …" (not "Signed into law…").
  ["sign-off", (b) => b.words.length <= 30 && /^([Ss]igned\s*[:,]|[Ss]gd\.)\s*\p{Lu}/u.test(b.text) && !QUOTE_MARK.test(b.text)],
  ["source line", (b) => b.words.length <= 12 && /^sources?\s*:/i.test(b.text) && !QUOTE_MARK.test(b.text)],
  [
    "promotion",
    (b) =>
      b.words.length <= 35 &&
      (PROMOTION.test(b.text) || (GET_OUR.test(b.text) && GET_OUR_PRODUCT.test(b.text))),
  ],
  // The site asking its readers for money, anywhere in a short box: "This story is free to read
  // thanks to our members. If you value local reporting like this, become a member from $6 a
  // month." An appeal to the reader and a word of paying for it, both: a story about a club's
  // members has the one without the other.
  [
    "support appeal",
    (b) =>
      b.words.length <= 60 &&
      !QUOTE_MARK.test(b.text) &&
      /\b(if you (value|like|enjoy|appreciate|rely on|believe in)|please consider|consider (supporting|subscribing|becoming|donating|making a)|readers like you|(thanks|thank you) to (our |all our )?(members|subscribers|supporters|donors|readers)|made possible by (our )?(members|subscribers|supporters|donors|readers))\b/i.test(b.text) &&
      /\b(members?|membership|subscri(be|bers?|ption)|donat(e|ion|ions|ing)|support(ing|ers?)?|contribut(e|ion|ing))\b/i.test(b.text),
  ],
  // "Do you have an opinion on the issues raised in this article? Email a letter…", "Have your
  // say", "Got a question? Write to us at…", "Questions about the list? Write to the secretary…",
  // an advice column's "Got a problem you would like Margot to tackle? Write to …":
  // the site inviting the reader, not the story.
  [
    "reader invitation",
    (b) =>
      b.words.length <= 45 &&
      !QUOTE_MARK.test(b.text) &&
      /^(do you have (an opinion|a view|a question|a story|information|something to say)|have your say|what do you think\?|share your (views|thoughts|story|experience)|(email|send|write) (us|a letter|to us)\b|tell us (what|your|about)|we want to hear from you|(got|have) a story\b[^?]{0,40}\?|((any|got|have)( an?| any)? )?(questions?|queries|comments?|feedback|tips?|corrections?|problems?|dilemmas?)\b[^?.!]{0,60}\?\s+(write|e-?mail|call|ring|contact|text|message|get in touch)\b)/i.test(b.text),
  ],
  // The site's standing note on its method, under a label: "How we rate claims: we ask the
  // speaker for their source…", "Methodology: …", "About our ratings: …". It explains the
  // site's practice, not this story.
  [
    "method note",
    (b) =>
      b.words.length <= 70 &&
      !QUOTE_MARK.test(b.text) &&
      /^(how we (rate|rated|check|checked|verify|verified|fact-check|choose|chose|select|selected|calculate|calculated|count|counted|test|tested|rank|ranked)\b[^:.!?]{0,40}|methodology|our (method|methodology|ratings?|rating (system|scale))|about (our|the) (ratings?|rating (system|scale)|methodology))\s*[:：]\s/i.test(b.text),
  ],
  // A print page's jump line, kept in a newspaper's web copy of its pages: "Please see BUDGET, Page
  // A6", "Continued from Page A1", "See JAIL, A6", "Turn to Page 4". It points to paper, not words.
  [
    "jump line",
    (b) =>
      b.words.length <= 10 &&
      !QUOTE_MARK.test(b.text) &&
      /^[\s(]*((please )?(see|turn to)\b[^.!?]{0,40}?,?\s*((page|p\.)\s*)?[A-Z]?\d{1,3}|(continued|cont\.)\s+(from|on)\s+(page|p\.)\s*[A-Z]?\d{1,3})[\s).]*$/i.test(b.text),
  ],
  // A line taking the reader elsewhere on the site: "« Back to news · Next story: …", "Previous
  // article: …", "‹ Prev | Next ›".
  [
    "story navigation",
    (b) =>
      b.words.length <= 25 &&
      (/^[\s«‹<←[(|·]*(back to (the )?(top|news|home|homepage|stories|index|front page|section)\b|(next|previous|prev) (story|article|post)\s*[:»›>→])/i.test(b.text) ||
        /[·|]\s*(next|previous) (story|article|post)\s*:/i.test(b.text)),
  ],
  [
    "follow line",
    (b) => b.words.length <= 16 && /^follow\s.{1,60}\s(on|at)\s(x|twitter|instagram|bluesky|facebook|threads|mastodon|tiktok|linkedin|https?:)/iu.test(b.text),
  ],
  // The writer's title on its own line under a byline: "Sentinel Staff Writer", "Chief Political Correspondent".
  [
    "role line",
    (b) => b.words.length <= 5 && !SENTENCE_END.test(b.text) && /\b(writer|reporter|correspondent|editor|columnist|contributor|photographer)s?$/i.test(b.text) && capitalised(b.words) >= 0.7,
  ],
  ["byline", (b) => b.words.length <= 16 && /^[Bb][Yy]\s+\p{Lu}/u.test(b.text) && capitalised(b.words) >= 0.7],
  [
    "time line",
    (b) =>
      b.words.length <= 16 &&
      DATE.test(b.text) &&
      /^(published|updated|last updated|first published|posted|modified|publié|mis à jour|actualizado)\b/i.test(b.text),
  ],
  [
    "meta line",
    (b) => b.words.length <= 16 && DATE.test(b.text) && !SENTENCE_END.test(b.text) && !QUOTE_MARK.test(b.text) && capitalised(b.words) >= 0.6,
  ],
  [
    "caption credit",
    (b) =>
      b.words.length <= 60 &&
      // Each pattern needs a character or word the cheap check before it looks for: most blocks are spared both.
      ((b.text.includes(":") && /(^|[\s(·|])(photo|photos|photograph|photographs|picture|pictures|image|images|credit|credits|illustration|video|foto|fotos|bild|crédit|crédits)\s*:\s*[^.!?:]{1,80}\)?$/i.test(b.text)) ||
        // "(Sentinel photo by Ann Lutz)", "(EAW Photo/Hajara Nsubuga)", "(File photo courtesy of …)",
        // and in square brackets as Chinese sites set them: "[Photo by Li Wei/China Daily]", "[Photo/Xinhua]"
        (/[)\]]$/.test(b.text) && /photo|picture|image/i.test(b.text) && /[([]([\p{L}.&]+\s+){0,3}(photo|photograph|picture|image)s?(\s+(by|courtesy(\s+of)?|provided (to|by))\s+|\s*\/\s*)[^()[\]]{2,60}[)\]]$/iu.test(b.text))),
  ],
  ["label", (b) => b.words.length <= 2 && !QUOTE_MARK.test(b.text) && !SENTENCE_END.test(b.text)],
  // A line of capitalised words only, not a sentence: a name, a title, a place — a letter's
  // signature ('Dr Hamid Qureshi', 'Chair, Walker Residents’ Association'), a byline without
  // its 'By', a helpline's name and number ('Lifeline on 13 11 14'). The story's prose is
  // sentences; its subheadings are optional text. Not a line with a colon, nor an item of a list:
  // a list of the story's labels its items ('Best newcomer: Sam Ortiz') or names people ('Ama
  // Mensah, 34').
  [
    "name line",
    (b) =>
      b.words.length <= NAME_LINE_MAX_WORDS &&
      !SENTENCE_END.test(b.text) &&
      !/[:;]|,$/.test(b.text) &&
      !OPENING_MARK.test(b.text) &&
      capitalised(b.words) === 1 &&
      !b.el?.closest?.("li") &&
      // A quote's attribution ('— Lorraine Dubois, of Prince Albert') goes with its quote.
      !(b.el && attributedQuote(b.el)),
  ],
  // A support notice under a story about suicide, abuse or a crisis: "If you or anyone you know
  // needs help:", "If this story has raised issues for you, call …", "In an emergency, call 000."
  // It points the reader to a helpline, in the same words on every such story.
  [
    "support notice",
    (b) =>
      b.words.length <= SUPPORT_NOTICE_MAX_WORDS &&
      !QUOTE_MARK.test(b.text) &&
      SUPPORT_NOTICE.test(b.text) &&
      (/\d{2}/.test(b.text) || /:$/.test(b.text) || HELPLINE.test(b.text)),
  ],
  // A line naming a section of furniture, set as text rather than as a heading: a web story's last
  // slide 'More stories from the Top End', a bare 'Related coverage' line.
  ["section label", (b) => b.words.length <= SECTION_LABEL_MAX_WORDS && !QUOTE_MARK.test(b.text) && !SENTENCE_END.test(b.text) && isFurnitureHeading(b.text)],
];

// An author's bio, where stories end: "Ottilie Brandt is the Andes bureau chief…",
// "Jane Doe covers health for the Herald." A name, then what the journalist does.
const BIO_START = /^\p{Lu}[\p{L}'’.-]+(\s\p{Lu}[\p{L}'’.-]+){1,3},?\s(is|was|covers|reports|writes|has (covered|reported|written)|joined)\b/u;
const BIO_WORDS = /\b(correspondent|reporter|writer|editor|columnist|journalist|bureau|desk|contributor|producer|photographer|covers|covering|reports on|writes about|newsroom|author of)\b/i;
export const BIO_MAX_WORDS = 60;
// How many blocks from the end an author's bio may sit.
export const BIO_FROM_END = 2;

/**
 * Is the block an author's bio? Either by the words of the trade after a name ("… is the Andes
 * bureau chief"), with no quotation in it; or by opening with the full name of one of the story's
 * authors (`authors`, as the page's metadata gives them, content/authors.js) followed by what the
 * author is or does ("Dale Henriksen drove a school bus…", "Dale Henriksen, a farmer, …"), which
 * may quote the author or a book title: a story never turns to its own writer by full name.
 */
export function isAuthorBio(block, authors = []) {
  if (block.words.length > BIO_MAX_WORDS) return false;
  // `authors` may be a function giving them, asked only of a block that opens like a bio.
  if (MAY_OPEN_WITH_NAME.test(block.text) && (typeof authors === "function" ? authors() : authors).some((name) => opensWithName(block.text, name))) return true;
  // The cheap tests first: BIO_START's Unicode classes take a while to compile on each page.
  return !QUOTE_MARK.test(block.text) && BIO_WORDS.test(block.text) && BIO_START.test(block.text);
}

// A bio opens with a capitalised name of two words or more.
const MAY_OPEN_WITH_NAME = /^\p{Lu}\S*\s+\p{Lu}/u;
// After the name, a bio goes on in lower case ("drove", "is", "has") or with an apposition (", a …").
const AFTER_NAME = /^(,\s|\s+\p{Ll})/u;

function opensWithName(text, name) {
  return text.slice(0, name.length).toLowerCase() === name.toLowerCase() && AFTER_NAME.test(text.slice(name.length));
}

// A page's title names the story and the site: "Mill fire: owners rebuild - Dunmore Gazette".
const TITLE_SEPARATOR = /\s+[-–—|:·•»]{1,2}\s+/;
const SITE_NAME_MAX_WORDS = 6;

// The last title split: asked once per short block of a page, with the same title each time.
let lastTitle = { title: null, parts: [] };
function titleParts(title) {
  if (lastTitle.title !== title) lastTitle = { title, parts: title.split(TITLE_SEPARATOR).map((t) => t.trim().toLowerCase()) };
  return lastTitle.parts;
}

/** Is the block the site's name, as the page's title gives it beside a longer headline (a
 * masthead set as a bold line on a page without a <header>)? */
export function isSiteName(block, title) {
  if (!title || block.words.length > SITE_NAME_MAX_WORDS) return false;
  const parts = titleParts(title);
  if (parts.length < 2) return false;
  const text = block.text.trim().toLowerCase();
  return parts.includes(text) && parts.some((t) => t.length > text.length);
}

/** The name of the first block rule the block breaks, or null. */
export function furnitureBlock(block) {
  for (const [name, test] of BLOCK_RULES) if (test(block)) return name;
  return null;
}

// In preformatted wire copy the credit is the line after the last paragraph, not a
// paragraph of its own: such a line starts a block so the rules above can see it alone.
export function isCreditLine(line) {
  return /^\s*\(?\s*((additional|extra) reporting|reporting|writing|editing|compiled)\s+by\b/i.test(line);
}

export { words as blockWords };
