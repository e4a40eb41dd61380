// The toolbar popup: daemon status, what the page has, and the settings. Settings are
// written to chrome.storage; open pages pick them up from there and repaint at once.

import { CATEGORIES } from "../shared/categories.js";
import { PALETTES, swatch } from "../shared/colour.js";
import { MSG, POPUP_PORT } from "../shared/messages.js";
import { loadSettings, portOrDefault, siteKey } from "../shared/settings.js";
import { statusView } from "./status.js";

const $ = (id) => document.getElementById(id);
const dark = matchMedia("(prefers-color-scheme: dark)").matches;
let settings;
let tab = null; // the tab this popup is about
let pageState = null;
let daemonState = null;

async function targetTab() {
  // ?tab=ID lets the popup be opened as a page about another tab (tests, debugging).
  const fromQuery = Number(new URLSearchParams(location.search).get("tab"));
  if (fromQuery) return chrome.tabs.get(fromQuery).catch(() => null);
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
  return active ?? null;
}

function buildCategories() {
  const list = $("categories");
  const template = $("category-row");
  for (const cat of CATEGORIES) {
    const row = template.content.firstElementChild.cloneNode(true);
    row.dataset.category = cat.id;
    row.title = cat.hint;
    const sw = row.querySelector(".swatch");
    sw.style.background = swatch(cat.id, dark ? "dark" : "light");
    const line = PALETTES[dark ? "dark" : "light"][cat.id].line;
    if (line) {
      sw.classList.add("line");
      sw.style.borderBottomColor = `rgb(${line.slice(0, 3).join(",")})`;
    }
    row.querySelector(".name").textContent = cat.label;
    const input = row.querySelector("input");
    input.name = cat.id;
    input.addEventListener("change", () => {
      settings.categories[cat.id] = input.checked;
      chrome.storage.sync.set({ categories: { ...settings.categories } });
    });
    list.append(row);
  }
}

// The tab's URL is only visible to the popup under activeTab; the page itself always knows.
function currentSite() {
  return pageState?.site || (tab?.url ? siteKey(tab.url) : "");
}

function renderSettings() {
  $("master").checked = settings.enabled;
  document.body.classList.toggle("off", !settings.enabled);
  for (const cat of CATEGORIES) {
    document.querySelector(`.cat[data-category="${cat.id}"] input`).checked = !!settings.categories[cat.id];
  }
  const site = currentSite();
  $("site").checked = !settings.disabledSites.includes(site);
  $("site").disabled = !site;
  $("site").closest("label").hidden = !site;
  $("site-label").textContent = site ? `On ${site}` : "On this site";
  if (document.activeElement !== $("port")) $("port").value = settings.daemonPort;
  if (document.activeElement !== $("token")) $("token").value = settings.daemonToken;
}

function renderPage() {
  const s = pageState;
  const counts = s?.counts ?? {};
  for (const cat of CATEGORIES) {
    const n = counts[cat.id];
    document.querySelector(`.cat[data-category="${cat.id}"] .count`).textContent = s?.active ? String(n ?? 0) : "";
  }
  let text;
  if (!s) text = "claimlight does not run on this page.";
  else if (!s.enabled) text = "Highlighting is off.";
  else if (s.siteDisabled && !s.forced) text = `Off on ${s.site}.`;
  else if (!s.isArticle && !s.forced) text = "This page does not look like an article.";
  else if (!s.active) text = "No article text found on this page.";
  else if (s.pending) text = `Analysing ${s.blocks} paragraphs…`;
  else {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    text = `${total} highlight${total === 1 ? "" : "s"} in ${s.blocks} paragraph${s.blocks === 1 ? "" : "s"}.`;
  }
  if (s?.lastError) text += ` The daemon said: ${s.lastError}`;
  $("page-text").textContent = text;
  // The page deleted, replaced, restyled or covered highlights: what is restored is counted,
  // but what the reader sees may still differ from what claimlight painted.
  const interference = s?.active ? s.interference ?? [] : [];
  $("interference").hidden = !interference.length;
  $("interference-detail").textContent = interference.length ? `It ${interference.join("; ")}.` : "";
  // Offered where nothing runs on its own: non-articles and sites the user switched off.
  $("analyse").hidden = !!s?.active || !currentSite();
  $("analyse").disabled = !settings.enabled || !tab;
  $("open-panel").hidden = !s?.active || !chrome.sidePanel;
}

function renderDaemon() {
  // The worker reports the backoff wait once; count it down here.
  const elapsed = daemonState ? Date.now() - daemonState.receivedAt : 0;
  const view = statusView(daemonState && { ...daemonState, retryInMs: Math.max(0, (daemonState.retryInMs ?? 0) - elapsed) });
  $("status").dataset.state = view.state;
  $("status-text").textContent = view.text;
  $("status-help").hidden = !view.showHelp;
}

async function pollPage() {
  if (!tab?.id) return renderPage();
  try {
    pageState = await chrome.tabs.sendMessage(tab.id, { type: MSG.getPageState });
  } catch {
    pageState = null; // no content script: a chrome:// page, or loaded before the extension
  }
  renderSettings();
  renderPage();
}

async function analyseNow() {
  if (!tab?.id) return;
  $("analyse").disabled = true;
  try {
    pageState = await chrome.tabs.sendMessage(tab.id, { type: MSG.analyseNow });
  } catch {
    // The tab predates the extension: inject the content script (allowed by activeTab).
    try {
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ["content.js"] });
      await new Promise((r) => setTimeout(r, 150));
      pageState = await chrome.tabs.sendMessage(tab.id, { type: MSG.analyseNow });
    } catch (err) {
      $("page-text").textContent = `This page cannot be analysed (${err.message ?? err}).`;
    }
  }
  renderPage();
}

async function main() {
  [settings, tab] = await Promise.all([loadSettings(), targetTab()]);
  buildCategories();
  renderSettings();
  renderDaemon();

  $("master").addEventListener("change", (e) => chrome.storage.sync.set({ enabled: e.target.checked }));
  $("site").addEventListener("change", (e) => {
    const site = currentSite();
    if (!site) return;
    const sites = new Set(settings.disabledSites);
    if (e.target.checked) sites.delete(site);
    else sites.add(site);
    chrome.storage.sync.set({ disabledSites: [...sites] });
  });
  $("analyse").addEventListener("click", analyseNow);
  // open() only counts as the user's while the click is being handled: nothing awaited first.
  $("open-panel").addEventListener("click", () => {
    if (!tab?.id) return;
    chrome.sidePanel.open({ tabId: tab.id }).then(() => window.close(), () => {});
  });
  $("port").addEventListener("change", (e) => chrome.storage.local.set({ daemonPort: portOrDefault(e.target.value) }));

  $("token").addEventListener("change", (e) => chrome.storage.local.set({ daemonToken: e.target.value.trim() }));

  const port = chrome.runtime.connect({ name: POPUP_PORT });
  port.onMessage.addListener((msg) => {
    if (msg.type !== MSG.daemonState) return;
    daemonState = { ...msg, receivedAt: Date.now() };
    renderDaemon();
  });
  $("retry").addEventListener("click", () => port.postMessage({ type: MSG.retryNow }));

  chrome.storage.onChanged.addListener(async () => {
    settings = await loadSettings();
    renderSettings();
    renderPage();
  });

  await pollPage();
  setInterval(pollPage, 700);
  setInterval(renderDaemon, 1000);
}

main();
