/**
 * Requests per caller in a fixed window (one minute), counted in this process: every API answer
 * carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (seconds to the
 * end of the window); past the limit the answer is a 429 problem+json with `Retry-After`.
 * One synchronous hook and a Map: the plugin used before (@fastify/rate-limit) awaited several
 * promises per request, a measurable part of a cached directory read.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clock } from '../clock.js';
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

  /** The verdict `hit` would give without counting this request. */
  peek(key: string, now: number): RateVerdict {
    const w = this.windows.get(key);
    const live = w && w.endsAt > now ? w : null;
    const count = live?.count ?? 0;
    return {
      limit: this.max,
      remaining: Math.max(0, this.max - count),
      resetSeconds: live ? Math.ceil((live.endsAt - now) / 1000) : Math.ceil(this.windowMs / 1000),
      exceeded: count >= this.max,
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
  /** Requests a minute of one signed-in person (session) or one API token. */
  perCaller: number;
  /** Requests a minute of one address without credentials (pages of citizens, sign-in, a whole office behind one address). */
  perAddress: number;
  /** Requests a minute of one address whose credentials did not resolve; past it, credentials from there are refused unread. */
  failedPerAddress: number;
  windowMs?: number;
  /** Whether the request carries credentials (a session cookie or an Authorization header). */
  hasCredentials(req: FastifyRequest): boolean;
  /** The caller once credentials are resolved ('u:<user>' or 't:<token>'), or null. */
  callerOf(req: FastifyRequest): string | null;
}

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

function setHeaders(reply: FastifyReply, v: RateVerdict): void {
  reply.header('x-ratelimit-limit', v.limit).header('x-ratelimit-remaining', v.remaining).header('x-ratelimit-reset', v.resetSeconds);
}

/** The 429 refusal; the error mapper turns its `retryAfter` into the Retry-After header. */
function refusal(v: RateVerdict, detail: string) {
  return errors.rateLimited(detail, { retryAfter: v.resetSeconds });
}

export interface RateLimits {
  callers: RateWindows;
  addresses: RateWindows;
  failures: RateWindows;
}

/**
 * API requests only (static files of the web app are never counted). Three windows a minute:
 * - before credentials are resolved: an address whose credentials failed `failedPerAddress` times
 *   is refused at once, so a flood of made-up tokens or cookies never reaches the database, and
 *   rotating them gains nothing (the key is the address, never the credential's text);
 * - a request without credentials counts against its address (`perAddress`);
 * - once resolved, a request counts against its person or token (`perCaller`), wherever it comes
 *   from: ten colleagues behind one office address each have their own allowance.
 * Call `registerCallerLimit` after the auth plugin, `registerRateLimit` before it.
 */
export function registerRateLimit(app: FastifyInstance, opts: RateLimitOptions): RateLimits {
  const windowMs = opts.windowMs ?? 60_000;
  const limits: RateLimits = {
    callers: new RateWindows(opts.perCaller, windowMs),
    addresses: new RateWindows(opts.perAddress, windowMs),
    failures: new RateWindows(opts.failedPerAddress, windowMs),
  };
  app.addHook('onRequest', (req, reply, done) => {
    if (!isApi(req)) return done();
    const now = clock.now();
    if (opts.hasCredentials(req)) {
      const f = limits.failures.peek(`ip:${req.ip}`, now);
      if (!f.exceeded) return done();
      setHeaders(reply, f);
      return done(refusal(f, `Troppe credenziali non valide da questo indirizzo; riprova tra ${f.resetSeconds} s.`));
    }
    const v = limits.addresses.hit(`ip:${req.ip}`, now);
    setHeaders(reply, v);
    if (!v.exceeded) return done();
    done(refusal(v, `Limite di ${v.limit} richieste al minuto superato; riprova tra ${v.resetSeconds} s.`));
  });
  // credentials refused (401: a made-up token, a cookie of an ended session on a page that needs one) count against the address
  app.addHook('onResponse', (req, reply, done) => {
    if (isApi(req) && reply.statusCode === 401 && opts.hasCredentials(req)) limits.failures.hit(`ip:${req.ip}`, clock.now());
    done();
  });
  return limits;
}

/** The per-person (or per-token) window, once the auth plugin has resolved the caller. */
export function registerCallerLimit(app: FastifyInstance, opts: Pick<RateLimitOptions, 'callerOf' | 'hasCredentials'>, limits: RateLimits): void {
  app.addHook('onRequest', (req, reply, done) => {
    if (!isApi(req) || !opts.hasCredentials(req)) return done();
    const caller = opts.callerOf(req);
    // unresolved credentials: counted as a failure when answered; meanwhile the address pays
    const v = caller ? limits.callers.hit(caller, clock.now()) : limits.addresses.hit(`ip:${req.ip}`, clock.now());
    setHeaders(reply, v);
    if (!v.exceeded) return done();
    done(refusal(v, `Limite di ${v.limit} richieste al minuto superato; riprova tra ${v.resetSeconds} s.`));
  });
}
