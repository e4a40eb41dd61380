// Whether the daemon was up when the service worker last knew, kept for the browser session.
// A page paints the quotes it finds from their marks at once when the daemon is up, and
// nothing while it is down; asking the worker costs a round trip that lands after the quotes
// could have been painted, so the page reads this instead, beside its settings. Only this
// one flag is in session storage, which the worker opens to content scripts for it.

export const DAEMON_UP_KEY = "daemonUp";

// The socket's states that say something about the daemon: "idle" and "connecting" do not.
const VERDICT = { open: true, waiting: false };

/** The daemon's state as the page may believe it before the worker has said: true, false, or
 * null when nothing is known (a new browser session, or session storage out of reach). */
export async function daemonWasUp(storage = globalThis.chrome?.storage) {
  try {
    const got = await storage.session.get(DAEMON_UP_KEY);
    return typeof got?.[DAEMON_UP_KEY] === "boolean" ? got[DAEMON_UP_KEY] : null;
  } catch {
    return null;
  }
}

/** Keeps what a socket state says about the daemon, writing only when that changes. */
export class DaemonMemory {
  constructor(storage = globalThis.chrome?.storage) {
    this.storage = storage;
    this.known = null;
    // Pages read it (content scripts are untrusted contexts); the level is the extension's, kept.
    storage?.session?.setAccessLevel?.({ accessLevel: "TRUSTED_AND_UNTRUSTED_CONTEXTS" })?.catch?.(() => {});
  }

  /** @param {string} state the socket's state */
  note(state) {
    const up = VERDICT[state];
    if (up === undefined || up === this.known) return;
    this.known = up;
    this.storage?.session?.set({ [DAEMON_UP_KEY]: up })?.catch?.(() => {});
  }
}

/** Whether a page may paint the quotes it found itself: the worker says the daemon is up, or
 * has said nothing yet that it knows and the daemon was up when last known. */
export function mayShowEarly(state, wasUp) {
  if (state === "open") return true;
  return VERDICT[state] === undefined && wasUp === true;
}
