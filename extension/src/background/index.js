// Service worker: owns the daemon connection and routes requests and replies between
// pages (one port per tab) and the daemon. Pages hold their own pending requests too,
// so a restarted worker loses nothing: the pages notice the port closing and re-send.

import { COMMAND, MSG, PAGE_PORT, POPUP_PORT } from "../shared/messages.js";
import { REPLY, REQUEST, daemonUrl, subprotocols, withPage } from "../shared/protocol.js";
import { DaemonMemory } from "../shared/lastseen.js";
import { loadSettings, normalizeSettings } from "../shared/settings.js";
import { probeHealth } from "./health.js";
import { RequestRouter } from "./router.js";
import { DaemonSocket, isHelloReply } from "./socket.js";
import { badgeText } from "./badge.js";

const IDLE_CLOSE_MS = 60_000; // close the socket this long after the last page or popup left

const pages = new Set(); // chrome.runtime.Port
const popups = new Set();
const stats = { requests: 0, results: 0, partials: 0, errors: 0, log: [] }; // log: the last requests, for debugging
let daemonInfo = null; // from the daemon's pong: { version, model }
let idleTimer = null;
let settings = normalizeSettings();
const memory = new DaemonMemory(); // whether the daemon is up, for pages loading before they ask

const socket = new DaemonSocket({
  url: daemonUrl(settings.daemonPort),
  protocols: subprotocols(settings.daemonToken),
  onMessage: onDaemonMessage,
  onState: broadcastState,
});
const router = new RequestRouter((msg) => socket.send(msg));

// Exposed for debugging from the worker's console and for the end-to-end tests.
globalThis.claimlight = { socket, router, stats, pages, popups };

const ready = loadSettings().then((s) => {
  settings = s;
  socket.setUrl(daemonUrl(s.daemonPort), subprotocols(s.daemonToken));
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== "local" || !(changes.daemonPort || changes.daemonToken)) return;
  loadSettings().then((s) => {
    settings = s;
    daemonInfo = null;
    socket.setUrl(daemonUrl(s.daemonPort), subprotocols(s.daemonToken));
  });
});

function stateMessage() {
  const snap = socket.snapshot();
  return {
    type: MSG.daemonState,
    ...snap,
    lastError: refusal || snap.lastError,
    refused: !!refusal,
    daemon: daemonInfo,
    pending: router.size,
    port: settings.daemonPort,
  };
}

// A browser reports a refused handshake exactly like a daemon that is not running. The
// health endpoint tells them apart, so the popup can say what is actually wrong.
async function explainFailure(attempt) {
  if (attempt > 1 && attempt % 4 !== 0) return; // first failures, then now and then
  const verdict = await probeHealth(settings.daemonPort);
  const before = refusal;
  refusal = verdict.running ? verdict.reason : "";
  if (refusal !== before && socket.state !== "open") {
    const msg = stateMessage();
    for (const port of [...pages, ...popups]) safePost(port, msg);
  }
}

let refusal = ""; // why a running daemon turned the connection down, if it did

function broadcastState(snapshot) {
  memory.note(snapshot.state);
  if (snapshot.state === "open") {
    refusal = "";
    router.flush();
  } else if (snapshot.state !== "connecting") {
    router.connectionLost();
  }
  if (snapshot.state === "waiting") explainFailure(snapshot.attempt);
  const msg = stateMessage();
  for (const port of [...pages, ...popups]) safePost(port, msg);
}

function onDaemonMessage(msg) {
  if (msg.type === REPLY.pong) {
    daemonInfo = { version: msg.version, model: msg.model };
    if (isHelloReply(msg)) broadcastState(socket.snapshot());
    return;
  }
  if (msg.type === REPLY.result) stats.results += 1;
  else if (msg.type === REPLY.partial) stats.partials += 1;
  else if (msg.type === REPLY.error) stats.errors += 1;
  const port = router.reply(msg);
  if (port) safePost(port, msg);
}

function safePost(port, msg) {
  try {
    port.postMessage(msg);
  } catch {
    // The page is gone; its onDisconnect cleans up.
  }
}

function clientsChanged() {
  clearTimeout(idleTimer);
  if (pages.size + popups.size > 0) {
    socket.start();
  } else {
    idleTimer = setTimeout(() => {
      if (pages.size + popups.size === 0 && router.size === 0) socket.stop();
    }, IDLE_CLOSE_MS);
  }
}

function onPageMessage(port, msg) {
  switch (msg?.type) {
    case REQUEST.analyze:
      stats.requests += 1;
      stats.log.push({ id: msg.id, url: msg.url, blocks: msg.blocks?.length ?? 0, stream: !!msg.stream, replace: !!msg.replace, at: Date.now() });
      if (stats.log.length > 50) stats.log.shift();
      router.submit(port, withPage(msg, port.sender));
      // A page is waiting: do not let it sit out the rest of a long backoff.
      if (!socket.isOpen && socket.state !== "connecting") socket.retryNow();
      break;
    case REQUEST.cancel:
      router.cancel(msg.id);
      break;
    case MSG.counts: {
      const tabId = port.sender?.tab?.id;
      if (tabId !== undefined) {
        chrome.action.setBadgeText({ tabId, text: badgeText(msg.total) }).catch(() => {});
      }
      break;
    }
    case MSG.heartbeat:
      // Receiving it is the point: an extension event keeps this worker from idling out
      // while the page waits for a daemon that is down.
      break;
  }
}

chrome.runtime.onConnect.addListener(async (port) => {
  if (port.name === PAGE_PORT) {
    pages.add(port);
    port.onMessage.addListener(async (msg) => {
      await ready;
      onPageMessage(port, msg);
    });
    port.onDisconnect.addListener(() => {
      pages.delete(port);
      router.dropClient(port);
      clientsChanged();
    });
  } else if (port.name === POPUP_PORT) {
    popups.add(port);
    port.onMessage.addListener((msg) => {
      if (msg?.type === MSG.retryNow) socket.retryNow();
    });
    port.onDisconnect.addListener(() => {
      popups.delete(port);
      clientsChanged();
    });
  } else {
    return;
  }
  await ready;
  clientsChanged();
  safePost(port, stateMessage());
});

chrome.action.setBadgeBackgroundColor({ color: "#5b4a00" }).catch(() => {});
chrome.action.setBadgeTextColor?.({ color: "#ffe27a" })?.catch?.(() => {});

// ---- the side panel and the keyboard shortcuts -----------------------------------------------

// "Show all by this speaker" in a page's hover card. open() must run while the click still
// counts as the user's, so nothing is awaited before it.
chrome.runtime.onMessage.addListener((msg, sender) => {
  if (msg?.type !== MSG.openPanel || sender.tab?.id === undefined) return;
  chrome.sidePanel?.open({ tabId: sender.tab.id }).catch(() => {});
});

chrome.commands?.onCommand.addListener((command, tab) => {
  if (command === COMMAND.panel) {
    if (tab?.id !== undefined) chrome.sidePanel?.open({ tabId: tab.id }).catch(() => {});
    return;
  }
  const dir = command === COMMAND.next ? 1 : command === COMMAND.previous ? -1 : 0;
  if (!dir || tab?.id === undefined) return;
  // The page does the stepping, so the shortcuts work with the panel closed too.
  chrome.tabs.sendMessage(tab.id, { type: MSG.step, dir }).catch(() => {});
});
