// Paints spans with the CSS Custom Highlight API: one Highlight per category, registered
// in the document's highlight registry, styled by ::highlight() rules in a constructed
// stylesheet. Nothing is added to or changed in the page's DOM.

import { CATEGORIES, PRIORITY, highlightName } from "../shared/categories.js";
import { highlightStyle } from "../shared/colour.js";

export function highlightsSupported(win = globalThis) {
  return typeof win.Highlight === "function" && !!win.CSS?.highlights;
}

export class Highlighter {
  constructor(doc = document) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.sheet = new this.win.CSSStyleSheet();
    this.registered = new Set();
  }

  /** @param {{theme: "light"|"dark", background: number[], text: number[]|null}} look */
  setLook(look) {
    const rules = CATEGORIES.map(({ id }) => `::highlight(${highlightName(id)}) { ${highlightStyle(id, look)}; }`);
    this.sheet.replaceSync(rules.join("\n"));
    this.adoptSheet();
  }

  /** Re-adds our sheet if the page replaced document.adoptedStyleSheets wholesale. */
  adoptSheet() {
    const sheets = this.doc.adoptedStyleSheets;
    if (!sheets.includes(this.sheet)) this.doc.adoptedStyleSheets = [...sheets, this.sheet];
  }

  /**
   * @param {Map<string, Range[]>} rangesByCategory
   * @param {(category: string) => boolean} isEnabled
   */
  render(rangesByCategory, isEnabled) {
    this.adoptSheet();
    const registry = this.win.CSS.highlights;
    for (const { id } of CATEGORIES) {
      const name = highlightName(id);
      const ranges = rangesByCategory.get(id) ?? [];
      if (isEnabled(id) && ranges.length) {
        const h = new this.win.Highlight(...ranges);
        h.priority = PRIORITY[id];
        // Replacing the registered object swaps all ranges in one paint: no flicker.
        registry.set(name, h);
        this.registered.add(name);
      } else if (this.registered.has(name) || registry.has(name)) {
        registry.delete(name);
        this.registered.delete(name);
      }
    }
  }

  clear() {
    for (const name of this.registered) this.win.CSS.highlights.delete(name);
    this.registered.clear();
  }
}
