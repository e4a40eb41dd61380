// The one WebSocket to the daemon. It reconnects with capped exponential backoff while
// anyone wants it, and pings every 20 s: since Chrome 116 WebSocket traffic keeps an
// extension service worker alive, so an open connection also keeps this worker running.

import { pingMessage } from "../shared/protocol.js";
import { backoffDelay } from "./backoff.js";

export const KEEPALIVE_MS = 20_000;

// The pong to the ping sent on every open is news (the daemon's version, to broadcast);
// the pongs to keepalive pings are not.
const HELLO_PREFIX = "hello-";

/** Whether a pong answers the ping sent when the connection opened. */
export function isHelloReply(msg) {
  return String(msg?.id ?? "").startsWith(HELLO_PREFIX);
}

export class DaemonSocket {
  /**
   * @param {object} o
   * @param {string} o.url
   * @param {(msg: object) => void} o.onMessage parsed JSON frames
   * @param {(state: object) => void} [o.onState] called on every state change
   * @param {typeof WebSocket} [o.WebSocketImpl] injectable for tests
   * @param {{setTimeout, clearTimeout, setInterval, clearInterval, now}} [o.clock]
   */
  constructor({ url, protocols = [], onMessage, onState = () => {}, WebSocketImpl = globalThis.WebSocket, clock, random = Math.random }) {
    this.url = url;
    this.protocols = protocols;
    this.onMessage = onMessage;
    this.onState = onState;
    this.WebSocketImpl = WebSocketImpl;
    this.clock = clock ?? {
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (t) => clearTimeout(t),
      setInterval: (f, ms) => setInterval(f, ms),
      clearInterval: (t) => clearInterval(t),
      now: () => Date.now(),
    };
    this.random = random;
    this.ws = null;
    this.state = "idle"; // idle | connecting | open | waiting
    this.attempt = 0;
    this.retryTimer = null;
    this.retryAt = 0;
    this.keepalive = null;
    this.wanted = false;
    this.lastError = "";
    this.pingSeq = 0;
  }

  get isOpen() {
    return this.state === "open";
  }

  snapshot() {
    return {
      state: this.state,
      url: this.url,
      attempt: this.attempt,
      retryInMs: this.state === "waiting" ? Math.max(0, this.retryAt - this.clock.now()) : 0,
      lastError: this.lastError,
    };
  }

  /** Connect (if not already) and stay connected until stop(). */
  start() {
    this.wanted = true;
    if (this.state === "idle") this._connect();
  }

  /** Close and stop reconnecting, e.g. when no page needs the daemon any more. */
  stop() {
    this.wanted = false;
    this._clearRetry();
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.onopen = ws.onclose = ws.onerror = ws.onmessage = null;
      try {
        ws.close(1000, "idle");
      } catch {}
    }
    this._stopKeepalive();
    this._setState("idle");
  }

  /** Skip the remaining backoff wait: a user or a page is waiting right now. */
  retryNow() {
    this.wanted = true;
    if (this.state === "waiting" || this.state === "idle") {
      this._clearRetry();
      this._connect();
    }
  }

  setUrl(url, protocols = this.protocols) {
    if (url === this.url && String(protocols) === String(this.protocols)) return;
    this.url = url;
    this.protocols = protocols;
    const wanted = this.wanted;
    this.stop();
    this.attempt = 0;
    if (wanted) this.start();
  }

  send(msg) {
    if (!this.ws || this.state !== "open") return false;
    try {
      this.ws.send(JSON.stringify(msg));
      return true;
    } catch {
      return false;
    }
  }

  _connect() {
    this._clearRetry();
    let ws;
    try {
      ws = new this.WebSocketImpl(this.url, this.protocols);
    } catch (err) {
      this.lastError = String(err?.message ?? err);
      this._scheduleRetry();
      return;
    }
    this.ws = ws;
    this._setState("connecting");
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.attempt = 0;
      this.lastError = "";
      this._setState("open");
      this._startKeepalive();
      this.send(pingMessage(`${HELLO_PREFIX}${++this.pingSeq}`));
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      let msg;
      try {
        msg = JSON.parse(event.data);
      } catch {
        return;
      }
      if (msg && typeof msg === "object") this.onMessage(msg);
    };
    ws.onerror = () => {
      // A refused connection fires error then close; close does the work.
      if (this.ws === ws) this.lastError = "connection failed";
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this._stopKeepalive();
      // The daemon refuses a connection before the upgrade (HTTP 401, 403, 421, 503), which
      // a browser reports as 1006 with no reason; health.js finds out why. Once open, it
      // closes with 1001 and a reason when it shuts down, and with 1007, 1009 or 1002 (no
      // reason) on a frame it cannot read. A reason, when there is one, is worth showing.
      if (event?.reason) this.lastError = event.reason;
      if (this.wanted) this._scheduleRetry();
      else this._setState("idle");
    };
  }

  _scheduleRetry() {
    const delay = backoffDelay(this.attempt, this.random);
    this.attempt += 1;
    this.retryAt = this.clock.now() + delay;
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      if (this.wanted) this._connect();
    }, delay);
    this._setState("waiting");
  }

  _clearRetry() {
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  _startKeepalive() {
    this._stopKeepalive();
    this.keepalive = this.clock.setInterval(() => {
      this.send(pingMessage(`keepalive-${++this.pingSeq}`));
    }, KEEPALIVE_MS);
  }

  _stopKeepalive() {
    if (this.keepalive !== null) this.clock.clearInterval(this.keepalive);
    this.keepalive = null;
  }

  _setState(state) {
    this.state = state;
    this.onState(this.snapshot());
  }
}
