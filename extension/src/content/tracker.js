// The page's bookkeeping of requests and replies: which blocks have results (by text
// hash), which are on their way, which the daemon refused. It decides what the next
// request carries and files each reply under the blocks it covers. No DOM: it sees blocks
// as {hash, text}, so it is tested without a page.

import { ERROR, REPLY, analyzeMessage, isRetryable } from "../shared/protocol.js";
import { planRequest } from "./hash.js";
import { layout, placeLedger, splitReply } from "./results.js";

// Long pages ask for partial replies so the first paragraphs light up before the rest.
export const STREAM_MIN_CHARS = 6000;

// A long SPA session visits many articles; past this many, keep only the one on screen.
export const RESULTS_LIMIT = 2000;

export class RequestTracker {
  /** @param {{session?: string}} [o] session: request ids' prefix, unique per page load */
  constructor({ session = Math.random().toString(36).slice(2, 10) } = {}) {
    this.session = session;
    this.seq = 0;
    this.results = new Map(); // block hash → spans (block-relative offsets)
    this.inflight = new Map(); // request id → {lay}: where its blocks sit in its joined text
    this.inflightHashes = new Map(); // block hash → request id
    this.failed = new Set(); // block hashes the daemon refused; not re-sent until asked
    this.actors = new Map(); // actor key → {name, type, role?}
    // The daemon's ledger of the latest request whose every block is on the page with that
    // request's spans; `hashes` are its blocks, to tell whether the page has changed since.
    this.ledger = null;
    this.wholeRefused = ""; // the page (its hashes joined) whose whole-page request failed
    this.lastError = "";
  }

  get pending() {
    return this.inflight.size;
  }

  spansFor(hash) {
    return this.results.get(hash);
  }

  /** Whether the ledger held is that of the page whose blocks have these hashes. */
  ledgerFresh(hashes) {
    const held = this.ledger?.hashes;
    return !!held && held.length === hashes.length && held.every((h, i) => h === hashes[i]);
  }

  /** A whole-page request is wanted: no fresh ledger, none on its way, none refused. */
  needsLedger(hashes) {
    if (this.ledgerFresh(hashes) || this.wholeRefused === hashes.join(" ")) return false;
    for (const req of this.inflight.values()) {
      if (req.full && req.lay.length === hashes.length && req.lay.every((b, i) => !b.context && b.hash === hashes[i])) return false;
    }
    return true;
  }

  /** Has results, is on its way, or was refused: either way, not to be asked for now. */
  isKnown(hash) {
    return this.results.has(hash) || this.inflightHashes.has(hash) || this.failed.has(hash);
  }

  /**
   * The analyze message for the page's blocks that are not known yet, recorded as in
   * flight, or null when there is nothing to ask.
   * @param {Array<{hash: string, text: string}>} blocks the page's blocks, in order
   * @param {{url: string, title: string}} page
   */
  nextRequest(blocks, { url, title }, { whole = false } = {}) {
    const hashes = blocks.map((b) => b.hash);
    let plan = planRequest(hashes, (h) => this.isKnown(h));
    // With the side panel open, every request is the whole page, every block analysed anew:
    // the daemon's ledger is then the page's, and the spans the panel lists are the ones it
    // counted.
    if (whole && (plan || this.needsLedger(hashes))) plan = { full: true, indexes: hashes.map((_, i) => i), context: hashes.map(() => false) };
    if (!plan) return null;
    const id = `${this.session}-${++this.seq}`;
    const reqBlocks = plan.indexes.map((i, k) => ({ ...blocks[i], context: plan.context[k] }));
    const lay = layout(reqBlocks);
    const chars = lay.length ? lay[lay.length - 1].end : 0;
    this.inflight.set(id, { lay, full: plan.full });
    for (const b of lay) if (!b.context) this.inflightHashes.set(b.hash, id);
    return analyzeMessage({ id, url, title, blocks: reqBlocks.map((b) => b.text), stream: chars >= STREAM_MIN_CHARS });
  }

  /**
   * Forgets the requests none of whose blocks are on the page any more (SPA navigation).
   * @param {Iterable<string>} hashes the blocks on the page now
   * @returns {string[]} their ids, for the daemon to cancel
   */
  dropStale(hashes) {
    const onPage = new Set(hashes);
    const stale = [];
    for (const [id, req] of this.inflight) {
      if (!req.lay.some((b) => !b.context && onPage.has(b.hash))) stale.push(id);
    }
    for (const id of stale) this.forget(id);
    return stale;
  }

  /** @param {Iterable<string>} hashes the blocks on the page now, whose results stay */
  pruneResults(hashes, limit = RESULTS_LIMIT) {
    if (this.results.size <= limit) return;
    const onPage = new Set(hashes);
    for (const hash of this.results.keys()) if (!onPage.has(hash)) this.results.delete(hash);
  }

  /** The user asked again, or a new article came: what was refused may be asked again. */
  clearFailures() {
    this.failed.clear();
  }

  forget(id) {
    const req = this.inflight.get(id);
    if (!req) return null;
    this.inflight.delete(id);
    for (const b of req.lay) if (this.inflightHashes.get(b.hash) === id) this.inflightHashes.delete(b.hash);
    return req;
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
        for (const [hash, spans] of perBlock) this.results.set(hash, spans);
        return { changed: true, retry: false };
      }
      case REPLY.result: {
        this.forget(msg.id);
        const { perBlock, actors } = splitReply(msg.id, req.lay, msg.spans, msg.actors);
        for (const [key, info] of actors) this.actors.set(key, info);
        for (const [hash, spans] of perBlock) this.results.set(hash, spans);
        if (req.full && !req.lay.some((b) => b.context)) {
          const hashes = req.lay.map((b) => b.hash);
          if (msg.ledger) this.ledger = { ...placeLedger(msg.ledger, req.lay, msg.actors), hashes, at: Date.now() };
          else this.wholeRefused = hashes.join(" "); // a daemon without ledgers: asking again would not help
        }
        this.lastError = "";
        return { changed: true, retry: false };
      }
      case REPLY.error: {
        this.forget(msg.id);
        if (msg.code === ERROR.cancelled) return none;
        this.lastError = msg.message || msg.code;
        if (isRetryable(msg.code)) return { changed: false, retry: true };
        if (req.full) this.wholeRefused = req.lay.map((b) => b.hash).join(" ");
        for (const b of req.lay) if (!b.context) this.failed.add(b.hash);
        return none;
      }
      default:
        return none;
    }
  }
}
