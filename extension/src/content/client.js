// The page's line to the service worker. The page remembers what it is still waiting
// for: if the worker is restarted (MV3 workers come and go) the port closes, and the
// page reconnects and sends its pending requests again.

import { MSG, PAGE_PORT } from "../shared/messages.js";
import { cancelMessage, endsRequest } from "../shared/protocol.js";

const HEARTBEAT_MS = 20_000;

export class DaemonClient {
  /**
   * @param {(msg: object) => void} onReply daemon replies and worker state messages
   * @param {typeof chrome.runtime} [runtime]
   */
  constructor(onReply, runtime = chrome.runtime) {
    this.onReply = onReply;
    this.runtime = runtime;
    this.port = null;
    this.pending = new Map(); // id → analyze message
    this.heartbeat = null;
    this.reconnectTimer = null;
    this.dead = false; // the extension was reloaded or removed: this script is orphaned
  }

  _connect() {
    if (this.port || this.dead) return this.port;
    try {
      if (!this.runtime?.id) throw new Error("extension context invalidated");
      this.port = this.runtime.connect({ name: PAGE_PORT });
    } catch {
      this.dead = true;
      return null;
    }
    this.port.onMessage.addListener((msg) => {
      if (endsRequest(msg) && msg.id) this.pending.delete(msg.id);
      this._syncHeartbeat();
      this.onReply(msg);
    });
    this.port.onDisconnect.addListener(() => {
      this.port = null;
      void this.runtime.lastError; // read it so Chrome does not log it as unchecked
      this._syncHeartbeat();
      if (this.pending.size && !this.reconnectTimer) {
        this.reconnectTimer = setTimeout(() => {
          this.reconnectTimer = null;
          this._resend();
        }, 200);
      }
    });
    return this.port;
  }

  _resend() {
    for (const msg of this.pending.values()) this._post(msg);
  }

  _post(msg) {
    const port = this._connect();
    if (!port) return false;
    try {
      port.postMessage(msg);
      return true;
    } catch {
      this.port = null;
      return false;
    }
  }

  /** Keeps the worker awake (and retrying) while this page waits for the daemon. */
  _syncHeartbeat() {
    const want = this.pending.size > 0 && this.port;
    if (want && !this.heartbeat) {
      this.heartbeat = setInterval(() => this._post({ type: MSG.heartbeat }), HEARTBEAT_MS);
    } else if (!want && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  analyze(msg) {
    this.pending.set(msg.id, msg);
    this._post(msg);
    this._syncHeartbeat();
  }

  cancel(id) {
    if (!this.pending.delete(id)) return;
    if (this.port) this._post(cancelMessage(id));
    this._syncHeartbeat();
  }

  /** Requests a newer one superseded (`replace`): not waited for, nor sent again. */
  forget(ids) {
    for (const id of ids) this.pending.delete(id);
    this._syncHeartbeat();
  }

  /** Opens the port without a request, to learn the daemon's state. */
  hello() {
    this._connect();
  }

  /** Closes the port when nothing is waiting: this page needs no daemon (yet). */
  release() {
    if (!this.port || this.pending.size) return;
    const port = this.port;
    this.port = null;
    this._syncHeartbeat();
    try {
      port.disconnect();
    } catch {
      // Closed already.
    }
  }

  post(msg) {
    if (this.port) this._post(msg);
  }
}
