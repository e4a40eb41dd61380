// The card shown when the pointer rests on a highlight. It lives in a closed shadow root
// on a zero-size, fixed-position host appended to <html>: the one element the extension
// adds to a page, invisible to the page's layout, styles and scripts' queries of its
// content.

import { CATEGORIES } from "../shared/categories.js";

const HOST_TAG = "claimlight-card";
const LABEL = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.label]));

const CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 1; max-width: 300px; min-width: 180px; box-sizing: border-box;
  padding: 10px 12px; border-radius: 10px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: #ffffff; color: #1f2328; border: 1px solid rgba(31, 35, 40, .15);
  box-shadow: 0 8px 24px rgba(0, 0, 0, .18), 0 2px 6px rgba(0, 0, 0, .08);
  opacity: 0; transform: translateY(2px); transition: opacity .12s ease, transform .12s ease;
  pointer-events: none;
}
.card.dark { background: #1f2227; color: #e6e8eb; border-color: rgba(255, 255, 255, .14); box-shadow: 0 8px 24px rgba(0, 0, 0, .5); }
.card.shown { opacity: 1; transform: none; }
.section + .section { margin-top: 8px; padding-top: 8px; border-top: 1px solid rgba(127, 127, 127, .25); }
.title { display: flex; align-items: center; gap: 6px; font-size: 11px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; opacity: .75; }
.chip { width: 10px; height: 10px; border-radius: 3px; flex: none; }
.name { margin-top: 2px; font-size: 14px; font-weight: 600; overflow-wrap: anywhere; }
.line { margin-top: 2px; font-size: 12px; opacity: .8; }
@media (prefers-reduced-motion: reduce) { .card { transition: none; } }
`;

export class HoverCard {
  /**
   * @param {Document} doc
   * @param {object} o
   * @param {(x: number, y: number) => Array<{key: string, model: object, rect: DOMRect}>} o.hitTest
   * @param {(category: string) => string} o.colourOf swatch colour
   * @param {() => "light"|"dark"} o.theme
   */
  constructor(doc, { hitTest, colourOf, theme }) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.hitTest = hitTest;
    this.colourOf = colourOf;
    this.theme = theme;
    this.host = null;
    this.card = null;
    this.shownKey = "";
    this.frame = 0;
    this.point = null;
    this._onMove = (e) => {
      this.point = [e.clientX, e.clientY];
      if (!this.frame) this.frame = this.win.requestAnimationFrame(() => this._update());
    };
    this._onHide = () => this.hide();
    this._onKey = (e) => e.key === "Escape" && this.hide();
    this._onOut = (e) => !e.relatedTarget && this.hide();
  }

  start() {
    const opts = { passive: true, capture: true };
    this.doc.addEventListener("mousemove", this._onMove, opts);
    this.doc.addEventListener("mouseout", this._onOut, opts);
    this.win.addEventListener("scroll", this._onHide, opts);
    this.win.addEventListener("resize", this._onHide, opts);
    this.doc.addEventListener("keydown", this._onKey, opts);
  }

  stop() {
    const opts = { capture: true };
    this.doc.removeEventListener("mousemove", this._onMove, opts);
    this.doc.removeEventListener("mouseout", this._onOut, opts);
    this.win.removeEventListener("scroll", this._onHide, opts);
    this.win.removeEventListener("resize", this._onHide, opts);
    this.doc.removeEventListener("keydown", this._onKey, opts);
    this.hide();
  }

  /** The host element (created on first use), e.g. to keep it out of analysis. */
  get hostElement() {
    return this.host;
  }

  _ensureHost() {
    if (this.host?.isConnected) return;
    if (!this.host) {
      const host = this.doc.createElement(HOST_TAG);
      // Inline !important beats the page's own rules that might match the element.
      for (const [prop, value] of [
        ["all", "initial"], ["position", "fixed"], ["top", "0"], ["left", "0"], ["width", "0"],
        ["height", "0"], ["overflow", "visible"], ["z-index", "2147483647"], ["pointer-events", "none"],
        ["display", "block"], ["contain", "style"],
      ]) host.style.setProperty(prop, value, "important");
      const root = host.attachShadow({ mode: "closed" });
      // A constructed sheet, not a <style> element: a page whose CSP forbids inline styles
      // would block the element, but CSSOM styles are not subject to style-src.
      const sheet = new this.win.CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      this.card = this.doc.createElement("div");
      this.card.className = "card";
      this.card.setAttribute("role", "tooltip");
      root.append(this.card);
      this.host = host;
    }
    this.doc.documentElement.appendChild(this.host);
  }

  _update() {
    this.frame = 0;
    if (!this.point) return;
    const [x, y] = this.point;
    let hits;
    try {
      hits = this.hitTest(x, y);
    } catch {
      hits = [];
    }
    if (!hits.length) return this.hide();
    const key = hits.map((h) => h.key).join("|");
    if (key === this.shownKey) return;
    this.show(hits, x, y);
  }

  show(hits, x, y) {
    this._ensureHost();
    this.shownKey = hits.map((h) => h.key).join("|");
    const card = this.card;
    card.replaceChildren(...hits.slice(0, 2).map((h) => this._section(h.model)));
    card.classList.toggle("dark", this.theme() === "dark");
    card.classList.remove("shown");
    // Measure, then place below the hovered line (above if there is no room).
    card.style.left = "0px";
    card.style.top = "-9999px";
    const line = hits[0].rect ?? { left: x, right: x, top: y, bottom: y };
    const span = hits[0].spanRect ?? line;
    const box = card.getBoundingClientRect();
    const vw = this.doc.documentElement.clientWidth || this.win.innerWidth;
    const vh = this.win.innerHeight;
    const left = Math.min(Math.max(8, x - box.width / 2), vw - box.width - 8);
    // Clear of the whole span (a quote over several lines stays readable), below it if
    // there is room, else above it, else just below the hovered line.
    const fits = (t) => t >= 8 && t + box.height <= vh - 8;
    let top = span.bottom + 8;
    if (!fits(top)) top = span.top - box.height - 8;
    if (!fits(top)) top = line.bottom + 8;
    if (!fits(top)) top = Math.max(8, line.top - box.height - 8);
    card.style.left = `${Math.round(Math.max(8, left))}px`;
    card.style.top = `${Math.round(top)}px`;
    card.classList.add("shown");
  }

  _section(model) {
    const d = this.doc;
    const section = d.createElement("div");
    section.className = "section";
    const title = d.createElement("div");
    title.className = "title";
    const chip = d.createElement("span");
    chip.className = "chip";
    chip.style.background = this.colourOf(model.category);
    title.append(chip, d.createTextNode(model.title ?? LABEL[model.category] ?? model.category));
    const name = d.createElement("div");
    name.className = "name";
    name.textContent = model.name;
    section.append(title, name);
    for (const text of model.lines) {
      const line = d.createElement("div");
      line.className = "line";
      line.textContent = text;
      section.append(line);
    }
    return section;
  }

  hide() {
    this.shownKey = "";
    if (this.card) this.card.classList.remove("shown");
  }
}
