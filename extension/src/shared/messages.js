// Names of the messages between the content script, the service worker and the popup.
// Messages to and from the daemon use the protocol's own types (analyze, result, …).

export const PAGE_PORT = "claimlight-page";
export const POPUP_PORT = "claimlight-popup";

export const MSG = {
  // content → service worker (on the page port), besides protocol "analyze" and "cancel"
  heartbeat: "cl-heartbeat",
  counts: "cl-counts",
  // service worker → content and popup
  daemonState: "cl-daemon-state",
  // popup → service worker
  retryNow: "cl-retry-now",
  // popup → content (chrome.tabs.sendMessage)
  getPageState: "cl-get-page-state",
  analyseNow: "cl-analyse-now",
  // a test or measuring tool → content (chrome.tabs.sendMessage from an extension page)
  getAnalysedText: "cl-get-analysed-text",
};
