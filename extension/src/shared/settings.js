// User settings. Preferences follow the user (storage.sync); the daemon's address is
// a property of this machine (storage.local).

import { CATEGORY_IDS, DEFAULT_OFF } from "./categories.js";
import { DEFAULT_PORT } from "./protocol.js";

export function defaultSync() {
  const categories = {};
  for (const id of CATEGORY_IDS) categories[id] = !DEFAULT_OFF.has(id);
  return { enabled: true, categories, disabledSites: [] };
}

/** A TCP port number from stored or typed input; anything else means the default port. */
export function portOrDefault(value) {
  const port = Number(value);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_PORT;
}

/** Fills missing keys from the defaults, so older stored settings keep working. */
export function normalizeSettings(sync = {}, local = {}) {
  const base = defaultSync();
  const categories = { ...base.categories };
  for (const id of CATEGORY_IDS) {
    if (typeof sync.categories?.[id] === "boolean") categories[id] = sync.categories[id];
  }
  return {
    enabled: typeof sync.enabled === "boolean" ? sync.enabled : base.enabled,
    categories,
    disabledSites: Array.isArray(sync.disabledSites) ? sync.disabledSites.filter((s) => typeof s === "string") : [],
    daemonPort: portOrDefault(local.daemonPort),
    daemonToken: typeof local.daemonToken === "string" ? local.daemonToken : "",
  };
}

export async function loadSettings(storage = chrome.storage) {
  const [sync, local] = await Promise.all([
    storage.sync.get(["enabled", "categories", "disabledSites"]),
    storage.local.get(["daemonPort", "daemonToken"]),
  ]);
  return normalizeSettings(sync, local);
}

/** The site a setting applies to: the host name without "www.", for web pages only. */
export function siteKey(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.hostname.replace(/^www\./, "") : "";
  } catch {
    return "";
  }
}

export function isSiteDisabled(settings, url) {
  const key = siteKey(url);
  return key !== "" && settings.disabledSites.includes(key);
}
