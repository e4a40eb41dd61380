// Turns the daemon's replies (offsets into the joined text of a request) into spans per
// block (offsets into that block's text), so results outlive the request: a block keeps
// its spans, keyed by its text hash, when later requests cover other blocks.

import { ACTOR_TYPES } from "../shared/categories.js";
import { BLOCK_SEPARATOR } from "../shared/protocol.js";
import { lastStartingAtOrBefore } from "./sorted.js";

/**
 * Layout of a request's blocks in its joined text.
 * @param {Array<{hash: string, text: string, context?: boolean}>} blocks
 */
export function layout(blocks) {
  let pos = 0;
  return blocks.map((b) => {
    const entry = { hash: b.hash, start: pos, end: pos + b.text.length, context: !!b.context };
    pos = entry.end + BLOCK_SEPARATOR.length;
    return entry;
  });
}

/** A stable key for an actor across requests, whose ids are only unique per request. */
export function actorKey(actor) {
  return `${actor.type}:${actor.name}`;
}

/**
 * @param {string} requestId
 * @param {ReturnType<typeof layout>} lay
 * @param {Array} spans the reply's spans (UTF-16 offsets into the joined text)
 * @param {Array} actors the reply's actors ([] for partial replies)
 * @param {[number, number]} [range] only blocks in [first, last) get results (partial replies)
 * @returns {{perBlock: Map<string, Array>, actors: Map<string, {name, type}>}}
 */
/** The part of a span's `via` the card shows (the chain's words; its offsets are not needed). */
function viaOf(via) {
  if (!via || typeof via.rule !== "string") return null;
  const chain = Array.isArray(via.chain) ? via.chain.map((l) => (typeof l?.text === "string" ? l.text : "")).filter(Boolean) : [];
  return { rule: via.rule, kind: typeof via.kind === "string" ? via.kind : null, chain };
}

export function splitReply(requestId, lay, spans, actors = [], range = [0, lay.length]) {
  const byId = new Map();
  const actorInfo = new Map();
  for (const a of actors ?? []) {
    if (!a?.id || !ACTOR_TYPES.has(a.type)) continue;
    const key = actorKey(a);
    byId.set(a.id, key);
    actorInfo.set(key, a.role ? { name: a.name, type: a.type, role: a.role } : { name: a.name, type: a.type });
  }
  const perBlock = new Map();
  const [first, last] = range;
  for (let i = first; i < Math.min(last, lay.length); i++) {
    if (!lay[i].context && !perBlock.has(lay[i].hash)) perBlock.set(lay[i].hash, []);
  }
  for (const s of spans ?? []) {
    if (!(s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start)) continue;
    const actor = s.actor != null ? byId.get(s.actor) ?? `id:${requestId}:${s.actor}` : null;
    const base = {
      category: s.category,
      text: s.text,
      speaker: s.speaker ?? null,
      cue: s.cue ?? null,
      actor,
      // Quote pieces (a quotation split by "he said") count as one quotation.
      group: s.quote_id != null ? `${requestId}:${s.quote_id}` : `${requestId}@${s.start}`,
      speakerKey: actor ?? (s.speaker ? `speaker:${s.speaker}` : null),
      speakerAt: at(lay, s.speaker_start, s.speaker_end),
      why: s.why ?? null,
      // A quotation inside another quote, with a speaker of its own.
      nested: s.nested_in != null,
      // How the speaker was found: the rule, the kind of cue, the words from the cue to the name.
      via: viaOf(s.via),
    };
    // A span may cross block boundaries (a quotation running over paragraphs): cut it.
    // The first block starts at 0, so only a malformed negative offset finds none (-1).
    for (let i = Math.max(0, lastStartingAtOrBefore(lay, s.start)); i < lay.length && lay[i].start < s.end; i++) {
      const b = lay[i];
      const start = Math.max(s.start, b.start) - b.start;
      const end = Math.min(s.end, b.end) - b.start;
      if (end <= start || i < first || i >= last || b.context) continue;
      const list = perBlock.get(b.hash);
      if (list) list.push({ ...base, start, end });
    }
  }
  for (const list of perBlock.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return { perBlock, actors: actorInfo };
}

/**
 * Where a joined-text range lies: its block's hash and block-relative offsets, or null when
 * it is missing or crosses a block edge.
 */
export function at(lay, start, end) {
  if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) return null;
  const b = lay[lastStartingAtOrBefore(lay, start)];
  if (!b || end > b.end) return null;
  return { hash: b.hash, start: start - b.start, end: end - b.start };
}

/**
 * The daemon's sourcing ledger for a request that covered the whole page, with its figures
 * placed in their blocks and its sources keyed the way block spans key their speakers.
 * @param {object} ledger the reply's `ledger`
 * @param {ReturnType<typeof layout>} lay
 * @param {Array} actors the reply's actors, to turn ids into actor keys
 */
export function placeLedger(ledger, lay, actors = []) {
  const keyOf = new Map((actors ?? []).filter((a) => a?.id && ACTOR_TYPES.has(a.type)).map((a) => [a.id, actorKey(a)]));
  const sources = (ledger.sources ?? []).map((s) => {
    const key = s.actor != null && keyOf.has(s.actor) ? keyOf.get(s.actor) : `speaker:${s.name}`;
    // Spans name an aliased source by their own speaker ("the ministry"): those keys are this source too.
    return { ...s, key, keys: [key, ...(s.aliases ?? []).map((a) => `speaker:${a}`)] };
  });
  const figures = [];
  for (const f of ledger.unsourced_figures ?? []) {
    const where = at(lay, f.start, f.end);
    if (where) figures.push({ ...where, text: f.text });
  }
  const { unsourced_figures: _, ...counts } = ledger;
  return { ...counts, sources, figures };
}

/** Highlight counts per category; quotations count once however many pieces they have. */
export function countSpans(spanLists) {
  const counts = {};
  const groups = {};
  for (const list of spanLists) {
    for (const s of list) {
      if (s.category === "quote") {
        (groups.quote ??= new Set()).add(s.group);
        counts.quote = groups.quote.size;
      } else {
        counts[s.category] = (counts[s.category] ?? 0) + 1;
      }
    }
  }
  return counts;
}

/**
 * Facts the hover card shows, computed from what is on the page (not from the daemon's
 * per-request totals, which would double count blocks analysed twice).
 */
export function pageStats(spanLists) {
  const quotesBy = new Map(); // speakerKey → Set(group)
  const reportedBy = new Map();
  const mentionsOf = new Map(); // actor key → Set(position)
  let blockIndex = 0;
  for (const list of spanLists) {
    for (const s of list) {
      if ((s.category === "quote" || s.category === "reported") && s.speakerKey) {
        const m = s.category === "quote" ? quotesBy : reportedBy;
        if (!m.has(s.speakerKey)) m.set(s.speakerKey, new Set());
        m.get(s.speakerKey).add(s.group);
      }
      if (s.actor && (ACTOR_TYPES.has(s.category) || s.category === "speaker")) {
        if (!mentionsOf.has(s.actor)) mentionsOf.set(s.actor, new Set());
        // A speaker span and a person span over the same words are one mention.
        mentionsOf.get(s.actor).add(`${blockIndex}:${s.start}:${s.end}`);
      }
    }
    blockIndex += 1;
  }
  return {
    quotes: (key) => quotesBy.get(key)?.size ?? 0,
    reported: (key) => reportedBy.get(key)?.size ?? 0,
    mentions: (key) => mentionsOf.get(key)?.size ?? 0,
  };
}
