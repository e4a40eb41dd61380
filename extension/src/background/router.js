// Bookkeeping between pages and the daemon: which page asked for which request id, what
// is waiting for the connection, what was sent but not answered. Requests that were in
// flight when the connection dropped are sent again after reconnecting, so a page
// opened while the daemon was down gets its highlights as soon as the daemon is up.

import { cancelMessage, endsRequest } from "../shared/protocol.js";

// The daemon answers `busy` past max_inflight_per_connection (default 8) requests on one
// connection, and every tab shares this worker's connection: a restored session of twenty
// tabs must queue here rather than collect errors.
export const MAX_INFLIGHT = 6;

export class RequestRouter {
  /** @param {(msg: object) => boolean} send returns false when the socket is not open */
  constructor(send, maxInflight = MAX_INFLIGHT) {
    this.send = send;
    this.maxInflight = maxInflight;
    this.requests = new Map(); // id → { client, msg, sent }
  }

  get inflight() {
    let n = 0;
    for (const entry of this.requests.values()) if (entry.sent) n += 1;
    return n;
  }

  get size() {
    return this.requests.size;
  }

  /** A page's analyze request; sent now when possible, otherwise when the socket opens. */
  submit(client, msg) {
    const existing = this.requests.get(msg.id);
    // A page that reconnected after the worker restarted re-submits what it still waits
    // for; the same id must not reach the daemon twice.
    if (existing && existing.sent) {
      existing.client = client;
      return;
    }
    // A request that supersedes the page's older ones: those not sent yet never go (the daemon
    // cancels those it has, `replace`).
    if (msg.replace) {
      for (const [id, other] of this.requests) if (other.client === client && !other.sent) this.requests.delete(id);
    }
    const entry = { client, msg, sent: false };
    this.requests.set(msg.id, entry);
    if (this.inflight < this.maxInflight) entry.sent = this.send(msg);
  }

  /** Sends what waits, oldest first (Map keeps order), as far as the in-flight limit allows. */
  flush() {
    let room = this.maxInflight - this.inflight;
    for (const entry of this.requests.values()) {
      if (room <= 0) break;
      if (entry.sent) continue;
      entry.sent = this.send(entry.msg);
      if (!entry.sent) break; // the socket is not open
      room -= 1;
    }
  }

  /** The socket closed: whatever was in flight will never be answered on it. */
  connectionLost() {
    for (const entry of this.requests.values()) entry.sent = false;
  }

  /**
   * A daemon reply. Returns the client that asked, or null (pongs, unknown ids). The
   * request is finished by its `result` or `error`; `partial` replies keep it open.
   */
  reply(msg) {
    if (!msg || typeof msg.id !== "string") return null;
    const entry = this.requests.get(msg.id);
    if (!entry) return null;
    if (endsRequest(msg)) {
      this.requests.delete(msg.id);
      this.flush(); // a slot is free
    }
    return entry.client;
  }

  /** The page no longer needs this request (superseded or navigated away). */
  cancel(id) {
    const entry = this.requests.get(id);
    if (!entry) return;
    this.requests.delete(id);
    // The daemon still answers a cancelled request (with `cancelled`), which frees its slot
    // there; this side frees the slot now, so one more request may go out.
    if (entry.sent) {
      this.send(cancelMessage(id));
      this.flush();
    }
  }

  /** The page went away: forget its requests and tell the daemon to drop them. */
  dropClient(client) {
    const gone = [...this.requests].filter(([, entry]) => entry.client === client);
    for (const [id] of gone) this.requests.delete(id);
    for (const [id, entry] of gone) if (entry.sent) this.send(cancelMessage(id));
    this.flush();
  }

  pendingFor(client) {
    let n = 0;
    for (const entry of this.requests.values()) if (entry.client === client) n += 1;
    return n;
  }
}
