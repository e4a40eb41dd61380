// What the content script, which runs once the page is parsed, would otherwise learn late: the
// user's settings (with whether the daemon was up when last known), read as soon as the page
// starts loading, and whether the page has painted a frame yet. The read is a round trip to the
// browser, 20–200 ms on a busy machine; begun at document_idle it often ended after the page's
// load event, and the quotes of a first look at the story (content/firstlook.js) wait for it.
// The page's first contentful paint is reported only once the frame is on screen, tens of
// milliseconds after the page painted it, and the content script waited for a frame more when
// it had not been. This script runs at document_start in the same isolated world as content.js,
// which takes both from `globalThis` (content/prefetched.js); it is a few lines, so it holds
// nothing of the page back. A change to the settings meanwhile starts the read again.

import { daemonWasUp } from "../shared/lastseen.js";
import { loadSettings } from "../shared/settings.js";
import { EARLY_SETTINGS, FRAME_PAINTED } from "./prefetched.js";

function read() {
  globalThis[EARLY_SETTINGS] = Promise.all([loadSettings(), daemonWasUp()]);
  // A read that fails is read again by the content script itself.
  globalThis[EARLY_SETTINGS].catch(() => delete globalThis[EARLY_SETTINGS]);
}

if (!globalThis[EARLY_SETTINGS]) {
  read();
  // A frame's callbacks run before it is painted; a task queued from one runs after (ready.js).
  requestAnimationFrame(() => setTimeout(() => (globalThis[FRAME_PAINTED] = true), 0));
  chrome.storage.onChanged.addListener((_changes, area) => area !== "session" && !globalThis.__claimlightContent && read());
}
