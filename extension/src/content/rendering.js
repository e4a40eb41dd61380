// How elements are rendered — their computed display, float, white-space, the marks drawn around
// a <q> — and whether a reader can see them at all, asked only of the elements the article is cut
// from: reading computed styles is the costly part of walking a page, so it is done lazily and once.

import { composedParentElement, windowOf } from "./composed.js";
import { quoteMarks } from "./generated.js";

/** Is the element positioned out of sight or clipped to nothing (a "screen-reader only" label)? */
export function visuallyHidden(style) {
  const position = style.position;
  if (position !== "absolute" && position !== "fixed") return false;
  if (/^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(style.clip)) return true;
  if (/inset\(50%\)/.test(style.clipPath)) return true;
  return parseFloat(style.width) <= 1 && parseFloat(style.height) <= 1 && style.overflow === "hidden";
}

/** Is the element a box collapsed to no height that clips what it holds (a language tab or an
 * accordion panel closed with `max-height: 0; overflow: hidden`, not with display: none)? */
function collapsedBox(style) {
  return style.height === "0px" && /hidden|clip/.test(style.overflowY) && !parseFloat(style.paddingTop) && !parseFloat(style.paddingBottom);
}

/** Is the element inside a closed <details> (anything but its summary)? The browser does not
 * render it until the reader opens the box, though its own computed display says "block". */
function collapsed(el) {
  const box = el.parentElement;
  if (box?.localName !== "details" || box.hasAttribute("open")) return false;
  return !(el.localName === "summary" && box.querySelector(":scope > summary") === el);
}

/** Does the element render its box but skip its contents (content-visibility: hidden, as
 * `hidden=until-found` sets: a collapsed section the browser's find can open)? */
function skipsContents(style) {
  return style?.contentVisibility === "hidden";
}

/** Is the text colour the element's own (opaque) background colour? */
export function inkOnOwnBackground(style) {
  const bg = style.backgroundColor;
  return !!bg && bg === style.color && bg !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(bg);
}

export class Rendering {
  constructor() {
    this.styles = new Map(); // element → its computed style, or null when it is not rendered
  }

  /** The quotation marks drawn around an inline element ({before, after}), or undefined
   * (generated.js). Asked of the inline elements of the article's blocks only. */
  marksOf(el) {
    return quoteMarks(el, windowOf(el)) ?? undefined;
  }

  /** The element's computed style (a live object, read while the page is unchanged), or
   * undefined when the element itself is not rendered (display: none, clipped away). */
  lookOf(el) {
    let style = this.styles.get(el);
    if (style === undefined) {
      const s = windowOf(el)?.getComputedStyle?.(el);
      const parent = composedParentElement(el);
      const hidden = !s || s.display === "none" || visuallyHidden(s) || collapsedBox(s) || collapsed(el) || (parent && skipsContents(this.lookOf(parent)));
      style = hidden ? null : s;
      this.styles.set(el, style);
    }
    return style ?? undefined;
  }

  /** Is the element rendered, and every element around it up to the top document? */
  isRendered(el) {
    for (let n = el; n; n = composedParentElement(n)) if (!this.lookOf(n)) return false;
    return true;
  }

  /** Can the text of this text node be seen (its element's visibility)? */
  isVisibleText(node) {
    const parent = composedParentElement(node);
    const style = parent && this.lookOf(parent);
    if (!style || skipsContents(style)) return false;
    // Text directly inside a closed <details>, outside its summary, is not rendered either.
    if (parent.localName === "details" && !parent.hasAttribute("open")) return false;
    // Text set in a zero font size draws nothing (noise a site puts inside its sentences against
    // copying); a container zeroing its size to close the gaps between inline boxes holds only spaces.
    if (parseFloat(style.fontSize) === 0) return false;
    // Text drawn in its own box's background colour cannot be read: a skeleton loader's
    // placeholder words inside its grey bars, before the story arrives.
    if (inkOnOwnBackground(style)) return false;
    return style.visibility === "visible";
  }
}
