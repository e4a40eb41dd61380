// The story's authors, as the page names them about itself: schema.org JSON-LD (the page's own
// entities), microdata and rel=author links, <meta name=author>. Used to tell an author's bio at
// the end of the story ("Dale Henriksen drove a school bus… His first book, “Gravel Roads,” is out
// in the spring."), which may quote the author and name no trade, from the story's own last
// paragraph: a story never turns to its own writer by full name, a bio always opens with it.

// A person's name: two to four capitalised words ("Jane Doe", "Jean-Marc O’Neill", "Mary de la
// Cruz" aside, which is rare enough among bylines not to matter), no digits, no URL.
const NAME = /^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;
const NAME_MAX_CHARS = 50;
// How deep the JSON-LD is searched: the page's entity, its @graph, its mainEntity.
const LD_MAX_DEPTH = 3;

function cleanName(raw) {
  if (typeof raw !== "string") return null;
  const name = raw.replace(/\s+/g, " ").trim().replace(/^by\s+/i, "");
  return name.length <= NAME_MAX_CHARS && NAME.test(name) ? name : null;
}

/** Names from a JSON-LD `author` value: a string, a Person (an organisation is no writer), or a list. */
function ldAuthorNames(value, out) {
  if (Array.isArray(value)) return value.forEach((v) => ldAuthorNames(v, out));
  if (typeof value === "string") return out.push(value);
  if (!value || typeof value !== "object") return;
  const types = [].concat(value["@type"] ?? []).map((t) => String(t).toLowerCase());
  if (types.length && !types.includes("person")) return;
  out.push(value.name);
}

function jsonLdAuthors(doc, out) {
  const visit = (node, depth) => {
    if (!node || typeof node !== "object" || depth > LD_MAX_DEPTH) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth));
    if (node.author) ldAuthorNames(node.author, out);
    if (node["@graph"]) visit(node["@graph"], depth + 1);
    if (node.mainEntity) visit(node.mainEntity, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent), 0);
    } catch {
      // A page's malformed JSON-LD names no one.
    }
  }
}

/**
 * The full names of the story's authors the documents give (the top document, the frames the
 * story may be shown in), each once.
 * @param {Document[]} docs
 */
export function authorNames(docs) {
  const raw = [];
  for (const doc of docs) {
    jsonLdAuthors(doc, raw);
    for (const m of doc.querySelectorAll('meta[name="author" i]')) raw.push(m.getAttribute("content"));
    for (const el of doc.querySelectorAll('[itemprop~="author" i]')) raw.push((el.querySelector('[itemprop~="name" i]') ?? el).textContent);
    for (const a of doc.querySelectorAll('a[rel~="author" i]')) raw.push(a.textContent);
  }
  return [...new Set(raw.map(cleanName).filter(Boolean))];
}
