/**
 * Requests per caller in a fixed window (one minute), counted in this process: every answer
 * carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (seconds to the
 * end of the window); past the limit the answer is a 429 problem+json with `Retry-After`.
 * One synchronous hook and a Map: the plugin used before (@fastify/rate-limit) awaited several
 * promises per request, a measurable part of a cached directory read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from './errors.js';

export interface RateVerdict {
  limit: number;
  remaining: number;
  /** seconds to the end of the window */
  resetSeconds: number;
  exceeded: boolean;
}

/** The counting, apart from HTTP: `hit` counts one request of `key` at `now` (ms). */
export class RateWindows {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private sweepAt = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
    /** Most keys kept; beyond it the oldest windows are forgotten. */
    readonly maxKeys = 100_000,
  ) {}

  hit(key: string, now: number): RateVerdict {
    if (now >= this.sweepAt) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      this.windows.delete(key); // re-inserted last: the Map stays in order of window start
      w = { count: 0, endsAt: now + this.windowMs };
      this.windows.set(key, w);
      if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
    }
    w.count++;
    return {
      limit: this.max,
      remaining: Math.max(0, this.max - w.count),
      resetSeconds: Math.ceil((w.endsAt - now) / 1000),
      exceeded: w.count > this.max,
    };
  }

  /** Drops the windows that have ended (at most once per window length). */
  private sweep(now: number): void {
    for (const [key, w] of this.windows) {
      if (w.endsAt > now) break; // in order of window start, hence of end
      this.windows.delete(key);
    }
    this.sweepAt = now + this.windowMs;
  }

  get size(): number {
    return this.windows.size;
  }
}

export interface RateLimitOptions {
  max: number;
  windowMs?: number;
  keyOf(req: FastifyRequest): string;
}

export function registerRateLimit(app: FastifyInstance, opts: RateLimitOptions): RateWindows {
  const windows = new RateWindows(opts.max, opts.windowMs ?? 60_000);
  app.addHook('onRequest', (req, reply, done) => {
    const v = windows.hit(opts.keyOf(req), Date.now());
    reply.header('x-ratelimit-limit', v.limit).header('x-ratelimit-remaining', v.remaining).header('x-ratelimit-reset', v.resetSeconds);
    if (!v.exceeded) return done();
    reply.header('retry-after', v.resetSeconds);
    done(errors.rateLimited(`Limite di ${v.limit} richieste al minuto superato; riprova tra ${v.resetSeconds} s.`));
  });
  return windows;
}
