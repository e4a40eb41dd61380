// Is this page an article — a story to analyse on its own — or a front page, a search page,
// a forum? Decided from what the page says about itself (schema.org JSON-LD and microdata,
// Open Graph) and from what its extracted text looks like, by an ordered list of named rules:
// the first rule with an answer decides. A live blog is an article; a listing of stories is
// not, however long its teasers. Pages that are not articles can still be analysed on request.

// schema.org types of a story. Any type ending in "Article" counts too (NewsArticle,
// ReportageNewsArticle, OpinionNewsArticle, AnalysisNewsArticle, ScholarlyArticle…).
const ARTICLE_TYPES = new Set(["blogposting", "liveblogposting", "report", "article"]);
// schema.org types of pages that are not one story.
// Microdata marks up parts of pages too (a related list, breadcrumbs), so only whole-page
// kinds count there.
const OTHER_MICRODATA = new Set(["discussionforumposting", "qapage", "searchresultspage", "collectionpage", "profilepage", "product"]);
const OTHER_TYPES = new Set([
  "collectionpage", "searchresultspage", "itemlist", "discussionforumposting", "qapage", "profilepage",
  "contactpage", "aboutpage", "checkoutpage", "product", "productgroup", "realestatelisting",
]);

function typeKind(type) {
  const t = String(type).replace(/^.*[/#:]/, "").toLowerCase();
  if (ARTICLE_TYPES.has(t) || t.endsWith("article")) return "article";
  if (OTHER_TYPES.has(t)) return "other";
  return null;
}

/** The types of the page's own JSON-LD entities: top-level, @graph members and a page's
 * mainEntity — not the stories a list or a page links to. */
function jsonLdTypes(doc) {
  const types = [];
  const visit = (node, depth) => {
    if (!node || typeof node !== "object" || depth > 3) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth));
    const t = node["@type"];
    if (t) types.push(...(Array.isArray(t) ? t : [t]));
    if (node["@graph"]) visit(node["@graph"], depth + 1);
    if (node.mainEntity) visit(node.mainEntity, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent), 0);
    } catch {
      // A page's malformed JSON-LD says nothing.
    }
  }
  return types;
}

/**
 * What the documents say about themselves (the top document, and the frames the article may
 * be shown in).
 * @param {Document[]} docs
 */
export function metadataSignals(docs) {
  const types = docs.flatMap(jsonLdTypes);
  const kinds = types.map(typeKind);
  const og = docs.map((d) => d.querySelector('meta[property="og:type" i], meta[name="og:type" i]')?.getAttribute("content")).find(Boolean);
  const itemtypes = docs.flatMap((d) => [...d.querySelectorAll("[itemtype]")]).map((el) => el.getAttribute("itemtype"));
  const microdata = itemtypes.map(typeKind);
  return {
    schema: kinds.includes("article") ? "article" : kinds.includes("other") ? "other" : null,
    types,
    ogType: og ? og.trim().toLowerCase() : null,
    articleBody: docs.some((d) => d.querySelector('[itemprop~="articleBody" i]')),
    microdataArticles: microdata.filter((k) => k === "article").length,
    microdataOther: itemtypes.some((t) => OTHER_MICRODATA.has(String(t).replace(/^.*[/#:]/, "").toLowerCase())),
  };
}

// Text an article has at least, when nothing else says it is one.
export const MIN_PROSE_CHARS = 900;
const MIN_PROSE_BLOCKS = 3;
// Paragraphs quoting someone with a verb of saying ("… ,” said Ruth Calnan.") that make prose a
// report, as an about page or a landing page is not.
export const MIN_SPEECH_BLOCKS = 2;
const SPEECH_VERB = /\b(said|says|told|tells|added|asked|explained)\b/i;

/** Does a block's text quote someone with a verb of saying? */
export function reportsSpeech(text) {
  return SPEECH_VERB.test(text) && /["“”«»]/.test(text);
}
// A listing: stories' headlines as links, with little text under each.
const LISTING_HEADINGS = 3;
const LISTING_CHARS_PER_HEADING = 800;
const MAX_LINK_SHARE = 0.35;
// Text the page itself puts in <article> elements (a story, a live blog's entries) needs less.
const ARTICLE_ELEMENT_SHARE = 0.8;
const MIN_ARTICLE_ELEMENT_CHARS = 400;

/** Headlines that are links, with little text under each: teasers, not a story. */
export function isListing(text) {
  return text.linkedHeadings >= LISTING_HEADINGS && text.chars / text.linkedHeadings < LISTING_CHARS_PER_HEADING;
}

/**
 * The rules, in order. Each reads the signals and answers true (an article), false (not an
 * article) or undefined (no opinion). Content signals (`text`) may be missing when the
 * metadata already decided.
 */
export const ARTICLE_RULES = [
  ["schema.org says article", (s) => (s.schema === "article" ? true : undefined)],
  ["schema.org says another kind of page", (s) => (s.schema === "other" ? false : undefined)],
  ["marked-up article body", (s) => (s.articleBody || s.microdataArticles === 1 ? true : undefined)],
  ["microdata says another kind of page", (s) => (s.microdataOther && !s.microdataArticles ? false : undefined)],
  ["no text", (s) => (s.text && s.text.chars === 0 ? false : undefined)],
  ["a listing of stories", (s) => (s.text && isListing(s.text) ? false : undefined)],
  [
    "text in <article> markup",
    (s) => (s.text && s.text.inArticleElement >= ARTICLE_ELEMENT_SHARE && s.text.chars >= MIN_ARTICLE_ELEMENT_CHARS ? true : undefined),
  ],
  ["Open Graph says article", (s) => (s.ogType === "article" ? true : undefined)],
  [
    "long prose",
    (s) => {
      if (!s.text) return undefined;
      // A page calling itself a website needs more than the usual evidence, unless its prose
      // reports what people said, as a story does (a site builder calls every page a website).
      const reports = (s.text.speech ?? 0) >= MIN_SPEECH_BLOCKS;
      const min = s.ogType && s.ogType !== "article" && !reports ? 3 * MIN_PROSE_CHARS : MIN_PROSE_CHARS;
      return s.text.chars >= min && s.text.blocks >= MIN_PROSE_BLOCKS && s.text.linkShare < MAX_LINK_SHARE ? true : undefined;
    },
  ],
];

/**
 * @param {object} signals metadataSignals(), plus `text`: {chars, blocks, linkShare,
 *   linkedHeadings, inArticleElement, speech} of the extracted article when it is known
 *   (inArticleElement: the share of its characters inside <article> elements; speech: how many
 *   of its blocks quote someone with a verb of saying)
 * @returns {{isArticle: boolean | undefined, rule: string | null}} undefined: the metadata alone
 *   cannot tell (the caller extracts the text and asks again)
 */
export function decide(signals) {
  for (const [rule, test] of ARTICLE_RULES) {
    const answer = test(signals);
    if (answer !== undefined) return { isArticle: answer, rule };
  }
  return signals.text ? { isArticle: false, rule: "not enough prose" } : { isArticle: undefined, rule: null };
}
