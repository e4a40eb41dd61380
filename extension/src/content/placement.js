// Where the hover card goes. It must never hide what the reader is looking at: the line
// under the pointer, and the speaker's name the card is about (a quotation's "said Mayor
// Elena Varga" often sits on the very next line). Pure geometry, so it is unit-tested.

const GAP = 8;
const MARGIN = 8;

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * @param {{width: number, height: number}} card
 * @param {object} o
 * @param {{left, right, top, bottom}} o.line the line being read (the hovered line, across its paragraph)
 * @param {{left, right, top, bottom}} [o.span] the whole hovered highlight
 * @param {Array<{left, right, top, bottom}>} [o.keep] more to keep clear: the speaker mention's lines
 * @param {number} o.x the pointer's x
 * @param {{width: number, height: number}} o.viewport
 * @returns {{left: number, top: number}}
 */
export function placeCard(card, { line, span = line, keep = [], x, viewport }) {
  const must = [line, ...keep];
  const rather = [...must, span];
  const left0 = clamp(x - card.width / 2, MARGIN, viewport.width - card.width - MARGIN);
  const lefts = [left0, MARGIN, viewport.width - card.width - MARGIN];
  const below = (rs) => Math.max(...rs.map((r) => r.bottom)) + GAP;
  const above = (rs) => Math.min(...rs.map((r) => r.top)) - GAP - card.height;
  // In order of preference: right under (or over) everything to keep clear, then beside it.
  const tops = [below(rather), above(rather), below(must), above(must), line.bottom + GAP, line.top - GAP - card.height];
  const fits = (top) => top >= MARGIN && top + card.height <= viewport.height - MARGIN;
  for (const avoid of [rather, must]) {
    for (const top of tops) {
      if (!fits(top)) continue;
      for (const left of lefts) {
        const box = { left, right: left + card.width, top, bottom: top + card.height };
        if (!avoid.some((r) => overlaps(box, r))) return { left: Math.round(left), top: Math.round(top) };
      }
    }
  }
  // A window too small for the card anywhere clear: on the side of the line with more room.
  const top = line.top > viewport.height - line.bottom ? MARGIN : viewport.height - card.height - MARGIN;
  return { left: Math.round(left0), top: Math.round(Math.max(MARGIN, top)) };
}

function clamp(v, lo, hi) {
  return Math.max(lo, Math.min(v, Math.max(lo, hi)));
}
