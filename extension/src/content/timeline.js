// Where the time goes between a page load and its first highlights: User Timing marks in the
// page's performance timeline, which DevTools' Performance panel shows and the browser bench
// reads (daemon/claimlight/bench/browser.py). Only the first of each step is marked, so the
// timeline of a page load stays readable however long the page lives; a mark costs microseconds.

export const PREFIX = "claimlight:";

// The steps, in the order a page load goes through them.
export const STEP = Object.freeze({
  start: "start", // the content script runs
  settings: "settings", // the user's settings are read
  firstLook: "first-look", // the story's paragraphs are read at first look (content/firstlook.js)
  found: "found", // the article is found and cut into blocks
  scanned: "scanned", // its quotations are found from their marks, here in the page
  sent: "sent", // its analysis is asked for
  daemonUp: "daemon-up", // the service worker says the daemon is connected
  quotesPainted: "quotes-painted", // the first quotes are registered as highlights
  partial: "partial", // the daemon's first (early quotes) reply arrives
  result: "result", // the daemon's analysis arrives
  allPainted: "all-painted", // the analysis is registered as highlights
});

const marked = new Set();

/** Marks `step` the first time it happens on this page. */
export function mark(step, perf = globalThis.performance) {
  if (marked.has(step) || typeof perf?.mark !== "function") return;
  marked.add(step);
  try {
    perf.mark(PREFIX + step);
  } catch {
    // A page that replaced `performance` loses the timeline, nothing else.
  }
}
