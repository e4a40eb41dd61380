// What the extension and the daemon must agree on, in one place: the constants of the
// WebSocket protocol and the builders of every message the extension sends. The daemon's
// pydantic models (claimlight.protocol) are the source of truth; test/contract.test.mjs
// checks these constants against the contract file the daemon's tests check too, so a
// change on one side that the other misses fails a test instead of a user's page.

export const PROTOCOL_VERSION = 1;

// A request's text is its blocks joined with this; reply offsets count it.
export const BLOCK_SEPARATOR = "\n\n";

// Browsers cannot set headers on a WebSocket handshake, so a configured token travels as a
// subprotocol with this prefix; SUBPROTOCOL is the one the daemon selects, so the token is
// never echoed back.
export const SUBPROTOCOL = "claimlight.v1";
export const TOKEN_SUBPROTOCOL_PREFIX = "claimlight.token.";

// Loopback only: the daemon never listens elsewhere, and the manifest's CSP allows no more.
export const DAEMON_HOST = "127.0.0.1";
export const DEFAULT_PORT = 47653;

// The daemon refuses longer values (AnalyzeRequest's max_length); cut, not rejected.
export const MAX_URL_CHARS = 8192;
export const MAX_TITLE_CHARS = 2048;

/** Message types the extension sends. */
export const REQUEST = Object.freeze({ analyze: "analyze", ping: "ping", cancel: "cancel" });

/** Message types the daemon sends. */
export const REPLY = Object.freeze({ result: "result", partial: "partial", pong: "pong", error: "error" });

/**
 * What a partial reply holds: the quotations the marks give, before any parse (first, over
 * every block), or some blocks' own analysis (long pages).
 */
export const PARTIAL_STAGE = Object.freeze({ quotes: "quotes", blocks: "blocks" });

/** Every `code` an error reply may carry (claimlight.protocol.ErrorCode). */
export const ERROR_CODES = Object.freeze([
  "bad_json",
  "invalid_request",
  "unsupported_version",
  "too_large",
  "busy",
  "timeout",
  "cancelled",
  "internal",
]);

/** The error codes by name, so that a misspelt one is undefined rather than never equal. */
export const ERROR = Object.freeze(Object.fromEntries(ERROR_CODES.map((code) => [code, code])));

// Worth asking again later: the daemon was only full. Everything else would fail the same
// way again (the text is too large, the analysis times out or crashes on it).
const RETRYABLE = new Set([ERROR.busy]);

export function isRetryable(code) {
  return RETRYABLE.has(code);
}

/** A `result` or an `error` ends its request; a `partial` keeps it open. */
export function endsRequest(msg) {
  return msg?.type === REPLY.result || msg?.type === REPLY.error;
}

/**
 * The fields, and their order, are the wire format: the daemon forbids unknown fields.
 * `replace`: the request supersedes the page's requests still in flight (each request is the
 * whole page as it is now).
 * @param {{id: string, url: string, title: string, blocks: string[], stream: boolean, replace?: boolean}} o
 */
export function analyzeMessage({ id, url, title, blocks, stream, replace = false }) {
  return {
    type: REQUEST.analyze,
    v: PROTOCOL_VERSION,
    id,
    url: url.slice(0, MAX_URL_CHARS),
    title: title.slice(0, MAX_TITLE_CHARS),
    blocks,
    stream,
    replace,
  };
}

/**
 * A page's analyze message with the page named: the daemon shares its workers fairly between
 * the pages of one connection, and every tab's requests go over the service worker's one
 * connection; with `replace`, it cancels the page's older requests.
 * @param {object} msg an analyzeMessage
 * @param {{tab?: {id: number}, frameId?: number}} sender the page's port sender
 */
export function withPage(msg, sender) {
  const tab = sender?.tab?.id;
  return tab === undefined ? msg : { ...msg, page: `tab${tab}-${sender.frameId ?? 0}` };
}

export function cancelMessage(id) {
  return { type: REQUEST.cancel, v: PROTOCOL_VERSION, id };
}

export function pingMessage(id) {
  return { type: REQUEST.ping, v: PROTOCOL_VERSION, id };
}

export function daemonUrl(port) {
  return `ws://${DAEMON_HOST}:${port}/ws`;
}

export function healthUrl(port) {
  return `http://${DAEMON_HOST}:${port}/health`;
}

/** The subprotocols to offer: ours, plus the token when one is configured. */
export function subprotocols(token) {
  return token ? [SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`] : [SUBPROTOCOL];
}
