// The daemon status line of the popup, from the service worker's state message.

export function statusView(state) {
  if (!state) return { state: "unknown", text: "Connecting to the daemon…", showHelp: false };
  if (state.refused && state.state !== "open") {
    return { state: "waiting", text: `Port ${state.port}: ${state.lastError}.`, showHelp: false };
  }
  switch (state.state) {
    case "open": {
      const d = state.daemon;
      const what = d ? ` (claimlight ${d.version}${d.model ? `, ${d.model}` : ""})` : "";
      return { state: "open", text: `Connected to the daemon${what}.`, showHelp: false };
    }
    case "connecting":
      return state.attempt > 0
        ? { state: "waiting", text: `Daemon not running on port ${state.port}; trying again…`, showHelp: true }
        : { state: "connecting", text: "Connecting to the daemon…", showHelp: false };
    case "waiting": {
      const secs = Math.ceil((state.retryInMs ?? 0) / 1000);
      const why = state.lastError && state.lastError !== "connection failed" ? ` (${state.lastError})` : "";
      return {
        state: "waiting",
        text: `Daemon not running on port ${state.port}${why}. Retrying${secs ? ` in ${secs} s` : ""}.`,
        showHelp: true,
      };
    }
    default:
      return { state: "idle", text: "Not connected: no page needs the daemon right now.", showHelp: false };
  }
}
