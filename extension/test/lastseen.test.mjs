import { test } from "node:test";
import assert from "node:assert/strict";
import { DAEMON_UP_KEY, DaemonMemory, daemonWasUp, mayShowEarly } from "../src/shared/lastseen.js";

/** A chrome.storage with a session area kept in memory, counting writes. */
function fakeStorage({ failing = false } = {}) {
  const data = {};
  const session = {
    writes: 0,
    level: null,
    async get(key) {
      if (failing) throw new Error("Access to storage is not allowed from this context.");
      return key in data ? { [key]: data[key] } : {};
    },
    async set(items) {
      session.writes += 1;
      Object.assign(data, items);
    },
    async setAccessLevel({ accessLevel }) {
      session.level = accessLevel;
    },
  };
  return { session, data };
}

test("the worker keeps what the socket's states say of the daemon, writing only on a change", async () => {
  const storage = fakeStorage();
  const memory = new DaemonMemory(storage);
  assert.equal(storage.session.level, "TRUSTED_AND_UNTRUSTED_CONTEXTS"); // pages may read it
  assert.equal(await daemonWasUp(storage), null); // a new session: nothing known
  memory.note("connecting"); // says nothing of the daemon
  assert.equal(storage.session.writes, 0);
  memory.note("open");
  memory.note("open");
  assert.equal(storage.session.writes, 1);
  assert.equal(await daemonWasUp(storage), true);
  memory.note("idle"); // no page needs it: closed, not down
  assert.equal(await daemonWasUp(storage), true);
  memory.note("waiting");
  assert.equal(storage.data[DAEMON_UP_KEY], false);
  assert.equal(await daemonWasUp(storage), false);
});

test("a page that cannot read session storage knows nothing", async () => {
  assert.equal(await daemonWasUp(fakeStorage({ failing: true })), null);
  assert.equal(await daemonWasUp(undefined), null);
});

test("the page's own quotes are shown when the daemon is up, or was when last known and nothing newer is said", () => {
  assert.equal(mayShowEarly("open", null), true);
  assert.equal(mayShowEarly("open", false), true);
  assert.equal(mayShowEarly("unknown", true), true); // the worker has not answered yet
  assert.equal(mayShowEarly("connecting", true), true);
  assert.equal(mayShowEarly("unknown", null), false); // nothing known: wait, as before
  assert.equal(mayShowEarly("unknown", false), false);
  assert.equal(mayShowEarly("waiting", true), false); // the worker says it is down
});
