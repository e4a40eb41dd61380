import { test } from "node:test";
import assert from "node:assert/strict";
import { EARLY_SETTINGS, settingsRead } from "../src/content/prefetched.js";

test("the settings read begun at document_start is taken once, by the content script", async () => {
  const read = Promise.resolve([{ enabled: true }, true]);
  const global = { [EARLY_SETTINGS]: read };
  assert.deepEqual(await settingsRead(global), [{ enabled: true }, true]);
  assert.equal(EARLY_SETTINGS in global, false); // a second copy of the script reads for itself
});

test("without an early read, or when it failed, the content script reads the settings itself", async () => {
  const calls = [];
  const storage = (name, value) => ({ get: async (keys) => (calls.push(name), value(keys)) });
  globalThis.chrome = {
    storage: {
      sync: storage("sync", () => ({ enabled: false })),
      local: storage("local", () => ({ daemonPort: 9999 })),
      session: storage("session", () => ({ daemonUp: true })),
    },
  };
  try {
    const [settings, up] = await settingsRead({});
    assert.equal(settings.enabled, false);
    assert.equal(settings.daemonPort, 9999);
    assert.equal(up, true);
    const [again] = await settingsRead({ [EARLY_SETTINGS]: Promise.reject(new Error("no storage yet")) });
    assert.equal(again.enabled, false);
    assert.deepEqual(calls.sort(), ["local", "local", "session", "session", "sync", "sync"]);
  } finally {
    delete globalThis.chrome;
  }
});

test("a frame painted since document_start is known to the content script", async () => {
  const { FRAME_PAINTED, framePainted } = await import("../src/content/prefetched.js");
  assert.equal(framePainted({}), false);
  assert.equal(framePainted({ [FRAME_PAINTED]: true }), true);
});
