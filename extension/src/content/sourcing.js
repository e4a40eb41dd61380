// What the side panel lists, read from what the page holds now: every quotation and
// reported claim in page order with its speaker, and the figures the daemon found stated
// with no source. The panel is live because it is rebuilt from the page's blocks after
// every change, not from any one reply. No DOM: blocks are {hash, text}.

const CONTEXT_CHARS = 60; // around a quotation, for text-fragment links that find this one
const SENTENCE_END = /[.!?…]["'”’)]*\s/g;

/**
 * @param {Array<{hash: string, text: string}>} blocks the page's blocks, in order
 * @param {(hash: string) => Array | undefined} spansFor the block spans the page holds
 * @returns {Array<object>} items in page order: {id, kind, speaker, speakerKey, actor, cue,
 *   text, pieces: [{hash, block, start, end}], prefix, suffix}
 */
export function sourcingItems(blocks, spansFor) {
  const items = [];
  const byGroup = new Map();
  blocks.forEach((block, index) => {
    for (const s of spansFor(block.hash) ?? []) {
      if (s.category !== "quote" && s.category !== "reported") continue;
      const group = `${s.category}|${s.group}`;
      const piece = { hash: block.hash, block: index, start: s.start, end: s.end };
      let item = byGroup.get(group);
      // The same paragraph twice on a page gives the same spans twice: two items, not one.
      if (item && item.pieces.some((p) => p.hash === block.hash && p.block !== index)) item = null;
      if (!item) {
        item = {
          id: `${s.category === "quote" ? "q" : "r"}:${block.hash}:${s.start}`,
          kind: s.category,
          speaker: s.speaker ?? null,
          speakerKey: s.speakerKey ?? null,
          actor: s.actor ?? null,
          cue: s.cue ?? null,
          pieces: [],
        };
        byGroup.set(group, item);
        items.push(item);
      }
      item.pieces.push(piece);
    }
  });
  for (const item of items) {
    const first = item.pieces[0];
    const last = item.pieces[item.pieces.length - 1];
    item.text = item.pieces.map((p) => blocks[p.block].text.slice(p.start, p.end)).join(" ");
    item.prefix = blocks[first.block].text.slice(Math.max(0, first.start - CONTEXT_CHARS), first.start);
    item.suffix = blocks[last.block].text.slice(last.end, last.end + CONTEXT_CHARS);
  }
  return items;
}

/**
 * The ledger's figures without a source that are on the page now, each with its sentence.
 * @param {{figures: Array<{hash, start, end, text}>} | null} ledger as placeLedger made it
 */
export function sourcingFigures(blocks, ledger) {
  if (!ledger?.figures?.length) return [];
  const where = new Map();
  blocks.forEach((b, i) => where.has(b.hash) || where.set(b.hash, i));
  const out = [];
  for (const f of ledger.figures) {
    const index = where.get(f.hash);
    if (index === undefined) continue;
    const text = blocks[index].text;
    if (text.slice(f.start, f.end) !== f.text) continue; // the block changed under the ledger
    const [from, to] = sentenceAround(text, f.start, f.end);
    out.push({
      id: `f:${f.hash}:${f.start}`,
      text: f.text,
      sentence: text.slice(from, to).trim(),
      pieces: [{ hash: f.hash, block: index, start: f.start, end: f.end }],
      prefix: text.slice(Math.max(0, f.start - CONTEXT_CHARS), f.start),
      suffix: text.slice(f.end, f.end + CONTEXT_CHARS),
    });
  }
  return out;
}

/** The bounds of the sentence of `text` around [start, end), by its punctuation. */
export function sentenceAround(text, start, end) {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    const stop = m.index + m[0].length;
    if (stop <= start) from = stop;
    else if (m.index >= end - 1) {
      to = m.index + m[0].trimEnd().length;
      break;
    }
  }
  return [from, to];
}

/**
 * The speaker keys of one source: its own, and those of the spans the ledger counted as it
 * ("the ministry" for the ministry named before).
 * @param {{sources: Array<{key, keys}>} | null} ledger
 */
export function keysOfSource(ledger, key) {
  const source = ledger?.sources?.find((s) => s.keys.includes(key));
  return source ? source.keys : [key];
}
