// The page's side of the side panel: the panel connects to this tab's content script and is
// sent what the page holds (its quotations, their speakers, the ledger) whenever that changes,
// and the panel's clicks and next/previous come back here. Several panels (one per window
// showing this tab) may be connected at once.

import { MSG, PANEL_PORT } from "../shared/messages.js";

const PUSH_DELAY_MS = 120; // a burst of repaints (a streamed reply) is sent once

export class PanelFeed {
  /**
   * @param {object} o
   * @param {() => object} o.state the panel's view of the page now
   * @param {(msg: object) => void} o.onMessage a message from a panel
   * @param {(open: boolean) => void} [o.onOpenChange] the first panel came, or the last left
   * @param {typeof chrome.runtime} [runtime]
   */
  constructor({ state, onMessage, onOpenChange = () => {} }, runtime = chrome.runtime) {
    this.state = state;
    this.onMessage = onMessage;
    this.onOpenChange = onOpenChange;
    this.ports = new Set();
    this.timer = 0;
    runtime.onConnect.addListener((port) => port.name === PANEL_PORT && this.accept(port));
  }

  get open() {
    return this.ports.size > 0;
  }

  accept(port) {
    this.ports.add(port);
    port.onMessage.addListener((msg) => this.onMessage(msg));
    port.onDisconnect.addListener(() => {
      this.ports.delete(port);
      if (!this.ports.size) this.onOpenChange(false);
    });
    if (this.ports.size === 1) this.onOpenChange(true);
    this.send(port);
  }

  /** Something the panel shows changed: send it soon. */
  changed() {
    if (!this.open || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.pushNow();
    }, PUSH_DELAY_MS);
  }

  pushNow() {
    clearTimeout(this.timer);
    this.timer = 0;
    if (!this.open) return;
    const msg = { type: MSG.panelState, state: this.state() };
    for (const port of this.ports) this.send(port, msg);
  }

  send(port, msg = { type: MSG.panelState, state: this.state() }) {
    try {
      port.postMessage(msg);
    } catch {
      this.ports.delete(port); // the panel closed between its disconnect and this
    }
  }
}
