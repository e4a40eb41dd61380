// The page's bookkeeping of requests and replies: which blocks have results (by text hash),
// what is on its way, which version of the page the daemon refused. It decides when the
// next request goes and files each reply under the blocks it covers. No DOM: it sees
// blocks as {hash, text}, so it is tested without a page.
//
// Every request carries the whole article as it is now: attribution ("…, she said" about
// someone named two entries earlier) and actors ("Blinken" = "Antony Blinken") need all of
// it, and the daemon keeps the parses of the paragraphs it has seen, so a page that grows
// by one entry costs about that entry's parse. A newer request for the page supersedes the
// one on its way (`replace`: the daemon cancels it), so every result, and the ledger it
// carries, is of one whole version of the page.

import { ERROR, PARTIAL_STAGE, REPLY, analyzeMessage, isRetryable } from "../shared/protocol.js";
import { layout, placeLedger, splitReply } from "./results.js";

// A long SPA session visits many articles; past this many, keep only the one on screen.
export const RESULTS_LIMIT = 2000;

export class RequestTracker {
  /** @param {{session?: string}} [o] session: request ids' prefix, unique per page load */
  constructor({ session = Math.random().toString(36).slice(2, 10) } = {}) {
    this.session = session;
    this.seq = 0;
    this.results = new Map(); // block hash → spans (block-relative offsets)
    // Quotes the daemon found from the quotation marks alone, before its analysis, for blocks
    // that have no results yet; the result replaces them.
    this.early = new Map(); // block hash → spans
    this.inflight = new Map(); // request id → {lay, key}: where its blocks sit in its joined text
    this.asked = ""; // the page version (its hashes joined) last sent, answered or on its way
    this.refused = ""; // the page version whose request the daemon refused
    this.actors = new Map(); // actor key → {name, type, role?}
    // The daemon's ledger of the latest result, placed on the page; `hashes` are its blocks,
    // to tell whether the page has changed since.
    this.ledger = null;
    this.lastError = "";
  }

  get pending() {
    return this.inflight.size;
  }

  /** The spans to paint for a block: its results, else the early quotes found for it. */
  spansFor(hash) {
    return this.results.get(hash) ?? this.early.get(hash);
  }

  /** Whether the block's analysis has arrived (early quotes do not count). */
  isDone(hash) {
    return this.results.has(hash);
  }

  /** Whether the ledger held is that of the page whose blocks have these hashes. */
  ledgerFresh(hashes) {
    const held = this.ledger?.hashes;
    return !!held && held.length === hashes.length && held.every((h, i) => h === hashes[i]);
  }

  /** Whether this version of the page still has to be asked for. */
  wants(blocks) {
    const key = versionKey(blocks);
    return blocks.length > 0 && key !== this.asked && key !== this.refused;
  }

  /**
   * The analyze message for the page as it is now, recorded as in flight, or null when
   * this version was asked for already (or refused). Requests still on their way are
   * superseded: forgotten here, and cancelled by the daemon (`replace`).
   * @param {Array<{hash: string, text: string}>} blocks the page's blocks, in order
   * @param {{url: string, title: string}} page
   * @returns {{message: object, superseded: string[]} | null}
   */
  nextRequest(blocks, { url, title }) {
    if (!this.wants(blocks)) return null;
    const superseded = [...this.inflight.keys()];
    this.inflight.clear();
    const id = `${this.session}-${++this.seq}`;
    // A paragraph repeated on the page is one block: the first place it stands gets the spans.
    const seen = new Set();
    const lay = layout(
      blocks.map((b) => {
        const repeated = seen.has(b.hash);
        seen.add(b.hash);
        return { ...b, context: repeated };
      }),
    );
    this.asked = versionKey(blocks);
    this.inflight.set(id, { lay, key: this.asked });
    const message = analyzeMessage({ id, url, title, blocks: blocks.map((b) => b.text), stream: true, replace: true });
    return { message, superseded };
  }

  /** The page went away or has no article any more: what was asked is of no use. */
  abandon() {
    const ids = [...this.inflight.keys()];
    this.inflight.clear();
    this.asked = "";
    return ids;
  }

  /** @param {Iterable<string>} hashes the blocks on the page now, whose results stay */
  pruneResults(hashes, limit = RESULTS_LIMIT) {
    if (this.results.size + this.early.size <= limit) return;
    const onPage = new Set(hashes);
    for (const map of [this.results, this.early]) {
      for (const hash of map.keys()) if (!onPage.has(hash)) map.delete(hash);
    }
  }

  /** Takes down the early quotes of every block (each is left with none, so that the painter
   * does not keep showing what it painted last); whether there were any. */
  dropEarly() {
    let had = false;
    for (const [hash, spans] of this.early) {
      if (!spans.length) continue;
      had = true;
      this.early.set(hash, []);
    }
    return had;
  }

  /** The user asked again, or a new article came: what was refused may be asked again. */
  clearFailures() {
    this.refused = "";
  }

  /**
   * Files a daemon reply. `changed`: results changed, repaint; `retry`: the daemon was
   * busy, ask again later.
   * @returns {{changed: boolean, retry: boolean}}
   */
  onReply(msg) {
    const none = { changed: false, retry: false };
    const req = this.inflight.get(msg.id);
    if (!req) return none;
    switch (msg.type) {
      case REPLY.partial: {
        const { perBlock } = splitReply(msg.id, req.lay, msg.spans, [], msg.blocks);
        if (msg.stage === PARTIAL_STAGE.quotes) this.fileEarly(perBlock);
        else {
          for (const [hash, spans] of perBlock) this.setResult(hash, spans);
        }
        return { changed: true, retry: false };
      }
      case REPLY.result: {
        this.inflight.delete(msg.id);
        const { perBlock, actors } = splitReply(msg.id, req.lay, msg.spans, msg.actors);
        for (const [key, info] of actors) this.actors.set(key, info);
        for (const [hash, spans] of perBlock) this.setResult(hash, spans);
        const hashes = req.lay.map((b) => b.hash);
        if (msg.ledger) this.ledger = { ...placeLedger(msg.ledger, req.lay, msg.actors), hashes, at: Date.now() };
        this.lastError = "";
        return { changed: true, retry: false };
      }
      case REPLY.error: {
        this.inflight.delete(msg.id);
        if (msg.code === ERROR.cancelled) return none;
        if (this.asked === req.key) this.asked = ""; // not answered: this version may be asked again
        this.lastError = msg.message || msg.code;
        if (isRetryable(msg.code)) return { changed: false, retry: true };
        this.refused = req.key;
        return none;
      }
      default:
        return none;
    }
  }

  /**
   * Files the quotes found in the page itself for blocks that no request covers yet (the story's
   * paragraphs at first look, content/firstlook.js): early quotes, which the replies for those
   * blocks replace. Whether any changed.
   * @param {Array<{hash: string, text: string}>} blocks distinct blocks, in page order
   * @param {{spans: Array, blocks: [number, number]}} found their quotes as an early reply has them
   */
  fileFound(blocks, found) {
    const { perBlock } = splitReply("", layout(blocks), found.spans, [], found.blocks);
    return this.fileEarly(perBlock);
  }

  /** Files early quotes per block; whether any changed. Never instead of an analysis the block
   * has: that would take its other highlights away. The same quotes again (the daemon's reply to
   * those found in the page) keep the ones painted: nothing is taken down and put back. */
  fileEarly(perBlock) {
    let changed = false;
    for (const [hash, spans] of perBlock) {
      if (this.results.has(hash) || sameSpans(this.early.get(hash), spans)) continue;
      this.early.set(hash, spans.map((s) => ({ ...s, early: true })));
      changed = true;
    }
    return changed;
  }

  setResult(hash, spans) {
    this.results.set(hash, spans);
    this.early.delete(hash);
  }
}

function sameSpans(held, spans) {
  if (!held || held.length !== spans.length) return false;
  return held.every((h, i) => h.start === spans[i].start && h.end === spans[i].end && h.category === spans[i].category && h.group === spans[i].group);
}

function versionKey(blocks) {
  return blocks.map((b) => b.hash).join(" ");
}
