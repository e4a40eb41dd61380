import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { isSiteDisabled, normalizeSettings, portOrDefault, siteKey } from "../src/shared/settings.js";
import { DEFAULT_PORT, daemonUrl, subprotocols } from "../src/shared/protocol.js";
import { CATEGORY_IDS } from "../src/shared/categories.js";
import { badgeText } from "../src/background/badge.js";
import { statusView } from "../src/popup/status.js";
import { drawIcon } from "../scripts/icons.mjs";

const repo = new URL("../../", import.meta.url);

test("defaults: everything on but 'mention', port 47653", () => {
  const s = normalizeSettings();
  assert.equal(s.enabled, true);
  assert.equal(s.daemonPort, DEFAULT_PORT);
  assert.deepEqual(Object.keys(s.categories), CATEGORY_IDS);
  assert.equal(s.categories.mention, false);
  assert.equal(s.categories.quote, true);
});

test("stored settings win, junk falls back to defaults", () => {
  const s = normalizeSettings(
    { enabled: false, categories: { quote: false, bogus: true, person: "yes" }, disabledSites: ["a.com", 3] },
    { daemonPort: "99999" },
  );
  assert.equal(s.enabled, false);
  assert.equal(s.categories.quote, false);
  assert.equal(s.categories.person, true);
  assert.equal("bogus" in s.categories, false);
  assert.deepEqual(s.disabledSites, ["a.com"]);
  assert.equal(s.daemonPort, DEFAULT_PORT);
  assert.equal(normalizeSettings({}, { daemonPort: 5000 }).daemonPort, 5000);
});

test("sites are keyed by host name without www", () => {
  assert.equal(siteKey("https://www.example.co.uk/news/1?x"), "example.co.uk");
  assert.equal(siteKey("http://127.0.0.1:8000/a.html"), "127.0.0.1");
  assert.equal(siteKey("not a url"), "");
  const s = normalizeSettings({ disabledSites: ["example.com"] });
  assert.equal(isSiteDisabled(s, "https://www.example.com/x"), true);
  assert.equal(isSiteDisabled(s, "https://example.org/x"), false);
});

test("daemon address and token subprotocol", () => {
  const s = normalizeSettings({}, { daemonPort: 4000 });
  assert.equal(daemonUrl(s.daemonPort), "ws://127.0.0.1:4000/ws");
  assert.deepEqual(subprotocols(s.daemonToken), ["claimlight.v1"]);
  const t = normalizeSettings({}, { daemonToken: "abcdefghijklmnop" });
  assert.deepEqual(subprotocols(t.daemonToken), ["claimlight.v1", "claimlight.token.abcdefghijklmnop"]);
});

test("a port is an integer from 1 to 65535, typed or stored; anything else is the default", () => {
  assert.deepEqual([4000, "4000", 1, "65535"].map(portOrDefault), [4000, 4000, 1, 65535]);
  for (const bad of ["", " ", "0", 0, -1, 65536, "99999", 80.5, "abc", null, undefined]) {
    assert.equal(portOrDefault(bad), DEFAULT_PORT, String(bad));
  }
});

test("the manifest asks for MV3 on Chrome 116+ and four permissions", () => {
  // The id its key pins is checked against the daemon's in contract.test.mjs.
  const manifest = JSON.parse(readFileSync(new URL("extension/static/manifest.json", repo), "utf8"));
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.minimum_chrome_version, "116"); // sidePanel.open() came in 116
  assert.deepEqual(manifest.permissions.sort(), ["activeTab", "scripting", "sidePanel", "storage"]);
  assert.equal(manifest.side_panel.default_path, "sidepanel.html");
});

test("the shortcuts are the commands the service worker handles, at most four suggested", async () => {
  const { COMMAND } = await import("../src/shared/messages.js");
  const manifest = JSON.parse(readFileSync(new URL("extension/static/manifest.json", repo), "utf8"));
  assert.deepEqual(Object.keys(manifest.commands).sort(), Object.values(COMMAND).sort());
  const keys = Object.values(manifest.commands).map((c) => c.suggested_key?.default).filter(Boolean);
  assert.ok(keys.length <= 4); // Chrome ignores suggested keys past four
  assert.equal(new Set(keys).size, keys.length);
  for (const k of keys) assert.match(k, /^(Ctrl|Alt)\+Shift\+[A-Z0-9]$/);
});

test("badge text fits the badge", () => {
  assert.deepEqual([0, -1, 7, 999, 1000, 25_400, 1e9].map(badgeText), ["", "", "7", "999", "1k", "25k", "99k"]);
});

test("popup status line", () => {
  assert.equal(statusView(null).state, "unknown");
  const open = statusView({ state: "open", daemon: { version: "0.1.0", model: "en" } });
  assert.match(open.text, /Connected.*0\.1\.0/);
  const down = statusView({ state: "waiting", port: 47653, retryInMs: 4100, lastError: "connection failed" });
  assert.equal(down.showHelp, true);
  assert.match(down.text, /not running on port 47653\. Retrying in 5 s/);
  const refused = statusView({ state: "waiting", port: 47653, refused: true, lastError: "the daemon is still loading its model" });
  assert.equal(refused.showHelp, false);
  assert.match(refused.text, /loading/);
});

test("icons are valid PNGs of the right size", () => {
  for (const size of [16, 128]) {
    const png = drawIcon(size);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.readUInt32BE(16), size);
    assert.equal(png.readUInt32BE(20), size);
  }
});

test("only web pages have a site", () => {
  assert.equal(siteKey("chrome://newtab/"), "");
  assert.equal(siteKey("chrome-extension://kmkkphfbamihimlbikjgncnjghmnajnj/popup.html"), "");
  assert.equal(siteKey("file:///tmp/a.html"), "");
});
