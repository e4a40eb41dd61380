// The card shown when the pointer rests on a highlight. It lives in a closed shadow root
// on a zero-size, fixed-position host appended to <html>: the one element the extension
// adds to a page, invisible to the page's layout, styles and scripts' queries of its
// content.

import { CATEGORIES } from "../shared/categories.js";
import { placeCard } from "./placement.js";

const HOST_TAG = "claimlight-card";
const SWITCH_MS = 220; // how long the pointer rests on another highlight before the card follows it
const HIDE_MS = 350; // how long the card waits for the pointer to come back or reach it
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
.card.shown { opacity: 1; transform: none; pointer-events: auto; }
.action {
  margin-top: 6px; padding: 3px 8px; border-radius: 6px; cursor: pointer;
  font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: #f6f8fa; color: #0b57a4; border: 1px solid rgba(31, 35, 40, .25);
}
.action:hover { background: #eaeef2; }
.action:focus-visible { outline: 2px solid #0b57a4; outline-offset: 1px; }
.card.dark .action { background: #2b3038; color: #9ecbff; border-color: rgba(255, 255, 255, .2); }
.card.dark .action:hover { background: #353b44; }
.sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
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
   * @param {(model: object) => void} [o.onShowAll] "show all by this speaker" was chosen
   */
  constructor(doc, { hitTest, colourOf, theme, onShowAll = null }) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.hitTest = hitTest;
    this.colourOf = colourOf;
    this.theme = theme;
    this.onShowAll = onShowAll;
    this.host = null;
    this.card = null;
    this.live = null;
    this.shownKey = "";
    this.frame = 0;
    this.hideTimer = 0;
    this.switchTimer = 0;
    this.point = null;
    this._onMove = (e) => {
      // On the card itself (to reach its button): it stays as it is.
      if (this.host && e.composedPath?.().includes(this.host)) return this._keep();
      this.point = [e.clientX, e.clientY];
      if (!this.frame) this.frame = this.win.requestAnimationFrame(() => this._update());
    };
    this._onHide = () => this.hide();
    this._onKey = (e) => e.key === "Escape" && this.hide();
    this._onOut = (e) => !e.relatedTarget && this.hide();
  }

  _keep() {
    this.win.clearTimeout(this.hideTimer);
    this.win.clearTimeout(this.switchTimer);
    this.hideTimer = this.switchTimer = 0;
  }

  /** Hides after a moment, so the pointer can cross the gap from the highlight to the card. */
  _hideSoon() {
    if (!this.shownKey || this.hideTimer) return;
    this.hideTimer = this.win.setTimeout(() => {
      this.hideTimer = 0;
      this.hide();
    }, HIDE_MS);
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
      this.card.setAttribute("role", "group");
      this.card.setAttribute("aria-label", "claimlight");
      // Where stepping through quotations with the keyboard shortcuts is announced.
      this.live = this.doc.createElement("div");
      this.live.className = "sr";
      this.live.setAttribute("role", "status");
      this.live.setAttribute("aria-live", "polite");
      root.append(this.live, this.card);
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
    if (!hits.length) return this._hideSoon();
    this._keep();
    const key = hits.map((h) => h.key).join("|");
    if (key === this.shownKey) return;
    if (!this.shownKey) return this.show(hits, x, y);
    // Another highlight while a card is up: the pointer may only be crossing it on its way to
    // the card (the speaker's name usually lies between the two), so it must rest there first.
    this.switchTimer = this.win.setTimeout(() => {
      this.switchTimer = 0;
      this.show(hits, x, y);
    }, SWITCH_MS);
  }

  /** Says `text` to screen readers (a quotation stepped to with a shortcut). */
  announce(text) {
    this._ensureHost();
    this.live.textContent = "";
    // A fresh node each time, so the same words said twice are announced twice.
    this.win.setTimeout(() => (this.live.textContent = text), 30);
  }

  show(hits, x, y) {
    this._ensureHost();
    this.shownKey = hits.map((h) => h.key).join("|");
    const card = this.card;
    card.replaceChildren(...hits.slice(0, 2).map((h) => this._section(h.model)));
    card.classList.toggle("dark", this.theme() === "dark");
    card.classList.remove("shown");
    // Measure, then place it clear of the line being read and of the speaker's name
    // (placement.js), and of the whole highlight when there is room.
    card.style.left = "0px";
    card.style.top = "-9999px";
    const hit = hits[0];
    const line = hit.line ?? hit.rect ?? { left: x, right: x, top: y, bottom: y };
    const box = card.getBoundingClientRect();
    const viewport = { width: this.doc.documentElement.clientWidth || this.win.innerWidth, height: this.win.innerHeight };
    const keep = hits.flatMap((h) => h.keep ?? []);
    const { left, top } = placeCard(box, { line, span: hit.spanRect ?? line, keep, x, viewport });
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
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
    if (model.speakerKey && this.onShowAll) {
      const button = d.createElement("button");
      button.type = "button";
      button.className = "action";
      button.textContent = "Show all by this speaker";
      button.addEventListener("click", () => {
        this.onShowAll(model);
        this.hide();
      });
      section.append(button);
    }
    return section;
  }

  hide() {
    this._keep();
    this.shownKey = "";
    if (this.card) this.card.classList.remove("shown");
  }
}
