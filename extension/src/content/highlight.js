// Paints spans with the CSS Custom Highlight API: one Highlight per category, registered
// in the document's highlight registry, styled by ::highlight() rules in a constructed
// stylesheet. Nothing is added to or changed in the page's DOM.
//
// The registry and the stylesheets belong to the document, so the page sees and can change
// them: it can list the names (CSS.highlights is a map), read the ranges, delete or replace
// a Highlight, add its own ranges to ours, restyle ::highlight(name) with rules that beat
// ours (a more specific selector or a cascade layer wins over our !important), or cover ours
// with a higher-priority highlight of its own. Nothing the extension can do in the page
// prevents all of that, so the highlighter makes it hard and visible instead:
// - names carry a random suffix chosen per page load, so a stylesheet written in advance
//   cannot target them;
// - the registry gets immutable StaticRange copies of our ranges, so the page cannot move
//   a highlight by moving its range;
// - our rules are !important and adopted after the page's sheets, which beats any ordinary
//   override;
// - `verify()` (after every paint, before every count is reported, and on a timer) puts
//   back a Highlight the page deleted, replaced or altered and a stylesheet it removed or
//   edited, and compares the computed ::highlight() style of painted text with what our
//   rules alone give (a reference rule under a fresh name no page rule can target); what
//   it cannot undo (a restyle, a covering highlight) it reports, and the popup says
//   "this page interferes with highlights".

import { CATEGORIES, PRIORITY, highlightName } from "../shared/categories.js";
import { highlightStyle } from "../shared/colour.js";

// The properties a ::highlight() rule can set (css-pseudo-4 "highlight styling").
const STYLED = [
  "backgroundColor", "color", "textDecorationLine", "textDecorationColor", "textDecorationStyle",
  "textDecorationThickness", "textUnderlineOffset", "textShadow", "webkitTextFillColor",
  "webkitTextStrokeColor", "webkitTextStrokeWidth",
];
const SAMPLES_PER_CATEGORY = 3;

export function highlightsSupported(win = globalThis) {
  return typeof win.Highlight === "function" && !!win.CSS?.highlights;
}

/** A name part no page can guess: 64 random bits, new on every page load. */
export function randomSuffix(win = globalThis) {
  const words = win.crypto.getRandomValues(new Uint32Array(2));
  return [...words].map((w) => w.toString(36)).join("");
}

export class Highlighter {
  /** @param {{suffix?: string, alsoOurs?: Iterable<string>}} o alsoOurs: other names the extension registers */
  constructor(doc = document, { suffix = randomSuffix(doc.defaultView), alsoOurs = [] } = {}) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.suffix = suffix;
    this.alsoOurs = new Set(alsoOurs);
    this.sheet = new this.win.CSSStyleSheet();
    this.declarations = new Map(); // category → its rule's declarations, as set
    this.rulesText = "";
    this.rulesCss = ""; // the rules as the sheet serialises them, to notice an edit
    this.painted = new Map(); // category → {name, highlight, ranges: StaticRange[], elements: Element[]}
    this.interference = new Set(); // what the page did to our highlights, for the popup
  }

  name(category) {
    return highlightName(category, this.suffix);
  }

  /** @param {{theme: "light"|"dark", background: number[], text: number[]|null}} look */
  setLook(look) {
    for (const { id } of CATEGORIES) this.declarations.set(id, important(highlightStyle(id, look)));
    this.rulesText = CATEGORIES.map(({ id }) => rule(this.name(id), this.declarations.get(id))).join("\n");
    this.sheet.replaceSync(this.rulesText);
    this.rulesCss = rulesOf(this.sheet);
    this.adoptSheet();
  }

  /** Re-adds our sheet if the page replaced document.adoptedStyleSheets wholesale; true if it had to. */
  adoptSheet() {
    const sheets = this.doc.adoptedStyleSheets;
    if (sheets.includes(this.sheet)) return false;
    this.doc.adoptedStyleSheets = [...sheets, this.sheet];
    return true;
  }

  /**
   * @param {Map<string, Range[]>} rangesByCategory
   * @param {(category: string) => boolean} isEnabled
   */
  render(rangesByCategory, isEnabled) {
    this.adoptSheet();
    const registry = this.win.CSS.highlights;
    for (const { id } of CATEGORIES) {
      const name = this.name(id);
      const ranges = rangesByCategory.get(id) ?? [];
      if (isEnabled(id) && ranges.length) {
        const statics = ranges.map((r) => this.frozen(r));
        const entry = { name, ranges: statics, elements: samples(ranges), highlight: this.highlightOf(id, statics) };
        // Replacing the registered object swaps all ranges in one paint: no flicker.
        registry.set(name, entry.highlight);
        this.painted.set(id, entry);
      } else if (this.painted.has(id) || registry.has(name)) {
        registry.delete(name);
        this.painted.delete(id);
      }
    }
  }

  clear() {
    for (const { name } of this.painted.values()) this.win.CSS.highlights.delete(name);
    this.painted.clear();
  }

  /**
   * Puts back what the page removed or changed, and reports what it did.
   * @param {{styles?: boolean, blocks?: Set<Element>}} opts `styles`: also compare computed
   *   styles (forces a style recalculation, so not on every tick); `blocks`: the article's
   *   block elements, to notice foreign highlights painted over them.
   * @returns {string[]} what was found this time (also added to `interference`)
   */
  verify({ styles = true, blocks = null } = {}) {
    const found = [];
    if (this.adoptSheet()) found.push("removed claimlight's stylesheet");
    if (this.rulesText && rulesOf(this.sheet) !== this.rulesCss) {
      this.sheet.replaceSync(this.rulesText);
      found.push("changed claimlight's styles");
    }
    const registry = this.win.CSS.highlights;
    for (const [id, entry] of this.painted) {
      const now = registry.get(entry.name);
      if (now === entry.highlight && intact(now, entry.ranges, PRIORITY[id])) continue;
      found.push(now === undefined ? `deleted the ${id} highlights` : now === entry.highlight ? `altered the ${id} highlights` : `replaced the ${id} highlights`);
      entry.highlight = this.highlightOf(id, entry.ranges);
      registry.set(entry.name, entry.highlight);
    }
    found.push(...this.foreign(registry, blocks));
    if (styles) found.push(...this.restyled());
    for (const what of found) this.interference.add(what);
    return found;
  }

  // ---- internals ----------------------------------------------------------------------------

  highlightOf(category, ranges) {
    const h = new this.win.Highlight(...ranges);
    h.priority = PRIORITY[category];
    return h;
  }

  frozen(range) {
    return new this.win.StaticRange({
      startContainer: range.startContainer,
      startOffset: range.startOffset,
      endContainer: range.endContainer,
      endOffset: range.endOffset,
    });
  }

  /** Highlights not ours that claim our name, or that paint over article text above priority 0. */
  foreign(registry, blocks) {
    const mine = new Set([...this.painted.values()].map((e) => e.name).concat([...this.alsoOurs]));
    const found = [];
    for (const [name, h] of registry) {
      if (mine.has(name)) continue;
      if (name.startsWith("claimlight-")) {
        found.push("added highlights under a claimlight name");
      } else if (blocks?.size && h.priority > 0 && [...h].slice(0, 200).some((r) => inside(r.startContainer, blocks))) {
        found.push("paints its own highlights over the article");
      }
    }
    return found;
  }

  /** Categories whose painted text does not look the way our rules alone make it look. */
  restyled() {
    const entries = [...this.painted].filter(([, e]) => e.elements.some((el) => el.isConnected));
    if (!entries.length) return [];
    // A reference rule per category under a name made now: no page rule can target it, so
    // its computed style is what ours should be. Inserted and removed in one task, so no
    // page script runs in between.
    const refs = entries.map(([id]) => [id, `${this.name(id)}-ref-${randomSuffix(this.win)}`]);
    const first = this.sheet.cssRules.length;
    for (const [id, ref] of refs) this.sheet.insertRule(rule(ref, this.declarations.get(id)), this.sheet.cssRules.length);
    const found = [];
    try {
      entries.forEach(([id, entry], i) => {
        const ref = refs[i][1];
        for (const el of entry.elements) {
          if (!el.isConnected) continue;
          const got = this.win.getComputedStyle(el, `::highlight(${entry.name})`);
          const want = this.win.getComputedStyle(el, `::highlight(${ref})`);
          if (STYLED.some((p) => got[p] !== want[p])) {
            found.push(`restyled the ${id} highlights`);
            break;
          }
        }
      });
    } finally {
      while (this.sheet.cssRules.length > first) this.sheet.deleteRule(this.sheet.cssRules.length - 1);
    }
    return found;
  }
}

function rule(name, declarations) {
  return `::highlight(${name}) { ${declarations} }`;
}

function important(declarations) {
  return declarations
    .split(";")
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => `${d} !important`)
    .join("; ");
}

function rulesOf(sheet) {
  return [...sheet.cssRules].map((r) => r.cssText).join("\n");
}

/** The registered Highlight still holds exactly our ranges, at our priority, as a plain highlight. */
function intact(h, ranges, priority) {
  if (h.size !== ranges.length || h.priority !== priority || (h.type && h.type !== "highlight")) return false;
  return ranges.every((r) => h.has(r));
}

/** Elements to check the computed style on: where the first, a middle and the last range start. */
function samples(ranges) {
  const picks = new Set();
  for (const i of [0, ranges.length >> 1, ranges.length - 1].slice(0, SAMPLES_PER_CATEGORY)) {
    const node = ranges[i]?.startContainer;
    const el = node?.nodeType === 1 ? node : node?.parentElement;
    if (el) picks.add(el);
  }
  return [...picks];
}

function inside(node, blocks) {
  for (let el = node?.nodeType === 1 ? node : node?.parentElement; el; el = el.parentElement) {
    if (blocks.has(el)) return true;
  }
  return false;
}
