// What the article looks like where the highlights go: its background and text colour
// decide the palette (light or dark) and whether highlighted text needs a colour fix.

import { effectiveBackground, parseColor, themeFor } from "../shared/colour.js";

export function pageLook(sample, win = window) {
  const doc = win.document;
  const el = sample ?? doc.body ?? doc.documentElement;
  const getStyle = (n) => win.getComputedStyle(n);
  const scheme = getStyle(doc.documentElement).colorScheme ?? "";
  // The canvas is only dark when the page opts into dark and the user prefers it.
  const canvasIsDark = /\bdark\b/.test(scheme) && win.matchMedia?.("(prefers-color-scheme: dark)").matches;
  const background = effectiveBackground(el, getStyle, canvasIsDark);
  const text = parseColor(getStyle(el).color);
  return { theme: themeFor(background), background, text };
}

export function sameLook(a, b) {
  return !!a && !!b && a.theme === b.theme && String(a.background) === String(b.background) && String(a.text) === String(b.text);
}
