// The text of a block and the way back from offsets in that text to DOM positions.
//
// A block's text is the concatenation of its text nodes with HTML whitespace collapsed
// (so the daemon sees "said the mayor", not "said\n      the mayor"), soft hyphens and other
// invisible break marks dropped and <br> read as a space; a mark the browser draws (a <q>'s quotation mark, blocks.js)
// is written where it is drawn and maps back to the edge of the quote's text. Every offset is a UTF-16 code unit index, as in JS
// strings and as the daemon sends them: nothing here converts between encodings.
//
// The functions are DOM-free: a "node" is whatever the caller passes (a Text node in the
// page, a plain object in tests); only its `data` string is read.

import { lastStartingAtOrBefore } from "./sorted.js";

const COLLAPSIBLE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c]); // HTML's ASCII whitespace
// Invisible marks that only say where a line may (or may not) break, inside a word: the soft hyphen,
// the zero-width space, the word joiner and the zero-width no-break space (a byte-order mark pasted
// into a name). Dropped, so "Bött\ufeffcher" is one word. (ZWNJ and ZWJ shape letters and emoji: kept.)
const DROPPED = new Set([0xad, 0x200b, 0x2060, 0xfeff]);
// Either of the above.
const SPECIAL = new RegExp(`[${[...COLLAPSIBLE, ...DROPPED].map((c) => `\\u${c.toString(16).padStart(4, "0")}`).join("")}]`, "g");

/**
 * @param {Array<{node: {data: string}, start?: number, end?: number} | {br: true} |
 *   {mark: string, node: {data: string}, offset: number}>} pieces in document order;
 *   `start`/`end` take only part of a node's data (a paragraph of a <pre>); a `mark` is drawn
 *   text, anchored at `offset` in its node's data
 * @returns {{text: string, entries: Array<{node, start: number, end: number, raw: Int32Array,
 *   drawn?: true}>}} entries[i] covers text[start, end); raw[k] is the offset in node.data of
 *   text[start + k], and raw[end - start] the offset just past the last character taken from
 *   that node; a drawn entry's characters all map to its anchor.
 */
export function buildText(pieces) {
  let out = "";
  const entries = [];
  let pending = null; // a collapsed space not yet written: {entry, rawOffset}
  let current = null; // the entry being filled

  for (const piece of pieces) {
    if (piece.br) {
      // Attach the space to the previous node's end; a leading <br> adds nothing.
      if (current && !pending) pending = { entry: current, rawOffset: current.limit, rawEnd: current.limit };
      continue;
    }
    if (piece.mark) {
      const entry = { node: piece.node, start: -1, end: -1, raws: [], rawEnd: piece.offset, limit: piece.offset, drawn: true };
      if (pending) {
        write(pending.entry, pending.rawOffset, pending.rawEnd, " ");
        pending = null;
      }
      write(entry, piece.offset, piece.offset, piece.mark);
      current = entry;
      continue;
    }
    const data = piece.node.data;
    const from = piece.start ?? 0;
    const to = piece.end ?? data.length;
    const raws = [];
    const entry = { node: piece.node, start: -1, end: -1, raws, rawEnd: 0, limit: to };
    // Run by run: the characters between two spaces (or invisible ones) are taken as they are.
    for (let i = from; i < to; ) {
      SPECIAL.lastIndex = i;
      const next = SPECIAL.exec(data);
      const stop = next && next.index < to ? next.index : to;
      if (stop > i) {
        if (pending) {
          write(pending.entry, pending.rawOffset, pending.rawEnd, " ");
          pending = null;
        }
        write(entry, i, stop, data.slice(i, stop));
      }
      if (stop < to && COLLAPSIBLE.has(data.charCodeAt(stop)) && !pending && out.length > 0) {
        pending = { entry, rawOffset: stop, rawEnd: stop + 1 };
      }
      i = stop + 1;
    }
    current = entry.start >= 0 || (pending && pending.entry === entry) ? entry : current;
  }

  /** Writes `chars`, taken one for one from raw offsets [rawOffset, rawEnd) of the entry's node
   * (a collapsed space: one character for its first raw one). */
  function write(entry, rawOffset, rawEnd, chars) {
    if (entry.start < 0) {
      entry.start = out.length;
      entries.push(entry);
    }
    for (let k = 0; k < chars.length; k++) entry.raws.push(entry.drawn ? rawOffset : rawOffset + k);
    entry.rawEnd = rawEnd;
    out += chars;
    entry.end = out.length;
  }

  return {
    text: out,
    entries: entries.map((e) => {
      const raw = new Int32Array(e.raws.length + 1);
      raw.set(e.raws);
      raw[e.raws.length] = e.rawEnd;
      return e.drawn ? { node: e.node, start: e.start, end: e.end, raw, drawn: true } : { node: e.node, start: e.start, end: e.end, raw };
    }),
  };
}

/**
 * The DOM position of a span boundary. `edge` is "start" (the position before text[offset])
 * or "end" (the position after text[offset - 1]); they differ where nodes meet: a span
 * ending at a node's end must not spill into the next node's leading whitespace.
 * @returns {{node, offset: number} | null}
 */
export function locate(entries, offset, edge = "start") {
  if (entries.length === 0) return null;
  if (edge === "end") {
    if (offset <= 0) return { node: entries[0].node, offset: entries[0].raw[0] };
    const i = lastStartingAtOrBefore(entries, offset - 1);
    if (i < 0) return { node: entries[0].node, offset: entries[0].raw[0] };
    const e = entries[i];
    const k = Math.min(offset - 1, e.end - 1) - e.start;
    // A drawn mark has no characters of its own in the node: it ends where it is anchored.
    return { node: e.node, offset: e.drawn ? e.raw[k] : e.raw[k] + 1 };
  }
  let i = lastStartingAtOrBefore(entries, offset);
  if (i < 0) i = 0;
  const e = entries[i];
  if (offset >= e.end) {
    // Past this entry (the end of the text): the position after its last character.
    return { node: e.node, offset: e.raw[e.end - e.start] };
  }
  return { node: e.node, offset: e.raw[Math.max(0, offset - e.start)] };
}

/**
 * The pieces whose text is text[start, end) of the text `entries` were built from (`pieces`):
 * a block trimmed at both ends, its nodes cut where the trimmed text begins and ends.
 * @returns {Array<{node, start?: number, end?: number} | {br: true}>}
 */
export function slicePieces(pieces, entries, start, end) {
  if (start >= end) return [];
  const from = locate(entries, start, "start");
  const to = locate(entries, end, "end");
  const out = [];
  let inside = false;
  for (const piece of pieces) {
    if (piece.br || piece.mark) {
      if (inside) out.push(piece);
      continue;
    }
    let s = piece.start ?? 0;
    let e = piece.end ?? piece.node.data.length;
    if (!inside) {
      if (piece.node !== from.node) continue;
      s = Math.max(s, from.offset);
      inside = true;
    }
    if (piece.node === to.node) {
      out.push({ node: piece.node, start: s, end: Math.min(e, to.offset) });
      break;
    }
    out.push({ node: piece.node, start: s, end: e });
  }
  return out;
}
