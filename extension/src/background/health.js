// Asks the daemon's /health whether it runs, to explain a failed WebSocket handshake.

import { healthUrl } from "../shared/protocol.js";

export async function probeHealth(port, fetchImpl = globalThis.fetch, timeoutMs = 2000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(healthUrl(port), { cache: "no-store", signal: controller.signal });
    if (res.status === 403) {
      return { running: true, reason: "the daemon is running but does not allow this extension's id (allowed_extension_ids)" };
    }
    if (!res.ok) return { running: true, reason: `the daemon answered HTTP ${res.status}` };
    const health = await res.json().catch(() => ({}));
    if (health.status === "loading") return { running: true, reason: "the daemon is still loading its model" };
    // Health is fine but the WebSocket was refused: a token is required or wrong.
    return { running: true, reason: "the daemon refused the connection: check the token setting" };
  } catch {
    return { running: false, reason: "" };
  } finally {
    clearTimeout(timer);
  }
}
