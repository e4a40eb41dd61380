// Reconnect delays: 0.5 s doubling up to 30 s. Half of each delay is random ("equal
// jitter") so that many browsers do not hammer a restarting daemon in lockstep, while
// the wait never drops below half the nominal delay.

export const BACKOFF = { initialMs: 500, maxMs: 30_000, factor: 2 };

export function nominalDelay(attempt, opts = BACKOFF) {
  const n = Math.max(0, Math.floor(attempt));
  // Cap the exponent first: 2 ** 1100 is Infinity and Infinity * 0 would be NaN.
  const exp = Math.min(n, 64);
  return Math.min(opts.maxMs, opts.initialMs * opts.factor ** exp);
}

export function backoffDelay(attempt, random = Math.random, opts = BACKOFF) {
  const nominal = nominalDelay(attempt, opts);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
