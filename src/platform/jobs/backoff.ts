/** Retry delays: exponential (base · 2^(attempt−1)), capped, with jitter so retries spread out. */
export interface BackoffOptions {
  /** Delay after the first failure before jitter, in ms (default 30 s). */
  baseMs?: number;
  /** Upper bound of a delay, in ms (default 1 h). */
  capMs?: number;
}

/**
 * Delay before the next attempt, after `attempt` failed attempts (1, 2, …). The jitter keeps the
 * delay in [50%, 100%] of the exponential value, so it still grows with each attempt.
 */
export function retryDelayMs(attempt: number, opts: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = opts.baseMs ?? 30_000;
  const cap = opts.capMs ?? 3_600_000;
  const exp = Math.min(cap, base * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(exp * (0.5 + 0.5 * random()));
}
