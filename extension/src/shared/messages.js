// Names of the messages between the content script, the service worker and the popup.
// Messages to and from the daemon use the protocol's own types (analyze, result, …).

export const PAGE_PORT = "claimlight-page";
export const POPUP_PORT = "claimlight-popup";
// The side panel's line to a tab's content script (chrome.tabs.connect).
export const PANEL_PORT = "claimlight-panel";

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
  // content → side panel (on the panel port): what the page holds, and the quote stepped to
  panelState: "cl-panel-state",
  // side panel → content (on the panel port)
  panelGoto: "cl-panel-goto",
  panelStep: "cl-panel-step",
  panelFilter: "cl-panel-filter",
  // service worker → content (chrome.tabs.sendMessage): a keyboard shortcut steps through quotes
  step: "cl-step",
  // content → service worker: "show all by this speaker" in the hover card opens the side panel
  openPanel: "cl-open-panel",
  // a test or measuring tool → content (chrome.tabs.sendMessage from an extension page)
  getAnalysedText: "cl-get-analysed-text",
};

// Keyboard shortcuts (manifest "commands"; people change them in chrome://extensions/shortcuts).
export const COMMAND = { next: "next-quote", previous: "previous-quote", panel: "open-panel" };
