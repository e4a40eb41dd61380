// What content/early.js found out from document_start, for the content script: the settings read
// it began (taken once: a tab the popup injected the content script into, which has no early
// script, reads its own), and whether the page has painted a frame.

import { daemonWasUp } from "../shared/lastseen.js";
import { loadSettings } from "../shared/settings.js";

export const EARLY_SETTINGS = "__claimlightSettings";
export const FRAME_PAINTED = "__claimlightFramePainted";

/** Whether the page has painted a frame since it started loading, as far as is known. */
export function framePainted(global = globalThis) {
  return global[FRAME_PAINTED] === true;
}

/** @returns {Promise<[object, boolean | null]>} the settings, and whether the daemon was up */
export function settingsRead(global = globalThis) {
  const early = global[EARLY_SETTINGS];
  delete global[EARLY_SETTINGS];
  return early ? early.catch(() => Promise.all([loadSettings(), daemonWasUp()])) : Promise.all([loadSettings(), daemonWasUp()]);
}
