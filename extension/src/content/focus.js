// Taking the reader to a quotation the side panel or a shortcut chose: the page scrolls it
// into view and it is emphasised for a moment with its own highlight, above the others.
// Like the other highlights it adds nothing to the page's DOM.

import { highlightName } from "../shared/categories.js";
import { highlightStyle } from "../shared/colour.js";
import { randomSuffix } from "./highlight.js";

// Random per page load, like the categories' names (highlight.js): a page cannot style or
// hide the emphasis with a rule written in advance.
export const FOCUS_HIGHLIGHT = highlightName("focus", randomSuffix());
export const EMPHASIS_MS = 2200;
const FOCUS_PRIORITY = 100; // above every category (categories.js PRIORITY)

export class Focus {
  constructor(doc = document) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.sheet = new this.win.CSSStyleSheet();
    this.timer = 0;
  }

  /** @param {{theme, background, text}} look the page's look (look.js) */
  setLook(look) {
    if (!look) return;
    this.sheet.replaceSync(`::highlight(${FOCUS_HIGHLIGHT}) { ${highlightStyle("focus", look)}; }`);
    const sheets = this.doc.adoptedStyleSheets;
    if (!sheets.includes(this.sheet)) this.doc.adoptedStyleSheets = [...sheets, this.sheet];
  }

  /** Scrolls `ranges[0]` into view and emphasises every range for a moment. */
  show(ranges) {
    if (!ranges.length) return;
    this.scrollTo(ranges[0]);
    const registry = this.win.CSS.highlights;
    const h = new this.win.Highlight(...ranges);
    h.priority = FOCUS_PRIORITY;
    registry.set(FOCUS_HIGHLIGHT, h);
    this.win.clearTimeout(this.timer);
    this.timer = this.win.setTimeout(() => registry.get(FOCUS_HIGHLIGHT) === h && registry.delete(FOCUS_HIGHLIGHT), EMPHASIS_MS);
  }

  scrollTo(range) {
    const reduce = this.win.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    const behavior = reduce ? "instant" : "smooth";
    const el = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    const rect = range.getBoundingClientRect();
    const vh = this.win.innerHeight;
    if (rect.top >= vh * 0.15 && rect.bottom <= vh * 0.85) return; // already where the eye is
    const box = el?.getBoundingClientRect();
    if (el && box && box.height < vh * 0.7) {
      // The paragraph fits: centre it, whatever scrolls it (the window or a scrolling column).
      el.scrollIntoView({ block: "center", inline: "nearest", behavior });
    } else {
      // A paragraph taller than the window: bring the quotation itself to a third of the way down.
      this.win.scrollBy({ top: rect.top - vh / 3, behavior });
    }
  }

  clear() {
    this.win.clearTimeout(this.timer);
    this.win.CSS.highlights.delete(FOCUS_HIGHLIGHT);
  }
}
