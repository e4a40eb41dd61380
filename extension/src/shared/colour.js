// Highlight colours and the choices that keep highlighted text legible: a light and a
// dark palette picked by the page's actual background, and a text colour override for
// the rare page whose own text colour would be unreadable on a highlight.

export const PALETTES = {
  // Translucent tints: over a light page they read like a highlighter pen.
  light: {
    quote: { bg: [255, 212, 59, 0.55] },
    speaker: { bg: [255, 146, 43, 0.45], line: [217, 72, 15, 1] },
    reported: { bg: [105, 219, 124, 0.25], line: [47, 158, 68, 1], lineStyle: "dotted" },
    person: { bg: [250, 162, 193, 0.5] },
    organization: { bg: [177, 151, 252, 0.45] },
    place: { bg: [99, 230, 190, 0.45] },
    number: { bg: [116, 192, 252, 0.5] },
    mention: { bg: [206, 212, 218, 0.45], line: [134, 142, 150, 1], lineStyle: "dashed" },
    // The quotation the side panel or a shortcut just went to, for a moment.
    focus: { bg: [255, 146, 43, 0.8], line: [217, 72, 15, 1] },
  },
  // Deeper hues at lower opacity: light text on a dark page stays light-on-dark.
  dark: {
    quote: { bg: [250, 176, 5, 0.34] },
    speaker: { bg: [247, 103, 7, 0.4], line: [255, 169, 77, 1] },
    reported: { bg: [55, 178, 77, 0.22], line: [140, 233, 154, 1], lineStyle: "dotted" },
    person: { bg: [230, 73, 128, 0.36] },
    organization: { bg: [132, 94, 247, 0.4] },
    place: { bg: [18, 184, 134, 0.34] },
    number: { bg: [34, 139, 230, 0.4] },
    mention: { bg: [134, 142, 150, 0.3], line: [173, 181, 189, 1], lineStyle: "dashed" },
    focus: { bg: [253, 126, 20, 0.45], line: [255, 192, 120, 1] },
  },
};

/** Parses CSS rgb()/rgba() (comma or space syntax) and #rgb/#rrggbb; null if unknown. */
export function parseColor(str) {
  if (!str) return null;
  const s = String(str).trim().toLowerCase();
  if (s === "transparent") return [0, 0, 0, 0];
  let m = s.match(/^#([0-9a-f]{3,8})$/);
  if (m) {
    let h = m[1];
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join("");
    const n = (i) => parseInt(h.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
  }
  m = s.match(/^rgba?\(\s*([^)]+)\)$/);
  if (!m) return null;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return null;
  const ch = (p) => (p.endsWith("%") ? (parseFloat(p) * 255) / 100 : parseFloat(p));
  const alpha = parts[3] === undefined ? 1 : parts[3].endsWith("%") ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
  const rgba = [ch(parts[0]), ch(parts[1]), ch(parts[2]), alpha];
  return rgba.some(Number.isNaN) ? null : rgba;
}

/** `top` composited over an opaque `bottom`. */
export function blend(top, bottom) {
  const a = top[3] ?? 1;
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]) {
  const lin = (c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** "dark" when light text would read better on this background than dark text. */
export function themeFor(background) {
  // 0.179 is where white and black text have equal contrast.
  return luminance(background) < 0.179 ? "dark" : "light";
}

/**
 * The first opaque background behind `el`, walking up; stacked translucent layers are
 * composited. Falls back to the canvas colour: white, or dark for pages that declare a
 * dark colour-scheme while the user prefers dark.
 * @param {(el: Element) => {backgroundColor: string}} getStyle
 */
export function effectiveBackground(el, getStyle, canvasIsDark = false) {
  const layers = [];
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    const c = parseColor(getStyle(n).backgroundColor);
    if (!c || c[3] === 0) continue;
    layers.push(c);
    if (c[3] >= 1) break;
  }
  let base = canvasIsDark ? [18, 18, 18, 1] : [255, 255, 255, 1];
  if (layers.length && layers[layers.length - 1][3] >= 1) base = layers.pop();
  for (let i = layers.length - 1; i >= 0; i--) base = blend(layers[i], base);
  return base;
}

const rgba = ([r, g, b, a = 1]) => `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${+a.toFixed(3)})`;

/**
 * CSS declarations for one category's ::highlight(). Text keeps the page's colour unless
 * that colour falls below WCAG AA (4.5:1) on the highlight, then black or white is used.
 */
export function highlightStyle(category, { theme, background, text }) {
  const p = PALETTES[theme][category];
  const decl = [`background-color: ${rgba(p.bg)}`];
  const under = blend(p.bg, background);
  if (text && contrast(text, under) < 4.5) decl.push(`color: ${legibleOn(under)}`);
  if (p.line) {
    decl.push(`text-decoration: underline ${p.lineStyle ?? "solid"} ${rgba(p.line)}`);
    decl.push("text-decoration-thickness: 2px");
    decl.push("text-underline-offset: 2px");
  }
  return decl.join("; ");
}

// Softer than pure black and white where that is enough; pure where it is not: on a mid-tone
// (luminance near 0.18) only pure black or white reaches 4.5:1, and one of them always does.
const TEXT_CHOICES = [
  ["#111", [17, 17, 17, 1]],
  ["#fafafa", [250, 250, 250, 1]],
  ["#000", [0, 0, 0, 1]],
  ["#fff", [255, 255, 255, 1]],
];

/** A text colour with at least 4.5:1 contrast on the opaque `background`. */
export function legibleOn(background) {
  const best = (pool) => pool.reduce((a, b) => (contrast(b[1], background) > contrast(a[1], background) ? b : a));
  const soft = best(TEXT_CHOICES.slice(0, 2));
  return contrast(soft[1], background) >= 4.5 ? soft[0] : best(TEXT_CHOICES.slice(2))[0];
}

/** The swatch colour shown in the popup: the highlight as it looks on that theme's page. */
export function swatch(category, theme) {
  const base = theme === "dark" ? [24, 24, 27, 1] : [255, 255, 255, 1];
  return rgba(blend(PALETTES[theme][category].bg, base));
}
